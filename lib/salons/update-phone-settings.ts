// Saves Settings → Phone & hours (owners only; the action checks the role). Webhooks read these fields
// through a short in-process cache keyed by the salon's number, so it is dropped here: the next call
// or text to this number hears the new greeting and hours at once (other instances within 30 s).
import { notFound } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import { clearSalonNumberCache } from "@/lib/telephony/find-salon-by-number";
import type { UpdatePhoneSettingsInput } from "@/lib/validations/phone-settings";

export async function updatePhoneSettings(salonId: string, input: UpdatePhoneSettingsInput): Promise<void> {
  const [salon] = await salonDb(salonId).salon.updateManyAndReturn({
    where: { id: salonId },
    data: input,
    select: { twilioNumber: true },
  });
  if (!salon) throw notFound("Salon");
  if (salon.twilioNumber) clearSalonNumberCache(salon.twilioNumber);
}
