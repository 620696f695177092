// The WAITLIST_OFFER pre-send check (lib/messaging/delivery/pre-send-checks.ts): an offer held back
// (quiet hours, a retry) goes out only while it can still be taken — not once another answer won the
// slot, nor past its expiry.
import { db } from "@/lib/db";
import type { PreSendDecision, PreSendInput } from "@/lib/messaging/delivery/delivery-types";
import { OFFER_STATUS } from "@/lib/waitlist/waitlist-rules";

const OFFER_CLOSED_REASON = "The waitlist offer was closed before it went out: the slot was taken or the offer expired.";

export async function checkWaitlistOffersBeforeSend(inputs: PreSendInput[]): Promise<PreSendDecision[]> {
  // The system client, like the delivery job's own reads: texts of several salons are checked at once.
  const offers = await db.waitlistOffer.findMany({
    where: { notificationId: { in: inputs.map((n) => n.id) } },
    select: { notificationId: true, status: true, expiresAt: true },
  });
  const byText = new Map(offers.map((o) => [o.notificationId, o]));
  return inputs.map((n): PreSendDecision => {
    const offer = byText.get(n.id);
    // Not linked yet (the offer run is still recording it): its status is checked when it is.
    if (!offer) return {};
    return offer.status === OFFER_STATUS.SENT && offer.expiresAt > n.now ? {} : { cancel: OFFER_CLOSED_REASON };
  });
}
