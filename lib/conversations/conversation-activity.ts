// What moves a conversation in the inbox (the rule is spelled out in list-conversations.ts): the
// customer's texts and the texts staff write. Both paths move Customer.lastMessageAt through here.
import type { Notification, NotificationKind, Prisma } from "@/lib/generated/prisma/client";

/** The kind a person writes (inbox reply, New-text page, API); every other kind is Bolt's own. */
export const STAFF_TEXT_KIND = "CUSTOM" satisfies NotificationKind;

/** Moves the conversation to `at`, forward only: a late, retried or replayed text never moves it back. */
export async function moveConversationTo(client: Prisma.TransactionClient, salonId: string, customerId: string, at: Date) {
  await client.customer.updateMany({
    where: { id: customerId, salonId, OR: [{ lastMessageAt: null }, { lastMessageAt: { lt: at } }] },
    data: { lastMessageAt: at },
  });
}

/**
 * A text just written by sendSms: one staff wrote to a customer moves their conversation to when it was
 * written, whatever becomes of it (held for quiet hours, failed, refused after STOP) — its fate is known
 * only later, and the row's place, time and preview must stay with the same text. Bolt's own don't.
 */
export async function noteTextWritten(
  client: Prisma.TransactionClient,
  text: Pick<Notification, "salonId" | "customerId" | "kind" | "channel" | "createdAt">,
) {
  if (text.kind !== STAFF_TEXT_KIND || text.channel !== "SMS" || !text.customerId) return;
  await moveConversationTo(client, text.salonId, text.customerId, text.createdAt);
}
