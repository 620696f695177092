// What the calendar page shows: the days of its view in the salon's zone, the stylists as columns (the
// active ones, plus anyone who still has a booking in view, plus "Unassigned" when a booking has no
// stylist), the appointments, and the services to book.
import { format } from "date-fns";
import { listAppointmentsBetween } from "@/lib/appointments/list-coming-appointments";
import { salonDb } from "@/lib/db";
import {
  addCalendarDays,
  getZonedParts,
  inZone,
  weekdayOf,
  zonedWallTimeToInstant,
  type LocalDate,
} from "@/lib/time/zoned";
import type { CalendarView } from "@/lib/validations/appointments";

export type CalendarColumn = { id: string | null; name: string };

/** The days a view covers: one; the week (Monday first) holding `date`; or the list's seven from `date`. */
function calendarDays(view: CalendarView, date: LocalDate): LocalDate[] {
  if (view === "day") return [date];
  const monday = view === "list" ? date : addCalendarDays(date, -((weekdayOf(date) + 6) % 7));
  return Array.from({ length: 7 }, (_, i) => addCalendarDays(monday, i));
}

/** "2026-12-07" for a local date (URL state). */
export function dateParam(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

export async function loadCalendar(
  salonId: string,
  opts: { timeZone: string; view: CalendarView; date?: LocalDate; now: Date },
) {
  const today = getZonedParts(opts.now, opts.timeZone);
  const anchor = opts.date ?? { year: today.year, month: today.month, day: today.day };
  const days = calendarDays(opts.view, anchor);
  const from = zonedWallTimeToInstant(opts.timeZone, days[0]!, 0);
  const to = zonedWallTimeToInstant(opts.timeZone, addCalendarDays(days.at(-1)!, 1), 0);
  const db = salonDb(salonId);
  const [{ appointments, truncated }, employees, services] = await Promise.all([
    listAppointmentsBetween(salonId, { from, to }),
    db.employee.findMany({
      where: { salonId },
      select: { id: true, name: true, active: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
    db.service.findMany({
      where: { salonId, active: true },
      select: { id: true, name: true, durationMinutes: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  ]);
  const booked = new Set(appointments.map((a) => a.employeeId));
  const columns: CalendarColumn[] = employees
    .filter((e) => e.active || booked.has(e.id))
    .map((e) => ({ id: e.id, name: e.name }));
  if (booked.has(null)) columns.push({ id: null, name: "Unassigned" });
  return {
    today: { year: today.year, month: today.month, day: today.day },
    anchor,
    days,
    columns,
    stylists: employees.filter((e) => e.active).map((e) => ({ id: e.id, name: e.name })),
    services,
    appointments,
    truncated,
  };
}

/** A local date as a label ("Mon, Dec 7"), read in UTC so the server's own zone never shifts it. */
function dayLabel(date: LocalDate, pattern: string): string {
  return format(inZone(Date.UTC(date.year, date.month - 1, date.day, 12), "UTC"), pattern);
}

/** The toolbar's title and the dates "previous" and "next" go to; each day's key and label. */
export function calendarNavigation(view: CalendarView, days: LocalDate[]) {
  const first = days[0]!;
  const last = days.at(-1)!;
  const step = view === "day" ? 1 : 7;
  return {
    title:
      view === "day"
        ? dayLabel(first, "EEEE, MMMM d, yyyy")
        : `${dayLabel(first, "MMM d")} – ${dayLabel(last, first.month === last.month ? "d, yyyy" : "MMM d, yyyy")}`,
    previous: dateParam(addCalendarDays(first, -step)),
    next: dateParam(addCalendarDays(first, step)),
    days: days.map((d) => ({ ...d, key: dateParam(d), label: dayLabel(d, "EEE, MMM d") })),
  };
}
