// Shared by the incoming-text tests (only *.test.ts files import this): Twilio's full inbound SMS
// parameter set, requests signed with the SDK's own function against buildWebhookUrl, the route
// handler called as Next would, delivery of the queued replies to the Twilio stand-in, and the
// state a delivery leaves when its process stops right after storing the text.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { recordInboundMessage } from "@/lib/conversations/record-inbound-message";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { stopBoss } from "@/lib/jobs/boss";
import { startStatusRoute } from "@/lib/jobs/delivery-test-kit";
import { processDeliverJob } from "@/lib/jobs/handlers/deliver-notification";
import { parseInboundKeyword } from "@/lib/messaging/keywords";
import { buildWebhookUrl, signTwilioRequest } from "@/lib/telephony/signature";
import type { TwilioStandIn } from "@/lib/telephony/standin";
import { startStandInForTests } from "@/lib/telephony/standin/test-support";
import { POST as smsRoute } from "@/app/api/webhooks/twilio/sms/route";

export const SMS_PATH = "/api/webhooks/twilio/sms";

export const newMessageSid = () => `SM${randomBytes(16).toString("hex")}`;

/** Everything Twilio documents for an incoming message, extras included (the handler must ignore them). */
export function smsParams(input: {
  from: string;
  to: string;
  body: string;
  messageSid?: string;
  accountSid?: string;
  mediaUrls?: string[];
}): Record<string, string> {
  const sid = input.messageSid ?? newMessageSid();
  const media = input.mediaUrls ?? [];
  const params: Record<string, string> = {
    AccountSid: input.accountSid ?? env.TWILIO_ACCOUNT_SID ?? "",
    ApiVersion: "2010-04-01",
    Body: input.body,
    From: input.from,
    FromCity: "OAKLAND",
    FromCountry: "US",
    FromState: "CA",
    FromZip: "94601",
    MessageSid: sid,
    NumMedia: String(media.length),
    NumSegments: "1",
    ReferralNumMedia: "0",
    SmsMessageSid: sid,
    SmsSid: sid,
    SmsStatus: "received",
    To: input.to,
    ToCity: "SAN FRANCISCO",
    ToCountry: "US",
    ToState: "CA",
    ToZip: "94110",
  };
  media.forEach((url, i) => {
    params[`MediaUrl${i}`] = url;
    params[`MediaContentType${i}`] = "image/jpeg";
  });
  return params;
}

export type SignOptions = {
  /** The token to sign with (default: the main account's); null sends no signature header. */
  token?: string | null;
  /** Sign for this URL instead of the one requested. */
  signedUrl?: string;
  /** Overrides the signature header outright. */
  signature?: string;
};

/** POSTs `params` to the SMS webhook with a Twilio signature, as Twilio would. */
export function postInboundSms(params: Record<string, string>, opts: SignOptions = {}): Promise<Response> {
  const token = opts.token === undefined ? env.TWILIO_AUTH_TOKEN : opts.token;
  const headers = new Headers({ "content-type": "application/x-www-form-urlencoded" });
  const signature = opts.signature ?? (token ? signTwilioRequest(token, opts.signedUrl ?? buildWebhookUrl(SMS_PATH), params) : null);
  if (signature) headers.set("x-twilio-signature", signature);
  // The Host is deliberately not the public one: verification must use PUBLIC_BASE_URL.
  const req = new Request(`http://internal.invalid${SMS_PATH}`, { method: "POST", headers, body: new URLSearchParams(params).toString() });
  return smsRoute(req);
}

/** Texts `body` from `from` to the salon's number; the params are returned for replays. */
export async function textSalon(salon: { twilioNumber: string | null }, from: string, body: string, extra: { messageSid?: string } = {}) {
  const params = smsParams({ from, to: salon.twilioNumber ?? "", body, ...extra });
  const res = await postInboundSms(params);
  return { res, params, messageSid: params.MessageSid as string };
}

/** Runs the delivery job for every queued text of the salon (as the worker would), oldest first. */
export async function deliverQueued(salonId: string) {
  const queued = await db.notification.findMany({ where: { salonId, status: "QUEUED" }, orderBy: { createdAt: "asc" } });
  for (const n of queued) await processDeliverJob({ notificationId: n.id, salonId }, { retryCount: 0, retryLimit: 5 });
  return queued.length;
}

export async function countSalonRows(salonId: string) {
  const [messages, customers, notifications] = await Promise.all([
    db.inboundMessage.count({ where: { salonId } }),
    db.customer.count({ where: { salonId } }),
    db.notification.count({ where: { salonId } }),
  ]);
  return { messages, customers, notifications };
}

export function notificationsOf(salonId: string, customerId?: string) {
  return db.notification.findMany({ where: { salonId, ...(customerId ? { customerId } : {}) }, orderBy: { createdAt: "asc" } });
}

/**
 * What a delivery that stored the text and then died (before acting on it) leaves behind: the real
 * store step, with the handler's own parsing of `params`, and nothing after it.
 */
export async function storeWithoutActing(salonId: string, params: Record<string, string>, receivedAt = new Date()) {
  const body = params.Body ?? "";
  const recorded = await recordInboundMessage(salonId, {
    messageSid: params.MessageSid ?? "",
    from: params.From ?? "",
    to: params.To ?? "",
    body,
    numMedia: 0,
    mediaUrls: [],
    keyword: parseInboundKeyword(body),
    receivedAt,
  });
  if (!recorded.message) throw new Error("the text was not stored under this salon");
  return { ...recorded, message: recorded.message };
}

/** Delivers the salon's queued texts, then returns the bodies that reached the stand-in for `phone`. */
export async function deliveredTo(standIn: TwilioStandIn, salonId: string, phone: string): Promise<string[]> {
  await deliverQueued(salonId);
  return standIn.state.messages.filter((m) => m.to === phone).map((m) => m.body);
}

/**
 * Starts the Twilio stand-in and the status-callback route for the calling test file (stopped after
 * it, with pg-boss) and clears the stand-in's messages before each test. Read `standIn` inside tests.
 */
export function setUpTextingServers(): { readonly standIn: TwilioStandIn } {
  const servers: { standIn?: TwilioStandIn; route?: Awaited<ReturnType<typeof startStatusRoute>> } = {};
  beforeAll(async () => {
    servers.standIn = await startStandInForTests();
    servers.route = await startStatusRoute();
  });
  afterAll(async () => {
    await stopBoss();
    await servers.standIn?.close();
    await servers.route?.close();
  });
  beforeEach(() => servers.standIn?.state.reset());
  return {
    get standIn() {
      if (!servers.standIn) throw new Error("setUpTextingServers: the stand-in starts in beforeAll");
      return servers.standIn;
    },
  };
}
