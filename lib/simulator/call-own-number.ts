// "Call your number now": a signed-in member's simulated call to their own salon's number, sandbox only.
import { ApiError } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import { env, isTwilioSandbox } from "@/lib/env";
import { placeTestCall, type TestCall, type WebhookTransport } from "@/lib/simulator/place-test-call";
import { getSubaccountToken } from "@/lib/telephony/subaccount-tokens";

const SANDBOX_ONLY_MESSAGE = "Test calls are for the sandbox only: with real Twilio, call your number from a phone.";

export async function callOwnNumber(
  salonId: string,
  opts: { transport?: WebhookTransport; now?: Date } = {},
): Promise<TestCall> {
  // Refused before anything is read: with real Twilio a fake call would log a call that never rang.
  if (!isTwilioSandbox()) throw new ApiError({ code: "sandbox_only", status: 403, message: SANDBOX_ONLY_MESSAGE });
  const salon = await salonDb(salonId).salon.findFirstOrThrow({ where: { id: salonId }, select: { twilioNumber: true, twilioAccountSid: true } });
  if (!salon.twilioNumber) throw new ApiError({ code: "no_number", status: 409, message: "Your salon has no number yet: start your trial in Settings → Billing." });
  const accountSid = salon.twilioAccountSid ?? env.TWILIO_ACCOUNT_SID ?? "";
  // Signed with the token Twilio would use: the main account's, or the salon's subaccount's.
  const authToken = accountSid === env.TWILIO_ACCOUNT_SID ? env.TWILIO_AUTH_TOKEN : await getSubaccountToken(accountSid);
  if (!authToken) throw new ApiError({ code: "no_account", status: 409, message: "The sandbox has no credentials for your number's account." });
  return placeTestCall({ to: salon.twilioNumber, accountSid, authToken, transport: opts.transport, now: opts.now });
}
