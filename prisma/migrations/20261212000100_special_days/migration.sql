-- Closures and holiday hours (issue 14): the owner's special days, one per local date — closed all day
-- (no periods) or open in periods of its own, with an optional label ("Christmas Day"). They replace
-- that date's weekly hours for answers, transfers, the auto-reply and availability. And a directions
-- or parking note the receptionist adds to the address ("Free parking behind the building").

-- AlterTable
ALTER TABLE "salons" ADD COLUMN "directions" TEXT;

-- CreateTable
CREATE TABLE "special_days" (
    "id" TEXT NOT NULL,
    "salonId" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "periods" JSONB NOT NULL DEFAULT '[]',
    "label" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "special_days_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "special_days_salonId_date_key" ON "special_days"("salonId", "date");

-- AddForeignKey
ALTER TABLE "special_days" ADD CONSTRAINT "special_days_salonId_fkey" FOREIGN KEY ("salonId") REFERENCES "salons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as on every salon table (lib/db/rls.test.ts).
ALTER TABLE "special_days" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "special_days"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));
