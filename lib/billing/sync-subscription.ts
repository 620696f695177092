// Stores a salon's subscription as Stripe has it now. Events arrive late, twice and out of order, and
// an event's payload may be older than what is already stored; instead of comparing payloads, every
// event re-reads the subscription from Stripe. (Event `created` has one-second resolution: checkout's
// events share a second, so comparing them could not order those.)
//
// The re-read happens outside any transaction, so a slow Stripe holds no connection or lock. Order
// comes from a per-salon ticket instead: a sync takes the next ticket before it asks Stripe, and
// stores what it read only if its ticket is still the salon's latest. A stored read X is therefore
// replaced only by a sync whose ticket was taken after X was stored, i.e. whose read started after X's
// finished: never by older information. A sync overtaken by a later one stores nothing; the later one
// read Stripe after this one's ticket, and any change Stripe makes after that sends an event of its own.
import { getStripe } from "@/lib/billing/stripe";
import { ENDED_STATUSES, subscriptionFields } from "@/lib/billing/subscription-fields";
import { db } from "@/lib/db";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";

export type SyncResult = { salonId: string; previous: SubscriptionStatus; status: SubscriptionStatus } | null;

const SUBSCRIPTION_STATUS_CHANGED = "subscription.status_changed";

type SyncInput = { salonId: string; subscriptionId: string; eventId: string; now: Date };

/**
 * The salon's next sync ticket, or null when the event is about a subscription other than the live
 * one the salon has: a different subscription replaces the stored one only once that has ended (a
 * salon that re-subscribes); a stray event about an old or duplicate one leaves the live one alone.
 */
async function takeTicket(input: SyncInput): Promise<number | null> {
  const ended = [...ENDED_STATUSES];
  const rows = await db.$queryRaw<Array<{ ticket: number }>>`
    UPDATE "salons" SET "subscriptionSyncTicket" = "subscriptionSyncTicket" + 1
    WHERE "id" = ${input.salonId}
      AND ("stripeSubscriptionId" IS NULL OR "stripeSubscriptionId" = ${input.subscriptionId}
           OR "subscriptionStatus"::text = ANY(${ended}))
    RETURNING "subscriptionSyncTicket" AS ticket`;
  return rows[0]?.ticket ?? null;
}

export async function syncSubscription(input: SyncInput): Promise<SyncResult> {
  const ticket = await takeTicket(input);
  if (ticket === null) {
    logger.warn({ salonId: input.salonId, other: input.subscriptionId }, "stripe event about another subscription ignored");
    return null;
  }
  const fields = subscriptionFields(await getStripe().subscriptions.retrieve(input.subscriptionId));

  return db.$transaction(async (tx) => {
    // Row lock: a ticket taken now waits until this sync has stored (or not) what it read.
    const [salon] = await tx.$queryRaw<Array<{ subscriptionStatus: SubscriptionStatus; subscriptionSyncTicket: number }>>`
      SELECT "subscriptionStatus", "subscriptionSyncTicket" FROM "salons" WHERE "id" = ${input.salonId} FOR UPDATE`;
    if (!salon || salon.subscriptionSyncTicket !== ticket) {
      logger.info({ salonId: input.salonId, eventId: input.eventId, ticket }, "stripe sync overtaken by a later one; it stores the newer read");
      return null;
    }
    await tx.salon.update({ where: { id: input.salonId }, data: { ...fields, subscriptionSyncedAt: input.now } });
    const previous = salon.subscriptionStatus;
    if (previous !== fields.subscriptionStatus) {
      await tx.auditLog.create({
        data: {
          salonId: input.salonId,
          action: SUBSCRIPTION_STATUS_CHANGED,
          targetType: "Subscription",
          targetId: fields.stripeSubscriptionId,
          metadata: { from: previous, to: fields.subscriptionStatus, eventId: input.eventId },
        },
      });
    }
    return { salonId: input.salonId, previous, status: fields.subscriptionStatus };
  });
}
