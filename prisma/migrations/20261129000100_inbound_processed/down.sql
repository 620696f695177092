-- PostgreSQL cannot drop an enum value: rebuild the type without APPOINTMENT_REPLY, filing the texts
-- that used it under KEYWORD_REPLY (what C/R answers were before).
UPDATE "notifications" SET "kind" = 'KEYWORD_REPLY' WHERE "kind" = 'APPOINTMENT_REPLY';
ALTER TYPE "NotificationKind" RENAME TO "NotificationKind_old";
CREATE TYPE "NotificationKind" AS ENUM ('CUSTOM', 'CONFIRMATION', 'REMINDER', 'AUTO_REPLY', 'MISSED_CALL', 'KEYWORD_REPLY', 'BOOKING_INFO', 'EMPLOYEE_BOOKING', 'STAFF_ALERT');
ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "NotificationKind" USING ("kind"::text::"NotificationKind");
DROP TYPE "NotificationKind_old";

DROP INDEX "inbound_messages_processedAt_nextAttemptAt_idx";
ALTER TABLE "inbound_messages" DROP COLUMN "processedAt", DROP COLUMN "attempts", DROP COLUMN "claimedAt", DROP COLUMN "nextAttemptAt";
