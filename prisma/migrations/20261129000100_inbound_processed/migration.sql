-- Incoming texts are acted on (keyword action, auto-reply) after they are stored; processedAt marks
-- that done, so a delivery or the worker's sweep that finds it null acts again instead of losing it.
ALTER TABLE "inbound_messages" ADD COLUMN "processedAt" TIMESTAMP(3);

-- Texts stored before this migration were acted on when they arrived.
UPDATE "inbound_messages" SET "processedAt" = "createdAt";

-- CreateIndex
CREATE INDEX "inbound_messages_processedAt_receivedAt_idx" ON "inbound_messages"("processedAt", "receivedAt");

-- Answers to C and R get their own kind: unlike KEYWORD_REPLY (STOP/START/HELP), opting out stops them.
-- Since PostgreSQL 12 ADD VALUE may run inside the migrator's transaction; the new value just can't be
-- used before that transaction commits, and nothing here uses it.
ALTER TYPE "NotificationKind" ADD VALUE 'APPOINTMENT_REPLY' AFTER 'KEYWORD_REPLY';
