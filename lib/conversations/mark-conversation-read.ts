// Staff have seen a conversation: its waiting texts stop counting as unread.
import { notFound } from "@/lib/api/errors";
import { withSalonTransaction } from "@/lib/db";

export async function markConversationRead(salonId: string, customerId: string, now = new Date()): Promise<{ customerId: string; markedRead: number }> {
  return withSalonTransaction(salonId, async (tx) => {
    const customer = await tx.customer.updateMany({ where: { id: customerId, salonId }, data: { conversationReadAt: now } });
    if (customer.count === 0) throw notFound("Conversation");
    const messages = await tx.inboundMessage.updateMany({ where: { salonId, customerId, readAt: null }, data: { readAt: now } });
    return { customerId, markedRead: messages.count };
  });
}
