// A salon's subscription in words for Settings → Billing: what it is, until when (in the salon's
// time zone), and what the owner can do next.
import { formatDate } from "@/lib/format";
import type { SubscriptionStatus } from "@/lib/generated/prisma/enums";

export type BillingRow = {
  subscriptionStatus: SubscriptionStatus;
  trialEndsAt: Date | null;
  currentPeriodEnd: Date | null;
  cancelAt: Date | null;
  subscriptionEndedAt: Date | null;
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
  timeZone: string;
};

export type BillingStatus = {
  label: string;
  tone: "success" | "warning" | "destructive" | "secondary";
  detail: string;
  /** "trial": Start trial; "subscribe": Subscribe (no second trial); "manage": Manage billing. */
  next: "trial" | "subscribe" | "manage";
};

export function describeBillingStatus(row: BillingRow): BillingStatus {
  const day = (d: Date) => formatDate(d, row.timeZone, "long");
  // Canceling a trial ends it on its last day: one sentence, not the same date twice.
  const endsWithTrial = row.cancelAt && row.trialEndsAt && day(row.cancelAt) === day(row.trialEndsAt);
  const ends = row.cancelAt ? `It ends on ${day(row.cancelAt)} and won't renew.` : "";
  switch (row.subscriptionStatus) {
    case "TRIALING":
      if (!row.trialEndsAt) return { label: "Trial", tone: "success", detail: `Free trial. ${ends}`.trim(), next: "manage" };
      if (endsWithTrial) return { label: "Trial", tone: "warning", detail: `Your subscription ends on ${day(row.trialEndsAt)}, with the free trial, and won't renew.`, next: "manage" };
      return { label: "Trial", tone: "success", detail: `Free trial until ${day(row.trialEndsAt)}. ${ends}`.trim(), next: "manage" };
    case "ACTIVE":
      if (row.cancelAt) return { label: "Active", tone: "warning", detail: ends, next: "manage" };
      return { label: "Active", tone: "success", detail: row.currentPeriodEnd ? `Renews on ${day(row.currentPeriodEnd)}.` : "Your subscription is active.", next: "manage" };
    case "PAST_DUE":
    case "UNPAID":
      return { label: "Past due", tone: "destructive", detail: "The last payment failed. Fix billing to keep your number and front desk.", next: "manage" };
    case "PAUSED":
      return { label: "Paused", tone: "warning", detail: "Your subscription is paused: callers hear that the salon is closed.", next: "manage" };
    case "INCOMPLETE":
      return { label: "Incomplete", tone: "warning", detail: "The first payment hasn't gone through yet.", next: "manage" };
    case "CANCELED":
    case "INCOMPLETE_EXPIRED":
      return {
        label: "Canceled",
        tone: "secondary",
        detail: row.subscriptionEndedAt ? `Your subscription ended on ${day(row.subscriptionEndedAt)}.` : "Your subscription has ended.",
        next: "subscribe",
      };
    case "NONE":
      return { label: "No subscription", tone: "secondary", detail: "Start a free trial to get your salon's number.", next: row.stripeSubscriptionId ? "subscribe" : "trial" };
  }
}
