// Salon profile (the dashboard's numbers are in lib/dashboard/). Every query goes through salonDb(salonId) and names salonId itself.
import { cache } from "react";
import { notFound } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import { updateSalonRow } from "@/lib/salons/update-salon-row";
import type { UpdateSalonProfileInput } from "@/lib/validations/salon";

// Everything a salon's own users may see; provider ids (Stripe customer, Twilio SIDs) stay internal.
const profileSelect = {
  id: true,
  name: true,
  slug: true,
  timeZone: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  region: true,
  postalCode: true,
  country: true,
  directions: true,
  phone: true,
  forwardingPhone: true,
  businessHours: true,
  greeting: true,
  autoReply: true,
  greetingEs: true,
  autoReplyEs: true,
  bookingInstructions: true,
  reminderOffsetsMinutes: true,
  autoConfirm: true,
  quietHoursStart: true,
  quietHoursEnd: true,
  monthlySmsQuota: true,
  twilioNumber: true,
  subscriptionStatus: true,
  currentPeriodEnd: true,
  createdAt: true,
  updatedAt: true,
} as const;

/** Cached per server request: the layout and the page both ask for the salon. */
export const getSalonById = cache(async (salonId: string) => {
  const salon = await salonDb(salonId).salon.findFirst({ where: { id: salonId }, select: profileSelect });
  if (!salon) throw notFound("Salon");
  return salon;
});

export type SalonProfile = Awaited<ReturnType<typeof getSalonById>>;

/** The next call hears a changed name, time zone or address at once (see updateSalonRow). */
export async function updateSalonProfile(
  salonId: string,
  input: UpdateSalonProfileInput,
): Promise<SalonProfile> {
  await updateSalonRow(salonId, input);
  return getSalonById(salonId);
}
