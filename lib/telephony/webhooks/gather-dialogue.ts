// The receptionist's dialogue on a call: the caller (found or added by their number) books, moves,
// cancels or confirms by keys or speech, and the state is stored with the call (dialogueKey.call), so
// the next gather carries on from it and a retried gather repeats its answer instead of acting twice.
import { findOrCreateBookingCustomer } from "@/lib/appointments/booking-customers";
import type { Language } from "@/lib/i18n/language";
import { loadCatalog } from "@/lib/receptionist/catalog";
import type { DialogueAnswer } from "@/lib/receptionist/dialogue/context";
import { dialogueKey } from "@/lib/receptionist/dialogue/store";
import { takeDialogueTurn } from "@/lib/receptionist/dialogue/take-turn";
import { understand } from "@/lib/receptionist/understand";
import type { Intent, Understanding } from "@/lib/receptionist/understanding";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import type { ReceptionistIntent } from "@/lib/telephony/receptionist";
import { TO_RECEPTIONIST } from "@/lib/telephony/receptionist/nlu-engine";
import { e164PhoneSchema } from "@/lib/validations/phone";

export type CallTurn = {
  salon: WebhookSalon;
  callSid: string;
  from: string;
  /** Which gather of the call: with the CallSid, it names this turn (a retried callback repeats its answer). */
  step: number;
  speech?: string;
  digits?: string;
  language: Language;
  /** The menu's reading when the caller asked to book, move, cancel or confirm: it starts the dialogue. */
  starting?: Intent;
  /** What the menu's engine already made of the words, if it read them. */
  understanding?: Understanding;
  now: Date;
};


/** Names one gather of a call: Twilio's retry of it carries the same. */
export const callTurnKey = (callSid: string, step: number) => `${callSid}:gather:${step}`;

export type CallDialogueResult =
  | { kind: "answer"; answer: DialogueAnswer; heard: ReceptionistIntent }
  /** A withheld or non-phone caller id: nobody to book for. */
  | { kind: "withheld" }
  | { kind: "not-a-dialogue" };

export async function takeCallTurn(turn: CallTurn): Promise<CallDialogueResult> {
  if (!e164PhoneSchema.safeParse(turn.from).success) return { kind: "withheld" };
  const text = (turn.speech ?? turn.digits ?? "").trim();
  const understood =
    turn.understanding ??
    (await understand({ text, channel: "speech", language: turn.language, catalog: await loadCatalog(turn.salon.id), timeZone: turn.salon.timeZone, now: turn.now }));
  const understanding = turn.starting ? { ...understood, intent: turn.starting } : understood;
  const customer = await findOrCreateBookingCustomer(turn.salon.id, { phone: turn.from });
  const answer = await takeDialogueTurn({
    salon: turn.salon,
    medium: "call",
    key: dialogueKey.call(turn.callSid),
    customerId: customer.id,
    turnKey: callTurnKey(turn.callSid, turn.step),
    // Keys are digits: "4" picks the fourth choice, never a time.
    text: turn.digits && !turn.speech ? turn.digits : text,
    understanding,
    language: turn.language,
    explicit: turn.starting !== undefined,
    now: turn.now,
  });
  return answer ? { kind: "answer", answer, heard: TO_RECEPTIONIST[understanding.intent] } : { kind: "not-a-dialogue" };
}
