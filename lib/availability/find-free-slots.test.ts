// findFreeSlots against the database: only active stylists who perform the service, their time off and
// live appointments (a cancelled one frees its time), the salon's time zone and closures; and GET /api/availability
// keeps salons apart and validates its window.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as availabilityRoute } from "@/app/api/availability/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { findFreeSlots } from "@/lib/availability/find-free-slots";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { apiRequest, noParams } from "@/lib/testing/auth-fixtures";
import { createAppointment, createEmployee, createSalon, createService } from "@/lib/testing/factories";
import { availabilitySchema } from "@/lib/validations/availability";

// Tuesdays, 9 to 12 at the salon and for its stylists; New York is UTC-5 in December.
const hours = { tue: [{ open: "09:00", close: "12:00" }] };
const TUESDAY = { from: new Date("2026-12-08T05:00:00Z"), to: new Date("2026-12-09T05:00:00Z") };
const now = new Date("2026-12-01T12:00:00Z");

let salonId: string;
let serviceId: string;
let maria: string;
let jo: string;

async function stylist(name: string, opts: { active?: boolean; performs?: boolean } = {}) {
  const employee = await createEmployee(salonId, { name, workingHours: hours, active: opts.active ?? true });
  if (opts.performs ?? true) await db.employeeService.create({ data: { salonId, employeeId: employee.id, serviceId } });
  return employee.id;
}

beforeAll(async () => {
  salonId = (await createSalon({ businessHours: hours })).id;
  serviceId = (await createService(salonId, { durationMinutes: 60 })).id;
  maria = await stylist("Maria");
  jo = await stylist("Jo");
  await stylist("Retired", { active: false });
  await stylist("Barber", { performs: false });
  // Maria is booked 9–10 (and had a cancelled 10–11); Jo is off from 10:30 for the rest of the day.
  await createAppointment(salonId, { employeeId: maria, startsAt: new Date("2026-12-08T14:00:00Z"), endsAt: new Date("2026-12-08T15:00:00Z") });
  await createAppointment(salonId, {
    employeeId: maria,
    status: "CANCELLED",
    startsAt: new Date("2026-12-08T15:00:00Z"),
    endsAt: new Date("2026-12-08T16:00:00Z"),
  });
  await db.employeeTimeOff.create({
    data: { salonId, employeeId: jo, startsAt: new Date("2026-12-08T15:30:00Z"), endsAt: new Date("2026-12-09T05:00:00Z") },
  });
});
afterAll(async () => {
  await closeRateLimitStore();
});

const starts = (slots: Array<{ employeeName: string; startsAt: Date | string }>) =>
  slots.map((s) => `${new Date(s.startsAt).toISOString().slice(11, 16)} ${s.employeeName}`);

describe("findFreeSlots", () => {
  it("offers active stylists who perform the service: hours minus time off minus live appointments", async () => {
    const found = await findFreeSlots(salonId, { serviceId, ...TUESDAY, now, stepMinutes: 30 });
    expect(found).toMatchObject({ serviceId, durationMinutes: 60, timeZone: "America/New_York" });
    // UTC times: 14:00 is 9 AM in New York.
    expect(starts(found.slots)).toEqual([
      "14:00 Jo",
      "14:30 Jo",
      "15:00 Maria",
      "15:30 Maria",
      "16:00 Maria",
    ]);
  });

  it("narrows to one stylist, ignores the appointment being moved, and says why a stylist can't be asked", async () => {
    const moving = await findFreeSlots(salonId, { serviceId, employeeId: maria, ...TUESDAY, now, stepMinutes: 60 });
    expect(starts(moving.slots)).toEqual(["15:00 Maria", "16:00 Maria"]);
    const booked = await db.appointment.findFirstOrThrow({ where: { employeeId: maria, status: "BOOKED" } });
    const ignoring = await findFreeSlots(salonId, { serviceId, employeeId: maria, ...TUESDAY, now, stepMinutes: 60, ignoreAppointmentId: booked.id });
    expect(starts(ignoring.slots)).toEqual(["14:00 Maria", "15:00 Maria", "16:00 Maria"]);
    const barber = await db.employee.findFirstOrThrow({ where: { salonId, name: "Barber" } });
    await expect(findFreeSlots(salonId, { serviceId, employeeId: barber.id, ...TUESDAY, now })).rejects.toMatchObject({
      code: "employee_unavailable",
      message: "Barber doesn't perform this service.",
    });
  });

  it("offers nothing on a closed day and keeps holiday hours inside the stylists' hours", async () => {
    // Tuesday the 15th closed; Tuesday the 22nd open 10 to 1 (the stylists still stop at 12).
    await db.specialDay.createMany({
      data: [
        { salonId, date: new Date("2026-12-15"), label: "Staff training" },
        { salonId, date: new Date("2026-12-22"), periods: [{ open: "10:00", close: "13:00" }], label: "Christmas week" },
      ],
    });
    const closed = await findFreeSlots(salonId, { serviceId, from: new Date("2026-12-15T05:00:00Z"), to: new Date("2026-12-16T05:00:00Z"), now, stepMinutes: 60 });
    expect(closed.slots).toEqual([]);
    const holiday = await findFreeSlots(salonId, { serviceId, from: new Date("2026-12-22T05:00:00Z"), to: new Date("2026-12-23T05:00:00Z"), now, stepMinutes: 60 });
    expect(starts(holiday.slots)).toEqual(["15:00 Jo", "15:00 Maria", "16:00 Jo", "16:00 Maria"]);
  });
});

describe("GET /api/availability", () => {
  const ask = async (key: string, query: Record<string, string>) => {
    const res = await availabilityRoute(apiRequest(`/api/availability?${new URLSearchParams(query)}`, { key }), noParams);
    return { status: res.status, body: await res.json() };
  };
  // Far enough ahead that the real clock (or faketime's) never makes it the past.
  const future = { from: "2030-01-08T00:00:00-05:00", to: "2030-01-09T00:00:00-05:00" };

  it("answers staff with the free slots, and another salon with 404 for this salon's service and stylist", async () => {
    const staffKey = (await createApiKey(salonId, { name: "staff", role: "STAFF" })).plaintextKey;
    const ok = await ask(staffKey, { serviceId, ...future });
    expect(ok.status).toBe(200);
    availabilitySchema.strict().parse(ok.body.data);
    expect(ok.body.data.slots[0]).toEqual({
      employeeId: jo,
      employeeName: "Jo",
      startsAt: "2030-01-08T14:00:00.000Z",
      endsAt: "2030-01-08T15:00:00.000Z",
    });
    const other = await createSalon({ businessHours: hours });
    const otherKey = (await createApiKey(other.id, { name: "other" })).plaintextKey;
    expect(await ask(otherKey, { serviceId, ...future })).toMatchObject({ status: 404, body: { code: "not_found" } });
    const otherService = await createService(other.id);
    expect(await ask(otherKey, { serviceId: otherService.id, employeeId: maria, ...future })).toMatchObject({
      status: 404,
      body: { code: "not_found", message: "Employee not found." },
    });
  });

  it("refuses a window without an offset, backwards, or longer than 31 days", async () => {
    const key = (await createApiKey(salonId, { name: "v" })).plaintextKey;
    const bad = await ask(key, { serviceId, from: "2030-01-08T00:00", to: future.to });
    expect(bad).toMatchObject({ status: 422, body: { code: "validation_failed" } });
    expect(bad.body.fields.from[0]).toMatch(/with offset/);
    expect((await ask(key, { serviceId, from: future.to, to: future.from })).body.fields.to).toEqual(["to must be after from."]);
    const long = await ask(key, { serviceId, from: future.from, to: "2030-03-01T00:00:00-05:00" });
    expect(long.body.fields.to).toEqual(["Ask for at most 31 days at a time."]);
  });
});
