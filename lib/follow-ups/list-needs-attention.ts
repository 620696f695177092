// The dashboard's "needs attention": open follow-ups (calls, voicemails, text conversations), the
// longest wait first, with who has each. Two indexed reads of at most `limit` rows each: open calls
// through (salonId, followUp, startedAt) read backwards, open conversations by their wait (few per
// salon: each is a customer staff haven't answered), then merged; the totals are counts on the same indexes.
import { withSalonTransaction } from "@/lib/db";
import type { FollowUpReason } from "@/lib/calls/call-summary";

export type NeedsAttentionItem = {
  kind: "call" | "voicemail" | "conversation";
  /** The call's id, or the customer's for a conversation. */
  id: string;
  /** Waiting since: the call's start, or the oldest text staff haven't answered. */
  since: Date;
  customer: { id: string; name: string | null; phone: string } | null;
  /** The caller's number (calls only; it may be withheld). */
  from: string | null;
  /** Why the call needs someone (Bolt's rule), or the customer's latest text. */
  why: FollowUpReason | null;
  lastText: string | null;
  assignee: { id: string; name: string } | null;
};

export type NeedsAttention = { items: NeedsAttentionItem[]; openCalls: number; openConversations: number };

type WaitingText = { customerId: string; body: string };

export async function listNeedsAttention(salonId: string, limit = 8): Promise<NeedsAttention> {
  return withSalonTransaction(salonId, async (tx) => {
    const open = { salonId, followUp: "OPEN" };
    const [calls, conversations, openCalls, openConversations] = await Promise.all([
      tx.callLog.findMany({
        where: open,
        orderBy: [{ startedAt: "asc" }, { id: "asc" }],
        take: limit,
        select: {
          id: true, from: true, startedAt: true, recordingSid: true, transcription: true, summary: true,
          customer: { select: { id: true, name: true, phone: true } },
          assignee: { select: { id: true, name: true } },
        },
      }),
      tx.customer.findMany({
        where: { ...open, mergedIntoId: null },
        orderBy: [{ followUpSince: "asc" }, { id: "asc" }],
        take: limit,
        select: { id: true, name: true, phone: true, followUpSince: true, lastMessageAt: true, followUpAssignee: { select: { id: true, name: true } } },
      }),
      tx.callLog.count({ where: open }),
      tx.customer.count({ where: { ...open, mergedIntoId: null } }),
    ]);
    // Each waiting conversation's latest text from the customer: one LIMIT 1 probe per row.
    const texts = conversations.length
      ? await tx.$queryRaw<WaitingText[]>`
          SELECT c.id AS "customerId", m.body FROM unnest(${conversations.map((c) => c.id)}::text[]) AS c(id)
          JOIN LATERAL (SELECT body FROM "inbound_messages" WHERE "salonId" = ${salonId} AND "customerId" = c.id
            ORDER BY "receivedAt" DESC, id DESC LIMIT 1) m ON true`
      : [];
    const textOf = new Map(texts.map((t) => [t.customerId, t.body]));
    const items: NeedsAttentionItem[] = [
      ...calls.map((c): NeedsAttentionItem => ({
        kind: c.recordingSid || c.transcription ? "voicemail" : "call",
        id: c.id,
        since: c.startedAt,
        customer: c.customer,
        from: c.from,
        why: (c.summary as { followUp?: FollowUpReason | null } | null)?.followUp ?? null,
        lastText: null,
        assignee: c.assignee,
      })),
      ...conversations.map((c): NeedsAttentionItem => ({
        kind: "conversation",
        id: c.id,
        since: c.followUpSince ?? c.lastMessageAt ?? new Date(0),
        customer: { id: c.id, name: c.name, phone: c.phone },
        from: null,
        why: null,
        lastText: textOf.get(c.id) ?? null,
        assignee: c.followUpAssignee,
      })),
    ];
    items.sort((a, b) => a.since.getTime() - b.since.getTime() || a.id.localeCompare(b.id));
    return { items: items.slice(0, limit), openCalls, openConversations };
  });
}
