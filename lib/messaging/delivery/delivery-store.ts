// The delivery job's reads and writes, shaped for the hot path: one query loads a whole batch,
// one statement claims it, and every status change (row + its NotificationEvent) is a single
// round trip. Raw SQL only where Prisma would need a transaction of several statements.
import { randomUUID } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationStatus } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

const salonSelect = {
  id: true,
  name: true,
  timeZone: true,
  quietHoursStart: true,
  quietHoursEnd: true,
  monthlySmsQuota: true,
  twilioNumber: true,
  twilioAccountSid: true,
} as const;

/** Loads the batch's notifications with what the send checks need (salon, customer consent). */
export function loadForDelivery(ids: string[]) {
  return db.notification.findMany({
    where: { id: { in: ids } },
    include: {
      salon: { select: salonSelect },
      customer: { select: { id: true, smsConsent: true, firstTextedAt: true } },
    },
  });
}

export type DeliveryRow = Awaited<ReturnType<typeof loadForDelivery>>[number];

/** QUEUED → SENDING for the given rows; only the rows returned may be sent (no double send). */
export async function claimForSending(rows: Array<{ id: string; salonId: string }>): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const claimed = await db.notification.updateManyAndReturn({
    where: {
      id: { in: rows.map((r) => r.id) },
      salonId: { in: [...new Set(rows.map((r) => r.salonId))] },
      status: "QUEUED",
      providerMessageId: null,
    },
    data: { status: "SENDING", attempts: { increment: 1 } },
    select: { id: true },
  });
  return new Set(claimed.map((c) => c.id));
}

export type TransitionInput = {
  id: string;
  salonId: string;
  /** The statuses the row must be in for the change to apply (compare-and-set). */
  from: NotificationStatus[];
  to: NotificationStatus;
  set?: {
    providerMessageId?: string;
    errorCode?: string | null;
    failureReason?: string | null;
    body?: string;
    segmentCount?: number;
    scheduledFor?: Date;
    sentAt?: Date;
    failedAt?: Date;
  };
  event: { detail?: string; errorCode?: string | null };
};

const columns = {
  providerMessageId: "providerMessageId",
  errorCode: "errorCode",
  failureReason: "failureReason",
  body: "body",
  segmentCount: "segmentCount",
  scheduledFor: "scheduledFor",
  sentAt: "sentAt",
  failedAt: "failedAt",
} as const;

function valueSql(value: unknown): Prisma.Sql {
  // Dates go as UTC wall time into TIMESTAMP(3) columns (the adapter formats them so).
  if (value instanceof Date) return Prisma.sql`${value}::timestamp(3)`;
  return Prisma.sql`${value}`;
}

/**
 * Moves one notification from one of `from` to `to`, sets the given columns and appends the event,
 * all in one statement. Returns false when the row was not in `from` (someone else moved it).
 */
export async function transitionNotification(input: TransitionInput): Promise<boolean> {
  const now = new Date();
  const status = Prisma.sql`${input.to}::"NotificationStatus"`;
  const sets = [Prisma.sql`"status" = ${status}`, Prisma.sql`"updatedAt" = ${now}::timestamp(3)`];
  for (const [key, value] of Object.entries(input.set ?? {})) {
    if (value === undefined) continue;
    const column = columns[key as keyof typeof columns];
    sets.push(Prisma.sql`${Prisma.raw(`"${column}"`)} = ${valueSql(value)}`);
  }
  const rows = await db.$queryRaw<Array<{ id: string }>>`
    WITH up AS (
      UPDATE "notifications" SET ${Prisma.join(sets, ", ")}
      WHERE "id" = ${input.id} AND "salonId" = ${input.salonId} AND "status"::text = ANY(${input.from}::text[])
      RETURNING "id", "salonId"
    )
    INSERT INTO "notification_events" ("id", "salonId", "notificationId", "status", "errorCode", "detail", "occurredAt", "createdAt", "updatedAt")
    SELECT ${randomUUID()}, up."salonId", up."id", ${status}, ${input.event.errorCode ?? null}::text, ${input.event.detail ?? null}::text,
           ${now}::timestamp(3), ${now}::timestamp(3), ${now}::timestamp(3)
    FROM up
    RETURNING "notificationId" AS id`;
  return rows.length > 0;
}

/** Which of these provider SIDs already belong to a notification. */
export async function knownProviderSids(sids: string[]): Promise<Set<string>> {
  const rows = await db.notification.findMany({
    where: { providerMessageId: { in: sids } },
    select: { providerMessageId: true },
  });
  return new Set(rows.map((r) => r.providerMessageId).filter((s): s is string => s !== null));
}

/** Remembers that the customer got the opt-out line (only the first text carries it). */
export async function markCustomerTexted(salonId: string, customerId: string, at: Date): Promise<void> {
  await db.customer.updateMany({
    where: { id: customerId, salonId, firstTextedAt: null },
    data: { firstTextedAt: at },
  });
}

