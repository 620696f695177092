-- What Settings → Billing shows about a salon's Stripe subscription, stored from the subscription
-- object itself (lib/billing/sync-subscription.ts): when the trial ends, when it is set to cancel or
-- ended, which price it is on. "subscriptionSyncedAt" is when that copy was read from Stripe: the
-- webhook re-reads the subscription under a per-salon lock, so a later sync always holds newer
-- information, and the column tells support how fresh the copy is.
ALTER TABLE "salons" ADD COLUMN "stripePriceId" TEXT;
ALTER TABLE "salons" ADD COLUMN "trialEndsAt" TIMESTAMP(3);
ALTER TABLE "salons" ADD COLUMN "cancelAt" TIMESTAMP(3);
ALTER TABLE "salons" ADD COLUMN "subscriptionEndedAt" TIMESTAMP(3);
ALTER TABLE "salons" ADD COLUMN "subscriptionSyncedAt" TIMESTAMP(3);
