// What each event handler gets, and what it tells the dispatcher.
import type { Stripe } from "@/lib/billing/stripe";
import type { SyncResult } from "@/lib/billing/sync-subscription";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type BillingTx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

export type EventContext = { tx: BillingTx; now: Date };

/** The salon the event concerned (null: none of ours) and the sync's outcome. */
export type EventOutcome = { salonId: string | null; sync: SyncResult };

export type EventHandler<T> = (object: T, ctx: EventContext) => Promise<EventOutcome>;

export type { Stripe };
