DROP INDEX "notifications_status_statusCheckAt_idx";
ALTER TABLE "notifications" DROP COLUMN "statusChecks";
ALTER TABLE "notifications" DROP COLUMN "statusCheckAt";
