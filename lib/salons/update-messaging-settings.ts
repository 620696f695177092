// Saves Settings → Messaging (owners only; the action checks the role). Reminders already queued keep
// their times: new offsets apply to appointments booked or moved from now on.
import { notFound } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import type { UpdateMessagingSettingsInput } from "@/lib/validations/messaging-settings";

export async function updateMessagingSettings(
  salonId: string,
  input: UpdateMessagingSettingsInput,
): Promise<void> {
  const { count } = await salonDb(salonId).salon.updateMany({ where: { id: salonId }, data: input });
  if (count === 0) throw notFound("Salon");
}
