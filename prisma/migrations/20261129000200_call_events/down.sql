-- DisableRowLevelSecurity
DROP POLICY "salon_isolation" ON "call_events";
ALTER TABLE "call_events" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "call_events" DISABLE ROW LEVEL SECURITY;

-- DropForeignKey
ALTER TABLE "call_events" DROP CONSTRAINT "call_events_salonId_callLogId_fkey";

-- DropForeignKey
ALTER TABLE "call_events" DROP CONSTRAINT "call_events_salonId_fkey";

-- DropTable
DROP TABLE "call_events";

-- DropIndex
DROP INDEX "call_logs_salonId_id_key";

-- DropEnum
DROP TYPE "CallEventKind";
