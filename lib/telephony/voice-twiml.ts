// The receptionist's spoken building blocks, as the SDK's VoiceResponse. Every callback URL is the
// absolute public URL, because that is what Twilio signs and what webhook-auth verifies.
import twilio from "twilio";
import { buildWebhookUrl } from "@/lib/telephony/signature";
import { twiml } from "@/lib/telephony/twiml-response";

export type VoiceResponse = InstanceType<typeof twilio.twiml.VoiceResponse>;

const VOICE_BASE = "/api/webhooks/twilio/voice";

export const MENU_PROMPT =
  "To hear our hours, say hours or press 1. Address, press 2. Prices, press 3. Booking, press 4. " +
  "To talk to someone, press 5. To leave a message, press 6.";
const FOLLOW_UP_PROMPT = "Is there anything else? You can say another option, or press 1 to 6. Or just hang up.";
const HINTS = "hours, open, address, where, prices, how much, book, appointment, talk to someone, person, message, voicemail";

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

/**
 * The menu as a speech-and-keys Gather. The first menu and reprompts post even on silence (so
 * "nothing understood" is counted); a follow-up after an answer lets silence fall through to goodbye.
 */
export function appendMenu(response: VoiceResponse, opts: { attempt: number; followUp?: boolean; prefix?: string }): VoiceResponse {
  const gather = response.gather({
    input: ["speech", "dtmf"],
    action: voiceUrl("gather", opts.followUp ? { attempt: opts.attempt, followUp: 1 } : { attempt: opts.attempt }),
    method: "POST",
    numDigits: 1,
    speechTimeout: "auto",
    hints: HINTS,
    actionOnEmptyResult: !opts.followUp,
  });
  gather.say([opts.prefix, opts.followUp ? FOLLOW_UP_PROMPT : MENU_PROMPT].filter(Boolean).join(" "));
  if (opts.followUp) appendGoodbye(response);
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

export function appendDial(response: VoiceResponse, forwardingPhone: string): VoiceResponse {
  response.say("Please hold while I connect you.");
  response.dial({ timeout: 20, action: voiceUrl("dial-result"), method: "POST" }, forwardingPhone);
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
