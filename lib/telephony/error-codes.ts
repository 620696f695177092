// Twilio error codes in words a salon owner understands (shown on failed texts), and which failures
// are worth retrying. Codes: https://www.twilio.com/docs/api/errors
// Twilio codes arrive as numbers from the SDK and as strings from status callbacks and our DB column.

type Code = number | string | null | undefined;

const REASONS: Record<number, string> = {
  20429: "Too many messages were sent at once; it will be retried shortly.",
  21211: "The phone number isn't valid.",
  21408: "Texting to this country isn't enabled for the account.",
  21606: "The salon's number can't send texts.",
  21610: "The recipient replied STOP and has opted out of texts from this number.",
  21612: "The message can't be routed to this number.",
  21614: "The number isn't a mobile number, so it can't receive texts.",
  30001: "The carrier was too busy to take the message.",
  30002: "The sending account is suspended.",
  30003: "The phone couldn't be reached; it may be switched off or out of coverage.",
  30004: "The message was blocked by the recipient or their carrier.",
  30005: "The number is unknown or no longer in service.",
  30006: "The number is a landline or its carrier can't receive texts.",
  30007: "The carrier filtered the message as possible spam.",
  30008: "The carrier reported an unknown error.",
  30034: "The message was blocked because the salon's number isn't registered for business texting (10DLC) yet.",
};
// HTTP 429 is the same situation as Twilio's 20429.
const ALIASES: Record<number, number> = { 429: 20429 };

// Failures that can succeed on a later attempt: rate limits, Twilio-side outages, a busy carrier queue
// and Twilio's own "unknown error" (which it suggests retrying).
const RETRYABLE_CODES = new Set([20429, 20500, 20503, 30001, 30008]);
// Network-level failures from the HTTP client never reached a decision at Twilio.
const RETRYABLE_NETWORK = new Set(["ETIMEDOUT", "ECONNRESET", "ECONNREFUSED", "EAI_AGAIN", "ENOTFOUND", "EPIPE", "ECONNABORTED", "UND_ERR_CONNECT_TIMEOUT"]);

function toNumber(code: Code): number | null {
  if (typeof code === "number") return Number.isInteger(code) ? code : null;
  if (typeof code === "string" && /^\d{1,6}$/.test(code.trim())) return Number(code.trim());
  return null;
}

/** "The recipient replied STOP…"; unknown codes: "Delivery failed (error 12345)."; no code: "Delivery failed." */
export function describeTwilioError(code: Code): string {
  const n = toNumber(code);
  if (n === null) {
    const text = typeof code === "string" ? code.trim() : "";
    return text ? `Delivery failed (error ${text}).` : "Delivery failed.";
  }
  return REASONS[ALIASES[n] ?? n] ?? `Delivery failed (error ${n}).`;
}

export type TwilioFailure = { code?: Code; status?: number | null };

/**
 * True when sending again can't help. HTTP: 4xx is permanent except 429 and 408 (a timeout); 5xx, timeouts and
 * network errors are retryable. Twilio codes (5 digits) are permanent unless known to be transient.
 * Accepts a Twilio code, an HTTP status, a network error code ("ETIMEDOUT") or the SDK's
 * RestException-shaped `{ code, status }`; anything unrecognised is treated as retryable.
 */
export function isPermanentTwilioError(failure: Code | TwilioFailure): boolean {
  const { code, status } = typeof failure === "object" && failure !== null ? failure : { code: failure, status: null };
  if (typeof code === "string" && RETRYABLE_NETWORK.has(code.trim().toUpperCase())) return false;
  const n = toNumber(code);
  if (n !== null && n >= 10_000) return !RETRYABLE_CODES.has(n);
  const http = n !== null && n >= 100 && n < 600 ? n : status;
  if (typeof http === "number" && http >= 400 && http < 500) return http !== 429 && http !== 408;
  return false;
}

/** Twilio's 21610: the recipient has opted out at the carrier (replied STOP to this number). */
const RECIPIENT_OPTED_OUT = 21610;

/** True for Twilio's "recipient has opted out" error, from a send's exception or a status callback's ErrorCode. */
export function isRecipientOptedOut(code: Code): boolean {
  return toNumber(code) === RECIPIENT_OPTED_OUT;
}
