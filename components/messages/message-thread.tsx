// A conversation's texts in time order, with a line for each day on the salon's calendar and a "New"
// line before the first text that was unread on opening (UnreadDivider, inside an UnreadBoundary).
import { format } from "date-fns";
import { Fragment } from "react";
import { MessageBubble } from "@/components/messages/message-bubble";
import { UnreadDivider } from "@/components/messages/unread-divider";
import type { ThreadMessage } from "@/lib/conversations/thread-message";
import type { SalonQuietHours } from "@/lib/messaging/quiet-hours";
import { calendarDaysBetween, getZonedParts, inZone } from "@/lib/time/zoned";

type Props = {
  messages: ThreadMessage[];
  /** The salon's zone (days and times) and quiet hours (when a waiting text goes out). */
  salon: SalonQuietHours;
  now: Date;
  authors: Record<string, string>;
  /** Who the customer is to staff ("Ava Martinez" or their number), read out before each of their texts. */
  customerName: string;
};

function dayLabel(at: Date, timeZone: string, now: Date): string {
  const days = calendarDaysBetween(getZonedParts(at, timeZone), getZonedParts(now, timeZone));
  if (days === 0) return "Today";
  if (days === 1) return "Yesterday";
  // A text waiting for tomorrow (a reminder) sits under its own day, after today's.
  if (days === -1) return "Tomorrow";
  return format(inZone(at, timeZone), days < 180 ? "EEEE, MMMM d" : "EEEE, MMMM d, yyyy");
}

export function MessageThread({ messages, salon, now, authors, customerName }: Props) {
  const { timeZone } = salon;
  const days: Array<{ key: string; label: string; messages: ThreadMessage[] }> = [];
  for (const m of messages) {
    const key = format(inZone(m.at, timeZone), "yyyy-MM-dd");
    const last = days.at(-1);
    if (last?.key === key) last.messages.push(m);
    else days.push({ key, label: dayLabel(m.at, timeZone, now), messages: [m] });
  }
  return (
    <div className="grid gap-4">
      {days.map((day) => (
        <section key={day.key} aria-label={day.label} className="grid gap-3">
          <h3 className="flex items-center gap-3 text-xs font-medium text-muted-foreground before:h-px before:flex-1 before:bg-border after:h-px after:flex-1 after:bg-border">
            {day.label}
          </h3>
          <ol className="grid gap-3">
            {day.messages.map((m) => (
              <Fragment key={`${m.direction}-${m.id}`}>
                {m.direction === "INBOUND" && <UnreadDivider messageId={m.id} />}
                <MessageBubble
                  message={m}
                  salon={salon}
                  now={now}
                  authors={authors}
                  customerName={customerName}
                />
              </Fragment>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
