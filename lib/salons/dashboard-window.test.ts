// The dashboard's call cards link to the Calls page filtered to the window they count, so the list
// an owner lands on holds exactly the calls the number counted: not every missed call ever.
import { describe, expect, it } from "vitest";
import { parseCallsQuery } from "@/components/calls/calls-query";
import { resolveDateRange } from "@/lib/calls/date-range";
import { listCallLogsPage } from "@/lib/calls/queries";
import { callsTodayHref, dashboardWindow, missedCallsHref } from "@/lib/salons/dashboard-window";
import { getDashboardStats } from "@/lib/salons/queries";
import { createCallLog, createSalon } from "@/lib/testing/factories";

const TZ = "America/Los_Angeles";

/** A window date's first instant, as the dashboard counts from it and the Calls page reads `from`. */
const since = (day: string, timeZone = TZ) => resolveDateRange({ from: day }, timeZone).gte;

function linkParams(href: string) {
  const url = new URL(href, "http://bolt.test");
  expect(url.pathname).toBe("/calls");
  return Object.fromEntries(url.searchParams);
}

describe("dashboardWindow and its links", () => {
  it("counts today and the six whole days before it on the salon's clock, linked as a plain date", () => {
    // Sunday Nov 29, 11:18:27.5 AM in Los Angeles: the week is Monday Nov 23 through today.
    const window = dashboardWindow(new Date("2026-11-29T19:18:27.500Z"), TZ);
    expect(window).toEqual({ today: "2026-11-29", weekStart: "2026-11-23" });
    expect(since(window.today)).toEqual(new Date("2026-11-29T08:00:00Z"));
    expect(since(window.weekStart)).toEqual(new Date("2026-11-23T08:00:00Z"));
    expect(linkParams(missedCallsHref(window))).toEqual({ outcome: "MISSED", from: "2026-11-23" });
    expect(linkParams(callsTodayHref(window))).toEqual({ from: "2026-11-29" });
  });

  it("keeps the salon's midnights across a DST change and in a + offset zone", () => {
    // Sunday Mar 8 2026, 2 PM PDT: the week starts at midnight PST on Monday Mar 2.
    const spring = dashboardWindow(new Date("2026-03-08T21:00:00Z"), TZ);
    expect(since(spring.weekStart)).toEqual(new Date("2026-03-02T08:00:00Z"));
    expect(linkParams(missedCallsHref(spring)).from).toBe("2026-03-02");
    // 12:00 PM on Nov 29 in Kolkata (UTC+05:30): the week starts at midnight there on Nov 23.
    const kolkata = dashboardWindow(new Date("2026-11-29T06:30:00Z"), "Asia/Kolkata");
    expect(since(kolkata.weekStart, "Asia/Kolkata")).toEqual(new Date("2026-11-22T18:30:00Z"));
    expect(linkParams(missedCallsHref(kolkata)).from).toBe("2026-11-23");
  });
});

describe("the call cards' links list what the cards count", () => {
  it("Missed calls and Calls today match the Calls page the links open", async () => {
    const salon = await createSalon({ timeZone: TZ });
    const now = new Date("2026-11-29T19:18:27.500Z");
    const missed = (startedAt: string) => createCallLog(salon.id, { startedAt: new Date(startedAt), status: "NO_ANSWER" });
    await missed("2026-11-29T18:00:00Z"); // today
    await missed("2026-11-25T20:00:00Z"); // Wednesday
    await missed("2026-11-23T08:00:10Z"); // seconds after the week's first midnight (Monday)
    await missed("2026-11-23T07:59:59Z"); // a second before it (Sunday the 22nd)
    await missed("2026-11-10T20:00:00Z"); // weeks ago
    await createCallLog(salon.id, { startedAt: new Date("2026-11-29T17:00:00Z"), status: "COMPLETED", reason: "HOURS" });

    const stats = await getDashboardStats(salon.id, now);
    expect(stats).toMatchObject({ callsToday: 2, missedCalls7d: 3 });
    const list = async (href: string) => (await listCallLogsPage(salon.id, { ...parseCallsQuery(linkParams(href)).query, pageSize: 100 })).rows.length;
    expect(await list(missedCallsHref(stats.window))).toBe(stats.missedCalls7d);
    expect(await list(callsTodayHref(stats.window))).toBe(stats.callsToday);
  });
});
