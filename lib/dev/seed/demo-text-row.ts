// One demo text as the sending path leaves it: the Notification row and its status history (queued,
// handed to Twilio, then delivered, failed or never confirmed), or cancelled before sending.
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind, NotificationStatus, RecipientKind } from "@/lib/generated/prisma/enums";
import { sid } from "@/lib/dev/seed/demo-random";
import { describeTwilioError } from "@/lib/telephony/error-codes";

export type DemoText = {
  notification: Prisma.NotificationCreateManyInput & { id: string; createdAt: Date };
  events: Prisma.NotificationEventCreateManyInput[];
};

/** How it ended: Twilio's last word, a carrier error code, or the reason it never went out. */
export type DemoTextOutcome =
  | { status: "DELIVERED" | "SENT" }
  | { status: "FAILED" | "UNDELIVERED"; errorCode: string }
  | { status: "CANCELED"; reason: string };

export type DemoTextInput = {
  salonId: string;
  kind: NotificationKind;
  /** The text as it went out (already "Salon: …"). */
  body: string;
  destination: string;
  recipientKind: RecipientKind;
  customerId?: string | null;
  appointmentId?: string | null;
  createdByUserId?: string | null;
  /** The idempotency key the real path uses, so pages that look texts up by key find them. */
  key?: string | null;
  /** When the row was written (QUEUED). */
  queuedAt: Date;
  /** A reminder's planned moment. */
  scheduledFor?: Date | null;
  /** When the delivery job ran: queuedAt unless quiet hours or a reminder's time held it. */
  sendAt?: Date;
  outcome: DemoTextOutcome;
};

const SENT_AFTER_MS = 1500;
const RECEIPT_AFTER_MS = 4000;

export function buildDemoText(input: DemoTextInput): DemoText {
  const id = randomUUID();
  const { salonId, outcome } = input;
  const sendAt = input.sendAt ?? input.queuedAt;
  const sent = new Date(sendAt.getTime() + SENT_AFTER_MS);
  const receipt = new Date(sendAt.getTime() + RECEIPT_AFTER_MS);
  const failed = outcome.status === "FAILED" || outcome.status === "UNDELIVERED";
  const errorCode = "errorCode" in outcome ? outcome.errorCode : null;
  const failureReason =
    outcome.status === "CANCELED" ? outcome.reason : failed ? describeTwilioError(errorCode) : null;
  const notification: DemoText["notification"] = {
    id,
    salonId,
    recipientKind: input.recipientKind,
    customerId: input.customerId ?? null,
    appointmentId: input.appointmentId ?? null,
    createdByUserId: input.createdByUserId ?? null,
    destination: input.destination,
    body: input.body,
    kind: input.kind,
    idempotencyKey: input.key ?? null,
    scheduledFor: input.scheduledFor ?? null,
    createdAt: input.queuedAt,
    status: outcome.status,
    failureReason,
    errorCode,
    ...(outcome.status === "CANCELED"
      ? {}
      : {
          providerMessageId: sid("SM"),
          attempts: 1,
          sentAt: sent,
          deliveredAt: outcome.status === "DELIVERED" ? receipt : null,
          failedAt: failed ? receipt : null,
        }),
  };
  type Step = [NotificationStatus, Date, string | null];
  const history: Step[] =
    outcome.status === "CANCELED"
      ? [["CANCELED", sendAt, outcome.reason]]
      : [
          ["QUEUED", input.queuedAt, "Queued"],
          ["SENT", sent, null],
          ...(outcome.status === "SENT" ? [] : [[outcome.status, receipt, failureReason] satisfies Step]),
        ];
  const events = history.map(([status, occurredAt, detail]) => ({
    id: randomUUID(),
    salonId,
    notificationId: id,
    status,
    occurredAt,
    detail,
    errorCode: status === "FAILED" || status === "UNDELIVERED" ? errorCode : null,
  }));
  return { notification, events };
}
