-- No double booking, enforced by PostgreSQL: one stylist's live (BOOKED/CONFIRMED) appointments may not
-- overlap, so two concurrent bookings of one slot can never both commit — the loser's INSERT or UPDATE
-- fails with SQLSTATE 23P01, which lib/appointments/slot-taken.ts turns into a 409 "slot_taken".
--
-- btree_gist lets one GiST index hold the equality columns (salonId, employeeId) beside the range.
-- It is a trusted extension (PostgreSQL 13+), so the database owner that runs migrations may create it
-- without being a superuser; managed services list it among their allowed extensions.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- A live database may already hold overlaps (imported books, the API before this constraint). Adding
-- the constraint would then fail, so first resolve them: per stylist, walk the overlapping appointments
-- in the order they were booked (createdAt, id); the first keeps its stylist, and each later one that
-- overlaps an appointment still assigned loses its stylist (employeeId = NULL) — it stays booked, its
-- customer and texts untouched, and shows as "Unassigned" on the calendar for the salon to reassign.
-- First booked wins because that customer was promised the stylist first. Each change is written to
-- audit_logs (action appointment.unassign_overlap) and counted in a NOTICE. A live appointment that
-- ends before it starts (no valid range) is un-assigned the same way.
DO $$
DECLARE
  a record;
  clash text;
  unassigned integer := 0;
BEGIN
  FOR a IN
    SELECT x."id", x."salonId", x."employeeId", x."startsAt", x."endsAt", x."createdAt"
    FROM "appointments" x
    WHERE x."status" IN ('BOOKED', 'CONFIRMED') AND x."employeeId" IS NOT NULL
      AND (x."endsAt" < x."startsAt" OR EXISTS (
        SELECT 1 FROM "appointments" y
        WHERE y."salonId" = x."salonId" AND y."employeeId" = x."employeeId" AND y."id" <> x."id"
          AND y."status" IN ('BOOKED', 'CONFIRMED') AND y."startsAt" < x."endsAt" AND x."startsAt" < y."endsAt"))
    ORDER BY x."createdAt", x."id"
  LOOP
    clash := NULL;
    IF a."endsAt" >= a."startsAt" THEN
      SELECT y."id" INTO clash FROM "appointments" y
      WHERE y."salonId" = a."salonId" AND y."employeeId" = a."employeeId" AND y."id" <> a."id"
        AND y."status" IN ('BOOKED', 'CONFIRMED') AND y."startsAt" < a."endsAt" AND a."startsAt" < y."endsAt"
        AND (y."createdAt", y."id") < (a."createdAt", a."id")
      ORDER BY y."createdAt", y."id" LIMIT 1;
      CONTINUE WHEN clash IS NULL;
    END IF;
    UPDATE "appointments" SET "employeeId" = NULL, "updatedAt" = now() WHERE "id" = a."id";
    INSERT INTO "audit_logs" ("id", "salonId", "action", "targetType", "targetId", "metadata", "updatedAt")
    VALUES (gen_random_uuid()::text, a."salonId", 'appointment.unassign_overlap', 'Appointment', a."id",
            jsonb_build_object('employeeId', a."employeeId", 'overlapsAppointmentId', clash,
                               'startsAt', a."startsAt", 'endsAt', a."endsAt",
                               'migration', '20261211000400_no_double_booking'),
            now());
    unassigned := unassigned + 1;
  END LOOP;
  RAISE NOTICE 'no_double_booking: % overlapping appointment(s) un-assigned from their stylist (see audit_logs)', unassigned;
END $$;

-- '[)' bounds: a booking ending at 3:00 and the next starting at 3:00 don't overlap. The columns are
-- timestamp(3) (Prisma's DateTime, UTC by convention), hence tsrange.
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_no_double_booking"
  EXCLUDE USING gist ("salonId" WITH =, "employeeId" WITH =, tsrange("startsAt", "endsAt", '[)') WITH &&)
  WHERE ("status" IN ('BOOKED', 'CONFIRMED') AND "employeeId" IS NOT NULL);
