// Words for notification enums, shared by the table, its filters, the detail page and the forms.
// Client-safe (no server imports).
import type { NotificationChannel, NotificationKind, NotificationStatus } from "@/lib/generated/prisma/enums";

export const STATUS_LABELS: Record<NotificationStatus, string> = {
  QUEUED: "Queued",
  SENDING: "Sending",
  SENT: "Sent",
  DELIVERED: "Delivered",
  UNDELIVERED: "Undelivered",
  FAILED: "Failed",
  CANCELED: "Canceled",
};

export const KIND_LABELS: Record<NotificationKind, string> = {
  CUSTOM: "Custom text",
  CONFIRMATION: "Confirmation",
  REMINDER: "Reminder",
  AUTO_REPLY: "Auto-reply",
  MISSED_CALL: "Missed-call text",
  KEYWORD_REPLY: "Keyword reply",
  APPOINTMENT_REPLY: "Confirm/reschedule reply",
  BOOKING_INFO: "Booking info",
  EMPLOYEE_BOOKING: "Booking alert to staff",
  STAFF_ALERT: "Staff alert",
  WAITLIST_OFFER: "Waitlist offer",
  MEMBER_ALERT: "Alert to a team member",
};

export const CHANNEL_LABELS: Record<NotificationChannel, string> = { SMS: "Text", EMAIL: "Email" };

/** Filter choices; "FAILED,UNDELIVERED" covers every text that didn't arrive. */
export const STATUS_FILTER_OPTIONS: Array<{ value: string; label: string }> = [
  { value: "FAILED,UNDELIVERED", label: "Didn't arrive (failed or undelivered)" },
  ...(Object.keys(STATUS_LABELS) as NotificationStatus[]).map((s) => ({ value: s, label: STATUS_LABELS[s] })),
];
