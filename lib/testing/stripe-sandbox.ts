// Test helpers: a Stripe stand-in wired into the environment (so getStripe() talks to it), whose
// events reach the real POST /api/webhooks/stripe handler through a local HTTP hop, as in production.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { vi } from "vitest";
import { reloadEnv } from "@/lib/env";
import { SANDBOX_PLAN } from "@/lib/dev/stripe-sandbox";
import { stripeSignatureHeader } from "@/lib/dev/stripe-sandbox/delivery";
import { createStripeStandIn, type StripeStandInOptions } from "@/lib/dev/stripe-sandbox/server";

const TEST_STRIPE_KEY = "sk_test_bolt_0123456789abcdef";
const TEST_WEBHOOK_SECRET = "whsec_test_0123456789abcdef0123456789abcdef";

type Route = (req: Request) => Promise<Response>;

/** Serves `route` on 127.0.0.1 (the stand-in's events arrive over HTTP, concurrently, as Stripe's do). */
async function serveRoute(route: Route) {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers.set(k, v);
    const response = await route(new Request("http://internal.invalid/api/webhooks/stripe", { method: "POST", headers, body: Buffer.concat(chunks) }));
    res.writeHead(response.status, { "content-type": "application/json" }).end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/stripe`,
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
}

/** Starts a stand-in with the sandbox plan, its events sent to `route`, and points STRIPE_* at it. */
export async function startStripeStandInForTests(route: Route, options: Partial<StripeStandInOptions> = {}) {
  const receiver = await serveRoute(route);
  const standIn = createStripeStandIn({ secretKey: TEST_STRIPE_KEY, webhook: { url: receiver.url, secret: TEST_WEBHOOK_SECRET }, eventDelayMs: 1, ...options });
  await standIn.listen();
  const price = standIn.state.ensurePlan(SANDBOX_PLAN);
  vi.stubEnv("STRIPE_SECRET_KEY", TEST_STRIPE_KEY);
  vi.stubEnv("STRIPE_WEBHOOK_SECRET", TEST_WEBHOOK_SECRET);
  vi.stubEnv("STRIPE_API_BASE_URL", standIn.url);
  vi.stubEnv("STRIPE_PRICE_ID", String(price.id));
  reloadEnv();
  return {
    standIn,
    priceId: String(price.id),
    close: async () => {
      await standIn.close();
      await receiver.close();
    },
  };
}

/** A request to the webhook signed with `secret` (the test secret unless told otherwise; null: unsigned). */
export function signedStripeRequest(event: object, secret: string | null = TEST_WEBHOOK_SECRET): Request {
  const payload = JSON.stringify(event);
  const headers = new Headers({ "content-type": "application/json" });
  if (secret) headers.set("stripe-signature", stripeSignatureHeader(payload, secret));
  return new Request("http://internal.invalid/api/webhooks/stripe", { method: "POST", headers, body: payload });
}
