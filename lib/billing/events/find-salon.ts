// Which salon a Stripe object belongs to: by the ids Bolt stored (customer, subscription) first,
// then by the salon id Bolt put in Checkout's client_reference_id / metadata.
import type { BillingTx } from "@/lib/billing/events/types";

export async function findSalonForStripe(
  tx: BillingTx,
  ids: { customerId?: string | null; subscriptionId?: string | null; salonId?: string | null },
): Promise<string | null> {
  const or = [
    ...(ids.customerId ? [{ stripeCustomerId: ids.customerId }] : []),
    ...(ids.subscriptionId ? [{ stripeSubscriptionId: ids.subscriptionId }] : []),
    ...(ids.salonId ? [{ id: ids.salonId }] : []),
  ];
  if (or.length === 0) return null;
  const salons = await tx.salon.findMany({ where: { OR: or }, select: { id: true, stripeCustomerId: true } });
  const byCustomer = salons.find((s) => ids.customerId && s.stripeCustomerId === ids.customerId);
  return (byCustomer ?? salons[0])?.id ?? null;
}

export const idOf = (value: string | { id: string } | null | undefined): string | null =>
  typeof value === "string" ? value : (value?.id ?? null);
