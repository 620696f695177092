DROP INDEX "call_logs_salonId_followUp_startedAt_id_idx";
ALTER TABLE "call_logs" DROP CONSTRAINT "call_logs_outcome_check";
UPDATE "call_logs" SET "outcome" = (CASE
  WHEN "answeredAt" IS NOT NULL THEN 'ANSWERED_BY_STAFF'
  WHEN "recordingSid" IS NOT NULL OR "transcription" IS NOT NULL THEN 'VOICEMAIL'
  WHEN "status" NOT IN ('COMPLETED', 'BUSY', 'NO_ANSWER', 'FAILED', 'CANCELED') THEN 'IN_PROGRESS'
  WHEN "status" = 'COMPLETED' AND "reason" IN ('HOURS', 'ADDRESS', 'PRICES', 'BOOKING') THEN 'ANSWERED_BY_BOLT'
  ELSE 'MISSED'
END);
ALTER TABLE "call_logs" ADD CONSTRAINT "call_logs_outcome_check"
  CHECK ("outcome" IN ('IN_PROGRESS', 'ANSWERED_BY_STAFF', 'ANSWERED_BY_BOLT', 'VOICEMAIL', 'MISSED'));
ALTER TABLE "call_logs" DROP CONSTRAINT "call_logs_followUpChangedById_fkey";
ALTER TABLE "call_logs" DROP CONSTRAINT "call_logs_followUp_check";
ALTER TABLE "call_logs" DROP CONSTRAINT "call_logs_servedByBolt_check";
ALTER TABLE "call_logs"
  DROP COLUMN "followUpChangedById",
  DROP COLUMN "followUpChangedAt",
  DROP COLUMN "followUp",
  DROP COLUMN "derivedVersion",
  DROP COLUMN "summary",
  DROP COLUMN "servedByBolt";
