// Why a text is held back just before it goes out, in one place. In order:
//  1. every text (checkRow): still waiting to be sent; the customer hasn't opted out (except the kinds
//     isAllowedWhenOptedOut lets through: the answer to STOP/START/HELP); the salon has a number; not
//     quiet hours in the salon's zone (except the replies waitsForQuietHours exempts: it waits till morning);
//  2. its kind's own checks (CHECKS_BY_KIND), which may cancel it or re-word it for the moment it goes out;
//  3. per batch, the monthly quota (lib/messaging/quota.ts).
// A customer's first text ever also gets the opt-out line here.
import type { NotificationKind } from "@/lib/generated/prisma/client";
import { checkMissedCallTextBeforeSend } from "@/lib/calls/missed-call-send-check";
import { mapLimit } from "@/lib/jobs/map-limit";
import { isLanguage } from "@/lib/i18n/language";
import { composeSmsBody, hasOptOutFooter, withOptOutFooter } from "@/lib/messaging/compose";
import { checkConfirmationsBeforeSend } from "@/lib/messaging/confirmations";
import { isInQuietHours, nextSendableTime, waitsForQuietHours } from "@/lib/messaging/quiet-hours";
import { isAllowedWhenOptedOut } from "@/lib/messaging/opt-out";
import { checkRemindersBeforeSend } from "@/lib/messaging/reminders";
import { NO_NUMBER_MESSAGE, OPTED_OUT_REASON } from "@/lib/messaging/send-sms";
import type { DeliveryRow } from "@/lib/messaging/delivery/delivery-store";
import type { PreSendDecision, PreSendInput } from "@/lib/messaging/delivery/delivery-types";
import { realTimeOf, salonClockTime } from "@/lib/time/clock";
import { checkWaitlistOffersBeforeSend } from "@/lib/waitlist/offer-send-check";

export type PreCheck =
  | { action: "skip"; reason: string }
  | { action: "retry"; reason: string }
  | { action: "cancel"; reason: string }
  | { action: "fail"; reason: string; from: "QUEUED" | "SENDING" }
  | { action: "defer"; until: Date }
  | { action: "send"; body: string };

/** Every verdict but "send": the text ends, waits or is left alone. */
export type StopVerdict = Exclude<PreCheck, { action: "send" }>;

/** The every-text checks (no I/O); null means "passes, on to its kind's checks". */
export function checkRow(row: DeliveryRow, now: Date): StopVerdict | null {
  if (row.status !== "QUEUED") {
    // SENDING without a SID: another worker is mid-call, or one died after claiming it. Only Twilio
    // knows whether it went out, so the worker's sweep asks (settle-texts.ts); this job leaves it.
    if (row.status === "SENDING" && !row.providerMessageId)
      return { action: "skip", reason: "being sent, or its fate is being settled with Twilio" };
    return { action: "skip", reason: `already ${row.status}` };
  }
  if (row.customer?.smsConsent === "OPTED_OUT" && !isAllowedWhenOptedOut(row.kind))
    return { action: "cancel", reason: OPTED_OUT_REASON };
  if (!row.salon.twilioNumber) return { action: "fail", reason: NO_NUMBER_MESSAGE, from: "QUEUED" };
  const salonTime = salonClockTime(now);
  if (waitsForQuietHours(row.kind) && isInQuietHours(salonTime, row.salon))
    return { action: "defer", until: realTimeOf(nextSendableTime(salonTime, row.salon)) };
  return null;
}

/** One of a kind's checks: decides for a batch of its texts at once (one query for 50 reminders). */
export type PreSendCheck = {
  /** What it makes sure of, in words (tests and readers). */
  name: string;
  /** One decision per text, in order. */
  decide: (texts: PreSendInput[]) => Promise<PreSendDecision[]>;
};

/** Per-text checks run this many at a time within a batch. */
const CHECK_CONCURRENCY = 16;

function eachText(decide: (text: PreSendInput) => Promise<PreSendDecision>): PreSendCheck["decide"] {
  return (texts) => mapLimit(texts, CHECK_CONCURRENCY, decide);
}

const appointmentStillOnAtThatTime: PreSendCheck = {
  name: "its appointment is still on, not started, at the time it was made for; worded for now",
  decide: checkRemindersBeforeSend,
};
const appointmentStillOn: PreSendCheck = {
  name: "its appointment is still on and not started; worded for now",
  decide: checkConfirmationsBeforeSend,
};
const waitlistOfferStillOpen: PreSendCheck = {
  name: "its waitlist offer is still open: not taken by another answer, not expired",
  decide: checkWaitlistOffersBeforeSend,
};
const callerNotInTouchSince: PreSendCheck = {
  name: "the caller hasn't got through since (answered call, voicemail or text)",
  decide: eachText(checkMissedCallTextBeforeSend),
};

/** Each kind's own checks, run in order after the every-text checks; the first cancel wins. */
export const CHECKS_BY_KIND: Record<NotificationKind, readonly PreSendCheck[]> = {
  REMINDER: [appointmentStillOnAtThatTime],
  CONFIRMATION: [appointmentStillOn],
  MISSED_CALL: [callerNotInTouchSince],
  CUSTOM: [],
  AUTO_REPLY: [],
  KEYWORD_REPLY: [],
  APPOINTMENT_REPLY: [],
  BOOKING_INFO: [],
  EMPLOYEE_BOOKING: [],
  STAFF_ALERT: [],
  WAITLIST_OFFER: [waitlistOfferStillOpen],
  MEMBER_ALERT: [],
};

/** Runs each text's kind checks (texts grouped by kind); one decision per text, in order. */
export async function runKindChecks(
  texts: PreSendInput[],
  checksByKind: Record<NotificationKind, readonly PreSendCheck[]> = CHECKS_BY_KIND,
): Promise<PreSendDecision[]> {
  const decisions = new Array<PreSendDecision>(texts.length).fill({});
  const byKind = new Map<NotificationKind, number[]>();
  texts.forEach((text, i) => {
    const indexes = byKind.get(text.kind);
    if (indexes) indexes.push(i);
    else byKind.set(text.kind, [i]);
  });
  for (const [kind, indexes] of byKind) {
    let open = indexes;
    for (const check of checksByKind[kind]) {
      if (open.length === 0) break;
      const results = await check.decide(open.map((i) => texts[i] as PreSendInput));
      if (results.length !== open.length)
        throw new Error(`pre-send check "${check.name}" answered ${results.length} of ${open.length}`);
      open.forEach((i, j) => {
        const result = results[j] as PreSendDecision;
        // A cancel ends it; a new body replaces any earlier one.
        if ("cancel" in result || result.body) decisions[i] = result;
      });
      open = open.filter((i) => !("cancel" in (decisions[i] as PreSendDecision)));
    }
  }
  return decisions;
}

function checkInput(row: DeliveryRow, now: Date): PreSendInput {
  return {
    id: row.id,
    salonId: row.salonId,
    kind: row.kind,
    body: row.body,
    destination: row.destination,
    appointmentId: row.appointmentId,
    customerId: row.customerId,
    employeeId: row.employeeId,
    scheduledFor: row.scheduledFor,
    createdAt: row.createdAt,
    salon: { id: row.salon.id, name: row.salon.name, timeZone: row.salon.timeZone },
    now,
  };
}

/** The kind checks for the rows that passed checkRow, and the first text's opt-out line; one verdict per row. */
export async function checkByKind(rows: DeliveryRow[], now: Date): Promise<PreCheck[]> {
  const decisions = await runKindChecks(rows.map((row) => checkInput(row, now)));
  return rows.map((row, i) => {
    const decision = decisions[i] ?? {};
    if ("cancel" in decision) return { action: "cancel", reason: decision.cancel };
    let body = decision.body ? composeSmsBody({ salonName: row.salon.name, body: decision.body }) : row.body;
    // The customer's first text ever carries the opt-out line, even if it was composed before.
    const firstText =
      row.customer && row.customer.firstTextedAt === null && row.customer.smsConsent === "OPTED_IN";
    if (firstText && !hasOptOutFooter(body)) body = withOptOutFooter(body, isLanguage(row.customer?.language) ? row.customer.language : null);
    return { action: "send", body };
  });
}
