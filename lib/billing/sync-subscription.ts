// Stores a salon's subscription as Stripe has it now. Events arrive late, twice and out of order, and
// an event's payload may be older than what is already stored; instead of comparing payloads, every
// event re-reads the subscription from Stripe *under a per-salon lock* and stores that. Syncs of one
// salon run one after another, each reading after the previous one wrote, so a later write always
// holds newer information and nothing is ever rolled back. (Event `created` has one-second
// resolution: checkout's events share a second, so comparing them could not order those.)
import { getStripe } from "@/lib/billing/stripe";
import { ENDED_STATUSES, subscriptionFields } from "@/lib/billing/subscription-fields";
import type { BillingTx } from "@/lib/billing/events/types";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";

export type SyncResult = { salonId: string; previous: SubscriptionStatus; status: SubscriptionStatus } | null;

/** Serialises billing syncs of one salon until the transaction ends. */
export async function lockSalonBilling(tx: BillingTx, salonId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`stripe-billing:${salonId}`}, 0))`;
}

export async function syncSubscription(tx: BillingTx, input: { salonId: string; subscriptionId: string; now: Date }): Promise<SyncResult> {
  await lockSalonBilling(tx, input.salonId);
  const salon = await tx.salon.findUniqueOrThrow({
    where: { id: input.salonId },
    select: { stripeSubscriptionId: true, subscriptionStatus: true },
  });
  const subscription = await getStripe().subscriptions.retrieve(input.subscriptionId);
  const fields = subscriptionFields(subscription);

  // A different subscription replaces the stored one only once that has ended (a salon that
  // re-subscribes); a stray event about an old or duplicate subscription leaves the live one alone.
  const stored = salon.stripeSubscriptionId;
  if (stored && stored !== fields.stripeSubscriptionId && !ENDED_STATUSES.has(salon.subscriptionStatus)) {
    logger.warn({ salonId: input.salonId, stored, other: fields.stripeSubscriptionId }, "stripe event about another subscription ignored");
    return null;
  }
  await tx.salon.update({ where: { id: input.salonId }, data: { ...fields, subscriptionSyncedAt: input.now } });
  return { salonId: input.salonId, previous: salon.subscriptionStatus, status: fields.subscriptionStatus };
}
