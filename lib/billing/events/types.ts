// What each event handler gets, and what it tells the dispatcher.
import type { Stripe } from "@/lib/billing/stripe";
import type { SyncResult } from "@/lib/billing/sync-subscription";

/** The event's id (for the audit trail) and the time it is handled at. */
export type EventContext = { eventId: string; now: Date };

/** The salon the event concerned (null: none of ours) and the sync's outcome. */
export type EventOutcome = { salonId: string | null; sync: SyncResult };

export type EventHandler<T> = (object: T, ctx: EventContext) => Promise<EventOutcome>;

export type { Stripe };
