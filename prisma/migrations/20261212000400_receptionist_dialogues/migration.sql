-- The receptionist's dialogues (issue 14): what a caller or texting customer and Bolt have settled so
-- far on the way to a booking, a move or a cancellation, stored per call or per customer's texts so
-- the next webhook carries on from it. Transitions compare-and-set "version"; "expiresAt" makes an
-- old text offer stale.

-- CreateTable
CREATE TABLE "receptionist_dialogues" (
    "id" TEXT NOT NULL,
    "salonId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "customerId" TEXT,
    "state" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "receptionist_dialogues_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "receptionist_dialogues_salonId_key_key" ON "receptionist_dialogues"("salonId", "key");

-- CreateIndex
CREATE INDEX "receptionist_dialogues_customerId_idx" ON "receptionist_dialogues"("customerId");

-- AddForeignKey
ALTER TABLE "receptionist_dialogues" ADD CONSTRAINT "receptionist_dialogues_salonId_fkey" FOREIGN KEY ("salonId") REFERENCES "salons"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "receptionist_dialogues" ADD CONSTRAINT "receptionist_dialogues_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "customers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Row-level security, as on every salon table (lib/db/rls.test.ts).
ALTER TABLE "receptionist_dialogues" ENABLE ROW LEVEL SECURITY;
CREATE POLICY "salon_isolation" ON "receptionist_dialogues"
    USING ("salonId" = current_setting('bolt.salon_id', true))
    WITH CHECK ("salonId" = current_setting('bolt.salon_id', true));
