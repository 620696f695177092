import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDuration, formatMoney, formatRelative, formatTime } from "@/lib/format";

const INSTANT = new Date("2026-11-25T20:30:00Z"); // 3:30 PM in New York

describe("formatDateTime / formatDate / formatTime", () => {
  it.each([
    ["America/New_York", "medium", "Nov 25, 2026, 3:30 PM"],
    ["America/New_York", "short", "11/25/26, 3:30 PM"],
    ["America/New_York", "long", "Wednesday, November 25, 2026 at 3:30 PM"],
    ["America/Los_Angeles", "medium", "Nov 25, 2026, 12:30 PM"],
    ["Europe/London", "medium", "Nov 25, 2026, 8:30 PM"],
    ["Australia/Sydney", "medium", "Nov 26, 2026, 7:30 AM"],
  ] as const)("%s %s", (tz, style, expected) => {
    expect(formatDateTime(INSTANT, tz, style)).toBe(expected);
  });

  it("defaults to the medium style and takes ISO strings and timestamps", () => {
    expect(formatDateTime("2026-11-25T20:30:00Z", "America/New_York")).toBe("Nov 25, 2026, 3:30 PM");
    expect(formatDateTime(INSTANT.getTime(), "America/New_York")).toBe("Nov 25, 2026, 3:30 PM");
  });

  it.each([
    ["2026-03-08T06:59:00Z", "1:59 AM"], // last minute of EST
    ["2026-03-08T07:00:00Z", "3:00 AM"], // first minute of EDT
    ["2026-11-01T05:30:00Z", "1:30 AM"], // 01:30 EDT
    ["2026-11-01T06:30:00Z", "1:30 AM"], // 01:30 EST, an hour later
    ["2026-06-15T04:00:00Z", "12:00 AM"],
    ["2026-06-15T16:00:00Z", "12:00 PM"],
  ])("formatTime %s in New York → %s", (iso, expected) => {
    expect(formatTime(iso, "America/New_York")).toBe(expected);
  });

  it("drops :00 on request", () => {
    expect(formatTime("2026-06-15T23:00:00Z", "America/New_York", { omitZeroMinutes: true })).toBe("7 PM");
    expect(formatTime("2026-06-15T23:30:00Z", "America/New_York", { omitZeroMinutes: true })).toBe("7:30 PM");
  });

  it.each([
    ["2026-11-26T04:30:00Z", "America/New_York", "Nov 25, 2026"],
    ["2026-11-26T04:30:00Z", "UTC", "Nov 26, 2026"],
    ["2026-12-31T13:30:00Z", "Australia/Sydney", "Jan 1, 2027"],
  ])("formatDate %s in %s → %s (the salon's calendar day)", (iso, tz, expected) => {
    expect(formatDate(iso, tz)).toBe(expected);
  });

  it("formats short and long dates", () => {
    expect(formatDate(INSTANT, "America/New_York", "short")).toBe("11/25/26");
    expect(formatDate(INSTANT, "America/New_York", "long")).toBe("Wednesday, November 25, 2026");
  });

  it("renders missing or invalid instants as a dash, and refuses unknown zones", () => {
    for (const value of [null, undefined, "not a date", Number.NaN, new Date("x")]) {
      expect(formatDateTime(value, "UTC")).toBe("—");
      expect(formatDate(value, "UTC")).toBe("—");
      expect(formatTime(value, "UTC")).toBe("—");
    }
    expect(() => formatDateTime(INSTANT, "Atlantis/Capital")).toThrow(RangeError);
  });

  it("emits only ASCII (no ICU narrow spaces), so server and browser render the same text", () => {
    expect(formatDateTime(INSTANT, "America/New_York", "long")).toMatch(/^[\x20-\x7e]+$/);
    expect(formatTime(INSTANT, "America/New_York")).toMatch(/^[\x20-\x7e]+$/);
  });
});

describe("formatDuration", () => {
  it.each([
    [0, "0s"],
    [5, "5s"],
    [59, "59s"],
    [60, "1m 00s"],
    [125, "2m 05s"],
    [3599, "59m 59s"],
    [3600, "1h 00m 00s"],
    [3725, "1h 02m 05s"],
    [90061, "25h 01m 01s"],
    [4.6, "5s"],
    [-3, "0s"],
    [null, "—"],
    [undefined, "—"],
    [Number.NaN, "—"],
  ])("%s → %s", (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});

describe("formatMoney", () => {
  it.each([
    [0, "USD", "$0.00"],
    [1250, "USD", "$12.50"],
    [5, "USD", "$0.05"],
    [123456789, "USD", "$1,234,567.89"],
    [-1500, "USD", "-$15.00"],
    [1250, "EUR", "€12.50"],
    [1250, "gbp", "£12.50"],
    [1200, "JPY", "¥1,200"],
  ])("%s %s → %s", (cents, currency, expected) => {
    expect(formatMoney(cents, currency)).toBe(expected);
  });

  it("defaults to USD", () => {
    expect(formatMoney(4500)).toBe("$45.00");
  });
});

describe("formatRelative", () => {
  const now = new Date("2026-06-15T16:00:00Z"); // noon in New York
  const at = (secondsFromNow: number) => new Date(now.getTime() + secondsFromNow * 1000);
  it.each([
    [0, "just now"],
    [-30, "just now"],
    [-50, "1 minute ago"],
    [-5 * 60, "5 minutes ago"],
    [10 * 60, "in 10 minutes"],
    [-59 * 60, "59 minutes ago"],
    [-60 * 60, "1 hour ago"],
    [3 * 3600, "in 3 hours"],
    [-23 * 3600, "23 hours ago"],
    [-30 * 3600, "yesterday"],
    [30 * 3600, "tomorrow"],
    [-3 * 86400, "3 days ago"],
    [-8 * 86400, "last week"],
    [-15 * 86400, "2 weeks ago"],
    [-45 * 86400, "last month"],
    [-100 * 86400, "3 months ago"],
    [-400 * 86400, "last year"],
    [3 * 365 * 86400, "in 3 years"],
  ])("%s s → %s", (seconds, expected) => {
    expect(formatRelative(at(seconds), now)).toBe(expected);
  });

  it("counts days on the salon's calendar when given a zone", () => {
    // 01:00 on Wed in New York vs 23:00 on Mon: 26 hours, but two calendar days.
    const then = new Date("2026-06-17T05:00:00Z");
    const from = new Date("2026-06-16T03:00:00Z");
    expect(formatRelative(then, from)).toBe("tomorrow");
    expect(formatRelative(then, from, "America/New_York")).toBe("in 2 days");
    expect(formatRelative(from, then, "America/New_York")).toBe("2 days ago");
  });

  it("renders missing instants as a dash", () => {
    expect(formatRelative(null, now)).toBe("—");
  });
});
