-- Back to FORCEd row-level security with the system switch (`bolt.system=on`) in every policy, as the
-- app before 20261209000100 expects. The salon role and its grants stay (harmless; drop them by hand).

ALTER TABLE "salons" FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "salons"
    USING ("id" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("id" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "memberships"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

ALTER TABLE "customers" FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "customers"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

ALTER TABLE "employees" FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "employees"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

ALTER TABLE "services" FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "services"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

ALTER TABLE "appointments" FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "appointments"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

ALTER TABLE "call_logs" FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "call_logs"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

ALTER TABLE "notifications" FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "notifications"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

ALTER TABLE "notification_events" FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "notification_events"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

ALTER TABLE "inbound_messages" FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "inbound_messages"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

ALTER TABLE "api_keys" FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "api_keys"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

ALTER TABLE "audit_logs" FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "audit_logs"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

ALTER TABLE "call_events" FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "call_events"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

ALTER TABLE "webhook_events" FORCE ROW LEVEL SECURITY;
ALTER POLICY "salon_isolation" ON "webhook_events"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');
