// The admin appointments page: today through the next `days - 1` days in the salon's time zone, with
// each appointment's reminders and confirmations so the page can say what has gone out and what's due.
import { salonDb } from "@/lib/db";
import { addCalendarDays, getZonedParts, zonedWallTimeToInstant } from "@/lib/time/zoned";

/** Enough for a busy week; the page says when the list was cut short. */
const MAX_ROWS = 500;

/** Local midnight `days` days after today's, in the salon's zone (DST-safe). */
export function endOfWindow(now: Date, timeZone: string, days: number): Date {
  return zonedWallTimeToInstant(timeZone, addCalendarDays(getZonedParts(now, timeZone), days), 0);
}

export async function listComingAppointments(
  salonId: string,
  opts: { timeZone: string; now?: Date; days?: number },
) {
  const now = opts.now ?? new Date();
  const until = endOfWindow(now, opts.timeZone, opts.days ?? 7);
  const rows = await salonDb(salonId).appointment.findMany({
    // In progress counts as coming: it's the one the front desk is asked about.
    where: { salonId, endsAt: { gt: now }, startsAt: { lt: until } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    take: MAX_ROWS + 1,
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      status: true,
      confirmedAt: true,
      // Set when the customer texted R; cleared when the appointment is moved.
      rescheduleRequestedAt: true,
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
    },
  });
  return { appointments: rows.slice(0, MAX_ROWS), truncated: rows.length > MAX_ROWS, until };
}

export type ComingAppointment = Awaited<ReturnType<typeof listComingAppointments>>["appointments"][number];
export type AppointmentText = ComingAppointment["notifications"][number];
