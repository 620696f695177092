// The call filters' date bounds: a calendar day means that whole day on the salon's clock (so
// "March 8" is 24, 23 or 25 hours long as the salon lived it); a full timestamp means that instant.
import { addCalendarDays, zonedWallTimeToInstant, type LocalDate } from "@/lib/time/zoned";

const DAY_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function localDate(value: string): LocalDate | null {
  const m = DAY_ONLY.exec(value);
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

export function needsTimeZone(range: { from?: string; to?: string }): boolean {
  return Boolean((range.from && localDate(range.from)) || (range.to && localDate(range.to)));
}

/** `{ gte, lt }` for Prisma: `to` as a day includes that whole day. */
export function resolveDateRange(range: { from?: string; to?: string }, timeZone: string): { gte?: Date; lt?: Date } {
  const bounds: { gte?: Date; lt?: Date } = {};
  if (range.from) {
    const day = localDate(range.from);
    bounds.gte = day ? zonedWallTimeToInstant(timeZone, day, 0) : new Date(range.from);
  }
  if (range.to) {
    const day = localDate(range.to);
    // An instant bound is inclusive, so "lt" goes one millisecond past it.
    bounds.lt = day ? zonedWallTimeToInstant(timeZone, addCalendarDays(day, 1), 0) : new Date(new Date(range.to).getTime() + 1);
  }
  return bounds;
}

/**
 * True when `to` ends before `from` starts, so the range holds nothing. Checked before the salon's time
 * zone is known: a day is compared with an instant's date as written in its own offset, which is the
 * day the caller meant.
 */
export function isDateRangeReversed(range: { from?: string; to?: string }): boolean {
  const { from, to } = range;
  if (!from || !to) return false;
  const fromDay = localDate(from);
  const toDay = localDate(to);
  if (!fromDay && !toDay) return new Date(from).getTime() > new Date(to).getTime();
  // Both are ISO strings starting with their date, so the first ten characters compare as days.
  return from.slice(0, 10) > to.slice(0, 10);
}
