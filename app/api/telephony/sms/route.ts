// POST /api/telephony/sms — queue a custom text to a customer, an employee or an E.164 number.
// 202 with the notification; the same Idempotency-Key returns the same notification and sends nothing again.
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { sendSms } from "@/lib/messaging/send-sms";
import { readIdempotencyKey, recipientOf, sendSmsSchema } from "@/lib/validations/messaging";

export const POST = withSalon(async (req, { salonId, userId }) => {
  const idempotencyKey = readIdempotencyKey(req);
  const input = await parseJsonBody(req, sendSmsSchema);
  const notification = await sendSms({
    salonId,
    kind: "CUSTOM",
    body: input.body,
    to: recipientOf(input),
    createdByUserId: userId,
    idempotencyKey,
  });
  return NextResponse.json({ data: notification }, { status: 202 });
});
