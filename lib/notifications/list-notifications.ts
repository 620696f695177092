// GET /api/telephony/notifications' list: the same rows, filters and cursor pages as a Prisma findMany with
// notificationListSelect (lib/notifications/queries.ts), written as one SQL statement run through querySalon. Why not
// Prisma: see lib/calls/list-call-logs.ts.
import { toPage, type Page } from "@/lib/api/pagination";
import { pastCursor } from "@/lib/db/list-sql";
import { instant, sqlParams } from "@/lib/db/sql-params";
import { querySalon } from "@/lib/db";
import { resolveCreatedAtRange, type NotificationListItem } from "@/lib/notifications/queries";
import { salonTimeZoneOf } from "@/lib/salons/salon-time-zone";
import type { ListNotificationsQuery } from "@/lib/validations/messaging";

type Row = Omit<NotificationListItem, "customer" | "employee"> & {
  customerName: string | null;
  customerPhone: string | null;
  customerRowId: string | null;
  employeeRowId: string | null;
  employeeName: string | null;
};

// notificationListSelect's fields, in its order; customer and employee come from joins on the same salon.
const COLUMNS = `n."id", n."channel", n."kind", n."status", n."recipientKind", n."destination", n."subject", n."body",
  n."segmentCount", n."errorCode", n."failureReason", n."providerMessageId", n."appointmentId", n."customerId",
  n."employeeId", n."createdByUserId", ${instant(`n."scheduledFor"`, "scheduledFor")}, ${instant(`n."sentAt"`, "sentAt")},
  ${instant(`n."deliveredAt"`, "deliveredAt")}, ${instant(`n."failedAt"`, "failedAt")},
  ${instant(`n."createdAt"`, "createdAt")}, ${instant(`n."updatedAt"`, "updatedAt")},
  cu."id" AS "customerRowId", cu."name" AS "customerName", cu."phone" AS "customerPhone",
  e."id" AS "employeeRowId", e."name" AS "employeeName"`;

export async function listNotifications(salonId: string, query: ListNotificationsQuery): Promise<Page<NotificationListItem>> {
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
  const rows = await querySalon<Row>(salonId, {
    text: `SELECT ${COLUMNS}
      FROM "notifications" n
        LEFT JOIN "customers" cu ON cu."id" = n."customerId" AND cu."salonId" = n."salonId"
        LEFT JOIN "employees" e ON e."id" = n."employeeId" AND e."salonId" = n."salonId"
      WHERE ${where.join(" AND ")}
      ORDER BY n."createdAt" DESC, n."id" DESC
      LIMIT ${params.add(query.limit + 1)}`,
    values: params.values,
  });
  return toPage(rows.map(toItem), query.limit);
}

function toItem({ customerRowId, customerName, customerPhone, employeeRowId, employeeName, ...n }: Row): NotificationListItem {
  return {
    ...n,
    customer: customerRowId === null ? null : { id: customerRowId, name: customerName, phone: customerPhone! },
    employee: employeeRowId === null ? null : { id: employeeRowId, name: employeeName! },
  };
}
