// Status callbacks: order (none for a text's first status, as on Twilio), Twilio's form fields,
// signatures that verify only with the right token and URL, failure statuses with ErrorCode, and
// retries when the receiver stumbles.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { verifyTwilioSignature } from "@/lib/telephony/signature";
import { getTwilioClient } from "@/lib/telephony/twilio";
import { MAIN_ACCOUNT, OTHER_ACCOUNT, SUB_ACCOUNT, pointEnvAt, startCallbackReceiver, startStandInForTests, unusedPort } from "@/lib/testing/twilio-sandbox";
import type { TwilioStandIn } from "./server";

const SALON_NUMBER = "+14155550100";
const SUB_NUMBER = "+14155550101";
const CUSTOMER = "+14155551234";

let standIn: TwilioStandIn;
let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;

beforeAll(async () => {
  standIn = await startStandInForTests({
    numbers: [
      { accountSid: MAIN_ACCOUNT.sid, phoneNumber: SALON_NUMBER },
      { accountSid: SUB_ACCOUNT.sid, phoneNumber: SUB_NUMBER },
    ],
  });
});
beforeEach(async () => {
  standIn.state.reset();
  receiver = await startCallbackReceiver();
});
afterEach(() => receiver.close());
afterAll(() => standIn.close());

async function sendWithCallback(path = "/api/webhooks/twilio/sms/status?salon=luxe&n=1") {
  const statusCallback = `${receiver.url}${path}`;
  const message = await getTwilioClient().messages.create({ to: CUSTOMER, from: SALON_NUMBER, body: "Reminder: 3pm", statusCallback });
  await standIn.state.settled();
  return { message, statusCallback };
}

describe("status callbacks", () => {
  it("POSTs sending → sent → delivered with Twilio's form fields, and no callback for the first status (queued)", async () => {
    const { message, statusCallback } = await sendWithCallback();
    expect(message.status).toBe("queued");
    expect(receiver.requests.map((r) => r.params.MessageStatus)).toEqual(["sending", "sent", "delivered"]);
    for (const request of receiver.requests) {
      expect(request.url).toBe(statusCallback);
      expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
      expect(request.params).toEqual({
        ApiVersion: "2010-04-01",
        AccountSid: MAIN_ACCOUNT.sid,
        MessageSid: message.sid,
        SmsSid: message.sid,
        MessageStatus: request.params.MessageStatus,
        SmsStatus: request.params.MessageStatus,
        From: SALON_NUMBER,
        To: CUSTOMER,
      });
    }
    expect(standIn.state.callbacks.every((c) => c.delivered && c.attempts === 1)).toBe(true);
  });

  it("through a Messaging Service: accepted in the 201, then queued (sender picked) → sending → sent → delivered", async () => {
    const messagingServiceSid = `MG${"1".repeat(32)}`;
    const statusCallback = `${receiver.url}/status`;
    const message = await getTwilioClient().messages.create({ to: CUSTOMER, messagingServiceSid, body: "hi", statusCallback });
    expect(message).toMatchObject({ status: "accepted", from: null });
    await standIn.state.settled();
    expect(receiver.requests.map((r) => r.params.MessageStatus)).toEqual(["queued", "sending", "sent", "delivered"]);
    for (const { params } of receiver.requests) {
      expect(params).toMatchObject({ MessageSid: message.sid, MessagingServiceSid: messagingServiceSid, From: SALON_NUMBER });
    }
  });

  it("through a Messaging Service that fails before the carrier: queued, then failed", async () => {
    standIn.state.failDestination(CUSTOMER, 30034);
    const messagingServiceSid = `MG${"2".repeat(32)}`;
    await getTwilioClient().messages.create({ to: CUSTOMER, messagingServiceSid, body: "hi", statusCallback: `${receiver.url}/status` });
    await standIn.state.settled();
    expect(receiver.requests.map((r) => [r.params.MessageStatus, r.params.ErrorCode])).toEqual([
      ["queued", undefined],
      ["failed", "30034"],
    ]);
  });

  it("signs each callback so it verifies with the account's token and the exact URL only", async () => {
    const { statusCallback } = await sendWithCallback();
    for (const { params, headers } of receiver.requests) {
      const signature = headers["x-twilio-signature"] as string;
      const check = (url: string, authToken: string) => verifyTwilioSignature({ url, params, signature, authToken });
      expect(check(statusCallback, MAIN_ACCOUNT.authToken)).toBe(true);
      expect(check(statusCallback, OTHER_ACCOUNT.authToken)).toBe(false);
      expect(check(statusCallback.replace("n=1", "n=2"), MAIN_ACCOUNT.authToken)).toBe(false);
      expect(check(statusCallback.replace("/sms/status", "/voice/status"), MAIN_ACCOUNT.authToken)).toBe(false);
      expect(verifyTwilioSignature({ url: statusCallback, params: { ...params, To: "+15550000000" }, signature, authToken: MAIN_ACCOUNT.authToken })).toBe(false);
    }
  });

  it("signs a subaccount's callbacks with the subaccount's token", async () => {
    const statusCallback = `${receiver.url}/status`;
    const asSub = getTwilioClient({ accountSid: SUB_ACCOUNT.sid });
    await asSub.messages.create({ to: CUSTOMER, from: SUB_NUMBER, body: "hi", statusCallback });
    await standIn.state.settled();
    const [first] = receiver.requests;
    const signature = first?.headers["x-twilio-signature"] as string;
    expect(first?.params.AccountSid).toBe(SUB_ACCOUNT.sid);
    expect(verifyTwilioSignature({ url: statusCallback, params: first!.params, signature, authToken: SUB_ACCOUNT.authToken })).toBe(true);
    expect(verifyTwilioSignature({ url: statusCallback, params: first!.params, signature, authToken: MAIN_ACCOUNT.authToken })).toBe(false);
  });

  it("ends undelivered with ErrorCode for an unreachable handset (30003) or a landline (30006)", async () => {
    standIn.state.failDestination(CUSTOMER, 30006);
    await sendWithCallback();
    expect(receiver.requests.map((r) => r.params.MessageStatus)).toEqual(["sending", "sent", "undelivered"]);
    expect(receiver.requests.at(-1)?.params.ErrorCode).toBe("30006");
    expect(receiver.requests.slice(0, 2).every((r) => r.params.ErrorCode === undefined)).toBe(true);
  });

  it("ends failed straight from queued for errors Twilio stops before the carrier", async () => {
    standIn.state.failDestination(CUSTOMER, 30034);
    const { message } = await sendWithCallback();
    expect(receiver.requests.map((r) => [r.params.MessageStatus, r.params.ErrorCode])).toEqual([["failed", "30034"]]);
    expect(await getTwilioClient().messages(message.sid).fetch()).toMatchObject({ status: "failed", errorCode: 30034 });
  });

  it("retries a callback the receiver answers with 5xx, keeping the order", async () => {
    receiver.answerNext(503, 500);
    await sendWithCallback();
    expect(receiver.requests.map((r) => r.params.MessageStatus)).toEqual(["sending", "sending", "sending", "sent", "delivered"]);
    expect(standIn.state.callbacks[0]).toMatchObject({ status: "sending", attempts: 3, delivered: true, responseStatus: 200 });
    // The same idempotency token on every attempt of one callback, a new one for the next.
    const tokens = receiver.requests.map((r) => r.headers["i-twilio-idempotency-token"]);
    expect(new Set(tokens.slice(0, 3)).size).toBe(1);
    expect(tokens[3]).not.toBe(tokens[0]);
  });

  it("keeps the final state when the receiver is unreachable (and records the failed attempts)", async () => {
    const statusCallback = `http://127.0.0.1:${await unusedPort()}/status`;
    const message = await getTwilioClient().messages.create({ to: CUSTOMER, from: SALON_NUMBER, body: "hi", statusCallback });
    await standIn.state.settled();
    expect(standIn.state.callbacks.map((c) => [c.status, c.delivered, c.attempts, c.responseStatus])).toEqual([
      ["sending", false, 3, null],
      ["sent", false, 3, null],
      ["delivered", false, 3, null],
    ]);
    expect((await getTwilioClient().messages(message.sid).fetch()).status).toBe("delivered");
  });

  it("signs with signCallbacksWith when given (e.g. to test a wrong-token receiver)", async () => {
    const other = await startStandInForTests({
      numbers: [{ accountSid: MAIN_ACCOUNT.sid, phoneNumber: SALON_NUMBER }],
      signCallbacksWith: () => OTHER_ACCOUNT.authToken,
    });
    try {
      const statusCallback = `${receiver.url}/status`;
      await getTwilioClient().messages.create({ to: CUSTOMER, from: SALON_NUMBER, body: "hi", statusCallback });
      await other.state.settled();
      const [first] = receiver.requests;
      const signature = first?.headers["x-twilio-signature"] as string;
      expect(verifyTwilioSignature({ url: statusCallback, params: first!.params, signature, authToken: OTHER_ACCOUNT.authToken })).toBe(true);
      expect(verifyTwilioSignature({ url: statusCallback, params: first!.params, signature, authToken: MAIN_ACCOUNT.authToken })).toBe(false);
    } finally {
      await other.close();
      pointEnvAt(standIn);
    }
  });

  it("reset() cancels pending status steps", async () => {
    const statusCallback = `${receiver.url}/status`;
    const slow = await getTwilioClient().messages.create({ to: CUSTOMER, from: SALON_NUMBER, body: "hi", statusCallback });
    standIn.state.reset();
    await standIn.state.settled();
    expect(receiver.requests.filter((r) => r.params.MessageSid === slow.sid).length).toBeLessThan(3);
  });
});
