// Opting out and back in (per salon: a customer row belongs to one salon, so consent does too), and
// the one exception to "nothing reaches an opted-out customer": the answer to the STOP, START or HELP
// they just sent. Carriers (CTIA) expect STOP to be confirmed and HELP to be answered even after
// opting out. Answers to C and R (APPOINTMENT_REPLY) and the auto-reply are not exempt.
import { db } from "@/lib/db";
import type { NotificationKind } from "@/lib/generated/prisma/client";

/** Kinds the sending pipeline delivers to an opted-out customer (sendSms and the delivery job ask this, at send time too). */
export function isAllowedWhenOptedOut(kind: NotificationKind): boolean {
  return kind === "KEYWORD_REPLY";
}

/** STOP: returns true when the customer was opted in until now. */
export async function optOutCustomer(salonId: string, customerId: string, at: Date): Promise<boolean> {
  const { count } = await db.customer.updateMany({
    where: { id: customerId, salonId, smsConsent: "OPTED_IN" },
    data: { smsConsent: "OPTED_OUT", optedOutAt: at },
  });
  return count > 0;
}

/** START: returns true when the customer was opted out until now. */
export async function optInCustomer(salonId: string, customerId: string): Promise<boolean> {
  const { count } = await db.customer.updateMany({
    where: { id: customerId, salonId, smsConsent: "OPTED_OUT" },
    data: { smsConsent: "OPTED_IN", optedOutAt: null },
  });
  return count > 0;
}

/**
 * The carrier says this number has opted out of the salon's texts (Twilio's 21610, on a send or in a
 * delivery report): record it on the salon's customer with that number so nothing is queued to it again.
 */
export async function recordCarrierOptOut(salonId: string, phone: string, at: Date): Promise<void> {
  await db.customer.updateMany({
    where: { salonId, phone, smsConsent: "OPTED_IN" },
    data: { smsConsent: "OPTED_OUT", optedOutAt: at },
  });
}
