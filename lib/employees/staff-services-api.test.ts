// /api/employees and /api/services: owners manage, staff read, another salon sees and changes nothing;
// hours must sit inside the salon's; delete only what was never booked, else deactivate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getEmployeeRoute, PATCH as patchEmployeeRoute, DELETE as deleteEmployeeRoute } from "@/app/api/employees/[id]/route";
import { GET as listEmployeesRoute, POST as createEmployeeRoute } from "@/app/api/employees/route";
import { GET as getServiceRoute, PATCH as patchServiceRoute, DELETE as deleteServiceRoute } from "@/app/api/services/[id]/route";
import { GET as listServicesRoute, POST as createServiceRoute } from "@/app/api/services/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import type { RouteHandler, RouteParams } from "@/lib/api/with-salon";
import { createApiKey } from "@/lib/auth/api-keys";
import { apiRequest, idParams, noParams } from "@/lib/testing/auth-fixtures";
import { createAppointment, createSalon } from "@/lib/testing/factories";
import { employeeResponseSchema, removalResponseSchema } from "@/lib/validations/employees";
import { serviceResponseSchema } from "@/lib/validations/services";

const WEEKDAY = [{ open: "09:00", close: "18:00" }];
const SALON_HOURS = { mon: [], tue: WEEKDAY, wed: WEEKDAY, thu: WEEKDAY, fri: WEEKDAY, sat: WEEKDAY, sun: [] };

let salonId: string;
let owner: string;
let staff: string;
let other: string;

beforeAll(async () => {
  salonId = (await createSalon({ businessHours: SALON_HOURS })).id;
  owner = (await createApiKey(salonId, { name: "owner", role: "OWNER" })).plaintextKey;
  staff = (await createApiKey(salonId, { name: "staff", role: "STAFF" })).plaintextKey;
  other = (await createApiKey((await createSalon()).id, { name: "other", role: "OWNER" })).plaintextKey;
});
afterAll(async () => {
  await closeRateLimitStore();
});

async function call<P extends RouteParams>(handler: RouteHandler<P>, key: string, path: string, opts: { method?: string; json?: unknown; id?: string } = {}) {
  const params = (opts.id ? idParams(opts.id) : noParams) as { params: Promise<P> };
  const res = await handler(apiRequest(path, { key, method: opts.method, json: opts.json }), params);
  return { status: res.status, body: await res.json() };
}
const createEmployee = (json: unknown, key = owner) => call(createEmployeeRoute, key, "/api/employees", { method: "POST", json });
const createService = (json: unknown, key = owner) => call(createServiceRoute, key, "/api/services", { method: "POST", json });

describe("/api/employees", () => {
  it("adds a stylist with services and hours; hours outside the salon's are refused with the reason", async () => {
    const color = (await createService({ name: "Color", category: "Color", durationMinutes: 90, priceCents: 12000 })).body.data;
    const early = await createEmployee({ name: "Maria", workingHours: { ...SALON_HOURS, tue: [{ open: "08:00", close: "12:00" }], mon: [{ open: "10:00", close: "14:00" }] } });
    expect(early).toMatchObject({ status: 422, body: { code: "validation_failed" } });
    expect(early.body.fields).toEqual({
      "workingHours.mon": ["The salon is closed on Monday."],
      "workingHours.tue": ["Tuesday 8 AM is before the salon opens at 9 AM."],
    });
    const hours = { ...SALON_HOURS, tue: [{ open: "09:00", close: "12:00" }, { open: "13:00", close: "18:00" }] };
    const created = await createEmployee({ name: " Maria ", phone: "(415) 555-0142", email: "Maria@Example.com", serviceIds: [color.id], workingHours: hours });
    expect(created.status).toBe(201);
    // The shape the OpenAPI document promises.
    employeeResponseSchema.strict().parse(created.body.data);
    expect(created.body.data).toMatchObject({ name: "Maria", phone: "+14155550142", email: "maria@example.com", active: true, serviceIds: [color.id] });
    expect(created.body.data.workingHours.tue).toEqual(hours.tue);
    // Left out, the hours are the salon's.
    const jo = (await createEmployee({ name: "Jo" })).body.data;
    expect(jo.workingHours).toEqual(SALON_HOURS);
  });

  it("changes only the fields given, replaces services and time off, and pages newest first with search", async () => {
    const { id } = (await createEmployee({ name: "Priya" })).body.data;
    const cut = (await createService({ name: "Cut", durationMinutes: 45, priceCents: 6500 })).body.data;
    const timeOff = [{ startsAt: "2026-12-24T00:00:00-05:00", endsAt: "2026-12-27T00:00:00-05:00", note: "Holidays" }];
    const patched = await call(patchEmployeeRoute, owner, `/api/employees/${id}`, { method: "PATCH", id, json: { serviceIds: [cut.id], timeOff } });
    expect(patched.body.data).toMatchObject({ name: "Priya", serviceIds: [cut.id], timeOff: [{ startsAt: "2026-12-24T05:00:00.000Z", endsAt: "2026-12-27T05:00:00.000Z", note: "Holidays" }] });
    expect((await call(getEmployeeRoute, staff, `/api/employees/${id}`, { id })).body.data.serviceIds).toEqual([cut.id]);

    const first = await call(listEmployeesRoute, staff, "/api/employees?limit=1");
    expect(first.body.data.map((e: { name: string }) => e.name)).toEqual(["Priya"]);
    const second = await call(listEmployeesRoute, staff, `/api/employees?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((e: { name: string }) => e.name)).toEqual(["Jo"]);
    const found = await call(listEmployeesRoute, staff, "/api/employees?q=MAR");
    expect(found.body.data.map((e: { name: string }) => e.name)).toEqual(["Maria"]);
    expect((await call(listEmployeesRoute, staff, "/api/employees?q=555-0142")).body.data).toHaveLength(1);
  });

  it("deletes a stylist never booked, and deactivates one with appointments, saying which", async () => {
    const fresh = (await createEmployee({ name: "Temp" })).body.data;
    const booked = (await createEmployee({ name: "Booked" })).body.data;
    await createAppointment(salonId, { employeeId: booked.id });
    const del = (id: string) => call(deleteEmployeeRoute, owner, `/api/employees/${id}`, { method: "DELETE", id });
    expect(removalResponseSchema.parse((await del(fresh.id)).body.data)).toEqual({ id: fresh.id, outcome: "deleted" });
    expect((await call(getEmployeeRoute, owner, `/api/employees/${fresh.id}`, { id: fresh.id })).status).toBe(404);
    expect((await del(booked.id)).body.data).toEqual({ id: booked.id, outcome: "deactivated" });
    expect((await call(getEmployeeRoute, owner, `/api/employees/${booked.id}`, { id: booked.id })).body.data.active).toBe(false);
  });
});

describe("/api/services", () => {
  it("adds, edits, refuses a duplicate name, and deletes or deactivates", async () => {
    const created = await createService({ name: "Blowout", category: "Styling", durationMinutes: 45, priceCents: 5500 });
    expect(created).toMatchObject({ status: 201, body: { data: { name: "Blowout", category: "Styling", active: true, employeeIds: [] } } });
    const { id } = serviceResponseSchema.strict().parse(created.body.data);
    expect((await createService({ name: "blowout", durationMinutes: 30, priceCents: 1 })).body.code).toBe("service_name_taken");
    const edited = await call(patchServiceRoute, owner, `/api/services/${id}`, { method: "PATCH", id, json: { priceCents: 6000, category: "" } });
    expect(edited.body.data).toMatchObject({ priceCents: 6000, category: null, durationMinutes: 45 });
    expect((await call(listServicesRoute, staff, "/api/services?q=blow")).body.data.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await call(getServiceRoute, staff, `/api/services/${id}`, { id })).body.data.priceCents).toBe(6000);
    await createAppointment(salonId, { serviceId: id });
    expect((await call(deleteServiceRoute, owner, `/api/services/${id}`, { method: "DELETE", id })).body.data.outcome).toBe("deactivated");
    const unbooked = (await createService({ name: "Trim", durationMinutes: 15, priceCents: 2000 })).body.data.id;
    const del = await call(deleteServiceRoute, owner, `/api/services/${unbooked}`, { method: "DELETE", id: unbooked });
    expect(del.body.data).toEqual({ id: unbooked, outcome: "deleted" });
    const bad = await createService({ name: "Free", durationMinutes: 2, priceCents: -1 });
    expect(bad.body.fields).toMatchObject({ durationMinutes: ["A service lasts at least 5 minutes."], priceCents: ["A price can't be negative."] });
  });
});

describe("roles and salons", () => {
  it("staff read but cannot add, change or remove employees or services", async () => {
    const employee = (await createEmployee({ name: "Kept" })).body.data.id;
    const service = (await createService({ name: "Kept cut", durationMinutes: 30, priceCents: 3000 })).body.data.id;
    const refused = [
      await createEmployee({ name: "Nope" }, staff),
      await call(patchEmployeeRoute, staff, `/api/employees/${employee}`, { method: "PATCH", id: employee, json: { name: "X" } }),
      await call(deleteEmployeeRoute, staff, `/api/employees/${employee}`, { method: "DELETE", id: employee }),
      await createService({ name: "Nope", durationMinutes: 30, priceCents: 1 }, staff),
      await call(patchServiceRoute, staff, `/api/services/${service}`, { method: "PATCH", id: service, json: { priceCents: 1 } }),
      await call(deleteServiceRoute, staff, `/api/services/${service}`, { method: "DELETE", id: service }),
    ];
    expect(refused.map((r) => `${r.status} ${r.body.code}`)).toEqual(Array(6).fill("403 forbidden"));
    expect((await call(getEmployeeRoute, owner, `/api/employees/${employee}`, { id: employee })).body.data.name).toBe("Kept");
  });

  it("another salon can neither read nor change this salon's employees and services, nor link them", async () => {
    const employee = (await createEmployee({ name: "Mine" })).body.data.id;
    const service = (await createService({ name: "Mine cut", durationMinutes: 30, priceCents: 3000 })).body.data.id;
    const attempts = [
      await call(getEmployeeRoute, other, `/api/employees/${employee}`, { id: employee }),
      await call(patchEmployeeRoute, other, `/api/employees/${employee}`, { method: "PATCH", id: employee, json: { name: "Stolen" } }),
      await call(deleteEmployeeRoute, other, `/api/employees/${employee}`, { method: "DELETE", id: employee }),
      await call(getServiceRoute, other, `/api/services/${service}`, { id: service }),
      await call(patchServiceRoute, other, `/api/services/${service}`, { method: "PATCH", id: service, json: { priceCents: 1 } }),
      await call(deleteServiceRoute, other, `/api/services/${service}`, { method: "DELETE", id: service }),
    ];
    expect(attempts.map((r) => `${r.status} ${r.body.code}`)).toEqual(Array(6).fill("404 not_found"));
    expect((await call(listEmployeesRoute, other, "/api/employees")).body.data).toEqual([]);
    expect((await call(listServicesRoute, other, "/api/services")).body.data).toEqual([]);
    const linked = await createEmployee({ name: "Thief", serviceIds: [service] }, other);
    expect(linked).toMatchObject({ status: 422, body: { fields: { serviceIds: ["Choose services from this salon's list."] } } });
    const theirs = await createService({ name: "Theirs", durationMinutes: 30, priceCents: 1, employeeIds: [employee] }, other);
    expect(theirs.body.fields).toEqual({ employeeIds: ["Choose employees from this salon's staff."] });
    expect((await call(getEmployeeRoute, owner, `/api/employees/${employee}`, { id: employee })).body.data.name).toBe("Mine");
  });
});
