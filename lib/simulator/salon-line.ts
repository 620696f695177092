// The salon's own line as Twilio sees it: its number, the account that owns it and the token Twilio
// signs that account's webhooks with. Sandbox only: with real Twilio a simulated call or text would log
// something that never happened, so every simulator path asks here first and is refused.
import { ApiError } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import { env, isTwilioSandbox } from "@/lib/env";
import type { SalonLine } from "@/lib/simulator/call-types";
import { getAuthTokenForAccount } from "@/lib/telephony/webhook-auth";

const SANDBOX_ONLY_MESSAGE = "The simulator is for the sandbox only: with real Twilio, call or text your number from a phone.";

export function assertSandbox(): void {
  if (!isTwilioSandbox()) throw new ApiError({ code: "sandbox_only", status: 403, message: SANDBOX_ONLY_MESSAGE });
}

/** The salon's number and the account it belongs to (the text paths need no token). */
export async function salonNumber(salonId: string): Promise<{ to: string; accountSid: string }> {
  // Refused before anything is read.
  assertSandbox();
  const salon = await salonDb(salonId).salon.findFirstOrThrow({ where: { id: salonId }, select: { twilioNumber: true, twilioAccountSid: true } });
  if (!salon.twilioNumber) throw new ApiError({ code: "no_number", status: 409, message: "Your salon has no number yet: start your trial in Settings → Billing." });
  return { to: salon.twilioNumber, accountSid: salon.twilioAccountSid ?? env.TWILIO_ACCOUNT_SID ?? "" };
}

/** The number, its account and the token Twilio signs that account's webhooks with (for a call). */
export async function salonLine(salonId: string): Promise<SalonLine> {
  const { to, accountSid } = await salonNumber(salonId);
  const authToken = await getAuthTokenForAccount(accountSid);
  if (!authToken) throw new ApiError({ code: "no_account", status: 409, message: "The sandbox has no credentials for your number's account." });
  return { to, accountSid, authToken };
}
