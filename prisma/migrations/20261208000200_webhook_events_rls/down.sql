DROP POLICY IF EXISTS "salon_isolation" ON "webhook_events";
ALTER TABLE "webhook_events" NO FORCE ROW LEVEL SECURITY;
ALTER TABLE "webhook_events" DISABLE ROW LEVEL SECURITY;
