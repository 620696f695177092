-- A call's outcome is stored, so the Calls page's outcome filter and the dashboard's missed-call count
-- read an index instead of re-deriving it from every call of the salon. The app writes it with
-- callOutcomeOf (lib/calls/call-outcome.ts) whenever a field that function reads changes; the backfill
-- below is the same rule in SQL (lib/calls/call-outcome.test.ts checks they agree on every combination).
-- Text with a CHECK rather than an enum: enum equality (enum_eq) is not LEAKPROOF, so under row-level
-- security PostgreSQL won't use `outcome = …` as an index condition; text equality it will.
ALTER TABLE "call_logs" ADD COLUMN "outcome" TEXT;
UPDATE "call_logs" SET "outcome" = (CASE
  WHEN "answeredAt" IS NOT NULL THEN 'ANSWERED_BY_STAFF'
  WHEN "recordingSid" IS NOT NULL OR "transcription" IS NOT NULL THEN 'VOICEMAIL'
  WHEN "status" NOT IN ('COMPLETED', 'BUSY', 'NO_ANSWER', 'FAILED', 'CANCELED') THEN 'IN_PROGRESS'
  WHEN "status" = 'COMPLETED' AND "reason" IN ('HOURS', 'ADDRESS', 'PRICES', 'BOOKING') THEN 'ANSWERED_BY_BOLT'
  ELSE 'MISSED'
END);
-- No default: an insert that doesn't say the outcome fails instead of storing a wrong one.
ALTER TABLE "call_logs" ALTER COLUMN "outcome" SET NOT NULL;
ALTER TABLE "call_logs" ADD CONSTRAINT "call_logs_outcome_check"
  CHECK ("outcome" IN ('IN_PROGRESS', 'ANSWERED_BY_STAFF', 'ANSWERED_BY_BOLT', 'VOICEMAIL', 'MISSED'));

-- Every filter the Calls and Notifications lists offer, read newest first within the salon.
CREATE INDEX "call_logs_salonId_outcome_startedAt_id_idx" ON "call_logs"("salonId", "outcome", "startedAt" DESC, "id" DESC);
CREATE INDEX "call_logs_salonId_durationSeconds_startedAt_id_idx" ON "call_logs"("salonId", "durationSeconds", "startedAt", "id");
CREATE INDEX "notifications_salonId_channel_createdAt_idx" ON "notifications"("salonId", "channel", "createdAt" DESC);
CREATE INDEX "notifications_salonId_kind_createdAt_idx" ON "notifications"("salonId", "kind", "createdAt" DESC);
