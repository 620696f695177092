// A notification's status only moves forward (QUEUED < SENDING < SENT < DELIVERED; UNDELIVERED,
// FAILED and CANCELED end it). Every report is kept as a NotificationEvent, once per
// (status, errorCode), so late, out-of-order and repeated provider callbacks are harmless.
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationStatus } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { describeTwilioError } from "@/lib/telephony/error-codes";

const PROGRESS: NotificationStatus[] = ["QUEUED", "SENDING", "SENT", "DELIVERED"];
const FINAL: NotificationStatus[] = ["DELIVERED", "UNDELIVERED", "FAILED", "CANCELED"];

/** The statuses a row may be in for `to` to be a step forward. */
export function statusesBefore(to: NotificationStatus): NotificationStatus[] {
  if (FINAL.includes(to) && to !== "DELIVERED") return ["QUEUED", "SENDING", "SENT"];
  return PROGRESS.slice(0, PROGRESS.indexOf(to));
}

export type AdvanceTarget = { notificationId: string } | { providerMessageId: string };

export type AdvanceOptions = {
  /** Restricts the lookup to one salon (webhooks pass the salon that owns the number). */
  salonId?: string;
  errorCode?: string | null;
  /** When the provider says it happened; defaults to now. */
  at?: Date;
  detail?: string;
};

export type AdvanceResult = {
  found: boolean;
  moved: boolean;
  eventAdded: boolean;
  notificationId?: string;
  /** Where the notification went (a phone number for a text). */
  destination?: string;
};

function targetWhere(target: AdvanceTarget, salonId: string | undefined): Prisma.Sql {
  const key =
    "notificationId" in target
      ? Prisma.sql`"id" = ${target.notificationId}`
      : Prisma.sql`"providerMessageId" = ${target.providerMessageId}`;
  return salonId ? Prisma.sql`${key} AND "salonId" = ${salonId}` : key;
}

/**
 * SQL for a status event's id, derived from (notification, status, errorCode): copies of one report,
 * from wherever they come, collide on the primary key and only one is kept.
 */
export function notificationEventIdSql(notificationId: Prisma.Sql, status: NotificationStatus, code: string | null): Prisma.Sql {
  return Prisma.sql`'ev_' || md5(${notificationId} || ':' || ${status}::text || ':' || COALESCE(${code}::text, ''))`;
}

/**
 * Records a status report for one notification: appends the event unless the same
 * (status, errorCode) is already in its history, and moves the row only if `status` is ahead.
 */
export async function advanceNotificationStatus(
  target: AdvanceTarget,
  status: NotificationStatus,
  opts: AdvanceOptions = {},
): Promise<AdvanceResult> {
  const where = targetWhere(target, opts.salonId);
  const now = new Date();
  const at = opts.at ?? now;
  const code = opts.errorCode ?? null;
  const failed = status === "FAILED" || status === "UNDELIVERED";
  const reason = failed ? describeTwilioError(code) : null;
  const from = statusesBefore(status);
  const statusSql = Prisma.sql`${status}::"NotificationStatus"`;

  // One statement. The event id is derived from (notification, status, errorCode), so concurrent
  // copies of one report collide on the primary key and only one is kept (ON CONFLICT DO NOTHING);
  // NOT EXISTS also skips a report the worker already recorded itself (e.g. SENDING).
  const rows = await db.$queryRaw<Array<{ id: string | null; destination: string | null; added: number; moved: number }>>`
    WITH target AS (SELECT "id", "salonId", "destination" FROM "notifications" WHERE ${where}),
    ev AS (
      INSERT INTO "notification_events" ("id", "salonId", "notificationId", "status", "errorCode", "detail", "occurredAt", "createdAt", "updatedAt")
      SELECT ${notificationEventIdSql(Prisma.sql`t."id"`, status, code)}, t."salonId", t."id", ${statusSql},
             ${code}::text, ${opts.detail ?? null}::text, ${at}::timestamp(3), ${now}::timestamp(3), ${now}::timestamp(3)
      FROM target t
      WHERE NOT EXISTS (
        SELECT 1 FROM "notification_events" e
        WHERE e."notificationId" = t."id" AND e."status" = ${statusSql} AND e."errorCode" IS NOT DISTINCT FROM ${code}::text
      )
      ON CONFLICT ("id") DO NOTHING
      RETURNING 1
    ),
    up AS (
      UPDATE "notifications" n SET
        "status" = ${statusSql},
        "errorCode" = COALESCE(${code}::text, n."errorCode"),
        "failureReason" = COALESCE(${reason}::text, n."failureReason"),
        "sentAt" = CASE WHEN ${statusSql} IN ('SENT', 'DELIVERED') THEN COALESCE(n."sentAt", ${at}::timestamp(3)) ELSE n."sentAt" END,
        "deliveredAt" = CASE WHEN ${statusSql} = 'DELIVERED' THEN ${at}::timestamp(3) ELSE n."deliveredAt" END,
        "failedAt" = CASE WHEN ${failed} THEN ${at}::timestamp(3) ELSE n."failedAt" END,
        "updatedAt" = ${now}::timestamp(3)
      FROM target t
      -- Re-checked against the latest row version if another report moved it meanwhile.
      WHERE n."id" = t."id" AND n."status"::text = ANY(${from}::text[])
      RETURNING 1
    )
    SELECT (SELECT "id" FROM target LIMIT 1) AS id,
           (SELECT "destination" FROM target LIMIT 1) AS destination,
           (SELECT count(*) FROM ev)::int AS added,
           (SELECT count(*) FROM up)::int AS moved`;
  const row = rows[0];
  if (!row?.id) return { found: false, moved: false, eventAdded: false };
  return { found: true, moved: row.moved > 0, eventAdded: row.added > 0, notificationId: row.id, destination: row.destination ?? undefined };
}
