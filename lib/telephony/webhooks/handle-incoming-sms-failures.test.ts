// A failure between storing an incoming text and acting on it loses nothing: the text stays
// unprocessed, Twilio still gets a normal answer, and the next delivery acts — exactly once, even when
// deliveries race. Failures are real ones (a row lock and a staff cancellation, a process that
// stored the text and stopped), not mocks.
import { describe, expect, it } from "vitest";
import { confirmAppointment } from "@/lib/appointments/mutations";
import { db } from "@/lib/db";
import { createTextingSalon } from "@/lib/jobs/delivery-test-kit";
import { describeAppointmentTime } from "@/lib/messaging/time-text";
import { createAppointment, createCustomer } from "@/lib/testing/factories";
import {
  deliveredTo,
  notificationsOf,
  postInboundSms,
  smsParams,
  storeWithoutActing,
  setUpTextingServers,
} from "@/lib/telephony/webhooks/sms-test-kit";

const servers = setUpTextingServers();

const DAY = 24 * 60 * 60 * 1000;

async function setup() {
  const salon = await createTextingSalon(servers.standIn, { timeZone: "UTC" });
  const customer = await createCustomer(salon.id, { firstTextedAt: new Date(), name: "Jane Doe" });
  return { salon, customer };
}

const textsTo = (salonId: string, phone: string) => deliveredTo(servers.standIn, salonId, phone);

/** Resolves once some statement in this database waits for a row lock (the webhook confirming). */
async function waitForLockWaiter(): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    // Asked on another connection: pg_stat_activity is a snapshot for the whole transaction.
    const [row] = await db.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%FOR UPDATE%'`;
    if ((row?.n ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the webhook never waited for the appointment's row lock");
}

const storedText = (messageSid: string) => db.inboundMessage.findUniqueOrThrow({ where: { messageSid } });

describe("the action fails after the text is stored", () => {
  it("staff cancel the appointment a C is confirming: Twilio gets <Response/>, and the redelivery answers once", async () => {
    const { salon, customer } = await setup();
    const appt = await createAppointment(salon.id, {
      customerId: customer.id,
      startsAt: new Date(Date.now() + 2 * DAY),
    });
    const params = smsParams({ from: customer.phone, to: salon.twilioNumber ?? "", body: "C" });

    // Staff hold the appointment while the webhook tries to confirm it, then cancel it.
    let first!: Promise<Response>;
    await db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1 FROM "appointments" WHERE "id" = ${appt.id} FOR UPDATE`;
      first = postInboundSms(params);
      await waitForLockWaiter();
      await tx.appointment.update({ where: { id: appt.id }, data: { status: "CANCELLED" } });
    });
    const res = await first;
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<Response\s*\/>\s*$/);
    expect(await storedText(params.MessageSid!)).toMatchObject({
      keyword: "CONFIRM",
      processedAt: null,
      readAt: null,
    });
    expect(await notificationsOf(salon.id, customer.id)).toHaveLength(0);

    // Twilio (or the sweep) delivers it again: now it is answered; further deliveries change nothing.
    for (let i = 0; i < 3; i++) expect((await postInboundSms(params)).status).toBe(200);
    expect(await textsTo(salon.id, customer.phone)).toEqual([
      `${salon.name}: We couldn't find an upcoming appointment to confirm. Reply here and someone will help you.`,
    ]);
    expect((await storedText(params.MessageSid!)).processedAt).toBeInstanceOf(Date);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe("CANCELLED");
  });
});

describe("the process stops after storing the text", () => {
  it("a STOP stored but not acted on is acted on by Twilio's redelivery: opted out, confirmed once", async () => {
    const { salon, customer } = await setup();
    const params = smsParams({ from: customer.phone, to: salon.twilioNumber ?? "", body: "STOP" });
    await storeWithoutActing(salon.id, params);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).smsConsent).toBe("OPTED_IN");

    expect((await postInboundSms(params)).status).toBe(200);
    expect((await postInboundSms(params)).status).toBe(200);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).smsConsent).toBe(
      "OPTED_OUT",
    );
    expect(await textsTo(salon.id, customer.phone)).toEqual([
      `You're unsubscribed from ${salon.name} texts. Reply START to resubscribe.`,
    ]);
  });

  it("concurrent redeliveries of a stored C: the appointment is confirmed and exactly one reply reaches Twilio", async () => {
    const { salon, customer } = await setup();
    const appt = await createAppointment(salon.id, {
      customerId: customer.id,
      startsAt: new Date(Date.now() + 2 * DAY),
    });
    const params = smsParams({ from: customer.phone, to: salon.twilioNumber ?? "", body: "C" });
    await storeWithoutActing(salon.id, params);

    const responses = await Promise.all(Array.from({ length: 6 }, () => postInboundSms(params)));
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe("CONFIRMED");
    const when = describeAppointmentTime(appt.startsAt, new Date(), "UTC");
    expect(await textsTo(salon.id, customer.phone)).toEqual([
      `${salon.name}: Thanks! Your appointment ${when} is confirmed.`,
    ]);
  });

  it("a C that confirmed but died before replying answers for that appointment, not the next one, on retry", async () => {
    const { salon, customer } = await setup();
    const soon = await createAppointment(salon.id, {
      customerId: customer.id,
      startsAt: new Date(Date.now() + 2 * DAY),
    });
    const later = await createAppointment(salon.id, {
      customerId: customer.id,
      startsAt: new Date(Date.now() + 9 * DAY),
    });
    const params = smsParams({ from: customer.phone, to: salon.twilioNumber ?? "", body: "C" });
    await storeWithoutActing(salon.id, params);
    await confirmAppointment(salon.id, soon.id);

    expect((await postInboundSms(params)).status).toBe(200);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: later.id } })).status).toBe("BOOKED");
    const when = describeAppointmentTime(soon.startsAt, new Date(), "UTC");
    expect(await textsTo(salon.id, customer.phone)).toEqual([
      `${salon.name}: Thanks! Your appointment ${when} is confirmed.`,
    ]);
  });
});
