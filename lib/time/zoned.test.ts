import { describe, expect, it } from "vitest";
import { datePresetRange } from "@/lib/time/date-presets";
import {
  addCalendarDays,
  calendarDaysBetween,
  getZonedParts,
  isValidTimeZone,
  parseTimeOfDay,
  weekdayOf,
  zonedWallTimeToInstant,
} from "@/lib/time/zoned";

describe("isValidTimeZone", () => {
  it.each([
    ["America/New_York", true],
    ["Europe/London", true],
    ["Australia/Sydney", true],
    ["America/Argentina/Buenos_Aires", true],
    ["America/Port-au-Prince", true],
    ["UTC", true],
    ["Etc/GMT+5", true],
    ["Asia/Calcutta", true], // legacy alias still resolves
    ["Mars/Olympus_Mons", false],
    ["America/NewYork", false],
    ["+02:00", false],
    ["-0500", false],
    ["", false],
    [" America/New_York", false],
    ["x".repeat(65), false],
    [null, false],
    [42, false],
  ])("%j → %s", (tz, expected) => {
    expect(isValidTimeZone(tz)).toBe(expected);
  });
});

describe("getZonedParts", () => {
  it.each([
    ["2026-03-08T06:59:00Z", "America/New_York", { year: 2026, month: 3, day: 8, hour: 1, minute: 59, weekday: 0 }],
    ["2026-03-08T07:00:00Z", "America/New_York", { year: 2026, month: 3, day: 8, hour: 3, minute: 0, weekday: 0 }],
    ["2026-11-01T05:30:00Z", "America/New_York", { year: 2026, month: 11, day: 1, hour: 1, minute: 30, weekday: 0 }],
    ["2026-11-01T06:30:00Z", "America/New_York", { year: 2026, month: 11, day: 1, hour: 1, minute: 30, weekday: 0 }],
    ["2026-12-31T23:30:00Z", "Australia/Sydney", { year: 2027, month: 1, day: 1, hour: 10, minute: 30, weekday: 5 }],
    ["2026-01-01T03:00:00Z", "America/Los_Angeles", { year: 2025, month: 12, day: 31, hour: 19, minute: 0, weekday: 3 }],
  ])("%s in %s", (iso, tz, expected) => {
    expect(getZonedParts(iso, tz)).toMatchObject(expected);
  });

  it("rejects unknown zones and invalid dates instead of answering in UTC", () => {
    expect(() => getZonedParts(new Date(), "Not/AZone")).toThrow(RangeError);
    expect(() => getZonedParts("not a date", "UTC")).toThrow(RangeError);
    expect(() => getZonedParts(Number.NaN, "UTC")).toThrow(RangeError);
  });
});

describe("zonedWallTimeToInstant", () => {
  it.each([
    // New York: spring forward 2026-03-08 02:00 EST → 03:00 EDT, fall back 2026-11-01 02:00 EDT → 01:00 EST.
    ["America/New_York", "2026-03-08", "08:00", "2026-03-08T12:00:00.000Z"],
    ["America/New_York", "2026-03-08", "01:59", "2026-03-08T06:59:00.000Z"],
    ["America/New_York", "2026-03-08", "02:00", "2026-03-08T07:00:00.000Z"], // gap → the jump
    ["America/New_York", "2026-03-08", "02:30", "2026-03-08T07:00:00.000Z"], // gap → the jump
    ["America/New_York", "2026-03-08", "03:00", "2026-03-08T07:00:00.000Z"],
    ["America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00.000Z"], // first (EDT) of two
    ["America/New_York", "2026-11-01", "08:00", "2026-11-01T13:00:00.000Z"],
    // London: 2026-03-29 01:00 GMT → 02:00 BST; 2026-10-25 02:00 BST → 01:00 GMT.
    ["Europe/London", "2026-03-29", "01:30", "2026-03-29T01:00:00.000Z"],
    ["Europe/London", "2026-03-29", "09:00", "2026-03-29T08:00:00.000Z"],
    ["Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30:00.000Z"],
    ["Europe/London", "2026-10-25", "09:00", "2026-10-25T09:00:00.000Z"],
    // Sydney: 2026-04-05 03:00 AEDT → 02:00 AEST; 2026-10-04 02:00 AEST → 03:00 AEDT.
    ["Australia/Sydney", "2026-04-05", "02:30", "2026-04-04T15:30:00.000Z"],
    ["Australia/Sydney", "2026-04-05", "09:00", "2026-04-04T23:00:00.000Z"],
    ["Australia/Sydney", "2026-10-04", "02:30", "2026-10-03T16:00:00.000Z"],
    ["Australia/Sydney", "2026-10-04", "09:00", "2026-10-03T22:00:00.000Z"],
    // Lord Howe moves its clocks by half an hour: 02:00 +10:30 → 02:30 +11.
    ["Australia/Lord_Howe", "2026-10-04", "02:15", "2026-10-03T15:30:00.000Z"],
    ["UTC", "2026-02-28", "23:59", "2026-02-28T23:59:00.000Z"],
  ])("%s %s %s → %s", (tz, date, time, expected) => {
    const [year, month, day] = date.split("-").map(Number) as [number, number, number];
    expect(zonedWallTimeToInstant(tz, { year, month, day }, parseTimeOfDay(time)!).toISOString()).toBe(expected);
  });
});

describe("calendar arithmetic", () => {
  it.each([
    [{ year: 2026, month: 1, day: 31 }, 1, { year: 2026, month: 2, day: 1 }],
    [{ year: 2028, month: 2, day: 28 }, 1, { year: 2028, month: 2, day: 29 }],
    [{ year: 2026, month: 12, day: 31 }, 1, { year: 2027, month: 1, day: 1 }],
    [{ year: 2026, month: 3, day: 1 }, -1, { year: 2026, month: 2, day: 28 }],
    [{ year: 2026, month: 3, day: 7 }, 7, { year: 2026, month: 3, day: 14 }],
  ])("%j + %i days", (date, days, expected) => {
    expect(addCalendarDays(date, days)).toEqual(expected);
    expect(calendarDaysBetween(date, expected)).toBe(days);
  });

  it("knows weekdays", () => {
    expect(weekdayOf({ year: 2026, month: 3, day: 8 })).toBe(0);
    expect(weekdayOf({ year: 2026, month: 12, day: 4 })).toBe(5);
  });
});

describe("parseTimeOfDay", () => {
  it.each([
    ["00:00", 0],
    ["09:05", 545],
    ["23:59", 1439],
    ["24:00", null],
    ["9:00", null],
    ["09:60", null],
    ["0900", null],
    ["", null],
  ])("%j → %s", (value, expected) => {
    expect(parseTimeOfDay(value)).toBe(expected);
  });
});

describe("datePresetRange", () => {
  it("counts Today, Yesterday and 7 days on the salon's calendar, across a month end", () => {
    // 11:30 PM Nov 30 in Los Angeles is already Dec 1 in UTC (and in Kiritimati, Dec 1 too).
    const now = new Date("2026-12-01T07:30:00Z");
    const tz = "America/Los_Angeles";
    expect(datePresetRange("today", now, tz)).toEqual({ from: "2026-11-30", to: "2026-11-30" });
    expect(datePresetRange("yesterday", now, tz)).toEqual({ from: "2026-11-29", to: "2026-11-29" });
    expect(datePresetRange("7d", now, tz)).toEqual({ from: "2026-11-24", to: "2026-11-30" });
    expect(datePresetRange("today", now, "Pacific/Kiritimati")).toEqual({ from: "2026-12-01", to: "2026-12-01" });
  });
});
