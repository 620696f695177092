// One turn of a dialogue as the steps see it, and the salon's facts they read: the services that can be
// booked (active, with an active stylist who performs them), the stylists, and the customer's coming
// appointments. The answer every step returns is stored with the state (see state.ts).
import type { CallEventDraft } from "@/lib/calls/call-events";
import { db } from "@/lib/db";
import type { Language } from "@/lib/i18n/language";
import type { Medium, Say } from "@/lib/receptionist/dialogue/phrases";
import type { Draft, Step } from "@/lib/receptionist/dialogue/state";
import type { Understanding } from "@/lib/receptionist/understanding";

export type DialogueSalon = { id: string; name: string; timeZone: string };

export type DialogueTurn = {
  salon: DialogueSalon;
  medium: Medium;
  /** The dialogue's key (dialogueKey.call / dialogueKey.text). */
  key: string;
  customerId: string;
  /** Names this delivery of the turn (MessageSid; CallSid + gather step): the same key again replays the answer. */
  turnKey: string;
  /** What was said, typed or keyed. */
  text: string;
  understanding: Understanding | null;
  /** The intent is the caller's choice at the menu (a key), not a reading of these words. */
  explicit?: boolean;
  language: Language;
  now: Date;
};

/** What the dialogue did with a turn, for the channel (keyword outcome, call summary). */
export type DialogueOutcome =
  | "asked"
  | "offered"
  | "booked"
  | "moved"
  | "cancelled"
  | "kept"
  | "confirmed"
  | "nothing_to_change"
  | "nothing_free"
  | "waitlisted"
  | "stale";

export type DialogueAnswer = {
  say: string;
  /** The answer is a question: by phone, listen for the reply. */
  expectsReply: boolean;
  outcome: DialogueOutcome;
  /** For the call's timeline. */
  events: CallEventDraft[];
};

/** A step's result: the answer, the step the dialogue is at next, and whether that step is a new offer. */
export type StepResult = { answer: DialogueAnswer; next: Step; newOffer?: boolean };

export type Turn = DialogueTurn & { say: Say; dialogueId: string; offer: number; draft?: Draft };

export const answer = (say: string, outcome: DialogueOutcome, expectsReply: boolean, events: CallEventDraft[] = []): DialogueAnswer => ({
  say,
  outcome,
  expectsReply,
  events,
});

/** Services someone can be booked for: active, performed by an active stylist. Cheapest first, like the price list. */
export async function bookableServices(salonId: string) {
  return db.service.findMany({
    where: { salonId, active: true, employees: { some: { employee: { active: true } } } },
    select: { id: true, name: true },
    orderBy: [{ priceCents: "asc" }, { name: "asc" }],
    take: 20,
  });
}

export async function activeStylists(salonId: string) {
  return db.employee.findMany({ where: { salonId, active: true }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 20 });
}

/** Whether the receptionist can book here at all; if not, callers get the booking instructions text. */
export async function canBookHere(salonId: string): Promise<boolean> {
  return (await db.employeeService.count({ where: { salonId, service: { active: true }, employee: { active: true } }, take: 1 })) > 0;
}

const appointmentSelect = {
  id: true,
  startsAt: true,
  serviceId: true,
  employeeId: true,
  status: true,
  service: { select: { name: true } },
  employee: { select: { name: true } },
} as const;

/** The customer's coming live appointments, soonest first (a few: more are for staff to sort out). */
export async function comingAppointments(turn: DialogueTurn) {
  return db.appointment.findMany({
    where: { salonId: turn.salon.id, customerId: turn.customerId, status: { in: ["BOOKED", "CONFIRMED"] }, startsAt: { gt: turn.now } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: appointmentSelect,
    take: 3,
  });
}

export async function appointmentById(salonId: string, id: string) {
  return db.appointment.findFirst({ where: { id, salonId }, select: appointmentSelect });
}

export type ComingAppointment = Awaited<ReturnType<typeof comingAppointments>>[number];

