// Messages through the real SDK client from getTwilioClient(), against a stand-in started here.
import twilio from "twilio";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getTwilioClient } from "@/lib/telephony/twilio";
import { MAIN_ACCOUNT, OTHER_ACCOUNT, startStandInForTests } from "@/lib/testing/twilio-sandbox";
import type { TwilioStandIn } from "./server";

const SALON_NUMBER = "+14155550100";
const OTHER_NUMBER = "+14155550102";
const CUSTOMER = "+14155551234";

let standIn: TwilioStandIn;

beforeAll(async () => {
  standIn = await startStandInForTests({
    numbers: [
      { accountSid: MAIN_ACCOUNT.sid, phoneNumber: SALON_NUMBER },
      { accountSid: OTHER_ACCOUNT.sid, phoneNumber: OTHER_NUMBER },
    ],
  });
});
beforeEach(() => standIn.state.reset());
afterAll(() => standIn.close());

const send = (params: { to?: string; from?: string; body?: string; statusCallback?: string }) =>
  getTwilioClient().messages.create({ to: CUSTOMER, from: SALON_NUMBER, body: "See you at 3pm!", ...params } as { to: string });

describe("POST Messages.json", () => {
  it("returns a queued message resource with Twilio's fields", async () => {
    const message = await send({ body: "Your appointment is confirmed." });
    expect(message.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(message).toMatchObject({
      accountSid: MAIN_ACCOUNT.sid,
      apiVersion: "2010-04-01",
      body: "Your appointment is confirmed.",
      direction: "outbound-api",
      errorCode: null,
      errorMessage: null,
      from: SALON_NUMBER,
      to: CUSTOMER,
      numMedia: "0",
      numSegments: "1",
      price: null,
      status: "queued",
      uri: `/2010-04-01/Accounts/${MAIN_ACCOUNT.sid}/Messages/${message.sid}.json`,
      subresourceUris: { media: `/2010-04-01/Accounts/${MAIN_ACCOUNT.sid}/Messages/${message.sid}/Media.json` },
    });
    expect(message.dateCreated).toBeInstanceOf(Date);
    expect(standIn.state.messages).toHaveLength(1);
    expect(standIn.state.messages[0]).toMatchObject({ sid: message.sid, to: CUSTOMER, body: "Your appointment is confirmed." });
  });

  it("speaks the raw wire format: snake_case JSON and RFC 2822 dates", async () => {
    const auth = Buffer.from(`${MAIN_ACCOUNT.sid}:${MAIN_ACCOUNT.authToken}`).toString("base64");
    const res = await fetch(`${standIn.url}/2010-04-01/Accounts/${MAIN_ACCOUNT.sid}/Messages.json`, {
      method: "POST",
      headers: { Authorization: `Basic ${auth}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ To: CUSTOMER, From: SALON_NUMBER, Body: "hi" }),
    });
    expect(res.status).toBe(201);
    const json = (await res.json()) as Record<string, unknown>;
    expect(json.date_created).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(json).toMatchObject({ num_segments: "1", num_media: "0", price: null, date_sent: null, messaging_service_sid: null });
  });

  it("counts segments like carriers: GSM-7 160/153, UCS-2 70/67", async () => {
    const counts = async (body: string) => (await send({ body })).numSegments;
    expect(await counts("a".repeat(160))).toBe("1");
    expect(await counts("a".repeat(161))).toBe("2");
    expect(await counts("a".repeat(306))).toBe("2");
    expect(await counts("a".repeat(307))).toBe("3");
    expect(await counts("{".repeat(80))).toBe("1"); // extension characters cost two septets
    expect(await counts("{".repeat(81))).toBe("2");
    expect(await counts("✂".repeat(70))).toBe("1");
    expect(await counts("✂".repeat(71))).toBe("2");
    expect(await counts("👍".repeat(35))).toBe("1"); // an emoji is two UTF-16 units
    expect(await counts("👍".repeat(36))).toBe("2");
  });

  it("accepts a MessagingServiceSid instead of From: status accepted, the sender picked later", async () => {
    const messagingServiceSid = `MG${"1".repeat(32)}`;
    const message = await getTwilioClient().messages.create({ to: CUSTOMER, messagingServiceSid, body: "hi" });
    expect(message).toMatchObject({ from: null, messagingServiceSid, status: "accepted" });
    await standIn.state.settled();
    expect(await getTwilioClient().messages(message.sid).fetch()).toMatchObject({ from: SALON_NUMBER, status: "delivered" });
  });
});

describe("validation errors (Twilio's codes, surfaced by the SDK as RestException)", () => {
  it.each([
    ["an invalid To", 21211, { to: "555-1234" }],
    ["a missing Body", 21602, { body: "" }],
    ["a malformed From", 21212, { from: "salon" }],
    ["a From that is not a Twilio number", 21659, { from: "+14155559999" }],
    ["a From owned by another account", 21660, { from: OTHER_NUMBER }],
    ["To equal to From", 21266, { to: SALON_NUMBER }],
    ["a body over 1600 characters", 21617, { body: "a".repeat(1601) }],
  ])("%s → 400 with code %i", async (_label, code, params) => {
    const error = await send(params).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 400, code, moreInfo: `https://www.twilio.com/docs/errors/${code}` });
    expect(standIn.state.messages).toHaveLength(0);
  });

  it("a missing To → 21604 (raw request; the SDK refuses to send it)", async () => {
    const auth = Buffer.from(`${MAIN_ACCOUNT.sid}:${MAIN_ACCOUNT.authToken}`).toString("base64");
    const res = await fetch(`${standIn.url}/2010-04-01/Accounts/${MAIN_ACCOUNT.sid}/Messages.json`, {
      method: "POST",
      headers: { Authorization: `Basic ${auth}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ From: SALON_NUMBER, Body: "hi" }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 21604,
      message: "A 'To' phone number is required.",
      more_info: "https://www.twilio.com/docs/errors/21604",
      status: 400,
    });
  });

  it("an opted-out destination → 21610, synchronously", async () => {
    standIn.state.failDestination(CUSTOMER, 21610);
    await expect(send({})).rejects.toMatchObject({ status: 400, code: 21610, message: "Attempt to send to unsubscribed recipient" });
    expect(standIn.state.messages).toHaveLength(0);
  });

  it("wrong credentials → 401 with code 20003", async () => {
    const client = getTwilioClient({ accountSid: MAIN_ACCOUNT.sid, authToken: "not-the-right-token-at-all" });
    const error = await client.messages.create({ to: CUSTOMER, from: SALON_NUMBER, body: "hi" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 401, code: 20003, message: "Authenticate" });
  });
});

describe("failure injection", () => {
  it("failNextRequests(1, 429) surfaces 429 once, then sends normally", async () => {
    standIn.state.failNextRequests(1, 429);
    await expect(send({})).rejects.toMatchObject({ status: 429, code: 20429 });
    await expect(send({})).resolves.toMatchObject({ status: "queued" });
    expect(standIn.state.messages).toHaveLength(1);
  });

  it("failNextRequests(2, 500) fails two creates with 20500", async () => {
    standIn.state.failNextRequests(2, 500);
    await expect(send({})).rejects.toMatchObject({ status: 500, code: 20500 });
    await expect(send({})).rejects.toMatchObject({ status: 500, code: 20500 });
    await expect(send({})).resolves.toMatchObject({ status: "queued" });
  });

  it("afterAccept: the message is taken although the response is an error (lost response)", async () => {
    standIn.state.failNextRequests(1, 503, { afterAccept: true });
    await expect(send({})).rejects.toMatchObject({ status: 503, code: 20503 });
    expect(standIn.state.messages).toHaveLength(1);
  });

  it("30xxx destinations are accepted, then end undelivered with the error code", async () => {
    standIn.state.failDestination(CUSTOMER, 30003);
    const message = await send({});
    expect(message.status).toBe("queued");
    await standIn.state.settled();
    const fetched = await getTwilioClient().messages(message.sid).fetch();
    expect(fetched).toMatchObject({ status: "undelivered", errorCode: 30003, errorMessage: "Unreachable destination handset" });
  });
});

describe("GET Messages", () => {
  it("fetches a message and shows it delivered once its status steps have run", async () => {
    const { sid } = await send({});
    await standIn.state.settled();
    const message = await getTwilioClient().messages(sid).fetch();
    expect(message).toMatchObject({ sid, status: "delivered", price: "-0.00790", priceUnit: "USD" });
    expect(message.dateSent).toBeInstanceOf(Date);
  });

  it("answers 404 in Twilio's shape for an unknown sid", async () => {
    const sid = `SM${"0".repeat(32)}`;
    await expect(getTwilioClient().messages(sid).fetch()).rejects.toMatchObject({
      status: 404,
      code: 20404,
      message: `The requested resource /2010-04-01/Accounts/${MAIN_ACCOUNT.sid}/Messages/${sid}.json was not found`,
    });
  });

  it("lists newest first and pages through next_page_uri", async () => {
    for (const body of ["one", "two", "three"]) await send({ body });
    const client = getTwilioClient();
    const page = await client.messages.page({ pageSize: 2 });
    expect(page.instances.map((m) => m.body)).toEqual(["three", "two"]);
    expect(page.nextPageUrl).toContain("Page=1");
    const all = await client.messages.list({ pageSize: 2 });
    expect(all.map((m) => m.body)).toEqual(["three", "two", "one"]);
    expect(await client.messages.list({ to: "+14155557777" })).toEqual([]);
  });

  it("does not show another account's messages", async () => {
    await send({});
    const other = getTwilioClient({ accountSid: OTHER_ACCOUNT.sid, authToken: OTHER_ACCOUNT.authToken });
    expect(await other.messages.list()).toEqual([]);
  });

  it("answers an unknown route with a Twilio-style 404", async () => {
    const res = await fetch(`${standIn.url}/2010-04-01/Nope.json`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ code: 20404, status: 404, more_info: "https://www.twilio.com/docs/errors/20404" });
  });
});
