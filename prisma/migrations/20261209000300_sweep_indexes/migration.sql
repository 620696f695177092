-- The stranded-texts sweep (lib/messaging/delivery/requeue-stranded.ts) seeks QUEUED texts by schedule
-- and then by their last change: (status, scheduledFor) alone left it a full scan and sort of the table
-- (500–1,300 ms at 1M texts), and (status, updatedAt) would read every reminder booked days ahead.
-- The new index serves everything the old one did (same leading columns), so it replaces it.
DROP INDEX "notifications_status_scheduledFor_idx";
CREATE INDEX "notifications_status_scheduledFor_updatedAt_idx" ON "notifications"("status", "scheduledFor", "updatedAt");
