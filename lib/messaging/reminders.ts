// Appointment reminders: one text per salon offset (default 24 h and 2 h before), queued when the
// appointment is booked or moved, cancelled when it is cancelled or moved, and re-checked and
// re-worded ("today at 3:30 PM") by its pre-send check at the moment the text actually goes out.
import { conflict } from "@/lib/api/errors";
import {
  findAppointmentsForMessaging,
  getAppointmentForMessaging,
  isLive,
  type AppointmentForMessaging,
} from "@/lib/appointments/get-appointment";
import type { Notification } from "@/lib/generated/prisma/client";
import type { PreSendDecision, PreSendInput } from "@/lib/messaging/delivery/delivery-types";
import { salonsWithNumber, sendSms, sendSmsBatch, type SendSmsInput } from "@/lib/messaging/send-sms";
import type { Language } from "@/lib/i18n/language";
import { textTemplates } from "@/lib/i18n/text-templates";
import { describeAppointmentTime } from "@/lib/messaging/time-text";

export const CANCELLED_REASON = "Appointment cancelled";
export const MOVED_REASON = "Appointment moved";
export const STARTED_REASON = "Appointment already started";
export const DELETED_REASON = "Appointment no longer exists";

type Wording = {
  salonName: string;
  timeZone: string;
  /** The customer's; null or absent: English. */
  language?: Language | null;
  serviceName?: string | null;
  employeeName?: string | null;
  startsAt: Date;
};

/** "your Haircut appointment with Ana" ("su cita de Haircut con Ana") — parts left out when the booking doesn't have them. */
export function describeBooking(w: Pick<Wording, "serviceName" | "employeeName" | "language">): string {
  return textTemplates(w.language).booking(w.serviceName, w.employeeName);
}

/** "<Salon>: Reminder: your <service> appointment with <employee> is today at 3:30 PM. Reply C…", in the customer's language. */
export function renderReminderBody(w: Wording, now: Date, describe = describeAppointmentTime): string {
  const language = w.language ?? "en";
  const when = describe(w.startsAt, now, w.timeZone, language);
  return textTemplates(language).reminder(w.salonName, describeBooking(w), when);
}

export function wordingOf(a: AppointmentForMessaging): Wording {
  return {
    salonName: a.salon.name,
    timeZone: a.salon.timeZone,
    serviceName: a.service?.name,
    employeeName: a.employee?.name,
    startsAt: a.startsAt,
    language: a.customer.language,
  };
}

/**
 * One key per (appointment, time, offset, version): scheduling the same state twice queues nothing
 * new, while moving an appointment away and back (a new updatedAt) gets fresh reminders.
 */
export function reminderKey(
  appointmentId: string,
  startsAt: Date,
  offsetMinutes: number,
  version: Date,
): string {
  return `reminder:${appointmentId}:${startsAt.toISOString()}:${offsetMinutes}:${version.getTime()}`;
}

/** The appointment time a scheduled reminder was made for, or null for a hand-sent one. */
export function reminderStartsAt(idempotencyKey: string | null): Date | null {
  const match = /^reminder:[^:]+:(.+):\d+:\d+$/.exec(idempotencyKey ?? "");
  const at = match?.[1] ? new Date(match[1]) : null;
  return at && !Number.isNaN(at.getTime()) ? at : null;
}

/** The reminder moments still ahead of `now`, one per distinct positive offset, earliest first. */
export function reminderTimes(
  startsAt: Date,
  offsetsMinutes: number[],
  now: Date,
): Array<{ offsetMinutes: number; at: Date }> {
  const offsets = [...new Set(offsetsMinutes.filter((m) => Number.isInteger(m) && m > 0))].sort(
    (a, b) => b - a,
  );
  return offsets
    .map((offsetMinutes) => ({ offsetMinutes, at: new Date(startsAt.getTime() - offsetMinutes * 60_000) }))
    .filter(({ at }) => at.getTime() > now.getTime());
}

/** Queues the appointment's reminders at the salon's offsets (only future ones; none if cancelled). */
export async function scheduleReminders(
  salonId: string,
  appointmentId: string,
  opts: { now?: Date } = {},
): Promise<Notification[]> {
  return scheduleRemindersFor([{ salonId, appointmentId }], opts);
}

/** Appointments looked up per statement when scheduling many (a booking import, the demo seed). */
const LOOKUP_BATCH = 1000;

/**
 * scheduleReminders for many appointments (any salons): a thousand appointments are read in one
 * statement and their reminders queued through sendSmsBatch, so queuing 10,000 takes a few seconds
 * rather than a minute. Unknown and cancelled appointments get none.
 */
export async function scheduleRemindersFor(
  appointments: Array<{ salonId: string; appointmentId: string }>,
  opts: { now?: Date } = {},
): Promise<Notification[]> {
  const now = opts.now ?? new Date();
  const describe = memoizedTimeText();
  const queued: Notification[] = [];
  for (let i = 0; i < appointments.length; i += LOOKUP_BATCH) {
    const found = await findAppointmentsForMessaging(appointments.slice(i, i + LOOKUP_BATCH));
    // A salon without a number gets no reminders (sendSmsBatch would refuse the whole batch); bookings still work.
    const textable = await salonsWithNumber(found.flatMap((a) => (a ? [a.salonId] : [])));
    const inputs = found.flatMap((appointment) =>
      appointment && isLive(appointment) && textable.has(appointment.salonId) ? reminderInputs(appointment, now, describe) : [],
    );
    queued.push(...(await sendSmsBatch(inputs)));
  }
  return queued;
}

/** One text per future reminder moment of the appointment. */
function reminderInputs(
  appointment: AppointmentForMessaging,
  now: Date,
  describe: typeof describeAppointmentTime,
): SendSmsInput[] {
  const wording = wordingOf(appointment);
  return reminderTimes(appointment.startsAt, appointment.salon.reminderOffsetsMinutes, now).map(
    ({ offsetMinutes, at }) => ({
      salonId: appointment.salonId,
      kind: "REMINDER",
      // Worded for the planned moment; the pre-send check re-words it for the actual one.
      body: renderReminderBody(wording, at, describe),
      to: { customerId: appointment.customerId },
      appointmentId: appointment.id,
      scheduledFor: at,
      idempotencyKey: reminderKey(appointment.id, appointment.startsAt, offsetMinutes, appointment.updatedAt),
    }),
  );
}

/** Throws 409 unless the appointment is still on and ahead — no texts about the past or the cancelled. */
export function assertTextable(appointment: AppointmentForMessaging, now: Date): void {
  if (!isLive(appointment)) {
    throw conflict(
      "appointment_not_active",
      `This appointment is ${appointment.status.toLowerCase()}; no text was sent.`,
    );
  }
  if (appointment.startsAt.getTime() <= now.getTime()) {
    throw conflict("appointment_in_past", "This appointment has already started; no text was sent.");
  }
}

export type SendOptions = { idempotencyKey?: string; createdByUserId?: string; now?: Date };

/** A reminder sent now by hand ("Send reminder" button, API). */
export async function sendAppointmentReminder(
  salonId: string,
  appointmentId: string,
  opts: SendOptions = {},
): Promise<Notification> {
  const appointment = await getAppointmentForMessaging(salonId, appointmentId);
  const now = opts.now ?? new Date();
  assertTextable(appointment, now);
  return sendSms({
    salonId,
    kind: "REMINDER",
    body: renderReminderBody(wordingOf(appointment), now),
    to: { customerId: appointment.customerId },
    appointmentId,
    createdByUserId: opts.createdByUserId,
    idempotencyKey: opts.idempotencyKey,
  });
}

/** Cancel reason when the appointment no longer warrants a text, else null. */
export function staleReason(appointment: AppointmentForMessaging | null, now: Date): string | null {
  if (!appointment) return DELETED_REASON;
  if (!isLive(appointment)) return CANCELLED_REASON;
  if (appointment.startsAt.getTime() <= now.getTime()) return STARTED_REASON;
  return null;
}

/** Looks up the appointments of a batch of texts; texts without one get null. */
export async function appointmentsOf(
  inputs: PreSendInput[],
): Promise<Array<AppointmentForMessaging | null | undefined>> {
  const withAppointment = inputs.flatMap((n, i) =>
    n.appointmentId
      ? [{ i, lookup: { salonId: n.salonId, appointmentId: n.appointmentId, notificationId: n.id } }]
      : [],
  );
  const found = await findAppointmentsForMessaging(withAppointment.map((w) => w.lookup));
  const byInput = new Array<AppointmentForMessaging | null | undefined>(inputs.length).fill(undefined);
  withAppointment.forEach((w, j) => (byInput[w.i] = found[j] ?? null));
  return byInput;
}

/**
 * The REMINDER pre-send check (lib/messaging/delivery/pre-send-checks.ts), for a whole delivery batch in one query: cancel a reminder whose
 * appointment was cancelled, moved or has started; otherwise re-word it for the moment it goes out.
 */
export async function checkRemindersBeforeSend(inputs: PreSendInput[]): Promise<PreSendDecision[]> {
  const appointments = await appointmentsOf(inputs);
  const describe = memoizedTimeText();
  return inputs.map((n, i) => {
    const appointment = appointments[i];
    if (appointment === undefined) return {}; // not about an appointment: nothing to re-check
    const stale = staleReason(appointment, n.now);
    if (stale || !appointment) return { cancel: stale ?? DELETED_REASON };
    const plannedFor = reminderStartsAt(appointment.notificationKey);
    if (plannedFor && plannedFor.getTime() !== appointment.startsAt.getTime())
      return { cancel: MOVED_REASON };
    return { body: renderReminderBody(wordingOf(appointment), n.now, describe) };
  });
}

/** Zone math is the costly part of wording; a burst of reminders shares a few (time, zone) pairs per batch. */
function memoizedTimeText(): typeof describeAppointmentTime {
  const cache = new Map<string, string>();
  return (startsAt, now, timeZone, language = "en") => {
    const key = `${new Date(startsAt).getTime()}|${new Date(now).getTime()}|${timeZone}|${language}`;
    let text = cache.get(key);
    if (text === undefined) {
      text = describeAppointmentTime(startsAt, now, timeZone, language);
      cache.set(key, text);
    }
    return text;
  };
}
