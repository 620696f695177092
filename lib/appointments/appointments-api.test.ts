// POST /api/appointments and GET/PATCH /api/appointments/[id]: the reminder lifecycle reachable by
// API, idempotent booking, salon isolation and clear validation errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createRoute } from "@/app/api/appointments/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/appointments/[id]/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { apiRequest, idParams, noParams } from "@/lib/testing/auth-fixtures";
import { createCustomer, createEmployee, createSalon, createService } from "@/lib/testing/factories";

const DAY = 24 * 3600_000;
let salonId: string;
let key: string;
let otherKey: string;
let customerId: string;
let employeeId: string;
let serviceId: string;

beforeAll(async () => {
  salonId = (await createSalon({ name: "Api Cuts", twilioNumber: "+14155550777" })).id;
  key = (await createApiKey(salonId, { name: "api", role: "STAFF" })).plaintextKey;
  customerId = (await createCustomer(salonId)).id;
  employeeId = (await createEmployee(salonId)).id;
  serviceId = (await createService(salonId, { durationMinutes: 30 })).id;
  otherKey = (await createApiKey((await createSalon()).id, { name: "other" })).plaintextKey;
});
afterAll(async () => {
  await stopBoss();
  await closeRateLimitStore();
});

const post = (json: unknown, opts: { k?: string; idempotencyKey?: string } = {}) =>
  createRoute(
    apiRequest("/api/appointments", {
      method: "POST",
      key: opts.k ?? key,
      json,
      headers: opts.idempotencyKey ? { "idempotency-key": opts.idempotencyKey } : {},
    }),
    noParams,
  );
const patch = (id: string, json: unknown, k = key) =>
  patchRoute(apiRequest(`/api/appointments/${id}`, { method: "PATCH", key: k, json }), idParams(id));
const get = (id: string, k = key) =>
  getRoute(apiRequest(`/api/appointments/${id}`, { key: k }), idParams(id));
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

describe("the reminder lifecycle by API", () => {
  it("books (idempotently), moves and cancels, with reminders following along", async () => {
    const booking = { customerId, employeeId, serviceId, startsAt: inDays(3) };
    const first = await post(booking, { idempotencyKey: "book-1" });
    const again = await post(booking, { idempotencyKey: "book-1" });
    expect([first.status, again.status]).toEqual([201, 201]);
    const created = (await first.json()).data;
    expect((await again.json()).data.id).toBe(created.id);
    expect(Date.parse(created.endsAt) - Date.parse(created.startsAt)).toBe(30 * 60_000);
    expect(await db.appointment.count({ where: { salonId, customerId } })).toBe(1);
    expect(await db.notification.count({ where: { appointmentId: created.id, kind: "REMINDER" } })).toBe(2);
    expect(
      await db.notification.count({ where: { appointmentId: created.id, kind: "EMPLOYEE_BOOKING" } }),
    ).toBe(1);

    const moved = await patch(created.id, { action: "reschedule", startsAt: inDays(4) });
    expect(moved.status).toBe(200);
    const afterMove = (await moved.json()).data;
    const reminders = afterMove.notifications.filter((n: { kind: string }) => n.kind === "REMINDER");
    expect(reminders.map((n: { status: string }) => n.status).sort()).toEqual([
      "CANCELED",
      "CANCELED",
      "QUEUED",
      "QUEUED",
    ]);

    const cancelled = await patch(created.id, { action: "cancel" });
    const data = (await cancelled.json()).data;
    expect(data.status).toBe("CANCELLED");
    expect(
      data.notifications.filter(
        (n: { kind: string; status: string }) => n.kind === "REMINDER" && n.status !== "CANCELED",
      ),
    ).toEqual([]);
    expect(
      data.notifications.find(
        (n: { failureReason: string | null }) => n.failureReason === "Appointment cancelled",
      ),
    ).toBeDefined();

    // A replay after later changes returns the booking without texting anyone again.
    const replay = await post(booking, { idempotencyKey: "book-1" });
    expect((await replay.json()).data.id).toBe(created.id);
    expect(await db.notification.count({ where: { appointmentId: created.id } })).toBe(7);
  });

  it("confirms", async () => {
    const created = (await (await post({ customerId, startsAt: inDays(2), endsAt: inDays(2.05) })).json())
      .data;
    const res = await patch(created.id, { action: "confirm" });
    expect((await res.json()).data).toMatchObject({ status: "CONFIRMED", confirmedAt: expect.any(String) });
  });
});

describe("no double booking", () => {
  it("answers 409 slot_taken naming the stylist's booking, for a new booking and a move", async () => {
    const ana = await createEmployee(salonId, { name: "Ana" });
    // Mon, Mar 3 2031, 2:00 PM in the salon's zone (America/New_York, EST).
    const booked = await post({
      customerId,
      employeeId: ana.id,
      serviceId,
      startsAt: "2031-03-03T14:00:00-05:00",
    });
    expect(booked.status).toBe(201);
    const later = (
      await (
        await post({ customerId, employeeId: ana.id, serviceId, startsAt: "2031-03-03T15:00:00-05:00" })
      ).json()
    ).data;
    const clash = await post({
      customerId,
      employeeId: ana.id,
      serviceId,
      startsAt: "2031-03-03T14:15:00-05:00",
    });
    expect(clash.status).toBe(409);
    expect(await clash.json()).toMatchObject({
      code: "slot_taken",
      message: "Ana is already booked 2:00–2:30 PM on Mon, Mar 3. Choose another time or stylist.",
    });
    const move = await patch(later.id, { action: "reschedule", startsAt: "2031-03-03T14:29:00-05:00" });
    expect([move.status, (await move.json()).code]).toEqual([409, "slot_taken"]);
    const noShow = await patch(later.id, { action: "no_show" });
    expect([noShow.status, (await noShow.json()).code]).toEqual([409, "appointment_not_started"]);
  });
});

describe("isolation", () => {
  it("another salon can't read, change or book with this salon's records", async () => {
    const created = (await (await post({ customerId, startsAt: inDays(2), endsAt: inDays(2.05) })).json())
      .data;
    expect((await get(created.id, otherKey)).status).toBe(404);
    expect((await patch(created.id, { action: "cancel" }, otherKey)).status).toBe(404);
    const res = await post({ customerId, startsAt: inDays(2), endsAt: inDays(2.05) }, { k: otherKey });
    expect([res.status, (await res.json()).message]).toEqual([404, "Customer not found."]);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: created.id } })).status).toBe("BOOKED");
  });
});

describe("validation", () => {
  it("explains what is wrong", async () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [{ customerId, startsAt: "2025-02-30T10:00:00Z", endsAt: inDays(1) }, "startsAt", /ISO 8601/],
      [{ customerId, startsAt: "2025-12-04T10:00:00", endsAt: inDays(1) }, "startsAt", /with offset/],
      [{ customerId, startsAt: inDays(2), endsAt: inDays(1) }, "endsAt", /after startsAt/],
      [{ customerId, startsAt: inDays(2) }, "endsAt", /serviceId whose duration/],
      [{ startsAt: inDays(2), endsAt: inDays(2.1) }, "customerId", /./],
      [{ customerId, startsAt: inDays(2), endsAt: inDays(2.1), colour: "red" }, "colour", /Unknown field/],
    ];
    for (const [json, field, message] of cases) {
      const res = await post(json);
      const body = await res.json();
      expect(res.status, JSON.stringify(json)).toBe(422);
      expect(`${body.fields?.[field]?.join(" ")}`, JSON.stringify(body)).toMatch(message);
    }
    const created = (await (await post({ customerId, startsAt: inDays(2), endsAt: inDays(2.05) })).json())
      .data;
    const bad = await patch(created.id, { action: "postpone" });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(await bad.json())).toMatch(/reschedule.*cancel.*confirm/);
    const inactive = await createEmployee(salonId, { active: false });
    const res = await post({
      customerId,
      employeeId: inactive.id,
      startsAt: inDays(2),
      endsAt: inDays(2.05),
    });
    expect([res.status, (await res.json()).code]).toEqual([422, "employee_inactive"]);
  });
});
