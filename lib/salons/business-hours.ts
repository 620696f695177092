// A salon's weekly opening hours (Salon.businessHours) and the questions callers and texters ask:
// are you open, when do you open, what are your hours. Times are wall-clock "HH:mm" in the salon's
// IANA zone; every answer is computed there, so DST days need no special cases here. The owner's
// closures and holiday hours (special-days.ts) replace a date's weekly hours wherever they are passed.
import { z } from "zod";
import type { Language } from "@/lib/i18n/language";
import type { Channel } from "@/lib/receptionist/understanding";
import { atTime, clockTime, endSentence, joinList, timeWithArticle, WEEKDAY_NAMES } from "@/lib/salons/business-hours-wording";
import { indexSpecialDays, specialDayOn, type SpecialDay, type SpecialDayIndex } from "@/lib/salons/special-days";
import {
  addCalendarDays,
  calendarDaysBetween,
  getZonedParts,
  isValidTimeZone,
  parseTimeOfDay,
  toTimestamp,
  weekdayOf,
  zonedWallTimeToInstant,
  type Instant,
  type LocalDate,
} from "@/lib/time/zoned";

export const DAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export type DayKey = (typeof DAY_KEYS)[number];
export const DAY_NAMES: Record<DayKey, string> = {
  sun: "Sunday",
  mon: "Monday",
  tue: "Tuesday",
  wed: "Wednesday",
  thu: "Thursday",
  fri: "Friday",
  sat: "Saturday",
};
// Salons (and their customers) read a week Monday first.
const WEEK_ORDER: DayKey[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
// How far nextOpening looks: day 7 is the same weekday next week, so any weekly schedule is found;
// each special day in the way adds a day (a two-week closure is looked past), up to a year.
const LOOKAHEAD_DAYS = 7;
const MAX_LOOKAHEAD_DAYS = 366;

/** Closures and holiday hours, as rows or already indexed by date. */
export type SpecialDaysInput = readonly SpecialDay[] | SpecialDayIndex;

/**
 * What a new salon starts with (sign-up): Tuesday to Saturday 9 to 6, the commonest salon week, so the
 * receptionist has real hours to give from the first call; the owner confirms or edits them in Settings.
 */
export const DEFAULT_BUSINESS_HOURS: Record<DayKey, Array<{ open: string; close: string }>> = {
  mon: [],
  tue: [{ open: "09:00", close: "18:00" }],
  wed: [{ open: "09:00", close: "18:00" }],
  thu: [{ open: "09:00", close: "18:00" }],
  fri: [{ open: "09:00", close: "18:00" }],
  sat: [{ open: "09:00", close: "18:00" }],
  sun: [],
};

/** "09:00": 24-hour wall-clock time, 00:00–23:59. */
const timeOfDaySchema = z
  .string({ error: "Use a 24-hour time like 09:00." })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use a 24-hour time like 09:00.");

/** A closing time: "24:00" too, for a salon open until midnight (its 00:00 would sort before opening). */
const closingTimeSchema = z.union([z.literal("24:00"), timeOfDaySchema], { error: "Use a 24-hour time like 09:00." });

/**
 * Time inputs can't show "24:00": the editor shows midnight as 00:00, and a period closing at 00:00
 * means "until midnight", the end of that day (an opening time of 00:00 stays the day's start).
 */
export function closingTimeFromInput(value: string): string {
  return value === "00:00" ? "24:00" : value;
}

export function closingTimeForInput(value: string): string {
  return value === "24:00" ? "00:00" : value;
}

export const openIntervalSchema = z
  .object({ open: timeOfDaySchema, close: closingTimeSchema })
  .strict()
  .refine((i) => i.open < i.close, { message: "Opening time must be before closing time.", path: ["close"] });
export type OpenInterval = z.infer<typeof openIntervalSchema>;

// "HH:mm" strings compare correctly as text, so sorting and overlap checks need no parsing.
export const daySchema = z
  .array(openIntervalSchema)
  .max(6, "Use at most 6 opening periods a day.")
  .default([])
  .transform((intervals) => [...intervals].sort((a, b) => a.open.localeCompare(b.open)))
  .superRefine((intervals, ctx) => {
    for (let i = 1; i < intervals.length; i++) {
      const prev = intervals[i - 1];
      const cur = intervals[i];
      if (prev && cur && cur.open < prev.close) {
        ctx.addIssue({
          code: "custom",
          message: "Opening periods on the same day must not overlap.",
          path: [i, "open"],
        });
      }
    }
  });

/** `{ mon: [{ open: "09:00", close: "19:00" }], …, sun: [] }`; a missing or empty day is closed. */
export const businessHoursSchema = z
  .object({
    mon: daySchema,
    tue: daySchema,
    wed: daySchema,
    thu: daySchema,
    fri: daySchema,
    sat: daySchema,
    sun: daySchema,
  })
  .strict();
export type BusinessHours = z.output<typeof businessHoursSchema>;

/** An IANA zone the runtime knows ("America/Chicago", "UTC"); offsets like "+02:00" are not accepted. */
export const timeZoneSchema = z
  .string({ error: "Choose a time zone." })
  .trim()
  .max(64, "Choose a time zone from the list.")
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/, "Choose a time zone from the list.")
  .refine(isValidTimeZone, "Choose a time zone from the list.");

/** Reads Salon.businessHours (Json) into hours, or null when the stored value doesn't validate. */
export function parseBusinessHours(value: unknown): BusinessHours | null {
  const parsed = businessHoursSchema.safeParse(value ?? {});
  return parsed.success ? parsed.data : null;
}

const END_OF_DAY = 24 * 60;

/** Minutes since the day began, "24:00" being its end; null when `value` is not a time. */
export function dayMinutes(value: string): number | null {
  return value === "24:00" ? END_OF_DAY : parseTimeOfDay(value);
}

// Only called on validated hours, so a bad time here is a bug, not input to tolerate.
function minutesOf(value: string): number {
  const minutes = dayMinutes(value);
  if (minutes === null) throw new RangeError(`Invalid time of day: ${JSON.stringify(value)}`);
  return minutes;
}

/** A date's opening periods: its special day's if the owner set one, else its weekday's. */
export function intervalsOnDate(hours: BusinessHours, date: LocalDate, specialDays?: SpecialDaysInput): OpenInterval[] {
  const special = specialDayOn(indexSpecialDays(specialDays), date);
  if (special) return special.periods;
  const key = DAY_KEYS[weekdayOf(date)];
  return key ? hours[key] : [];
}

export function isOpenAt(hours: BusinessHours, timeZone: string, instant: Instant, specialDays?: SpecialDaysInput): boolean {
  const now = getZonedParts(instant, timeZone);
  return intervalsOnDate(hours, now, specialDays).some(
    (i) => minutesOf(i.open) <= now.minutesOfDay && now.minutesOfDay < minutesOf(i.close),
  );
}

/** Hours with at least one opening period; a salon that never filled them in (or closed every day) has none. */
export function configuredBusinessHours(value: unknown): BusinessHours | null {
  const hours = parseBusinessHours(value);
  return hours && Object.values(hours).some((day) => day.length > 0) ? hours : null;
}

export type Period = { opensAt: Date; closesAt: Date; date: LocalDate };

/** The day's opening periods as instants (special days honoured); adjacent periods (09–12, 12–17) merge into one. */
export function periodsOn(hours: BusinessHours, timeZone: string, date: LocalDate, specials?: SpecialDaysInput): Period[] {
  const periods: Period[] = [];
  for (const interval of intervalsOnDate(hours, date, specials)) {
    const opensAt = zonedWallTimeToInstant(timeZone, date, minutesOf(interval.open));
    const closesAt = zonedWallTimeToInstant(timeZone, date, minutesOf(interval.close));
    // A period that lies wholly inside a spring-forward gap never happens that day.
    if (opensAt >= closesAt) continue;
    const last = periods.at(-1);
    if (last && last.closesAt.getTime() === opensAt.getTime()) last.closesAt = closesAt;
    else periods.push({ opensAt, closesAt, date });
  }
  return periods;
}

/** The period open at `instant`, or else the next one to open within a week (plus the special days on the way). */
function currentOrNextPeriod(hours: BusinessHours, timeZone: string, instant: Instant, specialDays?: SpecialDaysInput): Period | null {
  const now = getZonedParts(instant, timeZone);
  const nowMs = toTimestamp(instant);
  const specials = indexSpecialDays(specialDays);
  const lookahead = Math.min(LOOKAHEAD_DAYS + specials.size, MAX_LOOKAHEAD_DAYS);
  for (let offset = 0; offset <= lookahead; offset++) {
    const date = addCalendarDays(now, offset);
    const found = periodsOn(hours, timeZone, date, specials).find((p) => p.closesAt.getTime() > nowMs);
    if (found) return found;
  }
  return null;
}

/** When the salon is next open: `instant` itself while open, else the next opening within 7 days, else null. */
export function nextOpening(hours: BusinessHours, timeZone: string, instant: Instant, specialDays?: SpecialDaysInput): Date | null {
  const period = currentOrNextPeriod(hours, timeZone, instant, specialDays);
  if (!period) return null;
  const nowMs = toTimestamp(instant);
  return period.opensAt.getTime() <= nowMs ? new Date(nowMs) : period.opensAt;
}

export type HoursWording = { specialDays?: SpecialDaysInput; language?: Language; channel?: Channel };

/** "today", "tomorrow", "on Monday", "next Monday", "on Monday, January 5"; "hoy", "mañana", "el lunes", … */
function whenOpening(days: number, date: LocalDate, language: Language): string {
  const weekday = WEEKDAY_NAMES[language][weekdayOf(date)] ?? "";
  if (language === "es") {
    if (days <= 1) return days === 0 ? "hoy" : "mañana";
    return days < 7 ? `el ${weekday}` : days === 7 ? `el próximo ${weekday}` : `el ${weekday} ${date.day}`;
  }
  if (days <= 1) return days === 0 ? "today" : "tomorrow";
  return days < 7 ? `on ${weekday}` : days === 7 ? `next ${weekday}` : `on ${weekday} the ${ordinal(date.day)}`;
}

function ordinal(day: number): string {
  const tens = day % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[day % 10] ?? "th";
  return `${day}${suffix}`;
}

/**
 * One sentence for callers and texts: "We're open today until 7 PM.", "We're closed now; we open
 * tomorrow at 9 AM.", "…we open at midnight tonight.", "…we open on Monday at 10 AM." (a week out:
 * "next Monday"), or "We're closed now." A closure today says why: "We're closed today for Christmas Day; …".
 * In Spanish with `language: "es"` ("Hoy estamos abiertos hasta las 7 p. m.").
 */
export function describeOpenStatus(hours: BusinessHours, timeZone: string, instant: Instant, wording: HoursWording = {}): string {
  return endSentence(openStatusSentence(hours, timeZone, instant, wording));
}

function openStatusSentence(hours: BusinessHours, timeZone: string, instant: Instant, wording: HoursWording): string {
  const { language = "en", channel = "speech" } = wording;
  const specials = indexSpecialDays(wording.specialDays);
  const es = language === "es";
  const period = currentOrNextPeriod(hours, timeZone, instant, specials);
  if (!period) return es ? "Ahora estamos cerrados." : "We're closed now.";
  const nowMs = toTimestamp(instant);
  const today = getZonedParts(instant, timeZone);
  const minutesOf = (at: Date) => getZonedParts(at, timeZone).minutesOfDay;
  if (period.opensAt.getTime() <= nowMs) {
    const until = period.closesAt;
    return es ? `Hoy estamos abiertos hasta ${timeWithArticle(minutesOf(until), "es", channel)}.` : `We're open today until ${clockTime(minutesOf(until))}.`;
  }
  const closure = specialDayOn(specials, today);
  const closedNow =
    closure?.label && closure.periods.length === 0
      ? es ? `Hoy cerramos por ${closure.label}` : `We're closed today for ${closure.label}`
      : es ? "Ahora estamos cerrados" : "We're closed now";
  const days = calendarDaysBetween(today, period.date);
  // Tomorrow's 00:00 is the end of today: "tomorrow at midnight" would send people a day late.
  if (days === 1 && minutesOf(period.opensAt) === 0) return es ? `${closedNow}; abrimos esta noche a la medianoche.` : `${closedNow}; we open at midnight tonight.`;
  const at = atTime(minutesOf(period.opensAt), language, channel);
  return `${closedNow}; ${es ? "abrimos" : "we open"} ${whenOpening(days, period.date, language)} ${at}.`;
}

/** "19:30" → "7:30 PM", "09:00" → "9 AM", "00:00" and "24:00" → "midnight": minutes only when they matter. */
export function formatTimeOfDay(value: string): string {
  const minutes = dayMinutes(value);
  return minutes === null ? value : clockTime(minutes);
}

function describeIntervals(intervals: OpenInterval[], language: Language, channel: Channel): string {
  const say = (value: string) => clockTime(minutesOf(value), language, channel);
  return intervals.map((i) => (language === "es" ? `de ${say(i.open)} a ${say(i.close)}` : `${say(i.open)} to ${say(i.close)}`)).join(language === "es" ? " y " : " and ");
}

function describeDays(days: DayKey[], language: Language): string {
  const name = (day: DayKey | undefined) => WEEKDAY_NAMES[language][DAY_KEYS.indexOf(day ?? "mon")] ?? "";
  const first = name(days[0]);
  const last = name(days.at(-1));
  if (language === "es") {
    if (days.length === 1) return `el ${first}`;
    return days.length === 2 ? `el ${first} y el ${last}` : `de ${first} a ${last}`;
  }
  if (days.length === 1) return first;
  return days.length === 2 ? `${first} and ${last}` : `${first} to ${last}`;
}

/** Consecutive days (Monday first) with equal hours, as groups: the shared step of both week descriptions. */
function groupWeek(hours: BusinessHours): Array<{ days: DayKey[]; intervals: OpenInterval[] }> {
  const groups: Array<{ days: DayKey[]; intervals: OpenInterval[]; key: string }> = [];
  for (const day of WEEK_ORDER) {
    const key = JSON.stringify(hours[day]);
    const last = groups.at(-1);
    if (last && last.key === key) last.days.push(day);
    else groups.push({ days: [day], intervals: hours[day], key });
  }
  return groups;
}

/**
 * The week as the receptionist says it, closed days last: "Our hours are Tuesday to Saturday, 9 AM to 6 PM.
 * We're closed Sunday and Monday." A week with no opening at all is said as such ("We have no opening
 * hours set at the moment."), never read out as a table ("Closed every day"). Spanish: "Abrimos de martes
 * a sábado, de 9 a. m. a 6 p. m. Cerramos el lunes y el domingo."
 */
export function speakWeeklyHours(hours: BusinessHours, language: Language = "en", channel: Channel = "text"): string {
  const es = language === "es";
  const groups = groupWeek(hours);
  const open = groups.filter((g) => g.intervals.length > 0);
  if (open.length === 0) return es ? "Por ahora no tenemos horario de apertura." : "We have no opening hours set at the moment.";
  const only = groups.length === 1 ? groups[0] : undefined;
  if (only) return es ? endSentence(`Abrimos todos los días, ${describeIntervals(only.intervals, language, channel)}.`) : `We're open every day, ${describeIntervals(only.intervals, language, channel)}.`;
  const openText = joinList(open.map((g) => `${describeDays(g.days, language)}, ${describeIntervals(g.intervals, language, channel)}`), language);
  // Two closed days apart from a range are named one by one: "Monday, Tuesday and Thursday to Sunday".
  const closedDays = groups
    .filter((g) => g.intervals.length === 0)
    .flatMap((g) => (g.days.length === 2 ? g.days.map((d) => describeDays([d], language)) : [describeDays(g.days, language)]));
  if (es) return endSentence(`Abrimos ${openText}.${closedDays.length ? ` Cerramos ${joinList(closedDays, language)}.` : ""}`);
  return `Our hours are ${openText}.${closedDays.length ? ` We're closed ${joinList(closedDays, language)}.` : ""}`;
}
