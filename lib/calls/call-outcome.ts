// A call's outcome as the salon sees it — did the caller get through, and to whom? — decided here
// only, so the Calls page's badges, its outcome filter and the missed-call text-back cannot disagree.
// Pure and client-safe: Prisma appears as types only.
import { FINAL_CALL_STATUSES, isFinalCallStatus } from "@/lib/calls/call-status";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CallReason, CallStatus } from "@/lib/generated/prisma/enums";

export const CALL_OUTCOMES = [
  "IN_PROGRESS",
  "ANSWERED_BY_STAFF",
  "ANSWERED_BY_BOLT",
  "BOOKED_BY_BOLT",
  "VOICEMAIL",
  "MISSED",
] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

/**
 * What Bolt completed by itself on the call (call_logs.servedByBolt, derived from the call's events in
 * lib/calls/call-summary.ts): BOOKED — booked an appointment or moved one; REQUEST — cancelled or
 * confirmed one, or put the caller on the waitlist.
 */
export const SERVED_BY_BOLT = ["BOOKED", "REQUEST"] as const;
export type ServedByBolt = (typeof SERVED_BY_BOLT)[number];

/** What the receptionist answers by itself: a caller who heard the hours or got the booking text wasn't missed. */
const SERVED_BY_RECEPTIONIST: readonly CallReason[] = ["HOURS", "ADDRESS", "PRICES", "BOOKING"];

export type CallOutcomeFields = {
  status: CallStatus;
  reason: CallReason | null;
  answeredAt: Date | string | null;
  recordingSid: string | null;
  /**
   * Optional because not every query loads it. A transcript means a message was left even if the
   * recording is pending; it counts when not null (one with no words is stored as null, see
   * handle-transcription.ts), in callOutcomeOf and callOutcomeWhere alike.
   */
  transcription?: string | null;
  /** The stored column (text); anything but SERVED_BY_BOLT's values reads as null. */
  servedByBolt: string | null;
};

// `!= null`, not truthiness: SQL (callOutcomeWhere, the migration's backfill) can only say "is not
// null", so "" must count here too.
const hasTranscript = (call: CallOutcomeFields) => call.transcription !== undefined && call.transcription !== null;

/**
 * The one rule; its answer is stored on the call (call_logs.outcome) by lib/calls/write-call-logs.ts,
 * and the migration that last changed it (20261212000300_call_summaries) backfilled it with this rule
 * in SQL. A voicemail outranks a booking: the message is what staff must act on.
 */
export function callOutcomeOf(call: CallOutcomeFields): CallOutcome {
  if (call.answeredAt) return "ANSWERED_BY_STAFF";
  if (call.recordingSid !== null || hasTranscript(call)) return "VOICEMAIL";
  if (!isFinalCallStatus(call.status)) return "IN_PROGRESS";
  if (call.servedByBolt === "BOOKED") return "BOOKED_BY_BOLT";
  if (call.status !== "COMPLETED") return "MISSED";
  if (call.servedByBolt === "REQUEST" || (call.reason && SERVED_BY_RECEPTIONIST.includes(call.reason))) return "ANSWERED_BY_BOLT";
  return "MISSED";
}

const NOBODY_ANSWERED = { answeredAt: null, recordingSid: null, transcription: null } satisfies Prisma.CallLogWhereInput;
const ENDED_UNSERVED: CallStatus[] = FINAL_CALL_STATUSES.filter((s) => s !== "COMPLETED");
// Spelled out, not `not: "BOOKED"`: SQL's <> over a NULL would drop the calls Bolt served nothing on.
const NOT_BOOKED: Prisma.CallLogWhereInput[] = [{ servedByBolt: null }, { servedByBolt: "REQUEST" }];

/**
 * The calls `callOutcomeOf` puts in `outcome`, from the fields themselves (the caller adds salonId):
 * for guards that must read the live row in the same statement (the missed-call text's claim).
 * Lists and counts filter on the stored `outcome` column instead, which an index serves.
 */
export function callOutcomeWhere(outcome: CallOutcome): Prisma.CallLogWhereInput {
  switch (outcome) {
    case "ANSWERED_BY_STAFF":
      return { answeredAt: { not: null } };
    case "VOICEMAIL":
      return { answeredAt: null, OR: [{ recordingSid: { not: null } }, { transcription: { not: null } }] };
    case "IN_PROGRESS":
      return { ...NOBODY_ANSWERED, status: { notIn: FINAL_CALL_STATUSES } };
    case "BOOKED_BY_BOLT":
      return { ...NOBODY_ANSWERED, status: { in: FINAL_CALL_STATUSES }, servedByBolt: "BOOKED" };
    case "ANSWERED_BY_BOLT":
      return {
        ...NOBODY_ANSWERED,
        status: "COMPLETED",
        OR: [{ servedByBolt: "REQUEST" }, { servedByBolt: null, reason: { in: [...SERVED_BY_RECEPTIONIST] } }],
      };
    case "MISSED":
      // Spelled out rather than NOT(served): SQL's NOT over a NULL reason would drop never-understood calls.
      return {
        ...NOBODY_ANSWERED,
        OR: [
          { status: { in: ENDED_UNSERVED }, OR: NOT_BOOKED },
          { status: "COMPLETED", servedByBolt: null, OR: [{ reason: null }, { reason: { notIn: [...SERVED_BY_RECEPTIONIST] } }] },
        ],
      };
  }
}
