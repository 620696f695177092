// The owner's closures and holiday hours: one local date each, closed all day (no periods) or open in
// periods of its own, with an optional label ("Christmas Day"). A special day replaces that date's
// weekly hours for every hours consumer (answers, transfers, the auto-reply, availability).
// Pure: the rows are loaded once per request (special-days-queries.ts) and passed in.
import type { OpenInterval } from "@/lib/salons/business-hours";
import { localDateKey, type LocalDate } from "@/lib/time/zoned";

export type SpecialDay = {
  /** The salon's local date, "YYYY-MM-DD". */
  date: string;
  /** Empty: closed all day. */
  periods: OpenInterval[];
  label: string | null;
};

/** Special days by their "YYYY-MM-DD" date, for lookups while walking the calendar. */
export type SpecialDayIndex = ReadonlyMap<string, SpecialDay>;

export const NO_SPECIAL_DAYS: SpecialDayIndex = new Map();

/** "2026-12-24": how a local date is keyed (and stored as a DATE). */
export function indexSpecialDays(days: readonly SpecialDay[] | SpecialDayIndex | undefined): SpecialDayIndex {
  if (!days) return NO_SPECIAL_DAYS;
  if (days instanceof Map) return days;
  return new Map((days as readonly SpecialDay[]).map((d) => [d.date, d]));
}

export function specialDayOn(index: SpecialDayIndex, date: LocalDate): SpecialDay | undefined {
  return index.size ? index.get(localDateKey(date)) : undefined;
}
