DROP TRIGGER "customers_live" ON "customers";
DROP FUNCTION "customers_live"();
DROP TRIGGER "call_logs_live_update" ON "call_logs";
CREATE TRIGGER "call_logs_live_update" AFTER UPDATE ON "call_logs" FOR EACH ROW
    WHEN ((OLD."status", OLD."outcome", OLD."followUp", OLD."transcription", OLD."recordingSid", OLD."customerId", OLD."notes")
        IS DISTINCT FROM (NEW."status", NEW."outcome", NEW."followUp", NEW."transcription", NEW."recordingSid", NEW."customerId", NEW."notes"))
    EXECUTE FUNCTION "call_logs_live"();
DROP INDEX "customers_salonId_followUpAssigneeId_lastMessageAt_idx";
DROP INDEX "customers_salonId_followUp_lastMessageAt_id_idx";
ALTER TABLE "customers" DROP CONSTRAINT "customers_followUpAssigneeId_fkey";
ALTER TABLE "customers" DROP CONSTRAINT "customers_followUpChangedById_fkey";
ALTER TABLE "customers" DROP CONSTRAINT "customers_followUp_check";
ALTER TABLE "customers"
  DROP COLUMN "followUpAssigneeId",
  DROP COLUMN "followUpChangedById",
  DROP COLUMN "followUpChangedAt",
  DROP COLUMN "followUpSince",
  DROP COLUMN "followUp";
DROP INDEX "call_logs_salonId_assigneeId_startedAt_id_idx";
ALTER TABLE "call_logs" DROP CONSTRAINT "call_logs_assigneeId_fkey";
ALTER TABLE "call_logs" DROP COLUMN "assigneeId";
