// Twilio's status words in Bolt's own values, translated here at the edge so that nothing outside
// lib/telephony stores or switches on Twilio's: a call's CallStatus, a dialled leg's DialCallStatus
// and a message's MessageStatus. Anything unrecognised maps to "don't know" rather than a guess.
import type { TransferResult } from "@/lib/calls/call-events";
import type { CallStatus, NotificationStatus } from "@/lib/generated/prisma/enums";

const CALL_STATUSES: Record<string, CallStatus> = {
  queued: "QUEUED",
  initiated: "QUEUED",
  ringing: "RINGING",
  "in-progress": "IN_PROGRESS",
  answered: "IN_PROGRESS",
  completed: "COMPLETED",
  busy: "BUSY",
  "no-answer": "NO_ANSWER",
  failed: "FAILED",
  canceled: "CANCELED",
};

/** Twilio's CallStatus as Bolt's call status; null for a value Bolt doesn't know (ignored, not guessed). */
export function mapTwilioCallStatus(value: string | undefined): CallStatus | null {
  return value !== undefined && Object.hasOwn(CALL_STATUSES, value) ? CALL_STATUSES[value]! : null;
}

// "completed": the dialled phone picked up and was connected (whoever or whatever answered);
// "answered" is the same for a dialled conference.
const DIAL_RESULTS: Record<string, TransferResult> = {
  completed: "PICKED_UP",
  answered: "PICKED_UP",
  "no-answer": "NO_ANSWER",
  busy: "BUSY",
  failed: "FAILED",
  canceled: "CANCELED",
};

/** How the dialled leg of a transfer ended, from Twilio's DialCallStatus (UNKNOWN when absent or new). */
export function mapDialCallStatus(value: string | undefined): TransferResult {
  return value !== undefined && Object.hasOwn(DIAL_RESULTS, value) ? DIAL_RESULTS[value]! : "UNKNOWN";
}

// "accepted"/"scheduled"/"queued" mean Twilio holds the message: still SENDING for Bolt.
const MESSAGE_STATUSES: Record<string, NotificationStatus> = {
  accepted: "SENDING",
  scheduled: "SENDING",
  queued: "SENDING",
  sending: "SENDING",
  sent: "SENT",
  delivered: "DELIVERED",
  read: "DELIVERED",
  undelivered: "UNDELIVERED",
  failed: "FAILED",
  canceled: "CANCELED",
};

/** Twilio's MessageStatus as Bolt's notification status; null for a value Bolt doesn't know. */
export function mapTwilioMessageStatus(value: string | undefined): NotificationStatus | null {
  return value !== undefined && Object.hasOwn(MESSAGE_STATUSES, value) ? MESSAGE_STATUSES[value]! : null;
}
