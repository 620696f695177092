// What the claims on incoming texts (inbound-claims.ts) decide from: each text's own state and where
// it stands among its customer's texts, read in one query under the customer's lock. A customer's
// texts are ordered by (receivedAt, id); storing never gives a text a receivedAt at or before one
// already stored for the customer (record-inbound-message.ts), so the id only orders old rows.
import { Prisma } from "@/lib/generated/prisma/client";
import type { SmsConsent } from "@/lib/generated/prisma/client";
import type { InboundKeyword } from "@/lib/messaging/keywords";

/** The keywords that set consent: a newer one makes an older unfinished one moot. */
const CONSENT_KEYWORDS: InboundKeyword[] = ["STOP", "START"];

export type TextState = {
  id: string;
  messageSid: string;
  body: string;
  receivedAt: Date;
  processedAt: Date | null;
  claimedAt: Date | null;
  nextAttemptAt: Date | null;
  attempts: number;
  /** A STOP/START the customer followed with a newer STOP/START. */
  superseded: boolean;
  /** An older text of the customer's is unfinished (held, backing off or not tried yet): it goes first. */
  behindOlder: boolean;
  /** Another of the customer's texts is held by an attempt whose lease hasn't run out. */
  othersInFlight: boolean;
  customerId: string;
  phone: string;
  name: string | null;
  smsConsent: SmsConsent;
  isNew: boolean;
};

/** True when an older text of the same customer as `m` (the query's inbound_messages row) is unfinished. */
export const OLDER_TEXT_UNFINISHED = Prisma.sql`EXISTS (SELECT 1 FROM "inbound_messages" o
  WHERE o."salonId" = m."salonId" AND o."customerId" = m."customerId" AND o."processedAt" IS NULL
    AND (o."receivedAt", o."id") < (m."receivedAt", m."id"))`;

/** The texts `which` picks, oldest first; a text claimed after `leaseStart` is still held. */
export function readTextStates(tx: Prisma.TransactionClient, salonId: string, which: Prisma.Sql, leaseStart: Date) {
  return tx.$queryRaw<TextState[]>`
    SELECT m."id", m."messageSid", m."body", m."receivedAt", m."processedAt", m."claimedAt", m."nextAttemptAt", m."attempts",
      (m."keyword" IS NOT NULL AND m."keyword" = ANY(${CONSENT_KEYWORDS}::text[]) AND EXISTS (
        SELECT 1 FROM "inbound_messages" n
        WHERE n."salonId" = m."salonId" AND n."customerId" = m."customerId"
          AND (n."receivedAt", n."id") > (m."receivedAt", m."id") AND n."keyword" = ANY(${CONSENT_KEYWORDS}::text[]))) AS "superseded",
      ${OLDER_TEXT_UNFINISHED} AS "behindOlder",
      EXISTS (SELECT 1 FROM "inbound_messages" o
              WHERE o."salonId" = m."salonId" AND o."customerId" = m."customerId" AND o."id" <> m."id"
                AND o."processedAt" IS NULL AND o."claimedAt" > ${leaseStart}::timestamp(3)) AS "othersInFlight",
      c."id" AS "customerId", c."phone", c."name", c."smsConsent", c."isNew"
    FROM "inbound_messages" m
    JOIN "customers" c ON c."id" = m."customerId" AND c."salonId" = m."salonId"
    WHERE m."salonId" = ${salonId} AND ${which}
    ORDER BY m."receivedAt", m."id"`;
}
