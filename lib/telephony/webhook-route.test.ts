// The webhook wrapper: once a voice request is verified, every failure is answered with the spoken
// apology; a rejected request is logged with the ids it claimed, marked unverified.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { captureChildLogs } from "@/lib/testing/capture-log";
import { createSalon, uniquePhone } from "@/lib/testing/factories";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { buildWebhookUrl, signTwilioRequest } from "@/lib/telephony/signature";
import { apologyResponse } from "@/lib/telephony/voice-twiml";
import { twilioWebhook } from "@/lib/telephony/webhook-route";
import { callParams, newCallSid } from "@/lib/testing/voice-test-kit";

const PATH = "/api/webhooks/twilio/voice/test-only";
let standIn: TwilioStandIn;
let to: string;

beforeAll(async () => {
  standIn = await startStandInForTests();
  to = (await createSalon({ twilioNumber: uniquePhone() })).twilioNumber!;
});
afterAll(() => standIn.close());
afterEach(() => vi.restoreAllMocks());

function post(route: (req: Request) => Promise<Response>, params: Record<string, string>, token: string | null = env.TWILIO_AUTH_TOKEN ?? null) {
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  if (token) headers.set("x-twilio-signature", signTwilioRequest(token, buildWebhookUrl(PATH), params));
  return route(new Request(`http://internal.invalid${PATH}`, { method: "POST", headers, body: new URLSearchParams(params).toString() }));
}

describe("twilioWebhook", () => {
  it.each([
    ["a 4xx ApiError", new ApiError({ code: "no_phone", status: 422, message: "No number." })],
    ["a 5xx ApiError", new ApiError({ code: "down", status: 503, message: "Down." })],
    ["any other error", new Error("boom")],
  ])("answers a verified voice request with the spoken apology after %s, and logs it", async (_name, error) => {
    const lines = captureChildLogs();
    const route = twilioWebhook("voice.test", async () => { throw error; }, { onError: apologyResponse });
    const res = await post(route, callParams({ callSid: newCallSid(), from: uniquePhone(), to }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Sorry, we're having trouble answering right now.");
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, webhook: "voice.test", msg: expect.stringContaining("fallback") }));
  });

  it("rejects a bad signature with 403 (no apology) and logs the claimed ids as unverified", async () => {
    const lines = captureChildLogs();
    const handler = vi.fn(async () => new Response(null, { status: 204 }));
    const route = twilioWebhook("voice.test", handler, { onError: apologyResponse });
    const params = { ...callParams({ callSid: newCallSid(), from: uniquePhone(), to }), MessageSid: `SM${"9".repeat(32)}` };
    const res = await post(route, params, "not-the-token");
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "invalid_signature" });
    expect(handler).not.toHaveBeenCalled();
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 40, status: 403, verified: false, claimedCallSid: params.CallSid, claimedMessageSid: params.MessageSid }),
    );
  });
});
