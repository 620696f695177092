// One turn of the receptionist's dialogue, by phone or by text: read the stored state, take one step,
// store the next state by compare-and-set. A turn that lost the race to another reads again: the same
// turn delivered twice finds its answer stored and repeats it; a different one carries on from the new
// state. Acting twice is prevented below that too: a booking's idempotency key is the dialogue's offer.
import type { Intent } from "@/lib/receptionist/understanding";
import { mergeDraft, bookSlot, carryOnBooking, joinWaitlist } from "@/lib/receptionist/dialogue/book";
import { cancelIt, changeThis, confirmNext, keep, moveTo, startChange } from "@/lib/receptionist/dialogue/change";
import { answer, appointmentById, type DialogueAnswer, type DialogueTurn, type StepResult, type Turn } from "@/lib/receptionist/dialogue/context";
import { phrases } from "@/lib/receptionist/dialogue/phrases";
import { pickNumber, pickSlot } from "@/lib/receptionist/dialogue/picks";
import type { DialogueState, Draft, Step } from "@/lib/receptionist/dialogue/state";
import { loadDialogue, saveDialogue, type StoredDialogue } from "@/lib/receptionist/dialogue/store";

/** A call's dialogue lasts the call; a text offer is stale after a day. */
const LIFETIME_MS = { call: 2 * 60 * 60_000, text: 24 * 60 * 60_000 };
const MAX_RACES = 4;
/** "1", "2:30", "11am": an answer to the pending question, whatever a classifier makes of it. */
const BARE_ANSWER = /^[\s\d:.,#)apm]+$/i;
const FINISHED: ReadonlySet<string> = new Set(["booked", "moved", "cancelled", "kept", "waitlisted"]);

/** The intents that start (or restart) a dialogue. */
const DIALOGUE_INTENTS: ReadonlySet<Intent> = new Set(["BOOK", "RESCHEDULE", "CANCEL", "CONFIRM", "WAITLIST"]);

function start(turn: Turn, intent: Intent, draft: Draft): Promise<StepResult> | null {
  switch (intent) {
    case "BOOK":
      return carryOnBooking(turn, draft);
    case "RESCHEDULE":
      return startChange(turn, "move", draft);
    case "CANCEL":
      return startChange(turn, "cancel", draft);
    case "CONFIRM":
      return confirmNext(turn);
    case "WAITLIST":
      return joinWaitlist(turn, draft);
    default:
      return null;
  }
}

/** The pending step's reading of the turn, or null when the words answer none of its choices. */
async function answerPending(turn: Turn, at: Step): Promise<StepResult | null> {
  const u = turn.understanding;
  switch (at.step) {
    case "idle":
      return null;
    case "ask-service":
      return mergeDraft(at.draft, u).serviceId || pickNumber(turn.text, 20) !== null ? carryOnBooking(turn, mergeDraft(at.draft, u)) : null;
    case "ask-when": {
      // Any answer to "who and when" moves on: what it doesn't name is "anyone" and "soonest".
      const draft = mergeDraft(at.draft, u);
      return carryOnBooking(turn, { ...draft, employeeId: draft.employeeId ?? null });
    }
    case "offer": {
      if (at.waitlist && pickNumber(turn.text, at.slots.length + 1) === at.slots.length) return joinWaitlist(turn, at.draft);
      const i = pickSlot(turn.text, u, at.slots, turn.salon.timeZone);
      if (i !== null) return at.moving ? moveTo(turn, at.moving, at.slots[i]!) : bookSlot(turn, at.draft, at.slots[i]!);
      if (!u?.entities.when) return null;
      // Another time asked for: offer around that instead.
      const draft = mergeDraft(at.draft, u);
      if (!at.moving) return carryOnBooking(turn, draft);
      const appointment = await appointmentById(turn.salon.id, at.moving.appointmentId);
      return appointment ? changeThis(turn, "move", appointment, draft) : null;
    }
    case "choose-appointment": {
      const i = pickNumber(turn.text, at.appointmentIds.length);
      const appointment = i === null ? null : await appointmentById(turn.salon.id, at.appointmentIds[i]!);
      return appointment ? changeThis(turn, at.action, appointment, mergeDraft(at.draft, u)) : null;
    }
    case "confirm-cancel":
    case "confirm-move": {
      const choice = pickNumber(turn.text, 2);
      if (choice === 1) return keep(turn, at.target);
      if (choice !== 0) return null;
      return at.step === "confirm-cancel" ? cancelIt(turn, at.target) : moveTo(turn, at.target, at.slot);
    }
  }
}

/** How many numbered choices the pending step offers (for "please reply 1, 2 or 3"). */
function choicesOf(at: Step): number {
  if (at.step === "offer") return at.slots.length + (at.waitlist ? 1 : 0);
  if (at.step === "choose-appointment") return at.appointmentIds.length;
  if (at.step === "confirm-cancel" || at.step === "confirm-move") return 2;
  return 0;
}

async function step(turn: Turn, state: DialogueState, expired: boolean): Promise<StepResult | null> {
  const at: Step = expired ? { step: "idle" } : state.at;
  const intent = turn.understanding?.intent ?? "NONE";
  // A bare number after the offer it answered went stale: say so rather than guess.
  if (expired && state.at.step !== "idle" && pickNumber(turn.text, choicesOf(state.at)) !== null) {
    return { answer: answer(phrases.stale(turn.say), "stale", false), next: { step: "idle" } };
  }
  // A number again after the dialogue finished (a customer double-sending "1"): the same answer again.
  if (at.step === "idle" && state.last && pickNumber(turn.text, 9) !== null && FINISHED.has(state.last.answer.outcome)) {
    return { answer: state.last.answer as DialogueAnswer, next: at };
  }
  const pending = await answerPending(turn, at);
  if (pending) return pending;
  if (DIALOGUE_INTENTS.has(intent) && (turn.explicit || !BARE_ANSWER.test(turn.text))) {
    const draft = at.step === "ask-service" || at.step === "ask-when" ? at.draft : {};
    const started = start(turn, intent, mergeDraft(draft, turn.understanding));
    if (started) return started;
  }
  const choices = choicesOf(at);
  if (choices > 0) return { answer: answer(phrases.pickAgain(turn.say, choices), "asked", true), next: at };
  if (at.step === "ask-service") return carryOnBooking(turn, at.draft);
  return null;
}

/**
 * Takes one turn: the answer to give, or null when the words are no part of a dialogue (the channel
 * answers them as it always has: the menu, the auto-reply).
 */
export async function takeDialogueTurn(input: DialogueTurn): Promise<DialogueAnswer | null> {
  for (let race = 0; race < MAX_RACES; race++) {
    const dialogue: StoredDialogue = await loadDialogue(input.salon.id, input.key, { customerId: input.customerId, language: input.language, now: input.now });
    const { state } = dialogue;
    if (state.last?.turnKey === input.turnKey) return state.last.answer as DialogueAnswer;
    // "1" or "2:30" says nothing of a language: a pending dialogue keeps the one it was held in.
    const pending = !dialogue.expired && state.at.step !== "idle";
    const language = pending && ((input.understanding?.intent ?? "NONE") === "NONE" || BARE_ANSWER.test(input.text)) ? state.language : input.language;
    const turn: Turn = {
      ...input,
      language,
      say: { language, medium: input.medium, timeZone: input.salon.timeZone },
      dialogueId: dialogue.id,
      offer: state.offer,
    };
    const result = await step(turn, state, dialogue.expired);
    if (!result) return null;
    const next: DialogueState = {
      ...state,
      language,
      offer: result.newOffer ? state.offer + 1 : state.offer,
      at: result.next,
      last: { turnKey: input.turnKey, answer: result.answer },
    };
    const expiresAt = new Date(input.now.getTime() + LIFETIME_MS[input.medium]);
    if (await saveDialogue(input.salon.id, dialogue, next, expiresAt)) return result.answer;
  }
  throw new Error("The dialogue kept changing under this turn");
}
