// GET /api/telephony/conversations/:customerId — the customer and their texts both ways in time order,
// with delivery states (latest `limit`, or those `before` an instant).
import { NextResponse } from "next/server";
import { parseSearchParams } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { getConversation } from "@/lib/conversations/get-conversation";
import { getConversationQuerySchema } from "@/lib/validations/conversations";
import { customerIdParamsSchema } from "@/lib/validations/params";

type Params = { customerId: string };

export const GET = withSalon<Params>(async (req, { salonId, params }) => {
  const { customerId } = customerIdParamsSchema.parse(await params);
  const query = parseSearchParams(req, getConversationQuerySchema);
  return NextResponse.json({ data: await getConversation(salonId, customerId, query) });
});
