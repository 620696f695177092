ALTER TABLE "salons" DROP COLUMN "businessHoursSetAt";
