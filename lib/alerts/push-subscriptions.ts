// The browsers a member turned push alerts on in. Session only (an API key is no person to alert);
// the membership comes from the session, so nobody can subscribe or unsubscribe someone else.
import { forbidden, notFound } from "@/lib/api/errors";
import { withSalonTransaction } from "@/lib/db";
import type { Member } from "@/lib/alerts/preferences";
import type { PushSubscriptionInput } from "@/lib/validations/alerts";

export type Caller = { salonId: string; userId?: string };

function memberOf(caller: Caller): Member {
  if (!caller.userId) throw forbidden("Push alerts are turned on from a signed-in browser, not with an API key.");
  return { salonId: caller.salonId, userId: caller.userId };
}

/** Saves (or refreshes the keys of) this browser's subscription. */
export async function savePushSubscription(caller: Caller, input: PushSubscriptionInput): Promise<{ id: string }> {
  const { salonId, userId } = memberOf(caller);
  return withSalonTransaction(salonId, async (tx) => {
    const membership = await tx.membership.findFirst({ where: { salonId, userId }, select: { id: true } });
    if (!membership) throw notFound("Membership");
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
