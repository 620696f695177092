// POST /api/telephony/conversations/:customerId/read — staff have seen the conversation: nothing in it is unread.
import { NextResponse } from "next/server";
import { withSalon } from "@/lib/api/with-salon";
import { markConversationRead } from "@/lib/conversations/mark-conversation-read";
import { customerIdParamsSchema } from "@/lib/validations/params";

type Params = { customerId: string };

export const POST = withSalon<Params>(async (_req, { salonId, params }) => {
  const { customerId } = customerIdParamsSchema.parse(await params);
  return NextResponse.json({ data: await markConversationRead(salonId, customerId) });
});
