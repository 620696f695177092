-- The salon's book, staff and services (issue 13): each employee's weekly working hours (breaks are the
-- gaps between periods), their time off, which services each performs, and a category per service.
-- lib/availability/ reads all four to offer free slots.

-- AlterTable
ALTER TABLE "employees" ADD COLUMN "workingHours" JSONB NOT NULL DEFAULT '{}';

-- Existing stylists work when their salon is open, rather than never: the closest guess to what they did
-- before hours existed, and the owner refines it on the Staff page.
UPDATE "employees" e SET "workingHours" = s."businessHours" FROM "salons" s WHERE s."id" = e."salonId";

-- AlterTable
ALTER TABLE "services" ADD COLUMN "category" TEXT;

-- CreateTable
CREATE TABLE "employee_services" (
    "salonId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "serviceId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "employee_services_pkey" PRIMARY KEY ("employeeId","serviceId")
);

-- CreateTable
CREATE TABLE "employee_time_off" (
    "id" TEXT NOT NULL,
    "salonId" TEXT NOT NULL,
    "employeeId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "employee_time_off_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "employee_services_salonId_serviceId_idx" ON "employee_services"("salonId", "serviceId");

-- CreateIndex
CREATE INDEX "employee_time_off_salonId_employeeId_startsAt_idx" ON "employee_time_off"("salonId", "employeeId", "startsAt");

-- AddForeignKey
ALTER TABLE "employee_services" ADD CONSTRAINT "employee_services_salonId_fkey" FOREIGN KEY ("salonId") REFERENCES "salons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employee_services" ADD CONSTRAINT "employee_services_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "employees"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employee_services" ADD CONSTRAINT "employee_services_serviceId_fkey" FOREIGN KEY ("serviceId") REFERENCES "services"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employee_time_off" ADD CONSTRAINT "employee_time_off_salonId_fkey" FOREIGN KEY ("salonId") REFERENCES "salons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "employee_time_off" ADD CONSTRAINT "employee_time_off_employeeId_fkey" FOREIGN KEY ("employeeId") REFERENCES "employees"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as on every salon table (lib/db/rls.test.ts).
ALTER TABLE "employee_services" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "employee_services"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));

ALTER TABLE "employee_time_off" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "employee_time_off"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));
