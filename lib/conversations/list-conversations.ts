// The Messages inbox: one row per customer who has a conversation with the salon (texted in, or was
// texted from the inbox), most recent first, with the last message either way, the unread count and
// the opt-out state. The order is Customer.lastMessageAt, moved by the customer's texts and staff
// replies only: automated texts (reminders…) show as the last message once sent but don't reorder the
// inbox. The last message is one that happened — a text still waiting for its time (a reminder for
// tomorrow) or stopped before sending is not it.
// Four indexed queries per page, whatever the history: Prisma's nested `take`/`_count` would read every
// message of the page's customers (and count unread texts salon-wide), so the per-customer "latest"
// lookups are LIMIT 1 subqueries instead.
import { encodeCursor, type Cursor, type Page } from "@/lib/api/pagination";
import { withSalonTransaction } from "@/lib/db";
import type { Prisma, SmsConsent } from "@/lib/generated/prisma/client";
import { compareThreadMessages, fromInbound, fromOutbound, inboundThreadSelect, OUTBOUND_AT_SQL, outboundThreadSelect, type ThreadMessage } from "@/lib/conversations/thread-message";

export type ListConversationsOptions = { cursor?: Cursor; limit: number; unreadOnly?: boolean; q?: string; now?: Date };

export type ConversationSummary = {
  customer: { id: string; name: string | null; phone: string; isNew: boolean; smsConsent: SmsConsent; optedOutAt: Date | null };
  lastMessageAt: Date;
  lastMessage: ThreadMessage | null;
  unreadCount: number;
};

type Latest = { customerId: string; unreadCount: number; lastInboundId: string | null; lastOutboundId: string | null };

function searchWhere(q: string): Prisma.CustomerWhereInput {
  // People type numbers any way ("(415) 555-0142"); stored numbers are E.164, so match on digits.
  const digits = q.replace(/\D/g, "");
  const byName: Prisma.CustomerWhereInput = { name: { contains: q, mode: "insensitive" } };
  return digits.length >= 3 ? { OR: [byName, { phone: { contains: digits } }] } : byName;
}

function afterCursor(cursor: Cursor | undefined): Prisma.CustomerWhereInput {
  if (!cursor) return {};
  // The shared cursor names its date "createdAt"; here it carries lastMessageAt.
  return { OR: [{ lastMessageAt: { lt: cursor.createdAt } }, { lastMessageAt: cursor.createdAt, id: { lt: cursor.id } }] };
}

export async function listConversations(salonId: string, opts: ListConversationsOptions): Promise<Page<ConversationSummary>> {
  const now = opts.now ?? new Date();
  return withSalonTransaction(salonId, async (tx) => {
    const rows = await tx.customer.findMany({
      where: {
        AND: [
          { salonId, lastMessageAt: { not: null } },
          opts.unreadOnly ? { inboundMessages: { some: { salonId, readAt: null } } } : {},
          opts.q ? searchWhere(opts.q) : {},
          afterCursor(opts.cursor),
        ],
      },
      orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
      take: opts.limit + 1,
      select: { id: true, name: true, phone: true, isNew: true, smsConsent: true, optedOutAt: true, lastMessageAt: true },
    });
    const page = rows.slice(0, opts.limit);
    const ids = page.map((r) => r.id);
    const latest = ids.length
      ? await tx.$queryRaw<Latest[]>`
          SELECT c.id AS "customerId",
            (SELECT count(*)::int FROM "inbound_messages" m
              WHERE m."salonId" = ${salonId} AND m."customerId" = c.id AND m."readAt" IS NULL) AS "unreadCount",
            (SELECT m.id FROM "inbound_messages" m WHERE m."salonId" = ${salonId} AND m."customerId" = c.id
              ORDER BY m."receivedAt" DESC, m.id DESC LIMIT 1) AS "lastInboundId",
            (SELECT n.id FROM "notifications" n WHERE n."salonId" = ${salonId} AND n."customerId" = c.id AND n."channel" = 'SMS'
                AND n."status" <> 'CANCELED' AND n."createdAt" <= ${now}::timestamp(3) AND ${OUTBOUND_AT_SQL} <= ${now}::timestamp(3)
              ORDER BY ${OUTBOUND_AT_SQL} DESC, n.id DESC LIMIT 1) AS "lastOutboundId"
          FROM unnest(${ids}::text[]) AS c(id)`
      : [];
    const inboundIds = latest.flatMap((l) => (l.lastInboundId ? [l.lastInboundId] : []));
    const outboundIds = latest.flatMap((l) => (l.lastOutboundId ? [l.lastOutboundId] : []));
    const [inbound, outbound] = await Promise.all([
      tx.inboundMessage.findMany({ where: { salonId, id: { in: inboundIds } }, select: { ...inboundThreadSelect, customerId: true } }),
      tx.notification.findMany({ where: { salonId, id: { in: outboundIds } }, select: { ...outboundThreadSelect, customerId: true } }),
    ]);
    const byCustomer = new Map(latest.map((l) => [l.customerId, l]));

    const data = page.map((row): ConversationSummary => {
      const candidates = [
        ...inbound.filter((m) => m.customerId === row.id).map(fromInbound),
        ...outbound.filter((n) => n.customerId === row.id).map(fromOutbound),
      ].sort(compareThreadMessages);
      const { lastMessageAt, ...customer } = row;
      return {
        customer,
        lastMessageAt: lastMessageAt ?? new Date(0),
        lastMessage: candidates.at(-1) ?? null,
        unreadCount: byCustomer.get(row.id)?.unreadCount ?? 0,
      };
    });
    const last = data.at(-1);
    return { data, nextCursor: rows.length > opts.limit && last ? encodeCursor({ createdAt: last.lastMessageAt, id: last.customer.id }) : null };
  });
}
