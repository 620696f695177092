// A call's timeline, oldest first: what the call's columns say (it rang, staff picked up, how it ended,
// the texts it caused) merged with what the voice webhooks noted on the way (what the caller asked,
// what Bolt answered, the transfer, the voicemail, the transcript). Each entry has a stable `kind`
// for API clients and a `label` in plain words for the salon; the page formats `at` in the salon's zone.
import { callOutcomeOf, type CallOutcomeFields } from "@/lib/calls/call-outcome";
import { entriesOfEvents, voicemailLeftEntry } from "@/lib/calls/call-event-entries";
import type { StoredCallEvent, VoicemailWhy } from "@/lib/calls/call-events";
import { formatDuration } from "@/lib/format";
import type {
  CallDirection,
  CallStatus,
  NotificationKind,
  NotificationStatus,
} from "@/lib/generated/prisma/enums";
import { formatCallerNumber, formatPhone, isWithheldNumber } from "@/lib/phone";
import type { ReceptionistIntent } from "@/lib/telephony/receptionist";

// In this order when two entries share an instant (the events of one callback share its time).
export const CALL_TIMELINE_KINDS = [
  "started",
  "greeting",
  "heard",
  "reprompted",
  "menu_repeated",
  "language_chosen",
  "info_given",
  "booking_text",
  "slots_offered",
  "appointment_booked",
  "appointment_moved",
  "appointment_cancelled",
  "appointment_confirmed",
  "waitlist_joined",
  "transfer_started",
  "answered",
  "transfer_ended",
  "voicemail_started",
  "voicemail",
  "goodbye",
  "transcript_ready",
  "transcript_failed",
  "ended",
  "text",
] as const;
export type CallTimelineKind = (typeof CALL_TIMELINE_KINDS)[number];

export type CallTimelineEntry = {
  at: Date;
  kind: CallTimelineKind;
  label: string;
  /** heard: what the caller said, as Twilio transcribed it. */
  heard?: string;
  /** heard: the keys pressed. */
  digits?: string;
  /** heard: what the receptionist understood; info_given: the question answered. */
  intent?: ReceptionistIntent;
  /** transfer_started / transfer_ended / answered: the phone rung, E.164. */
  number?: string;
  /** transfer_ended: how long staff talked; voicemail: its length; ended: the call's length. */
  seconds?: number;
  /**
   * transfer_ended: how the phone rung answered (completed, no-answer, busy, failed, canceled, unknown);
   * text: the text's delivery status.
   */
  result?: string;
  /** voicemail_started: why the caller was asked for a message. */
  why?: VoicemailWhy;
};

export type CallText = {
  id: string;
  kind: NotificationKind;
  status: NotificationStatus;
  createdAt: Date;
  failureReason: string | null;
};

export type TimelineCall = CallOutcomeFields & {
  direction: CallDirection;
  from: string;
  customer: { name: string | null } | null;
  startedAt: Date;
  answeredAt: Date | null;
  forwardedTo: string | null;
  endedAt: Date | null;
  durationSeconds: number | null;
  recordingDurationSeconds: number | null;
};

const NEVER_CONNECTED: CallStatus[] = ["BUSY", "NO_ANSWER", "FAILED", "CANCELED"];

const ENDED_WORDS: Record<string, string> = {
  COMPLETED: "Call ended",
  BUSY: "Line was busy",
  NO_ANSWER: "No answer",
  FAILED: "Call failed",
  CANCELED: "Caller hung up before we answered",
};

const TEXT_WORDS: Partial<Record<NotificationKind, string>> = {
  MISSED_CALL: "Missed-call text",
  BOOKING_INFO: "Booking text",
};
const TEXT_STATE_WORDS: Record<NotificationStatus, string> = {
  QUEUED: "queued",
  SENDING: "sending",
  SENT: "sent",
  DELIVERED: "delivered",
  UNDELIVERED: "not delivered",
  FAILED: "failed",
  CANCELED: "not sent",
};

function callerOf(call: TimelineCall): string {
  if (isWithheldNumber(call.from)) return call.customer?.name ?? "a withheld number";
  return call.customer?.name
    ? `${call.customer.name}, ${formatPhone(call.from)}`
    : formatCallerNumber(call.from);
}

function endedEntry(call: TimelineCall & { endedAt: Date }): CallTimelineEntry {
  const words = ENDED_WORDS[call.status] ?? "Call ended";
  const length =
    call.status === "COMPLETED" && call.durationSeconds
      ? ` after ${formatDuration(call.durationSeconds)}`
      : "";
  const label =
    callOutcomeOf(call) === "MISSED" ? `Missed — ${words.toLowerCase()}${length}` : `${words}${length}`;
  return {
    at: call.endedAt,
    kind: "ended",
    label,
    ...(call.durationSeconds !== null ? { seconds: call.durationSeconds } : {}),
  };
}

function textEntry(text: CallText): CallTimelineEntry {
  const state = TEXT_STATE_WORDS[text.status];
  const why =
    (text.status === "CANCELED" || text.status === "FAILED") && text.failureReason
      ? `: ${text.failureReason}`
      : "";
  return {
    at: text.createdAt,
    kind: "text",
    label: `${TEXT_WORDS[text.kind] ?? "Text"} ${state}${why}`,
    result: text.status,
  };
}

/** What the recorded events already tell, so the columns don't tell it twice. */
type EventCoverage = { voicemail: boolean; answered: boolean };

function columnEntries(call: TimelineCall, covered: EventCoverage): CallTimelineEntry[] {
  const entries: CallTimelineEntry[] = [
    { at: call.startedAt, kind: "started", label: `Call from ${callerOf(call)}` },
  ];
  // The incoming-call webhook answers every inbound call with the greeting and menu, unless the line
  // never connected (the caller hung up while it rang, or it was busy or failed).
  if (call.direction === "INBOUND" && !NEVER_CONNECTED.includes(call.status))
    entries.push({ at: call.startedAt, kind: "greeting", label: "Bolt answered with the greeting" });
  // Since call screening, staff taking the call is an event of its own ("Staff took the call").
  if (call.answeredAt && !covered.answered) {
    const label = call.forwardedTo
      ? `Staff picked up at ${formatPhone(call.forwardedTo)}`
      : "Answered by staff";
    entries.push({
      at: call.answeredAt,
      kind: "answered",
      label,
      ...(call.forwardedTo ? { number: call.forwardedTo } : {}),
    });
  }
  // Calls logged before events were recorded still show their voicemail, at the end of the call.
  if (call.recordingSid && !covered.voicemail)
    entries.push(voicemailLeftEntry(call.endedAt ?? call.startedAt, call.recordingDurationSeconds));
  if (call.endedAt) entries.push(endedEntry({ ...call, endedAt: call.endedAt }));
  return entries;
}

const rank = (kind: CallTimelineKind) => CALL_TIMELINE_KINDS.indexOf(kind);

export function buildCallTimeline(
  call: TimelineCall,
  events: StoredCallEvent[],
  texts: CallText[],
): CallTimelineEntry[] {
  const fromEvents = entriesOfEvents(events);
  const entries = [
    ...columnEntries(call, {
      voicemail: fromEvents.some((e) => e.kind === "voicemail"),
      answered: fromEvents.some((e) => e.kind === "answered"),
    }),
    ...fromEvents,
    ...texts.map(textEntry),
  ];
  // Nothing happens before the call began: Twilio stamps its status callbacks to the whole second
  // (handle-call-status.ts), so a call hung up within its first second "ends" up to 999 ms before the
  // millisecond it was logged. Such an entry sorts at the start and, on that tie, by kind order
  // ("Call from…" before "Missed"); `at` itself stays as recorded.
  const start = call.startedAt.getTime();
  const sortTime = (e: CallTimelineEntry) => Math.max(e.at.getTime(), start);
  return entries.sort((a, b) => sortTime(a) - sortTime(b) || rank(a.kind) - rank(b.kind));
}
