// The calendar's appointments (a day or a week in the salon's zone, every status) and the coming week's, each
// with its reminders and confirmations so the page can say what has gone out and what's due.
import { salonDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { addCalendarDays, getZonedParts, zonedWallTimeToInstant } from "@/lib/time/zoned";

/** Enough for a busy week; the page says when the list was cut short. */
const MAX_ROWS = 500;

/** Local midnight `days` days after today's, in the salon's zone (DST-safe). */
export function endOfWindow(now: Date, timeZone: string, days: number): Date {
  return zonedWallTimeToInstant(timeZone, addCalendarDays(getZonedParts(now, timeZone), days), 0);
}

const APPOINTMENT_SELECT = {
  id: true,
  startsAt: true,
  endsAt: true,
  status: true,
  confirmedAt: true,
  // Set when the customer texted R; cleared when the appointment is moved.
  rescheduleRequestedAt: true,
  employeeId: true,
  serviceId: true,
  customer: { select: { id: true, name: true, phone: true, smsConsent: true } },
  service: { select: { name: true } },
  employee: { select: { name: true } },
  notifications: {
    where: { kind: { in: ["REMINDER", "CONFIRMATION"] } },
    select: {
      id: true,
      kind: true,
      status: true,
      scheduledFor: true,
      idempotencyKey: true,
      createdAt: true,
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  },
} satisfies Prisma.AppointmentSelect;

/** Appointments overlapping [from, to), every status, soonest first (the calendar's window). */
export async function listAppointmentsBetween(salonId: string, window: { from: Date; to: Date }) {
  const rows = await salonDb(salonId).appointment.findMany({
    where: { salonId, endsAt: { gt: window.from }, startsAt: { lt: window.to } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: MAX_ROWS + 1,
    select: APPOINTMENT_SELECT,
  });
  return { appointments: rows.slice(0, MAX_ROWS), truncated: rows.length > MAX_ROWS };
}

export async function listComingAppointments(
  salonId: string,
  opts: { timeZone: string; now?: Date; days?: number },
) {
  const now = opts.now ?? new Date();
  const until = endOfWindow(now, opts.timeZone, opts.days ?? 7);
  // In progress counts as coming: it's the one the front desk is asked about.
  return { ...(await listAppointmentsBetween(salonId, { from: now, to: until })), until };
}

export type ComingAppointment = Awaited<ReturnType<typeof listComingAppointments>>["appointments"][number];
export type AppointmentText = ComingAppointment["notifications"][number];
