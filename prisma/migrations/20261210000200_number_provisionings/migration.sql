-- A salon's number lifecycle (lib/phone-numbers/): one row per salon. The unique salonId and a leased
-- claim on the row are the guard that makes a purchase or a release happen once, however many
-- subscription events, retried jobs and "Get my number" clicks race for it.

-- CreateEnum
CREATE TYPE "NumberState" AS ENUM ('NONE', 'PENDING', 'ACTIVE', 'RELEASING');

-- CreateTable
CREATE TABLE "number_provisionings" (
    "id" TEXT NOT NULL,
    "salonId" TEXT NOT NULL,
    "state" "NumberState" NOT NULL DEFAULT 'NONE',
    "preferredAreaCode" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "releaseAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "number_provisionings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "number_provisionings_salonId_key" ON "number_provisionings"("salonId");

-- CreateIndex
CREATE INDEX "number_provisionings_state_releaseAt_idx" ON "number_provisionings"("state", "releaseAt");

-- AddForeignKey
ALTER TABLE "number_provisionings" ADD CONSTRAINT "number_provisionings_salonId_fkey" FOREIGN KEY ("salonId") REFERENCES "salons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as on every salon table (lib/db/rls.test.ts).
ALTER TABLE "number_provisionings" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "number_provisionings"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));
