// Booking confirmations: "Confirmed: your Haircut appointment with Ana is tomorrow at 10:00 AM."
// Sent by hand or automatically on booking (Salon.autoConfirm); like reminders, re-checked and
// re-worded just before sending, since quiet hours can hold one overnight.
import { getAppointmentForMessaging, type AppointmentForMessaging } from "@/lib/appointments/get-appointment";
import type { Notification } from "@/lib/generated/prisma/client";
import type { PreSendDecision, PreSendInput } from "@/lib/messaging/delivery/delivery-types";
import {
  DELETED_REASON,
  appointmentsOf,
  assertTextable,
  describeBooking,
  staleReason,
  wordingOf,
  type SendOptions,
} from "@/lib/messaging/reminders";
import { textTemplates } from "@/lib/i18n/text-templates";
import { sendSms } from "@/lib/messaging/send-sms";
import { describeAppointmentTime } from "@/lib/messaging/time-text";

/** In the customer's language: "Confirmed: your Haircut appointment…" / "Confirmada: su cita de Haircut…". */
export function renderConfirmationBody(appointment: AppointmentForMessaging, now: Date): string {
  const w = wordingOf(appointment);
  const when = describeAppointmentTime(w.startsAt, now, w.timeZone, w.language ?? "en");
  return textTemplates(w.language).confirmation(w.salonName, describeBooking(w), when);
}

/** Key for the automatic confirmation of one state of the booking (a replayed booking sends one). */
export function autoConfirmationKey(appointment: { id: string; startsAt: Date; updatedAt: Date }): string {
  return `confirmation:${appointment.id}:${appointment.startsAt.toISOString()}:${appointment.updatedAt.getTime()}`;
}

export async function sendAppointmentConfirmation(
  salonId: string,
  appointmentId: string,
  opts: SendOptions = {},
): Promise<Notification> {
  const appointment = await getAppointmentForMessaging(salonId, appointmentId);
  const now = opts.now ?? new Date();
  assertTextable(appointment, now);
  return sendSms({
    salonId,
    kind: "CONFIRMATION",
    body: renderConfirmationBody(appointment, now),
    to: { customerId: appointment.customerId },
    appointmentId,
    createdByUserId: opts.createdByUserId,
    idempotencyKey: opts.idempotencyKey,
  });
}

/** The CONFIRMATION pre-send check (whole batch, one query): drop it if the booking is off, else word it for now. */
export async function checkConfirmationsBeforeSend(inputs: PreSendInput[]): Promise<PreSendDecision[]> {
  const appointments = await appointmentsOf(inputs);
  return inputs.map((n, i) => {
    const appointment = appointments[i];
    if (appointment === undefined) return {};
    const stale = staleReason(appointment, n.now);
    if (stale || !appointment) return { cancel: stale ?? DELETED_REASON };
    return { body: renderConfirmationBody(appointment, n.now) };
  });
}
