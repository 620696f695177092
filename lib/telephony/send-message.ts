// Texts through the official SDK, so the delivery pipeline never sees Twilio's request shape: one
// Messages.create with the outcome sorted into accepted (with the SID), worth retrying (429, 5xx,
// network) or final; the look-up after an ambiguous failure; and a message's current status.
import type { NotificationStatus } from "@/lib/generated/prisma/client";
import { getTwilioClient, twilioConfigured } from "@/lib/telephony/twilio";
import { buildWebhookUrl } from "@/lib/telephony/signature";
import { describeTwilioError } from "@/lib/telephony/error-codes";
import { mapTwilioMessageStatus } from "@/lib/telephony/statuses";

const SMS_STATUS_CALLBACK_PATH = "/api/webhooks/twilio/sms/status";

export type TwilioSendResult =
  | { ok: true; sid: string; status: NotificationStatus; errorCode: string | null }
  | { ok: false; retryable: boolean; errorCode: string | null; reason: string };

type Account = { accountSid: string | null };

function clientFor({ accountSid }: Account) {
  return getTwilioClient(accountSid ? { accountSid } : {});
}

type TwilioError = { status?: unknown; code?: unknown; message?: unknown };

function classify(err: unknown): Extract<TwilioSendResult, { ok: false }> {
  const e = (typeof err === "object" && err !== null ? err : {}) as TwilioError;
  const httpStatus = typeof e.status === "number" ? e.status : undefined;
  const code =
    typeof e.code === "number" || (typeof e.code === "string" && /^\d+$/.test(e.code))
      ? String(e.code)
      : null;
  const message = typeof e.message === "string" ? e.message : String(err);
  if (httpStatus === undefined) {
    // No HTTP answer at all: connection refused/reset or a timeout. Twilio never saw it or never answered.
    return { ok: false, retryable: true, errorCode: null, reason: `Could not reach Twilio (${message}).` };
  }
  if (httpStatus === 429 || httpStatus >= 500) {
    const what = httpStatus === 429 ? "was too busy to take the text" : "had a temporary problem";
    return { ok: false, retryable: true, errorCode: code, reason: `Twilio ${what} (HTTP ${httpStatus}).` };
  }
  if (httpStatus === 401 || httpStatus === 403) {
    return {
      ok: false,
      retryable: false,
      errorCode: code,
      reason: "Twilio rejected Bolt's credentials for this salon's account.",
    };
  }
  return {
    ok: false,
    retryable: false,
    errorCode: code,
    reason: code ? describeTwilioError(code) : `Twilio refused the text: ${message}`,
  };
}

/** Messages listed per look-up: far more than one customer gets from one salon between two tries. */
const LOOKUP_LIMIT = 100;

/**
 * The text's identity at Twilio is its From/To/Body (stored with the claim) created since `since`:
 * after an ambiguous failure (a 5xx or a lost response may still have created the message) or a
 * crash mid-send, finds the message our attempt created — not one of the known SIDs, which belong
 * to other texts. null means Twilio answered and has no such message; if the look-up can't tell
 * (Twilio unreachable, or more messages since `since` than one look-up reads) it throws.
 */
export async function findAcceptedEarlier(input: {
  accountSid: string | null;
  from: string;
  to: string;
  body: string;
  since: Date;
  isKnownSid: (sids: string[]) => Promise<Set<string>>;
}): Promise<Extract<TwilioSendResult, { ok: true }> | null> {
  const recent = await clientFor(input).messages.list({ to: input.to, from: input.from, limit: LOOKUP_LIMIT });
  const oldest = recent.at(-1);
  if (recent.length >= LOOKUP_LIMIT && oldest && oldest.dateCreated.getTime() >= input.since.getTime())
    throw new Error(`Twilio lists over ${LOOKUP_LIMIT} texts to ${input.to} since the attempt; cannot tell which is ours.`);
  const matches = recent.filter(
    (m) => m.body === input.body && m.dateCreated.getTime() >= input.since.getTime(),
  );
  if (matches.length === 0) return null;
  const known = await input.isKnownSid(matches.map((m) => m.sid));
  // Twilio lists newest first; the oldest unclaimed match is the one our first attempt created.
  const ours = matches.reverse().find((m) => !known.has(m.sid));
  if (!ours) return null;
  const errorCode = ours.errorCode ? String(ours.errorCode) : null;
  return { ok: true, sid: ours.sid, status: mapTwilioMessageStatus(ours.status) ?? "SENDING", errorCode };
}

/** The SDK loads its API modules on first use (~0.5 s); a worker does it before its first batch. */
export function warmMessagesApi(): void {
  if (twilioConfigured()) void getTwilioClient().messages.list;
}

/** A message's status as Twilio has it now, in ours (null: a status Bolt doesn't track). */
export async function fetchMessageStatus(
  input: Account & { sid: string },
): Promise<{ status: NotificationStatus | null; errorCode: string | null }> {
  const message = await clientFor(input).messages(input.sid).fetch();
  return { status: mapTwilioMessageStatus(message.status), errorCode: message.errorCode ? String(message.errorCode) : null };
}

/** Sends one text from the salon's number; never throws. */
export async function sendMessage(input: {
  accountSid: string | null;
  from: string;
  to: string;
  body: string;
}): Promise<TwilioSendResult> {
  try {
    const message = await clientFor(input).messages.create({
      to: input.to,
      from: input.from,
      body: input.body,
      statusCallback: buildWebhookUrl(SMS_STATUS_CALLBACK_PATH),
    });
    const errorCode = message.errorCode ? String(message.errorCode) : null;
    return { ok: true, sid: message.sid, status: mapTwilioMessageStatus(message.status) ?? "SENDING", errorCode };
  } catch (err) {
    return classify(err);
  }
}
