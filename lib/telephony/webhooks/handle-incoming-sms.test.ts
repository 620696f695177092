// POST /api/webhooks/twilio/sms through the real route: fail-closed signatures, one row per MessageSid
// (duplicates and concurrent deliveries act once), customers matched or created per salon.
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { sendSms } from "@/lib/messaging/send-sms";
import { buildWebhookUrl, signTwilioRequest } from "@/lib/telephony/signature";
import { OTHER_ACCOUNT } from "@/lib/testing/twilio-sandbox";
import { captureChildLogs } from "@/lib/testing/capture-log";
import { createCustomer, newMessageSid, uniquePhone } from "@/lib/testing/factories";
import {
  countSalonRows,
  deliverQueued,
  notificationsOf,
  postInboundSms,
  smsParams,
  type SignOptions,
  textSalon,
} from "@/lib/testing/sms-test-kit";

const servers = setUpTextingServers();
afterEach(() => vi.restoreAllMocks());

describe("signature", () => {
  type Attempt = { params: Record<string, string>; opts: SignOptions };
  const rejections: Array<[string, (params: Record<string, string>) => Attempt]> = [
    ["missing", (params) => ({ params, opts: { token: null } })],
    ["wrong", (params) => ({ params, opts: { signature: "bm90IGEgc2lnbmF0dXJl" } })],
    ["made for another URL", (params) => ({ params, opts: { signedUrl: buildWebhookUrl("/api/webhooks/twilio/voice") } })],
    ["made for another host", (params) => ({ params, opts: { signedUrl: "https://attacker.example/api/webhooks/twilio/sms" } })],
    ["made with another account's token", (params) => ({ params, opts: { token: OTHER_ACCOUNT.authToken } })],
    ["made by another account for its own sid", (params) => ({ params: { ...params, AccountSid: OTHER_ACCOUNT.sid }, opts: { token: OTHER_ACCOUNT.authToken } })],
    [
      "valid for a different body",
      (params) => ({
        params: { ...params, Body: "STOP" },
        opts: { signature: signTwilioRequest(env.TWILIO_AUTH_TOKEN ?? "", buildWebhookUrl("/api/webhooks/twilio/sms"), params) },
      }),
    ],
  ];

  it("accepts a valid signature over the full documented parameter set and answers an empty <Response/>", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const { res } = await textSalon(salon, uniquePhone(), "Hi, do you have time Saturday?");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/xml/);
    expect(await res.text()).toMatch(/<Response\s*\/>\s*$/);
    expect((await countSalonRows(salon.id)).messages).toBe(1);
  });

  it.each(rejections)("rejects a %s signature with 403 and writes nothing", async (_name, make) => {
    const salon = await createTextingSalon(servers.standIn);
    const customer = await createCustomer(salon.id);
    const { params, opts } = make(smsParams({ from: customer.phone, to: salon.twilioNumber ?? "", body: "Hello there" }));
    const before = await countSalonRows(salon.id);
    const res = await postInboundSms(params, opts);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "invalid_signature" });
    expect(await countSalonRows(salon.id)).toEqual(before);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).smsConsent).toBe("OPTED_IN");
  });
});

describe("storing and matching", () => {
  it("an unknown number becomes a new customer (isNew) and the text waits unread", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const phone = uniquePhone();
    const media = ["https://api.twilio.com/2010-04-01/Accounts/AC1/Messages/MM1/Media/ME1"];
    const params = smsParams({ from: phone, to: salon.twilioNumber ?? "", body: "Here is the look I want", mediaUrls: media });
    expect((await postInboundSms(params)).status).toBe(200);

    const customer = await db.customer.findUniqueOrThrow({ where: { salonId_phone: { salonId: salon.id, phone } } });
    expect(customer).toMatchObject({ isNew: true, smsConsent: "OPTED_IN", name: null });
    const [message] = await db.inboundMessage.findMany({ where: { salonId: salon.id } });
    expect(message).toMatchObject({
      customerId: customer.id,
      messageSid: params.MessageSid,
      from: phone,
      to: salon.twilioNumber,
      body: "Here is the look I want",
      numMedia: 1,
      mediaUrls: media,
      keyword: null,
      readAt: null,
      processedAt: expect.any(Date),
    });
    expect(customer.lastMessageAt?.getTime()).toBe(message?.receivedAt.getTime());
  });

  it("a known number is matched to its customer, who stays not-new", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const customer = await createCustomer(salon.id);
    await textSalon(salon, customer.phone, "Running 5 minutes late");
    expect(await db.customer.count({ where: { salonId: salon.id } })).toBe(1);
    const row = await db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(row.isNew).toBe(false);
    expect(row.lastMessageAt).not.toBeNull();
    expect(await db.inboundMessage.count({ where: { customerId: customer.id } })).toBe(1);
  });

  it("a text a new number got before texting in (missed-call text-back) joins their thread", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const phone = uniquePhone();
    const earlier = await sendSms({ salonId: salon.id, kind: "MISSED_CALL", body: "Sorry we missed your call", to: { phone } });
    expect(earlier.customerId).toBeNull();
    await textSalon(salon, phone, "Can I book a trim?");
    const customer = await db.customer.findUniqueOrThrow({ where: { salonId_phone: { salonId: salon.id, phone } } });
    expect(await db.notification.findUniqueOrThrow({ where: { id: earlier.id } })).toMatchObject({ customerId: customer.id, recipientKind: "CUSTOMER" });
  });

  it("a text to a number no salon owns is acknowledged and stored nowhere", async () => {
    const before = await db.inboundMessage.count();
    const res = await postInboundSms(smsParams({ from: uniquePhone(), to: "+14155559999", body: "Hello?" }));
    expect(res.status).toBe(200);
    expect(await db.inboundMessage.count()).toBe(before);
  });
});

describe("duplicates", () => {
  it("a repeated delivery of one MessageSid gives one row and one reply", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const phone = uniquePhone();
    const { params } = await textSalon(salon, phone, "Do you do perms?");
    for (let i = 0; i < 3; i++) expect((await postInboundSms(params)).status).toBe(200);
    expect(await countSalonRows(salon.id)).toEqual({ messages: 1, customers: 1, notifications: 1 });
  });

  it("concurrent deliveries of one MessageSid from a new number: one customer, one row, one reply", async () => {
    const salon = await createTextingSalon(servers.standIn);
    const params = smsParams({ from: uniquePhone(), to: salon.twilioNumber ?? "", body: "STOP", messageSid: newMessageSid() });
    const responses = await Promise.all(Array.from({ length: 8 }, () => postInboundSms(params)));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(await countSalonRows(salon.id)).toEqual({ messages: 1, customers: 1, notifications: 1 });
    const [reply] = await notificationsOf(salon.id);
    expect(reply?.kind).toBe("KEYWORD_REPLY");
  });

  it("concurrent deliveries of one plain text: exactly one auto-reply reaches Twilio", async () => {
    servers.standIn.state.reset();
    const salon = await createTextingSalon(servers.standIn);
    const params = smsParams({ from: uniquePhone(), to: salon.twilioNumber ?? "", body: "What time do you close?" });
    await Promise.all(Array.from({ length: 5 }, () => postInboundSms(params)));
    await deliverQueued(salon.id);
    expect(servers.standIn.state.messages.filter((m) => m.to === params.From)).toHaveLength(1);
  });
});

describe("salon isolation", () => {
  it("salon A's number never touches salon B's customer with the same phone; consent is per salon", async () => {
    const a = await createTextingSalon(servers.standIn, { name: "Alpha Hair" });
    const b = await createTextingSalon(servers.standIn, { name: "Beta Hair" });
    const phone = uniquePhone();
    const inA = await createCustomer(a.id, { phone });
    const inB = await createCustomer(b.id, { phone });

    await textSalon(a, phone, "STOP");
    await textSalon(a, phone, "Hello A");
    expect(await db.inboundMessage.count({ where: { salonId: b.id } })).toBe(0);
    expect(await db.notification.count({ where: { salonId: b.id } })).toBe(0);
    expect(await db.customer.findUniqueOrThrow({ where: { id: inA.id } })).toMatchObject({ smsConsent: "OPTED_OUT" });
    expect(await db.customer.findUniqueOrThrow({ where: { id: inB.id } })).toMatchObject({ smsConsent: "OPTED_IN", lastMessageAt: null });

    // Salon B can still text them; salon A cannot.
    const fromB = await sendSms({ salonId: b.id, kind: "CUSTOM", body: "Your color is ready", to: { customerId: inB.id } });
    const fromA = await sendSms({ salonId: a.id, kind: "CUSTOM", body: "We miss you", to: { customerId: inA.id } });
    expect(fromB.status).toBe("QUEUED");
    expect(fromA.status).toBe("CANCELED");
  });

  it("a MessageSid stored under salon A, delivered to salon B's number: nothing written at B, and a warning that is not 'duplicate'", async () => {
    const a = await createTextingSalon(servers.standIn);
    const b = await createTextingSalon(servers.standIn);
    const { params } = await textSalon(a, uniquePhone(), "C");
    const lines = captureChildLogs();

    expect((await postInboundSms({ ...params, To: b.twilioNumber ?? "" })).status).toBe(200);
    expect(await countSalonRows(b.id)).toEqual({ messages: 0, customers: 0, notifications: 0 });
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 40, salonId: b.id, messageSid: params.MessageSid, msg: expect.stringContaining("another salon") }),
    );
    expect(lines.filter((l) => /duplicate/i.test(String(l.msg)))).toEqual([]);
  });
});

describe("answers by subscription state (signed webhook)", () => {
  it.each(["CANCELED", "INCOMPLETE_EXPIRED"] as const)("%s: one fixed reply in the TwiML; nothing stored or queued", async (subscriptionStatus) => {
    const salon = await createTextingSalon(servers.standIn, { name: "Curl Up", subscriptionStatus });
    const { res } = await textSalon(salon, uniquePhone(), "Can I book Saturday?");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<Message>Curl Up is no longer answering texts at this number. Please reach the salon another way.</Message>");
    expect(await countSalonRows(salon.id)).toEqual({ messages: 0, customers: 0, notifications: 0 });
  });

  it("CANCELED: a STOP is still recorded, so it holds if the salon subscribes again", async () => {
    const salon = await createTextingSalon(servers.standIn, { subscriptionStatus: "CANCELED" });
    const phone = uniquePhone();
    const { res } = await textSalon(salon, phone, "STOP");
    expect(await res.text()).not.toContain("<Message>");
    const customer = await db.customer.findUniqueOrThrow({ where: { salonId_phone: { salonId: salon.id, phone } } });
    expect(customer.smsConsent).toBe("OPTED_OUT");
  });

  it.each(["PAUSED", "PAST_DUE", "UNPAID"] as const)("%s: stored and answered as usual (auto-reply queued)", async (subscriptionStatus) => {
    const salon = await createTextingSalon(servers.standIn, { subscriptionStatus });
    const { res } = await textSalon(salon, uniquePhone(), "Can I book Saturday?");
    expect(await res.text()).toMatch(/<Response\s*\/>\s*$/);
    expect(await countSalonRows(salon.id)).toMatchObject({ messages: 1, notifications: 1 });
  });
});
