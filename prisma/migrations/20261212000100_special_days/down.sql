DROP TABLE "special_days";
ALTER TABLE "salons" DROP COLUMN "directions";
