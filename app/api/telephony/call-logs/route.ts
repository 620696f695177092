// GET /api/telephony/call-logs — the salon's calls, newest first (cursor pages; filters from/to, outcome, status, reason, followUp, assignee, q).
import { jsonPageResponse } from "@/lib/api/pagination";
import { parseSearchParams } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { listCallLogs } from "@/lib/calls/list-call-logs";
import { resolveAssigneeFilter } from "@/lib/follow-ups/assignee";
import { listCallLogsQuerySchema } from "@/lib/validations/calls";

export const GET = withSalon(async (req, { salonId, userId, apiKeyId }) => {
  const query = parseSearchParams(req, listCallLogsQuerySchema);
  return jsonPageResponse(await listCallLogs(salonId, { ...query, assignedTo: resolveAssigneeFilter(query.assignee, { userId, apiKeyId }) }));
});
