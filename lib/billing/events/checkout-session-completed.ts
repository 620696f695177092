// checkout.session.completed: the salon (Bolt's id in client_reference_id) now has a Stripe customer
// and a subscription; both are stored, the subscription as Stripe has it now.
import { findSalonForStripe, idOf } from "@/lib/billing/events/find-salon";
import type { EventHandler, Stripe } from "@/lib/billing/events/types";
import { syncSubscription } from "@/lib/billing/sync-subscription";

export const handleCheckoutSessionCompleted: EventHandler<Stripe.Checkout.Session> = async (session, ctx) => {
  const salonId = await findSalonForStripe({
    customerId: idOf(session.customer),
    salonId: session.client_reference_id ?? session.metadata?.salonId,
  });
  const subscriptionId = idOf(session.subscription);
  if (!salonId || session.mode !== "subscription" || !subscriptionId) return { salonId, sync: null };
  return { salonId, sync: await syncSubscription({ salonId, subscriptionId, eventId: ctx.eventId, now: ctx.now }) };
};
