// The worker's sweep for incoming texts stored but never acted on: it acts on them once (even racing
// Twilio's redelivery), each under its own salon, and leaves alone texts still in their webhook's
// hands and ones too old to answer.
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTextingSalon } from "@/lib/jobs/delivery-test-kit";
import { DEFAULT_AUTO_REPLY } from "@/lib/messaging/auto-reply";
import {
  GIVE_UP_AFTER_MS,
  RETRY_AFTER_MS,
  retryUnprocessedTexts,
} from "@/lib/messaging/retry-unprocessed-texts";
import { createCustomer, uniquePhone } from "@/lib/testing/factories";
import {
  deliverQueued,
  postInboundSms,
  smsParams,
  storeWithoutActing,
  setUpTextingServers,
} from "@/lib/telephony/webhooks/sms-test-kit";

const servers = setUpTextingServers();
beforeEach(async () => {
  // Each test sees only its own stranded texts (the sweep works across salons).
  await db.inboundMessage.updateMany({ where: { processedAt: null }, data: { processedAt: new Date() } });
});

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000);

async function strandText(
  salon: { id: string; twilioNumber: string | null },
  from: string,
  body: string,
  receivedAt = minutesAgo(3),
) {
  const params = smsParams({ from, to: salon.twilioNumber ?? "", body });
  await storeWithoutActing(salon.id, params, receivedAt);
  return params;
}

const processedAtOf = async (messageSid: string) =>
  (await db.inboundMessage.findUniqueOrThrow({ where: { messageSid } })).processedAt;

describe("retryUnprocessedTexts", () => {
  it("acts on a stranded text once, even racing Twilio's redelivery and another sweep", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const { phone } = await createCustomer(salon.id, { firstTextedAt: new Date() });
    const params = await strandText(salon, phone, "What time do you close?");

    await Promise.all([retryUnprocessedTexts(), postInboundSms(params), retryUnprocessedTexts()]);
    await deliverQueued(salon.id);
    expect(servers.standIn.state.messages.filter((m) => m.to === phone).map((m) => m.body)).toEqual([
      `${salon.name}: ${DEFAULT_AUTO_REPLY}`,
    ]);
    expect(await processedAtOf(params.MessageSid!)).toBeInstanceOf(Date);
    expect(await retryUnprocessedTexts()).toBe(0);
  });

  it("leaves texts still in their webhook's hands, and ones too old to answer", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const fresh = await strandText(
      salon,
      uniquePhone(),
      "hi",
      new Date(Date.now() - RETRY_AFTER_MS + 10_000),
    );
    const stale = await strandText(
      salon,
      uniquePhone(),
      "hello",
      new Date(Date.now() - GIVE_UP_AFTER_MS - 60_000),
    );
    expect(await retryUnprocessedTexts()).toBe(0);
    expect(await processedAtOf(fresh.MessageSid!)).toBeNull();
    expect(await processedAtOf(stale.MessageSid!)).toBeNull();
    expect(await db.notification.count({ where: { salonId: salon.id } })).toBe(0);
  });

  it("acts on each salon's text under that salon: its customer, its consent, its name", async () => {
    const a = await createTextingSalon(servers.standIn, { name: "Alpha Hair" });
    const b = await createTextingSalon(servers.standIn, { name: "Beta Hair" });
    const phone = uniquePhone();
    const inA = await createCustomer(a.id, { phone, firstTextedAt: new Date() });
    const inB = await createCustomer(b.id, { phone, firstTextedAt: new Date() });
    await strandText(a, phone, "STOP");
    await strandText(b, phone, "Any openings Friday?");

    expect(await retryUnprocessedTexts()).toBe(2);
    await deliverQueued(a.id);
    await deliverQueued(b.id);
    expect(await db.customer.findUniqueOrThrow({ where: { id: inA.id } })).toMatchObject({
      smsConsent: "OPTED_OUT",
    });
    expect(await db.customer.findUniqueOrThrow({ where: { id: inB.id } })).toMatchObject({
      smsConsent: "OPTED_IN",
    });
    const sent = servers.standIn.state.messages.filter((m) => m.to === phone);
    expect(sent.map((m) => [m.from, m.body]).sort()).toEqual(
      [
        [a.twilioNumber, "You're unsubscribed from Alpha Hair texts. Reply START to resubscribe."],
        [b.twilioNumber, `Beta Hair: ${DEFAULT_AUTO_REPLY}`],
      ].sort(),
    );
    expect(
      await db.notification.findMany({ where: { salonId: a.id }, select: { customerId: true } }),
    ).toEqual([{ customerId: inA.id }]);
    expect(
      await db.notification.findMany({ where: { salonId: b.id }, select: { customerId: true } }),
    ).toEqual([{ customerId: inB.id }]);
  });
});
