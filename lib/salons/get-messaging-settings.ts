// Settings → Messaging as the page shows it, with this month's usage counted exactly as the sender
// counts it against the quota (lib/messaging/delivery/delivery-store.ts), so the two never disagree.
import { notFound } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import { countMonthlySms } from "@/lib/messaging/delivery/delivery-store";

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
  const used = await countMonthlySms([{ id: salon.id, timeZone: salon.timeZone }], now);
  return { ...salon, smsUsedThisMonth: used.get(salon.id) ?? 0 };
}

export type MessagingSettings = Awaited<ReturnType<typeof getMessagingSettings>>;
