// THE availability function: the free start times for a service in a window, per stylist who performs
// it and is active — their working hours (inside the salon's, closures and holiday hours included) minus time off minus other live
// appointments, in the salon's time zone, never in the past. The calendar books from it; the
// receptionist will too. The arithmetic is in free-slots.ts; this file only loads what it needs.
import { ApiError, notFound } from "@/lib/api/errors";
import { computeFreeSlots, type FreeSlot } from "@/lib/availability/free-slots";
import { salonDb } from "@/lib/db";
import { businessHoursSchema, parseBusinessHours, type BusinessHours } from "@/lib/salons/business-hours";
import { specialDaysBetween } from "@/lib/salons/special-days-queries";

export type FindFreeSlotsInput = {
  serviceId: string;
  employeeId?: string;
  from: Date;
  to: Date;
  now: Date;
  /** An appointment being moved: its own time does not block it. */
  ignoreAppointmentId?: string;
  stepMinutes?: number;
};

export type Availability = {
  serviceId: string;
  durationMinutes: number;
  timeZone: string;
  slots: Array<FreeSlot & { employeeName: string }>;
};

const CLOSED_WEEK: BusinessHours = businessHoursSchema.parse({});
/** Stored hours that no longer validate are read as closed, never guessed at. */
const hoursOf = (value: unknown): BusinessHours => parseBusinessHours(value) ?? CLOSED_WEEK;

async function loadStylists(salonId: string, serviceId: string, employeeId: string | undefined) {
  const sdb = salonDb(salonId);
  const stylists = await sdb.employee.findMany({
    where: { salonId, active: true, services: { some: { serviceId } }, ...(employeeId ? { id: employeeId } : {}) },
    select: { id: true, name: true, workingHours: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  if (employeeId && stylists.length === 0) {
    const employee = await sdb.employee.findFirst({ where: { salonId, id: employeeId }, select: { name: true, active: true } });
    if (!employee) throw notFound("Employee");
    throw new ApiError({
      code: "employee_unavailable",
      status: 422,
      message: employee.active ? `${employee.name} doesn't perform this service.` : `${employee.name} is not active.`,
    });
  }
  return stylists;
}

export async function findFreeSlots(salonId: string, input: FindFreeSlotsInput): Promise<Availability> {
  const sdb = salonDb(salonId);
  const [salon, service] = await Promise.all([
    sdb.salon.findFirst({ where: { id: salonId }, select: { timeZone: true, businessHours: true } }),
    sdb.service.findFirst({ where: { salonId, id: input.serviceId }, select: { id: true, durationMinutes: true, active: true } }),
  ]);
  if (!salon) throw notFound("Salon");
  if (!service) throw notFound("Service");
  if (!service.active) throw new ApiError({ code: "service_inactive", status: 422, message: "This service is not offered any more." });
  const stylists = await loadStylists(salonId, service.id, input.employeeId);
  const ids = stylists.map((s) => s.id);
  const overlapping = { startsAt: { lt: input.to }, endsAt: { gt: input.from } };
  const [timeOff, appointments, specialDays] = await Promise.all([
    sdb.employeeTimeOff.findMany({ where: { salonId, employeeId: { in: ids }, ...overlapping }, select: { employeeId: true, startsAt: true, endsAt: true } }),
    sdb.appointment.findMany({
      where: {
        salonId,
        employeeId: { in: ids },
        status: { in: ["BOOKED", "CONFIRMED"] },
        ...overlapping,
        ...(input.ignoreAppointmentId ? { id: { not: input.ignoreAppointmentId } } : {}),
      },
      select: { employeeId: true, startsAt: true, endsAt: true },
    }),
    specialDaysBetween(salonId, salon.timeZone, input.from, input.to),
  ]);
  const busy = [...timeOff, ...appointments];
  const slots = computeFreeSlots({
    timeZone: salon.timeZone,
    salonHours: hoursOf(salon.businessHours),
    salonSpecialDays: specialDays,
    stylists: stylists.map((s) => ({
      employeeId: s.id,
      workingHours: hoursOf(s.workingHours),
      busy: busy.filter((b) => b.employeeId === s.id),
    })),
    durationMinutes: service.durationMinutes,
    from: input.from,
    to: input.to,
    now: input.now,
    stepMinutes: input.stepMinutes,
  });
  const names = new Map(stylists.map((s) => [s.id, s.name]));
  return {
    serviceId: service.id,
    durationMinutes: service.durationMinutes,
    timeZone: salon.timeZone,
    slots: slots.map((slot) => ({ ...slot, employeeName: names.get(slot.employeeId) ?? "" })),
  };
}
