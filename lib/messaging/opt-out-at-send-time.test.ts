// A STOP that arrives while other answers are still queued wins: only the STOP/START/HELP answers
// reach an opted-out customer; the answers to C and R and the auto-reply are checked again when they
// go out. End to end: signed webhook → queue → delivery job → the Twilio stand-in.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { createAppointment, createCustomer, uniquePhone } from "@/lib/testing/factories";
import {
  deliveredTo,
  notificationsOf,
  textSalon,
} from "@/lib/testing/sms-test-kit";

const servers = setUpTextingServers();

async function setup(forwardingPhone: string | null = null) {
  const salon = await createTextingSalon(servers.standIn, { forwardingPhone });
  const customer = await createCustomer(salon.id, { firstTextedAt: new Date() });
  await createAppointment(salon.id, {
    customerId: customer.id,
    startsAt: new Date(Date.now() + 2 * 86_400_000),
  });
  return { salon, customer };
}

const stopConfirmation = (salonName: string) =>
  `You're unsubscribed from ${salonName} texts. Reply START to resubscribe.`;

describe("an answer queued before STOP is not sent after it", () => {
  it.each([
    ["C", "APPOINTMENT_REPLY"],
    ["R", "APPOINTMENT_REPLY"],
    ["Do you have anything Saturday?", "AUTO_REPLY"],
  ])("%j then STOP: only the STOP confirmation goes out; the %s is cancelled", async (first, kind) => {
    const { salon, customer } = await setup();
    await textSalon(salon, customer.phone, first);
    await textSalon(salon, customer.phone, "STOP");

    expect(await deliveredTo(servers.standIn, salon.id, customer.phone)).toEqual([
      stopConfirmation(salon.name),
    ]);
    const answer = (await notificationsOf(salon.id, customer.id)).find((n) => n.kind === kind);
    expect(answer).toMatchObject({ status: "CANCELED" });
  });

  it("R then STOP: staff are still alerted (the alert goes to the salon, not the customer)", async () => {
    const forwardingPhone = uniquePhone();
    const { salon, customer } = await setup(forwardingPhone);
    await textSalon(salon, customer.phone, "R");
    await textSalon(salon, customer.phone, "STOP");
    expect(await deliveredTo(servers.standIn, salon.id, forwardingPhone)).toHaveLength(1);
    expect(await deliveredTo(servers.standIn, salon.id, customer.phone)).toEqual([
      stopConfirmation(salon.name),
    ]);
  });

  it("HELP after STOP is still answered (carriers require it)", async () => {
    const { salon, customer } = await setup();
    await textSalon(salon, customer.phone, "STOP");
    await textSalon(salon, customer.phone, "HELP");
    const texts = await deliveredTo(servers.standIn, salon.id, customer.phone);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain("Reply START to get texts again.");
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).smsConsent).toBe(
      "OPTED_OUT",
    );
  });
});
