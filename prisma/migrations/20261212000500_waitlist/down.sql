DROP TABLE "waitlist_offers";
DROP TABLE "waitlist_entries";

-- PostgreSQL cannot drop an enum value: rebuild the type without WAITLIST_OFFER, filing the offers
-- already texted under CUSTOM (an ordinary text that waits for quiet hours, as they did).
UPDATE "notifications" SET "kind" = 'CUSTOM' WHERE "kind" = 'WAITLIST_OFFER';
ALTER TYPE "NotificationKind" RENAME TO "NotificationKind_old";
CREATE TYPE "NotificationKind" AS ENUM ('CUSTOM', 'CONFIRMATION', 'REMINDER', 'AUTO_REPLY', 'MISSED_CALL', 'KEYWORD_REPLY', 'APPOINTMENT_REPLY', 'BOOKING_INFO', 'EMPLOYEE_BOOKING', 'STAFF_ALERT');
ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "NotificationKind" USING ("kind"::text::"NotificationKind");
DROP TYPE "NotificationKind_old";
