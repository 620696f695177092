// Saves Settings → Messaging (owners only; the action checks the role). Reminders already queued keep
// their times: new offsets apply to appointments booked or moved from now on.
import { updateSalonRow } from "@/lib/salons/update-salon-row";
import type { UpdateMessagingSettingsInput } from "@/lib/validations/messaging-settings";

export async function updateMessagingSettings(salonId: string, input: UpdateMessagingSettingsInput): Promise<void> {
  await updateSalonRow(salonId, input);
}
