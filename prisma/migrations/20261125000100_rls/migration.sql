-- Row-level security: a session sees only the salon named by `bolt.salon_id` (set per transaction
-- by salonDb) unless it is a system connection (`bolt.system=on`). FORCE makes the policies apply to
-- the owning role too, which is the role the app connects as.

-- EnableRowLevelSecurity
ALTER TABLE "salons" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "salons" FORCE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "salons"
    USING ("id" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("id" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

-- EnableRowLevelSecurity
ALTER TABLE "memberships" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "memberships"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

-- EnableRowLevelSecurity
ALTER TABLE "customers" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "customers" FORCE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "customers"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

-- EnableRowLevelSecurity
ALTER TABLE "employees" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "employees" FORCE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "employees"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

-- EnableRowLevelSecurity
ALTER TABLE "services" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "services" FORCE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "services"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

-- EnableRowLevelSecurity
ALTER TABLE "appointments" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "appointments" FORCE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "appointments"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

-- EnableRowLevelSecurity
ALTER TABLE "call_logs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "call_logs" FORCE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "call_logs"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

-- EnableRowLevelSecurity
ALTER TABLE "notifications" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notifications" FORCE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "notifications"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

-- EnableRowLevelSecurity
ALTER TABLE "notification_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "notification_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "notification_events"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

-- EnableRowLevelSecurity
ALTER TABLE "inbound_messages" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "inbound_messages" FORCE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "inbound_messages"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

-- EnableRowLevelSecurity
ALTER TABLE "api_keys" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "api_keys" FORCE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "api_keys"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');

-- EnableRowLevelSecurity
ALTER TABLE "audit_logs" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "audit_logs" FORCE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "audit_logs"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');
