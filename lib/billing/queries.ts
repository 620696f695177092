// What Settings → Billing reads: the salon's stored subscription (salon-scoped client) and the plan.
import { notFound } from "@/lib/api/errors";
import { describeBillingStatus, type BillingRow } from "@/lib/billing/billing-status";
import { getPlan } from "@/lib/billing/plan";
import { salonDb } from "@/lib/db";

const billingSelect = {
  subscriptionStatus: true,
  trialEndsAt: true,
  currentPeriodEnd: true,
  cancelAt: true,
  subscriptionEndedAt: true,
  stripeCustomerId: true,
  stripeSubscriptionId: true,
  timeZone: true,
} as const;

export async function getBillingRow(salonId: string): Promise<BillingRow> {
  const row = await salonDb(salonId).salon.findFirst({ where: { id: salonId }, select: billingSelect });
  if (!row) throw notFound("Salon");
  return row;
}

export async function getBillingOverview(salonId: string, now: Date) {
  const [row, plan] = await Promise.all([getBillingRow(salonId), getPlan(now)]);
  // Manage billing once there is a subscription to manage (a customer alone has an empty portal).
  return { status: describeBillingStatus(row), plan, hasSubscription: Boolean(row.stripeSubscriptionId) };
}
