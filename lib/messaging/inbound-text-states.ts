// What the claims on incoming texts (inbound-claims.ts) decide from: each text's own state and where
// it stands among its customer's texts, read in one query under the customer's lock. A customer's
// texts are ordered by (receivedAt, id); storing never gives a text a receivedAt at or before one
// already stored for the customer (record-inbound-message.ts), so the id only orders old rows.
import type { Language } from "@/lib/i18n/language";
import { Prisma } from "@/lib/generated/prisma/client";
import type { SmsConsent } from "@/lib/generated/prisma/client";
import type { InboundKeyword } from "@/lib/messaging/keywords";

/** The keywords that set consent: a newer one makes an older unfinished one moot. */
const CONSENT_KEYWORDS: InboundKeyword[] = ["STOP", "START"];

export type TextState = {
  id: string;
  messageSid: string;
  body: string;
  /** Parsed once, by the webhook that stored the text. */
  keyword: InboundKeyword | null;
  answeredByProvider: boolean;
  receivedAt: Date;
  processedAt: Date | null;
  claimedAt: Date | null;
  nextAttemptAt: Date | null;
  attempts: number;
  /** A STOP/START the customer followed with a newer STOP/START. */
  superseded: boolean;
  /** A STOP/START: it never waits behind older texts (see WAITS_FOR_OLDER). */
  isConsent: boolean;
  /** An older text of the customer's is unfinished (held, backing off or not tried yet) and this one waits for it. */
  behindOlder: boolean;
  /** Another of the customer's texts is held by an attempt whose lease hasn't run out. */
  othersInFlight: boolean;
  customerId: string;
  phone: string;
  name: string | null;
  smsConsent: SmsConsent;
  isNew: boolean;
  language: Language | null;
};

const IS_CONSENT = Prisma.sql`(m."keyword" IS NOT NULL AND m."keyword" = ANY(${CONSENT_KEYWORDS}::text[]))`;

/**
 * True when `m` (the query's inbound_messages row) waits for an older unfinished text of its customer.
 * A STOP/START never does: an older STOP/START is moot once it is acted on, and nothing else can undo
 * it, so an opt-out takes effect at once even while an older text backs off for hours (an older C or
 * plain text retried after it still acts, but its reply is held back by the opt-out at send time).
 */
export const WAITS_FOR_OLDER = Prisma.sql`(NOT ${IS_CONSENT} AND EXISTS (SELECT 1 FROM "inbound_messages" o
  WHERE o."salonId" = m."salonId" AND o."customerId" = m."customerId" AND o."processedAt" IS NULL
    AND (o."receivedAt", o."id") < (m."receivedAt", m."id")))`;

/** The texts `which` picks, oldest first; a text claimed after `leaseStart` is still held. */
export function readTextStates(
  tx: Prisma.TransactionClient,
  salonId: string,
  which: Prisma.Sql,
  leaseStart: Date,
) {
  return tx.$queryRaw<TextState[]>`
    SELECT m."id", m."messageSid", m."body", m."keyword", m."answeredByProvider", m."receivedAt", m."processedAt", m."claimedAt", m."nextAttemptAt", m."attempts",
      ${IS_CONSENT} AS "isConsent",
      (${IS_CONSENT} AND EXISTS (
        SELECT 1 FROM "inbound_messages" n
        WHERE n."salonId" = m."salonId" AND n."customerId" = m."customerId"
          AND (n."receivedAt", n."id") > (m."receivedAt", m."id") AND n."keyword" = ANY(${CONSENT_KEYWORDS}::text[]))) AS "superseded",
      ${WAITS_FOR_OLDER} AS "behindOlder",
      EXISTS (SELECT 1 FROM "inbound_messages" o
              WHERE o."salonId" = m."salonId" AND o."customerId" = m."customerId" AND o."id" <> m."id"
                AND o."processedAt" IS NULL AND o."claimedAt" > ${leaseStart}::timestamp(3)) AS "othersInFlight",
      c."id" AS "customerId", c."phone", c."name", c."smsConsent", c."isNew", c."language"
    FROM "inbound_messages" m
    JOIN "customers" c ON c."id" = m."customerId" AND c."salonId" = m."salonId"
    WHERE m."salonId" = ${salonId} AND ${which}
    ORDER BY m."receivedAt", m."id"`;
}
