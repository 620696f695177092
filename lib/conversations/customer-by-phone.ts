// A customer found by the number they text or call from, made when the number is new (an incoming text,
// or staff texting a caller back). Texts that went to a number before it was a customer (a missed-call
// text-back, booking info) join the new customer's thread. Staff-facing texts stay out: the number may be
// an employee's.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SmsConsent } from "@/lib/generated/prisma/enums";
import type { Language } from "@/lib/i18n/language";

const CUSTOMER_FACING_KINDS = ["CUSTOM", "MISSED_CALL", "BOOKING_INFO", "AUTO_REPLY", "KEYWORD_REPLY"] as const;

export type PhoneCustomer = { id: string; phone: string; name: string | null; smsConsent: SmsConsent; isNew: boolean; language?: Language | null };

async function adoptEarlierTexts(tx: Prisma.TransactionClient, salonId: string, phone: string, customerId: string): Promise<void> {
  await tx.notification.updateMany({
    where: { salonId, customerId: null, channel: "SMS", destination: phone, kind: { in: [...CUSTOMER_FACING_KINDS] } },
    data: { customerId, recipientKind: "CUSTOMER" },
  });
}

/** The salon's customer with this number (E.164), made (with the number's earlier texts) when there is none; `created` says so. */
export async function customerByPhone(
  tx: Prisma.TransactionClient,
  salonId: string,
  phone: string,
): Promise<{ customer: PhoneCustomer; created: boolean }> {
  const created = await tx.customer.createMany({ data: [{ salonId, phone, isNew: true }], skipDuplicates: true });
  // A number merged into another record finds that record (lib/customers/merge-customers.ts): one
  // statement, two unique-index probes. The phone stays the one that texted, which replies go to. CASE,
  // not COALESCE: under row-level security PostgreSQL treats COALESCE as possibly leaky, so a join on it
  // can't probe k's primary key and reads the whole table instead.
  const [customer] = await tx.$queryRaw<PhoneCustomer[]>`
    SELECT k."id", c."phone", k."name", k."smsConsent", k."isNew", k."language"
    FROM "customers" c
    JOIN "customers" k ON k."id" = CASE WHEN c."mergedIntoId" IS NULL THEN c."id" ELSE c."mergedIntoId" END
    WHERE c."salonId" = ${salonId} AND c."phone" = ${phone}`;
  if (!customer) throw new Error(`customer for ${phone} vanished after its insert`);
  if (created.count > 0) await adoptEarlierTexts(tx, salonId, phone, customer.id);
  return { customer, created: created.count > 0 };
}
