// Twilio signs a subaccount's webhooks with the subaccount's own token. We store only its sid, so the
// token is fetched once through the main account (the SDK's Accounts fetch) and cached.
import { db } from "@/lib/db";
import { getTwilioClient } from "@/lib/telephony/twilio";
import { logger } from "@/lib/logger";

const TOKEN_TTL_MS = 10 * 60_000;
const UNKNOWN_TTL_MS = 60_000;
// Any caller can post an AccountSid: the caches must not grow with the sids a forger invents. Real
// tokens and "no salon uses this sid" answers live apart, so a flood of invented sids (which only
// ever reach the second) cannot push a salon's token out and make its next call wait on Twilio.
export const MAX_CACHED_TOKENS = 1_000;
export const MAX_CACHED_UNKNOWN_SIDS = 1_000;
const ACCOUNT_SID = /^AC[0-9a-f]{32}$/;

type Entry<T> = { value: T; expiresAt: number };

/** A Map that forgets its oldest entry once full (insertion order, FIFO). */
class BoundedCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  constructor(private readonly max: number) {}

  get(key: string, now: number): T | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt > now) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: T, expiresAt: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, expiresAt });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

const tokens = new BoundedCache<string>(MAX_CACHED_TOKENS);
const unknownSids = new BoundedCache<true>(MAX_CACHED_UNKNOWN_SIDS);

async function lookUpToken(accountSid: string, now: number): Promise<string | null> {
  // Only sids we assigned are looked up, so a forged AccountSid never costs a Twilio API call.
  const owner = await db.salon.findFirst({ where: { twilioAccountSid: accountSid }, select: { id: true } });
  if (!owner) {
    unknownSids.set(accountSid, true, now + UNKNOWN_TTL_MS);
    return null;
  }
  try {
    const token = (await getTwilioClient().api.v2010.accounts(accountSid).fetch()).authToken ?? null;
    if (token) {
      tokens.set(accountSid, token, now + TOKEN_TTL_MS);
      unknownSids.delete(accountSid);
    } else {
      unknownSids.set(accountSid, true, now + UNKNOWN_TTL_MS);
    }
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
  const token = tokens.get(accountSid, now);
  if (token) return token;
  if (unknownSids.get(accountSid, now)) return null;
  return lookUpToken(accountSid, now);
}

export function clearSubaccountTokenCache(): void {
  tokens.clear();
  unknownSids.clear();
}

/** For tests of the caches' bounds. */
export function countCachedSubaccountTokens(): { tokens: number; unknownSids: number } {
  return { tokens: tokens.size, unknownSids: unknownSids.size };
}
