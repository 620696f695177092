// Texts that went to a number before it was a customer (a missed-call text-back, booking info) join
// the new customer's thread. Staff-facing texts stay out: the number may be an employee's.
import type { Prisma } from "@/lib/generated/prisma/client";

const CUSTOMER_FACING_KINDS = ["CUSTOM", "MISSED_CALL", "BOOKING_INFO", "AUTO_REPLY", "KEYWORD_REPLY"] as const;

export async function adoptEarlierTexts(tx: Prisma.TransactionClient, salonId: string, phone: string, customerId: string): Promise<void> {
  await tx.notification.updateMany({
    where: { salonId, customerId: null, channel: "SMS", destination: phone, kind: { in: [...CUSTOMER_FACING_KINDS] } },
    data: { customerId, recipientKind: "CUSTOMER" },
  });
}
