// GET /api/telephony/conversations — the Messages inbox: customers with their last text either way,
// unread count, opt-out and follow-up state, most recent first (cursor pages; unreadOnly, q, followUp, assignee).
import { NextResponse } from "next/server";
import { parseSearchParams } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { listConversations } from "@/lib/conversations/list-conversations";
import { resolveAssigneeFilter } from "@/lib/follow-ups/assignee";
import { listConversationsQuerySchema } from "@/lib/validations/conversations";

export const GET = withSalon(async (req, { salonId, userId, apiKeyId }) => {
  const { assignee, ...query } = parseSearchParams(req, listConversationsQuerySchema);
  return NextResponse.json(await listConversations(salonId, { ...query, assignedTo: resolveAssigneeFilter(assignee, { userId, apiKeyId }) }));
});
