// Settings → Messaging as the page shows it, with this month's usage read from the quota module
// (lib/messaging/quota.ts) that delivery enforces it with, so the two never disagree.
import { notFound } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import { smsUsedThisMonth } from "@/lib/messaging/quota";

export async function getMessagingSettings(salonId: string, now = new Date()) {
  const salon = await salonDb(salonId).salon.findFirst({
    where: { id: salonId },
    select: {
      id: true,
      timeZone: true,
      reminderOffsetsMinutes: true,
      quietHoursStart: true,
      quietHoursEnd: true,
      autoConfirm: true,
      monthlySmsQuota: true,
    },
  });
  if (!salon) throw notFound("Salon");
  return { ...salon, smsUsedThisMonth: await smsUsedThisMonth(salon, now) };
}
