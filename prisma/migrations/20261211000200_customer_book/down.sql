DROP INDEX "call_logs_salonId_customerId_startedAt_idx";
DROP INDEX "customers_mergedIntoId_idx";
DROP INDEX "customers_salonId_email_idx";
DROP INDEX "customers_salonId_searchLastName_idx";
DROP INDEX "customers_salonId_searchName_id_idx";
ALTER TABLE "customers" DROP CONSTRAINT "customers_mergedIntoId_fkey";
DROP TRIGGER "customers_search_columns" ON "customers";
DROP FUNCTION "customers_search_columns"();
ALTER TABLE "customers" DROP COLUMN "searchName", DROP COLUMN "searchLastName", DROP COLUMN "mergedIntoId", DROP COLUMN "mergedAt";
