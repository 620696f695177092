// Schemas for calls: Twilio's voice webhook parameters (only what we use; Twilio's other documented
// parameters pass through unread) and the call-log API's query and body.
import { z } from "zod";
import { CallReason, CallStatus } from "@/lib/generated/prisma/enums";
import { paginationQuerySchema } from "@/lib/api/pagination";
import { CALL_OUTCOMES } from "@/lib/calls/call-outcome";
import { isDateRangeReversed } from "@/lib/calls/date-range";

const sid = (prefix: string) => z.string().regex(new RegExp(`^${prefix}[0-9a-zA-Z]{32}$`), `Expected a ${prefix} SID`);
const optionalText = z.string().optional().transform((v) => (v ? v : undefined));
const optionalSeconds = z.coerce.number().int().min(0).optional().catch(undefined);

const callParams = {
  CallSid: sid("CA"),
  AccountSid: z.string().optional(),
  From: z.string().default(""),
  To: z.string().default(""),
  CallStatus: optionalText,
  Direction: optionalText,
};

export const incomingCallParamsSchema = z.object(callParams);

export const gatherParamsSchema = z.object({
  ...callParams,
  Digits: optionalText,
  SpeechResult: optionalText,
  Confidence: z.coerce.number().optional().catch(undefined),
});

/**
 * The gather action URL's own query: which attempt this is, whether it follows an answer, which gather
 * of the call, and how many times the caller asked for the options again.
 */
export const gatherQuerySchema = z.object({
  attempt: z.coerce.number().int().min(1).max(2).catch(1).default(1),
  followUp: z.enum(["1"]).optional().catch(undefined).transform(Boolean),
  step: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  repeats: z.coerce.number().int().min(0).max(100).catch(0).default(0),
});

export const dialResultParamsSchema = z.object({
  ...callParams,
  DialCallStatus: optionalText,
  DialCallSid: optionalText,
  DialCallDuration: optionalSeconds,
});

/**
 * Twilio's request for the <Number url> of a forwarded call (and its Gather's action): it is about the
 * dialled leg (CallSid, To = the staff phone), and names the caller's call as ParentCallSid.
 */
export const screenParamsSchema = z.object({
  ...callParams,
  ParentCallSid: sid("CA"),
  Digits: optionalText,
});

export const callStatusParamsSchema = z.object({
  ...callParams,
  CallDuration: optionalSeconds,
  Timestamp: optionalText,
});

export const recordingParamsSchema = z.object({
  CallSid: sid("CA"),
  RecordingSid: sid("RE"),
  RecordingUrl: z.url(),
  RecordingStatus: optionalText,
  RecordingDuration: optionalSeconds,
});

export const transcriptionParamsSchema = z.object({
  CallSid: sid("CA"),
  RecordingSid: z.string().optional(),
  TranscriptionText: z.string().optional(),
  TranscriptionStatus: optionalText,
});

export type IncomingCallParams = z.infer<typeof incomingCallParamsSchema>;
export type GatherParams = z.infer<typeof gatherParamsSchema>;
export type DialResultParams = z.infer<typeof dialResultParamsSchema>;
export type ScreenParams = z.infer<typeof screenParamsSchema>;
export type CallStatusParams = z.infer<typeof callStatusParamsSchema>;
export type RecordingParams = z.infer<typeof recordingParamsSchema>;
export type TranscriptionParams = z.infer<typeof transcriptionParamsSchema>;

/** A calendar day (in the salon's time zone) or an exact instant with an offset. */
const dateBoundSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: "Use a date like 2026-03-08 or a time like 2026-03-08T09:00:00-08:00",
});

const callFilters = {
  from: dateBoundSchema.optional(),
  to: dateBoundSchema.optional(),
  /** How the call went for the salon (MISSED, VOICEMAIL, ANSWERED_BY_BOLT…), as the Calls page labels it. */
  outcome: z.enum(CALL_OUTCOMES).optional(),
  /** Twilio's line status; kept for API clients, the Calls page filters by outcome. */
  status: z.enum(CallStatus).optional(),
  reason: z.enum(CallReason).optional(),
  /** Part of the caller's number (any formatting) or of the customer's name. */
  q: z.string().trim().max(60).optional().transform((v) => (v ? v : undefined)),
};

/**
 * A range that ends before it starts would match nothing; say so on `to` rather than answer an empty
 * list. The issue is tagged `reversedDates` so the Calls page can tell it from an unreadable date.
 */
function checkDateOrder(range: { from?: string; to?: string }, ctx: z.RefinementCtx): void {
  if (isDateRangeReversed(range)) {
    ctx.addIssue({ code: "custom", path: ["to"], message: "to must be on or after from.", params: { reversedDates: true } });
  }
}

export const listCallLogsQuerySchema = paginationQuerySchema.extend(callFilters).superRefine(checkDateOrder);
export type ListCallLogsQuery = z.infer<typeof listCallLogsQuerySchema>;
export type CallLogFilters = Pick<ListCallLogsQuery, "from" | "to" | "outcome" | "status" | "reason" | "q">;

export const CALL_LOG_SORT_FIELDS = ["startedAt", "durationSeconds", "status", "reason", "from"] as const;

// The page filters by outcome only: a bookmarked ?status= from before is dropped, not kept as a filter
// the page has no control to show or clear.
const { status: _lineStatus, ...pageFilters } = callFilters;

/** The Calls page's searchParams: numbered pages and a sortable column. */
export const callLogsPageQuerySchema = z.object({
  ...pageFilters,
  page: z.coerce.number().int().min(1).catch(1).default(1),
  pageSize: z.coerce.number().int().min(5).max(100).catch(25).default(25),
  sort: z.enum(CALL_LOG_SORT_FIELDS).catch("startedAt").default("startedAt"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
}).superRefine(checkDateOrder);
export type CallLogsPageQuery = z.infer<typeof callLogsPageQuerySchema>;

export const updateCallNotesSchema = z
  .object({ notes: z.string().max(2000, "Notes can be at most 2000 characters.").nullable() })
  .strict();
export type UpdateCallNotesInput = z.infer<typeof updateCallNotesSchema>;
