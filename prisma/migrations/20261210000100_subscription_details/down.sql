ALTER TABLE "salons" DROP COLUMN "subscriptionSyncedAt";
ALTER TABLE "salons" DROP COLUMN "subscriptionEndedAt";
ALTER TABLE "salons" DROP COLUMN "cancelAt";
ALTER TABLE "salons" DROP COLUMN "trialEndsAt";
ALTER TABLE "salons" DROP COLUMN "stripePriceId";
