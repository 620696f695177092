// Every voice webhook verifies X-Twilio-Signature before reading or writing anything: missing, wrong,
// signed for another URL or by another account → 403 invalid_signature and no row touched.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createCallLog, createSalon, uniquePhone } from "@/lib/testing/factories";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { OTHER_ACCOUNT, startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { buildWebhookUrl, signTwilioRequest } from "@/lib/telephony/signature";
import {
  callParams,
  countRows,
  newCallSid,
  newRecordingSid,
  postVoice,
  recordingParams,
  screenParams,
  VOICE_ROUTES,
  type SignOptions,
  type VoicePath,
} from "@/lib/testing/voice-test-kit";

let standIn: TwilioStandIn;
let salon: { id: string; twilioNumber: string | null; forwardingPhone: string | null };
let existingCallSid: string;

beforeAll(async () => {
  standIn = await startStandInForTests();
  salon = await createSalon({ twilioNumber: uniquePhone(), forwardingPhone: uniquePhone() });
  existingCallSid = (await createCallLog(salon.id, { to: salon.twilioNumber ?? "" })).callSid;
});
afterAll(() => standIn.close());

/** Parameters each route would get from Twilio; they always name a fresh call, except for recordings. */
function paramsFor(path: VoicePath): Record<string, string> {
  const call = callParams({ callSid: newCallSid(), from: uniquePhone(), to: salon.twilioNumber ?? "" });
  switch (path) {
    case "/api/webhooks/twilio/voice/gather":
      return { ...call, CallStatus: "in-progress", Digits: "1" };
    case "/api/webhooks/twilio/voice/dial-result":
      return { ...call, CallSid: existingCallSid, CallStatus: "in-progress", DialCallStatus: "completed", DialCallDuration: "30" };
    // The screening is about the dialled leg, and names the existing call as its parent.
    case "/api/webhooks/twilio/voice/screen":
      return screenParams({ ...call, CallSid: existingCallSid }, salon.forwardingPhone ?? "");
    case "/api/webhooks/twilio/voice/screen-result":
      return screenParams({ ...call, CallSid: existingCallSid }, salon.forwardingPhone ?? "", "1");
    case "/api/webhooks/twilio/voice/status":
      return { ...call, CallStatus: "completed", CallDuration: "40" };
    case "/api/webhooks/twilio/voice/recording":
    case "/api/webhooks/twilio/voice/recorded":
      return recordingParams({ callSid: existingCallSid, recordingSid: newRecordingSid() });
    case "/api/webhooks/twilio/voice/transcription":
      return { ...call, CallSid: existingCallSid, TranscriptionSid: `TR${"1".repeat(32)}`, TranscriptionStatus: "completed", TranscriptionText: "Hi" };
    default:
      return call;
  }
}

async function snapshot() {
  const call = await db.callLog.findUniqueOrThrow({ where: { callSid: existingCallSid } });
  return { rows: await countRows(salon.id), call: { ...call, updatedAt: null } };
}

const paths = Object.keys(VOICE_ROUTES) as VoicePath[];
const otherUrl = (path: VoicePath) => buildWebhookUrl(path === "/api/webhooks/twilio/voice" ? "/api/webhooks/twilio/voice/status" : "/api/webhooks/twilio/voice");

type Attempt = { params: Record<string, string>; opts: SignOptions };
type Make = (path: VoicePath, params: Record<string, string>) => Attempt;

const rejections: Array<[string, Make]> = [
  ["missing", (_path, params) => ({ params, opts: { token: null } })],
  ["wrong", (_path, params) => ({ params, opts: { signature: "bm90IGEgc2lnbmF0dXJl" } })],
  ["made for another URL", (path, params) => ({ params, opts: { signedUrl: otherUrl(path) } })],
  ["made for another host", (path, params) => ({ params, opts: { signedUrl: `https://attacker.example${path}` } })],
  ["made with another account's token", (_path, params) => ({ params, opts: { token: OTHER_ACCOUNT.authToken } })],
  [
    "made by another account for its own sid",
    (_path, params) => ({ params: { ...params, AccountSid: OTHER_ACCOUNT.sid }, opts: { token: OTHER_ACCOUNT.authToken } }),
  ],
  [
    "valid for a different body",
    (path, params) => ({
      params: { ...params, From: "+19995550000" },
      opts: { signature: signTwilioRequest(env.TWILIO_AUTH_TOKEN ?? "", buildWebhookUrl(path), params) },
    }),
  ],
];

describe.each(paths)("%s", (path) => {
  it("accepts a valid signature over the full documented parameter set", async () => {
    const res = await postVoice(path, paramsFor(path));
    expect(res.status).toBeLessThan(300);
    // The spoken fallbacks (caller's or staff's) would also be a 200: make sure the handler itself answered.
    expect(await res.text()).not.toMatch(/having trouble|can't be put through/);
  });

  it.each(rejections)("rejects a %s signature with 403 and writes nothing", async (_name, make) => {
    const { params, opts } = make(path, paramsFor(path));
    const before = await snapshot();
    const res = await postVoice(path, params, opts);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: "invalid_signature" });
    expect(await snapshot()).toEqual(before);
  });
});

it("covers the query string: a gather signed for attempt=1 cannot be replayed as attempt=2", async () => {
  const params = paramsFor("/api/webhooks/twilio/voice/gather");
  const res = await postVoice("/api/webhooks/twilio/voice/gather", params, {
    query: "?attempt=2",
    signedUrl: buildWebhookUrl("/api/webhooks/twilio/voice/gather?attempt=1"),
  });
  expect(res.status).toBe(403);
});
