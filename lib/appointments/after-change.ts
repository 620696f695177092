// What follows a booking change once it is committed: reminders re-planned, the customer's
// confirmation (when the salon confirms automatically) and the stylists' heads-up. Every text has
// an idempotency key derived from the booking's state, so replaying these effects sends nothing twice.
import { getAppointmentForMessaging, type AppointmentForMessaging } from "@/lib/appointments/get-appointment";
import { salonDb } from "@/lib/db";
import { logger } from "@/lib/logger";
import { autoConfirmationKey, sendAppointmentConfirmation } from "@/lib/messaging/confirmations";
import { notifyEmployeeOfBooking, type BookingChange } from "@/lib/messaging/employee-notifications";
import { scheduleReminders } from "@/lib/messaging/reminders";
import { offerFreedSlot } from "@/lib/waitlist/offer-freed-slot";

const log = logger.child({ module: "appointments" });

export type ChangeActor = { userId?: string; apiKeyId?: string };

/**
 * BookingChange (what a stylist is told), plus: moved to another stylist (the new one hears of a new
 * booking, the previous one of a cancelled one) and closed (completed or no-show: nothing to send,
 * its waiting texts were cancelled with the change).
 */
export type AppointmentChange =
  | BookingChange
  | { type: "reassigned"; previousStartsAt: Date; previousEmployeeId: string | null }
  | { type: "closed" };

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

/** The appointment as the previous stylist knew it, so their "cancelled" text names their time. */
async function asPreviouslyAssigned(
  salonId: string,
  appointment: AppointmentForMessaging,
  change: Extract<AppointmentChange, { type: "reassigned" }>,
): Promise<AppointmentForMessaging | null> {
  if (!change.previousEmployeeId) return null;
  const employee = await salonDb(salonId).employee.findFirst({
    where: { id: change.previousEmployeeId, salonId },
    select: { id: true, name: true, phone: true, active: true },
  });
  return employee ? { ...appointment, startsAt: change.previousStartsAt, employee } : null;
}

export async function afterAppointmentChange(
  salonId: string,
  appointmentId: string,
  change: AppointmentChange,
  actor: ChangeActor = {},
  now: Date = new Date(),
) {
  if (change.type === "closed") return;
  const appointment = await getAppointmentForMessaging(salonId, appointmentId);
  // Its time goes to the waitlist (lib/waitlist/); a failure there must not undo or fail the cancellation.
  if (change.type === "cancelled") await courtesy("waitlist offers", appointmentId, () => offerFreedSlot(salonId, appointmentId, now));
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
  const notify = (a: AppointmentForMessaging, c: BookingChange) =>
    courtesy("employee notification", appointmentId, () =>
      notifyEmployeeOfBooking(salonId, a, c, { createdByUserId: actor.userId }),
    );
  if (change.type !== "reassigned") return notify(appointment, change);
  await notify(appointment, { type: "booked" });
  const previous = await asPreviouslyAssigned(salonId, appointment, change);
  if (previous) await notify(previous, { type: "cancelled" });
}
