-- The follow-up queue (lib/follow-ups/): one model for calls, voicemails and text conversations.
-- A call (a voicemail is a call with a recording) gains an optional assignee beside the follow-up state
-- it already has. A conversation is a customer's thread, so its state lives on the customer row: no
-- second table to join for the inbox, whose "needs follow-up, newest first" then seeks one index.
-- followUpSince is when the conversation started waiting (its oldest text staff haven't answered): the
-- dashboard lists the longest wait first. Assignees are users; lib/follow-ups/ checks they are members.
ALTER TABLE "call_logs" ADD COLUMN "assigneeId" TEXT;
ALTER TABLE "call_logs" ADD CONSTRAINT "call_logs_assigneeId_fkey"
  FOREIGN KEY ("assigneeId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
CREATE INDEX "call_logs_salonId_assigneeId_startedAt_id_idx" ON "call_logs"("salonId", "assigneeId", "startedAt" DESC, "id" DESC);

ALTER TABLE "customers"
  ADD COLUMN "followUp" TEXT,
  ADD COLUMN "followUpSince" TIMESTAMP(3),
  ADD COLUMN "followUpChangedAt" TIMESTAMP(3),
  ADD COLUMN "followUpChangedById" TEXT,
  ADD COLUMN "followUpAssigneeId" TEXT;
ALTER TABLE "customers" ADD CONSTRAINT "customers_followUp_check" CHECK ("followUp" IN ('OPEN', 'HANDLED'));
ALTER TABLE "customers" ADD CONSTRAINT "customers_followUpChangedById_fkey"
  FOREIGN KEY ("followUpChangedById") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "customers" ADD CONSTRAINT "customers_followUpAssigneeId_fkey"
  FOREIGN KEY ("followUpAssigneeId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Conversations already waiting: those with texts staff haven't read (Bolt marks the texts it answered
-- completely read, so unread is what waits for staff), waiting since the oldest of them.
UPDATE "customers" c SET "followUp" = 'OPEN', "followUpSince" = w."since"
FROM (
  SELECT "salonId", "customerId", min("receivedAt") AS "since" FROM "inbound_messages"
  WHERE "readAt" IS NULL AND "customerId" IS NOT NULL GROUP BY "salonId", "customerId"
) w
WHERE c."id" = w."customerId" AND c."salonId" = w."salonId" AND c."mergedIntoId" IS NULL;

-- The inbox filtered to conversations that need follow-up (or are assigned to someone), newest first.
CREATE INDEX "customers_salonId_followUp_lastMessageAt_id_idx" ON "customers"("salonId", "followUp", "lastMessageAt" DESC, "id" DESC);
CREATE INDEX "customers_salonId_followUpAssigneeId_lastMessageAt_idx" ON "customers"("salonId", "followUpAssigneeId", "lastMessageAt" DESC);

-- Live updates (migration 20261213000000_live_events) for what this adds: a call's assignee, and a
-- conversation's follow-up state, assignee and place in the inbox (a staff reply moves it up).
DROP TRIGGER "call_logs_live_update" ON "call_logs";
CREATE TRIGGER "call_logs_live_update" AFTER UPDATE ON "call_logs" FOR EACH ROW
    WHEN ((OLD."status", OLD."outcome", OLD."followUp", OLD."transcription", OLD."recordingSid", OLD."customerId", OLD."notes", OLD."assigneeId")
        IS DISTINCT FROM (NEW."status", NEW."outcome", NEW."followUp", NEW."transcription", NEW."recordingSid", NEW."customerId", NEW."notes", NEW."assigneeId"))
    EXECUTE FUNCTION "call_logs_live"();

CREATE FUNCTION "customers_live"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "bolt_live_notify"(NEW."salonId", 'messages', NEW."id", 'conversation');
    RETURN NULL;
END
$$;

CREATE TRIGGER "customers_live" AFTER UPDATE OF "followUp", "followUpAssigneeId", "lastMessageAt" ON "customers" FOR EACH ROW
    WHEN ((OLD."followUp", OLD."followUpAssigneeId", OLD."lastMessageAt") IS DISTINCT FROM (NEW."followUp", NEW."followUpAssigneeId", NEW."lastMessageAt"))
    EXECUTE FUNCTION "customers_live"();
