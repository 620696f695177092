DROP INDEX "notifications_status_scheduledFor_updatedAt_idx";
CREATE INDEX "notifications_status_scheduledFor_idx" ON "notifications"("status", "scheduledFor");
