// What follows a booking change once it is committed: reminders re-planned, the customer's
// confirmation (when the salon confirms automatically) and the stylist's heads-up. Every text has
// an idempotency key derived from the booking's state, so replaying these effects sends nothing twice.
import { getAppointmentForMessaging } from "@/lib/appointments/get-appointment";
import { logger } from "@/lib/logger";
import { autoConfirmationKey, sendAppointmentConfirmation } from "@/lib/messaging/confirmations";
import { notifyEmployeeOfBooking, type BookingChange } from "@/lib/messaging/employee-notifications";
import { scheduleReminders } from "@/lib/messaging/reminders";

const log = logger.child({ module: "appointments" });

export type ChangeActor = { userId?: string; apiKeyId?: string };

/**
 * Reminders must not be lost, so a failure there propagates; the confirmation and the stylist's text
 * are courtesies — a failure (say, a stylist's number Twilio rejects) is logged, not fatal to the booking.
 */
async function courtesy(what: string, appointmentId: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    log.error({ err, appointmentId }, `could not queue the ${what}`);
  }
}

export async function afterAppointmentChange(
  salonId: string,
  appointmentId: string,
  change: BookingChange,
  actor: ChangeActor = {},
) {
  const appointment = await getAppointmentForMessaging(salonId, appointmentId);
  if (change.type !== "cancelled") await scheduleReminders(salonId, appointmentId);
  if (
    change.type !== "cancelled" &&
    appointment.salon.autoConfirm &&
    appointment.startsAt.getTime() > Date.now()
  ) {
    await courtesy("confirmation", appointmentId, () =>
      sendAppointmentConfirmation(salonId, appointmentId, {
        idempotencyKey: autoConfirmationKey(appointment),
        createdByUserId: actor.userId,
      }),
    );
  }
  await courtesy("employee notification", appointmentId, () =>
    notifyEmployeeOfBooking(salonId, appointment, change, { createdByUserId: actor.userId }),
  );
}
