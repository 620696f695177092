// The Messages inbox: one row per customer who has a conversation with the salon, most recent first,
// with the unread count and the opt-out state.
// The one rule of the inbox: a conversation's place, its time and its preview all come from its latest
// *conversational* text — one the customer sent, or one staff wrote to them (an inbox reply, the
// New-text page, the API: kind CUSTOM, conversation-activity.ts), counted from when it was received or
// written, whatever became of it. Bolt's automated texts (reminders, confirmations, auto-replies,
// keyword answers) appear only inside the thread, so a morning's reminders neither reorder the inbox nor
// show as a row's text or time. Customer.lastMessageAt (indexed) holds that text's moment: the incoming
// text and sendSms move it, forward only; the page and its cursor run on it, the row shows it as its
// time, and the preview is the conversational text at that moment (looked up no later than it, so a
// text arriving while the page is read can't preview a row dated before it).
// Four indexed queries per page, whatever the history: Prisma's nested `take`/`_count` would read every
// message of the page's customers (and count unread texts salon-wide), so the per-customer "latest"
// lookup is a LIMIT 1 subquery instead.
import { encodeCursor, type Cursor, type Page } from "@/lib/api/pagination";
import { withSalonTransaction } from "@/lib/db";
import type { Prisma, SmsConsent } from "@/lib/generated/prisma/client";
import { STAFF_TEXT_KIND } from "@/lib/conversations/conversation-activity";
import { fromInbound, fromOutbound, inboundThreadSelect, outboundThreadSelect, type ThreadMessage } from "@/lib/conversations/thread-message";

import type { AssigneeFilter } from "@/lib/follow-ups/assignee";
import { FOLLOW_UP_STATE } from "@/lib/validations/follow-ups";

export type ListConversationsOptions = {
  cursor?: Cursor;
  limit: number;
  unreadOnly?: boolean;
  q?: string;
  /** Conversations waiting for staff (open) or dealt with (handled), read through (salonId, followUp, lastMessageAt). */
  followUp?: keyof typeof FOLLOW_UP_STATE;
  /** ?assignee= resolved: a member's conversations, or (null) nobody's. */
  assignedTo?: AssigneeFilter;
};

export type ConversationSummary = {
  customer: { id: string; name: string | null; phone: string; isNew: boolean; smsConsent: SmsConsent; optedOutAt: Date | null };
  /** The moment of the latest conversational text: the inbox's order and the row's time. */
  lastMessageAt: Date;
  /** That text (the customer's or staff's), never one of Bolt's automated ones. */
  lastMessage: ThreadMessage | null;
  unreadCount: number;
  /** The conversation's follow-up: null (nothing waits), OPEN or HANDLED; since when it waits; who has it. */
  followUp: string | null;
  followUpSince: Date | null;
  assignee: { id: string; name: string } | null;
};

type Latest = { customerId: string; unreadCount: number; lastId: string | null; lastIsInbound: boolean | null };

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
  return withSalonTransaction(salonId, async (tx) => {
    const rows = await tx.customer.findMany({
      where: {
        AND: [
          { salonId, lastMessageAt: { not: null } },
          opts.unreadOnly ? { inboundMessages: { some: { salonId, readAt: null } } } : {},
          opts.q ? searchWhere(opts.q) : {},
          opts.followUp ? { followUp: FOLLOW_UP_STATE[opts.followUp] } : {},
          opts.assignedTo ? { followUpAssigneeId: opts.assignedTo.assigneeId } : {},
          afterCursor(opts.cursor),
        ],
      },
      orderBy: [{ lastMessageAt: "desc" }, { id: "desc" }],
      take: opts.limit + 1,
      select: {
        id: true, name: true, phone: true, isNew: true, smsConsent: true, optedOutAt: true, lastMessageAt: true,
        followUp: true, followUpSince: true, followUpAssignee: { select: { id: true, name: true } },
      },
    });
    const page = rows.slice(0, opts.limit);
    // Each row's own lastMessageAt bounds its preview: the text found is the one that placed the row.
    const latest = page.length
      ? await tx.$queryRaw<Latest[]>`
          SELECT c.id AS "customerId", u."unreadCount", l.id AS "lastId", l.inbound AS "lastIsInbound"
          FROM unnest(${page.map((r) => r.id)}::text[], ${page.map((r) => r.lastMessageAt)}::timestamp(3)[]) AS c(id, at)
          CROSS JOIN LATERAL (SELECT count(*)::int AS "unreadCount" FROM "inbound_messages" m
            WHERE m."salonId" = ${salonId} AND m."customerId" = c.id AND m."readAt" IS NULL) u
          LEFT JOIN LATERAL (
            (SELECT m.id, m."receivedAt" AS at, true AS inbound FROM "inbound_messages" m
              WHERE m."salonId" = ${salonId} AND m."customerId" = c.id AND m."receivedAt" <= c.at
              ORDER BY m."receivedAt" DESC, m.id DESC LIMIT 1)
            UNION ALL
            (SELECT n.id, n."createdAt", false FROM "notifications" n
              WHERE n."salonId" = ${salonId} AND n."customerId" = c.id AND n."channel" = 'SMS'
                AND n."kind" = ${STAFF_TEXT_KIND}::"NotificationKind" AND n."createdAt" <= c.at
              ORDER BY n."createdAt" DESC, n.id DESC LIMIT 1)
            ORDER BY at DESC, inbound DESC LIMIT 1
          ) l ON true`
      : [];
    const idsOf = (inbound: boolean) => latest.flatMap((l) => (l.lastId && l.lastIsInbound === inbound ? [l.lastId] : []));
    const [inbound, outbound] = await Promise.all([
      tx.inboundMessage.findMany({ where: { salonId, id: { in: idsOf(true) } }, select: { ...inboundThreadSelect, customerId: true } }),
      tx.notification.findMany({ where: { salonId, id: { in: idsOf(false) } }, select: { ...outboundThreadSelect, customerId: true } }),
    ]);
    const lastByCustomer = new Map<string | null, ThreadMessage>([
      ...inbound.map((m) => [m.customerId, fromInbound(m)] as const),
      ...outbound.map((n) => [n.customerId, fromOutbound(n)] as const),
    ]);
    const unreadByCustomer = new Map(latest.map((l) => [l.customerId, l.unreadCount]));

    const data = page.map(({ lastMessageAt, followUp, followUpSince, followUpAssignee, ...customer }): ConversationSummary => ({
      customer,
      followUp,
      followUpSince,
      assignee: followUpAssignee,
      lastMessageAt: lastMessageAt ?? new Date(0),
      lastMessage: lastByCustomer.get(customer.id) ?? null,
      unreadCount: unreadByCustomer.get(customer.id) ?? 0,
    }));
    const last = data.at(-1);
    return { data, nextCursor: rows.length > opts.limit && last ? encodeCursor({ createdAt: last.lastMessageAt, id: last.customer.id }) : null };
  });
}
