// Twilio's number resources for lib/phone-numbers: search AvailablePhoneNumbers, buy, read back, update
// and release IncomingPhoneNumbers on the main account. Bolt's own shapes in and out; Twilio's field
// names and error codes stay here (STYLE habit 16).
import { getTwilioClient } from "@/lib/telephony/twilio";

/** One search of local numbers for sale; the filters narrow it, none given means anywhere in the country. */
export type NumberSearch = {
  country: string;
  areaCode?: string;
  inPostalCode?: string;
  inRegion?: string;
};

export type NumberWebhooks = {
  voiceUrl: string | null;
  voiceMethod: string | null;
  statusCallback: string | null;
  statusCallbackMethod: string | null;
  smsUrl: string | null;
  smsMethod: string | null;
};

export type OwnedNumber = { sid: string; phoneNumber: string; accountSid: string };

const SEARCH_PAGE = 5;

/** E.164 numbers for sale matching `search`, voice and SMS capable. */
export async function searchLocalNumbers(search: NumberSearch): Promise<string[]> {
  const found = await getTwilioClient()
    .availablePhoneNumbers(search.country)
    .local.list({
      ...(search.areaCode ? { areaCode: Number(search.areaCode) } : {}),
      ...(search.inPostalCode ? { inPostalCode: search.inPostalCode } : {}),
      ...(search.inRegion ? { inRegion: search.inRegion } : {}),
      voiceEnabled: true,
      smsEnabled: true,
      limit: SEARCH_PAGE,
    });
  return found.map((n) => n.phoneNumber);
}

/** The SDK's parameters for the settings given; an unset one is left out (the spec wants a URI, never ""). */
function webhookParams(w: NumberWebhooks) {
  const params: Partial<Record<keyof NumberWebhooks, string>> = {};
  for (const [field, value] of Object.entries(w) as Array<[keyof NumberWebhooks, string | null]>) if (value) params[field] = value;
  return params;
}

/** Buys `phoneNumber` on the main account, named `friendlyName` and pointed at Bolt's webhooks. */
export async function buyNumber(input: { phoneNumber: string; friendlyName: string; webhooks: NumberWebhooks }): Promise<OwnedNumber> {
  const bought = await getTwilioClient().incomingPhoneNumbers.create({
    phoneNumber: input.phoneNumber,
    friendlyName: input.friendlyName,
    ...webhookParams(input.webhooks),
  });
  return { sid: bought.sid, phoneNumber: bought.phoneNumber, accountSid: bought.accountSid };
}

/** Numbers on the main account carrying exactly this FriendlyName (a purchase whose answer or record was lost). */
export async function findNumbersByFriendlyName(friendlyName: string): Promise<OwnedNumber[]> {
  const found = await getTwilioClient().incomingPhoneNumbers.list({ friendlyName, limit: 20 });
  return found
    .filter((n) => n.friendlyName === friendlyName)
    .map((n) => ({ sid: n.sid, phoneNumber: n.phoneNumber, accountSid: n.accountSid }));
}

function webhooksOf(n: NumberWebhooks): NumberWebhooks {
  return {
    voiceUrl: n.voiceUrl ?? null,
    voiceMethod: n.voiceMethod ?? null,
    statusCallback: n.statusCallback ?? null,
    statusCallbackMethod: n.statusCallbackMethod ?? null,
    smsUrl: n.smsUrl ?? null,
    smsMethod: n.smsMethod ?? null,
  };
}

/** The webhook settings Twilio holds for the number, or null when Twilio no longer has it. */
export async function fetchNumberWebhooks(number: { sid: string; accountSid: string }): Promise<NumberWebhooks | null> {
  try {
    return webhooksOf(await getTwilioClient({ accountSid: number.accountSid }).incomingPhoneNumbers(number.sid).fetch());
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** Sets every webhook field on the number (IncomingPhoneNumbers update); answers what Twilio now holds. */
export async function applyNumberWebhooks(number: { sid: string; accountSid: string }, webhooks: NumberWebhooks): Promise<NumberWebhooks> {
  const updated = await getTwilioClient({ accountSid: number.accountSid }).incomingPhoneNumbers(number.sid).update(webhookParams(webhooks));
  return webhooksOf(updated);
}

/** Releases the number back to Twilio; one Twilio no longer has counts as released. */
export async function releaseNumber(number: { sid: string; accountSid: string }): Promise<void> {
  try {
    await getTwilioClient({ accountSid: number.accountSid }).incomingPhoneNumbers(number.sid).remove();
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }
}

const twilioCode = (err: unknown) => (err && typeof err === "object" && "code" in err ? (err as { code: unknown }).code : undefined);
const httpStatus = (err: unknown) => (err && typeof err === "object" && "status" in err ? (err as { status: unknown }).status : undefined);

function isNotFound(err: unknown): boolean {
  return httpStatus(err) === 404 || twilioCode(err) === 20404;
}

/** Someone bought the number between our search and our purchase: try the next one. */
export function isNumberTaken(err: unknown): boolean {
  return twilioCode(err) === 21422;
}

/** A failed Twilio request in words for the owner ("number pending" reason). */
export function describeNumberFailure(err: unknown): string {
  const status = httpStatus(err);
  if (typeof status === "number" && status >= 500) return "Twilio had a problem on its side; Bolt will try again shortly.";
  if (status === 429) return "Twilio asked Bolt to slow down; Bolt will try again shortly.";
  if (status === 401 || status === 403) return "Twilio refused Bolt's credentials; the Bolt team has to fix the account settings.";
  const message = err instanceof Error ? err.message : "";
  if (typeof status === "number") return `Twilio refused the request (${message || `HTTP ${status}`}); Bolt will try again.`;
  return "Bolt couldn't reach Twilio; it will try again shortly.";
}
