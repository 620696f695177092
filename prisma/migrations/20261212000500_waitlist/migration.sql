-- The waitlist (lib/waitlist/): customers waiting for an earlier time, and the freed slots offered to
-- them by text when an appointment is cancelled. Statuses are text, not enums: under row-level security
-- only a leakproof comparison can be an index condition, and enum equality is not one (see call_logs.outcome).
-- Since PostgreSQL 12 ADD VALUE may run inside the migrator's transaction; nothing here uses it.
ALTER TYPE "NotificationKind" ADD VALUE 'WAITLIST_OFFER' AFTER 'STAFF_ALERT';

-- CreateTable
CREATE TABLE "waitlist_entries" (
    "id" TEXT NOT NULL,
    "salonId" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "serviceId" TEXT,
    "employeeId" TEXT,
    "appointmentId" TEXT,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'WAITING',
    "language" TEXT NOT NULL DEFAULT 'en',
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "waitlist_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "waitlist_offers" (
    "id" TEXT NOT NULL,
    "salonId" TEXT NOT NULL,
    "entryId" TEXT NOT NULL,
    "freedAppointmentId" TEXT NOT NULL,
    "employeeId" TEXT,
    "serviceId" TEXT,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'SENT',
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "notificationId" TEXT,
    "wonSlot" TEXT,
    "answeredAt" TIMESTAMP(3),
    "bookedAppointmentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "waitlist_offers_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "waitlist_entries_salonId_status_createdAt_id_idx" ON "waitlist_entries"("salonId", "status", "createdAt", "id");

-- CreateIndex
CREATE INDEX "waitlist_entries_salonId_customerId_status_idx" ON "waitlist_entries"("salonId", "customerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "waitlist_offers_notificationId_key" ON "waitlist_offers"("notificationId");

-- CreateIndex: one winner per freed slot, whatever the race.
CREATE UNIQUE INDEX "waitlist_offers_wonSlot_key" ON "waitlist_offers"("wonSlot");

-- CreateIndex
CREATE INDEX "waitlist_offers_salonId_freedAppointmentId_idx" ON "waitlist_offers"("salonId", "freedAppointmentId");

-- CreateIndex
CREATE UNIQUE INDEX "waitlist_offers_entryId_freedAppointmentId_key" ON "waitlist_offers"("entryId", "freedAppointmentId");

-- AddForeignKey
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_salonId_fkey" FOREIGN KEY ("salonId") REFERENCES "salons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "services"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "employees"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlist_entries" ADD CONSTRAINT "waitlist_entries_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "appointments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_salonId_fkey" FOREIGN KEY ("salonId") REFERENCES "salons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "waitlist_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_freedAppointmentId_fkey" FOREIGN KEY ("freedAppointmentId") REFERENCES "appointments"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "waitlist_offers" ADD CONSTRAINT "waitlist_offers_bookedAppointmentId_fkey" FOREIGN KEY ("bookedAppointmentId") REFERENCES "appointments"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Row-level security, as on every salon table (lib/db/rls.test.ts).
ALTER TABLE "waitlist_entries" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "waitlist_entries"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "waitlist_offers" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "waitlist_offers"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));
