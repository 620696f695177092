-- Live updates (lib/live/): every change staff must see is announced on the channel "bolt_live" by a
-- trigger, so it reaches every app instance's listener whichever path wrote it (webhooks, jobs, API,
-- seed). A payload is small JSON — {"s": salonId, "t": topic, "id": row, "k": what happened, and for
-- a toast "f" (the caller's number) and "n" (the customer's name)} — well under NOTIFY's 8000 bytes.
-- Only changes a page shows fire (WHEN clauses), so the hot delivery path's bookkeeping writes
-- (attempts, claims, status checks) send nothing. Within one transaction PostgreSQL delivers identical
-- payloads once: a call's several events in one write are one announcement.

CREATE FUNCTION "bolt_live_notify"(salon TEXT, topic TEXT, id TEXT, kind TEXT, extra JSONB DEFAULT '{}')
RETURNS void LANGUAGE sql AS $$
    SELECT pg_notify('bolt_live', jsonb_strip_nulls(jsonb_build_object('s', salon, 't', topic, 'id', id, 'k', kind) || extra)::text)
$$;

-- What a toast says: the caller's number and the customer's name ("Maria L."), read only for those events.
CREATE FUNCTION "bolt_live_caller"(caller TEXT, customer TEXT) RETURNS JSONB LANGUAGE sql STABLE AS $$
    SELECT jsonb_build_object('f', left(caller, 20), 'n', (SELECT left(c."name", 40) FROM "customers" c WHERE c."id" = customer))
$$;

-- Calls: a new call, and a change of what the Calls page shows (status, outcome, follow-up, voicemail).
-- k is the outcome's word when the call has just become missed, a voicemail or booked by Bolt (a toast).
CREATE FUNCTION "call_logs_live"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    kind TEXT := CASE
        WHEN TG_OP = 'INSERT' THEN 'new'
        WHEN NEW."outcome" IS DISTINCT FROM OLD."outcome" AND NEW."outcome" IN ('MISSED', 'VOICEMAIL', 'BOOKED_BY_BOLT')
            THEN lower(NEW."outcome")
        WHEN NEW."followUp" IS DISTINCT FROM OLD."followUp" THEN 'follow_up'
        ELSE 'changed' END;
BEGIN
    PERFORM "bolt_live_notify"(NEW."salonId", 'calls', NEW."id", kind,
        CASE WHEN kind IN ('missed', 'voicemail', 'booked_by_bolt') THEN "bolt_live_caller"(NEW."from", NEW."customerId") ELSE '{}' END);
    RETURN NULL;
END
$$;

CREATE TRIGGER "call_logs_live_insert" AFTER INSERT ON "call_logs"
    FOR EACH ROW EXECUTE FUNCTION "call_logs_live"();
CREATE TRIGGER "call_logs_live_update" AFTER UPDATE ON "call_logs" FOR EACH ROW
    WHEN ((OLD."status", OLD."outcome", OLD."followUp", OLD."transcription", OLD."recordingSid", OLD."customerId", OLD."notes")
        IS DISTINCT FROM (NEW."status", NEW."outcome", NEW."followUp", NEW."transcription", NEW."recordingSid", NEW."customerId", NEW."notes"))
    EXECUTE FUNCTION "call_logs_live"();

-- A call's timeline (what was heard, keyed, rung): one announcement per call and transaction.
CREATE FUNCTION "call_events_live"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "bolt_live_notify"(NEW."salonId", 'calls', NEW."callLogId", 'event');
    RETURN NULL;
END
$$;

CREATE TRIGGER "call_events_live" AFTER INSERT ON "call_events"
    FOR EACH ROW EXECUTE FUNCTION "call_events_live"();

-- Texts in: a new one (a toast) and one read (the unread counts). The id is the conversation's customer.
CREATE FUNCTION "inbound_messages_live"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM "bolt_live_notify"(NEW."salonId", 'messages', NEW."customerId", 'text', "bolt_live_caller"(NEW."from", NEW."customerId"));
    ELSE
        PERFORM "bolt_live_notify"(NEW."salonId", 'messages', NEW."customerId", 'read');
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "inbound_messages_live_insert" AFTER INSERT ON "inbound_messages"
    FOR EACH ROW EXECUTE FUNCTION "inbound_messages_live"();
CREATE TRIGGER "inbound_messages_live_read" AFTER UPDATE OF "readAt" ON "inbound_messages" FOR EACH ROW
    WHEN ((OLD."readAt" IS NULL) <> (NEW."readAt" IS NULL))
    EXECUTE FUNCTION "inbound_messages_live"();

-- Texts out: a new one and each change of its delivery status (QUEUED → SENT → DELIVERED). k is the
-- status; "c" is the customer so an open thread refreshes only for its own texts. SENDING is not
-- announced: SENT follows within the send, and the delivery worker writes it for every text.
CREATE FUNCTION "notifications_live"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "bolt_live_notify"(NEW."salonId", 'notifications', NEW."id", lower(NEW."status"::text), jsonb_build_object('c', NEW."customerId"));
    RETURN NULL;
END
$$;

CREATE TRIGGER "notifications_live_insert" AFTER INSERT ON "notifications"
    FOR EACH ROW EXECUTE FUNCTION "notifications_live"();
CREATE TRIGGER "notifications_live_status" AFTER UPDATE OF "status" ON "notifications" FOR EACH ROW
    WHEN (OLD."status" IS DISTINCT FROM NEW."status" AND NEW."status" <> 'SENDING')
    EXECUTE FUNCTION "notifications_live"();

-- The calendar: appointments booked, moved, confirmed, cancelled or deleted; the waitlist beside it.
CREATE FUNCTION "appointments_live"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM "bolt_live_notify"(OLD."salonId", TG_ARGV[0], OLD."id", 'deleted');
    ELSE
        PERFORM "bolt_live_notify"(NEW."salonId", TG_ARGV[0], NEW."id", lower(TG_OP));
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER "appointments_live_write" AFTER INSERT OR DELETE ON "appointments"
    FOR EACH ROW EXECUTE FUNCTION "appointments_live"('appointments');
CREATE TRIGGER "appointments_live_update" AFTER UPDATE ON "appointments" FOR EACH ROW
    WHEN ((OLD."status", OLD."startsAt", OLD."endsAt", OLD."employeeId", OLD."serviceId", OLD."confirmedAt", OLD."rescheduleRequestedAt", OLD."notes")
        IS DISTINCT FROM (NEW."status", NEW."startsAt", NEW."endsAt", NEW."employeeId", NEW."serviceId", NEW."confirmedAt", NEW."rescheduleRequestedAt", NEW."notes"))
    EXECUTE FUNCTION "appointments_live"('appointments');
CREATE TRIGGER "waitlist_entries_live_write" AFTER INSERT OR DELETE ON "waitlist_entries"
    FOR EACH ROW EXECUTE FUNCTION "appointments_live"('waitlist');
CREATE TRIGGER "waitlist_entries_live_status" AFTER UPDATE OF "status" ON "waitlist_entries" FOR EACH ROW
    WHEN (OLD."status" IS DISTINCT FROM NEW."status")
    EXECUTE FUNCTION "appointments_live"('waitlist');

-- The sidebar's unread count: conversations with a text not yet read, counted from the unread range only.
CREATE INDEX "inbound_messages_salonId_readAt_customerId_idx" ON "inbound_messages"("salonId", "readAt", "customerId");
