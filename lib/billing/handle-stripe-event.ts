// One verified Stripe event: recorded once in webhook_events (the unique (provider, eventId) index
// decides, so concurrent redeliveries wait for the first and then find it there), handled by its
// event's file under lib/billing/events/, and the number brought in line with the stored status.
// Recording and handling share one transaction: if handling fails (Stripe unreachable), nothing is
// kept, the webhook answers 500 and Stripe's redelivery finds the event new.
import { handleCheckoutSessionCompleted } from "@/lib/billing/events/checkout-session-completed";
import { handleSubscriptionCreated } from "@/lib/billing/events/customer-subscription-created";
import { handleSubscriptionDeleted } from "@/lib/billing/events/customer-subscription-deleted";
import { handleSubscriptionUpdated } from "@/lib/billing/events/customer-subscription-updated";
import { handleInvoicePaid } from "@/lib/billing/events/invoice-paid";
import { handleInvoicePaymentFailed } from "@/lib/billing/events/invoice-payment-failed";
import type { EventHandler, EventOutcome, Stripe } from "@/lib/billing/events/types";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
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
  const handler = HANDLERS[event.type];
  const result = await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEvent.createMany({
      data: [{ provider: "STRIPE", eventId: event.id, type: event.type, payload: event as unknown as Prisma.InputJsonValue }],
      skipDuplicates: true,
    });
    if (count === 0) {
      const seen = await tx.webhookEvent.findUnique({ where: { provider_eventId: { provider: "STRIPE", eventId: event.id } }, select: { salonId: true } });
      return { duplicate: true, handled: false, salonId: seen?.salonId ?? null };
    }
    // Unknown types are acknowledged and kept (recorded, nothing else) so support can see them.
    const outcome: EventOutcome = handler
      ? await handler(event.data.object as never, { tx, now })
      : { salonId: null, sync: null };
    await tx.webhookEvent.update({
      where: { provider_eventId: { provider: "STRIPE", eventId: event.id } },
      data: { salonId: outcome.salonId, processedAt: now },
    });
    if (outcome.sync && outcome.sync.previous !== outcome.sync.status) {
      logger.info({ salonId: outcome.salonId, eventId: event.id, from: outcome.sync.previous, to: outcome.sync.status }, "subscription status changed");
    }
    return { duplicate: false, handled: Boolean(handler), salonId: outcome.salonId };
  });
  // After commit, so it reads the stored status. Cheap and idempotent, so a duplicate delivery runs it
  // again: that heals a first delivery whose call failed after its transaction committed.
  if (result.salonId) await syncNumberWithSubscription(result.salonId, now);
  return result;
}
