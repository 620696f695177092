// The Twilio sandbox forgets its numbers on restart, but the salons' rows remember them: at start it is
// handed every stored number of its account (or of salons with no account: the demo seed's), with the SID
// the salon has and Bolt's webhook settings, so Settings reads the number back and re-applying works.
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { TwilioStandInState } from "@/lib/dev/twilio-sandbox";
import { expectedWebhooks } from "@/lib/phone-numbers/expected-webhooks";
import { friendlyNameFor } from "@/lib/phone-numbers/provision-number";

/** Answers how many numbers the sandbox now holds for the database's salons. */
export async function restoreSandboxNumbers(db: PrismaClient, state: TwilioStandInState, accountSid: string): Promise<number> {
  const salons = await db.salon.findMany({
    where: { twilioNumber: { not: null }, OR: [{ twilioAccountSid: null }, { twilioAccountSid: accountSid }] },
    select: { id: true, twilioNumber: true, twilioNumberSid: true },
  });
  const webhooks = expectedWebhooks();
  let restored = 0;
  for (const salon of salons) {
    if (!salon.twilioNumber || state.findNumberByPhone(salon.twilioNumber)) continue;
    state.addNumber({
      accountSid,
      phoneNumber: salon.twilioNumber,
      ...(salon.twilioNumberSid ? { sid: salon.twilioNumberSid } : {}),
      friendlyName: friendlyNameFor(salon.id),
      ...webhooks,
      voiceMethod: webhooks.voiceMethod ?? "POST",
      smsMethod: webhooks.smsMethod ?? "POST",
      statusCallbackMethod: webhooks.statusCallbackMethod ?? "POST",
    });
    restored += 1;
  }
  return restored;
}
