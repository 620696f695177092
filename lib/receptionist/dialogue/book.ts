// Booking: ask for what's missing (the service; who and when), offer up to three real free slots, and
// book the one picked. The booking's idempotency key is the dialogue and its offer number, so the same
// pick delivered again — or a second pick racing the first — returns the one appointment.
import { ApiError } from "@/lib/api/errors";
import { createAppointment } from "@/lib/appointments/mutations";
import { autoConfirmationKey, sendAppointmentConfirmation } from "@/lib/messaging/confirmations";
import { logger } from "@/lib/logger";
import {
  activeStylists,
  answer,
  appointmentById,
  bookableServices,
  type StepResult,
  type Turn,
} from "@/lib/receptionist/dialogue/context";
import { nameAppointment, phrases } from "@/lib/receptionist/dialogue/phrases";
import { pickNumber } from "@/lib/receptionist/dialogue/picks";
import { findSlotsToOffer } from "@/lib/receptionist/dialogue/slots";
import type { Draft, OfferedSlot, Target } from "@/lib/receptionist/dialogue/state";
import { joinWaitlistFor } from "@/lib/receptionist/dialogue/waitlist";
import type { Understanding } from "@/lib/receptionist/understanding";

/** The draft with what these words add: the service, the stylist (or anyone), the time. */
export function mergeDraft(draft: Draft, u: Understanding | null): Draft {
  const e = u?.entities ?? {};
  const next: Draft = { ...draft };
  if (e.service) next.serviceId = e.service.id;
  if (e.stylist) next.employeeId = "id" in e.stylist ? e.stylist.id : null;
  if (e.when) next.when = { text: e.when.text, start: e.when.start.toISOString(), end: e.when.end.toISOString(), precision: e.when.precision };
  return next;
}

const bookingKey = (turn: Turn) => `dialogue:${turn.dialogueId}:offer:${turn.offer}`;

/** Asks for what's missing, or offers slots once the service is known and who-or-when is. */
export async function carryOnBooking(turn: Turn, draft: Draft): Promise<StepResult> {
  if (!draft.serviceId) {
    const services = await bookableServices(turn.salon.id);
    const only = services.length === 1 ? services[0] : undefined;
    const picked = only ?? services[pickNumber(turn.text, services.length) ?? -1];
    if (!picked) {
      return { answer: answer(phrases.askService(turn.say, services.map((s) => s.name)), "asked", true), next: { step: "ask-service", draft } };
    }
    draft = { ...draft, serviceId: picked.id };
  }
  if (draft.employeeId === undefined && !draft.when) {
    const stylists = await activeStylists(turn.salon.id);
    return { answer: answer(phrases.askWhen(turn.say, stylists.map((s) => s.name)), "asked", true), next: { step: "ask-when", draft } };
  }
  return offerSlots(turn, draft);
}

async function serviceName(turn: Turn, serviceId: string | null | undefined): Promise<string> {
  const services = await bookableServices(turn.salon.id);
  return services.find((s) => s.id === serviceId)?.name ?? (turn.language === "es" ? "su cita" : "appointment");
}

/** Offers free slots for the draft (or, with `moving`, for moving that appointment); `lead` goes before them. */
export async function offerSlots(turn: Turn, draft: Draft, moving?: Target & { words: string }, lead = ""): Promise<StepResult> {
  const serviceId = draft.serviceId!;
  const { slots, nearest } = await findSlotsToOffer({
    salonId: turn.salon.id,
    serviceId,
    employeeId: draft.employeeId,
    when: draft.when,
    now: turn.now,
    ignoreAppointmentId: moving?.appointmentId,
  });
  // Nothing where they asked: the nearest times, and the waitlist for the time they wanted.
  const waitlist = !moving && (nearest || slots.length === 0);
  const service = await serviceName(turn, serviceId);
  const target = moving ? { appointmentId: moving.appointmentId, serviceId: moving.serviceId, employeeId: moving.employeeId } : undefined;
  if (slots.length === 0) {
    const say = `${lead}${phrases.nothingFree(turn.say, { waitlist })}`;
    return { answer: answer(say, "nothing_free", waitlist), next: waitlist ? { step: "offer", draft, slots: [], waitlist } : { step: "idle" } };
  }
  const say = `${lead}${phrases.offer(turn.say, { service, slots, nearest, moving: moving?.words, waitlist })}`;
  const events = [{ kind: "SLOTS_OFFERED" as const, detail: { service, slots: slots.map((s) => ({ startsAt: s.startsAt, stylist: s.stylist })) } }];
  return { answer: answer(say, "offered", true, events), next: { step: "offer", draft, slots, moving: target, waitlist }, newOffer: true };
}

const isSlotTaken = (err: unknown) => err instanceof ApiError && err.code === "slot_taken";

/** Books the slot picked; a slot taken since it was offered gets a fresh offer. */
export async function bookSlot(turn: Turn, draft: Draft, slot: OfferedSlot): Promise<StepResult> {
  let appointment;
  try {
    appointment = await createAppointment(
      turn.salon.id,
      { customerId: turn.customerId, serviceId: draft.serviceId, employeeId: slot.employeeId, startsAt: new Date(slot.startsAt) },
      { idempotencyKey: bookingKey(turn), now: turn.now },
    );
  } catch (err) {
    if (!isSlotTaken(err)) throw err;
    return { ...(await offerSlots(turn, draft, undefined, `${phrases.slotTaken(turn.say)} `)) };
  }
  // The appointment as booked, which may be the first of two racing picks rather than this one.
  const booked = (await appointmentById(turn.salon.id, appointment.id))!;
  if (turn.medium === "call") await textConfirmation(turn, appointment);
  const words = nameAppointment(turn.say, { service: booked.service?.name, stylist: booked.employee?.name, startsAt: booked.startsAt });
  const detail = { appointmentId: booked.id, startsAt: booked.startsAt.toISOString(), service: booked.service?.name, stylist: booked.employee?.name };
  return { answer: answer(phrases.booked(turn.say, words), "booked", false, [{ kind: "APPOINTMENT_BOOKED", detail }]), next: { step: "idle" } };
}

/**
 * A caller hears the booking; the confirmation text follows under the same key the automatic one uses
 * (after-change.ts), so a salon that confirms automatically still sends one.
 */
async function textConfirmation(turn: Turn, appointment: { id: string; startsAt: Date; updatedAt: Date }): Promise<void> {
  try {
    await sendAppointmentConfirmation(turn.salon.id, appointment.id, { idempotencyKey: autoConfirmationKey(appointment), now: turn.now });
  } catch (err) {
    // A courtesy, as in after-change.ts: the booking stands even if the text can't be queued.
    logger.error({ err, appointmentId: appointment.id }, "could not queue the booking confirmation for a caller");
  }
}

export async function joinWaitlist(turn: Turn, draft: Draft): Promise<StepResult> {
  await joinWaitlistFor(turn, draft);
  const detail = { service: draft.serviceId ? await serviceName(turn, draft.serviceId) : undefined };
  return { answer: answer(phrases.waitlisted(turn.say), "waitlisted", false, [{ kind: "WAITLIST_JOINED", detail }]), next: { step: "idle" } };
}
