// One message of a conversation, whichever way it went: a text the customer sent (InboundMessage) or
// a text the salon sent them (an SMS Notification, with its delivery state). Shared by the thread and
// the conversation list's "last message".
import type { NotificationKind, NotificationStatus, Prisma } from "@/lib/generated/prisma/client";

export const inboundThreadSelect = {
  id: true,
  body: true,
  mediaUrls: true,
  keyword: true,
  receivedAt: true,
  readAt: true,
} satisfies Prisma.InboundMessageSelect;

export const outboundThreadSelect = {
  id: true,
  body: true,
  kind: true,
  status: true,
  errorCode: true,
  failureReason: true,
  createdByUserId: true,
  scheduledFor: true,
  sentAt: true,
  deliveredAt: true,
  failedAt: true,
  createdAt: true,
} satisfies Prisma.NotificationSelect;

type InboundRow = Prisma.InboundMessageGetPayload<{ select: typeof inboundThreadSelect }>;
type OutboundRow = Prisma.NotificationGetPayload<{ select: typeof outboundThreadSelect }>;

export type InboundThreadMessage = {
  direction: "INBOUND";
  id: string;
  at: Date;
  body: string;
  mediaUrls: string[];
  keyword: string | null;
  readAt: Date | null;
};

export type OutboundThreadMessage = {
  direction: "OUTBOUND";
  id: string;
  at: Date;
  body: string;
  kind: NotificationKind;
  status: NotificationStatus;
  errorCode: string | null;
  failureReason: string | null;
  createdByUserId: string | null;
  scheduledFor: Date | null;
  sentAt: Date | null;
  deliveredAt: Date | null;
  failedAt: Date | null;
};

export type ThreadMessage = InboundThreadMessage | OutboundThreadMessage;

export function fromInbound(row: InboundRow): InboundThreadMessage {
  return { direction: "INBOUND", id: row.id, at: row.receivedAt, body: row.body, mediaUrls: row.mediaUrls, keyword: row.keyword, readAt: row.readAt };
}

export function fromOutbound(row: OutboundRow): OutboundThreadMessage {
  return {
    direction: "OUTBOUND",
    id: row.id,
    at: row.createdAt,
    body: row.body,
    kind: row.kind,
    status: row.status,
    errorCode: row.errorCode,
    failureReason: row.failureReason,
    createdByUserId: row.createdByUserId,
    scheduledFor: row.scheduledFor,
    sentAt: row.sentAt,
    deliveredAt: row.deliveredAt,
    failedAt: row.failedAt,
  };
}

/** Oldest first; ties (same millisecond) by id so the order is stable across requests. */
export function compareThreadMessages(a: ThreadMessage, b: ThreadMessage): number {
  return a.at.getTime() - b.at.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The first of the customer's texts nobody had read when the thread was loaded: where the "New" line
 * goes. Read before the thread is marked read (opening it does that), so the page can still show it.
 */
export function firstUnreadMessageId(messages: ThreadMessage[]): string | null {
  return messages.find((m) => m.direction === "INBOUND" && m.readAt === null)?.id ?? null;
}
