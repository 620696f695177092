// A call's recorded events (lib/calls/call-events.ts) as timeline entries: plain words a salon owner
// reads on the call's page, plus the raw fields API clients may want (what was heard, keys, intent…).
import type { AppointmentEventDetail, CallEventDetails, StoredCallEvent, TransferResult, VoicemailWhy } from "@/lib/calls/call-events";
import type { CallTimelineEntry } from "@/lib/calls/call-timeline";
import { formatDuration } from "@/lib/format";
import type { CallEventKind } from "@/lib/generated/prisma/enums";
import { formatPhone } from "@/lib/phone";
import type { ReceptionistIntent } from "@/lib/telephony/receptionist";
import { mapDialCallStatus } from "@/lib/telephony/statuses";

const INTENT_WORDS: Record<ReceptionistIntent, string> = {
  HOURS: "Hours",
  ADDRESS: "Address",
  PRICES: "Prices",
  BOOKING: "Booking",
  RESCHEDULE: "Move an appointment",
  CANCEL: "Cancel an appointment",
  CONFIRM: "Confirm an appointment",
  WAITLIST: "Waitlist",
  TRANSFER: "Talk to someone",
  VOICEMAIL: "Leave a message",
  DONE: "That's all",
  MENU: "Hear the options",
  UNKNOWN: "not understood",
};

const TOPIC_WORDS: Record<CallEventDetails["ANSWERED"]["topic"], string> = {
  HOURS: "Bolt told them the hours",
  ADDRESS: "Bolt gave them the address",
  PRICES: "Bolt read them the prices",
};

const VOICEMAIL_WORDS: Record<VoicemailWhy, string> = {
  asked: "Sent to voicemail, as they asked",
  closed: "Sent to voicemail — the salon was closed",
  "no-forwarding-phone": "Sent to voicemail — no phone is set to put callers through to",
  "no-hours": "Sent to voicemail — no opening hours are set, so nobody was rung",
  "not-understood": "Sent to voicemail — still not understood",
  "no-answer": "Sent to voicemail",
  "not-taken": "Not taken — went to voicemail",
  "opted-out": "Sent to voicemail — they've opted out of texts, so no booking text",
  "cannot-text": "Sent to voicemail — their number can't get texts",
};

// The API's `result` for a transfer keeps the words it has documented since before Bolt stored its own
// values (clients compare against them): they are the API's vocabulary now, not a provider's.
const TRANSFER_RESULT_API: Record<TransferResult, string> = {
  PICKED_UP: "completed",
  NO_ANSWER: "no-answer",
  BUSY: "busy",
  FAILED: "failed",
  CANCELED: "canceled",
  UNKNOWN: "unknown",
};

// A row written by an instance from before Bolt stored its own values (a rolling deploy) still holds
// Twilio's DialCallStatus word: read it as the migration would have converted it.
// Anything else is left out, as a value nobody can read.
function storedTransferResult(result: unknown): TransferResult | undefined {
  if (typeof result !== "string") return undefined;
  if (Object.hasOwn(TRANSFER_RESULT_API, result)) return result as TransferResult;
  const legacy = mapDialCallStatus(result);
  return legacy === "UNKNOWN" && result !== "unknown" ? undefined : legacy;
}

function transferResultForApi(result: TransferResult | undefined): string | undefined {
  return result !== undefined && Object.hasOwn(TRANSFER_RESULT_API, result) ? TRANSFER_RESULT_API[result] : undefined;
}

// Stored by our own webhooks in the shape of CallEventDetails; read defensively all the same, so a
// row written by an older version reads as less detail rather than a broken page.
function detailOf<K extends CallEventKind>(event: StoredCallEvent, _kind: K): Partial<CallEventDetails[K]> {
  return event.detail && typeof event.detail === "object"
    ? (event.detail as Partial<CallEventDetails[K]>)
    : {};
}

/** "Bolt booked Women's Cut with Maria" (the time is on the appointment itself). */
function appointmentLabel(verb: string, d: Partial<AppointmentEventDetail>): string {
  const what = d.service ? `${verb} ${d.service}` : `${verb} an appointment`;
  return d.stylist ? `${what} with ${d.stylist}` : what;
}

const quoted = (speech: string) => `“${speech.length > 80 ? `${speech.slice(0, 79)}…` : speech}”`;
const phoneOrSalon = (to: string | null | undefined) => (to ? formatPhone(to) : "the salon's phone");

function heardEntry(at: Date, d: Partial<CallEventDetails["HEARD"]>): CallTimelineEntry {
  const intent = d.intent ?? "UNKNOWN";
  const raw = { intent, ...(d.speech ? { heard: d.speech } : {}), ...(d.digits ? { digits: d.digits } : {}) };
  if (d.speech)
    return { at, kind: "heard", label: `Caller said ${quoted(d.speech)} — ${INTENT_WORDS[intent]}`, ...raw };
  if (d.digits) return { at, kind: "heard", label: `Pressed ${d.digits} — ${INTENT_WORDS[intent]}`, ...raw };
  return { at, kind: "heard", label: "Caller didn't say anything", ...raw };
}

function transferEndedLabel(
  d: Partial<CallEventDetails["TRANSFER_ENDED"]>,
  timeoutSeconds: number | undefined,
): string {
  const phone = phoneOrSalon(d.to);
  switch (d.result) {
    case "PICKED_UP":
      // A phone that picked up without anyone pressing 1: most often its own voicemail box.
      if (d.accepted === false) return `Rang ${phone} — picked up, but nobody pressed 1 to take the call`;
      return d.seconds
        ? `Talked with staff at ${phone} for ${formatDuration(d.seconds)}`
        : `Staff answered at ${phone}`;
    case "NO_ANSWER":
      return `Rang ${phone} — no answer${timeoutSeconds ? ` after ${formatDuration(timeoutSeconds)}` : ""}`;
    case "BUSY":
      return `Rang ${phone} — line busy`;
    case "FAILED":
      return `Rang ${phone} — the call didn't go through`;
    case "CANCELED":
      return `Caller hung up while ${phone} was ringing`;
    default:
      return `Rang ${phone}`;
  }
}

/** Timeline entries for `events`, oldest first (a no-answer names the ring time of the transfer before it). */
export function entriesOfEvents(events: StoredCallEvent[]): CallTimelineEntry[] {
  let ringSeconds: number | undefined;
  return [...events]
    .sort((a, b) => a.at.getTime() - b.at.getTime())
    .map((event): CallTimelineEntry => {
      const { at } = event;
      switch (event.kind) {
        case "HEARD":
          return heardEntry(at, detailOf(event, "HEARD"));
        case "ANSWERED": {
          const topic = detailOf(event, "ANSWERED").topic;
          return {
            at,
            kind: "info_given",
            label: topic ? TOPIC_WORDS[topic] : "Bolt answered their question",
            ...(topic ? { intent: topic } : {}),
          };
        }
        case "MENU":
          return { at, kind: "menu_repeated", label: "Bolt read the options again" };
        case "REPROMPT":
          return { at, kind: "reprompted", label: "Bolt didn't catch that and asked again" };
        case "BOOKING_TEXT":
          return { at, kind: "booking_text", label: "Bolt texted them how to book" };
        case "LANGUAGE_CHOSEN": {
          const d = detailOf(event, "LANGUAGE_CHOSEN");
          return { at, kind: "language_chosen", label: `Caller chose ${d.language === "es" ? "Spanish" : "English"}` };
        }
        case "SLOTS_OFFERED": {
          const n = detailOf(event, "SLOTS_OFFERED").slots?.length ?? 0;
          return { at, kind: "slots_offered", label: n ? `Bolt offered ${n} free time${n === 1 ? "" : "s"}` : "Bolt found no free time to offer" };
        }
        case "APPOINTMENT_BOOKED":
          return { at, kind: "appointment_booked", label: appointmentLabel("Bolt booked", detailOf(event, "APPOINTMENT_BOOKED")) };
        case "APPOINTMENT_MOVED":
          return { at, kind: "appointment_moved", label: appointmentLabel("Bolt moved", detailOf(event, "APPOINTMENT_MOVED")) };
        case "APPOINTMENT_CANCELLED":
          return { at, kind: "appointment_cancelled", label: appointmentLabel("Bolt cancelled", detailOf(event, "APPOINTMENT_CANCELLED")) };
        case "APPOINTMENT_CONFIRMED":
          return { at, kind: "appointment_confirmed", label: appointmentLabel("Bolt confirmed", detailOf(event, "APPOINTMENT_CONFIRMED")) };
        case "WAITLIST_JOINED":
          return { at, kind: "waitlist_joined", label: "Bolt put them on the waitlist" };
        case "TRANSFER_STARTED": {
          const d = detailOf(event, "TRANSFER_STARTED");
          ringSeconds = d.timeoutSeconds;
          return {
            at,
            kind: "transfer_started",
            label: `Putting them through to ${phoneOrSalon(d.to)}`,
            ...(d.to ? { number: d.to } : {}),
          };
        }
        case "TRANSFER_ACCEPTED": {
          const to = detailOf(event, "TRANSFER_ACCEPTED").to;
          return { at, kind: "answered", label: `Staff took the call at ${phoneOrSalon(to)}`, ...(to ? { number: to } : {}) };
        }
        case "TRANSFER_ENDED": {
          const stored = detailOf(event, "TRANSFER_ENDED");
          const d = { ...stored, result: storedTransferResult(stored.result) };
          const result = transferResultForApi(d.result);
          const raw = {
            ...(d.to ? { number: d.to } : {}),
            ...(result ? { result } : {}),
            ...(d.seconds !== undefined ? { seconds: d.seconds } : {}),
          };
          return { at, kind: "transfer_ended", label: transferEndedLabel(d, ringSeconds), ...raw };
        }
        case "VOICEMAIL_STARTED": {
          const why = detailOf(event, "VOICEMAIL_STARTED").why;
          return {
            at,
            kind: "voicemail_started",
            label: why ? VOICEMAIL_WORDS[why] : "Sent to voicemail",
            ...(why ? { why } : {}),
          };
        }
        case "VOICEMAIL_LEFT": {
          const seconds = detailOf(event, "VOICEMAIL_LEFT").seconds;
          return voicemailLeftEntry(at, seconds ?? null);
        }
        case "TRANSCRIPT_READY":
          return { at, kind: "transcript_ready", label: "Transcript ready" };
        case "TRANSCRIPT_FAILED":
          return {
            at,
            kind: "transcript_failed",
            label: "Transcript failed — listen to the recording instead",
          };
        case "GOODBYE":
          return { at, kind: "goodbye", label: "Bolt said goodbye" };
      }
    });
}

export function voicemailLeftEntry(at: Date, seconds: number | null): CallTimelineEntry {
  return {
    at,
    kind: "voicemail",
    label: seconds ? `Voicemail left (${formatDuration(seconds)})` : "Voicemail left",
    ...(seconds ? { seconds } : {}),
  };
}
