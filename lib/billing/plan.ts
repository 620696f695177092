// The plan Bolt sells (STRIPE_PRICE_ID) as the Billing page shows it; read from Stripe and kept for
// ten minutes, so a page view costs no Stripe call most of the time.
import { env } from "@/lib/env";
import { getStripe } from "@/lib/billing/stripe";
import { logger } from "@/lib/logger";

export type Plan = { priceId: string; name: string; unitAmount: number; currency: string; interval: string };

const TTL_MS = 10 * 60_000;
let cached: { plan: Plan; at: number } | undefined;

/** null when billing isn't configured or Stripe can't be reached (the page says so). */
export async function getPlan(now: Date): Promise<Plan | null> {
  const priceId = env.STRIPE_PRICE_ID;
  if (!priceId || !env.STRIPE_SECRET_KEY) return null;
  if (cached && cached.plan.priceId === priceId && now.getTime() - cached.at < TTL_MS) return cached.plan;
  try {
    const price = await getStripe().prices.retrieve(priceId, { expand: ["product"] });
    const product = typeof price.product === "object" && "name" in price.product ? price.product.name : "Bolt";
    const plan: Plan = {
      priceId,
      name: product,
      unitAmount: price.unit_amount ?? 0,
      currency: price.currency,
      interval: price.recurring?.interval ?? "month",
    };
    cached = { plan, at: now.getTime() };
    return plan;
  } catch (err) {
    logger.warn({ err, priceId }, "could not read the plan's price from Stripe");
    return null;
  }
}
