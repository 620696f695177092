// A phone texts one of the account's numbers (the phone simulator's "send"): Twilio has no API for this,
// so it is the stand-in's own route, POST /_sandbox/Accounts/{AccountSid}/InboundMessages.json (From,
// To, Body; the account's Basic credentials). The stand-in keeps the text as Twilio would (direction
// "inbound", status "received"), delivers it to the number's SmsUrl signed like Twilio's webhook, and
// sends any <Message> the answer's TwiML holds back to the phone, as Twilio does.
import { twilioError } from "./errors";
import { API_VERSION, isE164, newSid } from "./fixtures";
import { freshMessageFields, serializeMessage } from "./messages";
import type { Reply, RouteContext } from "./route-context";
import { countSegments } from "./segments";
import type { StandInMessage } from "./state";
import { signTwilioRequest } from "@/lib/telephony/signature";

const WEBHOOK_TIMEOUT_MS = 15_000;

function newMessage(ctx: RouteContext, fields: Pick<StandInMessage, "to" | "from" | "body" | "status" | "direction">): StandInMessage {
  const now = new Date();
  const message: StandInMessage = {
    sid: newSid("SM"),
    accountSid: ctx.accountSid,
    numMedia: 0,
    messagingServiceSid: null,
    statusCallback: null,
    numSegments: countSegments(fields.body).segments,
    ...freshMessageFields(now),
    dateSent: fields.direction === "inbound" ? now : null,
    ...fields,
  };
  ctx.state.messages.push(message);
  return message;
}

/** The webhook parameters Twilio sends for an incoming text. */
function inboundParams(m: StandInMessage): Record<string, string> {
  return {
    AccountSid: m.accountSid,
    ApiVersion: API_VERSION,
    Body: m.body,
    From: m.from ?? "",
    FromCountry: "US",
    MessageSid: m.sid,
    NumMedia: "0",
    NumSegments: String(m.numSegments),
    SmsMessageSid: m.sid,
    SmsSid: m.sid,
    SmsStatus: "received",
    To: m.to,
    ToCountry: "US",
  };
}

const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_m, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" })[e] ?? "");

export async function deliverInboundMessage(ctx: RouteContext, tokenFor: (accountSid: string) => string | undefined): Promise<Reply> {
  const from = ctx.form.get("From")?.trim() ?? "";
  const to = ctx.form.get("To")?.trim() ?? "";
  const body = ctx.form.get("Body") ?? "";
  if (!isE164(from)) throw twilioError(21212, from);
  if (!isE164(to)) throw twilioError(21211, to);
  if (!body) throw twilioError(21602);
  const number = ctx.state.findNumberByPhone(to);
  if (!number || number.accountSid !== ctx.accountSid) throw twilioError(21606, to);
  const message = newMessage(ctx, { from, to, body, status: "received", direction: "inbound" });

  let webhookStatus: number | null = null;
  const authToken = tokenFor(ctx.accountSid);
  if (number.smsUrl && authToken) {
    const params = inboundParams(message);
    try {
      const res = await fetch(number.smsUrl, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "User-Agent": "TwilioProxy/1.1",
          "X-Twilio-Signature": signTwilioRequest(authToken, number.smsUrl, params),
          "I-Twilio-Idempotency-Token": newSid("RQ").slice(2),
        },
        body: new URLSearchParams(params).toString(),
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      webhookStatus = res.status;
      const twiml = await res.text();
      for (const reply of twiml.matchAll(/<Message(?:\s[^>]*)?>([\s\S]*?)<\/Message>/g)) {
        const text = decode(reply[1] ?? "").trim();
        if (text) ctx.startDelivery(newMessage(ctx, { from: to, to: from, body: text, status: "queued", direction: undefined }));
      }
    } catch (err) {
      ctx.log.warn({ err, url: number.smsUrl }, "incoming text's webhook could not be delivered");
    }
  }
  return { status: 201, body: { ...serializeMessage(message), webhook_status: webhookStatus } };
}
