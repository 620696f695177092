// A notification's status history, oldest first: one entry per event the sender or Twilio reported.
import { format } from "date-fns";
import { STATUS_LABELS } from "@/components/notifications/labels";
import { NotificationStatusBadge } from "@/components/notifications/notification-status-badge";
import type { NotificationStatus } from "@/lib/generated/prisma/enums";
import { describeTwilioError } from "@/lib/telephony/error-codes";
import { inZone } from "@/lib/time/zoned";

type HistoryEvent = {
  id: string;
  status: NotificationStatus;
  errorCode: string | null;
  detail: string | null;
  occurredAt: Date;
};

export function NotificationHistory({ events, timeZone }: { events: HistoryEvent[]; timeZone: string }) {
  if (events.length === 0)
    return <p className="text-sm text-muted-foreground">No status changes recorded yet.</p>;
  return (
    <ol className="relative grid gap-4 border-l pl-5" aria-label="Status history">
      {events.map((e) => (
        <li key={e.id} className="relative grid gap-1">
          <span
            className="absolute top-1.5 -left-[1.6rem] size-2.5 rounded-full border-2 border-background bg-muted-foreground/60"
            aria-hidden
          />
          <div className="flex flex-wrap items-center gap-2">
            <NotificationStatusBadge status={e.status} />
            <time
              dateTime={e.occurredAt.toISOString()}
              className="text-sm text-muted-foreground tabular-nums"
            >
              {format(inZone(e.occurredAt, timeZone), "MMM d, h:mm:ss a")}
            </time>
          </div>
          {e.detail && e.detail !== STATUS_LABELS[e.status] && (
            <p className="text-sm">{describeDetail(e.detail, timeZone)}</p>
          )}
          {e.errorCode && (
            <p className="text-sm text-destructive">
              {describeTwilioError(e.errorCode)}{" "}
              <span className="text-muted-foreground">(error {e.errorCode})</span>
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

// Event details may carry an ISO instant ("will send at 2025-11-26T16:00:00.000Z"); show it in salon time.
function describeDetail(detail: string, timeZone: string): string {
  return detail.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z/g, (iso) =>
    format(inZone(iso, timeZone), "MMM d, h:mm a"),
  );
}
