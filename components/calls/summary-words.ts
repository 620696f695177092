// A call's summary in plain words: what the caller wanted, what Bolt did, and why staff should follow
// up — for the Calls list's summary line and the call's page. Times in the salon's zone. Client-safe.
import { format } from "date-fns";
import { OUTCOME_LABELS, REASON_LABELS } from "@/components/calls/labels";
import type { CallOutcome } from "@/lib/calls/call-outcome";
import type { CallSummary, FollowUpReason, SummaryAction, SummaryIntent } from "@/lib/calls/call-summary";
import { inZone } from "@/lib/time/zoned";

export const FOLLOW_UP_REASON_WORDS: Record<FollowUpReason, string> = {
  voicemail: "They left a voicemail",
  "transfer-not-taken": "They asked for a person and nobody took the call",
  "not-understood": "Bolt couldn't understand what they wanted",
  missed: "Nobody answered and they left no message",
  "not-completed": "Bolt couldn't finish what they asked for",
};

const TOPIC_WORDS = { HOURS: "the hours", ADDRESS: "the address", PRICES: "the prices" } as const;

function when(iso: string | undefined, timeZone: string): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : format(inZone(date, timeZone), "EEE MMM d, h:mm a");
}

/** "Women's cut with Maria, Sat Dec 12, 9:30 AM" (whatever of it is known). */
function appointmentWords(a: { service?: string; stylist?: string; startsAt?: string }, timeZone: string): string {
  const what = [a.service ?? "an appointment", a.stylist ? `with ${a.stylist}` : null].filter(Boolean).join(" ");
  const at = when(a.startsAt, timeZone);
  return at ? `${what}, ${at}` : what;
}

function intentWords(intent: SummaryIntent): string {
  const named = [intent.service, intent.stylist === "anyone" ? "anyone free" : intent.stylist, intent.when?.text].filter(Boolean);
  return named.length ? `${REASON_LABELS[intent.intent]} (${named.join(", ")})` : REASON_LABELS[intent.intent];
}

export function actionWords(action: SummaryAction, timeZone: string): string {
  switch (action.kind) {
    case "ANSWERED":
      return `Told them ${TOPIC_WORDS[action.topic]}`;
    case "BOOKING_TEXT":
      return "Texted them how to book";
    case "BOOKED":
      return `Booked ${appointmentWords(action, timeZone)}`;
    case "MOVED":
      return `Moved ${appointmentWords(action, timeZone)}`;
    case "CANCELLED":
      return `Cancelled ${appointmentWords(action, timeZone)}`;
    case "CONFIRMED":
      return `Confirmed ${appointmentWords(action, timeZone)}`;
    case "WAITLISTED":
      return `Added them to the waitlist${action.service ? ` for ${action.service}` : ""}`;
    case "TRANSFERRED":
      return "Put them through to staff";
    case "MESSAGE":
      return "Took a message";
  }
}

/** What the caller wanted, in a few words ("Booking (Women's cut, Saturday morning)"). */
export function wantedWords(summary: CallSummary | null): string {
  if (!summary || summary.intents.length === 0) return summary?.notUnderstood ? "Not understood" : "Nothing said";
  return summary.intents.map(intentWords).join("; ");
}

/** What Bolt did; with nothing done, how the call ended. */
export function didWords(summary: CallSummary | null, outcome: CallOutcome, timeZone: string): string {
  const actions = summary?.actions ?? [];
  if (actions.length === 0) return OUTCOME_LABELS[outcome];
  return actions.map((a) => actionWords(a, timeZone)).join("; ");
}
