// customer.subscription.deleted: the salon's subscription re-read from Stripe and stored.
import { handleSubscriptionEvent } from "@/lib/billing/events/subscription-event";
import type { EventHandler, Stripe } from "@/lib/billing/events/types";

export const handleSubscriptionDeleted: EventHandler<Stripe.Subscription> = (subscription, ctx) =>
  handleSubscriptionEvent(subscription, ctx);
