// GET /api/telephony/call-logs/:id/recording through the real route, wrapper, SDK transport and the
// Twilio stand-in: who may listen, salon isolation, seeking (Range) and what Twilio's failures become.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as recordingRoute } from "@/app/api/telephony/call-logs/[id]/recording/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { updateCallLogs } from "@/lib/calls/write-call-logs";
import { reloadEnv } from "@/lib/env";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { newSid } from "@/lib/dev/twilio-sandbox/fixtures";
import { MAIN_ACCOUNT, SUB_ACCOUNT, pointEnvAt, startStandInForTests, unusedPort } from "@/lib/testing/twilio-sandbox";
import { addMember, apiRequest, createSalonWithOwner, idParams, sessionCookieFor } from "@/lib/testing/auth-fixtures";
import { createCallLog, createCustomer, createSalon } from "@/lib/testing/factories";

let standIn: TwilioStandIn;
let salonId: string;
let auth: { owner: { cookie: string }; staff: { cookie: string }; key: { key: string } };

beforeAll(async () => {
  standIn = await startStandInForTests();
  const owner = await createSalonWithOwner({ salonName: "Recording Salon" });
  salonId = owner.salonId;
  const staff = await addMember(salonId, "STAFF");
  const { plaintextKey } = await createApiKey(salonId, { name: "recordings", role: "STAFF" });
  auth = {
    owner: { cookie: await sessionCookieFor(owner.userId, salonId) },
    staff: { cookie: await sessionCookieFor(staff.userId, salonId) },
    key: { key: plaintextKey },
  };
});
beforeEach(() => standIn.state.reset());
afterAll(async () => {
  await standIn.close();
  await closeRateLimitStore();
});

type Auth = { cookie?: string; key?: string };

function getRecording(callId: string, who: Auth, opts: { query?: string; range?: string } = {}) {
  const headers: Record<string, string> = opts.range ? { range: opts.range } : {};
  const req = apiRequest(`/api/telephony/call-logs/${callId}/recording${opts.query ?? ""}`, { ...who, headers });
  return recordingRoute(req, idParams(callId));
}

/** A voicemail call in `salon` whose recording the stand-in holds in `accountSid`. */
async function voicemailCall(salon: string, accountSid = MAIN_ACCOUNT.sid, extra: Parameters<typeof createCallLog>[1] = {}) {
  const call = await createCallLog(salon, { reason: "VOICEMAIL", status: "COMPLETED", ...extra });
  const recording = standIn.state.addRecording({ accountSid, callSid: call.callSid, durationSeconds: 4 });
  await updateCallLogs(db, {
    where: { id: call.id },
    data: { recordingSid: recording.sid, recordingDurationSeconds: 4 },
    select: { id: true },
  });
  return { call, recording };
}

/** The MP3 exactly as Twilio (the stand-in) serves it. */
async function twilioMp3(accountSid: string, recordingSid: string): Promise<Buffer> {
  const res = await fetch(`${standIn.url}/2010-04-01/Accounts/${accountSid}/Recordings/${recordingSid}.mp3`, {
    headers: { Authorization: `Basic ${Buffer.from(`${MAIN_ACCOUNT.sid}:${MAIN_ACCOUNT.authToken}`).toString("base64")}` },
  });
  return Buffer.from(await res.arrayBuffer());
}

describe("GET /api/telephony/call-logs/:id/recording", () => {
  it("plays the recording for the owner, staff and an API key, byte for byte", async () => {
    const { call, recording } = await voicemailCall(salonId);
    const expected = await twilioMp3(MAIN_ACCOUNT.sid, recording.sid);
    expect(expected.length).toBeGreaterThan(1000);
    for (const who of [auth.owner, auth.staff, auth.key]) {
      const res = await getRecording(call.id, who);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("audio/mpeg");
      expect(res.headers.get("content-length")).toBe(String(expected.length));
      expect(res.headers.get("accept-ranges")).toBe("bytes");
      expect(res.headers.get("cache-control")).toMatch(/^private, max-age=\d+$/);
      expect(res.headers.get("content-disposition")).toMatch(/^inline; filename="voicemail-.+\.mp3"$/);
      expect(Buffer.from(await res.arrayBuffer()).equals(expected)).toBe(true);
    }
  });

  it("names the download after the caller and the salon's local time", async () => {
    const customer = await createCustomer(salonId, { name: "Ava Martínez" });
    // 14:05 UTC is 10:05 in New York (the sign-up salon's zone) in May.
    const { call } = await voicemailCall(salonId, MAIN_ACCOUNT.sid, { customerId: customer.id, startedAt: new Date("2026-05-01T14:05:00Z") });
    const res = await getRecording(call.id, auth.staff, { query: "?download=1" });
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="voicemail-ava-martinez-2026-05-01-1005.mp3"');
    await res.arrayBuffer();
    expect((await getRecording(call.id, auth.staff, { query: "?download=yes" })).status).toBe(422);
  });

  it("seeks: one byte range comes back as 206 with exactly those bytes, past the end as 416", async () => {
    const { call, recording } = await voicemailCall(salonId);
    const whole = await twilioMp3(MAIN_ACCOUNT.sid, recording.sid);
    const res = await getRecording(call.id, auth.owner, { range: "bytes=1000-1499" });
    expect(res.status).toBe(206);
    expect(res.headers.get("content-range")).toBe(`bytes 1000-1499/${whole.length}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(whole.subarray(1000, 1500))).toBe(true);

    const open = await getRecording(call.id, auth.owner, { range: "bytes=2000-" });
    expect(Buffer.from(await open.arrayBuffer()).equals(whole.subarray(2000))).toBe(true);
    const past = await getRecording(call.id, auth.owner, { range: `bytes=${whole.length}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get("content-range")).toBe(`bytes */${whole.length}`);
    // Several ranges are not passed on: the whole file.
    expect((await getRecording(call.id, auth.owner, { range: "bytes=0-1,4-5" })).status).toBe(200);
  });

  it("reads a subaccount salon's recording with the main account's credentials", async () => {
    const sub = await createSalon({ twilioAccountSid: SUB_ACCOUNT.sid });
    const { plaintextKey } = await createApiKey(sub.id, { name: "sub" });
    const { call, recording } = await voicemailCall(sub.id, SUB_ACCOUNT.sid);
    const res = await getRecording(call.id, { key: plaintextKey });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(await twilioMp3(SUB_ACCOUNT.sid, recording.sid))).toBe(true);
  });

  it("answers 404 for another salon's call, without asking Twilio", async () => {
    const other = await createSalon();
    const { call } = await voicemailCall(other.id);
    standIn.state.failNextRequests(1, 500, { route: "media" });
    const res = await getRecording(call.id, auth.owner);
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ code: "not_found", message: "Call not found." });
    // The injected failure is still waiting: Twilio was never asked.
    expect(standIn.state.takeInjectedFailure("media")).toBeDefined();
  });

  it("answers 404 when the call has no recording, or Twilio no longer has it", async () => {
    const plain = await createCallLog(salonId, { status: "NO_ANSWER" });
    const none = await getRecording(plain.id, auth.staff);
    expect(none.status).toBe(404);
    expect(await none.json()).toEqual({ code: "recording_not_found", message: "This call has no recording." });

    const deleted = await createCallLog(salonId, { recordingSid: newSid("RE") });
    const gone = await getRecording(deleted.id, auth.staff);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({ code: "recording_not_found", message: "Twilio no longer has this recording." });
  });

  it("answers 502 with a plain message when Twilio fails or can't be reached", async () => {
    const { call } = await voicemailCall(salonId);
    standIn.state.failNextRequests(1, 503, { route: "media" });
    const failed = await getRecording(call.id, auth.owner);
    expect(failed.status).toBe(502);
    expect(await failed.json()).toEqual({ code: "twilio_unavailable", message: "Twilio didn't send the recording. Try again in a minute." });

    vi.stubEnv("TWILIO_API_BASE_URL", `http://127.0.0.1:${await unusedPort()}`);
    reloadEnv();
    try {
      const down = await getRecording(call.id, auth.owner);
      expect(down.status).toBe(502);
      expect((await down.json()).code).toBe("twilio_unavailable");
    } finally {
      pointEnvAt(standIn);
    }
    expect((await getRecording(call.id, auth.owner)).status).toBe(200);
  });

  it("needs a session or an API key", async () => {
    const { call } = await voicemailCall(salonId);
    expect((await getRecording(call.id, {})).status).toBe(401);
  });
});
