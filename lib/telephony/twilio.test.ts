// The client factory: env defaults, subaccounts, caching and clear errors (the transport and its
// base-URL rewrite are tested in http-client.test.ts).
import twilio from "twilio";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { reloadEnv } from "@/lib/env";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import {
  MAIN_ACCOUNT,
  SUB_ACCOUNT,
  pointEnvAt,
  startStandInForTests,
} from "@/lib/testing/twilio-sandbox";
import { TwilioNotConfiguredError, getTwilioClient, twilioConfigured } from "@/lib/telephony/twilio";

let standIn: TwilioStandIn;

beforeAll(async () => {
  standIn = await startStandInForTests({
    numbers: [
      { accountSid: MAIN_ACCOUNT.sid, phoneNumber: "+14155550100" },
      { accountSid: SUB_ACCOUNT.sid, phoneNumber: "+14155550101" },
    ],
  });
});
afterAll(() => standIn.close());

describe("getTwilioClient", () => {
  it("uses the environment's account and reaches the stand-in instead of api.twilio.com", async () => {
    expect(twilioConfigured()).toBe(true);
    const message = await getTwilioClient().messages.create({
      to: "+14155551234",
      from: "+14155550100",
      body: "hi",
    });
    expect(message.accountSid).toBe(MAIN_ACCOUNT.sid);
    expect(standIn.state.messages.map((m) => m.sid)).toEqual([message.sid]);
  });

  it("acts on a subaccount with the main credentials, or with the subaccount's own", async () => {
    const viaParent = await getTwilioClient({ accountSid: SUB_ACCOUNT.sid }).messages.create({
      to: "+14155551234",
      from: "+14155550101",
      body: "a",
    });
    const viaOwn = await getTwilioClient({
      accountSid: SUB_ACCOUNT.sid,
      authToken: SUB_ACCOUNT.authToken,
    }).messages.create({
      to: "+14155551234",
      from: "+14155550101",
      body: "b",
    });
    expect([viaParent.accountSid, viaOwn.accountSid]).toEqual([SUB_ACCOUNT.sid, SUB_ACCOUNT.sid]);
  });

  it("caches one client per credentials", () => {
    expect(getTwilioClient()).toBe(getTwilioClient());
    expect(getTwilioClient({ accountSid: SUB_ACCOUNT.sid })).toBe(
      getTwilioClient({ accountSid: SUB_ACCOUNT.sid }),
    );
    expect(getTwilioClient({ accountSid: SUB_ACCOUNT.sid })).not.toBe(getTwilioClient());
  });

  it("surfaces wrong credentials as the SDK's RestException (401, 20003)", async () => {
    const client = getTwilioClient({
      accountSid: MAIN_ACCOUNT.sid,
      authToken: "wrong-token-0123456789abcdef",
    });
    const error = await client.messages.list().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(twilio.RestException);
    expect(error).toMatchObject({ status: 401, code: 20003 });
  });

  it("throws a clear error when no credentials are configured, and for a token without its sid", () => {
    vi.stubEnv("TWILIO_ACCOUNT_SID", undefined);
    vi.stubEnv("TWILIO_AUTH_TOKEN", undefined);
    reloadEnv();
    try {
      expect(twilioConfigured()).toBe(false);
      expect(() => getTwilioClient()).toThrow(TwilioNotConfiguredError);
      expect(() => getTwilioClient()).toThrow(/TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN/);
      expect(() => getTwilioClient({ authToken: "x".repeat(32) })).toThrow(/needs its accountSid/);
    } finally {
      pointEnvAt(standIn);
    }
  });
});
