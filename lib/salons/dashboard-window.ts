// The dashboard's two windows on the salon's clock — today, and the last 7 days (rolling, from this
// time a week ago, DST-safe, so a Sunday still shows a week) — and the Calls page links that list
// exactly the calls each number counts, so a click never shows more (or fewer) than the card said.
import { TZDate } from "@date-fns/tz";
import { format, startOfDay, startOfMinute, subDays } from "date-fns";

export type DashboardWindow = {
  timeZone: string;
  /** Midnight today, salon time. */
  dayStart: Date;
  /** This minute seven days ago, salon time. */
  weekStart: Date;
};

export function dashboardWindow(now: Date, timeZone: string): DashboardWindow {
  const local = new TZDate(now.getTime(), timeZone);
  return {
    timeZone,
    dayStart: new Date(startOfDay(local).getTime()),
    // Whole minutes: the link writes the start to the second, so the list begins at the very instant the count does.
    weekStart: new Date(startOfMinute(subDays(local, 7)).getTime()),
  };
}

function callsHref(filters: Record<string, string>): string {
  return `/calls?${new URLSearchParams(filters).toString()}`;
}

/** "/calls?from=2026-11-29": today as a whole day on the salon's clock, which is how the Calls page reads a date. */
export function callsTodayHref({ dayStart, timeZone }: DashboardWindow): string {
  return callsHref({ from: format(new TZDate(dayStart.getTime(), timeZone), "yyyy-MM-dd") });
}

/** "/calls?outcome=MISSED&from=2026-11-22T11:18:00-08:00": the week's start as an instant in the salon's offset. */
export function missedCallsHref({ weekStart, timeZone }: DashboardWindow): string {
  const from = format(new TZDate(weekStart.getTime(), timeZone), "yyyy-MM-dd'T'HH:mm:ssxxx");
  return callsHref({ outcome: "MISSED", from });
}
