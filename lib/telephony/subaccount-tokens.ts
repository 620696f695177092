// Twilio signs a subaccount's webhooks with the subaccount's own token. We store only its sid, so the
// token is fetched once through the main account (the SDK's Accounts fetch) and cached.
import { db } from "@/lib/db";
import { getTwilioClient } from "@/lib/telephony/twilio";
import { logger } from "@/lib/logger";

const TOKEN_TTL_MS = 10 * 60_000;
const UNKNOWN_TTL_MS = 60_000;
const cache = new Map<string, { token: string | null; expiresAt: number }>();

/** The auth token of a subaccount one of our salons uses, or null for any other sid. */
export async function getSubaccountToken(accountSid: string, now = Date.now()): Promise<string | null> {
  const hit = cache.get(accountSid);
  if (hit && hit.expiresAt > now) return hit.token;
  // Only sids we assigned are looked up, so a forged AccountSid never costs a Twilio API call.
  const owner = await db.salon.findFirst({ where: { twilioAccountSid: accountSid }, select: { id: true } });
  let token: string | null = null;
  if (owner) {
    try {
      token = (await getTwilioClient().api.v2010.accounts(accountSid).fetch()).authToken ?? null;
    } catch (err) {
      logger.warn({ err, accountSid }, "could not fetch a subaccount's auth token");
    }
  }
  cache.set(accountSid, { token, expiresAt: now + (token ? TOKEN_TTL_MS : UNKNOWN_TTL_MS) });
  return token;
}

export function clearSubaccountTokenCache(): void {
  cache.clear();
}
