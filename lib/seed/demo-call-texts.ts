// The texts demo calls caused (the booking text, the missed-call text-back), shaped as the normal
// sending path leaves them: delivered a few seconds later with their status history, or recorded as
// not sent to a caller who opted out.
import { randomBytes, randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { composeSmsBody } from "@/lib/messaging/compose";
import { OPTED_OUT_REASON } from "@/lib/messaging/send-sms";
import type { DemoCallRow } from "@/lib/seed/demo-calls";

export type DemoCallText = {
  notification: Prisma.NotificationCreateManyInput;
  events: Prisma.NotificationEventCreateManyInput[];
};

export type DemoCallTextInput = {
  call: DemoCallRow;
  kind: NotificationKind;
  at: Date;
  /** The idempotency key the real path uses, which is how the call's page finds the text. */
  key: string;
  body: string;
  salonName: string;
  optedOut: boolean;
};

export function buildDemoCallText({
  call,
  kind,
  at,
  key,
  body,
  salonName,
  optedOut,
}: DemoCallTextInput): DemoCallText {
  const id = randomUUID();
  const { salonId } = call;
  const sent = new Date(at.getTime() + 1500);
  const delivered = new Date(at.getTime() + 4000);
  const notification: Prisma.NotificationCreateManyInput = {
    id,
    salonId,
    recipientKind: call.customerId ? "CUSTOMER" : "OTHER",
    customerId: call.customerId ?? null,
    destination: call.from,
    body: composeSmsBody({ salonName, body }),
    kind,
    idempotencyKey: key,
    createdAt: at,
    ...(optedOut
      ? { status: "CANCELED", failureReason: OPTED_OUT_REASON }
      : {
          status: "DELIVERED",
          providerMessageId: `SM${randomBytes(16).toString("hex")}`,
          sentAt: sent,
          deliveredAt: delivered,
        }),
  };
  const history = optedOut
    ? ([["CANCELED", at, OPTED_OUT_REASON]] as const)
    : ([
        ["QUEUED", at, "Queued"],
        ["SENT", sent, null],
        ["DELIVERED", delivered, null],
      ] as const);
  const events = history.map(([status, occurredAt, detail]) => ({
    id: randomUUID(),
    salonId,
    notificationId: id,
    status,
    occurredAt,
    detail,
  }));
  return { notification, events };
}
