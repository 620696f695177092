// The caller said or keyed something after the menu: ask the receptionist what they want, note it
// as the call's reason, and answer — hours, address, prices, a booking text, a transfer or voicemail.
// After an answer ("Is there anything else?"), a goodbye or anything not understood ends the call.
import { bookingInfoKey } from "@/lib/calls/notification-keys";
import { recordCallReason } from "@/lib/calls/record-call-reason";
import { db } from "@/lib/db";
import type { Logger } from "@/lib/logger";
import { sendSms } from "@/lib/messaging/send-sms";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import { getReceptionist, interpretSafely, type ReceptionistEngine } from "@/lib/telephony/receptionist";
import { configuredHours, speakAddress, speakHours, speakPrices } from "@/lib/telephony/receptionist/answers";
import { describeOpenStatus, isOpenAt } from "@/lib/salons/business-hours";
import { appendDial, appendGoodbye, appendMenu, appendVoicemail, goodbyeFrom, newVoiceResponse, say, type VoiceResponse } from "@/lib/telephony/voice-twiml";
import type { GatherParams } from "@/lib/validations/calls";
import { e164PhoneSchema } from "@/lib/validations/phone";

export type GatherTurn = {
  params: GatherParams;
  salon: WebhookSalon | null;
  log: Logger;
  /** From the action URL: 1 for the first menu, 2 after one reprompt. */
  attempt: number;
  followUp?: boolean;
  now?: Date;
  engine?: ReceptionistEngine;
};

const DEFAULT_BOOKING_TEXT = "To book, reply to this text with the service you'd like and a day and time that suit you, and we'll confirm.";

/** The answer, then "Is there anything else?"; silence there ends the call with the salon's goodbye. */
function answerThenFollowUp(response: VoiceResponse, salon: WebhookSalon, answer: string): VoiceResponse {
  return appendMenu(say(response, answer), { attempt: 1, followUp: true, goodbye: goodbyeFrom(salon.name) });
}

async function answerBooking(salon: WebhookSalon, params: GatherParams, response: VoiceResponse): Promise<VoiceResponse> {
  if (!e164PhoneSchema.safeParse(params.From).success) {
    return appendVoicemail(response, "I can't send a text to this number.");
  }
  const text = await sendSms({
    salonId: salon.id,
    kind: "BOOKING_INFO",
    body: salon.bookingInstructions?.trim() || DEFAULT_BOOKING_TEXT,
    to: { phone: params.From },
    // Asking twice in one call sends one text.
    idempotencyKey: bookingInfoKey(params.CallSid),
  });
  // An opted-out caller's text is recorded as cancelled, never sent: don't promise one.
  if (text.status === "CANCELED") {
    return appendVoicemail(response, "You've opted out of texts from us, so I can't text you how to book.");
  }
  return answerThenFollowUp(response, salon, "I've just sent you a text with how to book.");
}

function answerTransfer(salon: WebhookSalon, now: Date, response: VoiceResponse): VoiceResponse {
  if (!salon.forwardingPhone) return appendVoicemail(response, "Nobody is available to take your call right now.");
  const hours = configuredHours(salon);
  // Without opening hours 3 AM looks like 3 PM: nobody's own phone is rung at an unknown hour.
  if (!hours) return appendVoicemail(response, "I can't put you through right now, but I'll make sure the salon gets your message.");
  if (isOpenAt(hours, salon.timeZone, now)) return appendDial(response, salon.forwardingPhone);
  return appendVoicemail(response, describeOpenStatus(hours, salon.timeZone, now));
}

async function answerNotUnderstood(turn: GatherTurn & { salon: WebhookSalon }, response: VoiceResponse): Promise<VoiceResponse> {
  const { salon, params, attempt } = turn;
  // The caller already has an answer: "no thanks" or a mumble ends the call kindly, and the call
  // keeps the reason it has (no voicemail, so no "missed call" either).
  if (turn.followUp) return appendGoodbye(response, goodbyeFrom(salon.name));
  await recordCallReason(salon.id, params.CallSid, "UNKNOWN");
  if (attempt < 2) return appendMenu(say(response, "Sorry, I didn't catch that."), { attempt: attempt + 1 });
  // Still nothing: a message is the one thing every caller can leave.
  return appendVoicemail(response, "Sorry, I still didn't catch that.");
}

export async function handleGather(turn: GatherTurn): Promise<VoiceResponse> {
  const { params, salon, log, attempt, followUp, now = new Date() } = turn;
  const response = newVoiceResponse();
  if (!salon) return appendGoodbye(response);
  const { intent, confidence, engine } = await interpretSafely(
    turn.engine ?? getReceptionist(),
    { speech: params.SpeechResult ?? null, digits: params.Digits ?? null, attempt, salon: { id: salon.id, name: salon.name, timeZone: salon.timeZone } },
    log,
  );
  log.info({ intent, confidence, attempt, followUp, engine }, "receptionist understood");

  // "Thank you" before a question at the first menu is a pleasantry, not a goodbye.
  if (intent === "UNKNOWN" || (intent === "DONE" && !followUp)) return answerNotUnderstood({ ...turn, salon }, response);
  if (intent === "DONE") return appendGoodbye(response, goodbyeFrom(salon.name));
  if (intent === "MENU") return appendMenu(response, { attempt, followUp, fullMenu: true, goodbye: goodbyeFrom(salon.name) });
  await recordCallReason(salon.id, params.CallSid, intent);
  switch (intent) {
    case "HOURS":
      return answerThenFollowUp(response, salon, speakHours(salon, now));
    case "ADDRESS":
      return answerThenFollowUp(response, salon, speakAddress(salon));
    case "PRICES": {
      const services = await db.service.findMany({
        where: { salonId: salon.id, active: true },
        orderBy: [{ priceCents: "asc" }, { name: "asc" }],
        select: { name: true, priceCents: true },
        take: 20,
      });
      return answerThenFollowUp(response, salon, speakPrices(services));
    }
    case "BOOKING":
      return answerBooking(salon, params, response);
    case "TRANSFER":
      return answerTransfer(salon, now, response);
    case "VOICEMAIL":
      return appendVoicemail(response, "Sure.");
  }
}
