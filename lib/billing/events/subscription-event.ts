// Shared by the customer.subscription.* handlers: find the salon, then store the subscription as
// Stripe has it now (not as the event says: see sync-subscription.ts).
import { findSalonForStripe, idOf } from "@/lib/billing/events/find-salon";
import type { EventContext, EventOutcome, Stripe } from "@/lib/billing/events/types";
import { syncSubscription } from "@/lib/billing/sync-subscription";

export async function handleSubscriptionEvent(subscription: Stripe.Subscription, ctx: EventContext): Promise<EventOutcome> {
  const salonId = await findSalonForStripe({
    customerId: idOf(subscription.customer),
    subscriptionId: subscription.id,
    salonId: subscription.metadata?.salonId,
  });
  if (!salonId) return { salonId: null, sync: null };
  return { salonId, sync: await syncSubscription({ salonId, subscriptionId: subscription.id, eventId: ctx.eventId, now: ctx.now }) };
}
