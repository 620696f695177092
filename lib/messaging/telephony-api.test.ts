// POST /api/telephony/{sms,appointment-reminder,appointment-confirmation} end to end: API key → route
// → sendSms → the delivery job → the real Twilio SDK → the stand-in. Idempotency, isolation, bad input.
import { afterAll, describe, expect, it } from "vitest";
import { POST as postSms } from "@/app/api/telephony/sms/route";
import { POST as postReminder } from "@/app/api/telephony/appointment-reminder/route";
import { POST as postConfirmation } from "@/app/api/telephony/appointment-confirmation/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import { processDeliverJob } from "@/lib/messaging/delivery/deliver-notification";
import { DELIVER_NOTIFICATION } from "@/lib/jobs/queues";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { apiRequest, noParams } from "@/lib/testing/auth-fixtures";
import { createAppointment, createCustomer, createEmployee, createSalon, createService } from "@/lib/testing/factories";
import { scheduleReminders } from "@/lib/messaging/reminders";

const servers = setUpTextingServers({ callbackDelayMs: 5 });
afterAll(async () => {
  await closeRateLimitStore();
});

async function salonWithKey(name: string) {
  const salon = await createTextingSalon(servers.standIn, { name });
  const { plaintextKey } = await createApiKey(salon.id, { name: "test", role: "STAFF" });
  return { salon, key: plaintextKey };
}

type Call = {
  key: string;
  json?: unknown;
  idempotencyKey?: string;
  body?: string;
  headers?: Record<string, string>;
};
function call(handler: typeof postSms, path: string, c: Call) {
  const headers: Record<string, string> = { ...c.headers };
  if (c.idempotencyKey) headers["idempotency-key"] = c.idempotencyKey;
  return handler(
    apiRequest(path, { method: "POST", key: c.key, json: c.json, body: c.body, headers }),
    noParams,
  );
}
const sms = (c: Call) => call(postSms, "/api/telephony/sms", c);
const deliver = (n: { id: string; salonId: string }) =>
  processDeliverJob({ notificationId: n.id, salonId: n.salonId });

describe("POST /api/telephony/sms", () => {
  it("texts a customer, an employee and a bare E.164 number", async () => {
    const { salon, key } = await salonWithKey("Curl Up");
    const customer = await createCustomer(salon.id, { firstTextedAt: new Date() });
    const employee = await createEmployee(salon.id);
    const cases = [
      {
        json: { customerId: customer.id, body: "Your color is ready." },
        to: customer.phone,
        recipientKind: "CUSTOMER",
      },
      {
        json: { employeeId: employee.id, body: "Can you cover Saturday?" },
        to: employee.phone,
        recipientKind: "EMPLOYEE",
      },
      {
        json: { phone: "+14155550188", body: "Hello from the salon" },
        to: "+14155550188",
        recipientKind: "OTHER",
      },
    ];
    for (const c of cases) {
      const res = await sms({ key, json: c.json });
      expect(res.status).toBe(202);
      const { data } = await res.json();
      expect(data).toMatchObject({
        status: "QUEUED",
        kind: "CUSTOM",
        destination: c.to,
        recipientKind: c.recipientKind,
        salonId: salon.id,
      });
      expect(await deliver(data)).toMatchObject({ result: "sent" });
      expect(servers.standIn.state.messages.at(-1)).toMatchObject({
        to: c.to,
        from: salon.twilioNumber,
        body: `Curl Up: ${c.json.body}`,
      });
    }
  });

  it("the same Idempotency-Key returns the first notification and sends once", async () => {
    const { salon, key } = await salonWithKey("Once Only");
    const json = { phone: "+14155550189", body: "Just once" };
    const first = await sms({ key, json, idempotencyKey: "order-42" });
    const again = await sms({ key, json, idempotencyKey: "order-42" });
    expect([first.status, again.status]).toEqual([202, 202]);
    const [a, b] = [(await first.json()).data, (await again.json()).data];
    expect(b.id).toBe(a.id);
    expect(await db.notification.count({ where: { salonId: salon.id } })).toBe(1);
    expect(await (await getBoss()).findJobs(DELIVER_NOTIFICATION, { key: a.id })).toHaveLength(1);

    await deliver(a);
    await deliver(a);
    const third = await sms({ key, json, idempotencyKey: "order-42" });
    expect((await third.json()).data).toMatchObject({
      id: a.id,
      status: expect.stringMatching(/SENDING|SENT|DELIVERED/),
    });
    expect(servers.standIn.state.messages).toHaveLength(1);

    // Keys are per salon: another salon's identical key is its own request.
    const other = await salonWithKey("Other Place");
    const theirs = await sms({ key: other.key, json, idempotencyKey: "order-42" });
    expect((await theirs.json()).data.id).not.toBe(a.id);
  });

  it("salon A cannot text through salon B's customer or employee", async () => {
    const a = await salonWithKey("Salon A");
    const b = await salonWithKey("Salon B");
    const theirCustomer = await createCustomer(b.salon.id);
    const theirEmployee = await createEmployee(b.salon.id);
    for (const json of [
      { customerId: theirCustomer.id, body: "hi" },
      { employeeId: theirEmployee.id, body: "hi" },
    ]) {
      const res = await sms({ key: a.key, json });
      expect(res.status).toBe(404);
      expect((await res.json()).code).toBe("not_found");
    }
    expect(await db.notification.count({ where: { salonId: { in: [a.salon.id, b.salon.id] } } })).toBe(0);
    expect(servers.standIn.state.messages).toHaveLength(0);
  });

  it("rejects bad input with a clear 4xx and sends nothing", async () => {
    const { salon, key } = await salonWithKey("Strict");
    const customer = await createCustomer(salon.id);
    const cases: Array<[Call, number, string | RegExp]> = [
      [{ key, json: { body: "no recipient" } }, 422, /exactly one recipient/],
      [
        { key, json: { customerId: customer.id, phone: "+14155550100", body: "two" } },
        422,
        /exactly one recipient/,
      ],
      [{ key, json: { phone: "555-0100", body: "local" } }, 422, /valid phone number/],
      [{ key, json: { phone: "+14155550100", body: "   " } }, 422, /Write the message/],
      [{ key, json: { phone: "+14155550100", body: "x".repeat(1601) } }, 422, /at most 1600/],
      [{ key, json: { phone: "+14155550100", body: "hi", priority: "high" } }, 422, /Unknown field/],
      [
        { key, json: { phone: "+14155550100", body: "hi" }, idempotencyKey: "has space" },
        422,
        /Idempotency-Key/,
      ],
      [{ key, body: "{not json", headers: { "content-type": "application/json" } }, 400, /not valid JSON/],
      [
        { key, body: "body=hi", headers: { "content-type": "application/x-www-form-urlencoded" } },
        415,
        /application\/json/,
      ],
    ];
    for (const [c, status, message] of cases) {
      const res = await sms(c);
      expect(res.status, JSON.stringify(c.json ?? c.body)).toBe(status);
      expect(JSON.stringify(await res.json())).toMatch(message);
    }
    expect(await db.notification.count({ where: { salonId: salon.id } })).toBe(0);
  });
});

describe("POST /api/telephony/appointment-reminder and appointment-confirmation", () => {
  let seq = 0;
  async function appointmentIn(salonId: string, startsAt = new Date(Date.now() + 26 * 3600_000)) {
    const customer = await createCustomer(salonId, { firstTextedAt: new Date() });
    const employee = await createEmployee(salonId, { name: "Rosa" });
    const service = await createService(salonId, { name: `Balayage${(seq += 1) > 1 ? ` ${seq}` : ""}` });
    return createAppointment(salonId, {
      customerId: customer.id,
      employeeId: employee.id,
      serviceId: service.id,
      startsAt,
    });
  }

  it("sends a reminder and a confirmation for an appointment, idempotently", async () => {
    const { salon, key } = await salonWithKey("Mane Street");
    const appointment = await appointmentIn(salon.id);
    const customer = await db.customer.findUniqueOrThrow({ where: { id: appointment.customerId } });

    const reminder = await call(postReminder, "/api/telephony/appointment-reminder", {
      key,
      json: { appointmentId: appointment.id },
      idempotencyKey: "r-1",
    });
    expect(reminder.status).toBe(202);
    const r = (await reminder.json()).data;
    expect(r).toMatchObject({ kind: "REMINDER", appointmentId: appointment.id, customerId: customer.id });
    expect(r.body).toMatch(
      /^Mane Street: Reminder: your Balayage appointment with Rosa is (tomorrow|on \w+day, \w{3} \d+) at .+\. Reply C to confirm or R to reschedule\.$/,
    );
    const replay = await call(postReminder, "/api/telephony/appointment-reminder", {
      key,
      json: { appointmentId: appointment.id },
      idempotencyKey: "r-1",
    });
    expect(replay.status).toBe(202);
    expect((await replay.json()).data.id).toBe(r.id);

    const confirmation = await call(postConfirmation, "/api/telephony/appointment-confirmation", {
      key,
      json: { appointmentId: appointment.id },
    });
    expect(confirmation.status).toBe(202);
    const c = (await confirmation.json()).data;
    expect(c.body).toMatch(
      /^Mane Street: Confirmed: your Balayage appointment with Rosa is .+\. Reply R to reschedule\.$/,
    );

    for (const n of [r, c]) expect(await deliver(n)).toMatchObject({ result: "sent" });
    expect(servers.standIn.state.messages.map((m) => [m.to, m.body])).toEqual([
      [customer.phone, r.body],
      [customer.phone, c.body],
    ]);
  });

  it("scopes an Idempotency-Key to its endpoint: the same key elsewhere is a new request", async () => {
    const { salon, key } = await salonWithKey("Key Place");
    const appointment = await appointmentIn(salon.id);
    const json = { appointmentId: appointment.id };
    const text = await sms({ key, json: { phone: "+14155550177", body: "hello" }, idempotencyKey: "k-1" });
    const reminder = await call(postReminder, "/api/telephony/appointment-reminder", {
      key,
      json,
      idempotencyKey: "k-1",
    });
    const confirmation = await call(postConfirmation, "/api/telephony/appointment-confirmation", {
      key,
      json,
      idempotencyKey: "k-1",
    });
    const kinds = [
      (await text.json()).data,
      (await reminder.json()).data,
      (await confirmation.json()).data,
    ].map((n) => n.kind);
    expect(kinds).toEqual(["CUSTOM", "REMINDER", "CONFIRMATION"]);
    expect(await db.notification.count({ where: { salonId: salon.id } })).toBe(3);
  });

  it("refuses cancelled or past appointments (409), another salon's (404) and bad ids (422)", async () => {
    const a = await salonWithKey("Alpha Hair");
    const b = await salonWithKey("Beta Hair");
    const cancelled = await appointmentIn(a.salon.id);
    await db.appointment.update({ where: { id: cancelled.id }, data: { status: "CANCELLED" } });
    const past = await appointmentIn(a.salon.id, new Date(Date.now() - 3600_000));
    const theirs = await appointmentIn(b.salon.id);
    for (const handler of [postReminder, postConfirmation]) {
      const send = (json: unknown) => call(handler, "/api/telephony/x", { key: a.key, json });
      const r1 = await send({ appointmentId: cancelled.id });
      expect([r1.status, (await r1.json()).code]).toEqual([409, "appointment_not_active"]);
      const r2 = await send({ appointmentId: past.id });
      expect([r2.status, (await r2.json()).code]).toEqual([409, "appointment_in_past"]);
      expect((await send({ appointmentId: theirs.id })).status).toBe(404);
      const r4 = await send({});
      expect(r4.status).toBe(422);
      expect((await r4.json()).fields.appointmentId).toBeDefined();
    }
    expect(await db.notification.count({ where: { salonId: { in: [a.salon.id, b.salon.id] } } })).toBe(0);
  });
});

describe("a salon with no number sends nothing", () => {
  it("refuses texts, reminders and confirmations up front, and schedules no reminders, with nothing queued", async () => {
    const salon = await createSalon({ subscriptionStatus: "NONE" });
    const { plaintextKey: key } = await createApiKey(salon.id, { name: "test", role: "STAFF" });
    const customer = await createCustomer(salon.id, { firstTextedAt: new Date() });
    const appointment = await createAppointment(salon.id, { customerId: customer.id });
    const refusals = [
      await sms({ key, json: { customerId: customer.id, body: "Hi" } }),
      await call(postReminder, "/api/telephony/appointment-reminder", { key, json: { appointmentId: appointment.id } }),
      await call(postConfirmation, "/api/telephony/appointment-confirmation", { key, json: { appointmentId: appointment.id } }),
    ];
    for (const res of refusals) {
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({
        code: "no_phone_number",
        message: "This salon has no phone number yet — start your trial in Settings → Billing.",
      });
    }
    expect(await scheduleReminders(salon.id, appointment.id)).toEqual([]);
    expect(await db.notification.count({ where: { salonId: salon.id } })).toBe(0);
    const boss = await getBoss();
    const jobs = await boss.findJobs(DELIVER_NOTIFICATION, { data: { salonId: salon.id } });
    expect(jobs).toEqual([]);
  });
});
