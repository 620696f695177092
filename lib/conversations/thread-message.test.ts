// Where the thread's "New" line goes, and paging back with "Load earlier texts" (the oldest shown text's
// time as `before`): every text appears once, in order, across pages.
import { describe, expect, it } from "vitest";
import { getConversation } from "@/lib/conversations/get-conversation";
import { markConversationRead } from "@/lib/conversations/mark-conversation-read";
import { firstUnreadMessageId } from "@/lib/conversations/thread-message";
import { createCustomer, createInboundMessage, createNotification, createSalon } from "@/lib/testing/factories";

const MINUTE = 60_000;
const start = Date.parse("2026-05-04T15:00:00Z");

function textFrom(salonId: string, customer: { id: string; phone: string }, minute: number, readAt: Date | null = null) {
  return createInboundMessage(salonId, customer, { body: `text at ${minute}`, receivedAt: new Date(start + minute * MINUTE), readAt });
}

async function replyTo(salonId: string, customer: { id: string; phone: string }, minute: number) {
  return createNotification(salonId, { customerId: customer.id, destination: customer.phone, channel: "SMS", createdAt: new Date(start + minute * MINUTE) });
}

describe("firstUnreadMessageId", () => {
  it("is the first of the customer's unread texts, and is gone once the conversation is marked read", async () => {
    const salonId = (await createSalon()).id;
    const customer = await createCustomer(salonId);
    const seen = new Date(start);
    await textFrom(salonId, customer, 0, seen);
    await replyTo(salonId, customer, 1);
    const firstNew = await textFrom(salonId, customer, 2);
    await replyTo(salonId, customer, 3); // an outgoing text is never "new"
    await textFrom(salonId, customer, 4);

    const opened = await getConversation(salonId, customer.id);
    expect(firstUnreadMessageId(opened.messages)).toBe(firstNew.id);

    // Opening the page marks it read, so the boundary must be taken from the render before that.
    await markConversationRead(salonId, customer.id);
    expect(firstUnreadMessageId((await getConversation(salonId, customer.id)).messages)).toBeNull();
  });
});

describe("paging back through a conversation", () => {
  it("shows every text once, oldest to newest, when following Load earlier texts", async () => {
    const salonId = (await createSalon()).id;
    const customer = await createCustomer(salonId);
    const made: string[] = [];
    for (let minute = 0; minute < 7; minute++) {
      const row = minute % 2 ? await replyTo(salonId, customer, minute) : await textFrom(salonId, customer, minute);
      made.push(row.id);
    }

    const pages: string[][] = [];
    let before: Date | undefined;
    for (;;) {
      const page = await getConversation(salonId, customer.id, { limit: 3, before });
      pages.unshift(page.messages.map((m) => m.id));
      if (!page.hasEarlier) break;
      before = page.messages[0]!.at;
    }
    expect(pages.map((p) => p.length)).toEqual([1, 3, 3]);
    expect(pages.flat()).toEqual(made);
  });
});
