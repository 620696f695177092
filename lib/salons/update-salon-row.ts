// One salon's row written from settings. Webhooks read the salon (greeting, hours, name, time zone,
// address, forwarding phone) through a short in-process cache keyed by its number, dropped here so the
// next call or text in this process sees the change at once (other instances within 30 s).
import { notFound } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clearSalonNumberCache } from "@/lib/telephony/find-salon-by-number";

export async function updateSalonRow(salonId: string, data: Prisma.SalonUpdateManyMutationInput): Promise<void> {
  const [salon] = await salonDb(salonId).salon.updateManyAndReturn({
    where: { id: salonId },
    data,
    select: { twilioNumber: true },
  });
  if (!salon) throw notFound("Salon");
  if (salon.twilioNumber) clearSalonNumberCache(salon.twilioNumber);
}
