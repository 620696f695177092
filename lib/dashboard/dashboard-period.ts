// The period the dashboard's charts cover, on the salon's clock: today (by hour), or today and the 6 or 29
// whole days before it (by day). Days are the salon's calendar days, so a DST day is 23 or 25 hours long;
// the bounds are read the way the Calls page reads its `from` date, so the links list what the figures count.
import { resolveDateRange } from "@/lib/calls/date-range";
import { addCalendarDays, getZonedParts, localDateKey as isoDate } from "@/lib/time/zoned";
import { hrefWith } from "@/lib/url-state";
import type { DashboardRange } from "@/lib/validations/dashboard";

export type DashboardPeriod = {
  range: DashboardRange;
  /** The salon's zone, whose calendar the period and its buckets are read on. */
  timeZone: string;
  /** One bar per hour of today, or per day. */
  bucket: "hour" | "day";
  /** Today on the salon's clock, "yyyy-MM-dd". */
  today: string;
  /** The period's first day, "yyyy-MM-dd" (today for "today"). */
  firstDay: string;
  /** Its first instant (the first day's midnight) and the next day's midnight after today. */
  from: Date;
  to: Date;
  /** The busiest-times grid needs a week to mean anything: from 6 days before today at least. */
  busiestFrom: Date;
  /** Each bucket's start as salon wall time, "yyyy-MM-ddTHH:mm", in order. */
  buckets: string[];
};

const DAYS: Record<DashboardRange, number> = { today: 1, "7d": 7, "30d": 30 };
const pad = (n: number) => String(n).padStart(2, "0");

export function dashboardPeriod(range: DashboardRange, now: Date, timeZone: string): DashboardPeriod {
  const todayParts = getZonedParts(now, timeZone);
  const today = isoDate(todayParts);
  const days = Array.from({ length: DAYS[range] }, (_, i) => isoDate(addCalendarDays(todayParts, i - DAYS[range] + 1)));
  const firstDay = days[0]!;
  const { gte: from, lt: to } = resolveDateRange({ from: firstDay, to: today }, timeZone);
  const weekStart = isoDate(addCalendarDays(todayParts, -6));
  const busiestFrom = resolveDateRange({ from: firstDay < weekStart ? firstDay : weekStart }, timeZone).gte!;
  const bucket = range === "today" ? "hour" : "day";
  const buckets =
    bucket === "hour" ? Array.from({ length: 24 }, (_, h) => `${today}T${pad(h)}:00`) : days.map((d) => `${d}T00:00`);
  return { range, timeZone, bucket, today, firstDay, from: from!, to: to!, busiestFrom, buckets };
}

/** "/calls?from=2026-11-23", or with an outcome: the Calls page showing the calls a figure counted. */
export function periodCallsHref(period: DashboardPeriod, outcome?: "MISSED" | "VOICEMAIL"): string {
  return hrefWith("/calls", new URLSearchParams(), { outcome, from: period.firstDay });
}
