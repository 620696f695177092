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

export type TextState = {
  reminders: string;
  confirmation: string | null;
  hasFailure: boolean;
  /** A text is going out or waiting for its delivery report: the page refreshes until it settles. */
  inFlight: boolean;
};

// A carrier's delivery report normally follows within seconds; one that never comes mustn't keep the page polling.
const DELIVERY_REPORT_WAIT_MS = 10 * 60_000;

function isInFlight(text: AppointmentText, state: string, now: Date): boolean {
  if (state === "sending" || text.status === "SENDING") return true;
  const age = now.getTime() - text.createdAt.getTime();
  return text.status === "SENT" && age >= 0 && age < DELIVERY_REPORT_WAIT_MS;
}

export function describeTextState(appt: ComingAppointment, now: Date, salon: SalonQuietHours): TextState {
  const parts: string[] = [];
  let hasFailure = false;
  let inFlight = false;
  for (const text of appt.notifications) {
    if (text.kind !== "REMINDER") continue;
    const offset = reminderOffset(text, appt.startsAt);
    if (offset === undefined) continue;
    const state = stateLabel(text, now, salon);
    hasFailure ||= state === "failed";
    inFlight ||= isInFlight(text, state, now);
    parts.push(offset === null ? `sent by hand (${state})` : `${offsetLabel(offset)} ${state}`);
  }
  const confirmation = appt.notifications.filter((t) => t.kind === "CONFIRMATION").at(-1);
  const confirmationState = confirmation ? stateLabel(confirmation, now, salon) : null;
  hasFailure ||= confirmationState === "failed";
  if (confirmation && confirmationState) inFlight ||= isInFlight(confirmation, confirmationState, now);
  return {
    reminders: parts.length ? `Reminders: ${parts.join(" · ")}` : "Reminders: none scheduled",
    confirmation: confirmationState ? `Confirmation ${confirmationState}` : null,
    hasFailure,
    inFlight,
  };
}
