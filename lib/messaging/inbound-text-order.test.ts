// A customer's texts are acted on in the order they arrived: a text waits while an older one is
// unfinished (held, or backing off after a failure), and the older one goes first when it is retried.
// Only consent passes a text over: a stranded STOP/START followed by a newer STOP/START is closed
// unacted (the customer's last word wins) and stays unread for staff; and a STOP/START never waits
// behind a text that backs off, so an opt-out takes effect at once. A STOP is never dropped for the
// "ok thanks" after it, nor a C for the "see you then"; a text Bolt gives up on lets the newer ones
// go on. Texts arriving together are all acted on, and a newer text at another salon changes nothing here.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTextingSalon } from "@/lib/testing/delivery-test-kit";
import { DEFAULT_AUTO_REPLY } from "@/lib/messaging/auto-reply";
import { MAX_ATTEMPTS, releaseInboundText, retryDelayAfter } from "@/lib/messaging/inbound-claims";
import { clockFrom } from "@/lib/time/clock";
import { retryUnprocessedTexts } from "@/lib/messaging/retry-unprocessed-texts";
import { describeAppointmentTime } from "@/lib/messaging/time-text";
import { createAppointment } from "@/lib/testing/factories";
import {
  AUTO_REPLY_FAILS,
  createSalonWithCustomer,
  deliveredTo,
  minutesAgo,
  notificationsOf,
  postInboundSms,
  setUpTextingServersForSweeps,
  smsParams,
  storedText,
  storeWithoutActing,
  strandText,
  textSalon,
} from "@/lib/testing/sms-test-kit";

const servers = setUpTextingServersForSweeps();

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

/**
 * A text whose first attempt failed: stored and claimed by its webhook, then freed by the same call
 * actOnInboundText makes when the action throws (attempts 1, retried after its backoff).
 */
async function failOnce(salon: { id: string; twilioNumber: string | null }, from: string, body: string) {
  const params = smsParams({ from, to: salon.twilioNumber ?? "", body });
  const { claim } = await storeWithoutActing(salon.id, params);
  if (claim.state !== "claimed") throw new Error(`the webhook did not claim its text (${claim.state})`);
  await releaseInboundText(salon.id, claim.text);
  return params;
}

/** The worker's sweep once the first attempt's backoff is over. */
const sweepAfterBackoff = () =>
  retryUnprocessedTexts(clockFrom(new Date(Date.now() + retryDelayAfter(1) + 1000)));

const consentOf = async (customerId: string) =>
  (await db.customer.findUniqueOrThrow({ where: { id: customerId } })).smsConsent;

describe("a stranded text acted on after a newer one", () => {
  it("an old START does not undo the STOP the customer sent after it", async () => {
    const { salon, customer } = await createSalonWithCustomer(servers.standIn);
    await db.customer.update({
      where: { id: customer.id },
      data: { smsConsent: "OPTED_OUT", optedOutAt: minutesAgo(60) },
    });
    const start = await strandText(salon, customer.phone, "START", minutesAgo(5));
    await textSalon(salon, customer.phone, "STOP");

    await retryUnprocessedTexts();
    expect(await consentOf(customer.id)).toBe("OPTED_OUT");
    expect(await deliveredTo(servers.standIn, salon.id, customer.phone)).toEqual([
      `You're unsubscribed from ${salon.name} texts. Reply START to resubscribe.`,
    ]);
    // Done with, so nothing retries it, but never read: staff see what the customer wrote.
    expect(await storedText(start.MessageSid!)).toMatchObject({
      processedAt: expect.any(Date),
      readAt: null,
    });
  });

  it("an old STOP does not undo the START the customer sent after it", async () => {
    const { salon, customer } = await createSalonWithCustomer(servers.standIn);
    const stop = await strandText(salon, customer.phone, "STOP", minutesAgo(5));
    await textSalon(salon, customer.phone, "START");

    await retryUnprocessedTexts();
    expect(await consentOf(customer.id)).toBe("OPTED_IN");
    expect(await deliveredTo(servers.standIn, salon.id, customer.phone)).toEqual([
      `You're subscribed to ${salon.name} texts. Reply HELP for help or STOP to opt out.`,
    ]);
    expect(await storedText(stop.MessageSid!)).toMatchObject({ processedAt: expect.any(Date), readAt: null });
  });

  it("an old C stranded by a dead process is still answered, before the customer's newer text", async () => {
    const { salon, customer } = await createSalonWithCustomer(servers.standIn);
    const appt = await createAppointment(salon.id, {
      customerId: customer.id,
      startsAt: new Date(Date.now() + 2 * DAY),
    });
    const confirm = await strandText(salon, customer.phone, "C", minutesAgo(5));
    const late = await textSalon(salon, customer.phone, "Running 10 min late, sorry!");
    expect((await storedText(late.messageSid)).processedAt).toBeNull();

    // The redelivery acts on the C, then on the text that waited for it; the sweep finds nothing left.
    expect((await postInboundSms(confirm)).status).toBe(200);
    expect(await retryUnprocessedTexts()).toBe(0);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe("CONFIRMED");
    const when = describeAppointmentTime(appt.startsAt, new Date(), salon.timeZone);
    expect(await deliveredTo(servers.standIn, salon.id, customer.phone)).toEqual([
      `${salon.name}: Thanks! Your appointment ${when} is confirmed.`,
      `${salon.name}: ${DEFAULT_AUTO_REPLY}`,
    ]);
    expect(await storedText(confirm.MessageSid!)).toMatchObject({
      processedAt: expect.any(Date),
      readAt: expect.any(Date),
    });
  });

  it("a newer text at another salon doesn't pass over this salon's stranded START", async () => {
    const { salon, customer } = await createSalonWithCustomer(servers.standIn);
    await db.customer.update({
      where: { id: customer.id },
      data: { smsConsent: "OPTED_OUT", optedOutAt: minutesAgo(60) },
    });
    const other = await createTextingSalon(servers.standIn);
    await strandText(salon, customer.phone, "START", minutesAgo(5));
    await textSalon(other, customer.phone, "STOP");

    expect(await retryUnprocessedTexts()).toBe(1);
    expect(await consentOf(customer.id)).toBe("OPTED_IN");
    const there = await db.customer.findUniqueOrThrow({
      where: { salonId_phone: { salonId: other.id, phone: customer.phone } },
    });
    expect(there.smsConsent).toBe("OPTED_OUT");
  });
});

describe("a text whose action failed goes first when it is retried", () => {
  it("a STOP that failed once, then 'ok thanks': the STOP is acted on first, and the thanks gets no auto-reply", async () => {
    const { salon, customer } = await createSalonWithCustomer(servers.standIn);
    const stop = await failOnce(salon, customer.phone, "STOP");
    const thanks = await textSalon(salon, customer.phone, "ok thanks");
    // The thanks waits for the STOP's retry.
    expect(await storedText(thanks.messageSid)).toMatchObject({ processedAt: null, attempts: 0 });
    expect(await notificationsOf(salon.id, customer.id)).toHaveLength(0);

    expect(await sweepAfterBackoff()).toBe(2);
    expect(await consentOf(customer.id)).toBe("OPTED_OUT");
    expect(await deliveredTo(servers.standIn, salon.id, customer.phone)).toEqual([
      `You're unsubscribed from ${salon.name} texts. Reply START to resubscribe.`,
    ]);
    const [stopped, thanked] = [await storedText(stop.MessageSid!), await storedText(thanks.messageSid)];
    expect(stopped).toMatchObject({ processedAt: expect.any(Date), attempts: 2 });
    expect(thanked).toMatchObject({ processedAt: expect.any(Date), readAt: null, attempts: 1 });
    expect(thanked.processedAt!.getTime()).toBeGreaterThanOrEqual(stopped.processedAt!.getTime());
  });

  it("a C that failed once, then 'see you then': the appointment is confirmed and both are answered, in order", async () => {
    const { salon, customer } = await createSalonWithCustomer(servers.standIn);
    const appt = await createAppointment(salon.id, {
      customerId: customer.id,
      startsAt: new Date(Date.now() + 2 * DAY),
    });
    await failOnce(salon, customer.phone, "C");
    await textSalon(salon, customer.phone, "see you then");
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe("BOOKED");

    expect(await sweepAfterBackoff()).toBe(2);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe("CONFIRMED");
    const when = describeAppointmentTime(appt.startsAt, new Date(), salon.timeZone);
    expect(await deliveredTo(servers.standIn, salon.id, customer.phone)).toEqual([
      `${salon.name}: Thanks! Your appointment ${when} is confirmed.`,
      `${salon.name}: ${DEFAULT_AUTO_REPLY}`,
    ]);
  });

  it("a text Bolt gives up on is closed, unread, and the customer's newer texts then go on", async () => {
    const { salon, customer } = await createSalonWithCustomer(servers.standIn, AUTO_REPLY_FAILS);
    const hello = await strandText(salon, customer.phone, "hello?", minutesAgo(10));
    const now = Date.now();
    expect(await retryUnprocessedTexts(clockFrom(new Date(now)))).toBe(0);
    const later = await textSalon(salon, customer.phone, "is anyone there?");
    expect(await storedText(later.messageSid)).toMatchObject({ processedAt: null, attempts: 0 });

    // Backoff grows to two hours, so a sweep a little over two hours apart retries the failing text
    // each time; the newer text waits behind it until its last attempt, then goes on.
    for (let sweep = 1; sweep <= MAX_ATTEMPTS - 1; sweep++) {
      expect((await storedText(later.messageSid)).processedAt).toBeNull();
      await retryUnprocessedTexts(clockFrom(new Date(now + sweep * (2 * HOUR + 60_000))));
    }
    expect(await storedText(hello.MessageSid!)).toMatchObject({
      attempts: MAX_ATTEMPTS,
      processedAt: expect.any(Date),
      claimedAt: null,
      readAt: null,
    });
    // The newer text was tried once its turn came (its auto-reply fails the same way: it backs off in turn).
    expect((await storedText(later.messageSid)).attempts).toBeGreaterThan(0);
  });

  it("a STOP never waits behind a text that failed: the opt-out takes effect at once", async () => {
    const { salon, customer } = await createSalonWithCustomer(servers.standIn);
    const hello = await failOnce(salon, customer.phone, "hello?");
    const stop = await textSalon(salon, customer.phone, "STOP");

    expect(await consentOf(customer.id)).toBe("OPTED_OUT");
    expect(await storedText(stop.messageSid)).toMatchObject({ processedAt: expect.any(Date), attempts: 1 });
    expect(await deliveredTo(servers.standIn, salon.id, customer.phone)).toEqual([
      `You're unsubscribed from ${salon.name} texts. Reply START to resubscribe.`,
    ]);
    // The older text is still retried in its turn, and being opted out, the customer gets nothing more.
    expect(await storedText(hello.MessageSid!)).toMatchObject({ processedAt: null, attempts: 1 });
    await sweepAfterBackoff();
    expect(await deliveredTo(servers.standIn, salon.id, customer.phone)).toHaveLength(1);
  });

  it("a STOP whose own first try failed is retried by the sweep even while an older text backs off longer", async () => {
    const { salon, customer } = await createSalonWithCustomer(servers.standIn);
    const hello = await failOnce(salon, customer.phone, "hello?");
    // The older text has failed more often, so its next try is hours away.
    await db.inboundMessage.update({
      where: { messageSid: hello.MessageSid! },
      data: { attempts: 5, nextAttemptAt: new Date(Date.now() + 2 * HOUR) },
    });
    await failOnce(salon, customer.phone, "STOP");

    expect(await sweepAfterBackoff()).toBe(1);
    expect(await consentOf(customer.id)).toBe("OPTED_OUT");
    expect(await deliveredTo(servers.standIn, salon.id, customer.phone)).toEqual([
      `You're unsubscribed from ${salon.name} texts. Reply START to resubscribe.`,
    ]);
    expect(await storedText(hello.MessageSid!)).toMatchObject({ processedAt: null, attempts: 5 });
  });
});

describe("texts arriving together", () => {
  it("are all acted on: a C and a note sent at once confirm and get the auto-reply", async () => {
    for (let round = 0; round < 3; round++) {
      const { salon, customer } = await createSalonWithCustomer(servers.standIn);
      const appt = await createAppointment(salon.id, {
        customerId: customer.id,
        startsAt: new Date(Date.now() + 2 * DAY),
      });
      const sent = await Promise.all([
        textSalon(salon, customer.phone, "C"),
        textSalon(salon, customer.phone, "See you then!"),
        textSalon(salon, customer.phone, "HELP"),
      ]);

      for (const { messageSid } of sent)
        expect((await storedText(messageSid)).processedAt).toBeInstanceOf(Date);
      expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe("CONFIRMED");
      const when = describeAppointmentTime(appt.startsAt, new Date(), salon.timeZone);
      const texts = await deliveredTo(servers.standIn, salon.id, customer.phone);
      expect(texts).toHaveLength(3);
      expect(texts).toEqual(
        expect.arrayContaining([
          `${salon.name}: Thanks! Your appointment ${when} is confirmed.`,
          `${salon.name}: ${DEFAULT_AUTO_REPLY}`,
          expect.stringContaining("questions? Call us at"),
        ]),
      );
    }
  });
});
