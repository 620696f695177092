-- webhook_events carries a salonId (null until the event is matched to a salon) but had no
-- row-level security: a salon-scoped client could read every salon's provider events. Same policy as
-- every other salon table; rows without a salon are visible to system connections only.

-- EnableRowLevelSecurity
ALTER TABLE "webhook_events" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "webhook_events" FORCE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "webhook_events"
    USING ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on')
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true) OR current_setting('bolt.system', true) = 'on');
