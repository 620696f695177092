// Settings → Billing's actions and status: staff cannot start Checkout or open the portal; an owner's
// "Start free trial" goes to the stand-in's Checkout with the salon's id and a 14-day trial, and once
// its events land the page says "Free trial until …" in the salon's zone; another salon's billing
// is untouched.
import { beforeAll, afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { OWNER_ONLY_MESSAGE } from "@/lib/api/salon-action";
import { openBillingPortalAction, startCheckoutAction } from "@/lib/billing/actions";
import { describeBillingStatus, type BillingRow } from "@/lib/billing/billing-status";
import { getBillingOverview } from "@/lib/billing/queries";
import { refreshSubscriptionFromStripe } from "@/lib/billing/refresh-subscription";
import { getStripe } from "@/lib/billing/stripe";
import { db } from "@/lib/db";
import { POST } from "@/app/api/webhooks/stripe/route";
import { addMember, createSalonWithOwner, sessionCookieFor } from "@/lib/testing/auth-fixtures";
import { startStripeStandInForTests } from "@/lib/testing/stripe-sandbox";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
vi.mock("@/lib/phone-numbers/subscription-sync", () => ({ syncNumberWithSubscription: async () => {} }));

const NOW = new Date("2026-03-02T12:00:00Z");
let sandbox: Awaited<ReturnType<typeof startStripeStandInForTests>>;
beforeAll(async () => {
  sandbox = await startStripeStandInForTests(POST, { now: () => NOW });
});
afterAll(() => sandbox.close());
beforeEach(() => {
  request.headers = new Headers();
});

async function signInAs(role: "OWNER" | "STAFF", salonId: string) {
  const { userId } = await addMember(salonId, role);
  request.headers = new Headers({ cookie: await sessionCookieFor(userId, salonId) });
}

/** Where a server action redirected (Next throws NEXT_REDIRECT with the URL in its digest). */
async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const err = (await promise.then(() => null, (e: unknown) => e)) as { digest?: string } | null;
  const url = err?.digest?.split(";")[2];
  if (!url) throw new Error(`expected a redirect, got ${JSON.stringify(err)}`);
  return url;
}

describe("billing actions", () => {
  it("refuse staff with the owner-only message and create nothing at Stripe", async () => {
    const { salonId } = await createSalonWithOwner();
    await signInAs("STAFF", salonId);
    expect(await startCheckoutAction(null, new FormData())).toEqual({ ok: false, error: OWNER_ONLY_MESSAGE });
    expect(await openBillingPortalAction(null, new FormData())).toEqual({ ok: false, error: OWNER_ONLY_MESSAGE });
    expect((await db.salon.findUniqueOrThrow({ where: { id: salonId } })).stripeCustomerId).toBeNull();
  });

  it("start a 14-day trial through Checkout; the salon's page says so, another salon's does not change", async () => {
    const { salonId } = await createSalonWithOwner();
    // The trial ends at 12:00 UTC on March 16: already the 17th in the salon's zone (UTC+14).
    await db.salon.update({ where: { id: salonId }, data: { timeZone: "Pacific/Kiritimati" } });
    const other = await createSalonWithOwner();
    await signInAs("OWNER", salonId);
    expect((await getBillingOverview(salonId, NOW)).status).toMatchObject({ label: "No subscription", next: "trial" });

    const url = await redirectOf(startCheckoutAction(null, new FormData()));
    const sessionId = url.split("/checkout/")[1]!;
    const session = sandbox.standIn.state.checkoutSession(sessionId);
    expect(session).toMatchObject({ client_reference_id: salonId, mode: "subscription", _sandbox: { subscriptionData: { trial_period_days: "14" } } });

    sandbox.standIn.delivery.hold();
    sandbox.standIn.state.completeCheckout(sessionId);
    await sandbox.standIn.delivery.release();

    const overview = await getBillingOverview(salonId, NOW);
    expect(overview.status).toMatchObject({ label: "Trial", next: "manage" });
    expect(overview.status.detail).toBe("Free trial until Tuesday, March 17, 2026."); // 12:00 UTC is the next day at UTC+14
    expect(overview.plan).toMatchObject({ name: "Bolt front desk", unitAmount: 4900 });
    expect((await getBillingOverview(other.salonId, NOW)).status.label).toBe("No subscription");
    // A second Checkout is refused while the trial runs; the portal opens at the stand-in.
    expect(await startCheckoutAction(null, new FormData())).toMatchObject({ ok: false, error: expect.stringContaining("already has a subscription") });
    expect(await redirectOf(openBillingPortalAction(null, new FormData()))).toContain(`${sandbox.standIn.url}/portal/`);

    // Canceled in the Portal, back on the page before Stripe's event lands: the page re-reads Stripe.
    const { stripeSubscriptionId } = await db.salon.findUniqueOrThrow({ where: { id: salonId } });
    sandbox.standIn.delivery.hold();
    await getStripe().subscriptions.update(stripeSubscriptionId!, { cancel_at_period_end: true });
    expect((await getBillingOverview(salonId, NOW)).status.detail).toBe("Free trial until Tuesday, March 17, 2026.");
    await refreshSubscriptionFromStripe(salonId, NOW);
    const ending = "Your subscription ends on Tuesday, March 17, 2026, with the free trial, and won't renew.";
    expect((await getBillingOverview(salonId, NOW)).status.detail).toBe(ending);
    // The late event changes nothing; the other salon is untouched.
    await sandbox.standIn.delivery.release();
    expect((await getBillingOverview(salonId, NOW)).status.detail).toBe(ending);
    expect((await getBillingOverview(other.salonId, NOW)).status.label).toBe("No subscription");
  });
});

describe("the status in words", () => {
  const row = (over: Partial<BillingRow>): BillingRow => ({
    subscriptionStatus: "NONE", trialEndsAt: null, currentPeriodEnd: null, cancelAt: null, subscriptionEndedAt: null,
    stripeCustomerId: "cus_1", stripeSubscriptionId: "sub_1", timeZone: "America/Los_Angeles", ...over,
  });
  const dec23 = new Date("2026-12-23T19:00:00Z");
  it.each<[string, Partial<BillingRow>, string]>([
    ["a trial", { subscriptionStatus: "TRIALING", trialEndsAt: dec23 }, "Free trial until Wednesday, December 23, 2026."],
    ["a trial canceled: ends with the trial, the date said once", { subscriptionStatus: "TRIALING", trialEndsAt: dec23, cancelAt: dec23 }, "Your subscription ends on Wednesday, December 23, 2026, with the free trial, and won't renew."],
    ["active, no renewal date stored", { subscriptionStatus: "ACTIVE" }, "Your subscription is active."],
    ["active, set to cancel", { subscriptionStatus: "ACTIVE", currentPeriodEnd: dec23, cancelAt: dec23 }, "It ends on Wednesday, December 23, 2026 and won't renew."],
    ["canceled, end unknown", { subscriptionStatus: "CANCELED" }, "Your subscription has ended."],
  ])("%s", (_name, over, detail) => {
    expect(describeBillingStatus(row(over)).detail).toBe(detail);
  });
});
