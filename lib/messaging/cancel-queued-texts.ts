// The one way a text that is still waiting to go out is called off: QUEUED → CANCELED with the reason
// on the row and one history event each, in one statement. A text already handed on (SENDING or
// later) cannot be called back and is left alone. Used when an appointment is moved or cancelled
// (its reminders), when a missed caller got through after all (the text-back), and when a pre-send
// check says no (delivery).
import { Prisma, type NotificationKind } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { notificationEventIdSql } from "@/lib/messaging/notification-status";

/** Which queued texts: one notification, an appointment's texts of some kinds, or the text of one key. */
export type QueuedTexts = { salonId: string } & (
  | { notificationId: string }
  | { appointmentId: string; kinds: NotificationKind[] }
  | { idempotencyKey: string }
);

/** The system client or a transaction's (to cancel together with the change that calls for it). */
type SqlClient = Pick<Prisma.TransactionClient, "$queryRaw">;

function whichSql(which: QueuedTexts): Prisma.Sql {
  if ("notificationId" in which) return Prisma.sql`"id" = ${which.notificationId}`;
  if ("idempotencyKey" in which) return Prisma.sql`"idempotencyKey" = ${which.idempotencyKey}`;
  return Prisma.sql`"appointmentId" = ${which.appointmentId} AND "kind"::text = ANY(${which.kinds}::text[])`;
}

/** Cancels the matching QUEUED texts of the salon; returns the ids it cancelled. */
export async function cancelQueuedTexts(
  which: QueuedTexts,
  reason: string,
  opts: { client?: SqlClient; now?: Date } = {},
): Promise<string[]> {
  const client = opts.client ?? db;
  const now = opts.now ?? new Date();
  // The event id is the one advanceNotificationStatus gives a CANCELED report, so a later
  // "canceled" status from anywhere collides with it and adds no second event.
  const rows = await client.$queryRaw<Array<{ id: string }>>`
    WITH up AS (
      UPDATE "notifications"
      SET "status" = 'CANCELED', "failureReason" = ${reason}, "updatedAt" = ${now}::timestamp(3)
      WHERE "salonId" = ${which.salonId} AND "status" = 'QUEUED' AND ${whichSql(which)}
      RETURNING "id", "salonId"
    ),
    ev AS (
      INSERT INTO "notification_events" ("id", "salonId", "notificationId", "status", "detail", "occurredAt", "createdAt", "updatedAt")
      SELECT ${notificationEventIdSql(Prisma.sql`up."id"`, "CANCELED", null)}, up."salonId", up."id", 'CANCELED', ${reason},
             ${now}::timestamp(3), ${now}::timestamp(3), ${now}::timestamp(3)
      FROM up
      ON CONFLICT ("id") DO NOTHING
    )
    SELECT "id" FROM up`;
  return rows.map((r) => r.id);
}
