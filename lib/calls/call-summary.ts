// Every call's summary: what the caller wanted (intents with the service, stylist and time they named),
// what Bolt did (answered, texted how to book, booked, moved, cancelled, confirmed, waitlisted, put
// them through, took a message) and why staff should follow up, if they should. One pure function of
// the call's columns and its recorded events (lib/calls/call-events.ts), so a webhook retried or
// delivered out of order derives the same summary; write-call-logs.ts stores it with the outcome.
// Client-safe: Prisma appears as types only.
import type { CallEventDetails, HeardEntities, StoredCallEvent } from "@/lib/calls/call-events";
import { callOutcomeOf, type CallOutcome, type CallOutcomeFields, type ServedByBolt } from "@/lib/calls/call-outcome";
import { isFinalCallStatus } from "@/lib/calls/call-status";
import type { CallEventKind, CallReason } from "@/lib/generated/prisma/enums";
import { isLanguage, type Language } from "@/lib/i18n/language";

/** Something the caller asked for, with what they named (merged over the call, the latest words win). */
export type SummaryIntent = { intent: Exclude<CallReason, "UNKNOWN"> } & HeardEntities;

type AppointmentAction = { startsAt?: string; service?: string; stylist?: string };

export type SummaryAction =
  | { kind: "ANSWERED"; topic: CallEventDetails["ANSWERED"]["topic"] }
  | { kind: "BOOKING_TEXT" }
  | ({ kind: "BOOKED" | "CANCELLED" | "CONFIRMED" } & AppointmentAction)
  | ({ kind: "MOVED"; from?: string } & AppointmentAction)
  | { kind: "WAITLISTED"; service?: string; stylist?: string }
  /** Staff took the call Bolt put through. */
  | { kind: "TRANSFERRED" }
  /** The caller left a voicemail. */
  | { kind: "MESSAGE" };
export type SummaryActionKind = SummaryAction["kind"];
export const SUMMARY_ACTION_KINDS = [
  "ANSWERED", "BOOKING_TEXT", "BOOKED", "MOVED", "CANCELLED", "CONFIRMED", "WAITLISTED", "TRANSFERRED", "MESSAGE",
] as const satisfies readonly SummaryActionKind[];

/**
 * Why staff should follow up (the rule is callFollowUpOf's):
 * voicemail — a message is waiting; transfer-not-taken — they asked for a person and nobody took the
 * call (nor did they leave a message); not-understood — Bolt never understood them; missed — the call
 * ended with nobody and nothing for them (a hang-up, busy, no answer); not-completed — Bolt answered
 * but did not do something they asked for (offered times but booked nothing, couldn't find the
 * appointment to move…).
 */
export const FOLLOW_UP_REASONS = ["voicemail", "transfer-not-taken", "not-understood", "missed", "not-completed"] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];

export type CallSummary = {
  /** The language the call was held in, when the caller chose one. */
  language: Language | null;
  intents: SummaryIntent[];
  /** The caller said something Bolt never understood. */
  notUnderstood: boolean;
  actions: SummaryAction[];
  /** Why staff should follow up; null when they needn't (or the call hasn't ended). */
  followUp: FollowUpReason | null;
};

/** What the summary reads from the call's row (the outcome's fields, plus whether it had events at all). */
export type SummaryCallFields = Omit<CallOutcomeFields, "servedByBolt">;

export type DerivedCallState = { summary: CallSummary; servedByBolt: ServedByBolt | null; outcome: CallOutcome };

// Requests Bolt can complete by itself, and the actions that complete each.
const COMPLETED_BY: Partial<Record<CallReason, SummaryActionKind[]>> = {
  BOOKING: ["BOOKED", "BOOKING_TEXT"],
  RESCHEDULE: ["MOVED"],
  CANCEL: ["CANCELLED"],
  CONFIRM: ["CONFIRMED"],
  WAITLIST: ["WAITLISTED"],
};

// Events of one instant (one callback) in the order the timeline reads them; the summary must not depend
// on the order rows were inserted or delivered.
const KIND_ORDER: CallEventKind[] = [
  "HEARD", "LANGUAGE_CHOSEN", "ANSWERED", "MENU", "REPROMPT", "BOOKING_TEXT", "SLOTS_OFFERED", "APPOINTMENT_BOOKED",
  "APPOINTMENT_MOVED", "APPOINTMENT_CANCELLED", "APPOINTMENT_CONFIRMED", "WAITLIST_JOINED", "TRANSFER_STARTED",
  "TRANSFER_ACCEPTED", "TRANSFER_ENDED", "VOICEMAIL_STARTED", "VOICEMAIL_LEFT", "TRANSCRIPT_READY", "TRANSCRIPT_FAILED", "GOODBYE",
];

function inOrder(events: StoredCallEvent[]): StoredCallEvent[] {
  const key = (e: StoredCallEvent) => JSON.stringify(e.detail ?? null);
  return [...events].sort(
    (a, b) =>
      a.at.getTime() - b.at.getTime() ||
      KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
      (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0),
  );
}

// Stored by our own webhooks; read defensively, so an older row reads as less detail, never a throw.
function detailOf<K extends CallEventKind>(event: StoredCallEvent, _kind: K): Partial<CallEventDetails[K]> {
  return event.detail && typeof event.detail === "object" ? (event.detail as Partial<CallEventDetails[K]>) : {};
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v ? v : undefined);

function entitiesOf(e: HeardEntities | undefined): HeardEntities {
  if (!e || typeof e !== "object") return {};
  const when = e.when && text(e.when.text) && text(e.when.start) ? { when: { text: e.when.text, start: e.when.start } } : {};
  return { ...(text(e.service) ? { service: e.service } : {}), ...(text(e.stylist) ? { stylist: e.stylist } : {}), ...when };
}

function appointmentOf(d: Partial<CallEventDetails["APPOINTMENT_BOOKED"]>): AppointmentAction {
  return {
    ...(text(d.startsAt) ? { startsAt: d.startsAt } : {}),
    ...(text(d.service) ? { service: d.service } : {}),
    ...(text(d.stylist) ? { stylist: d.stylist } : {}),
  };
}

const APPOINTMENT_ACTIONS = {
  APPOINTMENT_BOOKED: "BOOKED",
  APPOINTMENT_MOVED: "MOVED",
  APPOINTMENT_CANCELLED: "CANCELLED",
  APPOINTMENT_CONFIRMED: "CONFIRMED",
} as const;

/** The actions the events tell, once each (an answer given twice is one answer), in call order. */
function actionsOf(events: StoredCallEvent[]): SummaryAction[] {
  const actions: SummaryAction[] = [];
  const seen = new Set<string>();
  const add = (action: SummaryAction, key: string = action.kind) => {
    if (seen.has(key)) return;
    seen.add(key);
    actions.push(action);
  };
  for (const event of events) {
    switch (event.kind) {
      case "ANSWERED": {
        const topic = detailOf(event, "ANSWERED").topic;
        if (topic) add({ kind: "ANSWERED", topic }, `ANSWERED:${topic}`);
        break;
      }
      case "BOOKING_TEXT":
        add({ kind: "BOOKING_TEXT" });
        break;
      case "APPOINTMENT_BOOKED":
      case "APPOINTMENT_CANCELLED":
      case "APPOINTMENT_CONFIRMED": {
        const d = detailOf(event, event.kind);
        add({ kind: APPOINTMENT_ACTIONS[event.kind], ...appointmentOf(d) }, `${event.kind}:${d.appointmentId ?? ""}`);
        break;
      }
      case "APPOINTMENT_MOVED": {
        const d = detailOf(event, "APPOINTMENT_MOVED");
        add({ kind: "MOVED", ...appointmentOf(d), ...(text(d.from) ? { from: d.from } : {}) }, `MOVED:${d.appointmentId ?? ""}:${d.startsAt ?? ""}`);
        break;
      }
      case "WAITLIST_JOINED": {
        const d = detailOf(event, "WAITLIST_JOINED");
        add({ kind: "WAITLISTED", ...(text(d.service) ? { service: d.service } : {}), ...(text(d.stylist) ? { stylist: d.stylist } : {}) });
        break;
      }
      case "TRANSFER_ACCEPTED":
        add({ kind: "TRANSFERRED" });
        break;
      case "VOICEMAIL_LEFT":
        add({ kind: "MESSAGE" });
        break;
      default:
        break;
    }
  }
  return actions;
}

/** What Bolt completed by itself: a booking (new or moved) outranks the other requests. */
function servedOf(actions: SummaryAction[]): ServedByBolt | null {
  if (actions.some((a) => a.kind === "BOOKED" || a.kind === "MOVED")) return "BOOKED";
  if (actions.some((a) => a.kind === "CANCELLED" || a.kind === "CONFIRMED" || a.kind === "WAITLISTED")) return "REQUEST";
  return null;
}

/**
 * The follow-up rule, once the call has ended (before, nobody can tell yet). Staff need to act on a
 * voicemail; on a call that reached nobody (a person asked for and not taken, never understood, or
 * simply missed); and on a call Bolt answered where something the caller asked for was left undone.
 * Staff who took the call handled it themselves.
 */
function callFollowUpOf(
  call: SummaryCallFields,
  outcome: CallOutcome,
  summary: Pick<CallSummary, "intents" | "actions" | "notUnderstood">,
  heard: { transferNotTaken: boolean; intentsHeard: boolean },
): FollowUpReason | null {
  if (!isFinalCallStatus(call.status)) return null;
  switch (outcome) {
    case "VOICEMAIL":
      return "voicemail";
    case "MISSED":
      if (heard.transferNotTaken || call.reason === "TRANSFER") return "transfer-not-taken";
      if (call.reason === "UNKNOWN" || (summary.notUnderstood && summary.intents.length === 0)) return "not-understood";
      return "missed";
    case "ANSWERED_BY_BOLT":
    case "BOOKED_BY_BOLT": {
      // Only what was heard on the call: a row without events knows its reason, not what was done.
      if (!heard.intentsHeard) return null;
      const done = new Set(summary.actions.map((a) => a.kind));
      const undone = summary.intents.some(({ intent }) => COMPLETED_BY[intent]?.every((kind) => !done.has(kind)));
      return undone ? "not-completed" : null;
    }
    default:
      return null;
  }
}

/** The call's summary, what Bolt served and the outcome, from its columns and events. */
export function deriveCallState(call: SummaryCallFields, events: StoredCallEvent[]): DerivedCallState {
  const ordered = inOrder(events);
  const intents = new Map<SummaryIntent["intent"], SummaryIntent>();
  let notUnderstood = false;
  let language: Language | null = null;
  let transferStarted = false;
  for (const event of ordered) {
    if (event.kind === "LANGUAGE_CHOSEN") {
      const chosen = detailOf(event, "LANGUAGE_CHOSEN").language;
      if (isLanguage(chosen)) language = chosen;
    }
    if (event.kind === "TRANSFER_STARTED") transferStarted = true;
    if (event.kind !== "HEARD") continue;
    const d = detailOf(event, "HEARD");
    if (d.intent === "UNKNOWN") notUnderstood = true;
    if (!d.intent || d.intent === "UNKNOWN" || d.intent === "DONE" || d.intent === "MENU") continue;
    const before = intents.get(d.intent);
    // Re-inserted so the order is the order of the latest asking, with everything named along the way.
    intents.delete(d.intent);
    intents.set(d.intent, { ...before, intent: d.intent, ...entitiesOf(d.entities) });
  }
  // Calls from before events were recorded (or whose events were lost) still say what the row knows.
  const wanted = [...intents.values()];
  const intentsHeard = wanted.length > 0;
  if (wanted.length === 0 && call.reason && call.reason !== "UNKNOWN") wanted.push({ intent: call.reason });
  if (call.reason === "UNKNOWN") notUnderstood = true;
  const actions = actionsOf(ordered);
  if (call.answeredAt && !actions.some((a) => a.kind === "TRANSFERRED")) actions.push({ kind: "TRANSFERRED" });
  const leftMessage = call.recordingSid !== null || (call.transcription !== undefined && call.transcription !== null);
  if (leftMessage && !actions.some((a) => a.kind === "MESSAGE")) actions.push({ kind: "MESSAGE" });

  const servedByBolt = servedOf(actions);
  const outcome = callOutcomeOf({ ...call, servedByBolt });
  const transferNotTaken = transferStarted && !actions.some((a) => a.kind === "TRANSFERRED");
  const followUp = callFollowUpOf(call, outcome, { intents: wanted, actions, notUnderstood }, { transferNotTaken, intentsHeard });
  return { summary: { language, intents: wanted, notUnderstood, actions, followUp }, servedByBolt, outcome };
}

/** The stored follow-up state after the rule speaks: staff's own choice (changedAt set) is never overridden. */
export function nextFollowUpState(
  stored: { followUp: string | null; followUpChangedAt: Date | string | null },
  reason: FollowUpReason | null,
): "OPEN" | "HANDLED" | null {
  if (stored.followUpChangedAt) return stored.followUp === "HANDLED" ? "HANDLED" : "OPEN";
  return reason ? "OPEN" : null;
}
