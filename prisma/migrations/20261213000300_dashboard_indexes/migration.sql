-- The dashboard's texts per day (lib/dashboard/get-dashboard-charts.ts) by when they went out: sentAt in the
-- period, or never sent and failed in it (sentAt IS NULL, failedAt in range; IS NULL is an index condition).
-- By createdAt a period would have to read the salon's whole history: a reminder is created when the visit
-- is booked, weeks before it is sent. Also the quota's "sent since" (lib/messaging/quota.ts).
CREATE INDEX "notifications_salonId_sentAt_failedAt_idx" ON "notifications"("salonId", "sentAt", "failedAt");

-- Its opt-outs per day: the salon's customers who opted out in the period, not all its customers.
CREATE INDEX "customers_salonId_optedOutAt_idx" ON "customers"("salonId", "optedOutAt");
