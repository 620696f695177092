// X-Twilio-Signature: verified and computed only with the SDK's own functions, over the public URL
// we configured at Twilio (never the Host header, which a proxy or an attacker controls).
// Twilio signs with the auth token of the account that owns the number: for a salon on a
// subaccount that is the subaccount's token (a parent can read it via accounts(sid).fetch()).
import { timingSafeEqual } from "node:crypto";
import twilio from "twilio";
import { BODY_LIMITS, readTextWithLimit } from "@/lib/api/body-limits";
import { toSafeText } from "@/lib/api/text-input";
import { env } from "@/lib/env";

export type TwilioParams = Record<string, string>;
/** A webhook's form fields and its X-Twilio-Signature header, as received. */
export type TwilioForm = { params: TwilioParams; signature: string | null };

/** False (never throws) for a missing signature, a missing token or any mismatch: fail closed. */
export function verifyTwilioSignature(input: {
  url: string;
  params: TwilioParams;
  signature: string | null | undefined;
  authToken: string | null | undefined;
}): boolean {
  const { url, params, signature, authToken } = input;
  // validateRequest throws on a URL it cannot parse; such a URL cannot carry a valid signature.
  if (!signature || !authToken || !URL.canParse(url)) return false;
  // Twilio signs the URL we configured, so the exact URL is checked first: one HMAC. validateRequest
  // tries the same URL among its variants (with and without the port, escaped), two to six HMACs.
  const expected = Buffer.from(twilio.getExpectedTwilioSignature(authToken, url, params));
  const given = Buffer.from(signature);
  if (given.length === expected.length && timingSafeEqual(given, expected)) return true;
  return twilio.validateRequest(authToken, signature, url, params);
}

/** The exact URL Twilio requested: PUBLIC_BASE_URL + path and query as received. */
export function buildWebhookUrl(pathWithQuery: string): string {
  const base = env.PUBLIC_BASE_URL.replace(/\/+$/, "");
  return `${base}${pathWithQuery.startsWith("/") ? "" : "/"}${pathWithQuery}`;
}

/** What Twilio would send as X-Twilio-Signature (tests, the stand-in's callbacks, the simulator). */
export function signTwilioRequest(authToken: string, url: string, params: TwilioParams): string {
  return twilio.getExpectedTwilioSignature(authToken, url, params);
}

/**
 * Reads a Twilio webhook body, refusing one past BODY_LIMITS.twilioWebhook with a 413 before any parsing
 * or signature work; text + URLSearchParams is cheaper than formData() on hot paths. The parameters are
 * kept exactly as sent (the signature covers them), in a null-prototype object so that a field named
 * "__proto__" or "toString" is a field like any other.
 */
export async function readTwilioForm(req: Request): Promise<TwilioForm> {
  const body = await readTextWithLimit(req, BODY_LIMITS.twilioWebhook);
  const params: TwilioParams = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) params[key] = value;
  return { params, signature: req.headers.get("x-twilio-signature") };
}

/** Verified parameters as the handlers may store them: NUL and unpaired surrogates (which PostgreSQL refuses) become U+FFFD. */
export function toSafeParams(params: TwilioParams): TwilioParams {
  const safe: TwilioParams = Object.create(null);
  for (const [key, value] of Object.entries(params)) safe[toSafeText(key)] = toSafeText(value);
  return safe;
}
