// The pure core of availability: a stylist's weekly hours (inside the salon's), minus what keeps them
// busy (time off, other appointments), cut into start times for one service. No database, no clock:
// the loader (find-free-slots.ts) passes everything in, so tests can hand-compute every slot.
// Wall times become instants through lib/time/zoned.ts, so DST change days need no special case here.
// The salon's closures and holiday hours replace its weekly hours on their dates, bounding every stylist's.
import { dayMinutes, intervalsOnDate, type BusinessHours, type SpecialDaysInput } from "@/lib/salons/business-hours";
import { indexSpecialDays, NO_SPECIAL_DAYS } from "@/lib/salons/special-days";
import { addCalendarDays, calendarDaysBetween, getZonedParts, zonedWallTimeToInstant, type LocalDate } from "@/lib/time/zoned";

/** A half-open span of time [start, end) in epoch milliseconds. */
export type Span = { start: number; end: number };

export type StylistSchedule = {
  employeeId: string;
  workingHours: BusinessHours;
  /** Time off and live appointments, in any order; they may overlap one another. */
  busy: Array<{ startsAt: Date; endsAt: Date }>;
};

export type FreeSlot = { employeeId: string; startsAt: Date; endsAt: Date };

export type FreeSlotsInput = {
  timeZone: string;
  salonHours: BusinessHours;
  /** The owner's closures and holiday hours: a closed date has no slots. */
  salonSpecialDays?: SpecialDaysInput;
  stylists: StylistSchedule[];
  durationMinutes: number;
  from: Date;
  to: Date;
  /** Nothing starts before this: the past is never offered. */
  now: Date;
  /** Slots start on this grid (minutes past the hour in every zone that offsets by whole quarter hours). */
  stepMinutes?: number;
};

const DEFAULT_STEP_MINUTES = 15;
const MINUTE_MS = 60_000;

/** One day's periods of `hours` as instants, in order, adjacent ones merged (09–12 + 12–17 is 09–17). */
function daySpans(hours: BusinessHours, timeZone: string, date: LocalDate, specialDays: SpecialDaysInput = NO_SPECIAL_DAYS): Span[] {
  const spans: Span[] = [];
  for (const period of intervalsOnDate(hours, date, specialDays)) {
    const start = zonedWallTimeToInstant(timeZone, date, dayMinutes(period.open) ?? 0).getTime();
    const end = zonedWallTimeToInstant(timeZone, date, dayMinutes(period.close) ?? 0).getTime();
    // A period lying wholly in a spring-forward gap does not happen that day.
    if (start >= end) continue;
    const last = spans.at(-1);
    if (last && last.end >= start) last.end = Math.max(last.end, end);
    else spans.push({ start, end });
  }
  return spans;
}

/** The parts of two sorted, disjoint span lists that lie in both. */
function intersectSpans(a: Span[], b: Span[]): Span[] {
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** `free` (sorted, disjoint) with every busy span cut out. */
export function subtractSpans(free: Span[], busy: Span[]): Span[] {
  const cuts = [...busy].sort((x, y) => x.start - y.start);
  const out: Span[] = [];
  for (const span of free) {
    let start = span.start;
    for (const cut of cuts) {
      if (cut.end <= start) continue;
      if (cut.start >= span.end) break;
      if (cut.start > start) out.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
      if (start >= span.end) break;
    }
    if (start < span.end) out.push({ start, end: span.end });
  }
  return out;
}

/** Every local date the window [from, to) touches in `timeZone`. */
function datesIn(timeZone: string, from: Date, to: Date): LocalDate[] {
  const first = getZonedParts(from, timeZone);
  const last = getZonedParts(to.getTime() - 1, timeZone);
  const days = calendarDaysBetween(first, last);
  return Array.from({ length: days + 1 }, (_, i) => addCalendarDays(first, i));
}

/** When the stylist works within [from, to): their hours, kept inside the salon's opening hours. */
function workingSpans(opts: {
  timeZone: string;
  salonHours: BusinessHours;
  salonSpecialDays?: SpecialDaysInput;
  workingHours: BusinessHours;
  from: Date;
  to: Date;
}): Span[] {
  const { timeZone, salonHours, salonSpecialDays, workingHours, from, to } = opts;
  if (to <= from) return [];
  const spans = datesIn(timeZone, from, to).flatMap((date) =>
    intersectSpans(daySpans(workingHours, timeZone, date), daySpans(salonHours, timeZone, date, salonSpecialDays)),
  );
  // Days are read one by one: a shift running past midnight into the next day's is one span.
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && last.end >= span.start) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return intersectSpans(merged, [{ start: from.getTime(), end: to.getTime() }]);
}

/**
 * Start times for the service: on the step grid, no earlier than `now`, the whole service inside a
 * working span within [from, to), clear of time off and other appointments. Sorted by time, then by the stylists' order.
 */
export function computeFreeSlots(input: FreeSlotsInput): FreeSlot[] {
  const stepMs = (input.stepMinutes ?? DEFAULT_STEP_MINUTES) * MINUTE_MS;
  const durationMs = input.durationMinutes * MINUTE_MS;
  const from = new Date(Math.max(input.from.getTime(), input.now.getTime()));
  const salonSpecialDays = indexSpecialDays(input.salonSpecialDays);
  const slots: FreeSlot[] = [];
  for (const stylist of input.stylists) {
    const working = workingSpans({ ...input, salonSpecialDays, workingHours: stylist.workingHours, from, to: input.to });
    const busy = stylist.busy.map((b) => ({ start: b.startsAt.getTime(), end: b.endsAt.getTime() }));
    for (const span of subtractSpans(working, busy)) {
      for (let t = Math.ceil(span.start / stepMs) * stepMs; t + durationMs <= span.end; t += stepMs) {
        slots.push({ employeeId: stylist.employeeId, startsAt: new Date(t), endsAt: new Date(t + durationMs) });
      }
    }
  }
  const order = new Map(input.stylists.map((s, i) => [s.employeeId, i]));
  return slots.sort(
    (x, y) => x.startsAt.getTime() - y.startsAt.getTime() || order.get(x.employeeId)! - order.get(y.employeeId)!,
  );
}
