// Words for calls, shared by the table, its filters and the call's page. Client-safe.
// A call's *outcome* is what the salon cares about (did someone get through?); Twilio's status is how
// the line ended, kept for the filter and the details.
import { isFinalCallStatus } from "@/lib/calls/call-status";
import type { CallReason, CallStatus } from "@/lib/generated/prisma/enums";

export const REASON_LABELS: Record<CallReason, string> = {
  HOURS: "Hours",
  ADDRESS: "Address",
  PRICES: "Prices",
  BOOKING: "Booking",
  TRANSFER: "Wanted a person",
  VOICEMAIL: "Voicemail",
  UNKNOWN: "Not understood",
};

export const CALL_STATUS_LABELS: Record<CallStatus, string> = {
  QUEUED: "Queued",
  RINGING: "Ringing",
  IN_PROGRESS: "In progress",
  COMPLETED: "Completed",
  BUSY: "Line busy",
  NO_ANSWER: "No answer",
  FAILED: "Failed",
  CANCELED: "Hung up before answer",
};

export type CallOutcome = "in_progress" | "answered" | "voicemail" | "handled" | "missed";

export const OUTCOME_LABELS: Record<CallOutcome, string> = {
  in_progress: "In progress",
  answered: "Answered",
  voicemail: "Voicemail",
  handled: "Answered by Bolt",
  missed: "Missed",
};

// Questions the receptionist answers by itself: a caller who heard the hours wasn't missed.
const SELF_SERVE: readonly CallReason[] = ["HOURS", "ADDRESS", "PRICES", "BOOKING"];

export function callOutcome(call: {
  status: CallStatus;
  reason: CallReason | null;
  answeredAt: Date | string | null;
  recordingSid: string | null;
  /** Only the call's page knows it; a transcript means a message was left even if the recording is pending. */
  transcription?: string | null;
}): CallOutcome {
  if (call.answeredAt) return "answered";
  if (call.recordingSid || call.transcription) return "voicemail";
  if (!isFinalCallStatus(call.status)) return "in_progress";
  if (call.status === "COMPLETED" && call.reason && SELF_SERVE.includes(call.reason)) return "handled";
  return "missed";
}
