"use server";
// The calendar's server actions (staff and owners): book from a free slot, move (time or stylist),
// cancel / confirm / mark completed or no-show, and the booking form's lookups. Every change goes
// through the same appointment functions as the API, so reminders and stylists' texts follow, and a
// stylist's taken time comes back as the same "already booked" message.
import { revalidatePath } from "next/cache";
import { findOrCreateBookingCustomer, searchBookingCustomers, type CustomerMatch } from "@/lib/appointments/booking-customers";
import { markAppointmentCompleted, markAppointmentNoShow } from "@/lib/appointments/close-appointment";
import { cancelAppointment, confirmAppointment, createAppointment, rescheduleAppointment } from "@/lib/appointments/mutations";
import { salonAction } from "@/lib/api/salon-action";
import { findFreeSlots } from "@/lib/availability/find-free-slots";
import { formatTime } from "@/lib/format";
import { getSalonById } from "@/lib/salons/queries";
import { addCalendarDays, parseTimeOfDay, zonedWallTimeToInstant, type LocalDate } from "@/lib/time/zoned";
import {
  appointmentStatusChangeSchema,
  bookFromCalendarSchema,
  calendarSlotsSchema,
  customerSearchSchema,
  moveFromCalendarSchema,
} from "@/lib/validations/appointments";

const toLocalDate = (s: string): LocalDate => ({
  year: Number(s.slice(0, 4)),
  month: Number(s.slice(5, 7)),
  day: Number(s.slice(8, 10)),
});

export const bookFromCalendarAction = salonAction(bookFromCalendarSchema, async (input, ctx) => {
  const customer = input.customerId
    ? { id: input.customerId }
    : await findOrCreateBookingCustomer(ctx.salonId, { name: input.newCustomerName, phone: input.newCustomerPhone! });
  const appointment = await createAppointment(
    ctx.salonId,
    { customerId: customer.id, employeeId: input.employeeId, serviceId: input.serviceId, startsAt: input.startsAt },
    { actor: { userId: ctx.userId } },
  );
  revalidatePath("/appointments");
  const { timeZone } = await getSalonById(ctx.salonId);
  return { ok: true, message: `Booked for ${formatTime(appointment.startsAt, timeZone)}`, data: { id: appointment.id } };
});

export const moveFromCalendarAction = salonAction(moveFromCalendarSchema, async (input, ctx) => {
  const { timeZone } = await getSalonById(ctx.salonId);
  const startsAt = zonedWallTimeToInstant(timeZone, toLocalDate(input.date), parseTimeOfDay(input.time)!);
  await rescheduleAppointment(
    ctx.salonId,
    input.appointmentId,
    { startsAt, employeeId: input.employeeId },
    { actor: { userId: ctx.userId } },
  );
  revalidatePath("/appointments");
  return { ok: true, message: `Moved to ${formatTime(startsAt, timeZone)}` };
});

const STATUS_CHANGES = {
  cancel: [cancelAppointment, "Appointment cancelled"],
  confirm: [confirmAppointment, "Appointment confirmed"],
  complete: [markAppointmentCompleted, "Marked completed"],
  no_show: [markAppointmentNoShow, "Marked no-show"],
} as const;

export const changeAppointmentStatusAction = salonAction(appointmentStatusChangeSchema, async (input, ctx) => {
  const [change, message] = STATUS_CHANGES[input.change];
  await change(ctx.salonId, input.appointmentId, { actor: { userId: ctx.userId } });
  revalidatePath("/appointments");
  return { ok: true, message };
});

export const searchCustomersAction = salonAction<typeof customerSearchSchema, CustomerMatch[]>(
  customerSearchSchema,
  async ({ q }, ctx) => ({ ok: true, data: await searchBookingCustomers(ctx.salonId, q) }),
);

export type SlotOption = { employeeId: string; employeeName: string; startsAt: string; endsAt: string };

/** The day's free start times for the service (all its stylists, or one), from the availability function. */
export const findSlotsAction = salonAction<typeof calendarSlotsSchema, SlotOption[]>(
  calendarSlotsSchema,
  async (input, ctx) => {
    const { timeZone } = await getSalonById(ctx.salonId);
    const day = toLocalDate(input.date);
    const { slots } = await findFreeSlots(ctx.salonId, {
      serviceId: input.serviceId,
      employeeId: input.employeeId,
      from: zonedWallTimeToInstant(timeZone, day, 0),
      to: zonedWallTimeToInstant(timeZone, addCalendarDays(day, 1), 0),
      now: new Date(),
    });
    return {
      ok: true,
      data: slots.map((s) => ({
        employeeId: s.employeeId,
        employeeName: s.employeeName,
        startsAt: s.startsAt.toISOString(),
        endsAt: s.endsAt.toISOString(),
      })),
    };
  },
);
