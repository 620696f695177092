// Call-log reads for the API and the Calls page. Every query runs through salonDb(salonId) and names
// salonId itself: row-level security and the where clause both keep salons apart.
import { encodeCursor, type Page } from "@/lib/api/pagination";
import { pageCursorOf, readKeysetPage, type PageStep, type KeysetPage } from "@/lib/api/page-cursors";
import { notFound } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { needsTimeZone, resolveDateRange } from "@/lib/calls/date-range";
import { callLogPageSort, type CallLogFilters, type CallLogsPageQuery, type ListCallLogsQuery } from "@/lib/validations/calls";

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
  missedCallTextAt: true,
  notes: true,
  customer: { select: { id: true, name: true, phone: true } },
} satisfies Prisma.CallLogSelect;

export type CallLogListItem = Prisma.CallLogGetPayload<{ select: typeof callLogListSelect }>;

async function salonTimeZone(salonId: string): Promise<string> {
  const salon = await salonDb(salonId).salon.findFirst({ where: { id: salonId }, select: { timeZone: true } });
  if (!salon) throw notFound("Salon");
  return salon.timeZone;
}

/** The filters as a where clause; day-only dates are read in the salon's time zone. */
async function callLogsWhere(salonId: string, filters: CallLogFilters): Promise<Prisma.CallLogWhereInput> {
  const and: Prisma.CallLogWhereInput[] = [{ salonId }];
  if (filters.from || filters.to) {
    const timeZone = needsTimeZone(filters) ? await salonTimeZone(salonId) : "UTC";
    and.push({ startedAt: resolveDateRange(filters, timeZone) });
  }
  // The stored outcome (callOutcomeOf's answer), read through (salonId, outcome, startedAt).
  if (filters.outcome) and.push({ outcome: filters.outcome });
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

/** API listing: newest first by (startedAt, id), opaque cursor, `limit + 1` rows to know if more exist. */
export async function listCallLogs(salonId: string, query: ListCallLogsQuery): Promise<Page<CallLogListItem>> {
  const where = await callLogsWhere(salonId, query);
  const cursor = query.cursor;
  // A bound the index starts its scan from, then the cursor's own instant up to its id (see afterCursor).
  const after: Prisma.CallLogWhereInput = cursor
    ? { startedAt: { lte: cursor.createdAt }, NOT: { startedAt: cursor.createdAt, id: { gte: cursor.id } } }
    : {};
  const rows = await salonDb(salonId).callLog.findMany({
    where: { AND: [where, after] },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
    select: callLogListSelect,
  });
  const data = rows.slice(0, query.limit);
  const last = data.at(-1);
  // The shared cursor format names its date "createdAt"; for calls it carries startedAt.
  return { data, nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.startedAt, id: last.id }) : null };
}

export type CallLogsPage = KeysetPage<CallLogListItem>;

/**
 * The Calls page: Newer/Older keyset pages in the sort it offers (time, or length with unended calls
 * last), no total: a deep page reads what the first does, through the index of the sort or filter.
 */
export async function listCallLogsPage(salonId: string, query: CallLogsPageQuery): Promise<CallLogsPage> {
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
