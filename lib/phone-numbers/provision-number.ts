// The provisioning job's run for one salon: take the row's lease, adopt a number an earlier run bought
// but never recorded (found by the FriendlyName naming the salon), else search nearest first and buy
// one pointed at Bolt's webhooks; record it, note it in the history and tell the owners. A failure
// leaves the request PENDING with the reason in words and is thrown, so pg-boss retries with backoff.
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { formatPhone } from "@/lib/phone";
import { expectedWebhooks } from "@/lib/phone-numbers/expected-webhooks";
import { NUMBER_ACTIONS, writeNumberAudit } from "@/lib/phone-numbers/number-audit";
import { dropLease, takeLease } from "@/lib/phone-numbers/number-lease";
import { numberSearchesFor, type SalonPlace } from "@/lib/phone-numbers/number-search";
import { emailOwners } from "@/lib/phone-numbers/notify-owners";
import { hasNumberSubscription, syncNumberWithSubscription } from "@/lib/phone-numbers/subscription-sync";
import { clearSalonNumberCache } from "@/lib/telephony/find-salon-by-number";
import {
  buyNumber,
  describeNumberFailure,
  findNumbersByFriendlyName,
  isNumberTaken,
  searchLocalNumbers,
  type OwnedNumber,
} from "@/lib/telephony/incoming-numbers";

const log = logger.child({ module: "phone-numbers" });

export type ProvisionOutcome = "bought" | "adopted" | "busy" | "not-pending" | "had-number" | "not-subscribed";

/** The Twilio FriendlyName of a salon's number: how a purchase whose record was lost is found again. */
export function friendlyNameFor(salonId: string): string {
  return `Bolt salon ${salonId}`;
}

class NoNumbersForSale extends Error {
  constructor(country: string) {
    super(`Twilio has no local numbers for sale in ${country} right now; Bolt will keep trying.`);
  }
}

async function buyNearest(salon: SalonPlace, preferredAreaCode: string | null, friendlyName: string): Promise<OwnedNumber> {
  const webhooks = expectedWebhooks();
  for (const search of numberSearchesFor(salon, preferredAreaCode)) {
    for (const phoneNumber of await searchLocalNumbers(search)) {
      try {
        return await buyNumber({ phoneNumber, friendlyName, webhooks });
      } catch (err) {
        if (!isNumberTaken(err)) throw err; // sold to someone else since the search: the next one
      }
    }
  }
  throw new NoNumbersForSale(salon.country);
}

async function recordNumber(salonId: string, number: OwnedNumber, adopted: boolean, attempts: number): Promise<void> {
  await db.$transaction(async (tx) => {
    await tx.salon.updateMany({
      where: { id: salonId, twilioNumber: null },
      data: { twilioNumber: number.phoneNumber, twilioNumberSid: number.sid, twilioAccountSid: number.accountSid },
    });
    await tx.numberProvisioning.update({
      where: { salonId },
      data: { state: "ACTIVE", leaseUntil: null, lastError: null, releaseAt: null, preferredAreaCode: null },
    });
    await writeNumberAudit(tx, salonId, NUMBER_ACTIONS.provisioned, {
      phoneNumber: number.phoneNumber,
      sid: number.sid,
      adopted,
      attempts,
    });
  });
  clearSalonNumberCache(number.phoneNumber);
}

/** One run for `salonId` (the job's body; also what tests call). Throws to have the job retried. */
export async function provisionNumber(salonId: string, now: Date): Promise<ProvisionOutcome> {
  const lease = await takeLease(salonId, "PENDING", now);
  if (!lease) {
    const row = await db.numberProvisioning.findUnique({ where: { salonId }, select: { state: true } });
    return row?.state === "PENDING" ? "busy" : "not-pending";
  }
  try {
    const salon = await db.salon.findUniqueOrThrow({ where: { id: salonId } });
    if (salon.twilioNumber) {
      await db.numberProvisioning.update({ where: { salonId }, data: { state: "ACTIVE", leaseUntil: null, lastError: null } });
      return "had-number";
    }
    if (!hasNumberSubscription(salon.subscriptionStatus)) {
      await db.numberProvisioning.update({ where: { salonId }, data: { state: "NONE", leaseUntil: null, lastError: null } });
      return "not-subscribed";
    }
    const friendlyName = friendlyNameFor(salonId);
    const [earlier] = await findNumbersByFriendlyName(friendlyName);
    const number = earlier ?? (await buyNearest(salon, lease.preferredAreaCode, friendlyName));
    await recordNumber(salonId, number, Boolean(earlier), lease.attempts);
    await emailOwners(salonId, {
      key: `number-ready:${number.sid}`,
      subject: `Your Bolt number is ${formatPhone(number.phoneNumber)}`,
      body: `${salon.name} now has its own number, ${formatPhone(number.phoneNumber)}. Bolt answers calls and texts to it from now on; see Settings → Phone number.`,
    });
    // The subscription may have ended while we were buying: the usual grace period then applies.
    await syncNumberWithSubscription(salonId, now);
    return earlier ? "adopted" : "bought";
  } catch (err) {
    const reason = err instanceof NoNumbersForSale ? err.message : describeNumberFailure(err);
    await dropLease(salonId, reason);
    // The history gets a failure when it first happens or its reason changes, not once per retry.
    if (reason !== lease.lastError) await writeNumberAudit(db, salonId, NUMBER_ACTIONS.failed, { reason, attempt: lease.attempts });
    log.warn({ err, salonId, attempt: lease.attempts }, "buying a number failed; the job will retry");
    throw err;
  }
}
