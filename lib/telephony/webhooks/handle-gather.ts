// The caller said or keyed something after the menu: ask the receptionist what they want, note it
// as the call's reason, and answer — hours, address, prices, a transfer or voicemail; booking, moving,
// cancelling and confirming go to the dialogue (gather-dialogue.ts), which also takes every answer to
// its own questions. A salon with nothing bookable set up still gets the booking-instructions text.
// After an answer ("Is there anything else?") a goodbye or silence ends the call; anything not
// understood, there as at the first menu, gets one reprompt, then voicemail.
// What was heard and what Bolt did are noted for the call's timeline, keyed by the gather's step.
import { heardDetail, heardEntities, recordCallEvents, type CallEventDraft, type VoicemailWhy } from "@/lib/calls/call-events";
import { chooseCallLanguage } from "@/lib/calls/choose-call-language";
import { bookingInfoKey } from "@/lib/calls/notification-keys";
import { recordCallReason } from "@/lib/calls/record-call-reason";
import { loadCatalog } from "@/lib/receptionist/catalog";
import { db } from "@/lib/db";
import type { Language } from "@/lib/i18n/language";
import { bookingInfoText } from "@/lib/i18n/text-templates";
import { otherLanguage, SWITCH_LANGUAGE_DIGIT, voicePrompts } from "@/lib/i18n/voice-prompts";
import { sendSms } from "@/lib/messaging/send-sms";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import type { GatherParams } from "@/lib/telephony/params/voice";
import { getReceptionist, interpretSafely, type ReceptionistEngine, type ReceptionistIntent } from "@/lib/telephony/receptionist";
import { answerAddress } from "@/lib/receptionist/answers/address";
import { answerHours } from "@/lib/receptionist/answers/hours";
import { answerPrice } from "@/lib/receptionist/answers/prices";
import { configuredHours } from "@/lib/telephony/receptionist/answers";
import { describeOpenStatus, isOpenAt } from "@/lib/salons/business-hours";
import { loadSpecialDays } from "@/lib/salons/special-days-queries";
import { salonClockTime } from "@/lib/time/clock";
import {
  appendDial,
  appendGoodbye,
  appendMenu,
  appendVoicemail,
  DIAL_TIMEOUT_SECONDS,
  goodbyeFrom,
  newVoiceResponse,
  say,
  type MenuOptions,
  type VoiceResponse,
} from "@/lib/telephony/voice-twiml";
import type { WebhookInput } from "@/lib/telephony/webhook-route";
import { e164PhoneSchema } from "@/lib/validations/phone";
import { canBookHere } from "@/lib/receptionist/dialogue/context";
import { dialogueKey, isDialogueTurn } from "@/lib/receptionist/dialogue/store";
import type { Intent, Understanding } from "@/lib/receptionist/understanding";
import { callTurnKey, takeCallTurn } from "@/lib/telephony/webhooks/gather-dialogue";
import { appendQuestion, sayIn } from "@/lib/telephony/voice-twiml";

export type GatherTurn = WebhookInput<GatherParams> & {
  /** From the action URL: 1 for the first menu, 2 after one reprompt. */
  attempt: number;
  followUp?: boolean;
  /** From the action URL: which gather of the call this is (1 = the greeting's). */
  step?: number;
  /** From the action URL: how many times the caller asked for the options again. */
  repeats?: number;
  /** From the action URL (lang=es): the language the call is held in; English when absent. */
  language?: Language;
  now?: Date;
  engine?: ReceptionistEngine;
};

/** Reading the options again this often is enough: after that, "repeat" counts as not understood. */
const MAX_MENU_REPEATS = 2;

/** One gather being answered: what Bolt does is noted in `events` as the TwiML is built. */
type Answering = GatherTurn & {
  salon: WebhookSalon;
  now: Date;
  step: number;
  repeats: number;
  language: Language;
  response: VoiceResponse;
  events: CallEventDraft[];
  /** What the menu's engine made of the words, for the dialogue to start from. */
  understanding?: Understanding;
};

function note(turn: Answering, event: CallEventDraft): void {
  turn.events.push(event);
}

function voicemail(turn: Answering, intro: string, why: VoicemailWhy): VoiceResponse {
  note(turn, { kind: "VOICEMAIL_STARTED", detail: { why } });
  return appendVoicemail(turn.response, intro, turn.language);
}

function goodbye(turn: Answering): VoiceResponse {
  note(turn, { kind: "GOODBYE", detail: {} });
  return appendGoodbye(turn.response, goodbyeFrom(turn.salon.name, turn.language), turn.language);
}

/** The call's next gather: the step after this one, and a follow-up's silence ends with the salon's goodbye. */
function appendNextMenu(turn: Answering, opts: Omit<MenuOptions, "step" | "goodbye">): VoiceResponse {
  const { language } = turn;
  return appendMenu(turn.response, { ...opts, step: turn.step + 1, goodbye: goodbyeFrom(turn.salon.name, language), language });
}

/** The answer, then "Is there anything else?"; silence there ends the call with the salon's goodbye. */
function answerThenFollowUp(turn: Answering, answer: string, event: CallEventDraft, inLanguage?: Language): VoiceResponse {
  note(turn, event);
  // Every answer is written in the call's language (voicePrompts, the answer functions) and said in its voice.
  say(turn.response, answer, inLanguage ?? turn.language);
  return appendNextMenu(turn, { attempt: 1, followUp: true });
}

async function answerBooking(turn: Answering): Promise<VoiceResponse> {
  const { salon, params } = turn;
  const prompts = voicePrompts(turn.language);
  if (!e164PhoneSchema.safeParse(params.From).success) {
    return voicemail(turn, prompts.cannotText, "cannot-text");
  }
  const text = await sendSms({
    salonId: salon.id,
    kind: "BOOKING_INFO",
    body: bookingInfoText(salon, turn.language),
    to: { phone: params.From },
    // Asking twice in one call sends one text.
    idempotencyKey: bookingInfoKey(params.CallSid),
  });
  // An opted-out caller's text is recorded as cancelled, never sent: don't promise one.
  if (text.status === "CANCELED") {
    return voicemail(turn, prompts.optedOutOfTexts, "opted-out");
  }
  return answerThenFollowUp(turn, prompts.bookingTextSent, { kind: "BOOKING_TEXT", detail: {} });
}

/**
 * A turn of the dialogue: its answer said in the call's language, then its next question (or, once it
 * is done, "anything else?"). `starting` is the menu's reading when this turn starts one.
 */
async function answerByDialogue(turn: Answering, starting?: Intent): Promise<VoiceResponse> {
  const { salon, params, now, language } = turn;
  const result = await takeCallTurn({
    salon,
    callSid: params.CallSid,
    from: params.From,
    step: turn.step,
    speech: params.SpeechResult,
    digits: params.Digits,
    language,
    starting,
    understanding: turn.understanding,
    now,
  });
  if (result.kind === "withheld") {
    return voicemail(turn, "I can't book or change appointments without your phone number, but I'll pass on a message.", "cannot-text");
  }
  if (result.kind === "not-a-dialogue") return answerNotUnderstood(turn);
  const { answer } = result;
  if (!starting) turn.events[0] = { kind: "HEARD", detail: heardDetail({ speech: params.SpeechResult, digits: params.Digits, intent: result.heard }) };
  turn.events.push(...answer.events);
  if (answer.expectsReply) return appendQuestion(turn.response, { prompt: answer.say, step: turn.step + 1, language, goodbye: goodbyeFrom(salon.name) });
  sayIn(turn.response, language, answer.say);
  // Nobody to change anything for: the caller may still want a person.
  if (answer.outcome === "nothing_to_change") return answerTransfer(turn);
  return appendNextMenu(turn, { attempt: 1, followUp: true });
}

/** Booking by the dialogue where there is something to book; else the booking-instructions text. */
async function answerBookingRequest(turn: Answering): Promise<VoiceResponse> {
  return (await canBookHere(turn.salon.id)) ? answerByDialogue(turn, "BOOK") : answerBooking(turn);
}

async function answerTransfer(turn: Answering): Promise<VoiceResponse> {
  const { salon, now } = turn;
  const prompts = voicePrompts(turn.language);
  if (!salon.forwardingPhone) return voicemail(turn, prompts.nobodyAvailable, "no-forwarding-phone");
  const hours = configuredHours(salon);
  // Without opening hours 3 AM looks like 3 PM: nobody's own phone is rung at an unknown hour.
  if (!hours) return voicemail(turn, prompts.cannotPutThrough, "no-hours");
  const at = salonClockTime(now);
  // A closure or holiday hours the owner set count like the weekly hours: nobody is rung on Christmas Day.
  const specialDays = await loadSpecialDays(salon.id, salon.timeZone, at);
  if (!isOpenAt(hours, salon.timeZone, at, specialDays)) return voicemail(turn, describeOpenStatus(hours, salon.timeZone, at, { specialDays }), "closed");
  note(turn, { kind: "TRANSFER_STARTED", detail: { to: salon.forwardingPhone, timeoutSeconds: DIAL_TIMEOUT_SECONDS } });
  return appendDial(turn.response, salon.forwardingPhone, turn.language);
}

async function answerNotUnderstood(turn: Answering): Promise<VoiceResponse> {
  const { salon, params, attempt, followUp } = turn;
  // After an answer the call keeps the reason it has; at the first menu "not understood" is the reason.
  if (!followUp) await recordCallReason(salon.id, params.CallSid, "UNKNOWN");
  if (attempt < 2) {
    note(turn, { kind: "REPROMPT", detail: {} });
    say(turn.response, voicePrompts(turn.language).notCaught, turn.language);
    return appendNextMenu(turn, { attempt: attempt + 1, followUp, repeats: turn.repeats });
  }
  // Still nothing: a message is the one thing every caller can leave.
  return voicemail(turn, voicePrompts(turn.language).stillNotCaught, "not-understood");
}

function answerMenu(turn: Answering): Promise<VoiceResponse> | VoiceResponse {
  // Without a cap, "repeat" (or "yes") at every menu would keep a caller going round for ever.
  if (turn.repeats >= MAX_MENU_REPEATS) return answerNotUnderstood(turn);
  note(turn, { kind: "MENU", detail: {} });
  return appendNextMenu(turn, { attempt: turn.attempt, followUp: turn.followUp, repeats: turn.repeats + 1, fullMenu: true });
}

async function answerIntent(turn: Answering, intent: ReceptionistIntent): Promise<VoiceResponse> {
  const { salon, params, now, language } = turn;
  if (intent === "UNKNOWN") return answerNotUnderstood(turn);
  if (intent === "DONE") return goodbye(turn);
  if (intent === "MENU") return answerMenu(turn);
  await recordCallReason(salon.id, params.CallSid, intent);
  switch (intent) {
    // Exactly what was asked (a day, a service), in the call's language (lib/receptionist/answers/).
    case "HOURS": {
      const at = salonClockTime(now);
      const specialDays = await loadSpecialDays(salon.id, salon.timeZone, at);
      const when = turn.understanding?.entities.when;
      return answerThenFollowUp(turn, answerHours({ salon, now: at, specialDays, when, language }), { kind: "ANSWERED", detail: { topic: "HOURS" } }, language);
    }
    case "ADDRESS":
      return answerThenFollowUp(turn, answerAddress({ salon, language }), { kind: "ANSWERED", detail: { topic: "ADDRESS" } }, language);
    case "PRICES": {
      const services = await db.service.findMany({
        where: { salonId: salon.id, active: true },
        orderBy: [{ priceCents: "asc" }, { name: "asc" }],
        select: { id: true, name: true, priceCents: true, durationMinutes: true },
        take: 20,
      });
      const asked = turn.understanding?.entities.service;
      return answerThenFollowUp(turn, answerPrice({ services, asked, language }), { kind: "ANSWERED", detail: { topic: "PRICES" } }, language);
    }
    case "BOOKING":
      return answerBookingRequest(turn);
    case "RESCHEDULE":
    case "CANCEL":
    case "CONFIRM":
    case "WAITLIST":
      return answerByDialogue(turn, intent);
    case "TRANSFER":
      return answerTransfer(turn);
    case "VOICEMAIL":
      return voicemail(turn, voicePrompts(turn.language).sure, "asked");
  }
}

/**
 * The caller keyed 9 (the other language) or spoke another language than the call's: the call and the
 * caller's customer remember it, and the timeline notes how it was chosen.
 */
async function switchLanguage(turn: Answering, language: Language, by: "keys" | "speech"): Promise<void> {
  turn.language = language;
  note(turn, { kind: "LANGUAGE_CHOSEN", detail: { language, by } });
  await chooseCallLanguage(turn.salon.id, turn.params.CallSid, language);
}

/** What the menu's engine makes of the words ("Thank you" before a question at the first menu is a pleasantry, not a goodbye). */
async function interpretMenuAnswer(turn: Answering): Promise<{ intent: ReceptionistIntent; understanding?: Understanding; spoken?: Language }> {
  const { params, salon, log, attempt, followUp, step, repeats, now, language } = turn;
  const interpretation = await interpretSafely(
    turn.engine ?? getReceptionist(),
    {
      speech: params.SpeechResult ?? null,
      digits: params.Digits ?? null,
      attempt,
      salon: { id: salon.id, name: salon.name, timeZone: salon.timeZone },
      // Only words name a service or stylist: a key press needs no catalog.
      catalog: params.SpeechResult ? await loadCatalog(salon.id) : { services: [], stylists: [] },
      language,
      now,
    },
    log,
  );
  const { confidence, engine } = interpretation;
  log.info({ intent: interpretation.intent, confidence, attempt, followUp, step, repeats, engine }, "receptionist understood");
  const intent = interpretation.intent === "DONE" && !followUp ? "UNKNOWN" : interpretation.intent;
  return { intent, understanding: interpretation.understanding, spoken: interpretation.language ?? interpretation.understanding?.language };
}

export async function handleGather(turn: GatherTurn): Promise<VoiceResponse> {
  const { params, salon, log, attempt, followUp, step = 1, repeats = 0, now = new Date() } = turn;
  const callLanguage = turn.language ?? "en";
  if (!salon) return appendGoodbye(newVoiceResponse());
  const answering: Answering = { ...turn, salon, now, step, repeats, language: callLanguage, response: newVoiceResponse(), events: [] };
  // An answer to the dialogue's own question (a slot, "press 1 to move it") goes straight to it.
  const inDialogue = await isDialogueTurn(salon.id, dialogueKey.call(params.CallSid), callTurnKey(params.CallSid, step), now);
  // Key 9 is not the receptionist's business: the menu again, in the other language. It counts as hearing
  // the options again, so flipping back and forth is capped like "repeat".
  if (!inDialogue && params.Digits === SWITCH_LANGUAGE_DIGIT && repeats < MAX_MENU_REPEATS) {
    answering.events.push({ kind: "HEARD", detail: heardDetail({ digits: params.Digits, intent: "MENU" }) });
    await switchLanguage(answering, otherLanguage(callLanguage), "keys");
    appendNextMenu(answering, { attempt, followUp, repeats: repeats + 1, fullMenu: true });
    await recordCallEvents({ salonId: salon.id, callSid: params.CallSid, source: `gather:${step}`, at: now, log }, answering.events);
    return answering.response;
  }
  const { intent, understanding, spoken } = inDialogue ? { intent: "UNKNOWN" as const, understanding: undefined, spoken: undefined } : await interpretMenuAnswer(answering);
  answering.understanding = understanding;
  answering.events.push({ kind: "HEARD", detail: heardDetail({ speech: params.SpeechResult, digits: params.Digits, intent, entities: heardEntities(understanding) }) });
  // A caller who speaks Spanish (or English on a Spanish call) is answered in the language they spoke.
  if (params.SpeechResult && spoken && spoken !== callLanguage) await switchLanguage(answering, spoken, "speech");
  const response = inDialogue ? await answerByDialogue(answering) : await answerIntent(answering, intent);
  await recordCallEvents({ salonId: salon.id, callSid: params.CallSid, source: `gather:${step}`, at: now, log }, answering.events);
  return response;
}
