// Call-log reads for the API and the Calls page. Every query runs through salonDb(salonId) and names
// salonId itself: row-level security and the where clause both keep salons apart.
import { encodeCursor, type Page } from "@/lib/api/pagination";
import { notFound } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { callOutcomeWhere } from "@/lib/calls/call-outcome";
import { needsTimeZone, resolveDateRange } from "@/lib/calls/date-range";
import type { CallLogFilters, CallLogsPageQuery, ListCallLogsQuery } from "@/lib/validations/calls";

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
  if (filters.outcome) and.push(callOutcomeWhere(filters.outcome));
  if (filters.status) and.push({ status: filters.status });
  if (filters.reason) and.push({ reason: filters.reason });
  if (filters.q) {
    // People type numbers any way ("(415) 555-0142"); stored numbers are E.164, so match on digits.
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
  const after: Prisma.CallLogWhereInput = cursor
    ? { OR: [{ startedAt: { lt: cursor.createdAt } }, { startedAt: cursor.createdAt, id: { lt: cursor.id } }] }
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

export type CallLogsPage = { rows: CallLogListItem[]; total: number; page: number; pageSize: number; pageCount: number };

/** The Calls page: numbered pages, any sortable column (ties broken by id), total for the pager. */
export async function listCallLogsPage(salonId: string, query: CallLogsPageQuery): Promise<CallLogsPage> {
  const where = await callLogsWhere(salonId, query);
  const nullable = query.sort === "durationSeconds" || query.sort === "reason";
  const primary = nullable ? { [query.sort]: { sort: query.dir, nulls: "last" } } : { [query.sort]: query.dir };
  const scoped = salonDb(salonId);
  const [rows, total] = await Promise.all([
    scoped.callLog.findMany({
      where,
      orderBy: [primary as Prisma.CallLogOrderByWithRelationInput, { id: query.dir }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: callLogListSelect,
    }),
    scoped.callLog.count({ where }),
  ]);
  return { rows, total, page: query.page, pageSize: query.pageSize, pageCount: Math.max(1, Math.ceil(total / query.pageSize)) };
}
