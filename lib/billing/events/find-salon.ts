// Which salon a Stripe object belongs to: by the ids Bolt stored (customer, subscription) first,
// then by the salon id Bolt put in Checkout's client_reference_id / metadata. The system client: the
// event names no salon until this finds it.
import { db } from "@/lib/db";

export async function findSalonForStripe(
  ids: { customerId?: string | null; subscriptionId?: string | null; salonId?: string | null },
): Promise<string | null> {
  const or = [
    ...(ids.customerId ? [{ stripeCustomerId: ids.customerId }] : []),
    ...(ids.subscriptionId ? [{ stripeSubscriptionId: ids.subscriptionId }] : []),
    ...(ids.salonId ? [{ id: ids.salonId }] : []),
  ];
  if (or.length === 0) return null;
  const salons = await db.salon.findMany({ where: { OR: or }, select: { id: true, stripeCustomerId: true } });
  const byCustomer = salons.find((s) => ids.customerId && s.stripeCustomerId === ids.customerId);
  return (byCustomer ?? salons[0])?.id ?? null;
}

export const idOf = (value: string | { id: string } | null | undefined): string | null =>
  typeof value === "string" ? value : (value?.id ?? null);
