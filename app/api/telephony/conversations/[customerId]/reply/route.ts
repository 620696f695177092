// POST /api/telephony/conversations/:customerId/reply — staff text the customer back (queued; 202 with the
// notification). Idempotency-Key honoured; 409 customer_opted_out when they replied STOP.
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { replyToCustomer } from "@/lib/conversations/reply-to-customer";
import { replyToCustomerSchema } from "@/lib/validations/conversations";
import { readIdempotencyKey } from "@/lib/validations/messaging";
import { customerIdParamsSchema } from "@/lib/validations/params";

type Params = { customerId: string };

export const POST = withSalon<Params>(async (req, { salonId, userId, params }) => {
  const { customerId } = customerIdParamsSchema.parse(await params);
  const idempotencyKey = readIdempotencyKey(req);
  const { body } = await parseJsonBody(req, replyToCustomerSchema);
  const notification = await replyToCustomer(salonId, customerId, body, userId, { idempotencyKey });
  return NextResponse.json({ data: notification }, { status: 202 });
});
