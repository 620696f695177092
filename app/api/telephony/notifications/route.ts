// GET /api/telephony/notifications — the salon's texts and emails, newest first.
// Filters: status, channel, kind (comma-separated or repeated), customerId, employeeId, appointmentId,
// from/to (ISO date = whole day in the salon's zone, or date-time); paging: limit (1–100) + cursor.
import { jsonPageResponse } from "@/lib/api/pagination";
import { parseSearchParams } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { listNotificationsQuerySchema } from "@/lib/validations/messaging";

export const GET = withSalon(async (req, { salonId }) => {
  const query = parseSearchParams(req, listNotificationsQuerySchema);
  return jsonPageResponse(await listNotifications(salonId, query));
});
