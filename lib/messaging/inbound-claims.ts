// Who may act on a stored incoming text, and when. Acting takes a claim: one conditional update,
// made under a lock on the customer's texts, so a text is acted on by one process at a time (webhook,
// redelivery, the sweep of any instance) and a customer's texts one after another, in the order they
// arrived: a text that comes in while another of the customer's is being acted on waits, and the
// process holding that one acts on it next (actOnClaimedTexts). The lock is held only while deciding,
// never while acting. A text older than one of the customer's texts that was already acted on is
// never acted on: a START stranded by a failure must not undo the STOP the customer sent after it,
// nor a late "C" be answered after the conversation moved on. It is passed over, unread for staff.
import { Prisma } from "@/lib/generated/prisma/client";
import type { SmsConsent } from "@/lib/generated/prisma/client";
import { db, withSalonTransaction } from "@/lib/db";
import { logger } from "@/lib/logger";
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
  receivedAt: Date;
  /** 1 for the first attempt. */
  attempt: number;
  customer: InboundCustomer;
};

export type Claim =
  | { state: "claimed"; text: ClaimedText }
  /** done: already acted on (or passed over); in_flight: another process holds it; waiting: another of the customer's texts is being acted on, and its holder acts on this one next. */
  | { state: "done" | "in_flight" | "waiting" | "superseded" | "backing_off" | "gave_up" | "too_old" };

type TextState = {
  id: string;
  messageSid: string;
  body: string;
  receivedAt: Date;
  processedAt: Date | null;
  claimedAt: Date | null;
  nextAttemptAt: Date | null;
  attempts: number;
  /** A newer text of the customer's was already acted on. */
  superseded: boolean;
  /** Another of the customer's texts is held by an attempt that hasn't ended. */
  othersInFlight: boolean;
  customerId: string;
  phone: string;
  name: string | null;
  smsConsent: SmsConsent;
  isNew: boolean;
};

/** Serialises the claims on one customer's texts (transaction-scoped; never held while acting). */
export async function lockCustomerTexts(tx: Prisma.TransactionClient, customerId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('inbound-text'), hashtext(${customerId}))`;
}

function readStates(tx: Prisma.TransactionClient, salonId: string, which: Prisma.Sql, now: Date) {
  const leaseStart = new Date(now.getTime() - ATTEMPT_LEASE_MS);
  return tx.$queryRaw<TextState[]>`
    SELECT m."id", m."messageSid", m."body", m."receivedAt", m."processedAt", m."claimedAt", m."nextAttemptAt", m."attempts",
      EXISTS (SELECT 1 FROM "inbound_messages" n
              WHERE n."salonId" = m."salonId" AND n."customerId" = m."customerId"
                AND n."receivedAt" > m."receivedAt" AND n."processedAt" IS NOT NULL) AS "superseded",
      EXISTS (SELECT 1 FROM "inbound_messages" o
              WHERE o."salonId" = m."salonId" AND o."customerId" = m."customerId" AND o."id" <> m."id"
                AND o."processedAt" IS NULL AND o."claimedAt" > ${leaseStart}::timestamp(3)) AS "othersInFlight",
      c."id" AS "customerId", c."phone", c."name", c."smsConsent", c."isNew"
    FROM "inbound_messages" m
    JOIN "customers" c ON c."id" = m."customerId" AND c."salonId" = m."salonId"
    WHERE m."salonId" = ${salonId} AND ${which}
    ORDER BY m."receivedAt", m."id"`;
}

function decide(text: TextState, now: Date): Claim["state"] {
  if (text.processedAt) return "done";
  if (text.claimedAt && now.getTime() - text.claimedAt.getTime() < ATTEMPT_LEASE_MS) return "in_flight";
  if (now.getTime() - text.receivedAt.getTime() > STALE_AFTER_MS) return "too_old";
  if (text.superseded) return "superseded";
  if (text.othersInFlight) return "waiting";
  if (text.attempts >= MAX_ATTEMPTS) return "gave_up";
  // A text never attempted (it waited for another) is not backing off: its nextAttemptAt is only the sweep's.
  if (text.attempts > 0 && text.nextAttemptAt && text.nextAttemptAt > now) return "backing_off";
  return "claimed";
}

/** Applies the decision for one text, inside the transaction holding its customer's lock. */
async function settle(
  tx: Prisma.TransactionClient,
  salonId: string,
  text: TextState,
  now: Date,
): Promise<Claim> {
  const state = decide(text, now);
  const where = { id: text.id, salonId, processedAt: null };
  if (state === "superseded") {
    // Marked done without readAt: staff still see it unread, and nothing retries it.
    await tx.inboundMessage.updateMany({ where, data: { processedAt: now, claimedAt: null } });
    log.info(
      { salonId, messageSid: text.messageSid, customerId: text.customerId },
      "incoming text superseded: a newer text from this customer was already acted on, so it is not; left unread for staff",
    );
  }
  if (state !== "claimed") return { state };
  const attempt = text.attempts + 1;
  await tx.inboundMessage.updateMany({
    where,
    data: {
      claimedAt: now,
      attempts: attempt,
      nextAttemptAt: new Date(now.getTime() + retryDelayAfter(attempt)),
    },
  });
  const customer = {
    id: text.customerId,
    phone: text.phone,
    name: text.name,
    smsConsent: text.smsConsent,
    isNew: text.isNew,
  };
  return {
    state,
    text: {
      id: text.id,
      messageSid: text.messageSid,
      body: text.body,
      receivedAt: text.receivedAt,
      attempt,
      customer,
    },
  };
}

/** Claims one text inside the caller's transaction (the webhook claims the text in the one that stores it). */
export async function claimInboundTextInTx(
  tx: Prisma.TransactionClient,
  salonId: string,
  customerId: string,
  messageId: string,
  now: Date,
): Promise<Claim> {
  await lockCustomerTexts(tx, customerId);
  const [text] = await readStates(tx, salonId, Prisma.sql`m."id" = ${messageId}`, now);
  return text ? settle(tx, salonId, text, now) : { state: "done" };
}

export function claimInboundText(
  salonId: string,
  customerId: string,
  messageId: string,
  now: Date,
): Promise<Claim> {
  return withSalonTransaction(salonId, (tx) => claimInboundTextInTx(tx, salonId, customerId, messageId, now));
}

/**
 * After acting on one of the customer's texts: claims their oldest text still to be acted on (one that
 * waited for it, or whose retry is due), passing over the ones superseded meanwhile. Null when none
 * is left, or another process holds one of the customer's texts (that process goes on from there).
 */
export function claimNextWaitingText(
  salonId: string,
  customerId: string,
  now: Date,
): Promise<ClaimedText | null> {
  return withSalonTransaction(salonId, async (tx) => {
    await lockCustomerTexts(tx, customerId);
    const since = new Date(now.getTime() - STALE_AFTER_MS);
    const pending = await readStates(
      tx,
      salonId,
      Prisma.sql`m."customerId" = ${customerId} AND m."processedAt" IS NULL AND m."receivedAt" > ${since}::timestamp(3)`,
      now,
    );
    for (const text of pending) {
      const claim = await settle(tx, salonId, text, now);
      if (claim.state === "claimed") return claim.text;
      if (claim.state === "in_flight" || claim.state === "waiting") return null;
    }
    return null;
  });
}

/** Ends an attempt that acted: the text is done, and read too when Bolt answered it completely. */
export function finishInboundText(salonId: string, messageId: string, now: Date, markRead: boolean) {
  return db.inboundMessage.updateMany({
    where: { id: messageId, salonId, processedAt: null },
    data: { processedAt: now, claimedAt: null, ...(markRead ? { readAt: now } : {}) },
  });
}

/** Ends an attempt that failed: the text is free again, and the sweep retries it at its nextAttemptAt. */
export function releaseInboundText(salonId: string, messageId: string) {
  return db.inboundMessage.updateMany({
    where: { id: messageId, salonId, processedAt: null },
    data: { claimedAt: null },
  });
}
