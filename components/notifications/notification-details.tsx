// The facts about one notification, as a definition list: who, what, when, and the provider's id.
import { CHANNEL_LABELS, KIND_LABELS } from "@/components/notifications/labels";
import { formatDateTime } from "@/lib/format";
import type { NotificationChannel, NotificationKind } from "@/lib/generated/prisma/enums";

type Details = {
  channel: NotificationChannel;
  kind: NotificationKind;
  recipientName: string;
  recipientDetail: string;
  segmentCount: number;
  attempts: number;
  providerMessageId: string | null;
  errorCode: string | null;
  createdAt: Date;
  scheduledFor: Date | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
};

export function NotificationDetails({ n, timeZone }: { n: Details; timeZone: string }) {
  const at = (d: Date | null) =>
    d ? <time dateTime={d.toISOString()}>{formatDateTime(d, timeZone)}</time> : null;
  const items: Array<[string, React.ReactNode]> = [
    [
      "To",
      n.recipientDetail === n.recipientName ? n.recipientName : `${n.recipientName} · ${n.recipientDetail}`,
    ],
    ["Kind", KIND_LABELS[n.kind]],
    [
      "Channel",
      n.channel === "SMS"
        ? `${CHANNEL_LABELS.SMS} · ${n.segmentCount} segment${n.segmentCount === 1 ? "" : "s"}`
        : CHANNEL_LABELS.EMAIL,
    ],
    ["Created", at(n.createdAt)],
    ["Scheduled for", at(n.scheduledFor)],
    ["Sent", at(n.sentAt)],
    ["Delivered", at(n.deliveredAt)],
    ["Failed", at(n.failedAt)],
    ["Attempts", n.attempts > 1 ? String(n.attempts) : null],
    ["Error code", n.errorCode],
    [
      "Message ID",
      n.providerMessageId ? <code className="font-mono text-xs break-all">{n.providerMessageId}</code> : null,
    ],
  ];
  return (
    <dl className="grid gap-x-4 gap-y-2.5 text-sm sm:grid-cols-[8rem_1fr]">
      {items
        .filter(([, value]) => value !== null && value !== undefined && value !== "")
        .map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="min-w-0 font-medium">{value}</dd>
          </div>
        ))}
    </dl>
  );
}
