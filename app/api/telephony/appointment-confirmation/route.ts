// POST /api/telephony/appointment-confirmation — text the customer their booking confirmation now.
// 202 with the notification; 409 if the appointment is cancelled or past; Idempotency-Key replays the first result.
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { sendAppointmentConfirmation } from "@/lib/messaging/confirmations";
import { appointmentMessageSchema, readIdempotencyKey } from "@/lib/validations/messaging";

export const POST = withSalon(async (req, { salonId, userId }) => {
  const idempotencyKey = readIdempotencyKey(req);
  const { appointmentId } = await parseJsonBody(req, appointmentMessageSchema);
  const notification = await sendAppointmentConfirmation(salonId, appointmentId, {
    idempotencyKey,
    createdByUserId: userId,
  });
  return NextResponse.json({ data: notification }, { status: 202 });
});
