// The one Stripe client (STYLE habit 1). STRIPE_SECRET_KEY selects the account; STRIPE_API_BASE_URL,
// when set, points the SDK at a local stand-in through its own host/port/protocol options (npm start
// runs lib/dev/stripe-sandbox there when no key is configured).
import Stripe from "stripe";
import { ApiError } from "@/lib/api/errors";
import { env } from "@/lib/env";

export type { Stripe };

let cached: { key: string; baseUrl: string | undefined; client: Stripe } | undefined;

function billingNotConfigured(): ApiError {
  return new ApiError({
    code: "billing_not_configured",
    status: 503,
    message: "Billing isn't set up on this server yet (STRIPE_SECRET_KEY and STRIPE_PRICE_ID).",
  });
}

/** The client for the configured key and base URL; rebuilt when either changes (tests repoint it). */
export function getStripe(): Stripe {
  const key = env.STRIPE_SECRET_KEY;
  if (!key) throw billingNotConfigured();
  const baseUrl = env.STRIPE_API_BASE_URL;
  if (cached?.key === key && cached.baseUrl === baseUrl) return cached.client;
  const target = baseUrl ? new URL(baseUrl) : undefined;
  const client = new Stripe(key, {
    ...(target && {
      host: target.hostname,
      port: target.port || (target.protocol === "https:" ? 443 : 80),
      protocol: target.protocol === "https:" ? "https" : "http",
    }),
    // Webhooks re-read the subscription while Stripe waits for our answer: fail in seconds, not the
    // SDK's 80 s default, so a slow Stripe gets a 500 and redelivers rather than timing out on us.
    timeout: 10_000,
    maxNetworkRetries: 1,
    appInfo: { name: "Bolt" },
  });
  cached = { key, baseUrl, client };
  return client;
}

/** The plan's price id, or the "not configured" error the Billing page explains. */
export function requirePriceId(): string {
  const priceId = env.STRIPE_PRICE_ID;
  if (!priceId) throw billingNotConfigured();
  return priceId;
}

/** Verifies a webhook body against STRIPE_WEBHOOK_SECRET; throws on a missing or wrong signature. */
export function verifyStripeEvent(rawBody: string, signature: string | null): Stripe.Event {
  const secret = env.STRIPE_WEBHOOK_SECRET;
  if (!secret) {
    throw new ApiError({ code: "webhook_not_configured", status: 503, message: "STRIPE_WEBHOOK_SECRET is not set." });
  }
  if (!signature) {
    throw new ApiError({ code: "missing_signature", status: 400, message: "Stripe-Signature header is missing." });
  }
  try {
    // Stripe.webhooks is static: verifying needs the secret, not an API key.
    return Stripe.webhooks.constructEvent(rawBody, signature, secret);
  } catch {
    throw new ApiError({ code: "invalid_signature", status: 400, message: "Stripe-Signature does not match the body." });
  }
}
