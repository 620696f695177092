// Safety net for texts that are QUEUED and due but have no job left: the enqueue after sendSms
// failed, or a job gave up on an error before the text reached a final state. The worker runs this
// every minute; a duplicate job is harmless (the claim lets only one send), and the job id is derived
// from the row's last change, so repeated sweeps of an unchanged row add nothing.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { getBoss } from "@/lib/jobs/boss";
import { DELIVER_NOTIFICATION, deliveryJobId } from "@/lib/jobs/queues";

const log = logger.child({ module: "requeue-stranded" });

/** Longer than a busy queue needs to reach a due job, so healthy backlogs are left alone. */
const STRANDED_AFTER_MS = 5 * 60_000;

type StrandedRow = { id: string; salonId: string; updatedAt: Date };

/**
 * The sweep's one statement (exported so the plan test EXPLAINs exactly this): QUEUED texts due and
 * unchanged since `cutoff`, oldest change first. Two seeks of (status, scheduledFor, updatedAt), each
 * stopping at `limit` rows: texts to send now (scheduledFor null; ordered by the index's own columns,
 * as an IS NULL doesn't tell the planner the order) and texts whose moment has passed. Reminders booked
 * days ahead are never read, and the status is a literal so the planner can seek it.
 */
export function strandedNotificationsQuery(cutoff: Date, limit: number): Prisma.Sql {
  return Prisma.sql`
    SELECT "id", "salonId", "updatedAt" FROM (
      (SELECT "id", "salonId", "updatedAt", "status", "scheduledFor" FROM "notifications"
        WHERE "status" = 'QUEUED' AND "scheduledFor" IS NULL AND "updatedAt" < ${cutoff}::timestamp(3)
        ORDER BY "status", "scheduledFor", "updatedAt" LIMIT ${limit})
      UNION ALL
      (SELECT "id", "salonId", "updatedAt", "status", "scheduledFor" FROM "notifications"
        WHERE "status" = 'QUEUED' AND "scheduledFor" < ${cutoff}::timestamp(3) AND "updatedAt" < ${cutoff}::timestamp(3)
        ORDER BY "status", "scheduledFor", "updatedAt" LIMIT ${limit})
    ) s
    ORDER BY "updatedAt", "id" LIMIT ${limit}`;
}

export async function requeueStrandedNotifications(
  opts: { now?: Date; limit?: number } = {},
): Promise<number> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - STRANDED_AFTER_MS);
  const rows = await db.$queryRaw<StrandedRow[]>(strandedNotificationsQuery(cutoff, opts.limit ?? 500));
  if (rows.length === 0) return 0;
  await requeueDeliveries(rows);
  log.warn({ count: rows.length }, "re-queued stranded notifications");
  return rows.length;
}

/** New delivery jobs for QUEUED texts; the id comes from the row's last change, so a repeat adds nothing. */
export async function requeueDeliveries(rows: Array<{ id: string; salonId: string; updatedAt: Date }>): Promise<void> {
  if (rows.length === 0) return;
  const boss = await getBoss();
  await boss.insert(
    DELIVER_NOTIFICATION,
    rows.map((r) => ({
      id: deliveryJobId(r.id, r.updatedAt),
      data: { notificationId: r.id, salonId: r.salonId },
      singletonKey: r.id,
    })),
  );
}
