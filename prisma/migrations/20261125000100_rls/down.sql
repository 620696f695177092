-- DisableRowLevelSecurity
DROP POLICY "salon_isolation" ON "salons";
ALTER TABLE "salons" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "salons" DISABLE ROW LEVEL SECURITY;

-- DisableRowLevelSecurity
DROP POLICY "salon_isolation" ON "memberships";
ALTER TABLE "memberships" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "memberships" DISABLE ROW LEVEL SECURITY;

-- DisableRowLevelSecurity
DROP POLICY "salon_isolation" ON "customers";
ALTER TABLE "customers" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "customers" DISABLE ROW LEVEL SECURITY;

-- DisableRowLevelSecurity
DROP POLICY "salon_isolation" ON "employees";
ALTER TABLE "employees" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "employees" DISABLE ROW LEVEL SECURITY;

-- DisableRowLevelSecurity
DROP POLICY "salon_isolation" ON "services";
ALTER TABLE "services" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "services" DISABLE ROW LEVEL SECURITY;

-- DisableRowLevelSecurity
DROP POLICY "salon_isolation" ON "appointments";
ALTER TABLE "appointments" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "appointments" DISABLE ROW LEVEL SECURITY;

-- DisableRowLevelSecurity
DROP POLICY "salon_isolation" ON "call_logs";
ALTER TABLE "call_logs" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "call_logs" DISABLE ROW LEVEL SECURITY;

-- DisableRowLevelSecurity
DROP POLICY "salon_isolation" ON "notifications";
ALTER TABLE "notifications" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "notifications" DISABLE ROW LEVEL SECURITY;

-- DisableRowLevelSecurity
DROP POLICY "salon_isolation" ON "notification_events";
ALTER TABLE "notification_events" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "notification_events" DISABLE ROW LEVEL SECURITY;

-- DisableRowLevelSecurity
DROP POLICY "salon_isolation" ON "inbound_messages";
ALTER TABLE "inbound_messages" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "inbound_messages" DISABLE ROW LEVEL SECURITY;

-- DisableRowLevelSecurity
DROP POLICY "salon_isolation" ON "api_keys";
ALTER TABLE "api_keys" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "api_keys" DISABLE ROW LEVEL SECURITY;

-- DisableRowLevelSecurity
DROP POLICY "salon_isolation" ON "audit_logs";
ALTER TABLE "audit_logs" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "audit_logs" DISABLE ROW LEVEL SECURITY;
