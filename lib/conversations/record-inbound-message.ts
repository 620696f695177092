// Stores an incoming text once per MessageSid and files it under the customer with that number at
// this salon (an unknown number becomes a new customer, marked isNew). One transaction, scoped to the
// salon; duplicates and concurrent deliveries resolve in the database (ON CONFLICT DO NOTHING). In the
// same transaction the delivery claims the text (lib/messaging/inbound-claims.ts): a stored text is
// always either held by a delivery about to act on it or waiting its turn behind an older one of the
// customer's texts, so two texts arriving together are both acted on, in the order they were stored.
import { customerByPhone, type PhoneCustomer } from "@/lib/conversations/customer-by-phone";
import { moveConversationTo } from "@/lib/conversations/conversation-activity";
import { withSalonTransaction } from "@/lib/db";
import {
  ATTEMPT_LEASE_MS,
  claimInboundTextInTx,
  lockCustomerTexts,
  type Claim,
} from "@/lib/messaging/inbound-claims";
import { systemClock, type Clock } from "@/lib/time/clock";
import type { InboundKeyword } from "@/lib/messaging/keywords";

export type InboundMessageInput = {
  messageSid: string;
  from: string;
  to: string;
  body: string;
  numMedia: number;
  mediaUrls: string[];
  keyword: InboundKeyword | null;
  /** The provider already answered the keyword (it is STOP, START or HELP): act on it without replying. */
  answeredByProvider: boolean;
  /** When the delivery arrived. */
  receivedAt: Date;
};

/** `language`: the remembered one (null: not known yet); absent where a caller built it by hand. */
export type InboundCustomer = PhoneCustomer;

/** The stored row as the caller needs it: `processedAt` null means nobody has finished acting on it. */
export type StoredInboundMessage = { id: string; receivedAt: Date; processedAt: Date | null };

export type RecordedInboundMessage =
  | {
      stored: true;
      /** This delivery's insert won (false for a duplicate or a retry). */
      inserted: boolean;
      message: StoredInboundMessage;
      customer: InboundCustomer;
      customerCreated: boolean;
      /** What this delivery may do with the text ("claimed": act on it now). */
      claim: Claim;
    }
  /** The MessageSid is stored under another salon: not this salon's to store or act on (nothing is written). */
  | { stored: false };

/** Rolls back the customer a text stored under another salon would otherwise have created here. */
class StoredUnderAnotherSalon extends Error {}

const storedSelect = { id: true, receivedAt: true, processedAt: true } as const;

/** `clock` dates the claim, read once the customer's texts are locked. */
export async function recordInboundMessage(
  salonId: string,
  input: InboundMessageInput,
  clock: Clock = systemClock,
): Promise<RecordedInboundMessage> {
  try {
    return await storeAndClaim(salonId, input, clock);
  } catch (err) {
    if (err instanceof StoredUnderAnotherSalon) return { stored: false };
    throw err;
  }
}

function storeAndClaim(salonId: string, input: InboundMessageInput, clock: Clock) {
  return withSalonTransaction(salonId, async (tx) => {
    const { customer, created: customerCreated } = await customerByPhone(tx, salonId, input.from);

    await lockCustomerTexts(tx, customer.id);
    // A text stored after another is always newer than it (the customer's texts are acted on in this
    // order): deliveries racing between reading their clock and this lock, or an instance whose clock
    // runs behind, would otherwise swap texts arriving together. Strictly newer: with equal times the
    // order would fall to the ids, and cuids made by different processes aren't ordered.
    const latest = await tx.inboundMessage.aggregate({ where: { salonId, customerId: customer.id }, _max: { receivedAt: true } });
    const latestAt = latest._max.receivedAt?.getTime();
    const receivedAt = new Date(latestAt === undefined ? input.receivedAt.getTime() : Math.max(input.receivedAt.getTime(), latestAt + 1));
    const [inserted] = await tx.inboundMessage.createManyAndReturn({
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
          answeredByProvider: input.answeredByProvider,
          receivedAt,
          // If neither this delivery nor the text it waits behind gets to act on it, the sweep does then.
          nextAttemptAt: new Date(input.receivedAt.getTime() + ATTEMPT_LEASE_MS),
        },
      ],
      skipDuplicates: true,
      select: storedSelect,
    });
    // Already stored (a redelivery): it may still act if no delivery finished (processedAt null).
    const message = inserted ?? (await tx.inboundMessage.findFirst({ where: { salonId, messageSid: input.messageSid }, select: storedSelect }));
    if (!message) throw new StoredUnderAnotherSalon();

    if (inserted) await moveConversationTo(tx, salonId, customer.id, receivedAt);
    // Under the lock taken above, which the claim relies on.
    const claim = await claimInboundTextInTx(tx, salonId, message.id, clock);
    return { stored: true as const, inserted: Boolean(inserted), message, customer, customerCreated, claim };
  });
}
