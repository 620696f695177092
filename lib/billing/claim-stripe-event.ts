// Each Stripe event id is handled once, without a transaction held open while it is handled: the
// event's webhook_events row is the claim. Inserted (the unique (provider, eventId) index decides
// between concurrent deliveries) and committed at once; marked processed when handled; deleted when
// handling fails, so Stripe's redelivery finds the event new. A concurrent delivery of the same event
// waits for the first to finish, then answers "duplicate" (or takes over if the first failed). A claim
// whose process died (never processed, never deleted) is taken over after CLAIM_LEASE_SECONDS.
import { ApiError } from "@/lib/api/errors";
import type { Stripe } from "@/lib/billing/stripe";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Longer than a handler can take (Stripe's 10 s timeout, one retry). */
const CLAIM_LEASE_SECONDS = 60;
const WAIT_STEP_MS = 100;
/** How long a second delivery waits for the first; then it asks Stripe to come back later. */
const WAIT_LIMIT_MS = 25_000;

export type Claim = { claimed: true } | { claimed: false; salonId: string | null };

const key = (eventId: string) => ({ provider_eventId: { provider: "STRIPE" as const, eventId } });

// A claim's time is its row's updatedAt, set from the `now` this delivery was given (one clock for
// setting and comparing it, whatever the database's clock says).
async function tryClaim(event: Stripe.Event, now: Date): Promise<Claim | "in progress"> {
  const { count } = await db.webhookEvent.createMany({
    data: [{ provider: "STRIPE", eventId: event.id, type: event.type, payload: event as unknown as Prisma.InputJsonValue, updatedAt: now }],
    skipDuplicates: true,
  });
  if (count === 1) return { claimed: true };
  const seen = await db.webhookEvent.findUnique({ where: key(event.id), select: { salonId: true, processedAt: true } });
  if (!seen) return "in progress"; // the first delivery just failed and let go: try again
  if (seen.processedAt) return { claimed: false, salonId: seen.salonId };
  const leaseStart = new Date(now.getTime() - CLAIM_LEASE_SECONDS * 1000);
  const takenOver = await db.$executeRaw`
    UPDATE "webhook_events" SET "updatedAt" = ${now}
    WHERE "provider" = 'STRIPE' AND "eventId" = ${event.id} AND "processedAt" IS NULL AND "updatedAt" < ${leaseStart}`;
  return takenOver === 1 ? { claimed: true } : "in progress";
}

export async function claimStripeEvent(event: Stripe.Event, now: Date): Promise<Claim> {
  for (let waited = 0; waited < WAIT_LIMIT_MS; waited += WAIT_STEP_MS) {
    const claim = await tryClaim(event, now);
    if (claim !== "in progress") return claim;
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
  // Not a 2xx: Stripe delivers the event again later.
  throw new ApiError({ code: "event_in_progress", status: 409, message: "This event is being handled; deliver it again later." });
}

export async function finishStripeEvent(eventId: string, input: { salonId: string | null; now: Date }): Promise<void> {
  await db.webhookEvent.update({ where: key(eventId), data: { salonId: input.salonId, processedAt: input.now } });
}

/** Handling failed: forget the claim so the redelivery handles the event afresh. */
export async function releaseStripeEvent(eventId: string): Promise<void> {
  await db.webhookEvent.deleteMany({ where: { provider: "STRIPE", eventId, processedAt: null } });
}
