// Back from the Billing Portal, Settings → Billing must show what the owner just did there, but
// Stripe's events are asynchronous and may land after the page loads. So the page re-reads the
// subscription from Stripe at once, through the same ordered sync the webhook uses (a sync ticket):
// the late event then changes nothing, and this read cannot roll back anything newer.
import { getBillingRow } from "@/lib/billing/queries";
import { syncSubscription } from "@/lib/billing/sync-subscription";
import { logger } from "@/lib/logger";
import { syncNumberWithSubscription } from "@/lib/phone-numbers/subscription-sync";

/** Re-reads the salon's subscription from Stripe; when Stripe can't be reached the stored copy stays. */
export async function refreshSubscriptionFromStripe(salonId: string, now: Date): Promise<void> {
  const row = await getBillingRow(salonId);
  if (!row.stripeSubscriptionId) return;
  try {
    // The Portal's own event often lands while this runs and overtakes it (a later ticket); its copy is
    // then not stored yet when the page reads. Going again overtakes that one in turn, so a read newer
    // than the owner's change is stored before the page renders.
    for (let attempt = 0; attempt < 3; attempt++) {
      const result = await syncSubscription({ salonId, subscriptionId: row.stripeSubscriptionId, eventId: "billing-portal-return", now });
      if (result) {
        await syncNumberWithSubscription(salonId, now);
        return;
      }
    }
  } catch (err) {
    logger.warn({ salonId, err: err instanceof Error ? err.message : String(err) }, "subscription not re-read after the Billing Portal; the stored copy is shown");
  }
}
