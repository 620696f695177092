-- Texts whose fate is unknown (claimed when a worker crashed) or whose status report never came are
-- settled by asking Twilio with back-off (lib/messaging/delivery/settle-texts.ts). Each text carries
-- when its next check is due and how many checks went unanswered, so a restarted worker picks up
-- where the last one stopped; the sweep reads (status, statusCheckAt) through the index, never a scan.
ALTER TABLE "notifications" ADD COLUMN "statusCheckAt" TIMESTAMP(3);
ALTER TABLE "notifications" ADD COLUMN "statusChecks" INTEGER NOT NULL DEFAULT 0;

CREATE INDEX "notifications_status_statusCheckAt_idx" ON "notifications"("status", "statusCheckAt");

-- Texts already waiting get their first check as the old once-only reconciliation would have had
-- it (ten minutes after their last change); older ones are past any useful answer and stay unchecked.
UPDATE "notifications" SET "statusCheckAt" = "updatedAt" + interval '10 minutes'
WHERE "channel" = 'SMS' AND "status" IN ('SENDING', 'SENT') AND "updatedAt" > now() - interval '2 days';
