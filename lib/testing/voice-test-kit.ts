// Shared by the voice webhook tests (only *.test.ts files import this): Twilio's full parameter sets,
// requests signed with the SDK's own function, and the route handlers called as Next would.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { callOutcomeOf } from "@/lib/calls/call-outcome";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clearSalonNumberCache, findSalonByNumber, type WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import { createSalon, uniquePhone } from "@/lib/testing/factories";
import { buildWebhookUrl, signTwilioRequest } from "@/lib/telephony/signature";
import { POST as voiceRoute } from "@/app/api/webhooks/twilio/voice/route";
import { POST as gatherRoute } from "@/app/api/webhooks/twilio/voice/gather/route";
import { POST as dialResultRoute } from "@/app/api/webhooks/twilio/voice/dial-result/route";
import { POST as screenRoute } from "@/app/api/webhooks/twilio/voice/screen/route";
import { POST as screenResultRoute } from "@/app/api/webhooks/twilio/voice/screen-result/route";
import { POST as statusRoute } from "@/app/api/webhooks/twilio/voice/status/route";
import { POST as recordingRoute } from "@/app/api/webhooks/twilio/voice/recording/route";
import { POST as recordedRoute } from "@/app/api/webhooks/twilio/voice/recorded/route";
import { POST as transcriptionRoute } from "@/app/api/webhooks/twilio/voice/transcription/route";

export const VOICE_ROUTES = {
  "/api/webhooks/twilio/voice": voiceRoute,
  "/api/webhooks/twilio/voice/gather": gatherRoute,
  "/api/webhooks/twilio/voice/dial-result": dialResultRoute,
  "/api/webhooks/twilio/voice/screen": screenRoute,
  "/api/webhooks/twilio/voice/screen-result": screenResultRoute,
  "/api/webhooks/twilio/voice/status": statusRoute,
  "/api/webhooks/twilio/voice/recording": recordingRoute,
  "/api/webhooks/twilio/voice/recorded": recordedRoute,
  "/api/webhooks/twilio/voice/transcription": transcriptionRoute,
} as const;
export type VoicePath = keyof typeof VOICE_ROUTES;

export const newCallSid = () => `CA${randomBytes(16).toString("hex")}`;
export const newRecordingSid = () => `RE${randomBytes(16).toString("hex")}`;

/** Everything Twilio documents for a voice request, extras included (the handlers must ignore them). */
export type CallParams = Record<string, string> & { AccountSid: string; CallSid: string; CallStatus: string; From: string; To: string };

export function callParams(input: { callSid: string; from: string; to: string; status?: string; accountSid?: string }): CallParams {
  return {
    AccountSid: input.accountSid ?? env.TWILIO_ACCOUNT_SID ?? "",
    ApiVersion: "2010-04-01",
    CallSid: input.callSid,
    CallStatus: input.status ?? "ringing",
    CallToken: "%7B%22parentCallInfoToken%22%3A%22eyJ%22%7D",
    Called: input.to,
    CalledCity: "SAN FRANCISCO",
    CalledCountry: "US",
    CalledState: "CA",
    CalledZip: "94110",
    Caller: input.from,
    CallerCity: "OAKLAND",
    CallerCountry: "US",
    CallerName: "JANE DOE",
    CallerState: "CA",
    CallerZip: "94601",
    Direction: "inbound",
    From: input.from,
    FromCity: "OAKLAND",
    FromCountry: "US",
    FromState: "CA",
    FromZip: "94601",
    StirVerstat: "TN-Validation-Passed-A",
    To: input.to,
    ToCity: "SAN FRANCISCO",
    ToCountry: "US",
    ToState: "CA",
    ToZip: "94110",
  };
}

/**
 * What Twilio posts about the dialled leg of a forwarded call (the screening and its Gather action):
 * a call of its own from the caller's number to the staff phone, naming the caller's call as its parent.
 */
export function screenParams(parent: CallParams, staffPhone: string, digits?: string): Record<string, string> {
  return {
    ...callParams({ callSid: newCallSid(), from: parent.From, to: staffPhone, status: "in-progress", accountSid: parent.AccountSid }),
    Direction: "outbound-dial",
    ParentCallSid: parent.CallSid,
    ...(digits !== undefined ? { Digits: digits, FinishedOnKey: "" } : {}),
  };
}

export type RecordingParams = Record<string, string> & { CallSid: string; RecordingSid: string; RecordingUrl: string; RecordingStatus: string };

export function recordingParams(input: { callSid: string; recordingSid: string; accountSid?: string; duration?: number }): RecordingParams {
  return {
    AccountSid: input.accountSid ?? env.TWILIO_ACCOUNT_SID ?? "",
    CallSid: input.callSid,
    ErrorCode: "0",
    RecordingChannels: "1",
    RecordingDuration: String(input.duration ?? 14),
    RecordingSid: input.recordingSid,
    RecordingSource: "RecordVerb",
    RecordingStartTime: "Wed, 25 Nov 2026 14:00:00 +0000",
    RecordingStatus: "completed",
    RecordingTrack: "both",
    RecordingUrl: `https://api.twilio.com/2010-04-01/Accounts/${input.accountSid ?? env.TWILIO_ACCOUNT_SID}/Recordings/${input.recordingSid}`,
  };
}

export type SignOptions = {
  /** The token to sign with (default: the main account's); null sends no signature header. */
  token?: string | null;
  /** Sign for this URL instead of the one requested. */
  signedUrl?: string;
  /** Overrides the signature header outright. */
  signature?: string;
};

/** POSTs `params` to a voice route handler with a Twilio signature, as Twilio would. */
export function postVoice(path: VoicePath, params: Record<string, string>, opts: SignOptions & { query?: string } = {}): Promise<Response> {
  const pathWithQuery = `${path}${opts.query ?? ""}`;
  const token = opts.token === undefined ? env.TWILIO_AUTH_TOKEN : opts.token;
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  const signature = opts.signature ?? (token ? signTwilioRequest(token, opts.signedUrl ?? buildWebhookUrl(pathWithQuery), params) : null);
  if (signature) headers.set("x-twilio-signature", signature);
  // The Host is deliberately not the public one: verification must use PUBLIC_BASE_URL.
  const req = new Request(`http://internal.invalid${pathWithQuery}`, { method: "POST", headers, body: new URLSearchParams(params).toString() });
  return VOICE_ROUTES[path](req);
}

export async function countRows(salonId: string) {
  const [calls, callEvents, notifications, customers] = await Promise.all([
    db.callLog.count({ where: { salonId } }),
    db.callEvent.count({ where: { salonId } }),
    db.notification.count({ where: { salonId } }),
    db.customer.count({ where: { salonId } }),
  ]);
  return { calls, callEvents, notifications, customers };
}

/** The query of the Gather's action in a TwiML answer: what Twilio posts to the gather route next. */
export function nextGatherQuery(xml: string): string {
  const action = /<Gather [^>]*action="([^"]+)"/.exec(xml)?.[1];
  if (!action) throw new Error(`no Gather in ${xml}`);
  const url = new URL(action.replaceAll("&amp;", "&"));
  if (!url.pathname.endsWith("/api/webhooks/twilio/voice/gather")) throw new Error(`Gather posts to ${url.pathname}`);
  return url.search;
}

/** A call to `to` logged by the real incoming-call webhook; the parameters Twilio sends on its later callbacks. */
export async function ringVoice(to: string, opts: { accountSid?: string; token?: string; from?: string } = {}): Promise<CallParams> {
  const params = callParams({ callSid: newCallSid(), from: opts.from ?? uniquePhone(), to, accountSid: opts.accountSid });
  expect((await postVoice("/api/webhooks/twilio/voice", params, { token: opts.token })).status).toBe(200);
  return { ...params, CallStatus: "in-progress" };
}

/** One answer at a menu, through the signed gather route as Twilio posts it; the TwiML, checked to be the handler's own. */
export async function postGather(
  call: CallParams,
  input: { Digits?: string; SpeechResult?: string },
  query = "?attempt=1",
  opts: SignOptions = {},
): Promise<string> {
  const params: Record<string, string> = { ...call, CallStatus: "in-progress" };
  if (input.Digits !== undefined) params.Digits = input.Digits;
  if (input.SpeechResult !== undefined) Object.assign(params, { SpeechResult: input.SpeechResult, Confidence: "0.9" });
  const res = await postVoice("/api/webhooks/twilio/voice/gather", params, { ...opts, query });
  expect(res.status).toBe(200);
  const xml = await res.text();
  // The spoken fallback is a 200 too: make sure the handler itself answered.
  expect(xml).not.toContain("having trouble");
  return xml;
}

/**
 * A call's row, failing the test unless it holds the outcome callOutcomeOf gives it: a webhook that
 * changed a field the outcome reads without lib/calls/write-call-logs.ts is caught by every test that looks.
 */
export async function callRow(callSid: string) {
  const row = await db.callLog.findUniqueOrThrow({ where: { callSid } });
  expect(row.outcome, `stored outcome of ${callSid}`).toBe(callOutcomeOf(row));
  return row;
}

/** A call's recorded timeline events, oldest first. */
export function callEventsOf(callSid: string) {
  return db.callEvent.findMany({
    where: { callLog: { callSid } },
    orderBy: [{ at: "asc" }, { dedupeKey: "asc" }],
    select: { kind: true, dedupeKey: true, detail: true, salonId: true },
  });
}

// Open around the clock, so "talk to someone" rings the salon's phone whenever a test runs.
const ALL_DAY = [{ open: "00:00", close: "24:00" }];
export const ALWAYS_OPEN = { mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY, sun: ALL_DAY };

/** A salon with its own number and a forwarding phone, as the voice webhooks find it (open around the clock unless told). */
export async function createVoiceSalon(overrides: Partial<Prisma.SalonUncheckedCreateInput> = {}): Promise<{ salon: WebhookSalon; forwardingPhone: string }> {
  const forwardingPhone = uniquePhone();
  const created = await createSalon({ name: "Luxe Hair", twilioNumber: uniquePhone(), businessHours: ALWAYS_OPEN, forwardingPhone, ...overrides });
  clearSalonNumberCache();
  return { salon: (await findSalonByNumber(created.twilioNumber!))!, forwardingPhone: created.forwardingPhone ?? forwardingPhone };
}
