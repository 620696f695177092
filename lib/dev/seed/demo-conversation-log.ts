// The bookkeeping behind the demo's conversations (demo-conversations.ts tells the stories): a text
// from a customer, already acted on by Bolt; a text to them, delivered; and what the customer row
// learns from both (lastMessageAt only from their texts and staff replies, as the real paths do).
import { randomUUID } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { autoReplyBody, autoReplyKey } from "@/lib/messaging/auto-reply";
import { composeSmsBody } from "@/lib/messaging/compose";
import { describeAppointment } from "@/lib/messaging/keyword-actions";
import { parseInboundKeyword } from "@/lib/messaging/keywords";
import { nextOpening } from "@/lib/salons/business-hours";
import type { DemoBook, DemoTextCustomer } from "@/lib/dev/seed/demo-appointment-texts";
import { between, sid, type Rand } from "@/lib/dev/seed/demo-random";
import type { DemoAppointment } from "@/lib/dev/seed/demo-schedule";
import { buildDemoText, type DemoText } from "@/lib/dev/seed/demo-text-row";

/** The salon's own settings the stories need; its hours are the clock's (DemoClock.hours). */
export type ConversationSalon = {
  autoReply: string | null;
  forwardingPhone: string;
  twilioNumber: string;
  /** Who answers in the inbox: the owner and the staff login. */
  ownerId: string;
  staffId: string;
};

export type ConversationsInput = {
  book: DemoBook;
  salon: ConversationSalon;
  rand: Rand;
  appointments: DemoAppointment[];
  /** The appointment texts already sent (confirmations, reminders). */
  texts: DemoText[];
};

/**
 * What the customer rows learn from their conversations; the follow-up as the running app would leave
 * it (lib/conversations/conversation-follow-up.ts): open since the first text nobody has read, handled by a reply.
 */
export type ConversationMarks = { lastMessageAt: Date; conversationReadAt: Date | null; followUp?: "OPEN" | "HANDLED"; followUpSince?: Date | null };

export const MINUTE = 60_000;
/** Bolt acts on a text this soon after it arrives. */
export const ACTED_AFTER_MS = 2000;

export class Conversations {
  readonly inbound: Prisma.InboundMessageCreateManyInput[] = [];
  readonly texts: DemoText[] = [];
  readonly marks = new Map<string, ConversationMarks>();
  readonly used = new Set<string>();

  constructor(readonly input: ConversationsInput) {}

  get clock() {
    return this.input.book.clock;
  }

  customer(id: string): DemoTextCustomer {
    return this.input.book.customers.get(id) as DemoTextCustomer;
  }

  /** Opted in, textable, and not already in another story. */
  isFree(id: string): boolean {
    const c = this.customer(id);
    return !this.used.has(id) && !c.landline && c.optedOutAt === null;
  }

  private mark(customerId: string, at: Date, readAt: Date | null, followUp?: "OPEN" | "HANDLED") {
    const seen = this.marks.get(customerId);
    const read = [seen?.conversationReadAt, readAt].filter((d): d is Date => d instanceof Date);
    const stillOpen = followUp === "OPEN" && seen?.followUp === "OPEN" && seen.followUpSince && seen.followUpSince < at;
    this.marks.set(customerId, {
      lastMessageAt: seen && seen.lastMessageAt > at ? seen.lastMessageAt : at,
      conversationReadAt: read.length ? new Date(Math.max(...read.map((d) => d.getTime()))) : null,
      ...(followUp ? { followUp, followUpSince: followUp === "OPEN" ? (stillOpen ? seen.followUpSince : at) : null } : {}),
      ...(!followUp && seen?.followUp ? { followUp: seen.followUp, followUpSince: seen.followUpSince } : {}),
    });
  }

  /** A text from the customer, acted on by Bolt a moment later; unread unless `readAt`. */
  received(customerId: string, body: string, at: Date, readAt: Date | null): string {
    const c = this.customer(customerId);
    const messageSid = sid("SM");
    // Staff can only have read it by now.
    const read = readAt && readAt < this.clock.now ? readAt : null;
    this.inbound.push({
      id: randomUUID(),
      salonId: this.input.book.salon.id,
      customerId,
      messageSid,
      from: c.phone,
      to: this.input.salon.twilioNumber,
      body,
      keyword: parseInboundKeyword(body),
      receivedAt: at,
      processedAt: new Date(at.getTime() + ACTED_AFTER_MS),
      readAt: read,
    });
    this.mark(customerId, at, read, read ? undefined : "OPEN");
    return messageSid;
  }

  /** A text to the customer that went through at once (replies aren't held by quiet hours). */
  sent(
    customerId: string,
    kind: NotificationKind,
    body: string,
    at: Date,
    extra: { key?: string; by?: string } = {},
  ) {
    const c = this.customer(customerId);
    this.texts.push(
      buildDemoText({
        salonId: this.input.book.salon.id,
        kind,
        body: composeSmsBody({ salonName: this.input.book.salon.name, body }),
        destination: c.phone,
        recipientKind: "CUSTOMER",
        customerId,
        createdByUserId: extra.by ?? null,
        key: extra.key ?? null,
        queuedAt: at,
        outcome: { status: "DELIVERED" },
      }),
    );
    // Only a person's reply moves the conversation up the inbox (replyToCustomer); Bolt's don't.
    if (kind === "CUSTOM") this.mark(customerId, at, at, this.marks.get(customerId)?.followUp ? "HANDLED" : undefined);
  }

  autoReply(customerId: string, at: Date) {
    const { book, salon } = this.input;
    const body = autoReplyBody(
      {
        id: book.salon.id,
        autoReply: salon.autoReply,
        businessHours: book.clock.hours,
        timeZone: book.clock.timeZone,
      },
      at,
    );
    this.sent(customerId, "AUTO_REPLY", body, at, { key: autoReplyKey(customerId, null) });
  }

  /** The customer's appointment a C or R at `at` acts on: the first one starting after it. */
  nextAppointment(customerId: string, at: Date): DemoAppointment | undefined {
    return this.input.appointments
      .filter((a) => a.customerId === customerId && a.startsAt > at)
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || (a.id < b.id ? -1 : 1))[0];
  }

  lastTextTo(customerId: string): Date {
    const times = [...this.input.texts, ...this.texts]
      .filter((t) => t.notification.customerId === customerId && t.notification.createdAt < this.clock.now)
      .map((t) => t.notification.createdAt.getTime());
    return new Date(Math.max(0, ...times));
  }

  describe(a: DemoAppointment, at: Date): string {
    return describeAppointment(this.input.book.serviceNames.get(a.serviceId), a.startsAt, at, this.clock.timeZone);
  }

  staffReplyAfter(at: Date, rand: Rand): Date | null {
    const opens = nextOpening(this.clock.hours, this.clock.timeZone, at);
    return opens ? new Date(opens.getTime() + between(rand, 10, 45) * MINUTE) : null;
  }
}
