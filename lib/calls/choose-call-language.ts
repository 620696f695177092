// The caller chose a language on the call (a key, or speaking it): the call notes it and the caller's
// customer remembers it, in one statement (the system client, as the voice webhooks use; the salonId
// names the scope in both updates).
import { db } from "@/lib/db";
import type { Language } from "@/lib/i18n/language";

export async function chooseCallLanguage(salonId: string, callSid: string, language: Language): Promise<void> {
  await db.$executeRaw`
    WITH "call" AS (
      UPDATE "call_logs" SET "language" = ${language}, "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE "salonId" = ${salonId} AND "callSid" = ${callSid}
      RETURNING "customerId"
    )
    UPDATE "customers" SET "language" = ${language}, "updatedAt" = now() AT TIME ZONE 'UTC'
    WHERE "salonId" = ${salonId} AND "id" IN (SELECT "customerId" FROM "call") AND "language" IS DISTINCT FROM ${language}`;
}
