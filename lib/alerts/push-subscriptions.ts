// The browsers a member turned push alerts on in. Session only (an API key is no person to alert);
// the membership comes from the session, so nobody can subscribe or unsubscribe someone else.
import { ApiError, forbidden, notFound } from "@/lib/api/errors";
import { isTwilioSandbox } from "@/lib/env";
import { withSalonTransaction } from "@/lib/db";
import type { Member } from "@/lib/alerts/preferences";
import type { PushSubscriptionInput } from "@/lib/validations/alerts";

export type Caller = { salonId: string; userId?: string };

function memberOf(caller: Caller): Member {
  if (!caller.userId) throw forbidden("Push alerts are turned on from a signed-in browser, not with an API key.");
  return { salonId: caller.salonId, userId: caller.userId };
}

/** Browsers one member keeps push alerts on in: each alert is one request per browser, so it is bounded. */
export const PUSH_BROWSERS_PER_MEMBER = 10;

/** Saves (or refreshes the keys of) this browser's subscription; past the limit the oldest browser is dropped. */
export async function savePushSubscription(caller: Caller, input: PushSubscriptionInput): Promise<{ id: string }> {
  const { salonId, userId } = memberOf(caller);
  // Browsers' push services are https; the worker posts to the endpoint, so a loopback one (the local
  // stand-in) is only taken on the sandbox, never pointed at a production host's own services.
  if (!input.endpoint.startsWith("https://") && !isTwilioSandbox())
    throw new ApiError({ code: "validation_failed", status: 422, message: "endpoint must be an https URL", details: { fields: { endpoint: ["endpoint must be an https URL"] } } });
  return withSalonTransaction(salonId, async (tx) => {
    const membership = await tx.membership.findFirst({ where: { salonId, userId }, select: { id: true } });
    if (!membership) throw notFound("Membership");
    const others = await tx.pushSubscription.findMany({
      where: { salonId, membershipId: membership.id, endpoint: { not: input.endpoint } },
      orderBy: { updatedAt: "desc" },
      select: { id: true },
    });
    const dropped = others.slice(PUSH_BROWSERS_PER_MEMBER - 1).map((o) => o.id);
    if (dropped.length) await tx.pushSubscription.deleteMany({ where: { salonId, id: { in: dropped } } });
    const keys = { p256dh: input.keys.p256dh, auth: input.keys.auth };
    return tx.pushSubscription.upsert({
      where: { membershipId_endpoint: { membershipId: membership.id, endpoint: input.endpoint } },
      create: { salonId, membershipId: membership.id, endpoint: input.endpoint, ...keys },
      update: keys,
      select: { id: true },
    });
  });
}

/** Forgets this browser's subscription; true when there was one. */
export async function deletePushSubscription(caller: Caller, endpoint: string): Promise<boolean> {
  const { salonId, userId } = memberOf(caller);
  return withSalonTransaction(salonId, async (tx) => {
    const { count } = await tx.pushSubscription.deleteMany({ where: { salonId, endpoint, membership: { userId } } });
    return count > 0;
  });
}
