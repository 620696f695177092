// A salon's weekly opening hours (Salon.businessHours) and the questions callers and texters ask:
// are you open, when do you open, what are your hours. Times are wall-clock "HH:mm" in the salon's
// IANA zone; every answer is computed there, so DST days need no special cases here.
import { z } from "zod";
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
// How far nextOpening looks: day 7 is the same weekday next week, so any weekly schedule is found.
const LOOKAHEAD_DAYS = 7;

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
const daySchema = z
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

function intervalsOn(hours: BusinessHours, weekday: number): OpenInterval[] {
  const key = DAY_KEYS[weekday];
  return key ? hours[key] : [];
}

export function isOpenAt(hours: BusinessHours, timeZone: string, instant: Instant): boolean {
  const now = getZonedParts(instant, timeZone);
  return intervalsOn(hours, now.weekday).some(
    (i) => minutesOf(i.open) <= now.minutesOfDay && now.minutesOfDay < minutesOf(i.close),
  );
}

type Period = { opensAt: Date; closesAt: Date; date: LocalDate };

/** The day's opening periods as instants; adjacent periods (09–12, 12–17) merge into one. */
function periodsOn(hours: BusinessHours, timeZone: string, date: LocalDate): Period[] {
  const periods: Period[] = [];
  for (const interval of intervalsOn(hours, weekdayOf(date))) {
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

/** The period open at `instant`, or else the next one to open within a week. */
function currentOrNextPeriod(hours: BusinessHours, timeZone: string, instant: Instant): Period | null {
  const now = getZonedParts(instant, timeZone);
  const nowMs = toTimestamp(instant);
  for (let offset = 0; offset <= LOOKAHEAD_DAYS; offset++) {
    const date = addCalendarDays(now, offset);
    const found = periodsOn(hours, timeZone, date).find((p) => p.closesAt.getTime() > nowMs);
    if (found) return found;
  }
  return null;
}

/** When the salon is next open: `instant` itself while open, else the next opening within 7 days, else null. */
export function nextOpening(hours: BusinessHours, timeZone: string, instant: Instant): Date | null {
  const period = currentOrNextPeriod(hours, timeZone, instant);
  if (!period) return null;
  const nowMs = toTimestamp(instant);
  return period.opensAt.getTime() <= nowMs ? new Date(nowMs) : period.opensAt;
}

/**
 * One sentence for callers and texts: "We're open today until 7 PM.", "We're closed now; we open
 * tomorrow at 9 AM.", "…we open at midnight tonight.", "…we open on Monday at 10 AM." (a week out:
 * "next Monday"), or "We're closed now."
 */
export function describeOpenStatus(hours: BusinessHours, timeZone: string, instant: Instant): string {
  const period = currentOrNextPeriod(hours, timeZone, instant);
  if (!period) return "We're closed now.";
  const nowMs = toTimestamp(instant);
  const spoken = (at: Date) => spokenTime(getZonedParts(at, timeZone).minutesOfDay);
  if (period.opensAt.getTime() <= nowMs) return `We're open today until ${spoken(period.closesAt)}.`;
  const days = calendarDaysBetween(getZonedParts(instant, timeZone), period.date);
  // Tomorrow's 00:00 is the end of today: "tomorrow at midnight" would send people a day late.
  if (days === 1 && getZonedParts(period.opensAt, timeZone).minutesOfDay === 0) return "We're closed now; we open at midnight tonight.";
  const dayName = DAY_NAMES[DAY_KEYS[weekdayOf(period.date)] ?? "sun"];
  const when =
    days === 0 ? "today" : days === 1 ? "tomorrow" : days === 7 ? `next ${dayName}` : `on ${dayName}`;
  return `We're closed now; we open ${when} at ${spoken(period.opensAt)}.`;
}

/** "19:30" → "7:30 PM", "09:00" → "9 AM", "00:00" and "24:00" → "midnight": minutes only when they matter. */
export function formatTimeOfDay(value: string): string {
  const minutes = dayMinutes(value);
  return minutes === null ? value : spokenTime(minutes);
}

/** Minutes since midnight as people say them (see formatTimeOfDay). */
function spokenTime(minutes: number): string {
  // "12 AM" is the time people get wrong; "midnight" is not.
  if (minutes % END_OF_DAY === 0) return "midnight";
  const h24 = Math.floor(minutes / 60);
  const m = minutes % 60;
  const h12 = h24 % 12 === 0 ? 12 : h24 % 12;
  return `${h12}${m ? `:${String(m).padStart(2, "0")}` : ""} ${h24 < 12 ? "AM" : "PM"}`;
}

function describeIntervals(intervals: OpenInterval[]): string {
  return intervals.map((i) => `${formatTimeOfDay(i.open)} to ${formatTimeOfDay(i.close)}`).join(" and ");
}

function describeDays(days: DayKey[]): string {
  const first = DAY_NAMES[days[0] ?? "mon"];
  const last = DAY_NAMES[days.at(-1) ?? "mon"];
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

/** "Monday", "Sunday and Monday", "Monday, Wednesday and Sunday": a list as people say it. */
function joinSpoken(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

/**
 * The week as the receptionist says it, closed days last: "Our hours are Tuesday to Saturday, 9 AM to 6 PM.
 * We're closed Sunday and Monday." A week with no opening at all is said as such ("We have no opening
 * hours set at the moment."), never read out as a table ("Closed every day").
 */
export function speakWeeklyHours(hours: BusinessHours): string {
  const groups = groupWeek(hours);
  const open = groups.filter((g) => g.intervals.length > 0);
  if (open.length === 0) return "We have no opening hours set at the moment.";
  const only = groups.length === 1 ? groups[0] : undefined;
  if (only) return `We're open every day, ${describeIntervals(only.intervals)}.`;
  const openText = joinSpoken(open.map((g) => `${describeDays(g.days)}, ${describeIntervals(g.intervals)}`));
  // Two closed days apart from a range are named one by one: "Monday, Tuesday and Thursday to Sunday".
  const closedDays = groups
    .filter((g) => g.intervals.length === 0)
    .flatMap((g) => (g.days.length === 2 ? g.days.map((d) => DAY_NAMES[d]) : [describeDays(g.days)]));
  const closedText = closedDays.length ? ` We're closed ${joinSpoken(closedDays)}.` : "";
  return `Our hours are ${openText}.${closedText}`;
}

