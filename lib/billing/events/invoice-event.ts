// Shared by invoice.paid and invoice.payment_failed: a payment moves the subscription (trialing or
// past_due → active, active → past_due), so the subscription is re-read and stored.
import { findSalonForStripe, idOf } from "@/lib/billing/events/find-salon";
import type { EventContext, EventOutcome, Stripe } from "@/lib/billing/events/types";
import { syncSubscription } from "@/lib/billing/sync-subscription";

export async function handleInvoiceEvent(invoice: Stripe.Invoice, ctx: EventContext): Promise<EventOutcome> {
  // Since API 2025-03-31 an invoice names its subscription under parent.subscription_details.
  const subscriptionId = idOf(invoice.parent?.subscription_details?.subscription);
  const salonId = await findSalonForStripe({ customerId: idOf(invoice.customer), subscriptionId });
  if (!salonId || !subscriptionId) return { salonId, sync: null };
  return { salonId, sync: await syncSubscription({ salonId, subscriptionId, eventId: ctx.eventId, now: ctx.now }) };
}
