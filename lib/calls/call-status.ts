// Call statuses only move forward: queued → ringing → in-progress → one final status. Twilio's
// callbacks can arrive late or out of order; a stale "ringing" must never reopen a finished call.
import type { CallStatus } from "@/lib/generated/prisma/enums";

export const FINAL_CALL_STATUSES: CallStatus[] = ["COMPLETED", "BUSY", "NO_ANSWER", "FAILED", "CANCELED"];
const PROGRESS: CallStatus[] = ["QUEUED", "RINGING", "IN_PROGRESS"];

export function isFinalCallStatus(status: CallStatus): boolean {
  return FINAL_CALL_STATUSES.includes(status);
}

/** The statuses a call may be in for `to` to be a step forward (a final status replaces any progress). */
export function callStatusesBefore(to: CallStatus): CallStatus[] {
  if (isFinalCallStatus(to)) return PROGRESS;
  return PROGRESS.slice(0, PROGRESS.indexOf(to));
}

/** Twilio's CallStatus values in ours; anything unrecognised is ignored rather than guessed. */
export function mapTwilioCallStatus(value: string | undefined): CallStatus | null {
  switch (value) {
    case "queued":
    case "initiated":
      return "QUEUED";
    case "ringing":
      return "RINGING";
    case "in-progress":
    case "answered":
      return "IN_PROGRESS";
    case "completed":
      return "COMPLETED";
    case "busy":
      return "BUSY";
    case "no-answer":
      return "NO_ANSWER";
    case "failed":
      return "FAILED";
    case "canceled":
      return "CANCELED";
    default:
      return null;
  }
}
