// The receptionist's spoken building blocks, as the SDK's VoiceResponse. Every callback URL is the
// absolute public URL, because that is what Twilio signs and what webhook-auth verifies.
import twilio from "twilio";
import { buildWebhookUrl } from "@/lib/telephony/signature";
import { twiml } from "@/lib/telephony/twiml-response";

export type VoiceResponse = InstanceType<typeof twilio.twiml.VoiceResponse>;

const VOICE_BASE = "/api/webhooks/twilio/voice";

export const MENU_PROMPT =
  "You can say what you need, like book an appointment, or press 1 for our hours, 2 for our address, " +
  "3 for prices, 4 to book, 5 to talk to someone, or 6 to leave a message.";
const FOLLOW_UP_PROMPT =
  "Is there anything else I can help you with? Just say what you need, or press 1 to 6. If that's everything, just say so.";
const HINTS =
  "hours, open, address, where, directions, prices, how much, book, appointment, haircut, cancel, reschedule, " +
  "talk to someone, person, reception, operator, message, voicemail, that's all, no thanks, goodbye";

export function voiceUrl(step: "gather" | "dial-result" | "status" | "recording" | "recorded" | "transcription", query?: Record<string, string | number>): string {
  const qs = query ? `?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}` : "";
  return buildWebhookUrl(`${VOICE_BASE}/${step}${qs}`);
}

export function newVoiceResponse(): VoiceResponse {
  return new twilio.twiml.VoiceResponse();
}

export function say(response: VoiceResponse, text: string): VoiceResponse {
  response.say(text);
  return response;
}

export function goodbyeFrom(salonName: string): string {
  return `Thanks for calling ${salonName}. Goodbye.`;
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
};

/**
 * The menu as a speech-and-keys Gather. The first menu and reprompts post even on silence (so
 * "nothing understood" is counted); a follow-up after an answer lets silence fall through to goodbye.
 */
export function appendMenu(response: VoiceResponse, opts: MenuOptions): VoiceResponse {
  const gather = response.gather({
    input: ["speech", "dtmf"],
    action: voiceUrl("gather", {
      attempt: opts.attempt,
      ...(opts.followUp ? { followUp: 1 } : {}),
      ...(opts.step ? { step: opts.step } : {}),
    }),
    method: "POST",
    numDigits: 1,
    speechTimeout: "auto",
    hints: HINTS,
    actionOnEmptyResult: !opts.followUp,
  });
  if (opts.lead) gather.say(opts.lead);
  gather.say(opts.followUp && !opts.fullMenu ? FOLLOW_UP_PROMPT : MENU_PROMPT);
  if (opts.followUp) appendGoodbye(response, opts.goodbye);
  return response;
}

export function appendGoodbye(response: VoiceResponse, text = "Thanks for calling. Goodbye."): VoiceResponse {
  response.say(text);
  response.hangup();
  return response;
}

/** Up to two minutes of voicemail with transcription; the thank-you comes from the `recorded` step. */
export function appendVoicemail(response: VoiceResponse, intro: string): VoiceResponse {
  response.say(`${intro} Please leave your name, number and message after the tone. Press the pound key when you're done.`);
  response.record({
    maxLength: 120,
    playBeep: true,
    finishOnKey: "#",
    transcribe: true,
    transcribeCallback: voiceUrl("transcription"),
    recordingStatusCallback: voiceUrl("recording"),
    recordingStatusCallbackEvent: ["completed"],
    action: voiceUrl("recorded"),
    method: "POST",
  });
  // Reached only when nothing was recorded (Twilio skips the action on silence).
  return appendGoodbye(response, "We didn't get a message. Thanks for calling. Goodbye.");
}

// Shorter than the ~20 s after which a mobile's own voicemail picks up: that would report the dial as
// answered ("answered by staff", no text-back) while the caller talks to a personal voicemail box.
export const DIAL_TIMEOUT_SECONDS = 15;

export function appendDial(response: VoiceResponse, forwardingPhone: string): VoiceResponse {
  response.say("Please hold while I connect you.");
  response.dial({ timeout: DIAL_TIMEOUT_SECONDS, action: voiceUrl("dial-result"), method: "POST" }, forwardingPhone);
  return response;
}

/** Something broke on our side: apologise instead of letting Twilio play its "application error". */
export function apologyResponse(): Response {
  const response = appendGoodbye(
    say(newVoiceResponse(), "Sorry, we're having trouble answering right now."),
    "Please call back in a few minutes. Goodbye.",
  );
  return twiml(response);
}
