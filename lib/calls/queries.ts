// Call-log reads for the Calls page (the API's list is lib/calls/list-call-logs.ts). Every query runs through
// salonDb(salonId) and names salonId itself: row-level security and the where clause both keep salons apart.
import { pageCursorOf, readKeysetPage, type PageStep, type KeysetPage } from "@/lib/api/page-cursors";
import { salonDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { needsTimeZone, resolveDateRange } from "@/lib/calls/date-range";
import { salonTimeZoneOf } from "@/lib/salons/salon-time-zone";
import { callLogPageSort, type CallLogFilters, type CallLogsPageQuery } from "@/lib/validations/calls";
import { FOLLOW_UP_STATE } from "@/lib/validations/follow-ups";

export const callLogListSelect = {
  id: true,
  callSid: true,
  direction: true,
  from: true,
  to: true,
  status: true,
  reason: true,
  startedAt: true,
  answeredAt: true,
  endedAt: true,
  durationSeconds: true,
  forwardedTo: true,
  recordingSid: true,
  recordingDurationSeconds: true,
  // callOutcomeOf counts a transcript as a voicemail even before the recording arrives. Prisma can't
  // select "is not null" as a boolean, so the text comes along (voicemails are at most 2 minutes).
  transcription: true,
  servedByBolt: true,
  outcome: true,
  missedCallTextAt: true,
  notes: true,
  summary: true,
  followUp: true,
  customer: { select: { id: true, name: true, phone: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.CallLogSelect;

export type CallLogListItem = Prisma.CallLogGetPayload<{ select: typeof callLogListSelect }>;

/** The filters as a where clause; day-only dates are read in the salon's time zone. */
async function callLogsWhere(salonId: string, filters: CallLogFilters): Promise<Prisma.CallLogWhereInput> {
  const and: Prisma.CallLogWhereInput[] = [{ salonId }];
  if (filters.from || filters.to) {
    const timeZone = needsTimeZone(filters) ? await salonTimeZoneOf(salonId) : "UTC";
    and.push({ startedAt: resolveDateRange(filters, timeZone) });
  }
  // The stored outcome (callOutcomeOf's answer), read through (salonId, outcome, startedAt).
  if (filters.outcome) and.push({ outcome: filters.outcome });
  // Read through (salonId, followUp, startedAt): text equality is an index condition under RLS.
  if (filters.followUp) and.push({ followUp: FOLLOW_UP_STATE[filters.followUp] });
  // Read through (salonId, assigneeId, startedAt); null is "assigned to nobody".
  if (filters.assignedTo) and.push({ assigneeId: filters.assignedTo.assigneeId });
  if (filters.status) and.push({ status: filters.status });
  if (filters.reason) and.push({ reason: filters.reason });
  if (filters.q) {
    // People type numbers any way ("(415) 555-0142"); stored numbers are E.164, so match on digits.
    // No index can seek a substring; the salon's (salonId, startedAt) index bounds the read to its calls.
    const digits = filters.q.replace(/\D/g, "");
    const byName: Prisma.CallLogWhereInput = { customer: { name: { contains: filters.q, mode: "insensitive" } } };
    and.push(digits.length >= 3 ? { OR: [{ from: { contains: digits } }, byName] } : byName);
  }
  return { AND: and };
}

export type CallLogsPage = KeysetPage<CallLogListItem>;

/**
 * The Calls page: Newer/Older keyset pages in the sort it offers (time, or length with unended calls
 * last), no total: a deep page reads what the first does, through the index of the sort or filter.
 */
export async function listCallLogsPage(salonId: string, query: CallLogsPageQuery & Pick<CallLogFilters, "assignedTo">): Promise<CallLogsPage> {
  const where = await callLogsWhere(salonId, query);
  const scoped = salonDb(salonId);
  return readKeysetPage({
    sort: callLogPageSort(query.sort, query.dir),
    cursor: pageCursorOf(query),
    size: query.pageSize,
    keyOf: (row) => ({
      ...(query.sort === "durationSeconds" ? { value: row.durationSeconds } : {}),
      at: row.startedAt,
      id: row.id,
    }),
    // page-cursors.ts builds its steps for any model; these are call-log fields by construction.
    read: (step: PageStep, take: number) =>
      scoped.callLog.findMany({
        where: { AND: [where, step.where as Prisma.CallLogWhereInput] },
        orderBy: step.orderBy as Prisma.CallLogOrderByWithRelationInput[],
        take,
        select: callLogListSelect,
      }),
  });
}
