// The demo's conversations: customers' own texts at believable hours and what Bolt and the staff did
// with each, as the real paths leave things (lib/messaging/keyword-actions.ts, auto-reply.ts, the
// inbox reply): the STOP that opted a customer out, C's that confirmed appointments, one R that marks
// a coming appointment "Wants to reschedule" (unread, waiting for staff), questions answered by the
// auto-reply and then by staff, and a fresh question still waiting. Every text is acted on already
// (processedAt), so the worker's retry sweep finds nothing to redo after `npm start`.
import { composeSmsBody } from "@/lib/messaging/compose";
import {
  confirmReplyBody,
  inboundReplyKey,
  inboundStaffAlertKey,
  RESCHEDULE_REPLY,
  rescheduleAlertBody,
  stopReplyBody,
} from "@/lib/messaging/keyword-actions";
import { momentBetween, sendableAt, wallTime } from "@/lib/dev/seed/demo-clock";
import { ACTED_AFTER_MS, Conversations, MINUTE, type ConversationsInput } from "@/lib/dev/seed/demo-conversation-log";
import { between, type Rand } from "@/lib/dev/seed/demo-random";
import type { DemoAppointment } from "@/lib/dev/seed/demo-schedule";
import { buildDemoText } from "@/lib/dev/seed/demo-text-row";

export type { ConversationSalon } from "@/lib/dev/seed/demo-conversation-log";

/** STOP: the opted-out customer's text and the carrier-required confirmation; staff saw it when they next opened. */
function stop(convos: Conversations, rand: Rand) {
  for (const c of convos.input.book.customers.values()) {
    if (!c.optedOutAt) continue;
    const sms = convos.received(c.id, "STOP", c.optedOutAt, convos.staffReplyAfter(c.optedOutAt, rand));
    convos.sent(
      c.id,
      "KEYWORD_REPLY",
      stopReplyBody(convos.input.book.salon.name),
      new Date(c.optedOutAt.getTime() + ACTED_AFTER_MS),
      { key: inboundReplyKey(sms) },
    );
    convos.used.add(c.id);
  }
}

/**
 * R: one coming appointment, never the first the Appointments page offers a "Send reminder" for (the
 * e2e reschedule spec texts R for that one and expects it unflagged), whose customer texted R today
 * or lately. Bolt noted it, told the front desk and answered; the R waits unread for staff.
 */
function rescheduleRequest(convos: Conversations, rand: Rand) {
  const { now } = convos.clock;
  const { appointments, salon, book } = convos.input;
  const textable = appointments
    .filter((a) => a.startsAt > now && (a.status === "BOOKED" || a.status === "CONFIRMED"))
    .filter((a) => convos.customer(a.customerId).optedOutAt === null)
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1));
  for (const target of textable.slice(2)) {
    if (!convos.isFree(target.customerId)) continue;
    const from = new Date(convos.lastTextTo(target.customerId).getTime() + 5 * MINUTE);
    // By 8:45 PM, so the front desk's alert (held by quiet hours) is out before the seed.
    const at = momentBetween(convos.clock, rand, from, new Date(now.getTime() - 10 * MINUTE), {
      latest: true,
      window: { earliest: 8 * 60, latest: 20 * 60 + 45 },
    });
    if (!at || convos.nextAppointment(target.customerId, at)?.id !== target.id) continue;
    const c = convos.customer(target.customerId);
    const sms = convos.received(c.id, "R", at, null);
    target.rescheduleRequestedAt = at;
    const alertAt = new Date(at.getTime() + ACTED_AFTER_MS / 2);
    convos.texts.push(
      buildDemoText({
        salonId: book.salon.id,
        kind: "STAFF_ALERT",
        body: composeSmsBody({
          salonName: book.salon.name,
          body: rescheduleAlertBody(c, convos.describe(target, at), true),
        }),
        destination: salon.forwardingPhone,
        recipientKind: "OTHER",
        appointmentId: target.id,
        key: inboundStaffAlertKey(sms),
        queuedAt: alertAt,
        sendAt: sendableAt(convos.clock, alertAt),
        outcome: { status: "DELIVERED" },
      }),
    );
    convos.sent(c.id, "APPOINTMENT_REPLY", RESCHEDULE_REPLY, new Date(at.getTime() + ACTED_AFTER_MS), {
      key: inboundReplyKey(sms),
    });
    convos.used.add(c.id);
    return;
  }
}

/** C: a few customers answered their 24-hour reminder; Bolt confirmed the appointment and said so. */
function confirmations(convos: Conversations, rand: Rand) {
  const { now } = convos.clock;
  const { appointments, texts } = convos.input;
  const byId = new Map(appointments.map((a) => [a.id, a]));
  const reminders = texts
    .map((t) => ({ t: t.notification, a: byId.get(t.notification.appointmentId ?? "") }))
    .filter(
      ({ t, a }) =>
        t.kind === "REMINDER" &&
        t.status === "DELIVERED" &&
        a &&
        t.scheduledFor &&
        a.startsAt.getTime() - new Date(t.scheduledFor).getTime() >= 12 * 60 * MINUTE,
    )
    // Coming appointments first (their "Confirmed" shows on the Appointments page), latest reminders first.
    .sort(
      (x, y) =>
        Number((y.a as DemoAppointment).endsAt > now) - Number((x.a as DemoAppointment).endsAt > now) ||
        y.t.createdAt.getTime() - x.t.createdAt.getTime(),
    );
  let confirmed = 0;
  for (const { t, a } of reminders) {
    if (confirmed >= 3 || !a || !convos.isFree(a.customerId)) continue;
    const sentAt = t.createdAt.getTime();
    const until = Math.min(
      sentAt + 90 * MINUTE,
      a.startsAt.getTime() - 30 * MINUTE,
      now.getTime() - 5 * MINUTE,
    );
    const at = momentBetween(convos.clock, rand, new Date(sentAt + 3 * MINUTE), new Date(until));
    if (!at || convos.nextAppointment(a.customerId, at)?.id !== a.id) continue;
    const acted = new Date(at.getTime() + ACTED_AFTER_MS);
    // C is handled completely by Bolt: the text is read once it is answered.
    const sms = convos.received(a.customerId, "C", at, acted);
    if (a.status === "BOOKED") a.status = "CONFIRMED";
    a.confirmedAt = new Date(at.getTime() + ACTED_AFTER_MS / 2);
    convos.sent(
      a.customerId,
      "APPOINTMENT_REPLY",
      confirmReplyBody(convos.describe(a, at)),
      acted,
      { key: inboundReplyKey(sms) },
    );
    convos.used.add(a.customerId);
    confirmed++;
  }
}

/** "Running late": texted shortly before a recent appointment; the auto-reply, then a stylist's answer. */
function runningLate(convos: Conversations, rand: Rand) {
  const { now } = convos.clock;
  const recent = convos.input.appointments
    .filter(
      (a) =>
        a.startsAt.getTime() < now.getTime() - 30 * MINUTE &&
        a.startsAt.getTime() > now.getTime() - 6 * 24 * 60 * MINUTE,
    )
    .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime());
  for (const a of recent) {
    if (!convos.isFree(a.customerId)) continue;
    const at = new Date(a.startsAt.getTime() - between(rand, 8, 20) * MINUTE - between(rand, 0, 59) * 1000);
    // Not before the quiet hours end (the stylist's answer would wait), and about this appointment.
    if (sendableAt(convos.clock, at) > at || convos.nextAppointment(a.customerId, at)?.id !== a.id) continue;
    const answeredAt = new Date(at.getTime() + between(rand, 60, 200) * 1000);
    convos.received(a.customerId, "Running 10 min late, sorry!", at, answeredAt);
    convos.autoReply(a.customerId, new Date(at.getTime() + ACTED_AFTER_MS));
    convos.sent(a.customerId, "CUSTOM", "No problem, see you soon!", answeredAt, {
      by: convos.input.salon.staffId,
    });
    convos.used.add(a.customerId);
    return;
  }
}

/** Customers with nothing booked from now on: the ones asking about prices and openings. */
function unbooked(convos: Conversations): string[] {
  const { now } = convos.clock;
  const booked = new Set(convos.input.appointments.filter((a) => a.endsAt > now).map((a) => a.customerId));
  return [...convos.input.book.customers.keys()].filter((id) => !booked.has(id) && convos.isFree(id));
}

/** An evening price question: the auto-reply at once, the owner's answer next morning, a thank-you. */
function priceQuestion(convos: Conversations, rand: Rand, price: string) {
  const customerId = unbooked(convos)[0];
  if (!customerId) return;
  const evening = { earliest: 19 * 60 + 15, latest: 21 * 60 + 30 };
  for (const day of [-2, -3, -4, -5]) {
    const at = momentBetween(
      convos.clock,
      rand,
      wallTime(convos.clock, day, 0),
      wallTime(convos.clock, day + 1, 0),
      { window: evening },
    );
    const answeredAt = at && convos.staffReplyAfter(at, rand);
    if (!at || !answeredAt) continue;
    const thanksAt = new Date(answeredAt.getTime() + between(rand, 4, 50) * MINUTE);
    if (thanksAt.getTime() + 60 * MINUTE >= convos.clock.now.getTime()) continue;
    const first = convos.customer(customerId).name.split(" ")[0];
    convos.received(customerId, "How much is a balayage?", at, answeredAt);
    convos.autoReply(customerId, new Date(at.getTime() + ACTED_AFTER_MS));
    convos.sent(
      customerId,
      "CUSTOM",
      `Hi ${first}! A balayage is ${price} and takes about 3 hours, toner and blow-dry included. Would you like me to find you a time?`,
      answeredAt,
      { by: convos.input.salon.ownerId },
    );
    convos.received(
      customerId,
      "Great, thank you! I'll check my calendar and book online.",
      thanksAt,
      new Date(thanksAt.getTime() + between(rand, 10, 55) * MINUTE),
    );
    convos.used.add(customerId);
    return;
  }
}

/** A question from the last hours that nobody has answered yet: unread, with the auto-reply. */
function openQuestion(convos: Conversations, rand: Rand) {
  const customerId = unbooked(convos)[0];
  const { now } = convos.clock;
  const at = momentBetween(
    convos.clock,
    rand,
    new Date(now.getTime() - 20 * 60 * MINUTE),
    new Date(now.getTime() - 5 * MINUTE),
    { latest: true },
  );
  if (!customerId || !at) return;
  convos.received(customerId, "Hi! Do you have anything open Saturday morning?", at, null);
  convos.autoReply(customerId, new Date(at.getTime() + ACTED_AFTER_MS));
  convos.used.add(customerId);
}

export function buildDemoConversations(input: ConversationsInput & { balayagePrice: string }) {
  const convos = new Conversations(input);
  const { rand } = input;
  stop(convos, rand);
  rescheduleRequest(convos, rand);
  confirmations(convos, rand);
  runningLate(convos, rand);
  priceQuestion(convos, rand, input.balayagePrice);
  openQuestion(convos, rand);
  return { inboundMessages: convos.inbound, texts: convos.texts, marks: convos.marks };
}
