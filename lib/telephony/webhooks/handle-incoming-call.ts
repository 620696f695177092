// A call rings a salon's number: log it once per CallSid and answer with the greeting and the menu.
// This is the benchmarked hot path: a cached salon lookup, one INSERT that retries and concurrent
// duplicates resolve in the database (ON CONFLICT DO NOTHING), and cached TwiML — no transaction.
// The signed number already chose the salon; the insert names it (lib/calls/insert-call-log.ts) and
// returns the caller's remembered language, so a Spanish-speaking customer is greeted in Spanish
// without a second round trip.
import { logInboundCall } from "@/lib/calls/insert-call-log";
import { db } from "@/lib/db";
import type { Language } from "@/lib/i18n/language";
import { voicePrompts } from "@/lib/i18n/voice-prompts";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import type { IncomingCallParams } from "@/lib/telephony/params/voice";
import { answeringModeOf, fixedCallAnswer } from "@/lib/telephony/receptionist/subscription-answers";
import { buildWebhookUrl } from "@/lib/telephony/signature";
import { mapTwilioCallStatus } from "@/lib/telephony/statuses";
import { appendGoodbye, appendMenu, newVoiceResponse, say } from "@/lib/telephony/voice-twiml";
import type { WebhookInput } from "@/lib/telephony/webhook-route";

export type IncomingCall = WebhookInput<IncomingCallParams> & { now?: Date };

/** The owner's greeting in the call's language, or Bolt's default one. */
export function greetingFor(salon: Pick<WebhookSalon, "greeting" | "name"> & { greetingEs?: string | null }, language: Language = "en"): string {
  const own = language === "es" ? salon.greetingEs : salon.greeting;
  return own?.trim() || voicePrompts(language).defaultGreeting(salon.name);
}

/**
 * Creates the call's log row (linked to the caller's customer) unless the CallSid is already logged,
 * and answers the language to greet in: the customer's remembered one. A repeated delivery reads the
 * row the first one wrote (rare: Twilio's retries), so it is greeted the same way.
 */
export async function recordIncomingCall(salonId: string, params: IncomingCallParams, now: Date): Promise<Language | null> {
  const status = mapTwilioCallStatus(params.CallStatus) ?? "RINGING";
  const logged = await logInboundCall({ salonId, callSid: params.CallSid, from: params.From, to: params.To, status, startedAt: now });
  if (logged.created) return logged.language;
  const existing = await db.callLog.findFirst({ where: { callSid: params.CallSid, salonId }, select: { language: true } });
  return existing?.language === "es" ? "es" : null;
}

// The answer depends only on the greeting and its language (and the public URL), so it is built once per greeting.
const answers = new Map<string, string>();

function greetingAndMenu(greeting: string, language: Language): string {
  const key = `${buildWebhookUrl("/")}\u0000${language}\u0000${greeting}`;
  let xml = answers.get(key);
  if (!xml) {
    // The greeting is inside the Gather: a caller who knows what they want can key or say it at once.
    xml = appendMenu(newVoiceResponse(), { attempt: 1, lead: greeting, language }).toString();
    if (answers.size >= 1_000) answers.clear();
    answers.set(key, xml);
  }
  return xml;
}

/** TwiML for the caller: the greeting and menu; a fixed answer while the subscription is paused or over; a polite goodbye for a number no salon owns. */
export async function handleIncomingCall({ params, salon, log, now = new Date() }: IncomingCall): Promise<string> {
  if (!salon) {
    // A number we released or never owned still points here: be polite, not an error.
    log.warn({ to: params.To }, "incoming call to a number no salon owns");
    const goodbye = say(newVoiceResponse(), "Sorry, this number is not in service.");
    return appendGoodbye(goodbye, "Please check the number and try again. Goodbye.").toString();
  }
  const language = (await recordIncomingCall(salon.id, params, now)) ?? "en";
  // The call is logged either way: the owner sees who called while the subscription was paused or over.
  const mode = answeringModeOf(salon.subscriptionStatus);
  if (mode !== "receptionist") return fixedCallAnswer(salon, mode, greetingFor(salon));
  return greetingAndMenu(greetingFor(salon, language), language);
}
