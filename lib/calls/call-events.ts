// What the voice webhooks note about a call after the greeting, for the call's timeline: one row per
// step, written by one INSERT … ON CONFLICT DO NOTHING per callback. A row's dedupeKey names the
// callback that wrote it and its step ("gather:3:HEARD"), so Twilio's retries and concurrent duplicate
// deliveries of a callback add nothing, while two separate gathers with the same answer both count.
// Each write re-derives the call's summary and outcome from all its events (write-call-logs.ts).
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { storeCallState } from "@/lib/calls/write-call-logs";
import type { CallEventKind } from "@/lib/generated/prisma/enums";
import type { Language } from "@/lib/i18n/language";
import type { Logger } from "@/lib/logger";
import type { Understanding } from "@/lib/receptionist/understanding";
import type { ReceptionistIntent } from "@/lib/telephony/receptionist";

/** Why the caller was asked for a message. */
export type VoicemailWhy =
  | "asked"
  | "closed"
  | "no-forwarding-phone"
  | "no-hours"
  | "not-understood"
  | "no-answer"
  /** Staff's phone picked up (often its own voicemail) but nobody pressed 1 to take the call. */
  | "not-taken"
  | "opted-out"
  | "cannot-text";

/**
 * How the dialled leg of a transfer ended (lib/telephony/statuses.ts reads it from Twilio): PICKED_UP
 * means the phone was answered and connected, by a person or by its own voicemail box.
 */
export type TransferResult = "PICKED_UP" | "NO_ANSWER" | "BUSY" | "FAILED" | "CANCELED" | "UNKNOWN";

/**
 * What the caller's words named, as the call's summary shows it: the salon's own service and stylist
 * names ("anyone" for whoever is free) and the time in their words with its start (ISO instant).
 */
export type HeardEntities = { service?: string; stylist?: string; when?: { text: string; start: string } };

/** Each kind's detail (the `detail` JSON column). */
export type CallEventDetails = {
  /** What Twilio heard (speech) or the keys pressed, and what the receptionist made of it. */
  HEARD: { speech?: string; digits?: string; intent: ReceptionistIntent; entities?: HeardEntities };
  ANSWERED: { topic: "HOURS" | "ADDRESS" | "PRICES" };
  MENU: Record<string, never>;
  REPROMPT: Record<string, never>;
  BOOKING_TEXT: Record<string, never>;
  TRANSFER_STARTED: { to: string; timeoutSeconds: number };
  /** The person at `to` pressed 1 to take the call (call screening). */
  TRANSFER_ACCEPTED: { to: string };
  /**
   * `result` how the dialled leg ended; `seconds` how long it was connected; `accepted` whether someone
   * took the call (a PICKED_UP without it was a voicemail box or nobody pressing 1). Events written
   * before screening have no `accepted`.
   */
  TRANSFER_ENDED: { to: string | null; result: TransferResult; seconds?: number; accepted?: boolean };
  VOICEMAIL_STARTED: { why: VoicemailWhy };
  VOICEMAIL_LEFT: { seconds: number | null };
  TRANSCRIPT_READY: Record<string, never>;
  TRANSCRIPT_FAILED: Record<string, never>;
  GOODBYE: Record<string, never>;
  /** How the caller came to speak this language: a key at the greeting, speaking it, or their stored language. */
  LANGUAGE_CHOSEN: { language: Language; by: "keys" | "speech" | "remembered" };
  /** The free slots read to the caller (ISO instants), for the service asked about. */
  SLOTS_OFFERED: { service?: string; slots: Array<{ startsAt: string; stylist: string }> };
  APPOINTMENT_BOOKED: AppointmentEventDetail;
  /** `from`: where the appointment was before (ISO instant). */
  APPOINTMENT_MOVED: AppointmentEventDetail & { from?: string };
  APPOINTMENT_CANCELLED: AppointmentEventDetail;
  APPOINTMENT_CONFIRMED: AppointmentEventDetail;
  WAITLIST_JOINED: { service?: string; stylist?: string };
};

/** The appointment Bolt booked, moved, cancelled or confirmed during the call. */
export type AppointmentEventDetail = { appointmentId: string; startsAt: string; service?: string; stylist?: string };

export type CallEventDraft = {
  [K in CallEventKind]: { kind: K; detail: CallEventDetails[K] };
}[CallEventKind];

/** A stored event as the timeline reads it. */
export type StoredCallEvent = { at: Date; kind: CallEventKind; detail: unknown };

/** The service, stylist and time the caller named, as the call's summary shows them ("anyone" for no preference). */
export function heardEntities(understanding: Understanding | undefined): HeardEntities | undefined {
  if (!understanding) return undefined;
  const { service, stylist, when } = understanding.entities;
  return {
    ...(service ? { service: service.name } : {}),
    ...(stylist ? { stylist: "anyone" in stylist ? "anyone" : stylist.name } : {}),
    ...(when ? { when: { text: when.text, start: when.start.toISOString() } } : {}),
  };
}

// Long enough for anything a caller says at a menu; a runaway transcript must not bloat the row.
const MAX_SPEECH = 500;

export function heardDetail(input: {
  speech?: string;
  digits?: string;
  intent: ReceptionistIntent;
  entities?: HeardEntities;
}): CallEventDetails["HEARD"] {
  const named = input.entities && Object.keys(input.entities).length > 0;
  return {
    ...(input.speech ? { speech: input.speech.slice(0, MAX_SPEECH) } : {}),
    ...(input.digits ? { digits: input.digits } : {}),
    intent: input.intent,
    ...(named ? { entities: input.entities } : {}),
  };
}

export type CallEventSource = {
  salonId: string;
  callSid: string;
  /** The callback and step that saw these events, e.g. "gather:3", "screen:CA…", "dial:CA…", "recording:RE…". */
  source: string;
  at: Date;
  log: Logger;
};

/**
 * Notes `events` on the salon's call once per source, in one statement whatever their number. The
 * call is found by CallSid within the salon the webhook's verification chose, so another salon's call
 * never receives the rows. Best effort: the caller's TwiML matters more than the timeline, so a failed
 * write is logged, not thrown. Timestamps are UTC wall time, Prisma's convention.
 */
export async function recordCallEvents(
  { salonId, callSid, source, at, log }: CallEventSource,
  events: CallEventDraft[],
): Promise<void> {
  if (events.length === 0) return;
  try {
    const ids = events.map(() => randomUUID());
    const kinds = events.map((e) => e.kind);
    const details = events.map((e) => JSON.stringify(e.detail));
    const keys = events.map((e) => `${source}:${e.kind}`);
    await db.$executeRaw`
      INSERT INTO "call_events" ("id", "salonId", "callLogId", "at", "kind", "detail", "dedupeKey", "createdAt", "updatedAt")
      SELECT v."id", c."salonId", c."id", (${at.toISOString()}::timestamptz AT TIME ZONE 'UTC'), v."kind"::"CallEventKind",
             v."detail"::jsonb, v."key", (now() AT TIME ZONE 'UTC'), (now() AT TIME ZONE 'UTC')
      FROM "call_logs" c, unnest(${ids}::text[], ${kinds}::text[], ${details}::text[], ${keys}::text[]) AS v("id", "kind", "detail", "key")
      WHERE c."salonId" = ${salonId} AND c."callSid" = ${callSid}
      ON CONFLICT ("callLogId", "dedupeKey") DO NOTHING`;
    // Also when nothing was inserted: a retry must finish what a failed first delivery started.
    await storeCallState(db, { salonId, callSid });
  } catch (err) {
    log.error({ err, source }, "could not note the call's events for its timeline");
  }
}
