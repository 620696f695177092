ALTER TABLE "salons" DROP COLUMN "subscriptionSyncTicket";
