// GET /api/telephony/conversations/:customerId — the customer and their texts both ways in time order,
// with delivery states (latest `limit`, or those `before` an instant).
// PATCH — the conversation's follow-up: `followUp` (HANDLED or OPEN) and/or `assigneeId` (a member, or null); audited.
import { NextResponse } from "next/server";
import { parseJsonBody, parseSearchParams } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { getConversation } from "@/lib/conversations/get-conversation";
import { updateConversationFollowUp } from "@/lib/conversations/update-conversation-follow-up";
import { systemClock } from "@/lib/time/clock";
import { getConversationQuerySchema, updateConversationSchema } from "@/lib/validations/conversations";
import { customerIdParamsSchema } from "@/lib/validations/params";

type Params = { customerId: string };

export const GET = withSalon<Params>(async (req, { salonId, params }) => {
  const { customerId } = customerIdParamsSchema.parse(await params);
  const query = parseSearchParams(req, getConversationQuerySchema);
  return NextResponse.json({ data: await getConversation(salonId, customerId, query) });
});

export const PATCH = withSalon<Params>(async (req, { salonId, userId, apiKeyId, params }) => {
  const { customerId } = customerIdParamsSchema.parse(await params);
  const change = await parseJsonBody(req, updateConversationSchema);
  return NextResponse.json({ data: await updateConversationFollowUp(salonId, customerId, change, { userId, apiKeyId }, systemClock()) });
});
