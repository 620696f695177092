// POST /api/webhooks/stripe — Stripe's events: the raw body verified against STRIPE_WEBHOOK_SECRET
// (missing or wrong signature → 400, nothing written), each event id handled once
// (lib/billing/handle-stripe-event.ts), unknown types acknowledged. Answers { received: true }.
import { randomUUID } from "node:crypto";
import { BODY_LIMITS, readTextWithLimit } from "@/lib/api/body-limits";
import { toErrorResponse } from "@/lib/api/errors";
import { handleStripeEvent } from "@/lib/billing/handle-stripe-event";
import { verifyStripeEvent } from "@/lib/billing/stripe";
import { logger } from "@/lib/logger";

export async function POST(req: Request): Promise<Response> {
  const requestId = randomUUID();
  const log = logger.child({ requestId, webhook: "stripe" });
  try {
    const body = await readTextWithLimit(req, BODY_LIMITS.stripeWebhook);
    const event = verifyStripeEvent(body, req.headers.get("stripe-signature"));
    const result = await handleStripeEvent(event, new Date());
    log.info({ eventId: event.id, type: event.type, ...result }, "stripe event");
    return Response.json({ received: true, duplicate: result.duplicate });
  } catch (err) {
    return toErrorResponse(err, requestId, log);
  }
}
