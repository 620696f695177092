-- Alerts to the team's own phones and inboxes (lib/alerts/): each member's choices, their browsers'
-- push subscriptions, one push alert per event per member, and the app's VAPID key pair.
-- Since PostgreSQL 12 ADD VALUE may run inside the migrator's transaction; nothing here uses it.
ALTER TYPE "NotificationKind" ADD VALUE 'MEMBER_ALERT' AFTER 'WAITLIST_OFFER';

-- CreateTable
CREATE TABLE "alert_preferences" (
    "id" TEXT NOT NULL,
    "salonId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "phone" TEXT,
    "smsEvents" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "emailEvents" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "pushEvents" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "quietHoursStart" TEXT,
    "quietHoursEnd" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "alert_preferences_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "push_subscriptions" (
    "id" TEXT NOT NULL,
    "salonId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "push_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "push_alerts" (
    "id" TEXT NOT NULL,
    "salonId" TEXT NOT NULL,
    "membershipId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "sendAfter" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "outcome" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "push_alerts_pkey" PRIMARY KEY ("id")
);

-- CreateTable: a system table (no salon), so no row-level security.
CREATE TABLE "vapid_keys" (
    "id" INTEGER NOT NULL,
    "publicKey" TEXT NOT NULL,
    "privateKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vapid_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "alert_preferences_membershipId_key" ON "alert_preferences"("membershipId");

-- CreateIndex
CREATE INDEX "alert_preferences_salonId_idx" ON "alert_preferences"("salonId");

-- CreateIndex
CREATE UNIQUE INDEX "push_subscriptions_membershipId_endpoint_key" ON "push_subscriptions"("membershipId", "endpoint");

-- CreateIndex
CREATE INDEX "push_subscriptions_salonId_idx" ON "push_subscriptions"("salonId");

-- CreateIndex
CREATE UNIQUE INDEX "push_alerts_salonId_key_key" ON "push_alerts"("salonId", "key");

-- CreateIndex
CREATE INDEX "push_alerts_membershipId_idx" ON "push_alerts"("membershipId");

-- AddForeignKey
ALTER TABLE "alert_preferences" ADD CONSTRAINT "alert_preferences_salonId_fkey" FOREIGN KEY ("salonId") REFERENCES "salons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "alert_preferences" ADD CONSTRAINT "alert_preferences_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "memberships"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_salonId_fkey" FOREIGN KEY ("salonId") REFERENCES "salons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "push_subscriptions" ADD CONSTRAINT "push_subscriptions_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "memberships"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "push_alerts" ADD CONSTRAINT "push_alerts_salonId_fkey" FOREIGN KEY ("salonId") REFERENCES "salons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "push_alerts" ADD CONSTRAINT "push_alerts_membershipId_fkey" FOREIGN KEY ("membershipId") REFERENCES "memberships"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as on every salon table (lib/db/rls.test.ts).
ALTER TABLE "alert_preferences" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "alert_preferences"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "push_subscriptions" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "push_subscriptions"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "push_alerts" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "push_alerts"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));
