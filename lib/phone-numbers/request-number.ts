// Asking for a number: the salon's number_provisionings row goes to PENDING in one statement that
// only succeeds for a salon without a number and without a request already running (the unique
// salonId makes concurrent askers meet on one row), then a provisioning job is queued. Extra jobs
// are harmless: a run must first take the row's lease (provision-number.ts).
import { conflict } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import { PROVISION_NUMBER, type ProvisionNumberPayload } from "@/lib/jobs/queues";
import { NUMBER_ACTIONS, writeNumberAudit, type NumberActor } from "@/lib/phone-numbers/number-audit";

export type RequestNumberInput = {
  now: Date;
  /** Who asked: the subscription (no actor) or an owner's "Get my number" (may name an area code). */
  actor?: NumberActor;
  preferredAreaCode?: string | null;
};

/** Queues a provisioning run; the row decides whether it buys anything. */
async function enqueueProvisioning(salonId: string): Promise<void> {
  const boss = await getBoss();
  await boss.send(PROVISION_NUMBER, { salonId } satisfies ProvisionNumberPayload);
}

/**
 * Opens a request (→ PENDING, or a first row) unless the salon has a number; a row left ACTIVE or
 * RELEASING for a salon whose number is gone (cleared by hand) is reopened too. A request already
 * PENDING is kept (an owner's area code replaces the earlier one) and gets another job, so "retry"
 * after a failure runs at once. Answers whether a request is now pending.
 */
export async function requestNumber(salonId: string, input: RequestNumberInput): Promise<boolean> {
  const area = input.preferredAreaCode ?? null;
  // "prior" is the row before this statement (a racer that got there first may make two askers both
  // see NONE; that costs a second "requested" history line, never a second purchase).
  const rows = await db.$queryRaw<Array<{ prior: string | null }>>`
    WITH prior AS (SELECT "state" FROM "number_provisionings" WHERE "salonId" = ${salonId})
    INSERT INTO "number_provisionings" ("id", "salonId", "state", "preferredAreaCode", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, s."id", 'PENDING', ${area}, ${input.now}, ${input.now}
    FROM "salons" s WHERE s."id" = ${salonId} AND s."twilioNumber" IS NULL
    ON CONFLICT ("salonId") DO UPDATE
      SET "state" = 'PENDING',
          "preferredAreaCode" = COALESCE(EXCLUDED."preferredAreaCode", CASE WHEN "number_provisionings"."state" = 'PENDING' THEN "number_provisionings"."preferredAreaCode" END),
          "attempts" = CASE WHEN "number_provisionings"."state" = 'PENDING' THEN "number_provisionings"."attempts" ELSE 0 END,
          "lastError" = CASE WHEN "number_provisionings"."state" = 'PENDING' THEN "number_provisionings"."lastError" END,
          "releaseAt" = NULL,
          "updatedAt" = EXCLUDED."updatedAt"
    RETURNING (SELECT "state"::text FROM prior) AS "prior"`;
  const row = rows[0];
  if (!row) return false;
  if (row.prior !== "PENDING") {
    await writeNumberAudit(db, salonId, NUMBER_ACTIONS.requested, { preferredAreaCode: area, by: input.actor ? "owner" : "subscription" }, input.actor);
  }
  await enqueueProvisioning(salonId);
  return true;
}

/** The owner's "Get my number" / retry: refused with a reason when there is nothing to buy for. */
export async function requestNumberForOwner(salonId: string, input: RequestNumberInput): Promise<void> {
  const salon = await db.salon.findUnique({ where: { id: salonId }, select: { twilioNumber: true, subscriptionStatus: true } });
  if (salon?.twilioNumber) throw conflict("number_exists", "This salon already has a phone number.");
  if (salon?.subscriptionStatus !== "ACTIVE" && salon?.subscriptionStatus !== "TRIALING") {
    throw conflict("subscription_required", "A number comes with a subscription — start your trial in Settings → Billing first.");
  }
  if (!(await requestNumber(salonId, input))) throw conflict("number_exists", "This salon already has a phone number.");
}

/** The subscription ended before a number was bought: the pending request is dropped. */
export async function withdrawRequest(salonId: string): Promise<void> {
  await db.numberProvisioning.updateMany({
    where: { salonId, state: "PENDING" },
    data: { state: "NONE", lastError: null, preferredAreaCode: null },
  });
}

const STALLED_MS = 60 * 60_000;

/**
 * The worker's sweep: a PENDING request nothing has touched for an hour (its job ran out of retries, or
 * the enqueue after the row was lost) gets a new job. Answers how many.
 */
export async function resumeStalledRequests(now: Date): Promise<number> {
  const stalled = await db.numberProvisioning.findMany({
    where: {
      state: "PENDING",
      updatedAt: { lt: new Date(now.getTime() - STALLED_MS) },
      OR: [{ leaseUntil: null }, { leaseUntil: { lte: now } }],
    },
    take: 50,
    select: { salonId: true },
  });
  for (const { salonId } of stalled) {
    await db.numberProvisioning.update({ where: { salonId }, data: { updatedAt: now } });
    await enqueueProvisioning(salonId);
  }
  return stalled.length;
}
