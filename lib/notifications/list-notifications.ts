// GET /api/telephony/notifications' list: the same rows, filters and cursor pages as a Prisma findMany with
// notificationListSelect (lib/notifications/queries.ts), written as one SQL statement run through querySalon,
// whose rows PostgreSQL writes as the response's JSON. Why not Prisma: see lib/calls/list-call-logs.ts.
import { toJsonPage, type JsonPage } from "@/lib/api/pagination";
import { querySalon } from "@/lib/db";
import { relationJson, rowJson, pastCursor } from "@/lib/db/list-sql";
import { isoText, sqlParams } from "@/lib/db/sql-params";
import { resolveCreatedAtRange } from "@/lib/notifications/queries";
import { salonTimeZoneOf } from "@/lib/salons/salon-time-zone";
import type { ListNotificationsQuery } from "@/lib/validations/messaging";

const column = (f: string): [string, string] => [f, `n."${f}"`];
const time = (f: string): [string, string] => [f, isoText(`n."${f}"`)];

// notificationListSelect's fields, in its order, as JSON; customer and employee are joined on the same salon.
const ROW_JSON = rowJson([
  ...["id", "channel", "kind", "status", "recipientKind", "destination", "subject", "body", "segmentCount", "errorCode"].map(column),
  ...["failureReason", "providerMessageId", "appointmentId", "customerId", "employeeId", "createdByUserId"].map(column),
  ...["scheduledFor", "sentAt", "deliveredAt", "failedAt", "createdAt", "updatedAt"].map(time),
  ["customer", relationJson(`cu."id"`, [["id", `cu."id"`], ["name", `cu."name"`], ["phone", `cu."phone"`]])],
  ["employee", relationJson(`e."id"`, [["id", `e."id"`], ["name", `e."name"`]])],
]);

export async function listNotifications(salonId: string, query: ListNotificationsQuery): Promise<JsonPage> {
  const params = sqlParams();
  const where = [`n."salonId" = ${params.add(salonId)}`];
  // Enum lists as arrays of the enum: the schema let only its values through.
  if (query.status?.length) where.push(`n."status" = ANY(${params.add(query.status)}::"NotificationStatus"[])`);
  if (query.channel?.length) where.push(`n."channel" = ANY(${params.add(query.channel)}::"NotificationChannel"[])`);
  if (query.kind?.length) where.push(`n."kind" = ANY(${params.add(query.kind)}::"NotificationKind"[])`);
  if (query.customerId) where.push(`n."customerId" = ${params.add(query.customerId)}`);
  if (query.employeeId) where.push(`n."employeeId" = ${params.add(query.employeeId)}`);
  if (query.appointmentId) where.push(`n."appointmentId" = ${params.add(query.appointmentId)}`);
  if (query.from || query.to) {
    const range = resolveCreatedAtRange(await salonTimeZoneOf(salonId), query.from, query.to);
    if (range.gte) where.push(`n."createdAt" >= ${params.at(range.gte)}`);
    if (range.lt) where.push(`n."createdAt" < ${params.at(range.lt)}`);
    if (range.lte) where.push(`n."createdAt" <= ${params.at(range.lte)}`);
  }
  if (query.cursor) where.push(pastCursor(`n."createdAt"`, `n."id"`, query.cursor, params));
  const rows = await querySalon<{ json: string }>(salonId, {
    text: `SELECT ${ROW_JSON}::text AS "json"
      FROM "notifications" n
        LEFT JOIN "customers" cu ON cu."id" = n."customerId" AND cu."salonId" = n."salonId"
        LEFT JOIN "employees" e ON e."id" = n."employeeId" AND e."salonId" = n."salonId"
      WHERE ${where.join(" AND ")}
      ORDER BY n."createdAt" DESC, n."id" DESC
      LIMIT ${params.add(query.limit + 1)}`,
    values: params.values,
  });
  return toJsonPage(rows.map((r) => r.json), query.limit, "createdAt");
}
