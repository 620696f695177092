// Twilio callbacks that carry no salon number (recording, transcription, screening) find the call by its
// sid — and only among the salons of the account that signed the request: a genuine request from
// another salon's account must not reach this salon's call.
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Where-clause for the call `callSid` of a salon on `accountSid` (none: the main account, as the signature check reads it). */
export function callOfAccount(callSid: string, accountSid: string | undefined): Prisma.CallLogWhereInput {
  const main = !accountSid || accountSid === env.TWILIO_ACCOUNT_SID;
  const salon = main ? { OR: [{ twilioAccountSid: null }, { twilioAccountSid: env.TWILIO_ACCOUNT_SID }] } : { twilioAccountSid: accountSid };
  return { callSid, salon };
}
