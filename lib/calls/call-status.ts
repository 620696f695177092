// Call statuses only move forward: queued → ringing → in-progress → one final status. Status reports
// can arrive late or out of order; a stale "ringing" must never reopen a finished call. (Twilio's words
// become these in lib/telephony/statuses.ts.)
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
