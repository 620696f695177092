// Settings → Billing: the plan, the subscription's status in words (dates in the salon's zone), and
// for owners Start trial / Subscribe (Stripe Checkout) and Manage billing (Billing Portal). Staff see
// the status read-only.
import type { Metadata } from "next";
import { CreditCardIcon } from "lucide-react";
import { BillingActions, BillingRefresh } from "@/components/settings/billing-actions";
import { SettingsNav } from "@/components/settings/settings-nav";
import { settingsSectionsFor } from "@/components/settings/settings-sections";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { getBillingOverview } from "@/lib/billing/queries";
import { requireSessionContext } from "@/lib/auth/session";
import { formatMoney } from "@/lib/format";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingSettingsPage({ searchParams }: { searchParams: Promise<{ checkout?: string }> }) {
  const session = await requireSessionContext();
  const [{ status, plan, hasCustomer }, { checkout }] = await Promise.all([getBillingOverview(session.salonId, new Date()), searchParams]);
  const isOwner = session.role === "OWNER";

  return (
    <>
      <PageHeader title="Settings" description="Your Bolt plan and subscription." />
      <SettingsNav sections={settingsSectionsFor(session.role)} />
      <div className="grid max-w-3xl gap-6">
        {!isOwner && (
          <Notice tone="warning" title="Only owners can change billing.">
            You can see the subscription here; ask the owner if something needs changing.
          </Notice>
        )}
        {checkout === "done" && status.next !== "manage" && (
          <Notice title="Almost there">Stripe is confirming your subscription; this page updates in a moment.</Notice>
        )}
        <BillingRefresh active={checkout === "done" && status.next !== "manage"} />
        {plan ? (
          <Card>
            <CardHeader>
              <CardTitle className="flex flex-wrap items-center gap-2 text-base">
                <CreditCardIcon className="size-4 text-muted-foreground" aria-hidden />
                {plan.name}
                <Badge variant={status.tone}>{status.label}</Badge>
              </CardTitle>
              <CardDescription>
                {formatMoney(plan.unitAmount, plan.currency.toUpperCase())} a {plan.interval}
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              <p className="text-sm" data-testid="billing-status">{status.detail}</p>
              {isOwner && <BillingActions next={status.next} hasCustomer={hasCustomer} />}
            </CardContent>
          </Card>
        ) : (
          <EmptyState
            icon={CreditCardIcon}
            title="Billing isn't available right now"
            description="Bolt couldn't load the plan from Stripe. Check STRIPE_SECRET_KEY and STRIPE_PRICE_ID, or try again in a minute."
          />
        )}
      </div>
    </>
  );
}
