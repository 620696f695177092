// Hangs the appointment texts' last-moment checks on the delivery job: a reminder or confirmation
// whose booking was cancelled or moved is dropped, and its time text is worded for the send moment.
// The worker imports this module (registration happens on import); tests may call it again.
import { registerBeforeSendBatch } from "@/lib/messaging/before-send";
import { checkConfirmationsBeforeSend } from "@/lib/messaging/confirmations";
import { checkRemindersBeforeSend } from "@/lib/messaging/reminders";

export function registerAppointmentHooks(): void {
  // Batch hooks: one query per delivery batch (up to 50 texts), not one per text.
  registerBeforeSendBatch("REMINDER", checkRemindersBeforeSend);
  registerBeforeSendBatch("CONFIRMATION", checkConfirmationsBeforeSend);
}

registerAppointmentHooks();
