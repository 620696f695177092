-- Row-level security the planner can see through: each policy is now the plain predicate
-- `"salonId" = current_setting('bolt.salon_id', true)`, which the planner estimates and matches to the
-- (salonId, …) indexes. The old `OR current_setting('bolt.system', true) = 'on'` made it estimate a
-- salon's rows ~65× low and ignore those indexes. System paths no longer need that switch: RLS is
-- no longer FORCEd, so the login role that owns the tables (system paths, migrations) is not subject to
-- it, while salonDb connects as a NOLOGIN salon role (`<login role>_salon`) that is. The migrator
-- grants that role its table rights after every migrate (lib/db/roles.ts).

ALTER TABLE "salons" NO FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "salons"
    USING ("id" = current_setting('bolt.salon_id', true))
    WITH CHECK ("id" = current_setting('bolt.salon_id', true));

ALTER TABLE "memberships" NO FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "memberships"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "customers" NO FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "customers"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "employees" NO FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "employees"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "services" NO FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "services"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "appointments" NO FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "appointments"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "call_logs" NO FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "call_logs"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "notifications" NO FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "notifications"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "notification_events" NO FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "notification_events"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "inbound_messages" NO FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "inbound_messages"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "api_keys" NO FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "api_keys"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "audit_logs" NO FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "audit_logs"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "call_events" NO FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "call_events"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "webhook_events" NO FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "webhook_events"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));
