// Telling a stylist about their bookings: a text when one is made, moved or cancelled. Only active
// employees with a mobile number get one; times are absolute ("Fri, Dec 4 at 2:00 PM") because a
// text held by quiet hours must still be right in the morning.
import { format } from "date-fns";
import type { AppointmentForMessaging } from "@/lib/appointments/get-appointment";
import type { Notification } from "@/lib/generated/prisma/client";
import { formatPhone } from "@/lib/phone";
import { sendSms } from "@/lib/messaging/send-sms";
import { inZone } from "@/lib/time/zoned";

export type BookingChange =
  { type: "booked" } | { type: "moved"; previousStartsAt: Date } | { type: "cancelled" };

function at(instant: Date, timeZone: string): string {
  return format(inZone(instant, timeZone), "EEE, MMM d 'at' h:mm a");
}

function renderEmployeeBookingBody(
  appointment: AppointmentForMessaging,
  change: BookingChange,
): string {
  const tz = appointment.salon.timeZone;
  const who = appointment.customer.name?.trim() || formatPhone(appointment.customer.phone);
  const what = `${appointment.service?.name ?? "Appointment"} for ${who}`;
  const when = at(appointment.startsAt, tz);
  switch (change.type) {
    case "booked":
      return `New booking: ${what} on ${when}.`;
    case "moved":
      return `Booking moved: ${what} is now ${when} (was ${at(change.previousStartsAt, tz)}).`;
    case "cancelled":
      return `Booking cancelled: ${what} on ${when}.`;
  }
}

/** Queues the EMPLOYEE_BOOKING text, or returns null when there is no one to tell. */
export async function notifyEmployeeOfBooking(
  salonId: string,
  appointment: AppointmentForMessaging,
  change: BookingChange,
  opts: { createdByUserId?: string } = {},
): Promise<Notification | null> {
  const employee = appointment.employee;
  if (!employee?.active || !employee.phone) return null;
  return sendSms({
    salonId,
    kind: "EMPLOYEE_BOOKING",
    body: renderEmployeeBookingBody(appointment, change),
    to: { employeeId: employee.id },
    appointmentId: appointment.id,
    createdByUserId: opts.createdByUserId,
    // One text per change of the booking, however often the change's side effects are replayed.
    idempotencyKey: `employee-booking:${appointment.id}:${change.type}:${appointment.updatedAt.getTime()}`,
  });
}
