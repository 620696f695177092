// Reading notifications (texts and emails) for the admin table and the API's detail (the API's list is
// lib/notifications/list-notifications.ts): filtered, newest first, always inside one salon.
import { TZDate } from "@date-fns/tz";
import { ZodError } from "zod";
import { notFound } from "@/lib/api/errors";
import { salonTimeZoneOf } from "@/lib/salons/salon-time-zone";
import { pageCursorOf, readKeysetPage, type PageStep } from "@/lib/api/page-cursors";
import { salonDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { notificationPageSort, type NotificationTableQuery } from "@/lib/validations/notifications";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export const notificationListSelect = {
  id: true,
  channel: true,
  kind: true,
  status: true,
  recipientKind: true,
  destination: true,
  subject: true,
  body: true,
  segmentCount: true,
  errorCode: true,
  failureReason: true,
  providerMessageId: true,
  appointmentId: true,
  customerId: true,
  employeeId: true,
  createdByUserId: true,
  scheduledFor: true,
  sentAt: true,
  deliveredAt: true,
  failedAt: true,
  createdAt: true,
  updatedAt: true,
  customer: { select: { id: true, name: true, phone: true } },
  employee: { select: { id: true, name: true } },
} satisfies Prisma.NotificationSelect;

export type NotificationListItem = Prisma.NotificationGetPayload<{ select: typeof notificationListSelect }>;

/** A date-only bound is a whole day in the salon's zone: `from` its start, `to` the start of the next day. */
function resolveBound(value: string, timeZone: string, end: boolean): Date {
  if (!DATE_ONLY.test(value)) return new Date(value);
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, end ? d + 1 : d, timeZone).getTime());
}

/**
 * The from/to filter as bounds on createdAt: a date-only `to` is exclusive (`lt`, the start of the next
 * day), an explicit instant inclusive (`lte`). Bounds that cross are a 422 on `from`.
 */
export function resolveCreatedAtRange(
  timeZone: string,
  from?: string,
  to?: string,
): { gte?: Date; lt?: Date; lte?: Date } {
  const gte = from ? resolveBound(from, timeZone, false) : undefined;
  const toAt = to ? resolveBound(to, timeZone, true) : undefined;
  const toIsExclusive = to !== undefined && DATE_ONLY.test(to);
  if (gte && toAt && (toIsExclusive ? gte >= toAt : gte > toAt)) {
    throw new ZodError([{ code: "custom", path: ["from"], message: "from must be before to.", input: from }]);
  }
  return { gte, ...(toIsExclusive ? { lt: toAt } : { lte: toAt }) };
}

async function createdAtRange(
  salonId: string,
  from?: string,
  to?: string,
): Promise<Prisma.DateTimeFilter | undefined> {
  if (!from && !to) return undefined;
  return resolveCreatedAtRange(await salonTimeZoneOf(salonId), from, to);
}

/** One notification with its full status history (oldest event first). 404 for another salon's id. */
export async function getNotificationById(salonId: string, id: string) {
  const notification = await salonDb(salonId).notification.findFirst({
    where: { id, salonId },
    select: {
      ...notificationListSelect,
      attempts: true,
      idempotencyKey: true,
      events: {
        select: { id: true, status: true, errorCode: true, detail: true, occurredAt: true },
        orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }],
      },
    },
  });
  if (!notification) throw notFound("Notification");
  return notification;
}

/** Recipient search: a name (customer or employee), an email, or 3+ digits of the number in any format. */
function recipientMatches(q: string): Prisma.NotificationWhereInput[] {
  const digits = q.replace(/\D/g, "");
  return [
    { customer: { name: { contains: q, mode: "insensitive" } } },
    { employee: { name: { contains: q, mode: "insensitive" } } },
    { destination: { contains: q, mode: "insensitive" } },
    ...(digits.length >= 3 ? [{ destination: { contains: digits } }] : []),
  ];
}

/**
 * The admin table: Newer/Older keyset pages of `size`, sorted by created time or by status (enum
 * order: QUEUED … CANCELED, newest first within each), filtered like the API plus a recipient search,
 * on one tab: sent (nothing scheduled after `now`) or scheduled (only that).
 * No total: a deep page reads what the first does, through the index of the sort or filter.
 */
export async function listNotificationsTable(salonId: string, query: NotificationTableQuery, now: Date) {
  // Reversed dates from a hand-typed range mean the same days; swap rather than fail.
  const [from, to] =
    query.from && query.to && query.from > query.to ? [query.to, query.from] : [query.from, query.to];
  const createdAt = await createdAtRange(salonId, from, to);
  const where: Prisma.NotificationWhereInput = {
    salonId,
    ...(query.status.length ? { status: { in: query.status } } : {}),
    ...(query.channel.length ? { channel: { in: query.channel } } : {}),
    ...(query.kind.length ? { kind: { in: query.kind } } : {}),
    // No index seeks a substring; the salon's (salonId, createdAt) index bounds the read to its rows.
    ...(query.q ? { OR: recipientMatches(query.q) } : {}),
    ...(createdAt ? { createdAt } : {}),
    // "Sent" is what went out, is on its way now or was stopped; a text still queued for a later time is
    // "Scheduled" (a cancelled reminder keeps its time but waits for nothing).
    ...(query.view === "scheduled"
      ? { status: "QUEUED", scheduledFor: { gt: now } }
      : { AND: [{ OR: [{ status: { not: "QUEUED" } }, { scheduledFor: null }, { scheduledFor: { lte: now } }] }] }),
  };
  const scoped = salonDb(salonId);
  return readKeysetPage({
    sort: notificationPageSort(query.sort, query.dir, query.status),
    cursor: pageCursorOf(query),
    size: query.size,
    keyOf: (row) => ({ ...(query.sort === "status" ? { value: row.status } : {}), at: row.createdAt, id: row.id }),
    // page-cursors.ts builds its steps for any model; these are notification fields by construction.
    read: (step: PageStep, take: number) =>
      scoped.notification.findMany({
        where: { AND: [where, step.where as Prisma.NotificationWhereInput] },
        select: notificationListSelect,
        orderBy: step.orderBy as Prisma.NotificationOrderByWithRelationInput[],
        take,
      }),
  });
}
