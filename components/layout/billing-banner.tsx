// A banner on every admin page while the subscription needs the owner: a failed payment (PAST_DUE,
// UNPAID: Bolt still answers), a pause (callers hear the salon is closed) or an end (callers and
// texters get a fixed answer until the number is released). Links to Settings → Billing.
import Link from "@/components/ui/link";
import { Notice } from "@/components/ui/notice";
import type { SubscriptionStatus } from "@/lib/generated/prisma/client";

type Banner = { title: string; body: string };

export function billingBannerFor(status: SubscriptionStatus): Banner | null {
  switch (status) {
    case "PAST_DUE":
    case "UNPAID":
      return {
        title: "Your last payment didn't go through",
        body: "Bolt is still answering. Update your payment details to keep your number and front desk.",
      };
    case "PAUSED":
      return { title: "Your subscription is paused", body: "Callers hear that you're closed. Resume it to have Bolt answer again." };
    case "CANCELED":
    case "INCOMPLETE_EXPIRED":
      return {
        title: "Your subscription has ended",
        body: "Callers and texters hear that this number no longer answers for you, and the number is released after a grace period. Subscribe again to keep it.",
      };
    default:
      return null;
  }
}

export function BillingBanner({ status, isOwner }: { status: SubscriptionStatus; isOwner: boolean }) {
  const banner = billingBannerFor(status);
  if (!banner) return null;
  return (
    <Notice tone="warning" title={banner.title}>
      {banner.body}{" "}
      {isOwner ? (
        <Link href="/settings/billing" className="font-medium text-foreground underline underline-offset-4">
          Go to Settings → Billing
        </Link>
      ) : (
        "Let the salon owner know."
      )}
    </Notice>
  );
}
