-- Every call's summary and the follow-up state (lib/calls/call-summary.ts, stored by
-- lib/calls/write-call-logs.ts). servedByBolt says what Bolt completed by itself (from the call's
-- events); the outcome gains BOOKED_BY_BOLT and is backfilled again with callOutcomeOf's rule in SQL
-- (lib/calls/call-outcome.test.ts checks they agree). followUp is null, OPEN or HANDLED: text with a
-- CHECK, not an enum, so "open follow-ups, newest first" is an index condition under row-level security.
ALTER TABLE "call_logs"
  ADD COLUMN "servedByBolt" TEXT,
  ADD COLUMN "summary" JSONB,
  ADD COLUMN "derivedVersion" INTEGER NOT NULL DEFAULT 0,
  ADD COLUMN "followUp" TEXT,
  ADD COLUMN "followUpChangedAt" TIMESTAMP(3),
  ADD COLUMN "followUpChangedById" TEXT;
ALTER TABLE "call_logs" ADD CONSTRAINT "call_logs_servedByBolt_check" CHECK ("servedByBolt" IN ('BOOKED', 'REQUEST'));
ALTER TABLE "call_logs" ADD CONSTRAINT "call_logs_followUp_check" CHECK ("followUp" IN ('OPEN', 'HANDLED'));
ALTER TABLE "call_logs" ADD CONSTRAINT "call_logs_followUpChangedById_fkey"
  FOREIGN KEY ("followUpChangedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

UPDATE "call_logs" c SET "servedByBolt" = CASE
    WHEN EXISTS (SELECT 1 FROM "call_events" e WHERE e."callLogId" = c."id" AND e."kind" IN ('APPOINTMENT_BOOKED', 'APPOINTMENT_MOVED')) THEN 'BOOKED'
    ELSE 'REQUEST'
  END
WHERE EXISTS (SELECT 1 FROM "call_events" e WHERE e."callLogId" = c."id"
  AND e."kind" IN ('APPOINTMENT_BOOKED', 'APPOINTMENT_MOVED', 'APPOINTMENT_CANCELLED', 'APPOINTMENT_CONFIRMED', 'WAITLIST_JOINED'));

ALTER TABLE "call_logs" DROP CONSTRAINT "call_logs_outcome_check";
UPDATE "call_logs" SET "outcome" = (CASE
  WHEN "answeredAt" IS NOT NULL THEN 'ANSWERED_BY_STAFF'
  WHEN "recordingSid" IS NOT NULL OR "transcription" IS NOT NULL THEN 'VOICEMAIL'
  WHEN "status" NOT IN ('COMPLETED', 'BUSY', 'NO_ANSWER', 'FAILED', 'CANCELED') THEN 'IN_PROGRESS'
  WHEN "servedByBolt" = 'BOOKED' THEN 'BOOKED_BY_BOLT'
  WHEN "status" <> 'COMPLETED' THEN 'MISSED'
  WHEN "servedByBolt" = 'REQUEST' OR "reason" IN ('HOURS', 'ADDRESS', 'PRICES', 'BOOKING') THEN 'ANSWERED_BY_BOLT'
  ELSE 'MISSED'
END);
ALTER TABLE "call_logs" ADD CONSTRAINT "call_logs_outcome_check"
  CHECK ("outcome" IN ('IN_PROGRESS', 'ANSWERED_BY_STAFF', 'ANSWERED_BY_BOLT', 'BOOKED_BY_BOLT', 'VOICEMAIL', 'MISSED'));

-- callFollowUpOf's rule for the calls already logged: ended calls with a voicemail or that reached
-- nobody, and those Bolt answered while a request it could complete (heard on the call) was left undone.
UPDATE "call_logs" c SET "followUp" = 'OPEN'
WHERE c."status" IN ('COMPLETED', 'BUSY', 'NO_ANSWER', 'FAILED', 'CANCELED') AND (
  c."outcome" IN ('VOICEMAIL', 'MISSED')
  OR (c."outcome" IN ('ANSWERED_BY_BOLT', 'BOOKED_BY_BOLT') AND EXISTS (
    SELECT 1 FROM "call_events" h
    WHERE h."callLogId" = c."id" AND h."kind" = 'HEARD'
      AND h."detail"->>'intent' IN ('BOOKING', 'RESCHEDULE', 'CANCEL', 'CONFIRM', 'WAITLIST') AND NOT EXISTS (
      SELECT 1 FROM "call_events" a
      WHERE a."callLogId" = c."id" AND (
        (h."detail"->>'intent' = 'BOOKING' AND a."kind" IN ('APPOINTMENT_BOOKED', 'BOOKING_TEXT'))
        OR (h."detail"->>'intent' = 'RESCHEDULE' AND a."kind" = 'APPOINTMENT_MOVED')
        OR (h."detail"->>'intent' = 'CANCEL' AND a."kind" = 'APPOINTMENT_CANCELLED')
        OR (h."detail"->>'intent' = 'CONFIRM' AND a."kind" = 'APPOINTMENT_CONFIRMED')
        OR (h."detail"->>'intent' = 'WAITLIST' AND a."kind" = 'WAITLIST_JOINED')
      )
    )
  ))
);

-- The follow-up queue: open (or handled) calls of a salon, newest first.
CREATE INDEX "call_logs_salonId_followUp_startedAt_id_idx" ON "call_logs"("salonId", "followUp", "startedAt" DESC, "id" DESC);
