// GET /api/appointments/[id] — one appointment with its reminders and confirmations.
// PATCH — { action: "reschedule", startsAt, endsAt?, employeeId? } | { action: "cancel" | "confirm" |
// "complete" | "no_show" }; moving or cancelling cancels the queued reminders (and plans new ones for
// the new time); taking a stylist's booked time is a 409 slot_taken.
import { NextResponse } from "next/server";
import { parseJsonBody } from "@/lib/api/parse";
import { withSalon } from "@/lib/api/with-salon";
import { getAppointmentById } from "@/lib/appointments/get-appointment";
import { markAppointmentCompleted, markAppointmentNoShow } from "@/lib/appointments/close-appointment";
import { cancelAppointment, confirmAppointment, rescheduleAppointment } from "@/lib/appointments/mutations";
import { updateAppointmentSchema } from "@/lib/validations/appointments";
import { idParamsSchema } from "@/lib/validations/params";

export const GET = withSalon<{ id: string }>(async (_req, { salonId, params }) => {
  const { id } = idParamsSchema.parse(await params);
  return NextResponse.json({ data: await getAppointmentById(salonId, id) });
});

export const PATCH = withSalon<{ id: string }>(async (req, { salonId, userId, apiKeyId, params }) => {
  const { id } = idParamsSchema.parse(await params);
  const input = await parseJsonBody(req, updateAppointmentSchema);
  const opts = { actor: { userId, apiKeyId } };
  if (input.action === "reschedule") await rescheduleAppointment(salonId, id, input, opts);
  else if (input.action === "cancel") await cancelAppointment(salonId, id, opts);
  else if (input.action === "confirm") await confirmAppointment(salonId, id, opts);
  else if (input.action === "complete") await markAppointmentCompleted(salonId, id, opts);
  else await markAppointmentNoShow(salonId, id, opts);
  return NextResponse.json({ data: await getAppointmentById(salonId, id) });
});
