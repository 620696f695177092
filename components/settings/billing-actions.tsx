"use client";

import { CreditCardIcon, Loader2Icon, SparklesIcon } from "lucide-react";
import { usePageRefresh } from "@/components/layout/use-page-refresh";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import { openBillingPortalAction, startCheckoutAction } from "@/lib/billing/actions";

type BillingActionsProps = {
  next: "trial" | "subscribe" | "manage";
  hasSubscription: boolean;
  /** Back from Checkout, Stripe still confirming: a second Checkout now would start a second subscription. */
  awaiting: boolean;
};

/** Start trial / Subscribe → Stripe Checkout; Manage billing → the Billing Portal. Errors show as toasts. */
export function BillingActions({ next, hasSubscription, awaiting }: BillingActionsProps) {
  const checkout = useActionForm(startCheckoutAction);
  const portal = useActionForm(openBillingPortalAction);
  const pending = checkout.pending || portal.pending;
  return (
    <div className="flex flex-wrap gap-2">
      {next !== "manage" && !awaiting && (
        <form action={checkout.formAction} onSubmit={checkout.onSubmit}>
          <Button type="submit" disabled={pending} aria-busy={checkout.pending}>
            {checkout.pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <SparklesIcon aria-hidden />}
            {next === "trial" ? "Start free trial" : "Subscribe"}
          </Button>
        </form>
      )}
      {hasSubscription && (
        <form action={portal.formAction} onSubmit={portal.onSubmit}>
          <Button type="submit" variant={next === "manage" ? "default" : "outline"} disabled={pending} aria-busy={portal.pending}>
            {portal.pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <CreditCardIcon aria-hidden />}
            Manage billing
          </Button>
        </form>
      )}
    </div>
  );
}

/** Back from Checkout before Stripe's events have landed: re-read the page until the status moves. */
export function BillingRefresh({ active }: { active: boolean }) {
  usePageRefresh(1500, active);
  return null;
}
