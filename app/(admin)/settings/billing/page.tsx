// Settings → Billing: the plan, the subscription's status in words (dates in the salon's zone), and
// for owners Start trial / Subscribe (Stripe Checkout) and Manage billing (Billing Portal). Staff see
// the status read-only. The status is Bolt's stored copy, so it shows even when Stripe can't be reached.
import type { Metadata } from "next";
import { CreditCardIcon, Loader2Icon } from "lucide-react";
import { BillingActions, BillingRefresh } from "@/components/settings/billing-actions";
import { SettingsNav } from "@/components/settings/settings-nav";
import { settingsSectionsFor } from "@/components/settings/settings-sections";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { OWNER_ONLY_MESSAGE } from "@/lib/api/salon-action";
import { getBillingOverview } from "@/lib/billing/queries";
import { refreshSubscriptionFromStripe } from "@/lib/billing/refresh-subscription";
import { requireSessionContext } from "@/lib/auth/session";
import { formatMoney } from "@/lib/format";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingSettingsPage({ searchParams }: { searchParams: Promise<{ checkout?: string; portal?: string }> }) {
  const session = await requireSessionContext();
  const { checkout, portal } = await searchParams;
  // Back from the Billing Portal: show what the owner just did there, not what the last event said.
  if (portal === "done") await refreshSubscriptionFromStripe(session.salonId, new Date());
  const { status, plan, hasSubscription } = await getBillingOverview(session.salonId, new Date());
  const isOwner = session.role === "OWNER";
  // Back from Checkout before Stripe's events have landed: say so, and re-read until they have.
  const awaiting = checkout === "done" && status.next !== "manage";

  return (
    <>
      <PageHeader title="Settings" description="Your Bolt plan and subscription." />
      <SettingsNav sections={settingsSectionsFor(session.role)} />
      {!isOwner && (
        <Notice tone="warning" title={OWNER_ONLY_MESSAGE}>
          You can see the subscription here; ask the owner if something needs changing.
        </Notice>
      )}
      <div className="grid max-w-3xl gap-6">
        {checkout === "canceled" && status.next !== "manage" && (
          <Notice title="Checkout canceled">Nothing was charged or changed. Start again whenever you&apos;re ready.</Notice>
        )}
        <Card>
          <CardHeader>
            <CardTitle className="flex flex-wrap items-center gap-2 text-base">
              <CreditCardIcon className="size-4 text-muted-foreground" aria-hidden />
              {plan?.name ?? "Your subscription"}
              <Badge variant={status.tone}>
                <span className="sr-only">Status: </span>
                {status.label}
              </Badge>
            </CardTitle>
            <CardDescription>
              {plan ? `${formatMoney(plan.unitAmount, plan.currency.toUpperCase())} a ${plan.interval}` : "The plan's price couldn't be loaded."}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            {/* Polite live region: the change after Checkout is read out when it lands. */}
            <p className="flex items-center gap-2 text-sm" data-testid="billing-status" role="status" aria-live="polite">
              {awaiting && <Loader2Icon className="size-4 shrink-0 animate-spin text-muted-foreground" aria-hidden />}
              {awaiting ? "Almost there: Stripe is confirming your subscription. This page updates by itself." : status.detail}
            </p>
            {isOwner &&
              (plan ? (
                <BillingActions next={status.next} hasSubscription={hasSubscription} awaiting={awaiting} />
              ) : (
                <Notice tone="warning" title="Billing isn't available right now">
                  Bolt couldn&apos;t reach Stripe for the plan. Try again in a minute; if it keeps happening, whoever runs this
                  server should check STRIPE_SECRET_KEY and STRIPE_PRICE_ID.
                </Notice>
              ))}
          </CardContent>
        </Card>
      </div>
      <BillingRefresh active={awaiting} />
    </>
  );
}
