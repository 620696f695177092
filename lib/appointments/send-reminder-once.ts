// "Send reminder" on the appointments page, guarded against a double send. Two quick clicks (or two
// tabs) send one text: the send's idempotency key names the reminder before it (or "first"), so
// requests that saw the same history share one key and sendSms writes one text; a request that sees
// the other's text already there finds it in flight and asks instead. A click after a reminder went out
// in the last hour (or while one is still going out) asks first: 409 reminder_recently_sent, naming
// it; the page confirms ("A reminder was sent at 2:14 PM — send another?") and sends again with
// repeatAfter = that reminder, which only sends if it is still the latest (a racing confirm asks again).
import { ApiError } from "@/lib/api/errors";
import { salonDb } from "@/lib/db";
import type { Notification } from "@/lib/generated/prisma/client";
import { sendAppointmentReminder } from "@/lib/messaging/reminders";

/** How long after a reminder another needs a confirm. */
const REMINDER_REPEAT_WINDOW_MS = 60 * 60_000;

/** A reminder still going out: recent whatever its timestamps say. */
const IN_FLIGHT = ["QUEUED", "SENDING"];
/** One that went out. */
const WENT_OUT = ["SENT", "DELIVERED"];

/** `repeatAfter`: the reminder staff were asked about and confirmed sending another after. */
export type SendReminderOnceOptions = { createdByUserId?: string; repeatAfter?: string; now: Date };

/** The reminder staff last saw go out, or that is going out: scheduled ones still in the future aren't. */
async function latestReminder(salonId: string, appointmentId: string, now: Date) {
  return salonDb(salonId).notification.findFirst({
    where: { salonId, appointmentId, kind: "REMINDER", OR: [{ scheduledFor: null }, { scheduledFor: { lte: now } }] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, status: true, createdAt: true, scheduledFor: true, sentAt: true },
  });
}

export async function sendReminderOnce(salonId: string, appointmentId: string, opts: SendReminderOnceOptions): Promise<Notification> {
  const last = await latestReminder(salonId, appointmentId, opts.now);
  const lastAt = last ? (last.sentAt ?? last.scheduledFor ?? last.createdAt) : null;
  const recent =
    last &&
    lastAt &&
    (IN_FLIGHT.includes(last.status) || (WENT_OUT.includes(last.status) && opts.now.getTime() - lastAt.getTime() < REMINDER_REPEAT_WINDOW_MS));
  if (recent && opts.repeatAfter !== last.id) {
    throw new ApiError({
      code: "reminder_recently_sent",
      status: 409,
      message: "A reminder was sent less than an hour ago.",
      details: { sentAt: lastAt.toISOString(), notificationId: last.id },
    });
  }
  return sendAppointmentReminder(salonId, appointmentId, {
    createdByUserId: opts.createdByUserId,
    now: opts.now,
    idempotencyKey: `manual-reminder:${appointmentId}:after:${last?.id ?? "first"}`,
  });
}
