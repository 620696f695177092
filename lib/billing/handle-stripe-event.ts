// One verified Stripe event: claimed once in webhook_events (lib/billing/claim-stripe-event.ts:
// concurrent redeliveries wait for the first and then find it there), handled by its event's file
// under lib/billing/events/, and the number brought in line with the stored status. No transaction
// spans the handling (it asks Stripe): if handling fails (Stripe unreachable), the claim is let go,
// the webhook answers 500 and Stripe's redelivery finds the event new.
import { handleCheckoutSessionCompleted } from "@/lib/billing/events/checkout-session-completed";
import { handleSubscriptionCreated } from "@/lib/billing/events/customer-subscription-created";
import { handleSubscriptionDeleted } from "@/lib/billing/events/customer-subscription-deleted";
import { handleSubscriptionUpdated } from "@/lib/billing/events/customer-subscription-updated";
import { handleInvoicePaid } from "@/lib/billing/events/invoice-paid";
import { handleInvoicePaymentFailed } from "@/lib/billing/events/invoice-payment-failed";
import type { EventHandler, EventOutcome, Stripe } from "@/lib/billing/events/types";
import { claimStripeEvent, finishStripeEvent, releaseStripeEvent } from "@/lib/billing/claim-stripe-event";
import { logger } from "@/lib/logger";
import { syncNumberWithSubscription } from "@/lib/phone-numbers/subscription-sync";

const HANDLERS: Partial<Record<Stripe.Event.Type, EventHandler<never>>> = {
  "checkout.session.completed": handleCheckoutSessionCompleted,
  "customer.subscription.created": handleSubscriptionCreated,
  "customer.subscription.updated": handleSubscriptionUpdated,
  "customer.subscription.deleted": handleSubscriptionDeleted,
  "invoice.paid": handleInvoicePaid,
  "invoice.payment_failed": handleInvoicePaymentFailed,
};

export type StripeEventResult = { duplicate: boolean; handled: boolean; salonId: string | null };

export async function handleStripeEvent(event: Stripe.Event, now: Date): Promise<StripeEventResult> {
  const claim = await claimStripeEvent(event, now);
  const result = claim.claimed ? await handleClaimed(event, now) : { duplicate: true, handled: false, salonId: claim.salonId };
  // After the status is stored. Cheap and idempotent, so a duplicate delivery runs it again: that
  // heals a first delivery whose call failed after the event was marked processed.
  if (result.salonId) await syncNumberWithSubscription(result.salonId, now);
  return result;
}

async function handleClaimed(event: Stripe.Event, now: Date): Promise<StripeEventResult> {
  const handler = HANDLERS[event.type];
  let outcome: EventOutcome;
  try {
    // Unknown types are acknowledged and kept (recorded, nothing else) so support can see them.
    outcome = handler ? await handler(event.data.object as never, { eventId: event.id, now }) : { salonId: null, sync: null };
    await finishStripeEvent(event.id, { salonId: outcome.salonId, now });
  } catch (err) {
    await releaseStripeEvent(event.id).catch((releaseErr: unknown) =>
      logger.error({ err: releaseErr, eventId: event.id }, "could not release a stripe event's claim; it is taken over after its lease"),
    );
    throw err;
  }
  if (outcome.sync && outcome.sync.previous !== outcome.sync.status) {
    logger.info({ salonId: outcome.salonId, eventId: event.id, from: outcome.sync.previous, to: outcome.sync.status }, "subscription status changed");
  }
  return { duplicate: false, handled: Boolean(handler), salonId: outcome.salonId };
}
