// GET /api/telephony/call-logs' list: the same rows, filters and cursor pages as a Prisma findMany with
// callLogListSelect, written as one SQL statement run through querySalon. Why not Prisma: at a page of 50 its
// per-query work (client runtime, query compiler, the adapter's row mapping) was most of the request's CPU
// (bench/api-request.ts --profile), and the API's list is the request clients poll.
import { encodeCursor, type Page } from "@/lib/api/pagination";
import { needsTimeZone, resolveDateRange } from "@/lib/calls/date-range";
import type { CallLogListItem } from "@/lib/calls/queries";
import { querySalon } from "@/lib/db";
import { containsPattern, pastCursor } from "@/lib/db/list-sql";
import { instant, sqlParams, type SqlParams } from "@/lib/db/sql-params";
import { salonTimeZoneOf } from "@/lib/salons/salon-time-zone";
import type { CallLogFilters, ListCallLogsQuery } from "@/lib/validations/calls";

type Row = Omit<CallLogListItem, "customer"> & { customerId: string | null; customerName: string | null; customerPhone: string | null };

// callLogListSelect's fields, in its order; the customer comes from a join on the same salon.
const COLUMNS = `c."id", c."callSid", c."direction", c."from", c."to", c."status", c."reason",
  ${instant(`c."startedAt"`, "startedAt")}, ${instant(`c."answeredAt"`, "answeredAt")}, ${instant(`c."endedAt"`, "endedAt")},
  c."durationSeconds", c."forwardedTo", c."recordingSid", c."recordingDurationSeconds", c."transcription",
  ${instant(`c."missedCallTextAt"`, "missedCallTextAt")}, c."notes",
  cu."id" AS "customerId", cu."name" AS "customerName", cu."phone" AS "customerPhone"`;

/** The filters as conditions on `c` (the call) and `cu` (its customer), as callLogsWhere has them for Prisma. */
async function filterConditions(salonId: string, filters: CallLogFilters, params: SqlParams): Promise<string[]> {
  const where = [`c."salonId" = ${params.add(salonId)}`];
  if (filters.from || filters.to) {
    const range = resolveDateRange(filters, needsTimeZone(filters) ? await salonTimeZoneOf(salonId) : "UTC");
    if (range.gte) where.push(`c."startedAt" >= ${params.at(range.gte)}`);
    if (range.lt) where.push(`c."startedAt" < ${params.at(range.lt)}`);
  }
  // Text columns (the outcome) and enums compared as given: the schema let only their values through.
  if (filters.outcome) where.push(`c."outcome" = ${params.add(filters.outcome)}`);
  if (filters.status) where.push(`c."status" = ${params.add(filters.status)}::"CallStatus"`);
  if (filters.reason) where.push(`c."reason" = ${params.add(filters.reason)}::"CallReason"`);
  if (filters.q) {
    // People type numbers any way ("(415) 555-0142"); stored numbers are E.164, so match on digits.
    const digits = filters.q.replace(/\D/g, "");
    const byName = `cu."name" ILIKE ${params.add(containsPattern(filters.q))}`;
    where.push(digits.length >= 3 ? `(c."from" LIKE ${params.add(containsPattern(digits))} OR ${byName})` : byName);
  }
  return where;
}

/** API listing: newest first by (startedAt, id), opaque cursor, `limit + 1` rows to know if more exist. */
export async function listCallLogs(salonId: string, query: ListCallLogsQuery): Promise<Page<CallLogListItem>> {
  const params = sqlParams();
  const where = await filterConditions(salonId, query, params);
  if (query.cursor) where.push(pastCursor(`c."startedAt"`, `c."id"`, query.cursor, params));
  const rows = await querySalon<Row>(salonId, {
    text: `SELECT ${COLUMNS}
      FROM "call_logs" c LEFT JOIN "customers" cu ON cu."id" = c."customerId" AND cu."salonId" = c."salonId"
      WHERE ${where.join(" AND ")}
      ORDER BY c."startedAt" DESC, c."id" DESC
      LIMIT ${params.add(query.limit + 1)}`,
    values: params.values,
  });
  const data = rows.slice(0, query.limit).map(toItem);
  const last = data.at(-1);
  // The shared cursor format names its date "createdAt"; for calls it carries startedAt.
  return { data, nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.startedAt, id: last.id }) : null };
}

function toItem({ customerId, customerName, customerPhone, ...call }: Row): CallLogListItem {
  return { ...call, customer: customerId === null ? null : { id: customerId, name: customerName, phone: customerPhone! } };
}
