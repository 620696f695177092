// Which salon owns a Twilio number — asked by every webhook, so answers are cached in-process for a
// short while (a changed greeting or a newly bought number shows up within CACHE_MS on every instance).
import { db } from "@/lib/db";
import type { SubscriptionStatus } from "@/lib/generated/prisma/client";

const CACHE_MS = 30_000;
const MAX_ENTRIES = 5_000;

export const webhookSalonSelect = {
  id: true,
  name: true,
  timeZone: true,
  businessHours: true,
  addressLine1: true,
  addressLine2: true,
  city: true,
  region: true,
  postalCode: true,
  country: true,
  forwardingPhone: true,
  greeting: true,
  greetingEs: true,
  autoReply: true,
  autoReplyEs: true,
  bookingInstructions: true,
  directions: true,
  twilioAccountSid: true,
  twilioNumber: true,
  subscriptionStatus: true,
} as const;

export type WebhookSalon = {
  id: string;
  name: string;
  timeZone: string;
  businessHours: unknown;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  region: string | null;
  postalCode: string | null;
  country: string;
  forwardingPhone: string | null;
  greeting: string | null;
  /** The owner's Spanish greeting and auto-reply (null: Bolt's default Spanish wording). */
  greetingEs: string | null;
  autoReply: string | null;
  autoReplyEs: string | null;
  bookingInstructions: string | null;
  /** Directions or parking, said after the address. */
  directions: string | null;
  twilioAccountSid: string | null;
  twilioNumber: string | null;
  /** Paused or ended subscriptions get fixed answers instead of the receptionist (receptionist/subscription-answers.ts). */
  subscriptionStatus: SubscriptionStatus;
};

// The promise is cached, so a burst of calls to a cold number costs one query, not one per call.
const cache = new Map<string, { expires: number; salon: Promise<WebhookSalon | null> }>();

export function findSalonByNumber(e164: string, now = Date.now()): Promise<WebhookSalon | null> {
  const hit = cache.get(e164);
  if (hit && hit.expires > now) return hit.salon;

  // An async wrapper turns Prisma's lazy query into an ordinary promise that runs once, whoever awaits it.
  const salon = (async () => db.salon.findUnique({ where: { twilioNumber: e164 }, select: webhookSalonSelect }))();
  // A failed lookup must not be remembered: drop it so the next webhook asks again.
  salon.catch(() => cache.delete(e164));
  if (cache.size >= MAX_ENTRIES) cache.clear();
  cache.set(e164, { expires: now + CACHE_MS, salon });
  return salon;
}

/** Forget cached answers (after settings or number changes in this process, and in tests). */
export function clearSalonNumberCache(e164?: string): void {
  if (e164) cache.delete(e164);
  else cache.clear();
}
