// One line per appointment saying where its texts are: "Reminders: 24 h sent · 2 h scheduled for
// 8:00 AM (after quiet hours)". A waiting text shows when it will really go out, quiet hours included,
// not its planned moment. Server-side only (formats in the salon's zone); pure, so it is easy to reason about.
import type { AppointmentText, ComingAppointment } from "@/lib/appointments/list-coming-appointments";
import { expectedSendTime } from "@/lib/messaging/expected-send-time";
import type { SalonQuietHours } from "@/lib/messaging/quiet-hours";
import { describeSendTime } from "@/lib/messaging/time-text";

// Scheduled reminders carry "reminder:<appointment>:<startsAt ISO>:<offset minutes>:<version>" (lib/messaging/reminders.ts).
const REMINDER_KEY = /^reminder:[^:]+:(.+):(\d+):\d+$/;

function offsetLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  return `${Number((minutes / 60).toFixed(2))} h`;
}

function stateLabel(text: AppointmentText, now: Date, salon: SalonQuietHours): string {
  switch (text.status) {
    case "QUEUED": {
      const send = expectedSendTime(text, now, salon);
      if (send.at.getTime() <= now.getTime()) return "sending";
      const when = describeSendTime(send.at, now, salon.timeZone, "short");
      return `scheduled for ${when}${send.afterQuietHours ? " (after quiet hours)" : ""}`;
    }
    case "SENDING":
    case "SENT":
      return "sent";
    case "DELIVERED":
      return "delivered";
    case "UNDELIVERED":
    case "FAILED":
      return "failed";
    case "CANCELED":
      return "canceled";
  }
}

/** The reminder's offset, or null for one sent by hand. Reminders planned for an earlier time (moved) → undefined. */
function reminderOffset(text: AppointmentText, startsAt: Date): number | null | undefined {
  const match = REMINDER_KEY.exec(text.idempotencyKey ?? "");
  if (!match) return null;
  if (new Date(match[1] ?? "").getTime() !== startsAt.getTime()) return undefined;
  return Number(match[2]);
}

export type TextState = { reminders: string; confirmation: string | null; hasFailure: boolean };

export function describeTextState(appt: ComingAppointment, now: Date, salon: SalonQuietHours): TextState {
  const parts: string[] = [];
  let hasFailure = false;
  for (const text of appt.notifications) {
    if (text.kind !== "REMINDER") continue;
    const offset = reminderOffset(text, appt.startsAt);
    if (offset === undefined) continue;
    const state = stateLabel(text, now, salon);
    hasFailure ||= state === "failed";
    parts.push(offset === null ? `sent by hand (${state})` : `${offsetLabel(offset)} ${state}`);
  }
  const confirmation = appt.notifications.filter((t) => t.kind === "CONFIRMATION").at(-1);
  const confirmationState = confirmation ? stateLabel(confirmation, now, salon) : null;
  hasFailure ||= confirmationState === "failed";
  return {
    reminders: parts.length ? `Reminders: ${parts.join(" · ")}` : "Reminders: none scheduled",
    confirmation: confirmationState ? `Confirmation ${confirmationState}` : null,
    hasFailure,
  };
}
