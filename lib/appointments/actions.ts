"use server";
// "Send confirmation" / "Send reminder" on the appointments page: staff and owners, one text now
// through the same functions as the API (they refuse cancelled or past appointments with a 409).
import { revalidatePath } from "next/cache";
import { salonAction, type ActionResult } from "@/lib/api/salon-action";
import type { Notification } from "@/lib/generated/prisma/client";
import { sendAppointmentConfirmation } from "@/lib/messaging/confirmations";
import { sendAppointmentReminder } from "@/lib/messaging/reminders";
import { appointmentMessageSchema } from "@/lib/validations/messaging";

export type AppointmentTextResult = { notificationId: string };

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

export const sendReminderAction = salonAction<typeof appointmentMessageSchema, AppointmentTextResult>(
  appointmentMessageSchema,
  async ({ appointmentId }, ctx) =>
    outcome(
      await sendAppointmentReminder(ctx.salonId, appointmentId, { createdByUserId: ctx.userId }),
      "reminder",
    ),
);
