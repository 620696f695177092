// Messages.json: create (with Twilio's validation errors), fetch and list, in Twilio's JSON shape.
import { setTimeout as sleep } from "node:timers/promises";
import { injectedHttpError, notFoundError, twilioError } from "./errors";
import { API_VERSION, isE164, newSid, rfc2822 } from "./fixtures";
import type { Reply, RouteContext } from "./route-context";
import { pageOf } from "./http";
import { countSegments } from "./segments";
import type { StandInMessage } from "./state";

const MAX_BODY_CHARS = 1600;

export function serializeMessage(m: StandInMessage) {
  const base = `/${API_VERSION}/Accounts/${m.accountSid}/Messages/${m.sid}`;
  return {
    account_sid: m.accountSid,
    api_version: API_VERSION,
    body: m.body,
    date_created: rfc2822(m.dateCreated),
    date_sent: rfc2822(m.dateSent),
    date_updated: rfc2822(m.dateUpdated),
    direction: m.direction ?? "outbound-api",
    error_code: m.errorCode,
    error_message: m.errorMessage,
    from: m.from,
    messaging_service_sid: m.messagingServiceSid,
    num_media: String(m.numMedia),
    num_segments: String(m.numSegments),
    price: m.price,
    price_unit: m.priceUnit,
    sid: m.sid,
    status: m.status,
    subresource_uris: { media: `${base}/Media.json` },
    to: m.to,
    uri: `${base}.json`,
  };
}

function isHttpUrl(value: string): boolean {
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol);
}

/** A new message's fields that Twilio fills in later (price, error) and its dates. */
export const freshMessageFields = (now: Date) =>
  ({ errorCode: null, errorMessage: null, price: null, priceUnit: null, dateCreated: now, dateUpdated: now }) as const;

/** Checks From the way Twilio does; true when the sandbox should adopt an unknown number. */
function checkSender(ctx: RouteContext, from: string, to: string): boolean {
  if (!isE164(from)) throw twilioError(21212, from);
  if (from === to) throw twilioError(21266, to);
  const owned = ctx.state.findNumberByPhone(from);
  if (owned && owned.accountSid !== ctx.accountSid) throw twilioError(21660, from);
  if (!owned && ctx.strictFrom) throw twilioError(21659, from);
  return !owned;
}

/** Validates a create request in Twilio's order and stores the queued message. */
function acceptMessage(ctx: RouteContext): StandInMessage {
  const { form } = ctx;
  const to = form.get("To")?.trim();
  if (!to) throw twilioError(21604);
  if (!isE164(to)) throw twilioError(21211, to);

  const from = form.get("From")?.trim() || null;
  const messagingServiceSid = form.get("MessagingServiceSid")?.trim() || null;
  if (!from && !messagingServiceSid) throw twilioError(21603);
  if (messagingServiceSid && !/^MG[0-9a-fA-F]{32}$/.test(messagingServiceSid)) throw twilioError(21701, messagingServiceSid);
  const adoptSender = from ? checkSender(ctx, from, to) : false;

  const body = form.get("Body") ?? "";
  const numMedia = form.getAll("MediaUrl").length;
  if (!body && numMedia === 0 && !form.get("ContentSid")) throw twilioError(21602);
  if (body.length > MAX_BODY_CHARS) throw twilioError(21617);

  const statusCallback = form.get("StatusCallback")?.trim() || null;
  if (statusCallback && !isHttpUrl(statusCallback)) throw twilioError(21609, statusCallback);

  // Opt-outs and similar refusals are synchronous 400s; carrier failures come later (30xxx).
  const failure = ctx.state.destinationFailure(to);
  if (failure && failure.errorCode < 30000) throw twilioError(failure.errorCode, to);

  if (from && adoptSender) {
    ctx.state.addNumber({ accountSid: ctx.accountSid, phoneNumber: from });
    ctx.log.info({ from, accountSid: ctx.accountSid }, "twilio sandbox adopted an unknown From number");
  }

  const now = new Date();
  const message: StandInMessage = {
    sid: newSid("SM"),
    accountSid: ctx.accountSid,
    to,
    from,
    body,
    numMedia,
    messagingServiceSid,
    statusCallback,
    // Twilio's first status: "accepted" through a Messaging Service, "queued" from a number.
    status: messagingServiceSid ? "accepted" : "queued",
    numSegments: countSegments(body).segments,
    ...freshMessageFields(now),
    dateSent: null,
  };
  ctx.state.messages.push(message);
  return message;
}

export async function createMessage(ctx: RouteContext): Promise<Reply> {
  const injected = ctx.state.takeInjectedFailure("messages");
  if (injected && !injected.afterAccept) throw injectedHttpError(injected.httpStatus);
  if (!ctx.state.takeSendSlot()) {
    // Over the fault test's limit: answered late and never taken, as an overloaded Twilio would.
    await sleep(ctx.state.sendResponseDelayMs);
    throw injectedHttpError(503);
  }
  const message = acceptMessage(ctx);
  // The first status step waits callbackDelayMs, so the response always leaves first.
  ctx.startDelivery(message);
  if (ctx.state.sendResponseDelayMs > 0) await sleep(ctx.state.sendResponseDelayMs);
  if (injected) throw injectedHttpError(injected.httpStatus);
  return { status: 201, body: serializeMessage(message) };
}

export function fetchMessage(ctx: RouteContext): Reply {
  const message = ctx.state.messages.find((m) => m.sid === ctx.params.sid && m.accountSid === ctx.accountSid);
  if (!message) throw notFoundError(ctx.path);
  return { status: 200, body: serializeMessage(message) };
}

/** "YYYY-MM-DD" of a date in UTC, the granularity of Twilio's DateSent filters. */
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);

export function listMessages(ctx: RouteContext): Reply {
  const { query } = ctx;
  const to = query.get("To");
  const from = query.get("From");
  const on = query.get("DateSent");
  const before = query.get("DateSent<");
  const after = query.get("DateSent>");
  // Newest first, as Twilio lists them.
  const items = [...ctx.state.messages]
    .reverse()
    .filter((m) => m.accountSid === ctx.accountSid)
    .filter((m) => (!to || m.to === to) && (!from || m.from === from))
    .filter((m) => {
      const sent = day(m.dateSent);
      if (!on && !before && !after) return true;
      return sent !== null && (!on || sent === on) && (!before || sent <= before) && (!after || sent >= after);
    })
    .map(serializeMessage);
  return { status: 200, body: pageOf({ items, query, path: ctx.path, key: "messages", sidOf: (m) => m.sid }) };
}
