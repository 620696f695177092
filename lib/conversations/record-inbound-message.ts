// Stores an incoming text once per MessageSid and files it under the customer with that number at
// this salon (an unknown number becomes a new customer, marked isNew). One transaction, scoped to the
// salon; duplicates and concurrent deliveries resolve in the database (ON CONFLICT DO NOTHING). The
// caller acts on the message while `processedAt` is null, whichever delivery stored it: a delivery
// that stored the text and then died must not leave the text unanswered (see act-on-inbound-text.ts).
import { withSalonTransaction } from "@/lib/db";
import type { SmsConsent } from "@/lib/generated/prisma/client";
import type { InboundKeyword } from "@/lib/messaging/keywords";

export type InboundMessageInput = {
  messageSid: string;
  from: string;
  to: string;
  body: string;
  numMedia: number;
  mediaUrls: string[];
  keyword: InboundKeyword | null;
  receivedAt: Date;
};

export type InboundCustomer = { id: string; phone: string; name: string | null; smsConsent: SmsConsent; isNew: boolean };

export const inboundCustomerSelect = { id: true, phone: true, name: true, smsConsent: true, isNew: true } as const;

/** The stored row as the caller needs it: `processedAt` null means nobody has finished acting on it. */
export type StoredInboundMessage = { id: string; receivedAt: Date; processedAt: Date | null };

export type RecordedInboundMessage = {
  /** This delivery's insert won (false for a duplicate or a retry). */
  inserted: boolean;
  /** Null only if the MessageSid is stored under another salon (not this salon's to act on). */
  message: StoredInboundMessage | null;
  customer: InboundCustomer;
  customerCreated: boolean;
};

const storedSelect = { id: true, receivedAt: true, processedAt: true } as const;

// Texts that went to this number before it was a customer (a missed-call text-back, booking info)
// join the new customer's thread. Staff-facing texts stay out: the number may be an employee's.
const CUSTOMER_FACING_KINDS = ["CUSTOM", "MISSED_CALL", "BOOKING_INFO", "AUTO_REPLY", "KEYWORD_REPLY"] as const;

export async function recordInboundMessage(salonId: string, input: InboundMessageInput): Promise<RecordedInboundMessage> {
  return withSalonTransaction(salonId, async (tx) => {
    const created = await tx.customer.createMany({
      data: [{ salonId, phone: input.from, isNew: true }],
      skipDuplicates: true,
    });
    const customer = await tx.customer.findUniqueOrThrow({
      where: { salonId_phone: { salonId, phone: input.from } },
      select: inboundCustomerSelect,
    });
    if (created.count > 0) {
      await tx.notification.updateMany({
        where: { salonId, customerId: null, channel: "SMS", destination: input.from, kind: { in: [...CUSTOMER_FACING_KINDS] } },
        data: { customerId: customer.id, recipientKind: "CUSTOMER" },
      });
    }

    const [message] = await tx.inboundMessage.createManyAndReturn({
      data: [
        {
          salonId,
          customerId: customer.id,
          messageSid: input.messageSid,
          from: input.from,
          to: input.to,
          body: input.body,
          numMedia: input.numMedia,
          mediaUrls: input.mediaUrls,
          keyword: input.keyword,
          receivedAt: input.receivedAt,
        },
      ],
      skipDuplicates: true,
      select: storedSelect,
    });
    if (!message) {
      // Already stored: a retry must still act if the earlier delivery never finished (processedAt null).
      const stored = await tx.inboundMessage.findFirst({ where: { salonId, messageSid: input.messageSid }, select: storedSelect });
      return { inserted: false, message: stored, customer, customerCreated: created.count > 0 };
    }

    // Forward only: a late-delivered older text must not move the conversation back in time.
    await tx.customer.updateMany({
      where: { id: customer.id, salonId, OR: [{ lastMessageAt: null }, { lastMessageAt: { lt: input.receivedAt } }] },
      data: { lastMessageAt: input.receivedAt },
    });
    return { inserted: true, message, customer, customerCreated: created.count > 0 };
  });
}
