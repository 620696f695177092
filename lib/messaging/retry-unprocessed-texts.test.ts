// The worker's sweep for incoming texts stored but never acted on: it acts on them once (even racing
// a redelivery or another instance's sweep), each under its own salon; it leaves alone texts still
// in their webhook's hands and closes ones too old to answer; and a text that keeps failing is retried
// later and later, then given up and closed, without holding back other customers' texts.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTextingSalon } from "@/lib/testing/delivery-test-kit";
import { DEFAULT_AUTO_REPLY } from "@/lib/messaging/auto-reply";
import { ATTEMPT_LEASE_MS, MAX_ATTEMPTS, STALE_AFTER_MS } from "@/lib/messaging/inbound-claims";
import { retryUnprocessedTexts } from "@/lib/messaging/retry-unprocessed-texts";
import { createCustomer, uniquePhone } from "@/lib/testing/factories";
import {
  AUTO_REPLY_FAILS,
  deliverQueued,
  minutesAgo,
  postInboundSms,
  setUpTextingServersForSweeps,
  storedText,
  strandText,
} from "@/lib/testing/sms-test-kit";

const servers = setUpTextingServersForSweeps();

const HOUR = 60 * 60_000;

/** A small batch, so filling one takes a handful of customers rather than the worker's fifty. */
const BATCH = 5;

/** A clock stopped at `ms`: the sweep's leases and backoffs come out exactly. */
const at = (ms: number) => () => new Date(ms);

const processedAtOf = async (messageSid: string) => (await storedText(messageSid)).processedAt;

describe("retryUnprocessedTexts", () => {
  it("acts on a stranded text once, even racing a redelivery and another sweep", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const { phone } = await createCustomer(salon.id, { firstTextedAt: new Date() });
    const params = await strandText(salon, phone, "What time do you close?", minutesAgo(3));

    await Promise.all([retryUnprocessedTexts(), postInboundSms(params), retryUnprocessedTexts()]);
    await deliverQueued(salon.id);
    expect(servers.standIn.state.messages.filter((m) => m.to === phone).map((m) => m.body)).toEqual([
      `${salon.name}: ${DEFAULT_AUTO_REPLY}`,
    ]);
    expect(await processedAtOf(params.MessageSid!)).toBeInstanceOf(Date);
    expect(await retryUnprocessedTexts()).toBe(0);
  });

  it("leaves texts still in their webhook's hands, and closes ones too old to answer: unread, never looked at again, the newer ones go on", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const fresh = await strandText(
      salon,
      uniquePhone(),
      "hi",
      new Date(Date.now() - ATTEMPT_LEASE_MS + 10_000),
    );
    const phone = uniquePhone();
    const stale = await strandText(salon, phone, "hello", new Date(Date.now() - STALE_AFTER_MS - 60_000));
    const newer = await strandText(salon, phone, "Are you open today?", minutesAgo(3));

    expect(await retryUnprocessedTexts()).toBe(1);
    expect(await processedAtOf(fresh.MessageSid!)).toBeNull();
    expect(await storedText(stale.MessageSid!)).toMatchObject({ processedAt: expect.any(Date), readAt: null });
    expect(await processedAtOf(newer.MessageSid!)).toBeInstanceOf(Date);
    expect(
      (await db.notification.findMany({ where: { salonId: salon.id }, select: { body: true } })).map((n) => n.body),
    ).toEqual([expect.stringContaining(`${salon.name}: ${DEFAULT_AUTO_REPLY}`)]);
    // Only the text still in its webhook's hands is left for the sweep to look at.
    expect(await db.inboundMessage.count({ where: { salonId: salon.id, processedAt: null } })).toBe(1);
  });

  it("acts on each salon's text under that salon: its customer, its consent, its name", async () => {
    const a = await createTextingSalon(servers.standIn, { name: "Alpha Hair" });
    const b = await createTextingSalon(servers.standIn, { name: "Beta Hair" });
    const phone = uniquePhone();
    const inA = await createCustomer(a.id, { phone, firstTextedAt: new Date() });
    const inB = await createCustomer(b.id, { phone, firstTextedAt: new Date() });
    await strandText(a, phone, "STOP", minutesAgo(3));
    await strandText(b, phone, "Any openings Friday?", minutesAgo(3));

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

  it("acts on the keyword stored with the text, the one its turn was decided by, not the body read anew", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const customer = await createCustomer(salon.id, { firstTextedAt: new Date() });
    const params = await strandText(salon, customer.phone, "STOP", minutesAgo(3));
    // As if stored before "STOP" was a keyword (a deploy between storing and acting).
    await db.inboundMessage.update({ where: { messageSid: params.MessageSid }, data: { keyword: null } });

    expect(await retryUnprocessedTexts()).toBe(1);
    expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ smsConsent: "OPTED_IN" });
    expect(await db.notification.findMany({ where: { salonId: salon.id }, select: { kind: true } })).toEqual([{ kind: "AUTO_REPLY" }]);
  });

  it("takes on a batch of customers, not of texts: a customer with two due texts fills one place", async () => {
    const salon = await createTextingSalon(servers.standIn);
    // Each customer's "hi" was claimed and its process died; the STOP a second behind it is due too (it
    // waits for nothing). Customer by customer, the two come due one after the other.
    const start = minutesAgo(10).getTime();
    for (let i = 0; i < BATCH; i++) {
      const phone = uniquePhone();
      await strandText(salon, phone, "hi", new Date(start + i * 2000));
      await strandText(salon, phone, "STOP", new Date(start + i * 2000 + 1000));
    }

    expect(await retryUnprocessedTexts(undefined, BATCH)).toBe(2 * BATCH);
    expect(await db.inboundMessage.count({ where: { salonId: salon.id, processedAt: null } })).toBe(0);
  });

  it("two sweeps at once (two instances) act on each text once", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const texts = await Promise.all(
      Array.from({ length: 12 }, () =>
        strandText(salon, uniquePhone(), "Do you do balayage?", minutesAgo(5)),
      ),
    );

    const [first, second] = await Promise.all([retryUnprocessedTexts(), retryUnprocessedTexts()]);
    expect(first + second).toBe(texts.length);
    for (const params of texts) expect(await processedAtOf(params.MessageSid!)).toBeInstanceOf(Date);
    expect(await deliverQueued(salon.id)).toBe(texts.length);
  });

  it("a text that fails every time doesn't hold back newer ones: retried later and later, then given up and left unread", async () => {
    const broken = await createTextingSalon(servers.standIn, AUTO_REPLY_FAILS);
    const failing = await Promise.all(
      Array.from({ length: BATCH }, () => strandText(broken, uniquePhone(), "hello?", minutesAgo(10))),
    );
    const salon = await createTextingSalon(servers.standIn);
    const newer = await strandText(salon, uniquePhone(), "Are you open Sunday?", minutesAgo(3));

    const now = Date.now();
    expect(await retryUnprocessedTexts(at(now), BATCH)).toBe(0);
    // A minute later the failing texts are backing off, and the newer one gets its turn.
    expect(await retryUnprocessedTexts(at(now + 60_000), BATCH)).toBe(1);
    expect(await processedAtOf(newer.MessageSid!)).toBeInstanceOf(Date);

    const sample = failing[0]!.MessageSid!;
    expect(await storedText(sample)).toMatchObject({ attempts: 2, processedAt: null, claimedAt: null });
    expect((await storedText(sample)).nextAttemptAt!.getTime()).toBe(now + 4 * 60_000);
    for (let hour = 2; hour <= 2 * (MAX_ATTEMPTS - 2); hour += 2)
      await retryUnprocessedTexts(at(now + hour * HOUR), BATCH);
    // Given up: closed, so the sweep never looks at it again, and left unread for staff.
    expect(await storedText(sample)).toMatchObject({
      attempts: MAX_ATTEMPTS,
      processedAt: expect.any(Date),
      claimedAt: null,
      readAt: null,
    });
    expect(await db.inboundMessage.count({ where: { salonId: broken.id, processedAt: null } })).toBe(0);
    expect(await retryUnprocessedTexts(at(now + 20 * HOUR), BATCH)).toBe(0);
    expect((await storedText(sample)).attempts).toBe(MAX_ATTEMPTS);
    expect(await db.notification.count({ where: { salonId: broken.id } })).toBe(0);
  });
});
