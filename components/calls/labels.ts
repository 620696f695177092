// Words for calls, shared by the table, its filters and the call's page. Client-safe.
// A call's *outcome* is what the salon cares about (did someone get through?) and what the Calls page
// filters by; Twilio's status is how the line ended, kept for the details and the API.
// The outcome itself is decided in lib/calls/call-outcome.ts, which the missed-call text-back uses too.
import type { CallOutcome } from "@/lib/calls/call-outcome";
import type { CallReason, CallStatus } from "@/lib/generated/prisma/enums";

export const REASON_LABELS: Record<CallReason, string> = {
  HOURS: "Hours",
  ADDRESS: "Address",
  PRICES: "Prices",
  BOOKING: "Booking",
  RESCHEDULE: "Move appointment",
  CANCEL: "Cancel appointment",
  CONFIRM: "Confirm appointment",
  WAITLIST: "Waitlist",
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

// In the outcome filter's order: the calls someone should act on first.
export const OUTCOME_LABELS: Record<CallOutcome, string> = {
  MISSED: "Missed",
  VOICEMAIL: "Voicemail",
  BOOKED_BY_BOLT: "Booked by Bolt",
  ANSWERED_BY_BOLT: "Answered by Bolt",
  ANSWERED_BY_STAFF: "Answered by staff",
  IN_PROGRESS: "In progress",
};

/** The follow-up lists' assignee filter (?assignee=; a member's id works in a link too). */
export const ASSIGNEE_LABELS: Record<"me" | "none", string> = {
  me: "Me",
  none: "Nobody",
};

/** The Calls list's follow-up filter (?followUp=). */
export const FOLLOW_UP_LABELS: Record<"open" | "handled", string> = {
  open: "Needs follow-up",
  handled: "Followed up",
};
