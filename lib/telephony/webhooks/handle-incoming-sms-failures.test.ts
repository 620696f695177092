// A failure between storing an incoming text and acting on it loses nothing: the text stays
// unprocessed, Twilio still gets a normal answer, and the worker's sweep acts on it later — exactly
// once, even racing redeliveries (Twilio does not retry a text webhook that answered; the sweep is the
// retry). Failures are real ones (a row lock and a staff cancellation, a process that stored the text
// and stopped), not mocks.
import { describe, expect, it } from "vitest";
import { confirmAppointment } from "@/lib/appointments/mutations";
import { db } from "@/lib/db";
import { ATTEMPT_LEASE_MS, retryDelayAfter } from "@/lib/messaging/inbound-claims";
import { clockFrom } from "@/lib/time/clock";
import { retryUnprocessedTexts } from "@/lib/messaging/retry-unprocessed-texts";
import { describeAppointmentTime } from "@/lib/messaging/time-text";
import { createAppointment } from "@/lib/testing/factories";
import { waitForLockWaiter } from "@/lib/testing/lock-waiters";
import {
  createSalonWithCustomer,
  deliveredTo,
  minutesAgo,
  notificationsOf,
  postInboundSms,
  setUpTextingServersForSweeps,
  smsParams,
  storedText,
  strandText,
} from "@/lib/testing/sms-test-kit";

const servers = setUpTextingServersForSweeps();

const DAY = 24 * 60 * 60 * 1000;
const setup = () => createSalonWithCustomer(servers.standIn, { timeZone: "UTC" });

const textsTo = (salonId: string, phone: string) => deliveredTo(servers.standIn, salonId, phone);

describe("the action fails after the text is stored", () => {
  it("staff cancel the appointment a C is confirming: Twilio gets <Response/>, and the sweep answers once after backing off", async () => {
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
      await waitForLockWaiter("%FOR UPDATE%");
      await tx.appointment.update({ where: { id: appt.id }, data: { status: "CANCELLED" } });
    });
    const res = await first;
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/<Response\s*\/>\s*$/);
    expect(await storedText(params.MessageSid!)).toMatchObject({
      keyword: "CONFIRM",
      processedAt: null,
      readAt: null,
      attempts: 1,
      claimedAt: null,
    });
    expect(await notificationsOf(salon.id, customer.id)).toHaveLength(0);

    // A redelivery now changes nothing; the sweep tries again once the text's backoff is over.
    expect((await postInboundSms(params)).status).toBe(200);
    expect(await retryUnprocessedTexts()).toBe(0);
    const later = new Date(Date.now() + retryDelayAfter(1) + 1000);
    expect(await retryUnprocessedTexts(clockFrom(later))).toBe(1);
    expect(await retryUnprocessedTexts(clockFrom(later))).toBe(0);
    expect(await textsTo(salon.id, customer.phone)).toEqual([
      `${salon.name}: We couldn't find an upcoming appointment to confirm. Reply here and someone will help you.`,
    ]);
    expect(await storedText(params.MessageSid!)).toMatchObject({
      processedAt: expect.any(Date),
      attempts: 2,
    });
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe("CANCELLED");
  });
});

describe("the process stops after storing the text", () => {
  it("a STOP whose process died is acted on by the sweep once the process's hold lapses: opted out, confirmed once", async () => {
    const { salon, customer } = await setup();
    const params = await strandText(salon, customer.phone, "STOP");
    // Held by the (dead) delivery: neither a redelivery nor the sweep can tell it from a slow one yet.
    expect((await postInboundSms(params)).status).toBe(200);
    expect(await retryUnprocessedTexts()).toBe(0);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).smsConsent).toBe("OPTED_IN");

    const later = new Date(Date.now() + ATTEMPT_LEASE_MS + 1000);
    expect(await retryUnprocessedTexts(clockFrom(later))).toBe(1);
    expect(await retryUnprocessedTexts(clockFrom(later))).toBe(0);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).smsConsent).toBe(
      "OPTED_OUT",
    );
    expect(await textsTo(salon.id, customer.phone)).toEqual([
      `You're unsubscribed from ${salon.name} texts. Reply START to resubscribe.`,
    ]);
  });

  it("concurrent redeliveries and sweeps of a stored C: the appointment is confirmed and exactly one reply reaches Twilio", async () => {
    const { salon, customer } = await setup();
    const appt = await createAppointment(salon.id, {
      customerId: customer.id,
      startsAt: new Date(Date.now() + 2 * DAY),
    });
    const params = await strandText(salon, customer.phone, "C", minutesAgo(3));

    const responses = await Promise.all(Array.from({ length: 6 }, () => postInboundSms(params)));
    const sweeps = await Promise.all([retryUnprocessedTexts(), retryUnprocessedTexts()]);
    expect(responses.map((r) => r.status)).toEqual(Array(6).fill(200));
    expect(sweeps[0] + sweeps[1]).toBeLessThanOrEqual(1);
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
    await strandText(salon, customer.phone, "C", minutesAgo(3));
    await confirmAppointment(salon.id, soon.id);

    expect(await retryUnprocessedTexts()).toBe(1);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: later.id } })).status).toBe("BOOKED");
    const when = describeAppointmentTime(soon.startsAt, new Date(), "UTC");
    expect(await textsTo(salon.id, customer.phone)).toEqual([
      `${salon.name}: Thanks! Your appointment ${when} is confirmed.`,
    ]);
  });
});
