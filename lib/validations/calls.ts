// Schemas for calls: the call-log API's query and body and the Calls page's searchParams. Twilio's
// voice webhook parameters are Twilio's format, in lib/telephony/params/voice.ts.
import { z } from "zod";
import { CallReason, CallStatus } from "@/lib/generated/prisma/enums";
import { paginationQuerySchema } from "@/lib/api/pagination";
import { keyFitsSort, pageKeyParam } from "@/lib/api/page-cursors";
import { CALL_OUTCOMES } from "@/lib/calls/call-outcome";
import { isDateRangeReversed } from "@/lib/calls/date-range";
import type { AssigneeFilter } from "@/lib/follow-ups/assignee";
import { assigneeFilterSchema, followUpChangeFields, followUpFilterSchema } from "@/lib/validations/follow-ups";

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
  /** Calls staff need to follow up (open) or have (handled). */
  followUp: followUpFilterSchema.optional(),
  /** Whose follow-up: me (the signed-in member), a member's user id, or none (unassigned). */
  assignee: assigneeFilterSchema.optional(),
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
/** `assignedTo` is ?assignee= resolved (resolveAssigneeFilter: "me" is the signed-in member). */
export type CallLogFilters = Pick<ListCallLogsQuery, "from" | "to" | "outcome" | "status" | "reason" | "followUp" | "q"> & {
  assignedTo?: AssigneeFilter;
};

/** The columns the Calls page sorts by: time, and length (calls not yet ended last either way). */
const CALL_LOG_SORT_FIELDS = ["startedAt", "durationSeconds"] as const;
type CallLogSort = (typeof CALL_LOG_SORT_FIELDS)[number];

/** The Calls page's order as page-cursors.ts reads it. */
export function callLogPageSort(sort: CallLogSort, dir: "asc" | "desc") {
  return sort === "durationSeconds"
    ? ({ kind: "number", column: "durationSeconds", time: "startedAt", dir } as const)
    : ({ kind: "time", time: "startedAt", dir } as const);
}

// The page filters by outcome only: a bookmarked ?status= from before is dropped, not kept as a filter
// the page has no control to show or clear.
const { status: _lineStatus, ...pageFilters } = callFilters;

/**
 * The Calls page's searchParams: a sortable column and a Newer/Older keyset cursor (?after= / ?before=,
 * see lib/api/page-cursors.ts); a cursor made under another sort is dropped (the list starts over).
 */
export const callLogsPageQuerySchema = z.object({
  ...pageFilters,
  after: pageKeyParam,
  before: pageKeyParam,
  pageSize: z.coerce.number().int().min(5).max(100).catch(25).default(25),
  sort: z.enum(CALL_LOG_SORT_FIELDS).catch("startedAt").default("startedAt"),
  dir: z.enum(["asc", "desc"]).catch("desc").default("desc"),
}).superRefine(checkDateOrder).superRefine((query, ctx) => {
  for (const param of ["after", "before"] as const) {
    const key = query[param];
    if (key && !keyFitsSort(key, callLogPageSort(query.sort, query.dir))) {
      ctx.addIssue({ code: "custom", path: [param], message: "Not a page of this list" });
    }
  }
});
export type CallLogsPageQuery = z.infer<typeof callLogsPageQuerySchema>;

export const updateCallNotesSchema = z
  .object({ notes: z.string().max(2000, "Notes can be at most 2000 characters.").nullable() })
  .strict();
export type UpdateCallNotesInput = z.infer<typeof updateCallNotesSchema>;

/** PATCH /api/telephony/call-logs/:id: notes, the follow-up state, its assignee (null: nobody), or any of them. */
export const updateCallLogSchema = z
  .object({
    notes: updateCallNotesSchema.shape.notes.optional(),
    ...followUpChangeFields,
  })
  .strict()
  .refine((body) => body.notes !== undefined || body.followUp !== undefined || body.assigneeId !== undefined, {
    message: "Send notes, followUp or assigneeId.",
  });
export type UpdateCallLogInput = z.infer<typeof updateCallLogSchema>;
