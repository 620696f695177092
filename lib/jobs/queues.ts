// Queue names, payloads and retry policy for every background job. One place, so the app
// (enqueueing) and the worker (consuming) can never disagree on a name or a payload shape.
import { createHash } from "node:crypto";

export const DELIVER_NOTIFICATION = "notification-deliver";

export type DeliverNotificationPayload = { notificationId: string; salonId: string };

/** Buying a salon's number (lib/phone-numbers/provision-number.ts); the number_provisionings row guards it. */
export const PROVISION_NUMBER = "number-provision";

export type ProvisionNumberPayload = { salonId: string };

/** Alerts to the team (lib/alerts/): one job per event fans out to the members who want it… */
export const DISPATCH_ALERT = "alert-dispatch";

export type DispatchAlertPayload = { salonId: string; event: string; ref: string };

/** …and one per member's push alert sends it, at the end of their quiet hours if need be. */
export const SEND_PUSH_ALERT = "alert-push";

export type SendPushAlertPayload = { pushAlertId: string };

export type QueueName = typeof DELIVER_NOTIFICATION | typeof PROVISION_NUMBER | typeof DISPATCH_ALERT | typeof SEND_PUSH_ALERT;

/** A failed purchase (Twilio down, no numbers for sale) is retried for about a day: 30 s doubling, up to an hour. */
const PROVISION_RETRY = {
  retryLimit: 30,
  retryDelay: 30,
  retryBackoff: true,
  retryDelayMax: 3600,
} as const;

/** Retry policy for deliveries: 429/5xx/timeouts throw and pg-boss retries with backoff (~2s, 4s, 8s…). */
export const DELIVERY_RETRY = {
  retryLimit: 5,
  retryDelay: 2,
  retryBackoff: true,
  retryDelayMax: 300,
} as const;

/** Queue definitions created at startup (pg-boss 12 needs createQueue before send/work). */
export const QUEUES: ReadonlyArray<{ name: QueueName; options: Record<string, number | boolean> }> = [
  // A delivery job never runs for long: one Twilio call. Expiry bounds a crashed worker's hold.
  {
    name: DELIVER_NOTIFICATION,
    options: { ...DELIVERY_RETRY, expireInSeconds: 120, deleteAfterSeconds: 7 * 86400, notify: true },
  },
  // A run is a few Twilio calls; expiry bounds a crashed worker's hold (the row's lease outlasts it).
  { name: PROVISION_NUMBER, options: { ...PROVISION_RETRY, expireInSeconds: 300, deleteAfterSeconds: 7 * 86400, notify: true } },
  { name: DISPATCH_ALERT, options: { ...DELIVERY_RETRY, expireInSeconds: 120, deleteAfterSeconds: 7 * 86400, notify: true } },
  { name: SEND_PUSH_ALERT, options: { ...DELIVERY_RETRY, expireInSeconds: 120, deleteAfterSeconds: 7 * 86400, notify: true } },
];

/**
 * Deterministic job id for one delivery attempt window, so enqueueing the same notification for the
 * same time twice (a retried request, an idempotent replay) inserts one job: pg-boss ignores id conflicts.
 */
export function deliveryJobId(notificationId: string, startAfter?: Date | null): string {
  return stableJobId(`${notificationId}:${startAfter ? startAfter.toISOString() : "now"}`);
}

/** The same job id for the same text, every time: a repeat insert of it is dropped (pg-boss ignores id conflicts). */
export function stableJobId(text: string): string {
  const hex = createHash("sha256").update(text).digest("hex");
  // Shape it as a version-4-looking UUID (the job id column is uuid).
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
