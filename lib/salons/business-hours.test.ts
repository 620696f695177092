import { describe, expect, it } from "vitest";
import {
  businessHoursSchema,
  closingTimeForInput,
  closingTimeFromInput,
  describeOpenStatus,
  DEFAULT_BUSINESS_HOURS,
  formatTimeOfDay,
  isOpenAt,
  nextOpening,
  parseBusinessHours,
  speakWeeklyHours,
  timeZoneSchema,
  type BusinessHours,
} from "@/lib/salons/business-hours";

const NY = "America/New_York";
const week = (partial: Record<string, Array<{ open: string; close: string }>>): BusinessHours => businessHoursSchema.parse(partial);
const nine = (close: string) => [{ open: "09:00", close }];

// 2026-03-08 (spring forward) and 2026-11-01 (fall back) are Sundays.
const STANDARD = week({ mon: nine("19:00"), tue: nine("19:00"), wed: nine("19:00"), thu: nine("19:00"), fri: nine("19:00"), sat: nine("17:00") });

describe("businessHoursSchema", () => {
  it("treats missing days as closed (the column's default is {})", () => {
    expect(businessHoursSchema.parse({})).toEqual({ mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });
  });

  it("sorts periods and allows touching ones", () => {
    const hours = week({ mon: [{ open: "13:00", close: "17:00" }, { open: "09:00", close: "13:00" }] });
    expect(hours.mon).toEqual([{ open: "09:00", close: "13:00" }, { open: "13:00", close: "17:00" }]);
  });

  it("accepts 24:00 as a closing time: open until midnight", () => {
    const late = week({ fri: [{ open: "18:00", close: "24:00" }, { open: "10:00", close: "14:00" }] });
    expect(late.fri).toEqual([{ open: "10:00", close: "14:00" }, { open: "18:00", close: "24:00" }]);
    expect(isOpenAt(late, "UTC", new Date("2026-03-13T23:59:00Z"))).toBe(true);
    expect(isOpenAt(late, "UTC", new Date("2026-03-14T00:00:00Z"))).toBe(false);
    expect(speakWeeklyHours(late)).toBe("Our hours are Friday, 10 AM to 2 PM and 6 PM to midnight. We're closed Monday to Thursday, Saturday and Sunday.");
  });

  it.each([
    ["a non-padded time", { mon: [{ open: "9:00", close: "17:00" }] }, "Use a 24-hour time like 09:00."],
    ["24:00 as an opening time", { mon: [{ open: "24:00", close: "24:00" }] }, "Use a 24-hour time like 09:00."],
    ["24:30", { mon: [{ open: "09:00", close: "24:30" }] }, "Use a 24-hour time like 09:00."],
    ["minute 60", { mon: [{ open: "09:60", close: "17:00" }] }, "Use a 24-hour time like 09:00."],
    ["12-hour time", { mon: [{ open: "9am", close: "5pm" }] }, "Use a 24-hour time like 09:00."],
    ["open == close", { mon: [{ open: "09:00", close: "09:00" }] }, "Opening time must be before closing time."],
    ["open after close (overnight)", { fri: [{ open: "20:00", close: "02:00" }] }, "Opening time must be before closing time."],
    ["overlap", { sat: [{ open: "09:00", close: "13:00" }, { open: "12:30", close: "17:00" }] }, "Opening periods on the same day must not overlap."],
    ["nested", { sat: [{ open: "09:00", close: "17:00" }, { open: "10:00", close: "11:00" }] }, "Opening periods on the same day must not overlap."],
  ])("rejects %s", (_label, input, message) => {
    const result = businessHoursSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toContain(message);
  });

  it.each([
    ["an unknown day", { monday: [] }],
    ["a day that isn't a list", { mon: { open: "09:00", close: "17:00" } }],
    ["extra interval fields", { mon: [{ open: "09:00", close: "17:00", note: "x" }] }],
    ["a missing close", { mon: [{ open: "09:00" }] }],
    ["not an object", "mon 9-5"],
  ])("rejects %s", (_label, input) => {
    expect(businessHoursSchema.safeParse(input).success).toBe(false);
  });

  it("points at the offending field", () => {
    const result = businessHoursSchema.safeParse({ tue: [{ open: "09:00", close: "08:00" }] });
    expect(result.error?.issues[0]?.path).toEqual(["tue", 0, "close"]);
  });
});

describe("closing times in a time input", () => {
  it("shows midnight as 00:00 and reads a closing 00:00 back as 24:00; other times pass through", () => {
    expect(closingTimeForInput("24:00")).toBe("00:00");
    expect(closingTimeFromInput("00:00")).toBe("24:00");
    expect(closingTimeFromInput(closingTimeForInput("24:00"))).toBe("24:00");
    expect(closingTimeForInput("19:00")).toBe("19:00");
    expect(closingTimeFromInput("19:00")).toBe("19:00");
  });
});

describe("parseBusinessHours", () => {
  it("reads stored JSON, treats null as no hours and refuses bad data", () => {
    expect(parseBusinessHours({ sun: nine("12:00") })?.sun).toEqual(nine("12:00"));
    expect(parseBusinessHours(null)?.mon).toEqual([]);
    expect(parseBusinessHours({ mon: "9-5" })).toBeNull();
  });
});

describe("timeZoneSchema", () => {
  it.each([
    ["America/New_York", true],
    ["  Europe/London ", true],
    ["UTC", true],
    ["America/Nowhere", false],
    ["+05:00", false],
    ["", false],
  ])("%j → %s", (tz, ok) => {
    expect(timeZoneSchema.safeParse(tz).success).toBe(ok);
  });
});

describe("isOpenAt", () => {
  it.each([
    ["2026-03-09T12:59:00Z", false], // Mon 08:59 EDT
    ["2026-03-09T13:00:00Z", true], // Mon 09:00 EDT
    ["2026-03-09T22:59:00Z", true], // Mon 18:59 EDT
    ["2026-03-09T23:00:00Z", false], // Mon 19:00 EDT: closing time is exclusive
    ["2026-03-07T21:59:00Z", true], // Sat 16:59 EST
    ["2026-03-07T22:00:00Z", false], // Sat 17:00 EST
    ["2026-03-08T17:00:00Z", false], // Sunday
    ["2026-11-02T14:00:00Z", true], // Mon 09:00 EST
    ["2026-11-02T13:30:00Z", false], // Mon 08:30 EST (would be 09:30 in summer)
  ])("New York %s → %s", (iso, open) => {
    expect(isOpenAt(STANDARD, NY, new Date(iso))).toBe(open);
  });

  it("uses the salon's zone, not the server's", () => {
    const instant = new Date("2026-07-01T15:00:00Z"); // Wed: 11:00 NY, 16:00 London, 01:00 Thu Sydney
    expect(isOpenAt(STANDARD, NY, instant)).toBe(true);
    expect(isOpenAt(STANDARD, "Europe/London", instant)).toBe(true);
    expect(isOpenAt(STANDARD, "Australia/Sydney", instant)).toBe(false);
  });

  it("throws on an unknown zone", () => {
    expect(() => isOpenAt(STANDARD, "Nope/Nope", new Date())).toThrow(RangeError);
  });
});

describe("nextOpening", () => {
  it.each([
    ["2026-03-09T14:00:00Z", NY, "2026-03-09T14:00:00.000Z"], // open now → now
    ["2026-03-09T11:00:00Z", NY, "2026-03-09T13:00:00.000Z"], // Mon 07:00 → 09:00 EDT
    // Saturday evening EST → Monday 09:00 EDT: 13:00Z, an hour earlier than 14:00Z the offset before DST suggests.
    ["2026-03-07T23:00:00Z", NY, "2026-03-09T13:00:00.000Z"],
    ["2026-10-31T22:00:00Z", NY, "2026-11-02T14:00:00.000Z"], // Sat 18:00 EDT → Mon 09:00 EST
    ["2026-11-01T15:00:00Z", NY, "2026-11-02T14:00:00.000Z"], // Sun 10:00 EST
    ["2026-03-28T20:00:00Z", "Europe/London", "2026-03-30T08:00:00.000Z"], // Sat 20:00 GMT → Mon 09:00 BST
    ["2026-10-24T19:00:00Z", "Europe/London", "2026-10-26T09:00:00.000Z"], // Sat 20:00 BST → Mon 09:00 GMT
    ["2026-04-04T08:00:00Z", "Australia/Sydney", "2026-04-05T23:00:00.000Z"], // Sat 19:00 AEDT → Mon 09:00 AEST
    ["2026-10-03T09:00:00Z", "Australia/Sydney", "2026-10-04T22:00:00.000Z"], // Sat 19:00 AEST → Mon 09:00 AEDT
  ])("%s in %s → %s", (iso, tz, expected) => {
    expect(nextOpening(STANDARD, tz, new Date(iso))?.toISOString()).toBe(expected);
  });

  it("finds a once-a-week opening a full week ahead", () => {
    const mondaysOnly = week({ mon: [{ open: "10:00", close: "14:00" }] });
    expect(nextOpening(mondaysOnly, NY, "2026-03-09T19:00:00Z")?.toISOString()).toBe("2026-03-16T14:00:00.000Z");
  });

  it("is null with no hours", () => {
    expect(nextOpening(week({}), NY, new Date())).toBeNull();
  });

  it("opens at the jump when opening time falls in a spring-forward gap", () => {
    const early = week({ sun: [{ open: "02:00", close: "06:00" }] });
    expect(nextOpening(early, NY, "2026-03-08T06:00:00Z")?.toISOString()).toBe("2026-03-08T07:00:00.000Z"); // 03:00 EDT
    const inGap = week({ sun: [{ open: "02:00", close: "02:45" }] }); // doesn't happen on 2026-03-08
    expect(nextOpening(inGap, NY, "2026-03-08T06:00:00Z")?.toISOString()).toBe("2026-03-15T06:00:00.000Z");
  });
});

describe("describeOpenStatus", () => {
  const lunchBreak = week({ mon: [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "17:30" }] });
  it.each([
    [NY, "2026-03-09T14:00:00Z", STANDARD, "We're open today until 7 PM."],
    [NY, "2026-03-09T11:00:00Z", STANDARD, "We're closed now; we open today at 9 AM."],
    [NY, "2026-03-14T00:00:00Z", STANDARD, "We're closed now; we open tomorrow at 9 AM."], // Fri 20:00 EDT
    [NY, "2026-03-14T22:00:00Z", STANDARD, "We're closed now; we open on Monday at 9 AM."], // Sat 18:00
    [NY, "2026-03-08T04:30:00Z", STANDARD, "We're closed now; we open on Monday at 9 AM."], // Sat 23:30 EST; Sunday closed
    [NY, "2026-03-09T16:30:00Z", lunchBreak, "We're closed now; we open today at 1 PM."], // 12:30
    [NY, "2026-03-09T18:00:00Z", lunchBreak, "We're open today until 5:30 PM."],
    [NY, "2026-03-09T14:00:00Z", week({ mon: [{ open: "09:00", close: "12:00" }, { open: "12:00", close: "18:00" }] }), "We're open today until 6 PM."],
    [NY, "2026-03-09T19:00:00Z", week({ mon: [{ open: "10:15", close: "14:00" }] }), "We're closed now; we open next Monday at 10:15 AM."],
    [NY, "2026-03-10T16:00:00Z", week({ tue: [{ open: "00:00", close: "23:59" }] }), "We're open today until 11:59 PM."],
    [NY, "2026-03-10T12:00:00Z", week({ tue: [{ open: "12:00", close: "13:00" }] }), "We're closed now; we open today at 12 PM."],
    [NY, "2026-03-11T02:00:00Z", week({ tue: [{ open: "18:00", close: "24:00" }] }), "We're open today until midnight."], // Tue 22:00
    // Midnight at the start of tomorrow is tonight's midnight: "tomorrow at midnight" would be a day late.
    [NY, "2026-03-10T03:30:00Z", week({ tue: [{ open: "00:00", close: "02:00" }] }), "We're closed now; we open at midnight tonight."], // Mon 23:30
    [NY, "2026-03-09T15:00:00Z", week({ tue: [{ open: "00:00", close: "02:00" }] }), "We're closed now; we open at midnight tonight."], // Mon 11:00
    [NY, "2026-03-09T15:00:00Z", week({ wed: [{ open: "00:00", close: "02:00" }] }), "We're closed now; we open on Wednesday at midnight."],
    [NY, "2026-03-09T14:00:00Z", week({}), "We're closed now."],
    [NY, "2026-03-08T06:00:00Z", week({ sun: [{ open: "02:00", close: "06:00" }] }), "We're closed now; we open today at 3 AM."], // 02:00 doesn't exist that day
    ["Europe/London", "2026-10-25T12:00:00Z", STANDARD, "We're closed now; we open tomorrow at 9 AM."],
    ["Australia/Sydney", "2026-10-03T23:00:00Z", STANDARD, "We're closed now; we open tomorrow at 9 AM."], // Sun 10:00 AEDT
  ])("%s at %s", (tz, iso, hours, expected) => {
    expect(describeOpenStatus(hours, tz, new Date(iso))).toBe(expected);
  });

  it("says 'on <day>' for later this week", () => {
    const tueToSat = week({ tue: nine("17:00"), wed: nine("17:00"), thu: nine("17:00"), fri: nine("17:00"), sat: nine("17:00") });
    expect(describeOpenStatus(tueToSat, "Australia/Sydney", "2026-10-03T23:00:00Z")).toBe("We're closed now; we open on Tuesday at 9 AM.");
  });
});

describe("speakWeeklyHours", () => {
  it.each([
    [week(DEFAULT_BUSINESS_HOURS), "Our hours are Tuesday to Saturday, 9 AM to 6 PM. We're closed Monday and Sunday."],
    [STANDARD, "Our hours are Monday to Friday, 9 AM to 7 PM and Saturday, 9 AM to 5 PM. We're closed Sunday."],
    [week(Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, nine("18:00")]))), "We're open every day, 9 AM to 6 PM."],
    [week({ wed: nine("12:00") }), "Our hours are Wednesday, 9 AM to 12 PM. We're closed Monday, Tuesday and Thursday to Sunday."],
    [week({}), "We have no opening hours set at the moment."],
  ])("%#", (hours, expected) => {
    const spoken = speakWeeklyHours(hours);
    expect(spoken).toBe(expected);
    expect(spoken).not.toMatch(/closed every day/i);
  });

  it("the sign-up default is a valid week, open five days", () => {
    const hours = week(DEFAULT_BUSINESS_HOURS);
    expect(parseBusinessHours(DEFAULT_BUSINESS_HOURS)).toEqual(hours);
    expect(Object.values(hours).filter((day) => day.length > 0)).toHaveLength(5);
  });
});

describe("formatTimeOfDay", () => {
  it.each([
    ["00:00", "midnight"],
    ["24:00", "midnight"],
    ["00:30", "12:30 AM"],
    ["09:00", "9 AM"],
    ["11:59", "11:59 AM"],
    ["12:00", "12 PM"],
    ["13:05", "1:05 PM"],
    ["19:30", "7:30 PM"],
    ["23:59", "11:59 PM"],
    ["bogus", "bogus"],
  ])("%s → %s", (value, expected) => {
    expect(formatTimeOfDay(value)).toBe(expected);
  });
});
