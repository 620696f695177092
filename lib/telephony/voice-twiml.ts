// The receptionist's spoken building blocks, as the SDK's VoiceResponse. Every callback URL is the
// absolute public URL, because that is what Twilio signs and what webhook-auth verifies.
import twilio from "twilio";
import type { Language } from "@/lib/i18n/language";
import { otherLanguage, voicePrompts } from "@/lib/i18n/voice-prompts";
import { formatPhone, isWithheldNumber } from "@/lib/phone";
import { buildWebhookUrl } from "@/lib/telephony/signature";
import { twiml } from "@/lib/telephony/twiml-response";

export type VoiceResponse = InstanceType<typeof twilio.twiml.VoiceResponse>;

const VOICE_BASE = "/api/webhooks/twilio/voice";

/** How a Spanish call sounds and is heard: Twilio's es-US speech recognition, and a US Spanish voice. */
const SPANISH = { language: "es-US", voice: "Polly.Lupe" } as const;

/** Say attributes per language; English keeps Twilio's defaults (en-US), so its TwiML is as before. */
function sayAttributes(language: Language): { language?: "es-US"; voice?: "Polly.Lupe" } {
  return language === "es" ? SPANISH : {};
}

export type VoiceStep = "gather" | "dial-result" | "screen" | "screen-result" | "status" | "recording" | "recorded" | "transcription";

function voiceUrl(step: VoiceStep, query?: Record<string, string | number>): string {
  const qs = query ? `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}` : "";
  return buildWebhookUrl(`${VOICE_BASE}/${step}${qs}`);
}

export function newVoiceResponse(): VoiceResponse {
  return new twilio.twiml.VoiceResponse();
}

export function say(response: VoiceResponse, text: string, language: Language = "en"): VoiceResponse {
  response.say(sayAttributes(language), text);
  return response;
}

export function goodbyeFrom(salonName: string, language: Language = "en"): string {
  return voicePrompts(language).goodbyeFrom(salonName);
}

export type MenuOptions = {
  attempt: number;
  /**
   * Which gather of the call this is (the greeting's is 1, so it leaves it out). It makes each gather's
   * action URL distinct: the call's timeline tells a retried callback from the same answer given twice.
   */
  step?: number;
  /** After an answer: "anything else?" instead of the full menu. */
  followUp?: boolean;
  /** The full menu even in follow-up mode (the caller said "yes" or asked for the options). */
  fullMenu?: boolean;
  /** Said inside the Gather before the prompt, so the caller can key or speak over it (the greeting). */
  lead?: string;
  /** What a follow-up's silence ends with. */
  goodbye?: string;
  /** How many times the caller has asked for the options again (carried so it can be capped). */
  repeats?: number;
  /** The call's language (English when absent); carried in the action URL as lang=es. */
  language?: Language;
};

function isFullMenu(opts: MenuOptions): boolean {
  return !opts.followUp || Boolean(opts.fullMenu);
}

function menuPrompt(opts: MenuOptions): string {
  const prompts = voicePrompts(opts.language);
  if (isFullMenu(opts)) return prompts.menu;
  return opts.attempt > 1 ? prompts.followUpReprompt : prompts.followUp;
}

/**
 * The menu as a speech-and-keys Gather. The first menu and reprompts post even on silence (so
 * "nothing understood" is counted); a follow-up after an answer lets silence fall through to goodbye.
 * A Spanish call's Gather listens in es-US (Twilio transcribes in the Gather's language). The full
 * menu ends with the way to the other language, said in that language.
 */
export function appendMenu(response: VoiceResponse, opts: MenuOptions): VoiceResponse {
  const language = opts.language ?? "en";
  const prompts = voicePrompts(language);
  const gather = response.gather({
    input: ["speech", "dtmf"],
    action: voiceUrl("gather", {
      attempt: opts.attempt,
      ...(opts.followUp ? { followUp: 1 } : {}),
      ...(opts.step ? { step: opts.step } : {}),
      ...(opts.repeats ? { repeats: opts.repeats } : {}),
      ...(language !== "en" ? { lang: language } : {}),
    }),
    method: "POST",
    numDigits: 1,
    speechTimeout: "auto",
    hints: prompts.hints,
    actionOnEmptyResult: !opts.followUp,
    ...(language === "es" ? { language: SPANISH.language } : {}),
  });
  if (opts.lead) gather.say(sayAttributes(language), opts.lead);
  gather.say(sayAttributes(language), menuPrompt(opts));
  if (isFullMenu(opts)) gather.say(sayAttributes(otherLanguage(language)), prompts.switchOffer);
  if (opts.followUp) appendGoodbye(response, opts.goodbye, language);
  return response;
}

export function appendGoodbye(response: VoiceResponse, text?: string, language: Language = "en"): VoiceResponse {
  response.say(sayAttributes(language), text ?? voicePrompts(language).goodbye);
  response.hangup();
  return response;
}

/** Up to two minutes of voicemail with transcription; the thank-you comes from the `recorded` step. */
export function appendVoicemail(response: VoiceResponse, intro: string, language: Language = "en"): VoiceResponse {
  response.say(sayAttributes(language), voicePrompts(language).leaveMessage(intro));
  response.record({
    maxLength: 120,
    playBeep: true,
    finishOnKey: "#",
    transcribe: true,
    transcribeCallback: voiceUrl("transcription"),
    recordingStatusCallback: voiceUrl("recording"),
    recordingStatusCallbackEvent: ["completed"],
    // The thank-you after the recording is said in the call's language.
    action: voiceUrl("recorded", language !== "en" ? { lang: language } : undefined),
    method: "POST",
  });
  // Reached only when nothing was recorded (Twilio skips the action on silence).
  return appendGoodbye(response, voicePrompts(language).noMessage, language);
}

// How long staff's phone rings. Its own voicemail picking up (often at ~20 s, and Twilio may let a Dial
// ring a few seconds past its timeout) no longer counts as answered: the screening below needs a 1.
export const DIAL_TIMEOUT_SECONDS = 15;
/** How long the person who picked up has to press 1 before the call goes to Bolt's voicemail. */
const SCREEN_TIMEOUT_SECONDS = 6;

/**
 * Rings the salon's phone with call screening: when it picks up, the `screen` webhook's TwiML plays to
 * the person there ("Press 1 to take it") before the caller is connected.
 */
export function appendDial(response: VoiceResponse, forwardingPhone: string, language: Language = "en"): VoiceResponse {
  response.say(sayAttributes(language), voicePrompts(language).hold);
  const dial = response.dial({ timeout: DIAL_TIMEOUT_SECONDS, action: voiceUrl("dial-result"), method: "POST" });
  dial.number({ url: voiceUrl("screen"), method: "POST" }, forwardingPhone);
  return response;
}

/** "4 1 5, 5 5 5, 0 1 4 2": a number read digit by digit, in the groups people write it in. */
export function speakPhoneNumber(phone: string): string {
  if (isWithheldNumber(phone)) return "a withheld number";
  const groups = formatPhone(phone).match(/\d+/g) ?? [];
  return groups.length ? groups.map((group) => group.split("").join(" ")).join(", ") : "an unknown number";
}

/** The screening played to whoever answered the salon's phone: 1 connects, anything else or nothing hangs up. */
export function appendScreen(response: VoiceResponse, announcement: string): VoiceResponse {
  const gather = response.gather({
    input: ["dtmf"],
    numDigits: 1,
    timeout: SCREEN_TIMEOUT_SECONDS,
    action: voiceUrl("screen-result"),
    method: "POST",
  });
  gather.say(`${announcement} Press 1 to take it.`);
  response.hangup();
  return response;
}

/** Hangs up on staff's side of a transfer: the caller's Dial ends untaken and goes on to voicemail. */
export function declineScreenedCall(): VoiceResponse {
  const response = newVoiceResponse();
  response.hangup();
  return response;
}

/** The screening failed on our side: staff hear why, the caller goes to voicemail (nobody took the call). */
export function screenFailedResponse(): Response {
  const response = say(newVoiceResponse(), "Sorry, this call can't be put through right now.");
  response.hangup();
  return twiml(response);
}

/** Something broke on our side: apologise instead of letting Twilio play its "application error". */
export function apologyResponse(): Response {
  const response = appendGoodbye(
    say(newVoiceResponse(), "Sorry, we're having trouble answering right now."),
    "Please call back in a few minutes. Goodbye.",
  );
  return twiml(response);
}

const SAY_LANGUAGE = { en: "en-US", es: "es-US" } as const;

/**
 * A question of the receptionist's dialogue ("Press 1, 2 or 3"): asked in a speech-and-keys Gather in
 * the call's language, asked once more on silence, then the salon's goodbye.
 */
export function appendQuestion(
  response: VoiceResponse,
  opts: { prompt: string; step: number; language: keyof typeof SAY_LANGUAGE; goodbye: string },
): VoiceResponse {
  const language = SAY_LANGUAGE[opts.language];
  for (let i = 0; i < 2; i++) {
    const gather = response.gather({
      input: ["speech", "dtmf"],
      action: voiceUrl("gather", { attempt: 1, step: opts.step, ...(opts.language === "es" ? { lang: "es" } : {}) }),
      method: "POST",
      numDigits: 1,
      speechTimeout: "auto",
      language,
    });
    gather.say({ language }, opts.prompt);
  }
  return appendGoodbye(response, opts.goodbye);
}

/** A sentence in the call's language. */
export function sayIn(response: VoiceResponse, language: keyof typeof SAY_LANGUAGE, text: string): VoiceResponse {
  response.say({ language: SAY_LANGUAGE[language] }, text);
  return response;
}
