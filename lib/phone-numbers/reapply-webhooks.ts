// "Re-apply webhook settings": points the salon's number at Bolt's routes again (IncomingPhoneNumbers
// update), e.g. after someone edited it in the Twilio console or PUBLIC_BASE_URL changed.
import { ApiError, conflict } from "@/lib/api/errors";
import { db, salonDb } from "@/lib/db";
import { env } from "@/lib/env";
import { expectedWebhooks } from "@/lib/phone-numbers/expected-webhooks";
import { NUMBER_ACTIONS, writeNumberAudit, type NumberActor } from "@/lib/phone-numbers/number-audit";
import { logger } from "@/lib/logger";
import { applyNumberWebhooks } from "@/lib/telephony/incoming-numbers";

const log = logger.child({ module: "phone-numbers" });

export async function reapplyWebhooks(salonId: string, actor: NumberActor = {}): Promise<void> {
  const salon = await salonDb(salonId).salon.findUniqueOrThrow({
    where: { id: salonId },
    select: { twilioNumber: true, twilioNumberSid: true, twilioAccountSid: true },
  });
  const accountSid = salon.twilioAccountSid ?? env.TWILIO_ACCOUNT_SID;
  if (!salon.twilioNumberSid || !accountSid) throw conflict("no_phone_number", "This salon has no phone number yet.");
  const expected = expectedWebhooks();
  try {
    await applyNumberWebhooks({ sid: salon.twilioNumberSid, accountSid }, expected);
  } catch (err) {
    log.warn({ err, salonId }, "re-applying the number's webhooks failed");
    throw new ApiError({ code: "twilio_unavailable", status: 502, message: "Twilio didn't take the settings; try again shortly." });
  }
  await writeNumberAudit(db, salonId, NUMBER_ACTIONS.webhooksApplied, { phoneNumber: salon.twilioNumber, ...expected }, actor);
}
