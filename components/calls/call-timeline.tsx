// What happened on a call, oldest first: it rang, staff answered (or Bolt did), a voicemail, how it
// ended, and any text Bolt sent the caller because of it. Entries come from getCallLog's timeline.
import { format } from "date-fns";
import {
  MessageSquareIcon,
  PhoneForwardedIcon,
  PhoneIncomingIcon,
  PhoneMissedIcon,
  PhoneOffIcon,
  VoicemailIcon,
  type LucideIcon,
} from "lucide-react";
import type { CallOutcome } from "@/components/calls/labels";
import type { CallTimelineEntry } from "@/lib/calls/get-call-log";
import { formatPhone } from "@/lib/phone";
import { inZone } from "@/lib/time/zoned";
import { cn } from "@/lib/utils";

type Props = {
  entries: CallTimelineEntry[];
  timeZone: string;
  callerName: string;
  forwardedTo: string | null;
  outcome: CallOutcome;
};

const ICONS: Record<CallTimelineEntry["kind"], LucideIcon> = {
  started: PhoneIncomingIcon,
  answered: PhoneForwardedIcon,
  voicemail: VoicemailIcon,
  ended: PhoneOffIcon,
  text: MessageSquareIcon,
};

function labelOf(entry: CallTimelineEntry, props: Props): string {
  switch (entry.kind) {
    case "started":
      return `Rang — ${props.callerName} called`;
    case "answered":
      return props.forwardedTo
        ? `Forwarded to ${formatPhone(props.forwardedTo)} and answered`
        : "Answered by staff";
    case "ended":
      return props.outcome === "MISSED" ? `Missed — ${entry.label.toLowerCase()}` : entry.label;
    default:
      return entry.label;
  }
}

export function CallTimeline(props: Props) {
  const { entries, timeZone, outcome } = props;
  return (
    <ol className="relative grid gap-4 border-l pl-5" aria-label="Call timeline">
      {entries.map((entry, i) => {
        const missed = entry.kind === "ended" && outcome === "MISSED";
        const Icon = missed ? PhoneMissedIcon : ICONS[entry.kind];
        return (
          <li key={`${entry.kind}-${i}`} data-kind={entry.kind} className="relative grid gap-0.5">
            <span
              className={cn(
                "absolute top-0.5 -left-[1.95rem] flex size-5 items-center justify-center rounded-full border-2 border-background bg-muted text-muted-foreground",
                missed && "bg-destructive/15 text-destructive",
              )}
              aria-hidden
            >
              <Icon className="size-3" />
            </span>
            <p className={cn("text-sm font-medium", missed && "text-destructive")}>{labelOf(entry, props)}</p>
            <time dateTime={entry.at.toISOString()} className="text-xs text-muted-foreground tabular-nums">
              {format(inZone(entry.at, timeZone), "MMM d, h:mm:ss a")}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
