// What happened on a call, oldest first: it rang, what the caller asked and what Bolt answered, the
// transfer and how it went, the voicemail and its transcript, how it ended, and any text Bolt sent the
// caller because of it. Entries and their words come from getCallLog's timeline (lib/calls/call-timeline.ts).
import { format } from "date-fns";
import {
  AudioLinesIcon,
  CalendarCheckIcon,
  CalendarClockIcon,
  CalendarPlusIcon,
  CalendarSearchIcon,
  CalendarXIcon,
  FileTextIcon,
  FileXIcon,
  Grid3x3Icon,
  HandIcon,
  HourglassIcon,
  InfoIcon,
  LanguagesIcon,
  ListIcon,
  MessageSquareIcon,
  MicIcon,
  PhoneCallIcon,
  PhoneForwardedIcon,
  PhoneIncomingIcon,
  PhoneMissedIcon,
  PhoneOffIcon,
  PhoneOutgoingIcon,
  RotateCcwIcon,
  VoicemailIcon,
  type LucideIcon,
} from "lucide-react";
import type { CallOutcome } from "@/lib/calls/call-outcome";
import type { CallTimelineEntry, CallTimelineKind } from "@/lib/calls/call-timeline";
import { inZone } from "@/lib/time/zoned";
import { cn } from "@/lib/utils";

type Props = {
  entries: CallTimelineEntry[];
  timeZone: string;
  outcome: CallOutcome;
};

const ICONS: Record<CallTimelineKind, LucideIcon> = {
  started: PhoneIncomingIcon,
  greeting: AudioLinesIcon,
  heard: MicIcon,
  reprompted: RotateCcwIcon,
  menu_repeated: ListIcon,
  language_chosen: LanguagesIcon,
  info_given: InfoIcon,
  booking_text: CalendarPlusIcon,
  slots_offered: CalendarSearchIcon,
  appointment_booked: CalendarPlusIcon,
  appointment_moved: CalendarClockIcon,
  appointment_cancelled: CalendarXIcon,
  appointment_confirmed: CalendarCheckIcon,
  waitlist_joined: HourglassIcon,
  transfer_started: PhoneForwardedIcon,
  answered: PhoneCallIcon,
  transfer_ended: PhoneOutgoingIcon,
  voicemail_started: VoicemailIcon,
  voicemail: VoicemailIcon,
  goodbye: HandIcon,
  transcript_ready: FileTextIcon,
  transcript_failed: FileXIcon,
  ended: PhoneOffIcon,
  text: MessageSquareIcon,
};

function iconOf(entry: CallTimelineEntry, missed: boolean): LucideIcon {
  if (missed) return PhoneMissedIcon;
  if (entry.kind === "heard" && entry.digits && !entry.heard) return Grid3x3Icon;
  if (entry.kind === "transfer_ended" && entry.result !== "completed") return PhoneMissedIcon;
  return ICONS[entry.kind];
}

/** Something that went wrong for the caller: the missed call itself, a transfer nobody took, a lost transcript. */
function isSetback(entry: CallTimelineEntry, outcome: CallOutcome): boolean {
  if (entry.kind === "ended") return outcome === "MISSED";
  return (
    (entry.kind === "transfer_ended" && entry.result !== "completed") || entry.kind === "transcript_failed"
  );
}

export function CallTimeline({ entries, timeZone, outcome }: Props) {
  return (
    <ol className="relative grid gap-4 border-l pl-5" aria-label="Call timeline">
      {entries.map((entry, i) => {
        const setback = isSetback(entry, outcome);
        const Icon = iconOf(entry, entry.kind === "ended" && setback);
        return (
          <li key={`${entry.kind}-${i}`} data-kind={entry.kind} className="relative grid gap-0.5">
            <span
              className={cn(
                "absolute top-0.5 -left-[1.95rem] flex size-5 items-center justify-center rounded-full border-2 border-background bg-muted text-muted-foreground",
                setback && "bg-destructive/15 text-destructive",
              )}
              aria-hidden
            >
              <Icon className="size-3" />
            </span>
            <p className={cn("text-sm font-medium break-words", setback && "text-destructive")}>
              {entry.label}
            </p>
            <time dateTime={entry.at.toISOString()} className="text-xs text-muted-foreground tabular-nums">
              {format(inZone(entry.at, timeZone), "MMM d, h:mm:ss a")}
            </time>
          </li>
        );
      })}
    </ol>
  );
}
