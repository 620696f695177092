// The texts demo calls caused (the booking text, the missed-call text-back), shaped as the normal
// sending path leaves them: delivered a few seconds later with their status history, or recorded as
// not sent to a caller who opted out.
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { composeSmsBody } from "@/lib/messaging/compose";
import { OPTED_OUT_REASON } from "@/lib/messaging/send-sms";
import type { DemoCallRow } from "@/lib/seed/demo-calls";
import { buildDemoText, type DemoText } from "@/lib/seed/demo-text-row";

export type DemoCallText = DemoText;

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
  return buildDemoText({
    salonId: call.salonId,
    kind,
    body: composeSmsBody({ salonName, body }),
    destination: call.from,
    recipientKind: call.customerId ? "CUSTOMER" : "OTHER",
    customerId: call.customerId ?? null,
    key,
    queuedAt: at,
    outcome: optedOut ? { status: "CANCELED", reason: OPTED_OUT_REASON } : { status: "DELIVERED" },
  });
}
