// Turns a notification from the query into what a table row shows, on the server: times in the
// salon's zone, phones formatted, failure codes in words. The client table only lays it out.
import { format } from "date-fns";
import { formatDateTime } from "@/lib/format";
import type { NotificationChannel, NotificationKind, NotificationStatus } from "@/lib/generated/prisma/enums";
import type { NotificationListItem } from "@/lib/notifications/queries";
import { formatPhone } from "@/lib/phone";
import { describeTwilioError } from "@/lib/telephony/error-codes";
import { inZone } from "@/lib/time/zoned";
import { CHANNEL_LABELS, KIND_LABELS } from "@/components/notifications/labels";

export type NotificationRow = {
  id: string;
  createdAtIso: string;
  createdLabel: string;
  createdTitle: string;
  status: NotificationStatus;
  channel: NotificationChannel;
  channelLabel: string;
  kind: NotificationKind;
  kindLabel: string;
  recipientName: string;
  recipientDetail: string;
  recipientKindLabel: string;
  body: string;
  segmentCount: number;
  /** Why it didn't arrive (or was stopped), in words. */
  problem: string | null;
  /** "Scheduled for Nov 26, 8:00 AM" for a text waiting on its time (reminder, quiet hours). */
  scheduledLabel: string | null;
};

const RECIPIENT_KIND_LABELS = { CUSTOMER: "Customer", EMPLOYEE: "Employee", OTHER: "Number" } as const;

export function recipientOf(
  n: Pick<NotificationListItem, "channel" | "destination" | "customer" | "employee">,
) {
  const detail = n.channel === "SMS" ? formatPhone(n.destination) : n.destination;
  return { name: n.customer?.name ?? n.employee?.name ?? detail, detail };
}

export function problemOf(
  n: Pick<NotificationListItem, "status" | "failureReason" | "errorCode">,
): string | null {
  if (!["FAILED", "UNDELIVERED", "CANCELED"].includes(n.status)) return null;
  return (
    n.failureReason ??
    (n.errorCode
      ? describeTwilioError(n.errorCode)
      : n.status === "CANCELED"
        ? "Stopped before sending."
        : describeTwilioError(null))
  );
}

export function toNotificationRow(n: NotificationListItem, timeZone: string, now: Date): NotificationRow {
  const recipient = recipientOf(n);
  const waiting = n.status === "QUEUED" && n.scheduledFor && n.scheduledFor > now;
  return {
    id: n.id,
    createdAtIso: n.createdAt.toISOString(),
    createdLabel: format(inZone(n.createdAt, timeZone), "MMM d, h:mm a"),
    createdTitle: formatDateTime(n.createdAt, timeZone, "long"),
    status: n.status,
    channel: n.channel,
    channelLabel: CHANNEL_LABELS[n.channel],
    kind: n.kind,
    kindLabel: KIND_LABELS[n.kind],
    recipientName: recipient.name,
    recipientDetail: recipient.detail,
    recipientKindLabel: RECIPIENT_KIND_LABELS[n.recipientKind],
    body: n.subject ? `${n.subject} — ${n.body}` : n.body,
    segmentCount: n.segmentCount,
    problem: problemOf(n),
    scheduledLabel: waiting ? `Scheduled for ${formatDateTime(n.scheduledFor, timeZone)}` : null,
  };
}
