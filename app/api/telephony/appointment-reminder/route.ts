// POST /api/telephony/appointment-reminder — text the customer a reminder now ("…is today at 3:30 PM").
// 202 with the notification; 409 if the appointment is cancelled or past; Idempotency-Key replays the first result.
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { sendAppointmentReminder } from "@/lib/messaging/reminders";
import { appointmentMessageSchema, readIdempotencyKey } from "@/lib/validations/messaging";

export const POST = withSalon(async (req, { salonId, userId }) => {
  const idempotencyKey = readIdempotencyKey(req);
  const { appointmentId } = await parseJsonBody(req, appointmentMessageSchema);
  const notification = await sendAppointmentReminder(salonId, appointmentId, {
    idempotencyKey,
    createdByUserId: userId,
  });
  return NextResponse.json({ data: notification }, { status: 202 });
});
