// The dashboard's two windows on the salon's clock — today, and the last 7 days (today and the six
// whole days before it, so a Sunday still shows a week) — as the dates the Calls page's `from` filter
// takes. The dashboard counts from resolveDateRange's reading of those dates, as the Calls page does,
// and links there with them, so a click never shows more (or fewer) calls than the card said.
import { addCalendarDays, getZonedParts, type LocalDate } from "@/lib/time/zoned";
import { hrefWith } from "@/lib/url-state";

export type DashboardWindow = {
  /** Today on the salon's clock, "yyyy-MM-dd". */
  today: string;
  /** Six days before today: with today, seven whole days. */
  weekStart: string;
};

const pad = (n: number) => String(n).padStart(2, "0");
const isoDate = (date: LocalDate) => `${date.year}-${pad(date.month)}-${pad(date.day)}`;

export function dashboardWindow(now: Date, timeZone: string): DashboardWindow {
  const today = getZonedParts(now, timeZone);
  return { today: isoDate(today), weekStart: isoDate(addCalendarDays(today, -6)) };
}

/** "/calls?from=2026-11-29": today as a whole day on the salon's clock. */
export function callsTodayHref({ today }: DashboardWindow): string {
  return hrefWith("/calls", new URLSearchParams(), { from: today });
}

/** "/calls?outcome=MISSED&from=2026-11-23": the week's first day. */
export function missedCallsHref({ weekStart }: DashboardWindow): string {
  return hrefWith("/calls", new URLSearchParams(), { outcome: "MISSED", from: weekStart });
}
