-- PostgreSQL cannot drop an enum value: rebuild both types without the new ones. A call whose reason
-- was a change to an existing appointment was a TRANSFER before (a person handled it); the waitlist
-- was a BOOKING. Timeline rows of the new kinds have no older equivalent and are removed.
UPDATE "call_logs" SET "reason" = 'TRANSFER' WHERE "reason" IN ('RESCHEDULE', 'CANCEL', 'CONFIRM');
UPDATE "call_logs" SET "reason" = 'BOOKING' WHERE "reason" = 'WAITLIST';
ALTER TYPE "CallReason" RENAME TO "CallReason_old";
CREATE TYPE "CallReason" AS ENUM ('HOURS', 'ADDRESS', 'PRICES', 'BOOKING', 'TRANSFER', 'VOICEMAIL', 'UNKNOWN');
ALTER TABLE "call_logs" ALTER COLUMN "reason" TYPE "CallReason" USING ("reason"::text::"CallReason");
DROP TYPE "CallReason_old";

DELETE FROM "call_events" WHERE "kind" IN ('LANGUAGE_CHOSEN', 'SLOTS_OFFERED', 'APPOINTMENT_BOOKED', 'APPOINTMENT_MOVED', 'APPOINTMENT_CANCELLED', 'APPOINTMENT_CONFIRMED', 'WAITLIST_JOINED');
ALTER TYPE "CallEventKind" RENAME TO "CallEventKind_old";
CREATE TYPE "CallEventKind" AS ENUM ('HEARD', 'ANSWERED', 'MENU', 'REPROMPT', 'BOOKING_TEXT', 'TRANSFER_STARTED', 'TRANSFER_ACCEPTED', 'TRANSFER_ENDED', 'VOICEMAIL_STARTED', 'VOICEMAIL_LEFT', 'TRANSCRIPT_READY', 'TRANSCRIPT_FAILED', 'GOODBYE');
ALTER TABLE "call_events" ALTER COLUMN "kind" TYPE "CallEventKind" USING ("kind"::text::"CallEventKind");
DROP TYPE "CallEventKind_old";
