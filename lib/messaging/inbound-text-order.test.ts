// A customer's last word wins: a text stranded by a failure and acted on later (by the sweep or a
// redelivery) is passed over once a newer text from them was acted on — it can't undo a newer STOP
// or START, nor get an old C answered — and stays unread for staff. Texts arriving together are
// still all acted on, and a newer text at another salon changes nothing here.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTextingSalon } from "@/lib/jobs/delivery-test-kit";
import { DEFAULT_AUTO_REPLY } from "@/lib/messaging/auto-reply";
import { retryUnprocessedTexts } from "@/lib/messaging/retry-unprocessed-texts";
import { describeAppointmentTime } from "@/lib/messaging/time-text";
import { createAppointment } from "@/lib/testing/factories";
import {
  createSalonWithCustomer,
  deliveredTo,
  minutesAgo,
  postInboundSms,
  setUpTextingServersForSweeps,
  storedText,
  strandText,
  textSalon,
} from "@/lib/telephony/webhooks/sms-test-kit";

const servers = setUpTextingServersForSweeps();

const DAY = 24 * 60 * 60 * 1000;
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

  it("an old C is not answered after the customer's newer text, by a redelivery or the sweep", async () => {
    const { salon, customer } = await createSalonWithCustomer(servers.standIn);
    const appt = await createAppointment(salon.id, {
      customerId: customer.id,
      startsAt: new Date(Date.now() + 2 * DAY),
    });
    const confirm = await strandText(salon, customer.phone, "C", minutesAgo(5));
    await textSalon(salon, customer.phone, "Running 10 min late, sorry!");

    expect((await postInboundSms(confirm)).status).toBe(200);
    await retryUnprocessedTexts();
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe("BOOKED");
    expect(await deliveredTo(servers.standIn, salon.id, customer.phone)).toEqual([
      `${salon.name}: ${DEFAULT_AUTO_REPLY}`,
    ]);
    expect(await storedText(confirm.MessageSid!)).toMatchObject({
      processedAt: expect.any(Date),
      readAt: null,
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
