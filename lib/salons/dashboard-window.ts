// The dashboard's two windows on the salon's clock — today, and the last 7 days (today and the six
// whole days before it, DST-safe, so a Sunday still shows a week) — and the Calls page links that list
// exactly the calls each number counts, so a click never shows more (or fewer) than the card said.
// Whole days, because that is how the Calls page's date filter reads (and shows) a date.
import { TZDate } from "@date-fns/tz";
import { format, startOfDay, subDays } from "date-fns";

export type DashboardWindow = {
  timeZone: string;
  /** Midnight today, salon time. */
  dayStart: Date;
  /** Midnight six days ago, salon time: with today, seven whole days. */
  weekStart: Date;
};

export function dashboardWindow(now: Date, timeZone: string): DashboardWindow {
  const local = new TZDate(now.getTime(), timeZone);
  return {
    timeZone,
    dayStart: new Date(startOfDay(local).getTime()),
    weekStart: new Date(startOfDay(subDays(local, 6)).getTime()),
  };
}

function callsHref(filters: Record<string, string>): string {
  return `/calls?${new URLSearchParams(filters).toString()}`;
}

const salonDate = (instant: Date, timeZone: string) =>
  format(new TZDate(instant.getTime(), timeZone), "yyyy-MM-dd");

/** "/calls?from=2026-11-29": today as a whole day on the salon's clock. */
export function callsTodayHref({ dayStart, timeZone }: DashboardWindow): string {
  return callsHref({ from: salonDate(dayStart, timeZone) });
}

/** "/calls?outcome=MISSED&from=2026-11-23": the week's first day. */
export function missedCallsHref({ weekStart, timeZone }: DashboardWindow): string {
  return callsHref({ outcome: "MISSED", from: salonDate(weekStart, timeZone) });
}
