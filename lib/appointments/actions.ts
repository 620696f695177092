"use server";
// "Send confirmation" / "Send reminder" on the appointments page: staff and owners, one text now
// through the same functions as the API (they refuse cancelled or past appointments with a 409). A
// reminder is sent once however the button is clicked (lib/appointments/send-reminder-once.ts).
import { revalidatePath } from "next/cache";
import { ApiError } from "@/lib/api/errors";
import { salonAction, type ActionResult } from "@/lib/api/salon-action";
import { sendReminderOnce } from "@/lib/appointments/send-reminder-once";
import { formatTime } from "@/lib/format";
import type { Notification } from "@/lib/generated/prisma/client";
import { sendAppointmentConfirmation } from "@/lib/messaging/confirmations";
import { salonTimeZoneOf } from "@/lib/salons/salon-time-zone";
import { systemClock } from "@/lib/time/clock";
import { appointmentMessageSchema, appointmentReminderFormSchema } from "@/lib/validations/messaging";

/**
 * `confirmRepeat` instead of a text: a reminder went out within the hour, and the page asks this
 * question before sending another (with repeat=1). Not an error: nothing failed, nothing was sent.
 */
export type AppointmentTextResult = { notificationId?: string; confirmRepeat?: { question: string; after: string } };

function outcome(notification: Notification, what: string): ActionResult<AppointmentTextResult> {
  revalidatePath("/appointments");
  revalidatePath("/notifications");
  // An opted-out customer's text is recorded as CANCELED rather than sent.
  if (notification.status === "CANCELED")
    return { ok: false, error: notification.failureReason ?? `The ${what} was not sent.` };
  return {
    ok: true,
    message: `${what[0]?.toUpperCase()}${what.slice(1)} queued`,
    data: { notificationId: notification.id },
  };
}

export const sendConfirmationAction = salonAction<typeof appointmentMessageSchema, AppointmentTextResult>(
  appointmentMessageSchema,
  async ({ appointmentId }, ctx) =>
    outcome(
      await sendAppointmentConfirmation(ctx.salonId, appointmentId, { createdByUserId: ctx.userId }),
      "confirmation",
    ),
);

export const sendReminderAction = salonAction<typeof appointmentReminderFormSchema, AppointmentTextResult>(
  appointmentReminderFormSchema,
  async ({ appointmentId, repeatAfter }, ctx) => {
    try {
      const sent = await sendReminderOnce(ctx.salonId, appointmentId, { createdByUserId: ctx.userId, repeatAfter, now: systemClock() });
      return outcome(sent, "reminder");
    } catch (err) {
      if (!(err instanceof ApiError && err.code === "reminder_recently_sent")) throw err;
      const { sentAt, notificationId } = err.details as { sentAt: string; notificationId: string };
      const at = formatTime(new Date(sentAt), await salonTimeZoneOf(ctx.salonId));
      return { ok: true, data: { confirmRepeat: { question: `A reminder was sent at ${at} — send another?`, after: notificationId } } };
    }
  },
);
