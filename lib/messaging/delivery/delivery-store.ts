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

const deliveryInclude = {
  salon: { select: salonSelect },
  customer: { select: { id: true, smsConsent: true, firstTextedAt: true, language: true } },
} as const;

/** Loads the batch's notifications with what the send checks need (salon, customer consent). */
export function loadForDelivery(ids: string[]) {
  return db.notification.findMany({ where: { id: { in: ids } }, include: deliveryInclude });
}

/**
 * The due-check statement (exported so the plan test EXPLAINs exactly this): ids of texts whose check
 * with Twilio is due, oldest due first. One seek of (status, statusCheckAt) per status, each stopping at
 * `limit`, merged: a text that reached a final status keeps its old statusCheckAt, so without literal
 * statuses (Prisma sends enum casts the planner won't seek) the table was scanned (2.1 s at 1M texts).
 */
export function dueForCheckQuery(now: Date, limit: number): Prisma.Sql {
  const due = (status: "SENDING" | "SENT") => Prisma.sql`
    (SELECT "id", "statusCheckAt" FROM "notifications"
      WHERE "status" = ${Prisma.raw(`'${status}'`)} AND "statusCheckAt" <= ${now}::timestamp(3) AND "channel" = 'SMS'
      ORDER BY "statusCheckAt" LIMIT ${limit})`;
  return Prisma.sql`
    SELECT "id" FROM (${due("SENDING")} UNION ALL ${due("SENT")}) d
    ORDER BY "statusCheckAt", "id" LIMIT ${limit}`;
}

/** Texts whose check with Twilio is due (settle-texts.ts), oldest due first, with what the checks need. */
export async function loadDueForCheck(now: Date, limit: number) {
  const due = await db.$queryRaw<Array<{ id: string }>>(dueForCheckQuery(now, limit));
  if (due.length === 0) return [];
  const order = new Map(due.map((d, i) => [d.id, i]));
  // A status report may have settled one in between: it needs no check any more.
  const rows = (await loadForDelivery([...order.keys()])).filter((r) => r.status === "SENDING" || r.status === "SENT");
  return rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
}

export type DeliveryRow = Awaited<ReturnType<typeof loadForDelivery>>[number];

/**
 * QUEUED → SENDING for the given rows; only the rows returned may be sent (no double send). The body
 * about to go out is stored with the claim, so if this worker dies mid-send the text can still be
 * recognised at Twilio by its own From/To/Body; `checkAt` is when to ask Twilio if nothing is heard.
 */
export async function claimForSending(
  rows: Array<{ id: string; salonId: string; body: string }>,
  checkAt: Date | null = null,
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const now = new Date();
  const claimed = await db.$queryRaw<Array<{ id: string }>>`
    UPDATE "notifications" n SET
      "status" = 'SENDING', "attempts" = n."attempts" + 1, "body" = v.body,
      "statusCheckAt" = ${checkAt}::timestamp(3), "statusChecks" = 0, "updatedAt" = ${now}::timestamp(3)
    FROM unnest(${rows.map((r) => r.id)}::text[], ${rows.map((r) => r.body)}::text[]) AS v(id, body)
    WHERE n."id" = v.id AND n."salonId" = ANY(${[...new Set(rows.map((r) => r.salonId))]}::text[])
      AND n."status" = 'QUEUED' AND n."providerMessageId" IS NULL
    RETURNING n."id"`;
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
    statusCheckAt?: Date | null;
    statusChecks?: number;
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
  statusCheckAt: "statusCheckAt",
  statusChecks: "statusChecks",
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

