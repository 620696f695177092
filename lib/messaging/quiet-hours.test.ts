import { describe, expect, it } from "vitest";
import { isInQuietHours, nextSendableTime, type QuietHoursSettings } from "@/lib/messaging/quiet-hours";

const NY: QuietHoursSettings = { timeZone: "America/New_York", start: "21:00", end: "08:00" };
const LONDON: QuietHoursSettings = { timeZone: "Europe/London", start: "21:00", end: "08:00" };
const SYDNEY: QuietHoursSettings = { timeZone: "Australia/Sydney", start: "21:00", end: "08:00" };

describe("isInQuietHours", () => {
  it.each([
    // [instant, settings, quiet?] — 21:00–08:00 wraps midnight; the end is exclusive, the start inclusive.
    ["2026-06-15T00:59:00Z", NY, false], // 20:59 EDT
    ["2026-06-15T01:00:00Z", NY, true], // 21:00 EDT
    ["2026-06-15T04:00:00Z", NY, true], // 00:00 EDT
    ["2026-06-15T11:59:00Z", NY, true], // 07:59 EDT
    ["2026-06-15T12:00:00Z", NY, false], // 08:00 EDT
    ["2026-01-15T12:30:00Z", NY, true], // 07:30 EST (12:30Z would be 08:30 in summer)
    ["2026-01-15T13:00:00Z", NY, false], // 08:00 EST
    ["2026-03-08T06:30:00Z", NY, true], // 01:30 EST, spring-forward night
    ["2026-03-08T11:59:00Z", NY, true], // 07:59 EDT
    ["2026-03-08T12:00:00Z", NY, false], // 08:00 EDT
    ["2026-11-01T05:30:00Z", NY, true], // first 01:30 (EDT)
    ["2026-11-01T06:30:00Z", NY, true], // second 01:30 (EST)
    ["2026-11-01T12:30:00Z", NY, true], // 07:30 EST
    ["2026-11-01T13:00:00Z", NY, false], // 08:00 EST
    ["2026-07-01T20:30:00Z", LONDON, true], // 21:30 BST
    ["2026-07-01T07:00:00Z", LONDON, false], // 08:00 BST
    ["2026-01-01T07:30:00Z", LONDON, true], // 07:30 GMT
  ])("%s → %s", (iso, settings, expected) => {
    expect(isInQuietHours(new Date(iso), settings)).toBe(expected);
  });

  it.each([
    ["2026-01-01T09:59:00Z", false], // 20:59 AEDT
    ["2026-01-01T10:00:00Z", true], // 21:00 AEDT
    ["2026-06-30T21:59:00Z", true], // 07:59 AEST
    ["2026-06-30T22:00:00Z", false], // 08:00 AEST
  ])("Sydney %s → %s", (iso, expected) => {
    expect(isInQuietHours(iso, SYDNEY)).toBe(expected);
  });

  it("supports a window that doesn't wrap midnight", () => {
    const lunch = { timeZone: "UTC", start: "12:00", end: "13:00" };
    expect(isInQuietHours("2026-05-05T11:59:00Z", lunch)).toBe(false);
    expect(isInQuietHours("2026-05-05T12:00:00Z", lunch)).toBe(true);
    expect(isInQuietHours("2026-05-05T12:59:00Z", lunch)).toBe(true);
    expect(isInQuietHours("2026-05-05T13:00:00Z", lunch)).toBe(false);
  });

  it("has no quiet hours when start equals end", () => {
    const none = { timeZone: "America/New_York", start: "08:00", end: "08:00" };
    for (const iso of ["2026-05-05T12:00:00Z", "2026-05-05T03:00:00Z", "2026-05-05T17:00:00Z"]) {
      expect(isInQuietHours(iso, none)).toBe(false);
      expect(nextSendableTime(iso, none).toISOString()).toBe(new Date(iso).toISOString());
    }
  });

  it("reads a Salon row's quietHoursStart/End", () => {
    const salon = { timeZone: "America/New_York", quietHoursStart: "21:00", quietHoursEnd: "08:00", name: "Luxe" };
    expect(isInQuietHours("2026-06-15T02:00:00Z", salon)).toBe(true);
    expect(nextSendableTime("2026-06-15T02:00:00Z", salon).toISOString()).toBe("2026-06-15T12:00:00.000Z");
  });

  it.each([
    [{ timeZone: "America/New_York", start: "9pm", end: "08:00" }],
    [{ timeZone: "America/New_York", start: "21:00", end: "24:00" }],
    [{ timeZone: "Nowhere/Special", start: "21:00", end: "08:00" }],
  ])("throws on invalid settings %j", (settings) => {
    expect(() => isInQuietHours(new Date(), settings)).toThrow(RangeError);
    expect(() => nextSendableTime(new Date(), settings)).toThrow(RangeError);
  });
});

describe("nextSendableTime", () => {
  it.each([
    // [instant, settings, expected]
    ["2026-06-15T16:00:00Z", NY, "2026-06-15T16:00:00.000Z"], // noon: now
    ["2026-06-15T12:00:00Z", NY, "2026-06-15T12:00:00.000Z"], // exactly 08:00: now
    ["2026-06-15T02:00:00Z", NY, "2026-06-15T12:00:00.000Z"], // 22:00 → 08:00 next morning
    ["2026-06-15T09:00:00Z", NY, "2026-06-15T12:00:00.000Z"], // 05:00 → 08:00 same morning
    ["2026-06-30T23:30:00Z", NY, "2026-06-30T23:30:00.000Z"], // 19:30 EDT: now
    // Spring forward: 22:00 EST Saturday → 08:00 EDT Sunday, which is 12:00Z (not 13:00Z as +10h would give).
    ["2026-03-08T03:00:00Z", NY, "2026-03-08T12:00:00.000Z"],
    ["2026-03-08T06:30:00Z", NY, "2026-03-08T12:00:00.000Z"], // 01:30 EST
    ["2026-03-08T07:30:00Z", NY, "2026-03-08T12:00:00.000Z"], // 03:30 EDT
    // Fall back: 22:00 EDT Saturday → 08:00 EST Sunday = 13:00Z (11 hours later, not 10).
    ["2026-11-01T02:00:00Z", NY, "2026-11-01T13:00:00.000Z"],
    ["2026-11-01T05:30:00Z", NY, "2026-11-01T13:00:00.000Z"], // first 01:30
    ["2026-11-01T06:30:00Z", NY, "2026-11-01T13:00:00.000Z"], // second 01:30
    // London: 2026-03-29 clocks go forward at 01:00 GMT; 2026-10-25 back at 02:00 BST.
    ["2026-03-28T22:00:00Z", LONDON, "2026-03-29T07:00:00.000Z"],
    ["2026-10-24T21:00:00Z", LONDON, "2026-10-25T08:00:00.000Z"],
    // Sydney: 2026-04-05 back at 03:00 AEDT; 2026-10-04 forward at 02:00 AEST.
    ["2026-04-04T12:00:00Z", SYDNEY, "2026-04-04T22:00:00.000Z"], // 23:00 AEDT → 08:00 AEST
    ["2026-10-03T12:00:00Z", SYDNEY, "2026-10-03T21:00:00.000Z"], // 22:00 AEST → 08:00 AEDT
    // Year end: 23:00 on Dec 31 → 08:00 on Jan 1.
    ["2027-01-01T04:00:00Z", NY, "2027-01-01T13:00:00.000Z"],
  ])("%s → %s", (iso, settings, expected) => {
    expect(nextSendableTime(new Date(iso), settings).toISOString()).toBe(expected);
  });

  it("ends a window inside a spring-forward gap at the moment the clocks jump", () => {
    const settings = { timeZone: "America/New_York", start: "22:00", end: "02:30" };
    const next = nextSendableTime("2026-03-08T06:00:00Z", settings); // 01:00 EST
    expect(next.toISOString()).toBe("2026-03-08T07:00:00.000Z"); // 03:00 EDT
    expect(isInQuietHours(next, settings)).toBe(false);
    expect(isInQuietHours(next.getTime() - 60_000, settings)).toBe(true);
  });

  it("never returns a time inside quiet hours, minute by minute across both NY change days", () => {
    for (const startIso of ["2026-03-07T12:00:00Z", "2026-10-31T12:00:00Z"]) {
      const start = Date.parse(startIso);
      for (let t = start; t < start + 48 * 3600_000; t += 15 * 60_000) {
        const next = nextSendableTime(t, NY);
        expect(isInQuietHours(next, NY)).toBe(false);
        expect(next.getTime()).toBeGreaterThanOrEqual(t);
        // …and the minute before it was quiet (or it's the instant itself).
        if (next.getTime() !== t) expect(isInQuietHours(next.getTime() - 60_000, NY)).toBe(true);
      }
    }
  });
});
