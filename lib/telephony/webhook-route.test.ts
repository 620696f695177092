// The webhook wrapper: once a voice request is verified, every failure is answered with the spoken
// apology; a rejected request is logged with the ids it claimed, marked unverified; the handler gets
// the parameters as the route's schema parsed them, or is not called at all.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { captureChildLogs } from "@/lib/testing/capture-log";
import { createSalon, uniquePhone } from "@/lib/testing/factories";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { incomingCallParamsSchema } from "@/lib/telephony/params/voice";
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
    const route = twilioWebhook("voice.test", incomingCallParamsSchema, async () => { throw error; }, { onError: apologyResponse });
    const res = await post(route, callParams({ callSid: newCallSid(), from: uniquePhone(), to }));
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Sorry, we're having trouble answering right now.");
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, webhook: "voice.test", msg: expect.stringContaining("fallback") }));
  });

  it("rejects a bad signature with 403 (no apology) and logs the claimed ids as unverified", async () => {
    const lines = captureChildLogs();
    const handler = vi.fn(async () => new Response(null, { status: 204 }));
    const route = twilioWebhook("voice.test", incomingCallParamsSchema, handler, { onError: apologyResponse });
    const params = { ...callParams({ callSid: newCallSid(), from: uniquePhone(), to }), MessageSid: `SM${"9".repeat(32)}` };
    const res = await post(route, params, "not-the-token");
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "invalid_signature" });
    expect(handler).not.toHaveBeenCalled();
    expect(lines).toContainEqual(
      expect.objectContaining({ level: 40, status: 403, verified: false, claimedCallSid: params.CallSid, claimedMessageSid: params.MessageSid }),
    );
  });

  it("hands the handler the parameters as the schema read them, and the salon that owns To", async () => {
    const handler = vi.fn(async () => new Response(null, { status: 204 }));
    const route = twilioWebhook("voice.test", incomingCallParamsSchema, handler);
    const params = { ...callParams({ callSid: newCallSid(), from: uniquePhone(), to }), Direction: "" };
    expect((await post(route, params)).status).toBe(204);
    expect(handler).toHaveBeenCalledWith(
      expect.objectContaining({
        // Extras Twilio sends are dropped, an empty value reads as absent.
        params: { CallSid: params.CallSid, AccountSid: params.AccountSid, From: params.From, To: to, CallStatus: "ringing", Direction: undefined },
        salon: expect.objectContaining({ twilioNumber: to }),
        path: PATH,
      }),
    );
  });

  it("never calls the handler with parameters its schema refuses: 422 unless the route has a fallback", async () => {
    const handler = vi.fn(async () => new Response(null, { status: 204 }));
    const params = { ...callParams({ callSid: newCallSid(), from: uniquePhone(), to }), CallSid: "CA-not-a-sid" };
    const plain = await post(twilioWebhook("voice.test", incomingCallParamsSchema, handler), params);
    expect(plain.status).toBe(422);
    const voice = await post(twilioWebhook("voice.test", incomingCallParamsSchema, handler, { onError: apologyResponse }), params);
    expect(await voice.text()).toContain("Sorry, we're having trouble answering right now.");
    expect(handler).not.toHaveBeenCalled();
  });
});
