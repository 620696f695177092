// Wall-clock math in a salon's IANA time zone. @date-fns/tz (TZDate) owns the offsets and DST rules;
// this file only adds calendar-date helpers and the "earliest instant at a wall time" search the
// hours and quiet-hours modules need. No node imports: client components use it too.
import { TZDate } from "@date-fns/tz";

/** A calendar date in some zone; month is 1–12. */
export type LocalDate = { year: number; month: number; day: number };

/** A calendar date as "yyyy-MM-dd" (URLs, keys, SQL dates). */
export function localDateKey(date: LocalDate): string {
  return `${date.year}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

export function parseLocalDateKey(key: string): LocalDate {
  const [year, month, day] = key.split("-").map(Number);
  return { year: year ?? 1970, month: month ?? 1, day: day ?? 1 };
}

/** An instant as a salon's clock shows it. weekday: 0 = Sunday … 6 = Saturday. */
export type ZonedParts = LocalDate & { hour: number; minute: number; weekday: number; minutesOfDay: number };

export type Instant = Date | number | string;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// Longer than any real DST gap (2h at most, historically), so the search below always brackets the jump.
const GAP_SEARCH_MS = 4 * 60 * MINUTE_MS;
// IANA names only ("America/New_York", "UTC", "Etc/GMT+5"): rejects offsets like "+02:00" that Intl may accept.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

const zoneCache = new Map<string, boolean>();

/** True for an IANA zone name this runtime knows, including "UTC" and legacy aliases. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== "string" || timeZone.length > 64 || !IANA_NAME.test(timeZone)) return false;
  const cached = zoneCache.get(timeZone);
  if (cached !== undefined) return cached;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    valid = true;
  } catch {
    // RangeError: the runtime's time-zone database doesn't know the name; that is the answer, not a failure.
    valid = false;
  }
  zoneCache.set(timeZone, valid);
  return valid;
}

/** Throws on an unknown zone: a bad zone is a configuration bug and must not silently become UTC or NaN. */
function assertTimeZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone: ${JSON.stringify(timeZone)}`);
}

export function toTimestamp(instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : typeof instant === "number" ? instant : Date.parse(instant);
  if (!Number.isFinite(ms)) throw new RangeError(`Invalid date: ${String(instant)}`);
  return ms;
}

/** The instant as a TZDate in `timeZone`; date-fns functions given it work in that zone. */
export function inZone(instant: Instant, timeZone: string): TZDate {
  assertTimeZone(timeZone);
  return new TZDate(toTimestamp(instant), timeZone);
}

export function getZonedParts(instant: Instant, timeZone: string): ZonedParts {
  const d = inZone(instant, timeZone);
  const hour = d.getHours();
  const minute = d.getMinutes();
  return {
    year: d.getFullYear(),
    month: d.getMonth() + 1,
    day: d.getDate(),
    hour,
    minute,
    weekday: d.getDay(),
    minutesOfDay: hour * 60 + minute,
  };
}

// Calendar arithmetic on dates alone: a UTC midnight stands for the date, so no offsets are involved.
function dateKey(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day);
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(dateKey(date) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Whole calendar days from `from` to `to` (tomorrow = 1), whatever the day lengths in between. */
export function calendarDaysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((dateKey(to) - dateKey(from)) / DAY_MS);
}

export function weekdayOf(date: LocalDate): number {
  return new Date(dateKey(date)).getUTCDay();
}

/** "HH:mm" (00:00–23:59) → minutes after midnight, or null. */
export function parseTimeOfDay(value: string): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(value);
  if (!match) return null;
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Compares an instant's local (date, time) with a target (date, minutes): <0 before, 0 equal, >0 after. */
function compareWallClock(instantMs: number, timeZone: string, date: LocalDate, minutesOfDay: number): number {
  const p = getZonedParts(instantMs, timeZone);
  return calendarDaysBetween(date, p) * 1440 + (p.minutesOfDay - minutesOfDay);
}

/**
 * The earliest instant whose wall clock in `timeZone` reads `minutesOfDay` or later on `date`.
 * Usually that is the wall time itself (the first of the two on a fall-back night); when the time
 * falls in a spring-forward gap (02:30 on a US change day) it is the moment the clocks jumped.
 */
export function zonedWallTimeToInstant(timeZone: string, date: LocalDate, minutesOfDay: number): Date {
  assertTimeZone(timeZone);
  const hour = Math.floor(minutesOfDay / 60);
  const candidate = new TZDate(date.year, date.month - 1, date.day, hour, minutesOfDay % 60, timeZone).getTime();
  if (compareWallClock(candidate, timeZone, date, minutesOfDay) === 0) {
    // TZDate picks one of two readings on a fall-back night; make sure we have the earlier one.
    for (const back of [30, 60, 120]) {
      const earlier = candidate - back * MINUTE_MS;
      if (compareWallClock(earlier, timeZone, date, minutesOfDay) === 0) return new Date(earlier);
    }
    return new Date(candidate);
  }
  // In a gap: binary-search the jump, minute by minute, between a time surely before it and the candidate.
  let lo = candidate - GAP_SEARCH_MS;
  let hi = candidate;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (compareWallClock(mid, timeZone, date, minutesOfDay) >= 0) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}
