// The demo salon's clock: "two days ago at 6:40 PM" as an instant in the salon's zone (DST-safe, via
// lib/time/zoned), each day's opening hours, quiet hours, and believable moments for people's texts.
import { nextSendableTime } from "@/lib/messaging/quiet-hours";
import { DAY_KEYS, dayMinutes, type BusinessHours } from "@/lib/salons/business-hours";
import type { Rand } from "@/lib/dev/seed/demo-random";
import {
  addCalendarDays,
  calendarDaysBetween,
  getZonedParts,
  parseTimeOfDay,
  weekdayOf,
  zonedWallTimeToInstant,
  type LocalDate,
} from "@/lib/time/zoned";

export type DemoClock = {
  timeZone: string;
  now: Date;
  hours: BusinessHours;
  quietHours: { start: string; end: string };
};

/** When people text a salon: from breakfast to late evening, never in the small hours. */
const TEXTING_HOURS = { earliest: 8 * 60, latest: 21 * 60 + 45 };

/** The salon-local calendar date `days` from today (negative: in the past). */
function dayOf(clock: DemoClock, days: number): LocalDate {
  return addCalendarDays(getZonedParts(clock.now, clock.timeZone), days);
}

/** The instant the salon's clock reads `minute` minutes past midnight on day `days`. */
export function wallTime(clock: DemoClock, days: number, minute: number): Date {
  return zonedWallTimeToInstant(clock.timeZone, dayOf(clock, days), minute);
}

/** Day number (0 = today) of an instant on the salon's calendar. */
function dayNumberOf(clock: DemoClock, at: Date): number {
  return calendarDaysBetween(dayOf(clock, 0), getZonedParts(at, clock.timeZone));
}

/** First opening and last closing of day `days`, in minutes after midnight; null when closed. */
export function openHoursOn(clock: DemoClock, days: number): { open: number; close: number } | null {
  const intervals = clock.hours[DAY_KEYS[weekdayOf(dayOf(clock, days))] ?? "sun"];
  const first = intervals[0];
  const last = intervals.at(-1);
  if (!first || !last) return null;
  const close = dayMinutes(last.close);
  const open = parseTimeOfDay(first.open);
  return open === null || close === null ? null : { open, close };
}

/** The periods of `hours` (a stylist's week) on day `days`, in minutes after midnight, and that day's weekday (0 = Sunday). */
export function periodsOn(clock: DemoClock, hours: BusinessHours, days: number): { weekday: number; periods: Array<{ open: number; close: number }> } {
  const weekday = weekdayOf(dayOf(clock, days));
  const periods = (hours[DAY_KEYS[weekday] ?? "sun"] ?? []).flatMap((p) => {
    const open = parseTimeOfDay(p.open);
    const close = dayMinutes(p.close);
    return open === null || close === null ? [] : [{ open, close }];
  });
  return { weekday, periods };
}

/** When an automatic text queued at `at` goes out: at once, or when the salon's quiet hours end. */
export function sendableAt(clock: DemoClock, at: Date): Date {
  return nextSendableTime(at, { timeZone: clock.timeZone, ...clock.quietHours });
}

/**
 * A moment in [from, to] whose wall-clock time lies within `window` (minutes after midnight), or null
 * when there is none; `latest` picks from the last such stretch, for a text that should look recent.
 */
export function momentBetween(
  clock: DemoClock,
  rand: Rand,
  from: Date,
  to: Date,
  opts: { window?: { earliest: number; latest: number }; latest?: boolean } = {},
): Date | null {
  const { earliest, latest } = opts.window ?? TEXTING_HOURS;
  const stretches: Array<[number, number]> = [];
  for (let day = dayNumberOf(clock, from); day <= dayNumberOf(clock, to); day++) {
    const lo = Math.max(from.getTime(), wallTime(clock, day, earliest).getTime());
    const hi = Math.min(to.getTime(), wallTime(clock, day, latest).getTime());
    if (hi > lo) stretches.push([lo, hi]);
  }
  if (stretches.length === 0) return null;
  const [lo, hi] = opts.latest ? (stretches.at(-1) as [number, number]) : weighted(rand, stretches);
  return new Date(Math.floor((lo + rand() * (hi - lo)) / 1000) * 1000);
}

/** One stretch, the longer ones more likely, so moments spread evenly over the whole range. */
function weighted(rand: Rand, stretches: Array<[number, number]>): [number, number] {
  const total = stretches.reduce((sum, [lo, hi]) => sum + (hi - lo), 0);
  let roll = rand() * total;
  for (const stretch of stretches) {
    roll -= stretch[1] - stretch[0];
    if (roll <= 0) return stretch;
  }
  return stretches.at(-1) as [number, number];
}
