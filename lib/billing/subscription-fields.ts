// Stripe's subscription translated into Bolt's own columns (STYLE habit 16: only lib/billing knows
// Stripe's field names and statuses).
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import type { Stripe } from "@/lib/billing/stripe";

const STATUSES: Record<Stripe.Subscription.Status, SubscriptionStatus> = {
  incomplete: "INCOMPLETE",
  incomplete_expired: "INCOMPLETE_EXPIRED",
  trialing: "TRIALING",
  active: "ACTIVE",
  past_due: "PAST_DUE",
  unpaid: "UNPAID",
  paused: "PAUSED",
  canceled: "CANCELED",
};

/** Statuses after which a subscription never comes back (a new one is needed). */
export const ENDED_STATUSES: ReadonlySet<SubscriptionStatus> = new Set(["CANCELED", "INCOMPLETE_EXPIRED"]);

const instant = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000) : null);

export type SubscriptionFields = {
  stripeSubscriptionId: string;
  stripeCustomerId: string;
  subscriptionStatus: SubscriptionStatus;
  stripePriceId: string | null;
  currentPeriodEnd: Date | null;
  trialEndsAt: Date | null;
  cancelAt: Date | null;
  subscriptionEndedAt: Date | null;
};

export function subscriptionFields(subscription: Stripe.Subscription): SubscriptionFields {
  // Since API 2025-03-31 the period lives on each item; Bolt sells one item.
  const item = subscription.items.data[0];
  const periodEnd = instant(item?.current_period_end);
  return {
    stripeSubscriptionId: subscription.id,
    stripeCustomerId: typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id,
    subscriptionStatus: STATUSES[subscription.status] ?? "INCOMPLETE",
    stripePriceId: item?.price.id ?? null,
    currentPeriodEnd: periodEnd,
    trialEndsAt: instant(subscription.trial_end),
    cancelAt: instant(subscription.cancel_at) ?? (subscription.cancel_at_period_end ? periodEnd : null),
    subscriptionEndedAt: instant(subscription.ended_at),
  };
}
