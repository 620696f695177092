// Twilio signs a subaccount's webhooks with the subaccount's own token. We store only its sid, so the
// token is fetched once through the main account (the SDK's Accounts fetch) and cached.
import { db } from "@/lib/db";
import { getTwilioClient } from "@/lib/telephony/twilio";
import { logger } from "@/lib/logger";

const TOKEN_TTL_MS = 10 * 60_000;
const UNKNOWN_TTL_MS = 60_000;
// Any caller can post an AccountSid: the cache must not grow with the sids a forger invents.
export const MAX_CACHED_ACCOUNTS = 1_000;
const ACCOUNT_SID = /^AC[0-9a-f]{32}$/;

const cache = new Map<string, { token: string | null; expiresAt: number }>();

function remember(accountSid: string, token: string | null, now: number): void {
  if (!cache.has(accountSid) && cache.size >= MAX_CACHED_ACCOUNTS) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(accountSid, { token, expiresAt: now + (token ? TOKEN_TTL_MS : UNKNOWN_TTL_MS) });
}

async function lookUpToken(accountSid: string, now: number): Promise<string | null> {
  // Only sids we assigned are looked up, so a forged AccountSid never costs a Twilio API call.
  const owner = await db.salon.findFirst({ where: { twilioAccountSid: accountSid }, select: { id: true } });
  if (!owner) {
    remember(accountSid, null, now);
    return null;
  }
  try {
    const token = (await getTwilioClient().api.v2010.accounts(accountSid).fetch()).authToken ?? null;
    remember(accountSid, token, now);
    return token;
  } catch (err) {
    // Not cached: a Twilio blip must not turn a salon's calls away for the next minute.
    logger.warn({ err, accountSid }, "could not fetch a subaccount's auth token");
    return null;
  }
}

/** The auth token of a subaccount one of our salons uses, or null for any other sid. */
export async function getSubaccountToken(accountSid: string, now = Date.now()): Promise<string | null> {
  if (!ACCOUNT_SID.test(accountSid)) return null;
  const hit = cache.get(accountSid);
  if (hit && hit.expiresAt > now) return hit.token;
  return lookUpToken(accountSid, now);
}

export function clearSubaccountTokenCache(): void {
  cache.clear();
}

/** For tests of the cache's bound. */
export function countCachedSubaccountTokens(): number {
  return cache.size;
}
