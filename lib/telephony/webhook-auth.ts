// The gate every Twilio webhook passes first: check the X-Twilio-Signature of the form the route
// wrapper read (lib/telephony/webhook-route.ts) against the public URL with the token of the account
// that sent it, then find the salon by its number. Nothing is written before this returns; any
// failure is a 403 with nothing else revealed.
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";
import { getSubaccountToken } from "@/lib/telephony/subaccount-tokens";
import { findSalonByNumber, type WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import { buildWebhookUrl, toSafeParams, verifyTwilioSignature, type TwilioForm, type TwilioParams } from "@/lib/telephony/signature";

export type VerifiedTwilioWebhook = {
  params: TwilioParams;
  /** The salon owning the number named by `salonNumber`; null when unknown or not looked up. */
  salon: WebhookSalon | null;
  /** Path and query as requested (what the signature covered), e.g. "/api/webhooks/twilio/voice/gather?attempt=2". */
  path: string;
};

export type VerifyOptions = {
  /** Which parameter holds the salon's number: "To" for incoming calls/texts, "From" for outbound status callbacks. */
  salonNumber?: "To" | "From" | null;
};

function invalidSignature(): ApiError {
  return new ApiError({ code: "invalid_signature", status: 403, message: "The request is not signed by Twilio." });
}

/** The auth token Twilio signs this account's webhooks with: the main account's, or a salon's subaccount's. */
export async function getAuthTokenForAccount(accountSid: string | undefined): Promise<string | null> {
  const main = env.TWILIO_ACCOUNT_SID;
  // Twilio always sends AccountSid; without one only the main account's token can match.
  if (!accountSid || accountSid === main) return env.TWILIO_AUTH_TOKEN ?? null;
  return getSubaccountToken(accountSid);
}

/** Checks a form the caller has read (the route wrapper keeps it to log what a rejected request claimed). */
export async function verifyTwilioForm(req: Request, form: TwilioForm, opts: VerifyOptions = {}): Promise<VerifiedTwilioWebhook> {
  const requested = new URL(req.url);
  const path = requested.pathname + requested.search;
  const { signature } = form;
  const authToken = await getAuthTokenForAccount(form.params.AccountSid);
  if (!verifyTwilioSignature({ url: buildWebhookUrl(path), params: form.params, signature, authToken })) throw invalidSignature();
  // Signed by Twilio, so a NUL or a broken surrogate in a field is the customer's data, not an attack:
  // kept, made storable, only after the signature was checked over the parameters as sent.
  const params = toSafeParams(form.params);

  const salonNumber = opts.salonNumber === undefined ? "To" : opts.salonNumber;
  const number = salonNumber ? params[salonNumber] : undefined;
  const salon = number ? await findSalonByNumber(number) : null;
  // A genuine request from an account that does not own this number must not reach the salon's data.
  const owner = salon?.twilioAccountSid ?? env.TWILIO_ACCOUNT_SID;
  if (salon && params.AccountSid && owner && params.AccountSid !== owner) throw invalidSignature();
  return { params, salon, path };
}
