// The retry path for incoming texts stored but never acted on (processedAt null): the webhook's
// process died, or the action failed and the webhook answered Twilio anyway. Twilio does not retry a
// text webhook that answered, nor by default one that failed with a 5xx, so the worker's minute sweep
// is what makes sure the STOP confirmation, the C/R answer or the auto-reply still goes out.
import { db } from "@/lib/db";
import { inboundCustomerSelect } from "@/lib/conversations/record-inbound-message";
import { logger } from "@/lib/logger";
import { actOnInboundText } from "@/lib/messaging/act-on-inbound-text";
import { parseInboundKeyword } from "@/lib/messaging/keywords";
import { webhookSalonSelect } from "@/lib/telephony/find-salon-by-number";

const log = logger.child({ module: "inbound-retry" });

/** Texts younger than this may still be in their webhook's hands (Twilio waits up to 15 s). */
export const RETRY_AFTER_MS = 2 * 60 * 1000;
/** Past this an answer is more confusing than helpful ("Thanks! Your … is confirmed" a day later); staff see the text unread. */
export const GIVE_UP_AFTER_MS = 24 * 60 * 60 * 1000;
const BATCH = 50;

/** Acts on up to 50 stranded texts, oldest first, across salons; returns how many were completed. */
export async function retryUnprocessedTexts(now = new Date()): Promise<number> {
  const stranded = await db.inboundMessage.findMany({
    where: {
      processedAt: null,
      receivedAt: {
        gt: new Date(now.getTime() - GIVE_UP_AFTER_MS),
        lt: new Date(now.getTime() - RETRY_AFTER_MS),
      },
    },
    orderBy: [{ receivedAt: "asc" }, { id: "asc" }],
    take: BATCH,
    select: {
      id: true,
      messageSid: true,
      body: true,
      receivedAt: true,
      customer: { select: inboundCustomerSelect },
      salon: { select: webhookSalonSelect },
    },
  });
  let done = 0;
  for (const text of stranded) {
    try {
      const outcome = await actOnInboundText({
        messageId: text.id,
        messageSid: text.messageSid,
        keyword: parseInboundKeyword(text.body),
        salon: text.salon,
        customer: text.customer,
        receivedAt: text.receivedAt,
        now,
      });
      log.info(
        { salonId: text.salon.id, messageSid: text.messageSid, outcome },
        "stranded incoming text acted on",
      );
      done += 1;
    } catch (err) {
      // Left unprocessed: the next sweep tries again until GIVE_UP_AFTER_MS.
      log.error(
        { err, salonId: text.salon.id, messageSid: text.messageSid },
        "stranded incoming text failed again",
      );
    }
  }
  return done;
}
