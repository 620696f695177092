// The retry path for incoming texts stored but not acted on (processedAt null): the webhook's process
// died, or the action failed and the webhook answered Twilio anyway. Twilio does not retry a text
// webhook that answered, nor by default one that failed with a 5xx, so the worker's minute sweep is
// what makes sure the STOP confirmation, the C/R answer or the auto-reply still goes out. Each text is
// retried with growing delays (a text that keeps failing can't crowd out the others) until
// MAX_ATTEMPTS, then closed and left unread for staff; texts too old to answer are closed too, so the
// texts the sweep looks at are only ones it may still act on. It starts from each customer's oldest
// unfinished text (the newer ones wait for it) and goes on through the texts behind it. Every instance
// may sweep at once: a text is acted on only by whoever claims it (inbound-claims.ts), and claims never overlap.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { actOnClaimedTexts } from "@/lib/messaging/act-on-inbound-text";
import { claimNextWaitingText, systemClock, type Clock } from "@/lib/messaging/inbound-claims";
import { WAITS_FOR_OLDER } from "@/lib/messaging/inbound-text-states";
import { webhookSalonSelect } from "@/lib/telephony/find-salon-by-number";

const log = logger.child({ module: "inbound-retry" });

export const SWEEP_BATCH = 50;

/**
 * The customers with a due text that waits for nothing (their oldest unfinished one, or a STOP/START),
 * longest-due first. Not the texts waiting behind a text that backs off: they must not fill the batch
 * and keep it from ever being retried.
 */
function findDueTexts(now: Date) {
  return db.$queryRaw<Array<{ id: string }>>`
    SELECT m."id" FROM "inbound_messages" m
    WHERE m."processedAt" IS NULL AND m."nextAttemptAt" <= ${now}::timestamp(3) AND NOT ${WAITS_FOR_OLDER}
    ORDER BY m."nextAttemptAt", m."id"
    LIMIT ${SWEEP_BATCH}`;
}

/** Tries up to 50 customers' due texts across salons; returns how many texts were acted on. */
export async function retryUnprocessedTexts(clock: Clock = systemClock): Promise<number> {
  const ids = (await findDueTexts(clock())).map((t) => t.id);
  const due = await db.inboundMessage.findMany({
    where: { id: { in: ids } },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    select: { customerId: true, messageSid: true, salon: { select: webhookSalonSelect } },
  });
  let acted = 0;
  for (const text of due) {
    try {
      // Another sweep, a redelivery or the text's own webhook may hold it, or have finished it since.
      const first = await claimNextWaitingText(text.salon.id, text.customerId, clock);
      if (!first) continue;
      const results = await actOnClaimedTexts(text.salon, first, clock, log);
      acted += results.filter((r) => r.outcome !== null).length;
    } catch (err) {
      // The claim or the bookkeeping failed (the database, most likely): the next sweep tries again.
      log.error(
        { err, salonId: text.salon.id, messageSid: text.messageSid },
        "retrying a stranded incoming text failed",
      );
    }
  }
  return acted;
}
