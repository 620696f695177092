// A customer's text that answers a waitlist offer. Helper code for the text dispatcher: it runs before the
// dialogue, and answers null when this customer has no offer out or the text isn't "1" (their text is
// then the dialogue's). The first "1" for a slot wins it: the claim locks every offer of that slot, so
// racing answers queue and only one finds the slot free (waitlist_offers.wonSlot is unique as a second
// wall); the booking then goes through the appointment functions, so the exclusion constraint,
// reminders and staff texts hold. Safe to run again for the same text (an inbound retry).
import { ApiError } from "@/lib/api/errors";
import { createAppointment, rescheduleAppointment } from "@/lib/appointments/mutations";
import { salonDb, withSalonTransaction } from "@/lib/db";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "@/lib/i18n/language";
import { inboundReplyKey, type InboundTextContext } from "@/lib/messaging/inbound-text-context";
import { sendSms } from "@/lib/messaging/send-sms";
import { waitlistOfferKey } from "@/lib/waitlist/offer-freed-slot";
import { bookedReply, isTakeAnswer, offerExpiredReply, slotTakenReply } from "@/lib/waitlist/offer-texts";
import { ENTRY_STATUS, OFFER_STATUS } from "@/lib/waitlist/waitlist-rules";

export type WaitlistAnswerOutcome = "waitlist_booked" | "waitlist_moved" | "waitlist_slot_taken" | "waitlist_offer_expired";

/** Texts Bolt sends that ask a question of their own: a "1" after one of them answers it, not an older offer. */
const LATER_QUESTION_KINDS = ["APPOINTMENT_REPLY", "BOOKING_INFO"] as const;

/** Texts the customer has seen (or may have): a "1" can answer only an offer that reached them. */
const OUT_STATUSES = ["SENDING", "SENT", "DELIVERED", "UNDELIVERED"] as const;

type Offer = NonNullable<Awaited<ReturnType<typeof pendingOffer>>>;

/** Their latest offer still out — or the one this very text already won (a retry finishing the booking). */
async function pendingOffer(ctx: InboundTextContext) {
  const sdb = salonDb(ctx.salon.id);
  const offer = await sdb.waitlistOffer.findFirst({
    where: {
      salonId: ctx.salon.id,
      entry: { customerId: ctx.customer.id },
      OR: [{ status: OFFER_STATUS.SENT }, { status: OFFER_STATUS.TAKEN, answeredAt: { gte: ctx.receivedAt } }],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { entry: true },
  });
  if (!offer?.notificationId) return null;
  const [text, laterQuestion] = await Promise.all([
    sdb.notification.findFirst({ where: { id: offer.notificationId, salonId: ctx.salon.id }, select: { status: true, createdAt: true } }),
    sdb.notification.findFirst({
      where: {
        salonId: ctx.salon.id,
        customerId: ctx.customer.id,
        kind: { in: [...LATER_QUESTION_KINDS] },
        createdAt: { gt: offer.createdAt },
        idempotencyKey: { not: inboundReplyKey(ctx.messageSid) },
      },
      select: { id: true },
    }),
  ]);
  if (!text || !(OUT_STATUSES as readonly string[]).includes(text.status)) return null;
  return laterQuestion && offer.status === OFFER_STATUS.SENT ? null : offer;
}

/** Takes the slot for this offer unless another answer already has; true when this one has it. */
function claim(salonId: string, offer: Offer, now: Date): Promise<boolean> {
  return withSalonTransaction(salonId, async (tx) => {
    // Every offer of the slot, locked: racing answers to it go one at a time from here.
    const siblings = await tx.$queryRaw<Array<{ id: string; status: string }>>`
      SELECT "id", "status" FROM "waitlist_offers"
      WHERE "salonId" = ${salonId} AND "freedAppointmentId" = ${offer.freedAppointmentId}
      ORDER BY "id" FOR UPDATE`;
    const taken = siblings.find((s) => s.status === OFFER_STATUS.TAKEN);
    // Taken by this very offer: the same answer acted on again, which carries on with its booking.
    if (taken) return taken.id === offer.id;
    const { count } = await tx.waitlistOffer.updateMany({
      where: { id: offer.id, salonId, status: OFFER_STATUS.SENT },
      data: { status: OFFER_STATUS.TAKEN, wonSlot: offer.freedAppointmentId, answeredAt: now },
    });
    return count === 1;
  });
}

/**
 * This offer is closed without a booking (from `from`: a claim never undoes another's); the entry waits
 * again unless it ended meanwhile.
 */
async function release(salonId: string, offer: Offer, from: string, status: string) {
  await withSalonTransaction(salonId, async (tx) => {
    await tx.waitlistOffer.updateMany({ where: { id: offer.id, salonId, status: from }, data: { status, wonSlot: null } });
    await tx.waitlistEntry.updateMany({
      where: { id: offer.entryId, salonId, status: ENTRY_STATUS.OFFERED, offers: { none: { status: OFFER_STATUS.SENT, id: { not: offer.id } } } },
      data: { status: ENTRY_STATUS.WAITING },
    });
  });
}

/** Books the slot (or moves the entry's appointment to it); null when the calendar refuses it now. */
async function book(salonId: string, offer: Offer, now: Date) {
  try {
    if (offer.entry.appointmentId) {
      return await rescheduleAppointment(
        salonId,
        offer.entry.appointmentId,
        { startsAt: offer.startsAt, endsAt: offer.endsAt, employeeId: offer.employeeId ?? undefined },
        { now },
      );
    }
    return await createAppointment(
      salonId,
      {
        customerId: offer.entry.customerId,
        employeeId: offer.employeeId ?? undefined,
        serviceId: offer.serviceId ?? undefined,
        startsAt: offer.startsAt,
        endsAt: offer.endsAt,
      },
      { idempotencyKey: waitlistOfferKey(offer.id), now },
    );
  } catch (err) {
    // Staff booked the time meanwhile, the appointment to move was cancelled, the stylist left: a lost slot.
    if (err instanceof ApiError && err.status < 500) return null;
    throw err;
  }
}

/** The won offer's entry is done; the slot's other offers are lost and their entries wait again. */
async function settleWin(salonId: string, offer: Offer, appointmentId: string, now: Date) {
  await withSalonTransaction(salonId, async (tx) => {
    await tx.waitlistOffer.updateMany({ where: { id: offer.id, salonId }, data: { bookedAppointmentId: appointmentId } });
    await tx.waitlistEntry.updateMany({
      where: { id: offer.entryId, salonId },
      data: { status: ENTRY_STATUS.BOOKED, closedAt: now },
    });
    const lost = await tx.waitlistOffer.findMany({
      where: { salonId, freedAppointmentId: offer.freedAppointmentId, status: OFFER_STATUS.SENT },
      select: { entryId: true },
    });
    await tx.waitlistOffer.updateMany({
      where: { salonId, freedAppointmentId: offer.freedAppointmentId, status: OFFER_STATUS.SENT },
      data: { status: OFFER_STATUS.LOST },
    });
    await tx.waitlistEntry.updateMany({
      where: { salonId, id: { in: lost.map((o) => o.entryId) }, status: ENTRY_STATUS.OFFERED, offers: { none: { status: OFFER_STATUS.SENT } } },
      data: { status: ENTRY_STATUS.WAITING },
    });
  });
}

async function replySlotDetails(salonId: string, offer: Offer) {
  const sdb = salonDb(salonId);
  const [salon, employee, service] = await Promise.all([
    sdb.salon.findFirst({ where: { id: salonId }, select: { timeZone: true } }),
    offer.employeeId ? sdb.employee.findFirst({ where: { id: offer.employeeId, salonId }, select: { name: true } }) : null,
    offer.serviceId ? sdb.service.findFirst({ where: { id: offer.serviceId, salonId }, select: { name: true } }) : null,
  ]);
  return {
    startsAt: offer.startsAt,
    timeZone: salon?.timeZone ?? "UTC",
    stylist: employee?.name ?? null,
    service: service?.name ?? null,
    moving: offer.entry.appointmentId !== null,
  };
}

/**
 * Acts on `body` if it answers this customer's waitlist offer; null otherwise (the text is someone
 * else's to handle). The reply goes out under the text's own reply key, as the keyword answers do.
 */
export async function answerWaitlistOffer(
  ctx: InboundTextContext,
  body: string,
  now: Date,
): Promise<WaitlistAnswerOutcome | null> {
  if (!isTakeAnswer(body)) return null;
  const offer = await pendingOffer(ctx);
  if (!offer) return null;
  const salonId = ctx.salon.id;
  const language: Language = isLanguage(offer.entry.language) ? offer.entry.language : DEFAULT_LANGUAGE;
  const reply = (text: string) =>
    sendSms({ salonId, kind: "APPOINTMENT_REPLY", body: text, to: { customerId: ctx.customer.id }, idempotencyKey: inboundReplyKey(ctx.messageSid) });

  if (offer.status === OFFER_STATUS.SENT && offer.expiresAt <= now) {
    await release(salonId, offer, OFFER_STATUS.SENT, OFFER_STATUS.EXPIRED);
    await reply(offerExpiredReply(language));
    return "waitlist_offer_expired";
  }
  const won = offer.status === OFFER_STATUS.TAKEN || (await claim(salonId, offer, now));
  const appointment = won ? await book(salonId, offer, now) : null;
  if (!appointment) {
    await release(salonId, offer, won ? OFFER_STATUS.TAKEN : OFFER_STATUS.SENT, OFFER_STATUS.LOST);
    await reply(slotTakenReply(language));
    return "waitlist_slot_taken";
  }
  await settleWin(salonId, offer, appointment.id, now);
  await reply(bookedReply(await replySlotDetails(salonId, offer), language));
  return offer.entry.appointmentId ? "waitlist_moved" : "waitlist_booked";
}
