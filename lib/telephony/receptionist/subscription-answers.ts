// What callers and texters get while a salon's subscription doesn't pay for the receptionist: a paused
// subscription answers calls with the salon's fixed closed answer; an ended one (CANCELED or
// INCOMPLETE_EXPIRED, the number in its grace period) answers calls and texts with a polite fixed
// answer. Every other state (PAST_DUE and UNPAID included: billing is the owner's problem, not the
// callers') answers as usual. Fixed TwiML: no menu, no transfer, no voicemail, no queued texts.
import twilio from "twilio";
import type { SubscriptionStatus } from "@/lib/generated/prisma/client";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import { appendGoodbye, newVoiceResponse, say } from "@/lib/telephony/voice-twiml";

export type AnsweringMode = "receptionist" | "paused" | "ended";

export function answeringModeOf(status: SubscriptionStatus): AnsweringMode {
  if (status === "PAUSED") return "paused";
  if (status === "CANCELED" || status === "INCOMPLETE_EXPIRED") return "ended";
  return "receptionist";
}

/** TwiML for a call while the receptionist is off: the greeting (paused) and a goodbye. */
export function fixedCallAnswer(salon: Pick<WebhookSalon, "name">, mode: Exclude<AnsweringMode, "receptionist">, greeting: string): string {
  if (mode === "paused") {
    const closed = say(newVoiceResponse(), greeting);
    say(closed, "We're closed at the moment and can't take your call. Please try again another time.");
    return appendGoodbye(closed, "Thank you for calling. Goodbye.").toString();
  }
  const ended = say(newVoiceResponse(), `Thanks for calling. ${salon.name} is no longer taking calls at this number.`);
  return appendGoodbye(ended, "Please reach the salon another way. We're sorry for the trouble. Goodbye.").toString();
}

/** The one reply a text gets while the salon's subscription has ended (a TwiML <Message>, nothing queued). */
export function endedTextReply(salon: Pick<WebhookSalon, "name">): string {
  const reply = new twilio.twiml.MessagingResponse();
  reply.message(`${salon.name} is no longer answering texts at this number. Please reach the salon another way.`);
  return reply.toString();
}
