// A member's own alert choices (Settings → Alerts), read and written as the salon role: a member sees
// and changes only their own row, found by (salon, user) from the session — never by an id from a form.
import { notFound } from "@/lib/api/errors";
import { salonDb, withSalonTransaction } from "@/lib/db";
import { alertChoicesOf, type AlertChoices } from "@/lib/alerts/events";
import type { SaveAlertPreferencesInput } from "@/lib/validations/alerts";

export type Member = { salonId: string; userId: string };

const preferenceSelect = {
  phone: true,
  smsEvents: true,
  emailEvents: true,
  pushEvents: true,
  quietHoursStart: true,
  quietHoursEnd: true,
} as const;

/** The member's choices (their role's defaults until they save) and how many browsers have push on. */
export async function getAlertPreferences({ salonId, userId }: Member): Promise<AlertChoices & { pushBrowsers: number }> {
  const membership = await salonDb(salonId).membership.findFirst({
    where: { salonId, userId },
    select: { role: true, alertPreference: { select: preferenceSelect }, _count: { select: { pushSubscriptions: true } } },
  });
  if (!membership) throw notFound("Membership");
  return { ...alertChoicesOf(membership.alertPreference, membership.role), pushBrowsers: membership._count.pushSubscriptions };
}

export async function saveAlertPreferences({ salonId, userId }: Member, input: SaveAlertPreferencesInput): Promise<void> {
  const data = {
    phone: input.phone,
    smsEvents: input.sms,
    emailEvents: input.email,
    pushEvents: input.push,
    quietHoursStart: input.quietHours?.start ?? null,
    quietHoursEnd: input.quietHours?.end ?? null,
  };
  await withSalonTransaction(salonId, async (tx) => {
    const membership = await tx.membership.findFirst({ where: { salonId, userId }, select: { id: true } });
    if (!membership) throw notFound("Membership");
    await tx.alertPreference.upsert({
      where: { membershipId: membership.id },
      create: { salonId, membershipId: membership.id, ...data },
      update: data,
    });
  });
}
