// Moving, cancelling and confirming the customer's coming appointment. Several coming → ask which.
// Cancelling always asks first, naming the appointment ("Reply 1 to cancel your Haircut with Maria on
// Thu Dec 10 at 4:00 PM, or 2 to keep it"); a move's offer names it the same way, so picking a time is
// the confirmation, and a time asked for that is free gets its own "Reply 1 to move…". The changes go
// through the calendar's own functions (reminders re-planned, stylists told).
import { cancelAppointment, confirmAppointment, rescheduleAppointment } from "@/lib/appointments/mutations";
import { ApiError } from "@/lib/api/errors";
import {
  answer,
  appointmentById,
  comingAppointments,
  type ComingAppointment,
  type StepResult,
  type Turn,
} from "@/lib/receptionist/dialogue/context";
import { offerSlots } from "@/lib/receptionist/dialogue/book";
import { nameAppointment, phrases, sayTime } from "@/lib/receptionist/dialogue/phrases";
import { findSlotsToOffer } from "@/lib/receptionist/dialogue/slots";
import type { Draft, OfferedSlot, Target } from "@/lib/receptionist/dialogue/state";

export type ChangeAction = "move" | "cancel";

const words = (turn: Turn, a: ComingAppointment) =>
  nameAppointment(turn.say, { service: a.service?.name, stylist: a.employee?.name, startsAt: a.startsAt });

const targetOf = (a: ComingAppointment): Target => ({ appointmentId: a.id, serviceId: a.serviceId, employeeId: a.employeeId });

const detailOf = (a: ComingAppointment) => ({
  appointmentId: a.id,
  startsAt: a.startsAt.toISOString(),
  service: a.service?.name,
  stylist: a.employee?.name ?? undefined,
});

/** RESCHEDULE / CANCEL: which appointment, then the confirm step or the offer of new times. */
export async function startChange(turn: Turn, action: ChangeAction, draft: Draft): Promise<StepResult> {
  const coming = await comingAppointments(turn);
  if (coming.length === 0) return { answer: answer(phrases.noAppointment(turn.say), "nothing_to_change", false), next: { step: "idle" } };
  if (coming.length === 1) return changeThis(turn, action, coming[0]!, draft);
  const say = phrases.chooseAppointment(turn.say, action, coming.map((a) => words(turn, a)));
  return { answer: answer(say, "asked", true), next: { step: "choose-appointment", action, appointmentIds: coming.map((a) => a.id), draft } };
}

export async function changeThis(turn: Turn, action: ChangeAction, appointment: ComingAppointment, draft: Draft): Promise<StepResult> {
  const target = targetOf(appointment);
  if (action === "cancel") {
    return { answer: answer(phrases.confirmCancel(turn.say, words(turn, appointment)), "asked", true), next: { step: "confirm-cancel", target } };
  }
  if (!appointment.serviceId) {
    // Nothing to search free time for: staff move it.
    return { answer: answer(phrases.noAppointment(turn.say), "nothing_to_change", false), next: { step: "idle" } };
  }
  const moveDraft: Draft = { serviceId: appointment.serviceId, employeeId: draft.employeeId ?? appointment.employeeId, when: draft.when };
  if (draft.when?.precision === "time") {
    // The exact time asked for, free: one confirm step rather than a list.
    const { slots, nearest } = await findSlotsToOffer({ salonId: turn.salon.id, serviceId: appointment.serviceId, employeeId: moveDraft.employeeId, when: draft.when, now: turn.now, ignoreAppointmentId: appointment.id });
    const exact = !nearest ? slots.find((s) => s.startsAt === draft.when!.start) : undefined;
    if (exact) {
      const say = phrases.confirmMove(turn.say, words(turn, appointment), sayTime(turn.say, exact.startsAt));
      return { answer: answer(say, "asked", true), next: { step: "confirm-move", target, slot: exact } };
    }
  }
  return offerSlots(turn, moveDraft, { ...target, words: words(turn, appointment) });
}

async function current(turn: Turn, target: Target): Promise<ComingAppointment | null> {
  return appointmentById(turn.salon.id, target.appointmentId);
}

const isRefused = (err: unknown) => err instanceof ApiError && (err.code === "slot_taken" || err.code === "appointment_not_active");

/** Moves the appointment to the slot; a slot taken meanwhile gets a fresh offer. */
export async function moveTo(turn: Turn, target: Target, slot: OfferedSlot): Promise<StepResult> {
  const before = await current(turn, target);
  try {
    await rescheduleAppointment(turn.salon.id, target.appointmentId, { startsAt: new Date(slot.startsAt), employeeId: slot.employeeId }, { now: turn.now });
  } catch (err) {
    if (!isRefused(err) || !before) throw err;
    if (before.status === "CANCELLED") return { answer: answer(phrases.noAppointment(turn.say), "nothing_to_change", false), next: { step: "idle" } };
    const draft: Draft = { serviceId: target.serviceId ?? undefined, employeeId: target.employeeId };
    return offerSlots(turn, draft, { ...target, words: words(turn, before) }, `${phrases.slotTaken(turn.say)} `);
  }
  const after = (await current(turn, target))!;
  // A replay finds it already moved: `from` is then where it is, which the first delivery already noted.
  const detail = { ...detailOf(after), ...(before && before.startsAt.getTime() !== after.startsAt.getTime() ? { from: before.startsAt.toISOString() } : {}) };
  return { answer: answer(phrases.moved(turn.say, words(turn, after)), "moved", false, [{ kind: "APPOINTMENT_MOVED", detail }]), next: { step: "idle" } };
}

export async function cancelIt(turn: Turn, target: Target): Promise<StepResult> {
  await cancelAppointment(turn.salon.id, target.appointmentId, { now: turn.now });
  const after = (await current(turn, target))!;
  return {
    answer: answer(phrases.cancelled(turn.say, words(turn, after)), "cancelled", false, [{ kind: "APPOINTMENT_CANCELLED", detail: detailOf(after) }]),
    next: { step: "idle" },
  };
}

export async function keep(turn: Turn, target: Target): Promise<StepResult> {
  const a = await current(turn, target);
  const say = a ? phrases.kept(turn.say, words(turn, a)) : phrases.noAppointment(turn.say);
  return { answer: answer(say, "kept", false), next: { step: "idle" } };
}

/** CONFIRM by phone: the next booked appointment is confirmed (by text, keyword-actions' C does it). */
export async function confirmNext(turn: Turn): Promise<StepResult> {
  const [next] = await comingAppointments(turn);
  if (!next) return { answer: answer(phrases.noAppointment(turn.say), "nothing_to_change", false), next: { step: "idle" } };
  if (next.status === "BOOKED") await confirmAppointment(turn.salon.id, next.id, { now: turn.now });
  return {
    answer: answer(phrases.confirmed(turn.say, words(turn, next)), "confirmed", false, [{ kind: "APPOINTMENT_CONFIRMED", detail: detailOf(next) }]),
    next: { step: "idle" },
  };
}
