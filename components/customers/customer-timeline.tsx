// Everything Bolt knows about a customer, newest first: past appointments, calls (voicemails with their
// transcript), and texts both ways. Times in the salon's time zone.
import Link from "@/components/ui/link";
import { CalendarIcon, MessageSquareIcon, PhoneIcon, SendIcon, VoicemailIcon } from "lucide-react";
import { CallOutcomeBadge } from "@/components/calls/call-badges";
import { Badge } from "@/components/ui/badge";
import type { CallOutcome } from "@/lib/calls/call-outcome";
import type { TimelineEntry } from "@/lib/customers/get-customer";
import { formatDateTime, formatDuration } from "@/lib/format";

export const APPOINTMENT_STATUS_LABELS = {
  BOOKED: "Booked",
  CONFIRMED: "Confirmed",
  CANCELLED: "Cancelled",
  COMPLETED: "Completed",
  NO_SHOW: "No-show",
} as const;

function Entry({ entry }: { entry: TimelineEntry }) {
  switch (entry.kind) {
    case "appointment":
      return (
        <>
          <CalendarIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
          <div className="grid gap-0.5">
            <p className="font-medium">
              {entry.service ?? "Appointment"}
              {entry.employee && <span className="font-normal text-muted-foreground"> with {entry.employee}</span>}
            </p>
            <Badge variant={entry.status === "NO_SHOW" || entry.status === "CANCELLED" ? "warning" : "secondary"}>{APPOINTMENT_STATUS_LABELS[entry.status]}</Badge>
          </div>
        </>
      );
    case "call":
      return (
        <>
          {entry.voicemail ? <VoicemailIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden /> : <PhoneIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />}
          <div className="grid gap-1">
            <p className="flex flex-wrap items-center gap-2">
              <Link href={`/calls/${entry.id}`} className="font-medium underline-offset-4 hover:underline">
                {entry.voicemail ? "Voicemail" : "Call"}
              </Link>
              <CallOutcomeBadge outcome={entry.outcome as CallOutcome} />
              {entry.durationSeconds !== null && <span className="text-xs text-muted-foreground">{formatDuration(entry.durationSeconds)}</span>}
            </p>
            {entry.voicemail?.transcript && <p className="text-muted-foreground">“{entry.voicemail.transcript}”</p>}
          </div>
        </>
      );
    case "text_in":
      return (
        <>
          <MessageSquareIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
          <div className="grid gap-0.5">
            <p className="text-xs text-muted-foreground">Texted the salon</p>
            <p className="break-words whitespace-pre-wrap">{entry.body}</p>
          </div>
        </>
      );
    case "text_out":
      return (
        <>
          <SendIcon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden />
          <div className="grid gap-0.5">
            <p className="text-xs text-muted-foreground">
              {entry.automated ? "Bolt texted" : "The salon texted"} · {entry.status.toLowerCase()}
            </p>
            <p className="break-words whitespace-pre-wrap">{entry.body}</p>
          </div>
        </>
      );
  }
}

export function CustomerTimeline({ entries, timeZone }: { entries: TimelineEntry[]; timeZone: string }) {
  if (entries.length === 0) return <p className="text-sm text-muted-foreground">Nothing yet: no past visits, calls or texts.</p>;
  return (
    <ol className="grid gap-4 text-sm" aria-label="History, newest first">
      {entries.map((entry) => (
        <li key={`${entry.kind}:${entry.id}`} className="grid gap-1 border-b pb-3 last:border-0">
          <time dateTime={entry.at.toISOString()} className="text-xs text-muted-foreground tabular-nums">
            {formatDateTime(entry.at, timeZone)}
          </time>
          <div className="flex items-start gap-3">
            <Entry entry={entry} />
          </div>
        </li>
      ))}
    </ol>
  );
}
