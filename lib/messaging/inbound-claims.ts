// Who may act on a stored incoming text, and when. Acting takes a claim: one conditional update,
// made under a lock on the customer's texts, so a text is acted on by one process at a time (webhook,
// redelivery, the sweep of any instance) and a customer's texts one after another, in the order they
// arrived: a text waits while an older one of the customer's is unfinished — being acted on (its
// holder acts on this one next, actOnClaimedTexts) or backing off after a failure (the sweep retries
// the older one first and goes on from there) — except a STOP/START, which never waits behind a text
// backing off: an opt-out takes effect at once. The lock is held only while deciding, never while acting.
// A text is closed without being acted on (processedAt set, readAt left null so staff see it unread)
// only when it is too old to answer, when Bolt gave up on it, or when it is a STOP/START followed by a
// newer STOP/START: on consent the customer's last word wins. Nothing else is passed over: a STOP is
// never dropped for the "ok thanks" after it, nor a C for a "see you then".
// Every decision and lease reads the clock afresh (a sweep may run for minutes), and an attempt ends
// only while it still holds the text (its attempt number is the claim's token): a holder whose lease
// lapsed cannot finish or free a text another process has claimed since.
import { Prisma } from "@/lib/generated/prisma/client";
import { db, withSalonTransaction } from "@/lib/db";
import { logger } from "@/lib/logger";
import { readTextStates, type TextState } from "@/lib/messaging/inbound-text-states";
import type { InboundKeyword } from "@/lib/messaging/keywords";
import type { Clock } from "@/lib/time/clock";
import type { InboundCustomer } from "@/lib/conversations/record-inbound-message";

const log = logger.child({ module: "inbound-claims" });

/** An attempt holds its text this long; past it the process is taken for dead (a webhook has 15 s). */
export const ATTEMPT_LEASE_MS = 2 * 60 * 1000;
/** Attempts before Bolt gives up on a text (about four hours of backing off); it stays unread for staff. */
export const MAX_ATTEMPTS = 8;
/** Past this an answer is more confusing than helpful ("Thanks! Your … is confirmed" a day later). */
export const STALE_AFTER_MS = 24 * 60 * 60 * 1000;
const MAX_RETRY_DELAY_MS = 2 * 60 * 60 * 1000;

/** How long the sweep waits before trying a text again after its `attempts`-th attempt: 2, 4, 8 … minutes, at most 2 h. */
export function retryDelayAfter(attempts: number): number {
  return Math.min(ATTEMPT_LEASE_MS * 2 ** Math.max(attempts - 1, 0), MAX_RETRY_DELAY_MS);
}

/** A text this process now holds, with what acting on it needs (the customer as they are now). */
export type ClaimedText = {
  id: string;
  messageSid: string;
  body: string;
  /** The keyword stored with the text when it arrived: the one the ordering rules went by, so the one acted on. */
  keyword: InboundKeyword | null;
  /** The provider already answered the keyword: its consent change is Bolt's to record, not its reply. */
  answeredByProvider: boolean;
  receivedAt: Date;
  /** 1 for the first attempt; also the claim's token (finishing and releasing check it). */
  attempt: number;
  customer: InboundCustomer;
};

/** States in which the text is closed without being acted on. */
const CLOSED_BECAUSE = {
  too_old: "incoming text too old to answer: closed without acting on it, left unread for staff",
  superseded: "incoming STOP/START not acted on: the customer sent a newer STOP/START; left unread for staff",
  gave_up: "Bolt gave up on an incoming text after its last attempt: closed, left unread for staff",
} as const;
export type ClosedState = keyof typeof CLOSED_BECAUSE;

export type Claim =
  | { state: "claimed"; text: ClaimedText }
  /** done: already acted on or closed; in_flight: another process holds it; waiting: an older text of the customer's goes first; backing_off: its last attempt failed, the sweep retries it. */
  | { state: "done" | "in_flight" | "waiting" | "backing_off" | ClosedState };

/** True for the states in which the text was closed unacted (and logged as such, once, when it was). */
export const isClosed = (state: Claim["state"]): state is ClosedState => Object.hasOwn(CLOSED_BECAUSE, state);

/** Serialises the claims on one customer's texts (transaction-scoped; never held while acting). */
export async function lockCustomerTexts(tx: Prisma.TransactionClient, customerId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('inbound-text'), hashtext(${customerId}))`;
}

const leaseStartAt = (now: Date) => new Date(now.getTime() - ATTEMPT_LEASE_MS);

function decide(text: TextState, now: Date): Claim["state"] {
  if (text.processedAt) return "done";
  if (text.claimedAt && now.getTime() - text.claimedAt.getTime() < ATTEMPT_LEASE_MS) return "in_flight";
  if (now.getTime() - text.receivedAt.getTime() > STALE_AFTER_MS) return "too_old";
  if (text.superseded) return "superseded";
  // Its last attempt failed or its process died: closed, and the customer's newer texts go on.
  if (text.attempts >= MAX_ATTEMPTS) return "gave_up";
  if (text.behindOlder || text.othersInFlight) return "waiting";
  // A text never attempted (it waited for another) is not backing off: its nextAttemptAt is only the sweep's.
  if (text.attempts > 0 && text.nextAttemptAt && text.nextAttemptAt > now) return "backing_off";
  return "claimed";
}

/** Closes a text nobody will act on: done for the sweep, still unread for staff. */
async function closeText(
  tx: Prisma.TransactionClient,
  salonId: string,
  text: TextState,
  why: ClosedState,
  now: Date,
) {
  await tx.inboundMessage.updateMany({
    where: { id: text.id, salonId, processedAt: null },
    data: { processedAt: now, claimedAt: null },
  });
  log.info(
    {
      salonId,
      messageSid: text.messageSid,
      customerId: text.customerId,
      attempts: text.attempts,
      closed: why,
    },
    CLOSED_BECAUSE[why],
  );
}

/** Applies the decision for one text, inside the transaction holding its customer's lock. */
async function settle(
  tx: Prisma.TransactionClient,
  salonId: string,
  text: TextState,
  now: Date,
): Promise<Claim> {
  const state = decide(text, now);
  if (isClosed(state)) await closeText(tx, salonId, text, state, now);
  if (state !== "claimed") return { state };
  const attempt = text.attempts + 1;
  await tx.inboundMessage.updateMany({
    where: { id: text.id, salonId, processedAt: null },
    data: {
      claimedAt: now,
      attempts: attempt,
      nextAttemptAt: new Date(now.getTime() + retryDelayAfter(attempt)),
    },
  });
  const { customerId: id, phone, name, smsConsent, isNew, language } = text;
  const customer = { id, phone, name, smsConsent, isNew, language };
  return {
    state,
    text: {
      id: text.id,
      messageSid: text.messageSid,
      body: text.body,
      keyword: text.keyword,
      answeredByProvider: text.answeredByProvider,
      receivedAt: text.receivedAt,
      attempt,
      customer,
    },
  };
}

/**
 * Claims one text inside the caller's transaction (the webhook claims the text in the one that stores
 * it). The caller must already hold the customer's lock (lockCustomerTexts) in `tx`: storing needs it
 * too (to date the text after the customer's others), and one lock per transaction is enough.
 */
export async function claimInboundTextInTx(
  tx: Prisma.TransactionClient,
  salonId: string,
  messageId: string,
  clock: Clock,
): Promise<Claim> {
  // Read after the caller took the lock: waiting for it takes time too.
  const now = clock();
  const [text] = await readTextStates(tx, salonId, Prisma.sql`m."id" = ${messageId}`, leaseStartAt(now));
  return text ? settle(tx, salonId, text, now) : { state: "done" };
}

/**
 * Claims the customer's oldest unfinished text if its turn has come (after a text was acted on, and
 * for the sweep), closing on the way the ones too old, given up or superseded. Null when none is
 * left, another process holds one of the customer's texts (it goes on from there), or the oldest is
 * backing off (the ones behind it wait for its retry).
 */
export function claimNextWaitingText(
  salonId: string,
  customerId: string,
  clock: Clock,
): Promise<ClaimedText | null> {
  return withSalonTransaction(salonId, async (tx) => {
    await lockCustomerTexts(tx, customerId);
    const now = clock();
    const pending = await readTextStates(
      tx,
      salonId,
      Prisma.sql`m."customerId" = ${customerId} AND m."processedAt" IS NULL`,
      leaseStartAt(now),
    );
    // Oldest first. Texts closed on the way no longer hold the ones behind them back; a text backing
    // off (or waiting) does, except for a STOP/START, which is looked for behind it.
    let blocked = false;
    for (const text of pending) {
      const claim = await settle(tx, salonId, { ...text, behindOlder: blocked && !text.isConsent }, now);
      if (claim.state === "claimed") return claim.text;
      if (isClosed(claim.state)) continue;
      // Another process holds one of the customer's texts: it goes on from there.
      if (claim.state === "in_flight" || text.othersInFlight) return null;
      blocked = true;
    }
    return null;
  });
}

/** The claim an attempt holds: the text, at this attempt (a later claim by another process has a higher one). */
const heldBy = (salonId: string, text: Pick<ClaimedText, "id" | "attempt">) => ({
  id: text.id,
  salonId,
  processedAt: null,
  attempts: text.attempt,
});

/**
 * Ends an attempt that acted: the text is done, and read too when Bolt answered it completely.
 * False if the attempt no longer held it (its lease lapsed and another process claimed it since).
 */
export async function finishInboundText(
  salonId: string,
  text: Pick<ClaimedText, "id" | "attempt">,
  now: Date,
  markRead: boolean,
): Promise<boolean> {
  const { count } = await db.inboundMessage.updateMany({
    where: heldBy(salonId, text),
    data: { processedAt: now, claimedAt: null, ...(markRead ? { readAt: now } : {}) },
  });
  return count > 0;
}

/**
 * Ends an attempt that failed: the text is free again, and the sweep retries it at its nextAttemptAt.
 * After the last attempt the next claim on the customer's texts closes it (gave_up) and goes on to the
 * newer ones. False if the attempt no longer held it.
 */
export async function releaseInboundText(
  salonId: string,
  text: Pick<ClaimedText, "id" | "attempt">,
): Promise<boolean> {
  const { count } = await db.inboundMessage.updateMany({
    where: heldBy(salonId, text),
    data: { claimedAt: null },
  });
  return count > 0;
}
