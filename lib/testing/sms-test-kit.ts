// Shared by the incoming-text tests (only *.test.ts files import this): Twilio's full inbound SMS
// parameter set, requests signed with the SDK's own function against buildWebhookUrl, the route
// handler called as Next would, delivery of the queued replies to the Twilio stand-in, and the
// state a delivery leaves when its process stops right after storing the text.
import { beforeEach } from "vitest";
import { recordInboundMessage } from "@/lib/conversations/record-inbound-message";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { processDeliverJob } from "@/lib/messaging/delivery/deliver-notification";
import { buildWebhookUrl, signTwilioRequest } from "@/lib/telephony/signature";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { toInboundMessageInput } from "@/lib/telephony/webhooks/handle-incoming-sms";
import { inboundSmsParamsSchema } from "@/lib/telephony/params/sms";
import { createCustomer, newMessageSid } from "@/lib/testing/factories";
import { POST as smsRoute } from "@/app/api/webhooks/twilio/sms/route";

const SMS_PATH = "/api/webhooks/twilio/sms";

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
 * store step (which claims the text at `receivedAt`), with the handler's own parsing of `params`
 * (the route's schema, then toInboundMessageInput), and nothing after it.
 */
export async function storeWithoutActing(salonId: string, params: Record<string, string>, receivedAt = new Date()) {
  const input = toInboundMessageInput(inboundSmsParamsSchema.parse(params), receivedAt);
  if (!input) throw new Error("the text's sender is not a phone number: the handler would not store it");
  const recorded = await recordInboundMessage(salonId, input, () => receivedAt);
  if (!recorded.stored) throw new Error("the text was not stored under this salon");
  return recorded;
}

export const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** The stored incoming text with this MessageSid. */
export const storedText = (messageSid: string) => db.inboundMessage.findUniqueOrThrow({ where: { messageSid } });

/** A text from `from` stored at `receivedAt` whose delivery died before acting on it; its params for replays. */
export async function strandText(salon: { id: string; twilioNumber: string | null }, from: string, body: string, receivedAt = new Date()) {
  const params = smsParams({ from, to: salon.twilioNumber ?? "", body });
  await storeWithoutActing(salon.id, params, receivedAt);
  return params;
}

/** A salon on the stand-in with a customer who has already had their first text (no opt-out footer). */
export async function createSalonWithCustomer(standIn: TwilioStandIn, overrides: Parameters<typeof createTextingSalon>[1] = {}) {
  const salon = await createTextingSalon(standIn, overrides);
  const customer = await createCustomer(salon.id, { firstTextedAt: new Date(), name: "Jane Doe" });
  return { salon, customer };
}

/** Delivers the salon's queued texts, then returns the bodies that reached the stand-in for `phone`. */
export async function deliveredTo(standIn: TwilioStandIn, salonId: string, phone: string): Promise<string[]> {
  await deliverQueued(salonId);
  return standIn.state.messages.filter((m) => m.to === phone).map((m) => m.body);
}

/**
 * Salon settings under which every auto-reply throws, on every try: it tells today's hours, which
 * need the salon's time zone, and this one doesn't exist. Keyword answers still go out.
 */
export const AUTO_REPLY_FAILS = {
  timeZone: "Nowhere/Broken",
  businessHours: Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ open: "09:00", close: "17:00" }]]),
  ),
};

/**
 * setUpTextingServers for files that run the worker's sweep, which works across salons: each test
 * also starts with no stranded text left by another.
 */
export function setUpTextingServersForSweeps(): ReturnType<typeof setUpTextingServers> {
  const servers = setUpTextingServers();
  beforeEach(async () => {
    await db.inboundMessage.updateMany({ where: { processedAt: null }, data: { processedAt: new Date() } });
  });
  return servers;
}
