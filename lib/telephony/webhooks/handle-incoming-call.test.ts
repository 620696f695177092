// The incoming-call webhook: greeting and menu TwiML, one CallLog per CallSid however often Twilio
// delivers it, the caller linked to their customer, and numbers that lead to the right salon only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCustomer, createSalon, uniquePhone } from "@/lib/testing/factories";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { buildWebhookUrl } from "@/lib/telephony/signature";
import { recordIncomingCall } from "@/lib/telephony/webhooks/handle-incoming-call";
import { callParams, countRows, newCallSid, postVoice } from "@/lib/testing/voice-test-kit";
import { incomingCallParamsSchema } from "@/lib/telephony/params/voice";

const VOICE = "/api/webhooks/twilio/voice";
let standIn: TwilioStandIn;

beforeAll(async () => {
  standIn = await startStandInForTests();
});
afterAll(() => standIn.close());

const callTo = (to: string, from = uniquePhone(), callSid = newCallSid()) => callParams({ callSid, from, to });

describe("POST /api/webhooks/twilio/voice", () => {
  it("greets with the salon's own greeting and offers the menu by speech and keys", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone(), greeting: "Welcome to Shear Bliss!" });
    const res = await postVoice(VOICE, callTo(salon.twilioNumber!));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/xml");
    const xml = await res.text();
    // Inside the Gather, so a caller can key or speak over the greeting.
    expect(xml).toMatch(/<Gather [^>]*><Say>Welcome to Shear Bliss!<\/Say><Say>You can say what you need/);
    expect(xml).toContain('input="speech dtmf"');
    expect(xml).toContain(`action="${buildWebhookUrl("/api/webhooks/twilio/voice/gather?attempt=1")}"`);
    expect(xml).toContain('numDigits="1"');
    expect(xml).toContain('speechTimeout="auto"');
    expect(xml).toMatch(/hints="[^"]*hours/);
    expect(xml).toMatch(/press 1 for our hours, 2 for our address, 3 for prices, 4 to book, 5 to talk to someone, or 6 to leave a message/);
  });

  it("falls back to 'Thanks for calling <name>.' without a greeting", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone(), name: "Curl Up & Dye" });
    const xml = await (await postVoice(VOICE, callTo(salon.twilioNumber!))).text();
    expect(xml).toContain("Thanks for calling Curl Up &amp; Dye.");
  });

  it("logs the call once with status, numbers and start time, linked to the known customer", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    const customer = await createCustomer(salon.id);
    const params = callTo(salon.twilioNumber!, customer.phone);
    await postVoice(VOICE, params);
    const call = await db.callLog.findUniqueOrThrow({ where: { callSid: params.CallSid } });
    expect(call).toMatchObject({ salonId: salon.id, from: customer.phone, to: salon.twilioNumber, status: "RINGING", direction: "INBOUND", customerId: customer.id });
  });

  it("stores the start time as the instant it was (UTC), whatever the server's zone", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    const params = incomingCallParamsSchema.parse(callTo(salon.twilioNumber!));
    const now = new Date("2026-03-08T07:30:00.123Z");
    await recordIncomingCall(salon.id, params, now);
    expect((await db.callLog.findUniqueOrThrow({ where: { callSid: params.CallSid } })).startedAt).toEqual(now);
  });

  it("leaves an unknown caller unlinked (no customer is invented for a call)", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    const params = callTo(salon.twilioNumber!);
    await postVoice(VOICE, params);
    expect(await db.callLog.findUniqueOrThrow({ where: { callSid: params.CallSid } })).toMatchObject({ customerId: null });
    expect((await countRows(salon.id)).customers).toBe(0);
  });

  it("keeps one row for a retried and for concurrent deliveries of the same CallSid", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    const params = callTo(salon.twilioNumber!);
    const first = await postVoice(VOICE, params);
    const again = await Promise.all(Array.from({ length: 8 }, () => postVoice(VOICE, params)));
    for (const res of [first, ...again]) expect(res.status).toBe(200);
    expect(await db.callLog.count({ where: { callSid: params.CallSid } })).toBe(1);

    const burst = callTo(salon.twilioNumber!);
    await Promise.all(Array.from({ length: 10 }, () => postVoice(VOICE, burst)));
    expect(await db.callLog.count({ where: { callSid: burst.CallSid } })).toBe(1);
  });

  it("answers a number no salon owns politely, with nothing written", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    const before = await db.callLog.count();
    const res = await postVoice(VOICE, callTo(uniquePhone()));
    expect(res.status).toBe(200);
    const xml = await res.text();
    expect(xml).toContain("not in service");
    expect(xml).toContain("<Hangup/>");
    expect(await db.callLog.count()).toBe(before);
    expect((await countRows(salon.id)).calls).toBe(0);
  });

  it("files a call to salon A's number under salon A only, even when B knows the caller", async () => {
    const a = await createSalon({ twilioNumber: uniquePhone(), greeting: "Salon A here." });
    const b = await createSalon({ twilioNumber: uniquePhone(), greeting: "Salon B here." });
    const customerOfB = await createCustomer(b.id);
    const params = callTo(a.twilioNumber!, customerOfB.phone);
    const xml = await (await postVoice(VOICE, params)).text();
    expect(xml).toContain("Salon A here.");
    expect(xml).not.toContain("Salon B");
    const call = await db.callLog.findUniqueOrThrow({ where: { callSid: params.CallSid } });
    expect(call).toMatchObject({ salonId: a.id, customerId: null });
    expect((await countRows(b.id)).calls).toBe(0);
  });
});

describe("Spanish", () => {
  it("offers Spanish at the greeting on key 9, said in Spanish", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone(), greeting: "Welcome to Shear Bliss!" });
    const xml = await (await postVoice(VOICE, callTo(salon.twilioNumber!))).text();
    expect(xml).toMatch(/or 6 to leave a message\.<\/Say><Say language="es-US" voice="Polly\.Lupe">Para español, oprima 9\.<\/Say><\/Gather>/);
    // The English menu itself is unchanged: no language attribute, Twilio's en-US default.
    expect(xml).not.toMatch(/<Gather [^>]*language=/);
  });

  it("greets a caller remembered as Spanish-speaking in Spanish straight away: the owner's Spanish greeting, es-US, lang=es", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone(), greeting: "Welcome!", greetingEs: "¡Bienvenida a Shear Bliss!" });
    const customer = await createCustomer(salon.id, { language: "es" });
    const params = callTo(salon.twilioNumber!, customer.phone);
    const xml = await (await postVoice(VOICE, params)).text();
    expect(xml).toMatch(/<Gather [^>]*language="es-US"/);
    expect(xml).toContain(`action="${buildWebhookUrl("/api/webhooks/twilio/voice/gather?attempt=1&lang=es").replaceAll("&", "&amp;")}"`);
    expect(xml).toContain('<Say language="es-US" voice="Polly.Lupe">¡Bienvenida a Shear Bliss!</Say><Say language="es-US" voice="Polly.Lupe">Puede decir lo que necesita');
    expect(xml).toContain("<Say>For English, press 9.</Say>");
    expect(xml).not.toContain("Welcome!");
    expect(await db.callLog.findUniqueOrThrow({ where: { callSid: params.CallSid } })).toMatchObject({ language: "es", customerId: customer.id });
    // A retried delivery is greeted the same way.
    expect(await (await postVoice(VOICE, params)).text()).toBe(xml);
  });

  it("falls back to Bolt's Spanish greeting when the owner wrote none", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone(), name: "Curl Up" });
    const customer = await createCustomer(salon.id, { language: "es" });
    const xml = await (await postVoice(VOICE, callTo(salon.twilioNumber!, customer.phone))).text();
    expect(xml).toContain("Gracias por llamar a Curl Up.");
  });
});

describe("answers by subscription state (signed webhook)", () => {
  it("PAUSED: the salon's greeting and a fixed closed answer, no menu; the call is still logged", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone(), greeting: "Welcome to Shear Bliss!", subscriptionStatus: "PAUSED" });
    const params = callTo(salon.twilioNumber!);
    const xml = await (await postVoice(VOICE, params)).text();
    expect(xml).toContain("<Say>Welcome to Shear Bliss!</Say><Say>We're closed at the moment and can't take your call.");
    expect(xml).toMatch(/<Hangup\/><\/Response>$/);
    expect(xml).not.toContain("<Gather");
    expect(await db.callLog.count({ where: { callSid: params.CallSid, salonId: salon.id } })).toBe(1);
  });

  it.each(["CANCELED", "INCOMPLETE_EXPIRED"] as const)("%s: a polite fixed answer, not the receptionist", async (subscriptionStatus) => {
    const salon = await createSalon({ twilioNumber: uniquePhone(), name: "Curl Up", subscriptionStatus });
    const xml = await (await postVoice(VOICE, callTo(salon.twilioNumber!))).text();
    expect(xml).toContain("Curl Up is no longer taking calls at this number.");
    expect(xml).not.toContain("<Gather");
    expect(xml).toContain("<Hangup/>");
  });

  it.each(["PAST_DUE", "UNPAID", "TRIALING", "ACTIVE", "NONE"] as const)("%s: the receptionist answers as usual", async (subscriptionStatus) => {
    const salon = await createSalon({ twilioNumber: uniquePhone(), subscriptionStatus });
    const xml = await (await postVoice(VOICE, callTo(salon.twilioNumber!))).text();
    expect(xml).toContain("<Gather");
  });
});
