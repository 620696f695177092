// The Staff and Services forms' pure parts: hours inside the salon's (the reasons the form gives),
// the week in a line, whole days off in the salon's zone, and the forms' readings of what owners type.
import { describe, expect, it } from "vitest";
import { wholeDaysInZone } from "@/lib/employees/time-off-days";
import { describeWorkingWeek, hoursOutsideSalon } from "@/lib/employees/working-hours";
import { businessHoursSchema } from "@/lib/salons/business-hours";
import { employeeFormSchema } from "@/lib/validations/employees";
import { serviceFormSchema } from "@/lib/validations/services";

const salon = businessHoursSchema.parse({
  tue: [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "18:00" }],
  sat: [{ open: "09:00", close: "17:00" }],
});

describe("hoursOutsideSalon", () => {
  it("names the first stray time of each day in the owner's words", () => {
    const employee = businessHoursSchema.parse({
      mon: [{ open: "10:00", close: "14:00" }],
      tue: [{ open: "08:00", close: "11:00" }],
      sat: [{ open: "12:00", close: "17:30" }],
    });
    expect(hoursOutsideSalon(employee, salon)).toEqual({
      mon: "The salon is closed on Monday.",
      tue: "Tuesday 8 AM is before the salon opens at 9 AM.",
      sat: "Saturday 5:30 PM is after the salon closes at 5 PM.",
    });
    const overLunch = businessHoursSchema.parse({ tue: [{ open: "11:00", close: "14:00" }] });
    expect(hoursOutsideSalon(overLunch, salon)).toEqual({ tue: "Tuesday 12 PM to 1 PM is outside the salon's opening hours." });
    expect(hoursOutsideSalon(salon, salon)).toEqual({});
  });

  it("describes a week in a line, Monday first, equal days grouped", () => {
    expect(describeWorkingWeek(salon)).toBe("Tue 9 AM–12 PM, 1 PM–6 PM · Sat 9 AM–5 PM");
    const weekdays = Object.fromEntries(["mon", "tue", "wed"].map((d) => [d, [{ open: "09:00", close: "15:00" }]]));
    expect(describeWorkingWeek(businessHoursSchema.parse(weekdays))).toBe("Mon–Wed 9 AM–3 PM");
    expect(describeWorkingWeek(businessHoursSchema.parse({}))).toBe("No hours set");
  });
});

describe("time off and the forms", () => {
  it("takes whole days from the salon's midnight, 23 hours on the spring-forward day", () => {
    expect(wholeDaysInZone("2026-03-08", "2026-03-08", "America/New_York")).toEqual({
      startsAt: new Date("2026-03-08T05:00:00Z"),
      endsAt: new Date("2026-03-09T04:00:00Z"),
    });
    expect(wholeDaysInZone("2026-12-24", "2026-12-26", "America/Los_Angeles")).toEqual({
      startsAt: new Date("2026-12-24T08:00:00Z"),
      endsAt: new Date("2026-12-27T08:00:00Z"),
    });
  });

  it("reads the Staff form: phone as written, hours fields, services as repeated boxes", () => {
    const parsed = employeeFormSchema.parse({
      name: " Rosa ",
      phone: "(415) 555-0177",
      email: "",
      active: "on",
      serviceIds: ["svc1", "svc2"],
      "hours.tue.open": "on",
      "hours.tue.0.open": "09:00",
      "hours.tue.0.close": "12:00",
      "hours.tue.1.open": "13:00",
      "hours.tue.1.close": "00:00",
    });
    expect(parsed).toMatchObject({ name: "Rosa", phone: "+14155550177", email: null, active: true, serviceIds: ["svc1", "svc2"] });
    expect(parsed.workingHours?.tue).toEqual([{ open: "09:00", close: "12:00" }, { open: "13:00", close: "24:00" }]);
    expect(parsed.workingHours?.mon).toEqual([]);
  });

  it("reads the Services form: dollars and minutes as typed, with a clear word when they aren't", () => {
    const ok = serviceFormSchema.parse({ name: "Trim", category: "", durationMinutes: "15", price: "$45.5", employeeIds: "e1" });
    expect(ok).toMatchObject({ priceCents: 4550, durationMinutes: 15, category: null, active: false, employeeIds: ["e1"] });
    const bad = serviceFormSchema.safeParse({ name: "Trim", durationMinutes: "a while", price: "forty" });
    expect(bad.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "durationMinutes: Enter the length in minutes, like 45.",
      "priceCents: Enter a price like 45 or 45.50.",
    ]);
  });
});
