// Field types shared by Twilio's webhook parameter schemas (voice and messaging).
import { z } from "zod";

/** A Twilio SID: its two-letter prefix and 32 hex digits, the pattern Twilio's OpenAPI spec gives every SID. */
export function twilioSid(...prefixes: [string, ...string[]]) {
  const pattern = new RegExp(`^(${prefixes.join("|")})[0-9a-fA-F]{32}$`);
  return z.string().regex(pattern, `Expected a ${prefixes.join(" or ")} SID`);
}

/** A parameter Twilio may send empty: an empty value reads as absent. */
export const optionalText = z.string().optional().transform((v) => (v ? v : undefined));

/** Seconds as Twilio sends them; anything unreadable reads as absent rather than failing the request. */
export const optionalSeconds = z.coerce.number().int().min(0).optional().catch(undefined);
