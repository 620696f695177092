// Availability against hand-computed slots: hours, breaks, the salon's hours, time off, other bookings,
// the past, and both 2026 DST change days in New York (spring forward 03-08, fall back 11-01).
import { describe, expect, it } from "vitest";
import { computeFreeSlots, subtractSpans, type StylistSchedule } from "@/lib/availability/free-slots";
import { businessHoursSchema, type BusinessHours } from "@/lib/salons/business-hours";

const NY = "America/New_York";
const hours = (week: Record<string, Array<[string, string]>>): BusinessHours =>
  businessHoursSchema.parse(
    Object.fromEntries(Object.entries(week).map(([day, ps]) => [day, ps.map(([open, close]) => ({ open, close }))])),
  );
const allWeek = (open: string, close: string) =>
  hours(Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [[open, close]]])));
const at = (iso: string) => new Date(iso);
const stylist = (workingHours: BusinessHours, busy: Array<[string, string]> = [], employeeId = "maria"): StylistSchedule => ({
  employeeId,
  workingHours,
  busy: busy.map(([s, e]) => ({ startsAt: at(s), endsAt: at(e) })),
});

// Tuesday 8 December 2026 in New York is UTC-5; the salon opens 9 to 6.
const TUE = { from: at("2026-12-08T00:00:00-05:00"), to: at("2026-12-09T00:00:00-05:00"), now: at("2026-12-01T12:00:00Z") };
const salonHours = allWeek("09:00", "18:00");
const localStarts = (slots: Array<{ startsAt: Date }>) =>
  slots.map((s) => s.startsAt.toLocaleTimeString("en-GB", { timeZone: NY, hour: "2-digit", minute: "2-digit" }));

describe("computeFreeSlots", () => {
  it("offers the hours on the step grid, with a break as the gap between periods", () => {
    const maria = stylist(hours({ tue: [["09:00", "12:00"], ["13:00", "15:00"]] }));
    const slots = computeFreeSlots({ ...TUE, timeZone: NY, salonHours, stylists: [maria], durationMinutes: 60, stepMinutes: 30 });
    expect(localStarts(slots)).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "13:00", "13:30", "14:00"]);
    expect(slots[0]).toEqual({ employeeId: "maria", startsAt: at("2026-12-08T14:00:00Z"), endsAt: at("2026-12-08T15:00:00Z") });
  });

  it("keeps a stylist's hours inside the salon's, and offers nothing on a day off", () => {
    const early = stylist(hours({ tue: [["07:00", "10:30"]], wed: [["09:00", "18:00"]] }));
    const slots = computeFreeSlots({ ...TUE, timeZone: NY, salonHours, stylists: [early], durationMinutes: 45, stepMinutes: 15 });
    expect(localStarts(slots)).toEqual(["09:00", "09:15", "09:30", "09:45"]);
    const closedMonday = stylist(hours({ mon: [["09:00", "18:00"]] }));
    expect(computeFreeSlots({ ...TUE, timeZone: NY, salonHours, stylists: [closedMonday], durationMinutes: 30 })).toEqual([]);
  });

  it("leaves out time off and other appointments, and a service that would run into them", () => {
    const maria = stylist(hours({ tue: [["09:00", "13:00"]] }), [
      ["2026-12-08T09:45:00-05:00", "2026-12-08T10:30:00-05:00"], // a booking
      ["2026-12-08T11:30:00-05:00", "2026-12-08T12:00:00-05:00"], // time off (a dentist visit)
      ["2026-12-08T11:45:00-05:00", "2026-12-08T12:15:00-05:00"], // overlapping busy spans are fine
    ]);
    const slots = computeFreeSlots({ ...TUE, timeZone: NY, salonHours, stylists: [maria], durationMinutes: 45, stepMinutes: 15 });
    expect(localStarts(slots)).toEqual(["09:00", "10:30", "10:45", "12:15"]);
  });

  it("whole days off remove the day; the next day is offered as usual", () => {
    const maria = stylist(allWeek("09:00", "11:00"), [["2026-12-08T00:00:00-05:00", "2026-12-09T00:00:00-05:00"]]);
    const slots = computeFreeSlots({
      ...TUE,
      to: at("2026-12-10T00:00:00-05:00"),
      timeZone: NY,
      salonHours,
      stylists: [maria],
      durationMinutes: 60,
      stepMinutes: 60,
    });
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual(["2026-12-09T14:00:00.000Z", "2026-12-09T15:00:00.000Z"]);
  });

  it("never offers the past: the first slot is the next step after now", () => {
    const maria = stylist(hours({ tue: [["09:00", "12:00"]] }));
    const now = at("2026-12-08T10:10:00-05:00");
    const slots = computeFreeSlots({ ...TUE, now, timeZone: NY, salonHours, stylists: [maria], durationMinutes: 60 });
    expect(localStarts(slots)).toEqual(["10:15", "10:30", "10:45", "11:00"]);
  });

  it("lists several stylists by time, then in the order given", () => {
    const a = stylist(hours({ tue: [["09:00", "10:00"]] }), [], "a");
    const b = stylist(hours({ tue: [["09:30", "10:30"]] }), [], "b");
    const slots = computeFreeSlots({ ...TUE, timeZone: NY, salonHours, stylists: [b, a], durationMinutes: 30, stepMinutes: 30 });
    expect(slots.map((s) => `${localStarts([s])[0]} ${s.employeeId}`)).toEqual(["09:00 a", "09:30 b", "09:30 a", "10:00 b"]);
  });

  it("spring forward (2026-03-08): 01:00–05:00 is three real hours, and 09:00 is 13:00 UTC, not 14:00", () => {
    const night = allWeek("01:00", "05:00");
    const sunday = { from: at("2026-03-08T05:00:00Z"), to: at("2026-03-09T04:00:00Z"), now: at("2026-03-01T00:00:00Z") };
    const slots = computeFreeSlots({ ...sunday, timeZone: NY, salonHours: night, stylists: [stylist(night)], durationMinutes: 60, stepMinutes: 60 });
    // 01:00 EST, then the clocks jump from 02:00 to 03:00 EDT.
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      "2026-03-08T06:00:00.000Z",
      "2026-03-08T07:00:00.000Z",
      "2026-03-08T08:00:00.000Z",
    ]);
    const day = allWeek("09:00", "10:00");
    const weekend = { from: at("2026-03-07T05:00:00Z"), to: at("2026-03-10T04:00:00Z"), now: sunday.now };
    const around = computeFreeSlots({ ...weekend, timeZone: NY, salonHours: day, stylists: [stylist(day)], durationMinutes: 60 });
    expect(around.map((s) => s.startsAt.toISOString())).toEqual([
      "2026-03-07T14:00:00.000Z",
      "2026-03-08T13:00:00.000Z",
      "2026-03-09T13:00:00.000Z",
    ]);
  });

  it("fall back (2026-11-01): 01:00–05:00 is five real hours, 01:00 comes twice, and a booking holds its real hour", () => {
    const night = allWeek("01:00", "05:00");
    const sunday = { from: at("2026-11-01T04:00:00Z"), to: at("2026-11-02T05:00:00Z"), now: at("2026-10-01T00:00:00Z") };
    const free = computeFreeSlots({ ...sunday, timeZone: NY, salonHours: night, stylists: [stylist(night)], durationMinutes: 60, stepMinutes: 60 });
    // 01:00 EDT, 01:00 EST, 02:00, 03:00, 04:00 EST.
    expect(free.map((s) => s.startsAt.toISOString())).toEqual([
      "2026-11-01T05:00:00.000Z",
      "2026-11-01T06:00:00.000Z",
      "2026-11-01T07:00:00.000Z",
      "2026-11-01T08:00:00.000Z",
      "2026-11-01T09:00:00.000Z",
    ]);
    // Booked 01:00–02:00 EST (the second 01:00): the first 01:00 stays free.
    const booked = stylist(night, [["2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z"]]);
    const slots = computeFreeSlots({ ...sunday, timeZone: NY, salonHours: night, stylists: [booked], durationMinutes: 60, stepMinutes: 60 });
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      "2026-11-01T05:00:00.000Z",
      "2026-11-01T07:00:00.000Z",
      "2026-11-01T08:00:00.000Z",
      "2026-11-01T09:00:00.000Z",
    ]);
  });

  it("subtractSpans cuts busy spans in any order out of free ones", () => {
    expect(subtractSpans([{ start: 0, end: 10 }, { start: 20, end: 30 }], [{ start: 25, end: 40 }, { start: 2, end: 4 }])).toEqual([
      { start: 0, end: 2 },
      { start: 4, end: 10 },
      { start: 20, end: 25 },
    ]);
  });
});
