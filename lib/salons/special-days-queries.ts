// Reading and saving the owner's closures and holiday hours. Settings and the API use the salon client
// (RLS); webhooks and jobs load them with the system client, once per request, from yesterday on (a
// salon has a handful a year, and the (salonId, date) index bounds the read).
import { ApiError, notFound } from "@/lib/api/errors";
import { db, salonDb } from "@/lib/db";
import { daySchema } from "@/lib/salons/business-hours";
import { salonTimeZoneOf } from "@/lib/salons/salon-time-zone";
import { type SpecialDay } from "@/lib/salons/special-days";
import { localDateKey } from "@/lib/time/zoned";
import { addCalendarDays, getZonedParts, type LocalDate } from "@/lib/time/zoned";
import type { SaveSpecialDayInput } from "@/lib/validations/special-days";

/** Far more than any salon sets; a bound on what one request reads. */
const MAX_SPECIAL_DAYS = 200;

export type SpecialDayRow = SpecialDay & { id: string };

const select = { id: true, date: true, periods: true, label: true } as const;

/** A DATE comes back as UTC midnight; its UTC calendar day is the stored date. */
const keyOf = (date: Date) => date.toISOString().slice(0, 10);
const dateOf = (key: string) => new Date(`${key}T00:00:00Z`);

// Periods saved through the schema always parse; a row edited by hand that doesn't reads as closed.
function toRow(row: { id: string; date: Date; periods: unknown; label: string | null }): SpecialDayRow {
  const periods = daySchema.safeParse(row.periods);
  return { id: row.id, date: keyOf(row.date), periods: periods.success ? periods.data : [], label: row.label };
}

function yesterdayIn(timeZone: string, now: Date): LocalDate {
  return addCalendarDays(getZonedParts(now, timeZone), -1);
}

/** The salon's special days from today on (its zone), soonest first: the settings list and GET. */
export async function listSpecialDays(salonId: string, now: Date): Promise<SpecialDayRow[]> {
  const timeZone = await salonTimeZoneOf(salonId);
  const rows = await salonDb(salonId).specialDay.findMany({
    where: { salonId, date: { gte: dateOf(localDateKey(getZonedParts(now, timeZone))) } },
    orderBy: { date: "asc" },
    select,
    take: MAX_SPECIAL_DAYS,
  });
  return rows.map(toRow);
}

/** For webhooks and jobs (system client): every special day from yesterday on, for the hours consumers. */
export async function loadSpecialDays(salonId: string, timeZone: string, now: Date): Promise<SpecialDay[]> {
  const rows = await db.specialDay.findMany({
    where: { salonId, date: { gte: dateOf(localDateKey(yesterdayIn(timeZone, now))) } },
    orderBy: { date: "asc" },
    select,
    take: MAX_SPECIAL_DAYS,
  });
  return rows.map(toRow);
}

/** Special days touching [from, to) for availability, through the caller's salon client. */
export async function specialDaysBetween(salonId: string, timeZone: string, from: Date, to: Date): Promise<SpecialDay[]> {
  const first = addCalendarDays(getZonedParts(from, timeZone), -1);
  const last = addCalendarDays(getZonedParts(to, timeZone), 1);
  const rows = await salonDb(salonId).specialDay.findMany({
    where: { salonId, date: { gte: dateOf(localDateKey(first)), lte: dateOf(localDateKey(last)) } },
    select,
    take: MAX_SPECIAL_DAYS,
  });
  return rows.map(toRow);
}

/** Adds the date's closure or holiday hours, or replaces what that date had: one entry per date. */
export async function saveSpecialDay(salonId: string, input: SaveSpecialDayInput, now: Date): Promise<SpecialDayRow> {
  const timeZone = await salonTimeZoneOf(salonId);
  const today = localDateKey(getZonedParts(now, timeZone));
  if (input.date < today) {
    throw new ApiError({ code: "date_in_past", status: 422, message: "Choose today or a later date.", details: { fields: { date: ["Choose today or a later date."] } } });
  }
  const data = { periods: input.periods, label: input.label };
  const row = await salonDb(salonId).specialDay.upsert({
    where: { salonId_date: { salonId, date: dateOf(input.date) } },
    create: { salonId, date: dateOf(input.date), ...data },
    update: data,
    select,
  });
  return toRow(row);
}

export async function deleteSpecialDay(salonId: string, id: string): Promise<void> {
  const { count } = await salonDb(salonId).specialDay.deleteMany({ where: { salonId, id } });
  if (count === 0) throw notFound("Special day");
}
