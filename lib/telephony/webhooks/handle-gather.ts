// The caller said or keyed something after the menu: ask the receptionist what they want, note it
// as the call's reason, and answer — hours, address, prices, a booking text, a transfer or voicemail.
import { bookingInfoKey } from "@/lib/calls/notification-keys";
import { db } from "@/lib/db";
import type { CallReason } from "@/lib/generated/prisma/enums";
import type { Logger } from "@/lib/logger";
import { sendSms } from "@/lib/messaging/send-sms";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import { getReceptionist, type ReceptionistEngine } from "@/lib/telephony/receptionist";
import { configuredHours, isSalonOpen, speakAddress, speakHours, speakPrices } from "@/lib/telephony/receptionist/answers";
import { describeOpenStatus } from "@/lib/salons/business-hours";
import { appendDial, appendGoodbye, appendMenu, appendVoicemail, newVoiceResponse, say, type VoiceResponse } from "@/lib/telephony/voice-twiml";
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

async function setCallReason(salonId: string, callSid: string, reason: CallReason): Promise<void> {
  await db.callLog.updateMany({ where: { salonId, callSid }, data: { reason } });
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
  return appendMenu(say(response, "I've just sent you a text with how to book."), { attempt: 1, followUp: true });
}

function answerTransfer(salon: WebhookSalon, now: Date, response: VoiceResponse): VoiceResponse {
  if (!salon.forwardingPhone) return appendVoicemail(response, "Nobody is available to take your call right now.");
  if (isSalonOpen(salon, now)) return appendDial(response, salon.forwardingPhone);
  const hours = configuredHours(salon);
  const closed = hours ? describeOpenStatus(hours, salon.timeZone, now) : "We're closed right now.";
  return appendVoicemail(response, closed);
}

export async function handleGather({ params, salon, log, attempt, followUp, now = new Date(), engine }: GatherTurn): Promise<VoiceResponse> {
  const response = newVoiceResponse();
  if (!salon) return appendGoodbye(response);
  const receptionist = engine ?? getReceptionist();
  const { intent, confidence } = await receptionist.interpret({
    speech: params.SpeechResult ?? null,
    digits: params.Digits ?? null,
    attempt,
    salon: { id: salon.id, name: salon.name, timeZone: salon.timeZone },
  });
  log.info({ intent, confidence, attempt, engine: receptionist.name }, "receptionist understood");

  if (intent === "UNKNOWN") {
    if (attempt < 2) return appendMenu(say(response, "Sorry, I didn't catch that."), { attempt: attempt + 1, followUp });
    // Still nothing: a message is the one thing every caller can leave.
    await setCallReason(salon.id, params.CallSid, "VOICEMAIL");
    return appendVoicemail(response, "Sorry, I still didn't catch that.");
  }
  await setCallReason(salon.id, params.CallSid, intent);
  switch (intent) {
    case "HOURS":
      return appendMenu(say(response, speakHours(salon, now)), { attempt: 1, followUp: true });
    case "ADDRESS":
      return appendMenu(say(response, speakAddress(salon)), { attempt: 1, followUp: true });
    case "PRICES": {
      const services = await db.service.findMany({
        where: { salonId: salon.id, active: true },
        orderBy: [{ priceCents: "asc" }, { name: "asc" }],
        select: { name: true, priceCents: true },
        take: 20,
      });
      return appendMenu(say(response, speakPrices(services)), { attempt: 1, followUp: true });
    }
    case "BOOKING":
      return answerBooking(salon, params, response);
    case "TRANSFER":
      return answerTransfer(salon, now, response);
    case "VOICEMAIL":
      return appendVoicemail(response, "Sure.");
  }
}
