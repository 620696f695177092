// The Stripe stand-in's public surface, and the "sandbox": the stand-in run in-process by `npm start`
// when no STRIPE_SECRET_KEY is configured, with the plan's product and price created at start.
import { salonClockTime } from "@/lib/time/clock";
import { createStripeStandIn, type StripeStandIn } from "./server";

export { type StripeStandIn } from "./server";

export const SANDBOX_PLAN = { name: "Bolt front desk", unitAmount: 4900, currency: "usd" } as const;

export async function startStripeSandbox(input: {
  secretKey: string;
  webhook: { url: string; secret: string };
  port?: number;
  stateFile?: string;
}): Promise<{ standIn: StripeStandIn; priceId: string }> {
  const standIn = createStripeStandIn({
    secretKey: input.secretKey,
    webhook: input.webhook,
    // Long enough for Checkout's redirect to land first, as it does with Stripe.
    eventDelayMs: 300,
    // The sandbox's Stripe keeps the salon clock (BOLT_SANDBOX_NOW, when set): a trial started on the
    // salon's "today" ends 14 of its days later, as the Billing page and the Portal both say.
    now: () => salonClockTime(new Date()),
    stateFile: input.stateFile,
  });
  await standIn.listen(input.port ?? 0);
  const price = standIn.state.ensurePlan(SANDBOX_PLAN);
  return { standIn, priceId: String(price.id) };
}
