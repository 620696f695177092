// GET /api/telephony/conversations — the Messages inbox: customers with their last text either way,
// unread count and opt-out state, most recent first (cursor pages; unreadOnly, q).
import { NextResponse } from "next/server";
import { parseSearchParams } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { listConversations } from "@/lib/conversations/list-conversations";
import { listConversationsQuerySchema } from "@/lib/validations/conversations";

export const GET = withSalon(async (req, { salonId }) => {
  const query = parseSearchParams(req, listConversationsQuerySchema);
  return NextResponse.json(await listConversations(salonId, query));
});
