// The retry path for incoming texts stored but not acted on (processedAt null): the webhook's process
// died, or the action failed and the webhook answered Twilio anyway. Twilio does not retry a text
// webhook that answered, nor by default one that failed with a 5xx, so the worker's minute sweep is
// what makes sure the STOP confirmation, the C/R answer or the auto-reply still goes out. Each text is
// retried with growing delays (a text that keeps failing can't crowd out the others) until
// MAX_ATTEMPTS, then left unread for staff. Every instance may sweep at once: a text is acted on only
// by whoever claims it (inbound-claims.ts), and claims never overlap.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { actOnClaimedTexts } from "@/lib/messaging/act-on-inbound-text";
import { claimInboundText, MAX_ATTEMPTS, STALE_AFTER_MS } from "@/lib/messaging/inbound-claims";
import { webhookSalonSelect } from "@/lib/telephony/find-salon-by-number";

const log = logger.child({ module: "inbound-retry" });

export const SWEEP_BATCH = 50;

/** Tries up to 50 due texts across salons, longest-due first; returns how many were acted on. */
export async function retryUnprocessedTexts(now = new Date()): Promise<number> {
  const due = await db.inboundMessage.findMany({
    where: {
      processedAt: null,
      nextAttemptAt: { lte: now },
      attempts: { lt: MAX_ATTEMPTS },
      receivedAt: { gt: new Date(now.getTime() - STALE_AFTER_MS) },
    },
    orderBy: [{ nextAttemptAt: "asc" }, { id: "asc" }],
    take: SWEEP_BATCH,
    select: { id: true, customerId: true, messageSid: true, salon: { select: webhookSalonSelect } },
  });
  let acted = 0;
  for (const text of due) {
    try {
      // Another sweep, a redelivery or the text's own webhook may hold it, or have finished it since.
      const claim = await claimInboundText(text.salon.id, text.customerId, text.id, now);
      if (claim.state !== "claimed") continue;
      const results = await actOnClaimedTexts(text.salon, claim.text, now, log);
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
