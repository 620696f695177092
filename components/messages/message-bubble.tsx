// One text in a thread: theirs on the left, the salon's on the right with who sent it and where it is.
import { format } from "date-fns";
import { AlertCircleIcon, CheckCheckIcon, CheckIcon, ClockIcon, PaperclipIcon } from "lucide-react";
import { describeDelivery, type DeliveryTone } from "@/components/messages/delivery-state";
import { KIND_LABELS } from "@/components/notifications/labels";
import type { ThreadMessage } from "@/lib/conversations/thread-message";
import type { SalonQuietHours } from "@/lib/messaging/quiet-hours";
import { inZone } from "@/lib/time/zoned";
import { cn } from "@/lib/utils";

const TONE_ICONS: Record<DeliveryTone, typeof CheckIcon> = {
  pending: ClockIcon,
  sent: CheckIcon,
  delivered: CheckCheckIcon,
  problem: AlertCircleIcon,
};

// What Bolt did with a keyword text, so staff don't answer it twice.
const KEYWORD_NOTES: Record<string, string> = {
  STOP: "Opted out of texts",
  START: "Opted back in",
  HELP: "Asked for help — Bolt replied",
  CONFIRM: "Confirmed — Bolt replied",
  RESCHEDULE: "Wants to reschedule",
};

type Props = {
  message: ThreadMessage;
  /** The salon's zone and quiet hours: a waiting text says when it will really go out. */
  salon: SalonQuietHours;
  now: Date;
  authors: Record<string, string>;
  /** Said before the customer's texts to screen readers, which don't see which side a bubble is on. */
  customerName: string;
};

export function MessageBubble({ message: m, salon, now, authors, customerName }: Props) {
  const { timeZone } = salon;
  const time = (
    <time dateTime={m.at.toISOString()} className="tabular-nums">
      {format(inZone(m.at, timeZone), "h:mm a")}
    </time>
  );

  if (m.direction === "INBOUND") {
    return (
      <li
        data-direction="inbound"
        data-message-id={m.id}
        className="grid max-w-[85%] justify-items-start gap-1 sm:max-w-[70%]"
      >
        <p className="rounded-2xl rounded-bl-sm bg-muted px-3.5 py-2 text-sm whitespace-pre-wrap break-words">
          <span className="sr-only">{customerName}: </span>
          {m.body || <span className="italic text-muted-foreground">(no text)</span>}
        </p>
        {m.mediaUrls.length > 0 && (
          <span className="flex flex-wrap gap-2 text-xs">
            {m.mediaUrls.map((url, i) => (
              // Through Bolt, which fetches it from Twilio with the account's credentials: Twilio's own
              // URL either asks staff for a Twilio password or is public to anyone holding it.
              <a
                key={url}
                href={`/api/telephony/inbound-messages/${encodeURIComponent(m.id)}/media/${i}`}
                target="_blank"
                rel="noreferrer"
                className="inline-flex items-center gap-1 text-primary underline-offset-4 hover:underline"
              >
                <PaperclipIcon className="size-3" aria-hidden />
                Attachment {i + 1}
              </a>
            ))}
          </span>
        )}
        <span className="flex items-center gap-1.5 px-1 text-xs text-muted-foreground">
          {time}
          {m.keyword && <span>· {KEYWORD_NOTES[m.keyword] ?? `Keyword ${m.keyword}`}</span>}
        </span>
      </li>
    );
  }

  const state = describeDelivery(m, salon, now);
  const Icon = TONE_ICONS[state.tone];
  // A staff reply names its writer; a custom text without one came through an API key.
  const author = m.createdByUserId
    ? (authors[m.createdByUserId] ?? "Staff")
    : m.kind === "CUSTOM"
      ? "Your team"
      : `Bolt · ${KIND_LABELS[m.kind]}`;
  const problem = state.tone === "problem";
  return (
    <li
      data-direction="outbound"
      data-message-id={m.id}
      data-status={m.status}
      className="ml-auto grid max-w-[85%] justify-items-end gap-1 sm:max-w-[70%]"
    >
      <p
        className={cn(
          "rounded-2xl rounded-br-sm px-3.5 py-2 text-sm whitespace-pre-wrap break-words",
          problem ? "border border-destructive/40 bg-destructive/5" : "bg-primary text-primary-foreground",
        )}
      >
        {m.body}
      </p>
      <span className="flex flex-wrap items-center justify-end gap-x-1.5 px-1 text-xs text-muted-foreground">
        <span>{author}</span>·{!state.waiting && <>{time}·</>}
        <span
          className={cn(
            "inline-flex items-center gap-1",
            state.tone === "delivered" && "text-success",
            problem && "text-destructive",
          )}
          data-testid="delivery-state"
        >
          <Icon className="size-3" aria-hidden />
          {state.label}
        </span>
      </span>
      {state.detail && (
        <span
          className={cn("px-1 text-right text-xs", problem ? "text-destructive" : "text-muted-foreground")}
        >
          {state.detail}
        </span>
      )}
    </li>
  );
}
