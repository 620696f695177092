// A salon's number, bought exactly once and released after the grace period, through the real SDK into
// the Twilio stand-in: subscription sync → request row → provisioning run → Twilio → salons row. The
// job's body (provisionNumber) and the release sweep are called directly with a fixed clock.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GET as getPhoneNumber } from "@/app/api/telephony/phone-number/route";
import { POST as postProvision } from "@/app/api/telephony/provision-phone/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma, SubscriptionStatus } from "@/lib/generated/prisma/client";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { PROVISION_NUMBER } from "@/lib/jobs/queues";
import { restoreSandboxNumbers } from "@/lib/dev/seed/sandbox-numbers";
import { getNumberStatus } from "@/lib/phone-numbers/get-number-status";
import { friendlyNameFor, provisionNumber } from "@/lib/phone-numbers/provision-number";
import { reapplyWebhooks } from "@/lib/phone-numbers/reapply-webhooks";
import { releaseDueNumbers } from "@/lib/phone-numbers/release-number";
import { requestNumberForOwner, resumeStalledRequests } from "@/lib/phone-numbers/request-number";
import { syncNumberWithSubscription } from "@/lib/phone-numbers/subscription-sync";
import { apiRequest, createSalonWithOwner, noParams } from "@/lib/testing/auth-fixtures";
import { createSalon } from "@/lib/testing/factories";
import { MAIN_ACCOUNT, startStandInForTests } from "@/lib/testing/twilio-sandbox";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";

const NOW = new Date("2026-12-09T15:00:00Z");
const DAY = 86_400_000;
let standIn: TwilioStandIn;

beforeAll(async () => {
  standIn = await startStandInForTests();
});
// The stand-in forgets its numbers before each test; so do this file's salons (twilioNumber is unique).
beforeEach(async () => {
  standIn.state.reset();
  await db.salon.updateMany({ data: { twilioNumber: null, twilioNumberSid: null, twilioAccountSid: null } });
});
afterAll(async () => {
  await stopBoss();
  await closeRateLimitStore();
  await standIn.close();
});

async function subscribedSalon(status: SubscriptionStatus = "TRIALING", place: Partial<Prisma.SalonUncheckedCreateInput> = {}) {
  return createSalon({ subscriptionStatus: status, forwardingPhone: "+14155550199", ...place });
}

async function setStatus(salonId: string, subscriptionStatus: SubscriptionStatus) {
  await db.salon.update({ where: { id: salonId }, data: { subscriptionStatus } });
}

const numberOf = (salonId: string) =>
  db.salon.findUniqueOrThrow({ where: { id: salonId }, select: { twilioNumber: true, twilioNumberSid: true, twilioAccountSid: true } });

describe("a subscription that starts gets one number", () => {
  it("buys a local number pointed at Bolt's webhooks, records it, notes it and e-mails the owner", async () => {
    const owner = await createSalonWithOwner();
    await db.salon.update({ where: { id: owner.salonId }, data: { subscriptionStatus: "ACTIVE", forwardingPhone: "+15125550123" } });

    await syncNumberWithSubscription(owner.salonId, NOW);
    expect((await getNumberStatus(owner.salonId)).state).toBe("pending");
    expect(await provisionNumber(owner.salonId, NOW)).toBe("bought");

    const base = env.PUBLIC_BASE_URL.replace(/\/+$/, "");
    expect(standIn.state.numbers).toHaveLength(1);
    expect(standIn.state.numbers[0]).toMatchObject({
      accountSid: MAIN_ACCOUNT.sid,
      phoneNumber: "+15125550100", // the forwarding phone's area code first
      friendlyName: friendlyNameFor(owner.salonId),
      voiceUrl: `${base}/api/webhooks/twilio/voice`,
      voiceMethod: "POST",
      statusCallback: `${base}/api/webhooks/twilio/voice/status`,
      statusCallbackMethod: "POST",
      smsUrl: `${base}/api/webhooks/twilio/sms`,
      smsMethod: "POST",
    });
    expect(await numberOf(owner.salonId)).toEqual({
      twilioNumber: "+15125550100",
      twilioNumberSid: standIn.state.numbers[0]!.sid,
      twilioAccountSid: MAIN_ACCOUNT.sid,
    });
    const status = await getNumberStatus(owner.salonId);
    expect(status).toMatchObject({ state: "active", number: { e164: "+15125550100", national: "(512) 555-0100" } });
    expect(status.webhooks).toMatchObject({ differs: [], error: null });

    const actions = await db.auditLog.findMany({ where: { salonId: owner.salonId }, orderBy: { createdAt: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["phone_number.requested", "phone_number.provisioned"]);
    const email = await db.notification.findFirstOrThrow({ where: { salonId: owner.salonId, channel: "EMAIL" } });
    expect(email).toMatchObject({ destination: owner.email, status: "QUEUED" });
    expect(email.subject).toMatch(/^Your Bolt number is .*512.*555.*0100/);

    // Another event for the same subscription buys nothing.
    await syncNumberWithSubscription(owner.salonId, NOW);
    expect(await provisionNumber(owner.salonId, NOW)).toBe("not-pending");
    expect(standIn.state.numbers).toHaveLength(1);
  });

  it.each([
    ["the forwarding phone's area code", { forwardingPhone: "+13125550123" }, "+13125550100"],
    ["the postal code when that area code has none for sale", { forwardingPhone: "+16505550123", postalCode: "94612", region: "CA" }, "+15105550100"],
    ["the state when the postal code has none", { forwardingPhone: null, postalCode: "99999", region: "tx" }, "+15125550100"],
    ["anywhere in the country last", { forwardingPhone: "+16505550123", postalCode: null, region: "ZZ" }, "+12065550100"],
  ])("searches %s", async (_name, place, expected) => {
    const salon = await subscribedSalon("ACTIVE", place);
    await syncNumberWithSubscription(salon.id, NOW);
    await provisionNumber(salon.id, NOW);
    expect((await numberOf(salon.id)).twilioNumber).toBe(expected);
  });

  it("takes the owner's preferred area code first", async () => {
    const salon = await subscribedSalon();
    await requestNumberForOwner(salon.id, { now: NOW, preferredAreaCode: "617", actor: {} });
    await provisionNumber(salon.id, NOW);
    expect((await numberOf(salon.id)).twilioNumber).toBe("+16175550100");
  });

  it("buys once however many triggers race: subscription events, owner clicks and job runs at once", async () => {
    const salon = await subscribedSalon("ACTIVE");
    const triggers = 20;
    const results = await Promise.allSettled(
      Array.from({ length: triggers }, (_, i) => {
        if (i % 3 === 0) return syncNumberWithSubscription(salon.id, NOW);
        if (i % 3 === 1) return requestNumberForOwner(salon.id, { now: NOW, actor: {} });
        return provisionNumber(salon.id, NOW);
      }),
    );
    // Runs that found no request yet, or found the lease taken, did nothing; drain what is left.
    for (let i = 0; i < 3; i++) await provisionNumber(salon.id, NOW);
    const bought = standIn.state.numbers.length;
    console.info(`[figures] concurrent provisioning: ${triggers} triggers sent, ${bought} number(s) bought`);
    expect(results.filter((r) => r.status === "rejected" && !/already has a phone number/.test(String(r.reason)))).toEqual([]);
    expect(bought).toBe(1);
    expect((await numberOf(salon.id)).twilioNumberSid).toBe(standIn.state.numbers[0]!.sid);
  });

  it("keeps the request pending with the reason when Twilio fails, and buys on the retry", async () => {
    const salon = await subscribedSalon();
    await syncNumberWithSubscription(salon.id, NOW);
    standIn.state.failNextRequests(1, 500, { route: "numbers" });
    await expect(provisionNumber(salon.id, NOW)).rejects.toMatchObject({ status: 500 });
    expect(await getNumberStatus(salon.id)).toMatchObject({
      state: "pending",
      pendingReason: "Twilio had a problem on its side; Bolt will try again shortly.",
      number: null,
    });
    expect(standIn.state.numbers).toHaveLength(0);

    expect(await provisionNumber(salon.id, NOW)).toBe("bought");
    expect(standIn.state.numbers).toHaveLength(1);
    expect((await getNumberStatus(salon.id)).pendingReason).toBeNull();
  });

  it("adopts a number Twilio sold us when the answer was lost", async () => {
    const salon = await subscribedSalon();
    await syncNumberWithSubscription(salon.id, NOW);
    standIn.state.failNextRequests(1, 502, { route: "numbers", afterAccept: true });
    await expect(provisionNumber(salon.id, NOW)).rejects.toMatchObject({ status: 502 });
    expect(standIn.state.numbers).toHaveLength(1); // bought at Twilio, unknown to Bolt

    expect(await provisionNumber(salon.id, NOW)).toBe("adopted");
    expect(standIn.state.numbers).toHaveLength(1);
    expect((await numberOf(salon.id)).twilioNumberSid).toBe(standIn.state.numbers[0]!.sid);
  });

  it("adopts, not repeats, a purchase whose database write failed", async () => {
    const salon = await subscribedSalon();
    await syncNumberWithSubscription(salon.id, NOW);
    // A real failing write: PostgreSQL refuses to store this salon's number until the trigger is gone.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_number() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full (test)'; END $$;
      CREATE TRIGGER refuse_number BEFORE UPDATE OF "twilioNumber" ON "salons"
      FOR EACH ROW WHEN (NEW."id" = '${salon.id}') EXECUTE FUNCTION refuse_number();`);
    try {
      await expect(provisionNumber(salon.id, NOW)).rejects.toThrow(/disk full/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_number ON "salons"; DROP FUNCTION refuse_number();`);
    }
    expect(standIn.state.numbers).toHaveLength(1);
    expect((await numberOf(salon.id)).twilioNumber).toBeNull();

    expect(await provisionNumber(salon.id, NOW)).toBe("adopted");
    expect(standIn.state.numbers).toHaveLength(1);
    expect((await numberOf(salon.id)).twilioNumber).toBe(standIn.state.numbers[0]!.phoneNumber);
  });

  it("buys nothing for a subscription that is incomplete, past due or paused, or ended before the run", async () => {
    for (const status of ["INCOMPLETE", "PAST_DUE", "PAUSED", "NONE"] as const) {
      const salon = await subscribedSalon(status);
      await syncNumberWithSubscription(salon.id, NOW);
      expect(await provisionNumber(salon.id, NOW)).toBe("not-pending");
    }
    const salon = await subscribedSalon();
    await syncNumberWithSubscription(salon.id, NOW);
    await setStatus(salon.id, "INCOMPLETE_EXPIRED");
    expect(await provisionNumber(salon.id, NOW)).toBe("not-subscribed");
    expect(standIn.state.numbers).toHaveLength(0);
  });
});

describe("a subscription that ends releases the number after the grace period", () => {
  async function salonWithNumber() {
    const salon = await subscribedSalon();
    await syncNumberWithSubscription(salon.id, NOW);
    await provisionNumber(salon.id, NOW);
    return salon;
  }

  it("keeps it through the grace period, tells the owner the date, then releases it at Twilio and forgets it", async () => {
    const { salonId } = await createSalonWithOwner();
    await db.salon.update({ where: { id: salonId }, data: { subscriptionStatus: "ACTIVE" } });
    await syncNumberWithSubscription(salonId, NOW);
    await provisionNumber(salonId, NOW);
    const salon = { id: salonId };
    await setStatus(salon.id, "CANCELED");
    await syncNumberWithSubscription(salon.id, NOW);
    await syncNumberWithSubscription(salon.id, new Date(NOW.getTime() + 5 * DAY)); // a late duplicate moves nothing
    const releaseAt = new Date(NOW.getTime() + env.NUMBER_RELEASE_GRACE_DAYS * DAY);
    expect(await getNumberStatus(salon.id, { withTwilio: false })).toMatchObject({ state: "releasing", releaseAt: releaseAt.toISOString() });
    const emails = await db.notification.findMany({ where: { salonId: salon.id, channel: "EMAIL" }, orderBy: { createdAt: "asc" } });
    expect(emails.map((e) => e.subject)).toEqual([
      expect.stringMatching(/^Your Bolt number is /),
      "Your Bolt number will be released on Friday, January 8, 2027", // 30 days on, in the salon's zone
    ]);

    expect(await releaseDueNumbers(new Date(releaseAt.getTime() - 1))).toBe(0);
    expect(standIn.state.numbers).toHaveLength(1);
    expect(await releaseDueNumbers(releaseAt)).toBe(1);
    expect(standIn.state.numbers).toHaveLength(0);
    expect(await numberOf(salon.id)).toEqual({ twilioNumber: null, twilioNumberSid: null, twilioAccountSid: null });
    expect((await getNumberStatus(salon.id)).state).toBe("none");
    expect(await releaseDueNumbers(new Date(releaseAt.getTime() + DAY))).toBe(0);
  });

  it("keeps the number when the salon subscribes again in time, and on PAST_DUE", async () => {
    const salon = await salonWithNumber();
    await setStatus(salon.id, "CANCELED");
    await syncNumberWithSubscription(salon.id, NOW);
    await setStatus(salon.id, "ACTIVE");
    await syncNumberWithSubscription(salon.id, new Date(NOW.getTime() + 3 * DAY));
    await setStatus(salon.id, "PAST_DUE");
    await syncNumberWithSubscription(salon.id, new Date(NOW.getTime() + 4 * DAY));

    expect(await releaseDueNumbers(new Date(NOW.getTime() + 400 * DAY))).toBe(0);
    expect(standIn.state.numbers).toHaveLength(1);
    expect((await getNumberStatus(salon.id, { withTwilio: false })).state).toBe("active");
    const actions = await db.auditLog.findMany({ where: { salonId: salon.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(actions.map((a) => a.action).slice(-2)).toEqual(["phone_number.release_scheduled", "phone_number.release_cancelled"]);
  });
});

describe("a request nothing is working on", () => {
  it("gets a new job from the worker's sweep after an hour untouched", async () => {
    const salon = await subscribedSalon();
    await syncNumberWithSubscription(salon.id, NOW);
    // The row's clock is the caller's: an hour after NOW counts as untouched only past updatedAt + 1 h.
    await db.numberProvisioning.update({ where: { salonId: salon.id }, data: { updatedAt: NOW } });
    const jobs = async () => (await (await getBoss()).findJobs(PROVISION_NUMBER, { data: { salonId: salon.id } })).length;
    expect(await jobs()).toBe(1); // the request's own
    await resumeStalledRequests(new Date(NOW.getTime() + 30 * 60_000));
    expect(await jobs()).toBe(1);
    await resumeStalledRequests(new Date(NOW.getTime() + 61 * 60_000));
    expect(await jobs()).toBe(2);
  });
});

describe("webhook settings read back from Twilio", () => {
  it("warns when Twilio's differ from Bolt's and re-applies them", async () => {
    const salon = await subscribedSalon();
    await syncNumberWithSubscription(salon.id, NOW);
    await provisionNumber(salon.id, NOW);
    Object.assign(standIn.state.numbers[0]!, { smsUrl: "https://elsewhere.example/sms", voiceMethod: "GET" });
    expect((await getNumberStatus(salon.id)).webhooks?.differs).toEqual(["voiceMethod", "smsUrl"]);
    await reapplyWebhooks(salon.id);
    expect((await getNumberStatus(salon.id)).webhooks?.differs).toEqual([]);
  });

  it("the sandbox, which forgets numbers on restart, gets the salons' numbers back from the database", async () => {
    const salon = await subscribedSalon();
    await syncNumberWithSubscription(salon.id, NOW);
    await provisionNumber(salon.id, NOW);
    const sid = standIn.state.numbers[0]!.sid;
    standIn.state.reset(); // a restart
    expect((await getNumberStatus(salon.id)).webhooks?.error).toBe("Twilio no longer has this number on the account.");
    expect(await restoreSandboxNumbers(db, standIn.state, MAIN_ACCOUNT.sid)).toBe(1);
    expect(standIn.state.numbers.map((n) => n.sid)).toEqual([sid]);
    expect((await getNumberStatus(salon.id)).webhooks).toMatchObject({ differs: [], error: null });
  });
});

describe("GET /api/telephony/phone-number and POST /api/telephony/provision-phone", () => {
  async function keyFor(salonId: string, role: "OWNER" | "STAFF") {
    return (await createApiKey(salonId, { name: `${role} key`, role })).plaintextKey;
  }
  const provision = (key: string, json: unknown = {}) =>
    postProvision(apiRequest("/api/telephony/provision-phone", { method: "POST", key, json }), noParams);
  const read = (key: string) => getPhoneNumber(apiRequest("/api/telephony/phone-number", { key }), noParams);

  it("lets owners provision, refuses staff, and checks the area code", async () => {
    const salon = await subscribedSalon();
    const staff = await provision(await keyFor(salon.id, "STAFF"));
    expect(staff.status).toBe(403);
    const owner = await keyFor(salon.id, "OWNER");
    const bad = await provision(owner, { areaCode: "12" });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: "validation_failed", fields: { areaCode: ["Enter a three-digit US or Canadian area code, like 415."] } });
    expect((await provision(owner, { areaCode: "415", extra: 1 })).status).toBe(422);
    expect(await db.numberProvisioning.count({ where: { salonId: salon.id } })).toBe(0);

    const accepted = await provision(owner, { areaCode: "305" });
    expect(accepted.status).toBe(202);
    expect(await accepted.json()).toMatchObject({ data: { state: "pending", number: null } });
    await provisionNumber(salon.id, NOW);
    const again = await provision(owner);
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: "number_exists" });
    expect(standIn.state.numbers.map((n) => n.phoneNumber)).toEqual(["+13055550100"]);
  });

  it("refuses a salon without a subscription", async () => {
    const salon = await subscribedSalon("NONE");
    const res = await provision(await keyFor(salon.id, "OWNER"));
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: "subscription_required" });
  });

  it("shows each salon only its own number", async () => {
    const [a, b] = [await subscribedSalon(), await subscribedSalon()];
    await syncNumberWithSubscription(a.id, NOW);
    await provisionNumber(a.id, NOW);
    const aKey = await keyFor(a.id, "STAFF");
    const bKey = await keyFor(b.id, "OWNER");
    const aView = (await (await read(aKey)).json()) as { data: { number: { e164: string } | null; state: string } };
    const bView = (await (await read(bKey)).json()) as { data: { number: unknown; state: string; webhooks: unknown } };
    expect(aView.data).toMatchObject({ state: "active", number: { e164: standIn.state.numbers[0]!.phoneNumber } });
    expect(bView.data).toEqual(expect.objectContaining({ state: "none", number: null, webhooks: null }));
    // B's owner provisioning touches only B.
    expect((await provision(bKey)).status).toBe(202);
    await provisionNumber(b.id, NOW);
    expect((await numberOf(a.id)).twilioNumberSid).toBe(standIn.state.numbers[0]!.sid);
    expect(new Set(standIn.state.numbers.map((n) => n.friendlyName))).toEqual(new Set([friendlyNameFor(a.id), friendlyNameFor(b.id)]));
  });
});
