// The delivery job run directly (processDeliverJob), with the real Twilio SDK against the stand-in
// and the stand-in's signed status callbacks delivered to the real status route.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCustomer, createEmployee, createAppointment } from "@/lib/testing/factories";
import { sendSms } from "@/lib/messaging/send-sms";
import { processDeliverJob } from "@/lib/messaging/delivery/deliver-notification";
import { createTextingSalon, eventsOf, setUpTextingServers, STATUS_PATH } from "@/lib/testing/delivery-test-kit";

const servers = setUpTextingServers({ callbackDelayMs: 5 });

const deliver = (n: { id: string; salonId: string }, retryCount = 0) =>
  processDeliverJob({ notificationId: n.id, salonId: n.salonId }, { retryCount, retryLimit: 5 });
const reload = (id: string) => db.notification.findUniqueOrThrow({ where: { id } });

describe("each kind of text reaches Twilio", () => {
  it("custom text to a customer: salon name, opt-out line on the first text, status callback URL", async () => {
    const salon = await createTextingSalon(servers.standIn, { name: "Shear Joy" });
    const customer = await createCustomer(salon.id);
    const n = await sendSms({
      salonId: salon.id,
      kind: "CUSTOM",
      body: "Your color is ready.",
      to: { customerId: customer.id },
    });
    expect(n.status).toBe("QUEUED");
    expect(await deliver(n)).toMatchObject({ result: "sent" });
    await servers.standIn.state.settled();

    const [message] = servers.standIn.state.messages;
    expect(message).toMatchObject({
      to: customer.phone,
      from: salon.twilioNumber,
      statusCallback: `${servers.route.url}${STATUS_PATH}`,
    });
    expect(message?.body).toBe("Shear Joy: Your color is ready.\nReply STOP to opt out.");
    const row = await reload(n.id);
    expect(row).toMatchObject({ status: "DELIVERED", providerMessageId: message?.sid, attempts: 1 });
    expect((await eventsOf(n.id)).map((e) => e.status)).toEqual(["QUEUED", "SENDING", "SENT", "DELIVERED"]);

    // Only the first text carries the opt-out line.
    const second = await sendSms({
      salonId: salon.id,
      kind: "CUSTOM",
      body: "See you soon",
      to: { customerId: customer.id },
    });
    await deliver(second);
    expect(servers.standIn.state.messages[1]?.body).toBe("Shear Joy: See you soon");
  });

  it("texts to an employee, a bare number, confirmations, reminders and booking notices", async () => {
    const salon = await createTextingSalon(servers.standIn, { name: "Cut Above" });
    const employee = await createEmployee(salon.id);
    const appointment = await createAppointment(salon.id);
    const customer = await db.customer.update({
      where: { id: appointment.customerId },
      data: { firstTextedAt: new Date() },
    });
    const cases = [
      {
        kind: "CUSTOM",
        to: { employeeId: employee.id },
        phone: employee.phone,
        body: "Cut Above: Can you cover Saturday?",
      },
      { kind: "CUSTOM", to: { phone: "+14155550100" }, phone: "+14155550100", body: "Cut Above: Hi there" },
      {
        kind: "CONFIRMATION",
        to: { customerId: customer.id },
        phone: customer.phone,
        body: "Cut Above: You're booked tomorrow at 10:00 AM.",
      },
      {
        kind: "REMINDER",
        to: { customerId: customer.id },
        phone: customer.phone,
        body: "Cut Above: Reminder: tomorrow at 10:00 AM.",
      },
      {
        kind: "EMPLOYEE_BOOKING",
        to: { employeeId: employee.id },
        phone: employee.phone,
        body: "Cut Above: New booking tomorrow at 10:00 AM.",
      },
    ] as const;
    // Not tied to the appointment, so no kind's own pre-send check re-words them (those checks have
    // their tests in reminder-send-check.test.ts and missed-call-send-check.test.ts).
    for (const c of cases) {
      const n = await sendSms({ salonId: salon.id, kind: c.kind, body: c.body, to: c.to });
      expect(await deliver(n)).toMatchObject({ result: "sent" });
      const sent = servers.standIn.state.messages.at(-1);
      expect(sent).toMatchObject({
        to: c.phone,
        from: salon.twilioNumber,
        body: c.body,
        statusCallback: `${servers.route.url}${STATUS_PATH}`,
      });
    }
    await servers.standIn.state.settled();
    const rows = await db.notification.findMany({ where: { salonId: salon.id } });
    expect(rows.map((r) => r.status)).toEqual(Array(cases.length).fill("DELIVERED"));
  });

  it("stores the segment count (GSM-7 vs UCS-2)", async () => {
    const salon = await createTextingSalon(servers.standIn, { name: "Glow" });
    const long = await sendSms({
      salonId: salon.id,
      kind: "CUSTOM",
      body: "a".repeat(200),
      to: { phone: "+14155550101" },
    });
    const emoji = await sendSms({
      salonId: salon.id,
      kind: "CUSTOM",
      body: "See you 💇",
      to: { phone: "+14155550101" },
    });
    expect(long.segmentCount).toBe(2);
    expect(emoji.segmentCount).toBe(1);
  });
});

describe("checks before sending", () => {
  it("still answers STOP at night: a keyword reply skips the opt-out block and quiet hours", async () => {
    const quiet = { timeZone: "UTC", quietHoursStart: "00:00", quietHoursEnd: "23:59" };
    const salon = await createTextingSalon(servers.standIn, { name: "Night Owl", ...quiet });
    const customer = await createCustomer(salon.id, { smsConsent: "OPTED_OUT" });
    const n = await sendSms({
      salonId: salon.id,
      kind: "KEYWORD_REPLY",
      body: "You're unsubscribed.",
      to: { customerId: customer.id },
    });
    expect(await deliver(n)).toMatchObject({ result: "sent" });
    // No opt-out footer for someone who just opted out.
    expect(servers.standIn.state.messages[0]?.body).toBe("Night Owl: You're unsubscribed.");
  });

  it("in quiet hours, sends the booking text a caller just asked for and the answer to a C, but holds a missed-call text-back", async () => {
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    const now = Date.now();
    const quiet = { timeZone: "UTC", quietHoursStart: hhmm(new Date(now - 3600_000)), quietHoursEnd: hhmm(new Date(now + 3600_000)) };
    const salon = await createTextingSalon(servers.standIn, quiet);
    const text = (kind: "BOOKING_INFO" | "APPOINTMENT_REPLY" | "MISSED_CALL") => sendSms({ salonId: salon.id, kind, body: kind, to: { phone: "+14155550103" } });
    expect(await deliver(await text("BOOKING_INFO"))).toMatchObject({ result: "sent" });
    expect(await deliver(await text("APPOINTMENT_REPLY"))).toMatchObject({ result: "sent" });
    expect(await deliver(await text("MISSED_CALL"))).toMatchObject({ result: "deferred" });
    expect(servers.standIn.state.messages.map((m) => m.body)).toEqual([expect.stringContaining("BOOKING_INFO"), expect.stringContaining("APPOINTMENT_REPLY")]);
  });

  it("cancels a text to an opted-out customer without calling Twilio", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const customer = await createCustomer(salon.id, { smsConsent: "OPTED_OUT", optedOutAt: new Date() });
    const n = await sendSms({
      salonId: salon.id,
      kind: "CUSTOM",
      body: "Hi",
      to: { customerId: customer.id },
    });
    expect(n.status).toBe("CANCELED");
    expect(n.failureReason).toMatch(/opted out/i);

    // Opted out after the text was queued: the job re-checks.
    const other = await createCustomer(salon.id);
    const queued = await sendSms({
      salonId: salon.id,
      kind: "CUSTOM",
      body: "Hi",
      to: { customerId: other.id },
    });
    await db.customer.update({ where: { id: other.id }, data: { smsConsent: "OPTED_OUT" } });
    expect(await deliver(queued)).toMatchObject({ result: "canceled" });
    expect(await reload(queued.id)).toMatchObject({ status: "CANCELED", providerMessageId: null });
    expect(servers.standIn.state.messages).toHaveLength(0);
  });

  it("defers a text in quiet hours to the morning in the salon's zone, without dropping it", async () => {
    // Quiet from an hour ago until an hour from now, on the salon's (UTC) wall clock.
    const hhmm = (d: Date) => d.toISOString().slice(11, 16);
    const now = Date.now();
    const end = new Date(now + 3600_000);
    const salon = await createTextingSalon(servers.standIn, {
      timeZone: "UTC",
      quietHoursStart: hhmm(new Date(now - 3600_000)),
      quietHoursEnd: hhmm(end),
    });
    const n = await sendSms({
      salonId: salon.id,
      kind: "REMINDER",
      body: "Reminder",
      to: { phone: "+14155550102" },
    });
    const outcome = await deliver(n);
    expect(outcome.result).toBe("deferred");
    const until = (outcome as { until: Date }).until;
    expect(hhmm(until)).toBe(hhmm(end));
    expect(until.getTime()).toBeGreaterThan(now);
    const row = await reload(n.id);
    expect(row.status).toBe("QUEUED");
    expect(row.scheduledFor?.getTime()).toBe(until.getTime());
    expect(servers.standIn.state.messages).toHaveLength(0);
    // A new job waits for that moment.
    const { getBoss } = await import("@/lib/jobs/boss");
    const { DELIVER_NOTIFICATION, deliveryJobId } = await import("@/lib/jobs/queues");
    const jobs = await (await getBoss()).findJobs(DELIVER_NOTIFICATION, { id: deliveryJobId(n.id, until) });
    expect(jobs[0]?.startAfter.getTime()).toBe(until.getTime());
  });

  it("fails with a clear reason once the monthly quota is reached", async () => {
    const salon = await createTextingSalon(servers.standIn, { monthlySmsQuota: 2 });
    const first = await sendSms({
      salonId: salon.id,
      kind: "CUSTOM",
      body: "One",
      to: { phone: "+14155550103" },
    });
    const second = await sendSms({
      salonId: salon.id,
      kind: "CUSTOM",
      body: "Two",
      to: { phone: "+14155550103" },
    });
    const third = await sendSms({
      salonId: salon.id,
      kind: "CUSTOM",
      body: "Three",
      to: { phone: "+14155550103" },
    });
    expect(await deliver(first)).toMatchObject({ result: "sent" });
    expect(await deliver(second)).toMatchObject({ result: "sent" });
    expect(await deliver(third)).toMatchObject({ result: "failed" });
    const row = await reload(third.id);
    expect(row.status).toBe("FAILED");
    expect(row.failureReason).toBe("Monthly text limit of 2 reached — raise it in Settings.");
    expect(servers.standIn.state.messages).toHaveLength(2);
  });
});
