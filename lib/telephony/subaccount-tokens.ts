// Twilio signs a subaccount's webhooks with the subaccount's own token. We store only its sid, so the
// token is fetched once through the main account (the SDK's Accounts fetch) and cached.
import { db } from "@/lib/db";
import { getTwilioClient } from "@/lib/telephony/twilio";
import { logger } from "@/lib/logger";

const TOKEN_TTL_MS = 10 * 60_000;
const UNKNOWN_TTL_MS = 60_000;
// Any caller can post an AccountSid: the caches must not grow with the sids a forger invents. Only sids
// a salon uses stay in `tokens` (so it is as small as our list of subaccounts); "no salon uses this
// sid" answers live apart and are dropped wholesale when full, never pushing out a salon's token.
export const MAX_CACHED_UNKNOWN_SIDS = 1_000;
const ACCOUNT_SID = /^AC[0-9a-f]{32}$/;

// The promise is cached, so a burst of webhooks from a cold subaccount costs one lookup and one fetch.
const tokens = new Map<string, { expires: number; token: Promise<string | null> }>();
/** When each "no salon uses this sid" answer expires. */
const unknownSids = new Map<string, number>();

function rememberUnknown(accountSid: string, now: number): void {
  tokens.delete(accountSid);
  if (unknownSids.size >= MAX_CACHED_UNKNOWN_SIDS) unknownSids.clear();
  unknownSids.set(accountSid, now + UNKNOWN_TTL_MS);
}

/** Settles the `tokens` entry made for this miss: a salon's token stays, anything else leaves it. */
async function lookUpToken(accountSid: string, now: number): Promise<string | null> {
  // Only sids we assigned are looked up, so a forged AccountSid never costs a Twilio API call.
  const owner = await db.salon.findFirst({ where: { twilioAccountSid: accountSid }, select: { id: true } });
  if (!owner) {
    rememberUnknown(accountSid, now);
    return null;
  }
  try {
    const token = (await getTwilioClient().api.v2010.accounts(accountSid).fetch()).authToken ?? null;
    if (!token) rememberUnknown(accountSid, now);
    return token;
  } catch (err) {
    // Not cached: a Twilio blip must not turn a salon's calls away for the next minute.
    tokens.delete(accountSid);
    logger.warn({ err, accountSid }, "could not fetch a subaccount's auth token");
    return null;
  }
}

/** The auth token of a subaccount one of our salons uses, or null for any other sid. */
export async function getSubaccountToken(accountSid: string, now = Date.now()): Promise<string | null> {
  if (!ACCOUNT_SID.test(accountSid)) return null;
  const hit = tokens.get(accountSid);
  if (hit && hit.expires > now) return hit.token;
  if ((unknownSids.get(accountSid) ?? 0) > now) return null;

  const token = lookUpToken(accountSid, now);
  // A failed database lookup is not remembered either: the next webhook asks again.
  token.catch(() => tokens.delete(accountSid));
  tokens.set(accountSid, { expires: now + TOKEN_TTL_MS, token });
  return token;
}

export function clearSubaccountTokenCache(): void {
  tokens.clear();
  unknownSids.clear();
}

/** For tests of the caches' bounds. */
export function countCachedSubaccountTokens(): { tokens: number; unknownSids: number } {
  return { tokens: tokens.size, unknownSids: unknownSids.size };
}
