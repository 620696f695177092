// When an appointment is cancelled (any path: calendar, API, text, phone — lib/appointments/after-change.ts),
// its time is offered by text to the waitlist: the first OFFERS_PER_SLOT open entries, oldest first,
// whose window holds the slot, whose stylist (if named) is the freed one, and whose service that stylist
// performs and has the time for. Their texts go out in that order through sendSms, so opt-out, quiet
// hours and the quota hold; the first "1" back wins (answer-offer.ts). One round per freed slot: a
// replay re-sends the same offers under the same idempotency keys and chooses no one new.
import { ApiError } from "@/lib/api/errors";
import { findFreeSlots } from "@/lib/availability/find-free-slots";
import { salonDb, withSalonTransaction } from "@/lib/db";
import { isLanguage, DEFAULT_LANGUAGE } from "@/lib/i18n/language";
import { isInQuietHours, nextSendableTime } from "@/lib/messaging/quiet-hours";
import { sendSmsBatch } from "@/lib/messaging/send-sms";
import { realTimeOf, salonClockTime } from "@/lib/time/clock";
import { offerBody } from "@/lib/waitlist/offer-texts";
import {
  ENTRY_STATUS,
  OFFER_STATUS,
  OFFERS_PER_SLOT,
  OPEN_ENTRY_STATUSES,
  offerExpiry,
  worthOffering,
} from "@/lib/waitlist/waitlist-rules";

/** Entries looked at per freed slot: enough to find OFFERS_PER_SLOT that fit, bounded however long the list. */
const CANDIDATES = 25;

export const waitlistOfferKey = (offerId: string) => `waitlist-offer:${offerId}`;

type Freed = NonNullable<Awaited<ReturnType<typeof loadFreed>>>;
type Candidate = Awaited<ReturnType<typeof loadCandidates>>[number];
type Fit = { entry: Candidate; serviceId: string | null; endsAt: Date };

function loadFreed(salonId: string, appointmentId: string) {
  return salonDb(salonId).appointment.findFirst({
    where: { id: appointmentId, salonId, status: "CANCELLED" },
    select: {
      id: true,
      customerId: true,
      employeeId: true,
      serviceId: true,
      startsAt: true,
      endsAt: true,
      employee: { select: { name: true } },
      service: { select: { name: true } },
      salon: { select: { name: true, timeZone: true, quietHoursStart: true, quietHoursEnd: true, twilioNumber: true } },
    },
  });
}

/** Open entries whose window holds the slot, oldest first, opted in, not holding another live offer. */
function loadCandidates(salonId: string, freed: Freed, now: Date) {
  return salonDb(salonId).waitlistEntry.findMany({
    where: {
      salonId,
      status: { in: OPEN_ENTRY_STATUSES },
      windowStart: { lte: freed.startsAt },
      windowEnd: { gt: freed.startsAt },
      customerId: { not: freed.customerId },
      OR: [{ employeeId: null }, ...(freed.employeeId ? [{ employeeId: freed.employeeId }] : [])],
      customer: { smsConsent: "OPTED_IN", mergedIntoId: null },
      offers: { none: { status: OFFER_STATUS.SENT, expiresAt: { gt: now } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: CANDIDATES,
    select: {
      id: true,
      customerId: true,
      serviceId: true,
      language: true,
      service: { select: { name: true, durationMinutes: true } },
      appointment: { select: { id: true, status: true, startsAt: true, endsAt: true, serviceId: true } },
    },
  });
}

/** The service, length and end the entry would take the slot with; null when it doesn't fit. */
async function fitOf(salonId: string, freed: Freed, entry: Candidate, now: Date): Promise<Fit | null> {
  const moving = entry.appointment;
  if (moving && (!["BOOKED", "CONFIRMED"].includes(moving.status) || moving.startsAt <= freed.startsAt)) return null;
  const serviceId = entry.serviceId ?? moving?.serviceId ?? freed.serviceId;
  const lengthMs =
    entry.service?.durationMinutes !== undefined
      ? entry.service.durationMinutes * 60_000
      : moving
        ? moving.endsAt.getTime() - moving.startsAt.getTime()
        : freed.endsAt.getTime() - freed.startsAt.getTime();
  const endsAt = new Date(freed.startsAt.getTime() + lengthMs);
  if (freed.employeeId && serviceId) {
    try {
      const { slots } = await findFreeSlots(salonId, {
        serviceId,
        employeeId: freed.employeeId,
        from: freed.startsAt,
        to: endsAt,
        now,
        stepMinutes: 1,
        ignoreAppointmentId: moving?.id,
      });
      if (!slots.some((s) => s.startsAt.getTime() === freed.startsAt.getTime())) return null;
    } catch (err) {
      // The stylist doesn't perform it, or the service is no longer offered: not a fit, not a failure.
      if (err instanceof ApiError && err.status < 500) return null;
      throw err;
    }
  }
  return { entry, serviceId, endsAt };
}

/** When the offers can go out: now, or when the salon's quiet hours end. */
function sendableAt(freed: Freed, now: Date): Date {
  const salonNow = salonClockTime(now);
  return isInQuietHours(salonNow, freed.salon) ? realTimeOf(nextSendableTime(salonNow, freed.salon)) : now;
}

async function chooseAndRecord(salonId: string, freed: Freed, now: Date, expiresAt: Date) {
  const fits: Fit[] = [];
  for (const entry of await loadCandidates(salonId, freed, now)) {
    const fit = await fitOf(salonId, freed, entry, now);
    if (fit) fits.push(fit);
    if (fits.length === OFFERS_PER_SLOT) break;
  }
  if (fits.length === 0) return;
  await withSalonTransaction(salonId, async (tx) => {
    await tx.waitlistOffer.createMany({
      data: fits.map(({ entry, serviceId, endsAt }) => ({
        salonId,
        entryId: entry.id,
        freedAppointmentId: freed.id,
        employeeId: freed.employeeId,
        serviceId,
        startsAt: freed.startsAt,
        endsAt,
        expiresAt,
      })),
      skipDuplicates: true,
    });
    await tx.waitlistEntry.updateMany({
      where: { salonId, id: { in: fits.map((f) => f.entry.id) }, status: { in: OPEN_ENTRY_STATUSES } },
      data: { status: ENTRY_STATUS.OFFERED },
    });
  });
}

/** Texts every offer of this slot (again, idempotently) and links each to its text. */
async function textOffers(salonId: string, freed: Freed) {
  const sdb = salonDb(salonId);
  const offers = await sdb.waitlistOffer.findMany({
    where: { salonId, freedAppointmentId: freed.id, status: OFFER_STATUS.SENT },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      startsAt: true,
      serviceId: true,
      entry: { select: { customerId: true, language: true, appointmentId: true, createdAt: true } },
    },
  });
  if (offers.length === 0) return 0;
  // The batch keeps the waitlist's order: its oldest entry's text is queued first.
  offers.sort((a, b) => a.entry.createdAt.getTime() - b.entry.createdAt.getTime());
  const serviceIds = [...new Set(offers.map((o) => o.serviceId).filter((id): id is string => id !== null))];
  const services = new Map(
    (await sdb.service.findMany({ where: { salonId, id: { in: serviceIds } }, select: { id: true, name: true } })).map(
      (s) => [s.id, s.name],
    ),
  );
  const texts = await sendSmsBatch(
    offers.map((offer) => ({
      salonId,
      kind: "WAITLIST_OFFER" as const,
      to: { customerId: offer.entry.customerId },
      idempotencyKey: waitlistOfferKey(offer.id),
      body: offerBody(
        {
          startsAt: offer.startsAt,
          timeZone: freed.salon.timeZone,
          stylist: freed.employee?.name ?? null,
          service: (offer.serviceId && services.get(offer.serviceId)) ?? null,
          moving: offer.entry.appointmentId !== null,
        },
        isLanguage(offer.entry.language) ? offer.entry.language : DEFAULT_LANGUAGE,
      ),
    })),
  );
  await Promise.all(
    offers.map((offer, i) =>
      sdb.waitlistOffer.updateMany({ where: { id: offer.id, salonId }, data: { notificationId: texts[i]!.id } }),
    ),
  );
  return offers.length;
}

/**
 * Offers the time a cancelled appointment freed; answers how many customers were texted. Nothing is
 * offered for a slot too close to answer in time (OFFER_LEAD_MS), nor when quiet hours would hold the
 * texts past the point of taking it. Entries tied to the cancelled appointment itself are closed.
 */
export async function offerFreedSlot(salonId: string, appointmentId: string, now: Date): Promise<number> {
  const freed = await loadFreed(salonId, appointmentId);
  if (!freed) return 0;
  // "Tell me if something earlier opens up" about a booking now cancelled: nothing left to move.
  await salonDb(salonId).waitlistEntry.updateMany({
    where: { salonId, appointmentId, status: { in: OPEN_ENTRY_STATUSES } },
    data: { status: ENTRY_STATUS.REMOVED, closedAt: now },
  });
  if (!freed.salon.twilioNumber) return 0;
  const from = sendableAt(freed, now);
  const expiresAt = offerExpiry(from, freed.startsAt);
  const alreadyOffered = await salonDb(salonId).waitlistOffer.count({ where: { salonId, freedAppointmentId: freed.id } });
  if (alreadyOffered === 0) {
    if (!worthOffering(from, expiresAt)) return 0;
    await chooseAndRecord(salonId, freed, now, expiresAt);
  }
  return textOffers(salonId, freed);
}
