DROP INDEX "customers_salonId_optedOutAt_idx";
DROP INDEX "notifications_salonId_sentAt_failedAt_idx";
