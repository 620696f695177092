// The salon's own line as Twilio sees it: its number, the account that owns it and the token Twilio
// signs that account's webhooks with. Sandbox only: with real Twilio a simulated call or text would log
// something that never happened, so every simulator path asks here first and is refused.
import { ApiError } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import { env, isTwilioSandbox } from "@/lib/env";
import type { SalonLine } from "@/lib/simulator/call-session";
import { getSubaccountToken } from "@/lib/telephony/subaccount-tokens";

const SANDBOX_ONLY_MESSAGE = "The simulator is for the sandbox only: with real Twilio, call or text your number from a phone.";

export function assertSandbox(): void {
  if (!isTwilioSandbox()) throw new ApiError({ code: "sandbox_only", status: 403, message: SANDBOX_ONLY_MESSAGE });
}

export async function salonLine(salonId: string): Promise<SalonLine> {
  // Refused before anything is read.
  assertSandbox();
  const salon = await salonDb(salonId).salon.findFirstOrThrow({ where: { id: salonId }, select: { twilioNumber: true, twilioAccountSid: true } });
  if (!salon.twilioNumber) throw new ApiError({ code: "no_number", status: 409, message: "Your salon has no number yet: start your trial in Settings → Billing." });
  const accountSid = salon.twilioAccountSid ?? env.TWILIO_ACCOUNT_SID ?? "";
  // Signed with the token Twilio would use: the main account's, or the salon's subaccount's.
  const authToken = accountSid === env.TWILIO_ACCOUNT_SID ? env.TWILIO_AUTH_TOKEN : await getSubaccountToken(accountSid);
  if (!authToken) throw new ApiError({ code: "no_account", status: 409, message: "The sandbox has no credentials for your number's account." });
  return { to: salon.twilioNumber, accountSid, authToken };
}
