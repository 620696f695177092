-- What happened on a call after the greeting, one row per step, for the call's page. The voice
-- webhooks insert with ON CONFLICT DO NOTHING on ("callLogId", "dedupeKey"), so Twilio's retries of a
-- callback add nothing. Salon-owned: row-level security as in 20261125000100_rls. An event references
-- its call by (salonId, callLogId), so the database itself refuses an event filed under another salon.

-- CreateEnum
CREATE TYPE "CallEventKind" AS ENUM ('HEARD', 'ANSWERED', 'MENU', 'REPROMPT', 'BOOKING_TEXT', 'TRANSFER_STARTED', 'TRANSFER_ACCEPTED', 'TRANSFER_ENDED', 'VOICEMAIL_STARTED', 'VOICEMAIL_LEFT', 'TRANSCRIPT_READY', 'TRANSCRIPT_FAILED', 'GOODBYE');

-- CreateTable
CREATE TABLE "call_events" (
    "id" TEXT NOT NULL,
    "salonId" TEXT NOT NULL,
    "callLogId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "kind" "CallEventKind" NOT NULL,
    "detail" JSONB NOT NULL DEFAULT '{}',
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "call_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
-- What the composite foreign key below references ("id" alone is already unique).
CREATE UNIQUE INDEX "call_logs_salonId_id_key" ON "call_logs"("salonId", "id");

-- CreateIndex
CREATE INDEX "call_events_salonId_callLogId_at_idx" ON "call_events"("salonId", "callLogId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "call_events_callLogId_dedupeKey_key" ON "call_events"("callLogId", "dedupeKey");

-- AddForeignKey
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_salonId_fkey" FOREIGN KEY ("salonId") REFERENCES "salons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "call_events" ADD CONSTRAINT "call_events_salonId_callLogId_fkey" FOREIGN KEY ("salonId", "callLogId") REFERENCES "call_logs"("salonId", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- EnableRowLevelSecurity
ALTER TABLE "call_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "call_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "call_events"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');
