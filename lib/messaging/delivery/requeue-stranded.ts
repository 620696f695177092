// Safety net for texts that are QUEUED and due but have no job left: the enqueue after sendSms
// failed, or a job gave up on an error before the text reached a final state. The worker runs this
// every minute; a duplicate job is harmless (the claim lets only one send), and the job id is derived
// from the row's last change, so repeated sweeps of an unchanged row add nothing.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { getBoss } from "@/lib/jobs/boss";
import { DELIVER_NOTIFICATION, deliveryJobId } from "@/lib/jobs/queues";

const log = logger.child({ module: "requeue-stranded" });

/** Longer than a busy queue needs to reach a due job, so healthy backlogs are left alone. */
const STRANDED_AFTER_MS = 5 * 60_000;

export async function requeueStrandedNotifications(
  opts: { now?: Date; limit?: number } = {},
): Promise<number> {
  const now = opts.now ?? new Date();
  const cutoff = new Date(now.getTime() - STRANDED_AFTER_MS);
  const rows = await db.notification.findMany({
    where: {
      status: "QUEUED",
      updatedAt: { lt: cutoff },
      OR: [{ scheduledFor: null }, { scheduledFor: { lt: cutoff } }],
    },
    select: { id: true, salonId: true, updatedAt: true },
    orderBy: { updatedAt: "asc" },
    take: opts.limit ?? 500,
  });
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
