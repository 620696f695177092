// Releasing a number after the subscription ended: the date is set once (now + the grace period) and
// the owners are told; coming back before it calls the release off; the worker's sweep releases the
// due ones (IncomingPhoneNumbers delete), each under the row's lease so two workers release it once.
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { formatPhone } from "@/lib/phone";
import { NUMBER_ACTIONS, writeNumberAudit } from "@/lib/phone-numbers/number-audit";
import { dropLease, takeLease } from "@/lib/phone-numbers/number-lease";
import { emailOwners } from "@/lib/phone-numbers/notify-owners";
import { clearSalonNumberCache } from "@/lib/telephony/find-salon-by-number";
import { describeNumberFailure, releaseNumber } from "@/lib/telephony/incoming-numbers";

const log = logger.child({ module: "phone-numbers" });
const DAY_MS = 86_400_000;

/** "Tuesday, January 5, 2027" in the salon's zone. */
function dayOf(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeZone }).format(date);
}

/** Sets the release date unless one is set already (a repeated event never moves it). */
export async function scheduleRelease(salonId: string, now: Date): Promise<void> {
  const releaseAt = new Date(now.getTime() + env.NUMBER_RELEASE_GRACE_DAYS * DAY_MS);
  // A salon given its number before provisioning existed (the demo seed) has no row yet: one is made.
  const rows = await db.$queryRaw<Array<{ releaseAt: Date }>>`
    INSERT INTO "number_provisionings" ("id", "salonId", "state", "releaseAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid()::text, s."id", 'RELEASING', ${releaseAt}, ${now}, ${now}
    FROM "salons" s WHERE s."id" = ${salonId} AND s."twilioNumber" IS NOT NULL
    ON CONFLICT ("salonId") DO UPDATE SET "state" = 'RELEASING', "releaseAt" = EXCLUDED."releaseAt", "updatedAt" = EXCLUDED."updatedAt"
      WHERE "number_provisionings"."state" <> 'RELEASING'
    RETURNING "releaseAt"`;
  if (!rows[0]) return;
  const salon = await db.salon.findUniqueOrThrow({ where: { id: salonId }, select: { name: true, timeZone: true, twilioNumber: true } });
  const day = dayOf(releaseAt, salon.timeZone);
  await writeNumberAudit(db, salonId, NUMBER_ACTIONS.releaseScheduled, { phoneNumber: salon.twilioNumber, releaseAt: releaseAt.toISOString() });
  await emailOwners(salonId, {
    key: `number-release:${releaseAt.toISOString()}`,
    subject: `Your Bolt number will be released on ${day}`,
    body: `${salon.name}'s subscription has ended. Its number, ${formatPhone(salon.twilioNumber)}, is kept until ${day} and then released; subscribe again in Settings → Billing before then to keep it.`,
  });
}

/** The subscription is back: a scheduled release is called off. */
export async function cancelRelease(salonId: string): Promise<void> {
  const { count } = await db.numberProvisioning.updateMany({
    where: { salonId, state: "RELEASING" },
    data: { state: "ACTIVE", releaseAt: null },
  });
  if (count > 0) await writeNumberAudit(db, salonId, NUMBER_ACTIONS.releaseCancelled, {});
}

/** Releases the salon's number if it is due and still unwanted; false when another run has it. */
async function releaseOne(salonId: string, now: Date): Promise<boolean> {
  const lease = await takeLease(salonId, "RELEASING", now);
  if (!lease) return false;
  const salon = await db.salon.findUniqueOrThrow({
    where: { id: salonId },
    select: { subscriptionStatus: true, twilioNumber: true, twilioNumberSid: true, twilioAccountSid: true },
  });
  if (salon.subscriptionStatus === "ACTIVE" || salon.subscriptionStatus === "TRIALING") {
    await db.numberProvisioning.update({ where: { salonId }, data: { state: "ACTIVE", releaseAt: null, leaseUntil: null } });
    return false;
  }
  try {
    if (salon.twilioNumberSid) {
      await releaseNumber({ sid: salon.twilioNumberSid, accountSid: salon.twilioAccountSid ?? env.TWILIO_ACCOUNT_SID ?? "" });
    }
  } catch (err) {
    await dropLease(salonId, describeNumberFailure(err));
    log.warn({ err, salonId }, "releasing a number failed; the next sweep retries");
    return false;
  }
  await db.$transaction(async (tx) => {
    await tx.salon.update({ where: { id: salonId }, data: { twilioNumber: null, twilioNumberSid: null, twilioAccountSid: null } });
    await tx.numberProvisioning.update({
      where: { salonId },
      data: { state: "NONE", releaseAt: null, leaseUntil: null, lastError: null, attempts: 0 },
    });
    await writeNumberAudit(tx, salonId, NUMBER_ACTIONS.released, { phoneNumber: salon.twilioNumber, sid: salon.twilioNumberSid });
  });
  if (salon.twilioNumber) clearSalonNumberCache(salon.twilioNumber);
  return true;
}

const SWEEP_BATCH = 50;

/** The worker's sweep: releases numbers whose date has come (at most a batch per call). Answers how many. */
export async function releaseDueNumbers(now: Date): Promise<number> {
  const due = await db.numberProvisioning.findMany({
    where: { state: "RELEASING", releaseAt: { lte: now } },
    orderBy: { releaseAt: "asc" },
    take: SWEEP_BATCH,
    select: { salonId: true },
  });
  let released = 0;
  for (const { salonId } of due) if (await releaseOne(salonId, now)) released += 1;
  return released;
}
