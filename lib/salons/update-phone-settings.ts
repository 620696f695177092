// Saves Settings → Phone & hours (owners only; the action checks the role). updateSalonRow drops the
// webhooks' cached salon, so the next call or text hears the new greeting and hours at once.
import { updateSalonRow } from "@/lib/salons/update-salon-row";
import type { UpdatePhoneSettingsInput } from "@/lib/validations/phone-settings";

export async function updatePhoneSettings(salonId: string, input: UpdatePhoneSettingsInput, now = new Date()): Promise<void> {
  // The form always carries the week, so saving it is the owner confirming the hours (onboarding's step).
  await updateSalonRow(salonId, { ...input, businessHoursSetAt: now });
}
