// The row lease: a run that buys or releases a salon's number first takes the number_provisionings row
// in one UPDATE (state as expected, no live lease), so racing jobs, retries and clicks run it once.
// The lease outlasts a run (a few Twilio calls of at most 30 s each); a crashed run's lease lapses and
// the next run takes over, finding anything the crashed one bought by its FriendlyName.
import { db } from "@/lib/db";
import type { NumberState } from "@/lib/generated/prisma/client";

const LEASE_MS = 5 * 60_000;

export type Lease = { salonId: string; preferredAreaCode: string | null; attempts: number; lastError: string | null };

/** Takes the row when it is in `state` and free; null when another run holds it or there is nothing to do. */
export async function takeLease(salonId: string, state: NumberState, now: Date): Promise<Lease | null> {
  const until = new Date(now.getTime() + LEASE_MS);
  const rows = await db.$queryRaw<Lease[]>`
    UPDATE "number_provisionings"
    SET "leaseUntil" = ${until}, "attempts" = "attempts" + 1, "updatedAt" = ${now}
    WHERE "salonId" = ${salonId} AND "state" = ${state}::"NumberState"
      AND ("leaseUntil" IS NULL OR "leaseUntil" <= ${now})
    RETURNING "salonId", "preferredAreaCode", "attempts", "lastError"`;
  return rows[0] ?? null;
}

/** Gives the lease back after a failed run, noting why in words. */
export async function dropLease(salonId: string, reason: string | null): Promise<void> {
  await db.numberProvisioning.updateMany({ where: { salonId }, data: { leaseUntil: null, lastError: reason } });
}
