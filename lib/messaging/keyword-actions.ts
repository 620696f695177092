// What Bolt does with an incoming text, by keyword (lib/messaging/keywords.ts decides which one it is):
// STOP / START change the customer's consent for this salon, HELP says who we are, C confirms and R
// asks for a new time on the next appointment. Anything else is understood (lib/receptionist/): a
// request to book, move or cancel, or an answer to Bolt's last question, is a turn of the customer's
// dialogue (lib/receptionist/dialogue/), "yes I'll be there" confirms like C, and the rest gets the
// salon's auto-reply. Every
// reply goes through sendSms (queued, tracked) under an idempotency key: a keyword's answer and the
// front desk's alert by the MessageSid (inboundReplyKey, inboundStaffAlertKey), the auto-reply by the
// auto-reply before it (autoReplyKey), so every action can run again for the same message (a retry
// after a failure) without doing anything twice. The reply texts are built here for the demo seed too.
import { enqueueAlert, someoneTextedAbout } from "@/lib/alerts/dispatch";
import { confirmAppointment } from "@/lib/appointments/mutations";
import { db } from "@/lib/db";
import type { AppointmentStatus } from "@/lib/generated/prisma/client";
import type { Language } from "@/lib/i18n/language";
import { textTemplates } from "@/lib/i18n/text-templates";
import { sendAutoReplyOnce, type AutoReplyResult } from "@/lib/messaging/auto-reply";
import { inboundReplyKey, type InboundTextContext } from "@/lib/messaging/inbound-text-context";
export { inboundReplyKey, type InboundTextContext } from "@/lib/messaging/inbound-text-context";
import type { InboundKeyword } from "@/lib/messaging/keywords";
import { optInCustomer, optOutCustomer } from "@/lib/messaging/opt-out";
import { sendSms } from "@/lib/messaging/send-sms";
import { describeAppointmentTime } from "@/lib/messaging/time-text";
import { formatPhone } from "@/lib/phone";
import { takeTextTurn, understandText } from "@/lib/receptionist/dialogue/by-text";
import type { DialogueOutcome } from "@/lib/receptionist/dialogue/context";
import { pickNumber } from "@/lib/receptionist/dialogue/picks";
import { answerWaitlistOffer, type WaitlistAnswerOutcome } from "@/lib/waitlist/answer-offer";


export type KeywordOutcome =
  | "opted_out"
  | "opted_in"
  | "help_sent"
  | "confirmed"
  | "already_confirmed"
  | "nothing_to_confirm"
  | "reschedule_requested"
  | "auto_replied"
  | "auto_reply_recently_sent"
  | "auto_reply_staff_conversation"
  | "opted_out_no_reply"
  /** A HELP the provider already answered: nothing left for Bolt to do. */
  | "help_answered_by_provider"
  /** A "1" answering a waitlist offer (lib/waitlist/answer-offer.ts). */
  | WaitlistAnswerOutcome
  /** A free text taken as a turn of the receptionist's dialogue. */
  | `dialogue_${DialogueOutcome}`;

/** Dialogue outcomes that leave nothing for staff: Bolt asked, offered, or did what was asked. */
const DIALOGUE_HANDLED: ReadonlySet<KeywordOutcome> = new Set<KeywordOutcome>([
  "dialogue_asked",
  "dialogue_offered",
  "dialogue_booked",
  "dialogue_moved",
  "dialogue_cancelled",
  "dialogue_kept",
  "dialogue_confirmed",
  "dialogue_waitlisted",
  "waitlist_booked",
  "waitlist_moved",
  "waitlist_slot_taken",
  "waitlist_offer_expired",
]);

/**
 * Texts Bolt handles completely don't wait for staff: START, HELP, C, a free-text confirmation, and a
 * dialogue turn Bolt answered. STOP-family texts do wait: a customer who texts "Cancel" usually means
 * their appointment and has just been unsubscribed, and R asks staff for a new time (the
 * forwarding-phone alert is optional; the unread text always shows).
 */
export function isHandledAutomatically(keyword: InboundKeyword | null, outcome?: KeywordOutcome): boolean {
  if (keyword === "START" || keyword === "HELP" || keyword === "CONFIRM") return true;
  return keyword === null && outcome !== undefined && (outcome === "confirmed" || outcome === "already_confirmed" || DIALOGUE_HANDLED.has(outcome));
}

/** The key of the front desk's one alert about an incoming text. */
export const inboundStaffAlertKey = (messageSid: string) => `inbound:${messageSid}:staff-alert`;

export const stopReplyBody = (salonName: string, language: Language = "en") => textTemplates(language).stopReply(salonName);
/** `appointment` as describeAppointment words it. */
export const confirmReplyBody = (appointment: string, language: Language = "en") => textTemplates(language).confirmReply(appointment);
export const RESCHEDULE_REPLY = textTemplates("en").rescheduleReply;

/** The front desk's alert about an R: who asked, about which appointment (null: none found), and how to answer. */
export function rescheduleAlertBody(
  customer: { name: string | null; phone: string },
  appointment: string | null,
  canReply: boolean,
): string {
  const who = `${customer.name ?? "A customer"} (${formatPhone(customer.phone)})`;
  const what = appointment ? `to move their ${appointment}` : "for a new time (no upcoming appointment found)";
  const howToAnswer = canReply ? "Reply to them in Bolt's Messages." : "They have opted out of texts, so call them.";
  return `Reschedule request: ${who} asked ${what}. ${howToAnswer}`;
}

/** "Balayage on Friday, Dec 4 at 2:00 PM" ("cita de Balayage el viernes 4 de dic a las 2:00 PM") in the salon's zone, as seen at `now`. */
export function describeAppointment(serviceName: string | undefined, startsAt: Date, now: Date, timeZone: string, language: Language = "en"): string {
  return textTemplates(language).appointment(serviceName, describeAppointmentTime(startsAt, now, timeZone, language));
}

const templatesFor = (ctx: InboundTextContext) => textTemplates(ctx.language);

// STOP/START/HELP answers are KEYWORD_REPLY, the one kind an opted-out customer still gets (carriers
// require them); C/R answers are APPOINTMENT_REPLY, checked against opt-out again when they go out, so
// a "C" answered just before a "STOP" is not delivered after it.
function reply(ctx: InboundTextContext, body: string, kind: "KEYWORD_REPLY" | "APPOINTMENT_REPLY" = "KEYWORD_REPLY") {
  return sendSms({
    salonId: ctx.salon.id,
    kind,
    body,
    to: { customerId: ctx.customer.id },
    idempotencyKey: inboundReplyKey(ctx.messageSid),
  });
}

const appointmentReply = (ctx: InboundTextContext, body: string) => reply(ctx, body, "APPOINTMENT_REPLY");

const appointmentSelect = { id: true, status: true, startsAt: true, service: { select: { name: true } } } as const;

async function nextAppointment(ctx: InboundTextContext, statuses: AppointmentStatus[]) {
  return db.appointment.findFirst({
    where: { salonId: ctx.salon.id, customerId: ctx.customer.id, status: { in: statuses }, startsAt: { gt: ctx.now } },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: appointmentSelect,
  });
}

/**
 * The appointment a C confirms: the next BOOKED one — or one confirmed since this text arrived, so a
 * retry after the confirmation went through (but the reply didn't) answers for it instead of moving
 * on to confirm the customer's following appointment.
 */
async function appointmentToConfirm(ctx: InboundTextContext) {
  return db.appointment.findFirst({
    where: {
      salonId: ctx.salon.id,
      customerId: ctx.customer.id,
      startsAt: { gt: ctx.now },
      OR: [{ status: "BOOKED" }, { status: "CONFIRMED", confirmedAt: { gte: ctx.receivedAt } }],
    },
    orderBy: [{ startsAt: "asc" }, { id: "asc" }],
    select: appointmentSelect,
  });
}

function describeFor(ctx: InboundTextContext, appointment: { startsAt: Date; service: { name: string } | null }): string {
  return describeAppointment(appointment.service?.name, appointment.startsAt, ctx.now, ctx.salon.timeZone, ctx.language);
}

const AUTO_REPLY_OUTCOMES: Record<AutoReplyResult, KeywordOutcome> = {
  sent: "auto_replied",
  recently_sent: "auto_reply_recently_sent",
  staff_conversation: "auto_reply_staff_conversation",
};

async function stop(ctx: InboundTextContext): Promise<KeywordOutcome> {
  await optOutCustomer(ctx.salon.id, ctx.customer.id, ctx.now);
  // Sent even though the customer is now opted out: KEYWORD_REPLY is the pipeline's one exception.
  if (!ctx.answeredByProvider) await reply(ctx, stopReplyBody(ctx.salon.name, ctx.language));
  return "opted_out";
}

async function start(ctx: InboundTextContext): Promise<KeywordOutcome> {
  const wasOptedOut = await optInCustomer(ctx.salon.id, ctx.customer.id);
  if (ctx.answeredByProvider) return "opted_in";
  const body = wasOptedOut ? templatesFor(ctx).resubscribedReply(ctx.salon.name) : templatesFor(ctx).subscribedReply(ctx.salon.name);
  await reply(ctx, body);
  return "opted_in";
}

async function help(ctx: InboundTextContext): Promise<KeywordOutcome> {
  if (ctx.answeredByProvider) return "help_answered_by_provider";
  // The salon's public phone isn't in the cached webhook lookup; HELP is rare enough for one read.
  const salon = await db.salon.findUnique({ where: { id: ctx.salon.id }, select: { phone: true } });
  const phone = formatPhone(salon?.phone ?? ctx.salon.twilioNumber);
  await reply(ctx, templatesFor(ctx).helpReply(ctx.salon.name, phone, ctx.customer.smsConsent === "OPTED_OUT"));
  return "help_sent";
}

async function confirm(ctx: InboundTextContext, canReply: boolean): Promise<KeywordOutcome> {
  const target = await appointmentToConfirm(ctx);
  if (target) {
    // Throws if staff cancelled it a moment ago: the text stays unprocessed and the retry answers anew.
    if (target.status === "BOOKED") await confirmAppointment(ctx.salon.id, target.id);
    if (canReply) await appointmentReply(ctx, confirmReplyBody(describeFor(ctx, target), ctx.language));
    return "confirmed";
  }
  const confirmed = await nextAppointment(ctx, ["CONFIRMED"]);
  if (canReply) {
    await appointmentReply(
      ctx,
      confirmed ? templatesFor(ctx).alreadyConfirmedReply(describeFor(ctx, confirmed)) : templatesFor(ctx).nothingToConfirmReply,
    );
  }
  return confirmed ? "already_confirmed" : "nothing_to_confirm";
}

async function reschedule(ctx: InboundTextContext, canReply: boolean): Promise<KeywordOutcome> {
  const appointment = await nextAppointment(ctx, ["BOOKED", "CONFIRMED"]);
  if (appointment) {
    // The text's arrival, not the moment of acting: a retry records the same request time.
    await db.appointment.updateMany({ where: { id: appointment.id, salonId: ctx.salon.id }, data: { rescheduleRequestedAt: ctx.receivedAt } });
  }
  await enqueueAlert({ salonId: ctx.salon.id, event: "RESCHEDULE_REQUEST", ref: ctx.messageSid });
  // The forwarding phone's own alert stays for salons where no member gets these by text (lib/alerts/).
  if (ctx.salon.forwardingPhone && !(await someoneTextedAbout(ctx.salon.id, "RESCHEDULE_REQUEST"))) {
    await sendSms({
      salonId: ctx.salon.id,
      kind: "STAFF_ALERT",
      body: rescheduleAlertBody(ctx.customer, appointment && describeFor(ctx, appointment), canReply),
      to: { phone: ctx.salon.forwardingPhone },
      appointmentId: appointment?.id,
      idempotencyKey: inboundStaffAlertKey(ctx.messageSid),
    });
  }
  if (canReply) await appointmentReply(ctx, templatesFor(ctx).rescheduleReply);
  return "reschedule_requested";
}

/**
 * A text that is no keyword: "yes I'll be there" confirms as C does; a dialogue turn is answered;
 * null leaves it to the auto-reply.
 */
async function converse(ctx: InboundTextContext, body: string): Promise<KeywordOutcome | null> {
  const turn = { salon: ctx.salon, customerId: ctx.customer.id, messageSid: ctx.messageSid, body, now: ctx.now };
  const understanding = await understandText(turn);
  if (!understanding) return null;
  // A bare "1" answers Bolt's question, whatever a classifier makes of it; with nothing to confirm,
  // "thanks, see you then" is small talk for the auto-reply (and for staff).
  if (understanding.intent === "CONFIRM" && pickNumber(body, 9) === null) {
    return (await appointmentToConfirm(ctx)) ? confirm(ctx, true) : null;
  }
  const answer = await takeTextTurn(turn, understanding);
  if (!answer) return null;
  await appointmentReply(ctx, answer.say);
  return `dialogue_${answer.outcome}`;
}

/**
 * Acts on one stored incoming text. An opted-out customer still gets the STOP and HELP answers
 * (carriers require them); C and R still act but send them nothing until they text START. Safe to run
 * again for the same text (every write is keyed by the MessageSid or checks what is already done).
 */
export async function runKeywordAction(keyword: InboundKeyword | null, ctx: InboundTextContext): Promise<KeywordOutcome> {
  const canReply = ctx.customer.smsConsent === "OPTED_IN";
  switch (keyword) {
    case "STOP":
      return stop(ctx);
    case "START":
      return start(ctx);
    case "HELP":
      return help(ctx);
    case "CONFIRM":
      return confirm(ctx, canReply);
    case "RESCHEDULE":
      return reschedule(ctx, canReply);
    default: {
      if (!canReply) return "opted_out_no_reply";
      // A "1" to a waitlist offer still out is its answer; anything else is the dialogue's.
      const conversed = ctx.body ? ((await answerWaitlistOffer(ctx, ctx.body, ctx.now)) ?? (await converse(ctx, ctx.body))) : null;
      if (conversed) return conversed;
      return AUTO_REPLY_OUTCOMES[await sendAutoReplyOnce(ctx.salon, ctx.customer.id, ctx.now, ctx.language)];
    }
  }
}
