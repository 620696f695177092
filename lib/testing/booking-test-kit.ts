// Shared by the appointment texting tests (only *.test.ts files import this): a salon wired to the
// stand-in with a customer, a stylist and a service, and a way to book and inspect its texts.
import { db } from "@/lib/db";
import { processDeliverJob } from "@/lib/messaging/delivery/deliver-notification";
import { createTextingSalon } from "@/lib/testing/delivery-test-kit";
import { createAppointment } from "@/lib/appointments/mutations";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { createCustomer, createEmployee, createService } from "@/lib/testing/factories";

export const HOUR = 3600_000;
export const MIN = 60_000;

export const deliver = (n: { id: string; salonId: string }) =>
  processDeliverJob({ notificationId: n.id, salonId: n.salonId });

export const textsOf = (appointmentId: string, kind: "REMINDER" | "CONFIRMATION" | "EMPLOYEE_BOOKING") =>
  db.notification.findMany({
    where: { appointmentId, kind },
    orderBy: [{ createdAt: "asc" }, { scheduledFor: "asc" }],
  });

export type BookingSetup = Awaited<ReturnType<typeof bookingSetup>>;

/** "Fringe Benefits" (Chicago): Dana Diaz (already texted once), Ana the stylist, a 45-minute Haircut. */
export async function bookingSetup(
  standIn: TwilioStandIn,
  salonOverrides: Parameters<typeof createTextingSalon>[1] = {},
) {
  const salon = await createTextingSalon(standIn, {
    name: "Fringe Benefits",
    timeZone: "America/Chicago",
    ...salonOverrides,
  });
  const customer = await createCustomer(salon.id, { name: "Dana Diaz", firstTextedAt: new Date() });
  const employee = await createEmployee(salon.id, { name: "Ana" });
  const service = await createService(salon.id, { name: "Haircut", durationMinutes: 45 });
  return { salon, customer, employee, service };
}

export function book(setup: BookingSetup, startsAt: Date, extra: { employeeId?: string } = {}) {
  return createAppointment(setup.salon.id, {
    customerId: setup.customer.id,
    employeeId: extra.employeeId ?? setup.employee.id,
    serviceId: setup.service.id,
    startsAt,
  });
}
