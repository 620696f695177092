// AvailablePhoneNumbers/{Country}/Local.json and IncomingPhoneNumbers: search, buy, configure,
// release — enough for a salon's number to be bought and pointed at our webhooks.
import { TwilioApiError, injectedHttpError, notFoundError, twilioError } from "./errors";
import { API_VERSION, SUPPORTED_COUNTRIES, findAvailableNumbers, friendlyPhoneNumber, isE164, rfc2822 } from "./fixtures";
import { intParam, pageOf } from "./http";
import type { Reply, RouteContext } from "./route-context";
import type { StandInNumber } from "./state";

function serializeNumber(n: StandInNumber) {
  const base = `/${API_VERSION}/Accounts/${n.accountSid}/IncomingPhoneNumbers/${n.sid}`;
  return {
    account_sid: n.accountSid,
    address_requirements: "none",
    address_sid: null,
    api_version: API_VERSION,
    beta: false,
    capabilities: { voice: true, sms: true, mms: true, fax: false },
    date_created: rfc2822(n.dateCreated),
    date_updated: rfc2822(n.dateUpdated),
    emergency_status: "Inactive",
    emergency_address_sid: null,
    emergency_address_status: "unregistered",
    friendly_name: n.friendlyName,
    identity_sid: null,
    origin: "twilio",
    phone_number: n.phoneNumber,
    sid: n.sid,
    sms_application_sid: null,
    sms_fallback_method: n.smsFallbackMethod,
    sms_fallback_url: n.smsFallbackUrl,
    sms_method: n.smsMethod,
    sms_url: n.smsUrl,
    status_callback: n.statusCallback,
    status_callback_method: n.statusCallbackMethod,
    trunk_sid: null,
    uri: `${base}.json`,
    voice_application_sid: null,
    voice_caller_id_lookup: false,
    voice_fallback_method: n.voiceFallbackMethod,
    voice_fallback_url: n.voiceFallbackUrl,
    voice_method: n.voiceMethod,
    voice_url: n.voiceUrl,
    bundle_sid: null,
    voice_receive_mode: "voice",
    status: "in-use",
    type: "local",
  };
}

export function listAvailableLocal(ctx: RouteContext): Reply {
  const country = ctx.params.country ?? "";
  if (!SUPPORTED_COUNTRIES.includes(country)) throw notFoundError(ctx.path);
  const areaCode = ctx.query.get("AreaCode") ?? undefined;
  const found = findAvailableNumbers({
    country,
    areaCode,
    inPostalCode: ctx.query.get("InPostalCode") ?? undefined,
    inRegion: ctx.query.get("InRegion") ?? undefined,
    contains: ctx.query.get("Contains") ?? undefined,
    isOwned: (e164) => Boolean(ctx.state.findNumberByPhone(e164)),
    limit: Math.min(intParam(ctx.query, "PageSize", 50), 1000),
  });
  const search = ctx.query.toString();
  return {
    status: 200,
    body: {
      available_phone_numbers: found.map((n) => ({
        friendly_name: friendlyPhoneNumber(n.phoneNumber),
        phone_number: n.phoneNumber,
        lata: n.lata,
        locality: n.locality,
        rate_center: n.rateCenter,
        latitude: n.latitude,
        longitude: n.longitude,
        region: n.region,
        postal_code: n.postalCode,
        iso_country: n.isoCountry,
        address_requirements: "none",
        beta: false,
        // Lowercase keys, as in the spec's schema and examples (IncomingPhoneNumbers too).
        capabilities: { voice: true, sms: true, mms: true },
      })),
      uri: search ? `${ctx.path}?${search}` : ctx.path,
    },
  };
}

const URL_FIELDS = ["VoiceUrl", "VoiceFallbackUrl", "SmsUrl", "SmsFallbackUrl", "StatusCallback"] as const;
const METHOD_FIELDS = ["VoiceMethod", "VoiceFallbackMethod", "SmsMethod", "SmsFallbackMethod", "StatusCallbackMethod"] as const;
const camel = (field: string) => field.charAt(0).toLowerCase() + field.slice(1);

/** The configurable fields present in the form, validated; an empty value clears a URL (to null). */
function configurationFrom(form: URLSearchParams): Partial<StandInNumber> {
  const patch: Record<string, string | null> = {};
  for (const field of URL_FIELDS) {
    const value = form.get(field);
    if (value === null) continue;
    if (value !== "" && !(URL.canParse(value) && /^https?:/.test(value))) {
      throw new TwilioApiError(400, 21502, `${field} is not a valid URL: ${value}`);
    }
    patch[camel(field)] = value || null;
  }
  for (const field of METHOD_FIELDS) {
    const value = form.get(field)?.toUpperCase();
    if (value === undefined) continue;
    if (value !== "GET" && value !== "POST") throw new TwilioApiError(400, 21503, `${field} must be GET or POST`);
    patch[camel(field)] = value;
  }
  const friendlyName = form.get("FriendlyName");
  if (friendlyName !== null) patch.friendlyName = friendlyName.slice(0, 64);
  return patch as Partial<StandInNumber>;
}

function pickNumberToBuy(ctx: RouteContext): string {
  const phoneNumber = ctx.form.get("PhoneNumber")?.trim();
  const areaCode = ctx.form.get("AreaCode")?.trim();
  if (phoneNumber) {
    if (!isE164(phoneNumber)) throw twilioError(21421);
    if (ctx.state.findNumberByPhone(phoneNumber)) throw twilioError(21422);
    return phoneNumber;
  }
  if (!areaCode) throw new TwilioApiError(400, 21421, "A 'PhoneNumber' or 'AreaCode' is required");
  const [first] = findAvailableNumbers({
    country: "US",
    areaCode,
    isOwned: (e164) => Boolean(ctx.state.findNumberByPhone(e164)),
    limit: 1,
  });
  if (!first) throw twilioError(21452, areaCode);
  return first.phoneNumber;
}

function buyNumber(ctx: RouteContext): StandInNumber {
  const injected = ctx.state.takeInjectedFailure("numbers");
  if (injected && !injected.afterAccept) throw injectedHttpError(injected.httpStatus);
  const phoneNumber = pickNumberToBuy(ctx);
  const number = ctx.state.addNumber({ ...configurationFrom(ctx.form), accountSid: ctx.accountSid, phoneNumber });
  if (injected) throw injectedHttpError(injected.httpStatus);
  return number;
}

export function purchaseNumber(ctx: RouteContext): Reply {
  return { status: 201, body: serializeNumber(buyNumber(ctx)) };
}

/** POST IncomingPhoneNumbers/Local.json: the spec's IncomingPhoneNumberLocal has no `type`. */
export function purchaseLocalNumber(ctx: RouteContext): Reply {
  const { type: _type, ...local } = serializeNumber(buyNumber(ctx));
  return { status: 201, body: local };
}

function ownedNumber(ctx: RouteContext): StandInNumber {
  const number = ctx.state.numbers.find((n) => n.sid === ctx.params.sid && n.accountSid === ctx.accountSid);
  if (!number) throw notFoundError(ctx.path);
  return number;
}

export function fetchNumber(ctx: RouteContext): Reply {
  return { status: 200, body: serializeNumber(ownedNumber(ctx)) };
}

export function updateNumber(ctx: RouteContext): Reply {
  const number = ownedNumber(ctx);
  const patch = configurationFrom(ctx.form);
  const newOwner = ctx.form.get("AccountSid");
  // Moving a number between a parent and its subaccounts, as Twilio allows.
  if (newOwner && newOwner !== number.accountSid) {
    if (!ctx.state.findAccount(newOwner)) throw new TwilioApiError(400, 20001, `Invalid AccountSid: ${newOwner}`);
    number.accountSid = newOwner;
  }
  Object.assign(number, patch, { dateUpdated: new Date() });
  return { status: 200, body: serializeNumber(number) };
}

export function releaseNumber(ctx: RouteContext): Reply {
  const number = ownedNumber(ctx);
  ctx.state.numbers.splice(ctx.state.numbers.indexOf(number), 1);
  return { status: 204 };
}

export function listNumbers(ctx: RouteContext): Reply {
  const phoneNumber = ctx.query.get("PhoneNumber");
  const friendlyName = ctx.query.get("FriendlyName");
  const items = ctx.state.numbers
    .filter((n) => n.accountSid === ctx.accountSid)
    .filter((n) => (!phoneNumber || n.phoneNumber === phoneNumber) && (!friendlyName || n.friendlyName === friendlyName))
    .map(serializeNumber);
  return {
    status: 200,
    body: pageOf({ items, query: ctx.query, path: ctx.path, key: "incoming_phone_numbers", sidOf: (n) => n.sid }),
  };
}
