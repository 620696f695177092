DROP INDEX "notifications_salonId_kind_createdAt_idx";
DROP INDEX "notifications_salonId_channel_createdAt_idx";
DROP INDEX "call_logs_salonId_durationSeconds_startedAt_id_idx";
DROP INDEX "call_logs_salonId_outcome_startedAt_id_idx";
ALTER TABLE "call_logs" DROP COLUMN "outcome";
