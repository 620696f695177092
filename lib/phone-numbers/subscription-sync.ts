// The contract with billing (lib/billing's Stripe webhook calls this after every status change): the
// salon's stored subscriptionStatus decides what happens to its number. ACTIVE/TRIALING → a number
// (bought by a queued job, or a scheduled release called off); CANCELED/INCOMPLETE_EXPIRED → the number
// is kept for the grace period, then released; PAST_DUE, UNPAID, PAUSED keep it; INCOMPLETE gets none yet.
// Idempotent: duplicate and late events re-run it harmlessly.
import { db } from "@/lib/db";
import type { SubscriptionStatus } from "@/lib/generated/prisma/client";
import { cancelRelease, scheduleRelease } from "@/lib/phone-numbers/release-number";
import { requestNumber, withdrawRequest } from "@/lib/phone-numbers/request-number";

const WITH_NUMBER: ReadonlySet<SubscriptionStatus> = new Set(["ACTIVE", "TRIALING"]);
const ENDED: ReadonlySet<SubscriptionStatus> = new Set(["CANCELED", "INCOMPLETE_EXPIRED"]);

/** Subscriptions a number is bought for. */
export function hasNumberSubscription(status: SubscriptionStatus): boolean {
  return WITH_NUMBER.has(status);
}

function subscriptionEnded(status: SubscriptionStatus): boolean {
  return ENDED.has(status);
}

export async function syncNumberWithSubscription(salonId: string, now: Date): Promise<void> {
  const salon = await db.salon.findUnique({ where: { id: salonId }, select: { subscriptionStatus: true, twilioNumber: true } });
  if (!salon) return;
  if (hasNumberSubscription(salon.subscriptionStatus)) {
    if (salon.twilioNumber) await cancelRelease(salonId);
    else await requestNumber(salonId, { now });
  } else if (subscriptionEnded(salon.subscriptionStatus)) {
    if (salon.twilioNumber) await scheduleRelease(salonId, now);
    else await withdrawRequest(salonId);
  }
}
