// One message of a conversation, whichever way it went: a text the customer sent (InboundMessage) or
// a text the salon sent them (an SMS Notification, with its delivery state). Shared by the thread and
// the conversation list's "last message".
// A text to the customer is placed when it happened, not when it was queued: a reminder queued today
// for tomorrow sits at tomorrow's time (the end of the thread) until it goes, then at when it went.
import { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind, NotificationStatus } from "@/lib/generated/prisma/client";

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
  updatedAt: true,
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

type OutboundTimes = Pick<OutboundRow, "status" | "scheduledFor" | "sentAt" | "failedAt" | "createdAt" | "updatedAt">;

/**
 * When a text to the customer happened: handed to Twilio (sentAt), or failed before that; while it
 * waits, the moment it is due (a reminder's time, or the end of quiet hours once delivery has put it
 * off); if stopped before sending, when it was stopped (or was due, if earlier). Never before it was
 * queued, which lets queries bound the scan by createdAt. Mirrored in SQL by OUTBOUND_AT_SQL.
 */
function outboundAt(row: OutboundTimes): Date {
  const due = row.scheduledFor && row.scheduledFor > row.createdAt ? row.scheduledFor : row.createdAt;
  const happened = row.sentAt ?? row.failedAt;
  if (happened) return happened;
  if (row.status === "CANCELED") return row.updatedAt < due ? row.updatedAt : due;
  return due;
}

/** outboundAt for a notifications row aliased `n`, for ordering and filtering in SQL (GREATEST skips NULLs). */
export const OUTBOUND_AT_SQL = Prisma.sql`COALESCE(n."sentAt", n."failedAt", CASE
  WHEN n."status" = 'CANCELED' THEN LEAST(GREATEST(n."createdAt", n."scheduledFor"), n."updatedAt")
  ELSE GREATEST(n."createdAt", n."scheduledFor") END)`;

export function fromOutbound(row: OutboundRow): OutboundThreadMessage {
  return {
    direction: "OUTBOUND",
    id: row.id,
    at: outboundAt(row),
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

/** The newest text that has happened (texts waiting for their time sort after it): what a new one would follow. */
export function latestMessageId(messages: ThreadMessage[], now: Date): string | null {
  return messages.findLast((m) => m.at.getTime() <= now.getTime())?.id ?? null;
}
