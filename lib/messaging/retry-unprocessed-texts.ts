// The retry path for incoming texts stored but not acted on (processedAt null): the webhook's process
// died, or the action failed and the webhook answered Twilio anyway. Twilio does not retry a text
// webhook that answered, nor by default one that failed with a 5xx, so the worker's minute sweep is
// what makes sure the STOP confirmation, the C/R answer or the auto-reply still goes out. Each text is
// retried with growing delays (a text that keeps failing can't crowd out the others) until
// MAX_ATTEMPTS, then closed and left unread for staff; texts too old to answer are closed too, so the
// texts the sweep looks at are only ones it may still act on. It starts from each customer's oldest
// unfinished text (the newer ones wait for it) and goes on through the texts behind it. Every instance
// may sweep at once: a text is acted on only by whoever claims it (inbound-claims.ts), and claims never overlap.
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { actOnClaimedTexts } from "@/lib/messaging/act-on-inbound-text";
import { claimNextWaitingText } from "@/lib/messaging/inbound-claims";
import { systemClock, type Clock } from "@/lib/time/clock";
import { WAITS_FOR_OLDER } from "@/lib/messaging/inbound-text-states";
import { webhookSalonSelect } from "@/lib/telephony/find-salon-by-number";

const log = logger.child({ module: "inbound-retry" });

/** Customers the sweep takes on per run (each with all of their texts whose turn comes). */
export const SWEEP_BATCH = 50;

type DueCustomer = { customerId: string; salonId: string; messageSid: string };

/**
 * The customers with a due text that waits for nothing (their oldest unfinished one, or a STOP/START),
 * one row each (their longest-due such text), longest-due first. Not the texts waiting behind a text
 * that backs off: they must not fill the batch and keep it from ever being retried. One row per
 * customer: claiming starts from the customer's oldest text anyway, and twice in a run finds nothing new.
 * Reads only unfinished due texts, by the (processedAt, nextAttemptAt) index; exported so the plan
 * test EXPLAINs exactly this statement.
 */
export function dueCustomersQuery(now: Date, batch: number = SWEEP_BATCH): Prisma.Sql {
  return Prisma.sql`
    SELECT d."customerId", d."salonId", d."messageSid" FROM (
      SELECT DISTINCT ON (m."customerId") m."customerId", m."salonId", m."messageSid", m."nextAttemptAt", m."id"
      FROM "inbound_messages" m
      WHERE m."processedAt" IS NULL AND m."nextAttemptAt" <= ${now}::timestamp(3) AND NOT ${WAITS_FOR_OLDER}
      ORDER BY m."customerId", m."nextAttemptAt", m."id"
    ) d
    ORDER BY d."nextAttemptAt", d."id"
    LIMIT ${batch}`;
}

/**
 * Tries up to `batch` customers' due texts across salons; returns how many texts were acted on. The batch
 * is a parameter so tests can fill one with a handful of customers instead of fifty.
 */
export async function retryUnprocessedTexts(clock: Clock = systemClock, batch: number = SWEEP_BATCH): Promise<number> {
  const due = await db.$queryRaw<DueCustomer[]>(dueCustomersQuery(clock(), batch));
  // Each salon read once, however many of its customers are due.
  const salons = await db.salon.findMany({
    where: { id: { in: [...new Set(due.map((d) => d.salonId))] } },
    select: webhookSalonSelect,
  });
  const salonById = new Map(salons.map((salon) => [salon.id, salon]));
  let acted = 0;
  for (const { customerId, salonId, messageSid } of due) {
    const salon = salonById.get(salonId);
    // Deleted since the query: its texts went with it (cascade).
    if (!salon) continue;
    try {
      // Another sweep, a redelivery or the text's own webhook may hold it, or have finished it since.
      const first = await claimNextWaitingText(salon.id, customerId, clock);
      if (!first) continue;
      const results = await actOnClaimedTexts(salon, first, clock, log);
      acted += results.filter((r) => r.outcome !== null).length;
    } catch (err) {
      // The claim or the bookkeeping failed (the database, most likely): the next sweep tries again.
      log.error({ err, salonId, messageSid }, "retrying a stranded incoming text failed");
    }
  }
  return acted;
}
