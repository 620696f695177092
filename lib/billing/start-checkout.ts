// "Start trial" / "Subscribe": a Stripe Checkout session for the plan, carrying the salon's id
// (client_reference_id and metadata, on the session and the subscription it starts). A salon's first
// subscription gets the trial; one that had a subscription before subscribes without a second trial.
import { conflict } from "@/lib/api/errors";
import { getBillingRow } from "@/lib/billing/queries";
import { getStripe, requirePriceId } from "@/lib/billing/stripe";
import { ENDED_STATUSES } from "@/lib/billing/subscription-fields";
import { salonDb } from "@/lib/db";
import { env } from "@/lib/env";

export async function startCheckout(salonId: string, input: { email: string; salonName: string }): Promise<string> {
  const priceId = requirePriceId();
  const row = await getBillingRow(salonId);
  if (row.subscriptionStatus !== "NONE" && !ENDED_STATUSES.has(row.subscriptionStatus)) {
    throw conflict("already_subscribed", "This salon already has a subscription: use Manage billing.");
  }
  const stripe = getStripe();
  let customerId = row.stripeCustomerId;
  if (!customerId) {
    const customer = await stripe.customers.create(
      { email: input.email, name: input.salonName, metadata: { salonId } },
      // Two clicks at once make one customer.
      { idempotencyKey: `bolt-customer-${salonId}` },
    );
    customerId = customer.id;
    await salonDb(salonId).salon.updateMany({ where: { id: salonId, stripeCustomerId: null }, data: { stripeCustomerId: customerId } });
  }
  const trialDays = row.stripeSubscriptionId ? 0 : env.STRIPE_TRIAL_DAYS;
  const billingUrl = `${env.PUBLIC_BASE_URL}/settings/billing`;
  const session = await stripe.checkout.sessions.create({
    mode: "subscription",
    customer: customerId,
    client_reference_id: salonId,
    metadata: { salonId },
    line_items: [{ price: priceId, quantity: 1 }],
    subscription_data: { metadata: { salonId }, ...(trialDays > 0 && { trial_period_days: trialDays }) },
    // A trial needs no card up front; Stripe asks for one before the first charge.
    payment_method_collection: trialDays > 0 ? "if_required" : "always",
    success_url: `${billingUrl}?checkout=done`,
    cancel_url: `${billingUrl}?checkout=canceled`,
  });
  if (!session.url) throw conflict("checkout_unavailable", "Stripe did not return a checkout page. Try again.");
  return session.url;
}

export async function openBillingPortal(salonId: string): Promise<string> {
  const row = await getBillingRow(salonId);
  if (!row.stripeCustomerId) throw conflict("no_billing_account", "Start your trial first: there is no billing account yet.");
  const session = await getStripe().billingPortal.sessions.create({
    customer: row.stripeCustomerId,
    // The page re-reads the subscription on this return (lib/billing/refresh-subscription.ts).
    return_url: `${env.PUBLIC_BASE_URL}/settings/billing?portal=done`,
  });
  return session.url;
}
