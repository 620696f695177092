// POST /api/appointments — book an appointment: reminders are planned at the salon's offsets, the
// customer is confirmed automatically if the salon says so, and the stylist gets a text.
// 201 with the appointment; the same Idempotency-Key returns the first booking and sends nothing again.
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { createAppointment } from "@/lib/appointments/mutations";
import { createAppointmentSchema } from "@/lib/validations/appointments";
import { readIdempotencyKey } from "@/lib/validations/messaging";

export const POST = withSalon(async (req, { salonId, userId, apiKeyId }) => {
  const idempotencyKey = readIdempotencyKey(req);
  const input = await parseJsonBody(req, createAppointmentSchema);
  const appointment = await createAppointment(salonId, input, {
    idempotencyKey,
    actor: { userId, apiKeyId },
  });
  return NextResponse.json({ data: appointment }, { status: 201 });
});
