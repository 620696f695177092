-- A counter of the Stripe syncs started for a salon (lib/billing/sync-subscription.ts). A sync takes
-- the next number before it re-reads the subscription from Stripe outside any transaction, and stores
-- what it read only if no later sync has started since: so a webhook holds no transaction or
-- connection while Stripe answers, and the stored copy is still never replaced by an older read.
ALTER TABLE "salons" ADD COLUMN "subscriptionSyncTicket" INTEGER NOT NULL DEFAULT 0;
