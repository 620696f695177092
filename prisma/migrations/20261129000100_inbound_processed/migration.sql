-- Incoming texts are acted on (keyword action, auto-reply) after they are stored; processedAt marks
-- that done, so the worker's sweep that finds it null acts again instead of losing it. attempts,
-- claimedAt and nextAttemptAt let one process at a time act on a text (and on its customer's texts),
-- and make the sweep back off from a text that keeps failing instead of retrying it every minute.
ALTER TABLE "inbound_messages" ADD COLUMN "processedAt" TIMESTAMP(3),
  ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "claimedAt" TIMESTAMP(3),
  ADD COLUMN "nextAttemptAt" TIMESTAMP(3);

-- Texts stored before this migration were acted on when they arrived.
UPDATE "inbound_messages" SET "processedAt" = "createdAt";

-- CreateIndex
CREATE INDEX "inbound_messages_processedAt_nextAttemptAt_idx" ON "inbound_messages"("processedAt", "nextAttemptAt");

-- Answers to C and R get their own kind: unlike KEYWORD_REPLY (STOP/START/HELP), opting out stops them.
-- Since PostgreSQL 12 ADD VALUE may run inside the migrator's transaction; the new value just can't be
-- used before that transaction commits, and nothing here uses it.
ALTER TYPE "NotificationKind" ADD VALUE 'APPOINTMENT_REPLY' AFTER 'KEYWORD_REPLY';
