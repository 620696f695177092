// One customer's conversation: who they are (with their opt-out state) and the texts both ways in time
// order — the latest `limit`, or those before `before` to scroll back. Outgoing texts carry their
// delivery state and who on the staff wrote them, and sit at when they went out (outboundAt), so texts
// still waiting for their time come last.
import { notFound } from "@/lib/api/errors";
import { salonDb, withSalonTransaction } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { compareThreadMessages, fromInbound, fromOutbound, inboundThreadSelect, OUTBOUND_AT_SQL, outboundThreadSelect, type ThreadMessage } from "@/lib/conversations/thread-message";

const customerSelect = {
  id: true,
  name: true,
  phone: true,
  email: true,
  isNew: true,
  smsConsent: true,
  optedOutAt: true,
  conversationReadAt: true,
  lastMessageAt: true,
  notes: true,
  followUp: true,
  followUpSince: true,
  followUpAssignee: { select: { id: true, name: true } },
} as const;

/** The customer's latest `take` texts from the salon by outboundAt (before `before`, if given). */
async function findOutbound(salonId: string, customerId: string, take: number, before: Date | undefined) {
  return withSalonTransaction(salonId, async (tx) => {
    // outboundAt is never before createdAt, so the createdAt bound lets the index skip later rows.
    const earlier = before
      ? Prisma.sql`AND n."createdAt" < ${before}::timestamp(3) AND ${OUTBOUND_AT_SQL} < ${before}::timestamp(3)`
      : Prisma.empty;
    const ids = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT n.id FROM "notifications" n
      WHERE n."salonId" = ${salonId} AND n."customerId" = ${customerId} AND n."channel" = 'SMS' ${earlier}
      ORDER BY ${OUTBOUND_AT_SQL} DESC, n.id DESC
      LIMIT ${take}`;
    return tx.notification.findMany({ where: { salonId, id: { in: ids.map((r) => r.id) } }, select: outboundThreadSelect });
  });
}

export async function getConversation(salonId: string, customerId: string, opts: { limit?: number; before?: Date } = {}) {
  const limit = opts.limit ?? 100;
  const scoped = salonDb(salonId);
  const customer = await scoped.customer.findFirst({ where: { id: customerId, salonId }, select: customerSelect });
  if (!customer) throw notFound("Conversation");

  // Each side fetches one past the limit: after merging, an extra row means older messages exist.
  const [inbound, outbound, unreadCount] = await Promise.all([
    scoped.inboundMessage.findMany({
      where: { salonId, customerId, ...(opts.before ? { receivedAt: { lt: opts.before } } : {}) },
      orderBy: [{ receivedAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: inboundThreadSelect,
    }),
    findOutbound(salonId, customerId, limit + 1, opts.before),
    scoped.inboundMessage.count({ where: { salonId, customerId, readAt: null } }),
  ]);
  const merged: ThreadMessage[] = [...inbound.map(fromInbound), ...outbound.map(fromOutbound)].sort(compareThreadMessages);
  const messages = merged.slice(-limit);

  // Names of the staff who wrote replies (users aren't salon rows; only ids from this salon's texts are asked).
  const authorIds = [...new Set(messages.flatMap((m) => (m.direction === "OUTBOUND" && m.createdByUserId ? [m.createdByUserId] : [])))];
  const authors = authorIds.length ? await scoped.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } }) : [];

  return {
    customer,
    messages,
    hasEarlier: merged.length > limit,
    unreadCount,
    authors: Object.fromEntries(authors.map((a) => [a.id, a.name])) as Record<string, string>,
  };
}
