DROP TABLE "employee_time_off";
DROP TABLE "employee_services";
ALTER TABLE "services" DROP COLUMN "category";
ALTER TABLE "employees" DROP COLUMN "workingHours";
