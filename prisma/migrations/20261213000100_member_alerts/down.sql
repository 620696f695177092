DROP TABLE "vapid_keys";
DROP TABLE "push_alerts";
DROP TABLE "push_subscriptions";
DROP TABLE "alert_preferences";

-- PostgreSQL cannot drop an enum value: rebuild the type without MEMBER_ALERT, filing the alerts
-- already texted under STAFF_ALERT (the kind staff alerts had before).
UPDATE "notifications" SET "kind" = 'STAFF_ALERT' WHERE "kind" = 'MEMBER_ALERT';
ALTER TYPE "NotificationKind" RENAME TO "NotificationKind_old";
CREATE TYPE "NotificationKind" AS ENUM ('CUSTOM', 'CONFIRMATION', 'REMINDER', 'AUTO_REPLY', 'MISSED_CALL', 'KEYWORD_REPLY', 'APPOINTMENT_REPLY', 'BOOKING_INFO', 'EMPLOYEE_BOOKING', 'STAFF_ALERT', 'WAITLIST_OFFER');
ALTER TABLE "notifications" ALTER COLUMN "kind" TYPE "NotificationKind" USING ("kind"::text::"NotificationKind");
DROP TYPE "NotificationKind_old";
