// GET /api/telephony/call-logs' list: the same rows, filters and cursor pages as a Prisma findMany with
// callLogListSelect, written as one SQL statement run through querySalon, whose rows PostgreSQL writes as
// the response's JSON. Why not Prisma: at a page of 50 its per-query work (client runtime, query compiler,
// the adapter's row mapping) was most of the request's CPU (bench/api-request.ts --profile), and this is
// the request clients poll.
import { toJsonPage, type JsonPage } from "@/lib/api/pagination";
import { needsTimeZone, resolveDateRange } from "@/lib/calls/date-range";
import { querySalon } from "@/lib/db";
import { containsPattern, relationJson, rowJson, pastCursor } from "@/lib/db/list-sql";
import { isoText, sqlParams, type SqlParams } from "@/lib/db/sql-params";
import { salonTimeZoneOf } from "@/lib/salons/salon-time-zone";
import type { CallLogFilters, ListCallLogsQuery } from "@/lib/validations/calls";
import { FOLLOW_UP_STATE } from "@/lib/validations/follow-ups";

// callLogListSelect's fields (lib/calls/queries.ts), in its order, as JSON; the customer is joined on the same salon.
const ROW_JSON = rowJson([
  ...["id", "callSid", "direction", "from", "to", "status", "reason"].map((f): [string, string] => [f, `c."${f}"`]),
  ...["startedAt", "answeredAt", "endedAt"].map((f): [string, string] => [f, isoText(`c."${f}"`)]),
  ...["durationSeconds", "forwardedTo", "recordingSid", "recordingDurationSeconds", "transcription", "servedByBolt", "outcome"].map((f): [string, string] => [f, `c."${f}"`]),
  ["missedCallTextAt", isoText(`c."missedCallTextAt"`)],
  ...["notes", "summary", "followUp"].map((f): [string, string] => [f, `c."${f}"`]),
  ["customer", relationJson(`cu."id"`, [["id", `cu."id"`], ["name", `cu."name"`], ["phone", `cu."phone"`]])],
  ["assignee", relationJson(`u."id"`, [["id", `u."id"`], ["name", `u."name"`]])],
]);

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
  if (filters.followUp) where.push(`c."followUp" = ${params.add(FOLLOW_UP_STATE[filters.followUp])}`);
  if (filters.assignedTo) {
    const { assigneeId } = filters.assignedTo;
    where.push(assigneeId === null ? `c."assigneeId" IS NULL` : `c."assigneeId" = ${params.add(assigneeId)}`);
  }
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
export async function listCallLogs(salonId: string, query: ListCallLogsQuery & Pick<CallLogFilters, "assignedTo">): Promise<JsonPage> {
  const params = sqlParams();
  const where = await filterConditions(salonId, query, params);
  if (query.cursor) where.push(pastCursor(`c."startedAt"`, `c."id"`, query.cursor, params));
  const rows = await querySalon<{ json: string }>(salonId, {
    text: `SELECT ${ROW_JSON}::text AS "json"
      FROM "call_logs" c LEFT JOIN "customers" cu ON cu."id" = c."customerId" AND cu."salonId" = c."salonId"
        LEFT JOIN "users" u ON u."id" = c."assigneeId"
      WHERE ${where.join(" AND ")}
      ORDER BY c."startedAt" DESC, c."id" DESC
      LIMIT ${params.add(query.limit + 1)}`,
    values: params.values,
  });
  // The shared cursor format names its date "createdAt"; for calls it carries startedAt.
  return toJsonPage(rows.map((r) => r.json), query.limit, "startedAt");
}
