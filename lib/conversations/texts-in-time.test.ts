// Texts to a customer are dated by when they went out, not when they were queued: a reminder queued
// today for tomorrow sits at the end of the thread ("Goes out …") and is neither the inbox's last
// message nor its time; a reminder queued last week and sent this morning sits this morning in the
// thread. The inbox (order, time, preview: customer texts and staff replies only) is unmoved by either.
import { describe, expect, it } from "vitest";
import { toConversationRow } from "@/components/messages/conversation-row";
import { describeDelivery } from "@/components/messages/delivery-state";
import { decodeCursor } from "@/lib/api/pagination";
import { getConversation } from "@/lib/conversations/get-conversation";
import { listConversations } from "@/lib/conversations/list-conversations";
import { latestMessageId, type OutboundThreadMessage } from "@/lib/conversations/thread-message";
import { createCustomer, createInboundMessage, createNotification, createSalon } from "@/lib/testing/factories";

const TZ = "America/Los_Angeles";
// Monday May 4 2026, 10:00 AM in Los Angeles.
const NOW = new Date("2026-05-04T17:00:00Z");
const at = (iso: string) => new Date(iso);

function textFrom(salonId: string, customer: { id: string; phone: string }, body: string, receivedAt: Date) {
  return createInboundMessage(salonId, customer, { body, receivedAt });
}

function reminder(salonId: string, customer: { id: string; phone: string }, fields: Parameters<typeof createNotification>[1]) {
  return createNotification(salonId, {
    customerId: customer.id,
    destination: customer.phone,
    kind: "REMINDER",
    body: "Texts In Time: Reminder: your Haircut appointment is tomorrow at 9:30 AM. Reply C to confirm or R to reschedule.",
    ...fields,
  });
}

async function salonWithAva() {
  const salon = await createSalon({ name: "Texts In Time", timeZone: TZ });
  const ava = await createCustomer(salon.id, { name: "Ava", lastMessageAt: at("2026-05-03T16:40:00Z") });
  const reply = await createNotification(salon.id, {
    customerId: ava.id,
    destination: ava.phone,
    body: "Texts In Time: See you Sunday!",
    status: "DELIVERED",
    createdAt: at("2026-04-28T18:00:00Z"),
    sentAt: at("2026-04-28T18:00:02Z"),
  });
  // Queued when booked last week, sent yesterday morning.
  const sentLate = await reminder(salon.id, ava, {
    status: "DELIVERED",
    createdAt: at("2026-04-27T18:00:00Z"),
    scheduledFor: at("2026-05-03T16:30:00Z"),
    sentAt: at("2026-05-03T16:30:02Z"),
  });
  // Queued last week for Wednesday, stopped on Saturday when the appointment moved.
  const stopped = await reminder(salon.id, ava, {
    status: "CANCELED",
    createdAt: at("2026-04-27T18:00:01Z"),
    scheduledFor: at("2026-05-06T16:30:00Z"),
    updatedAt: at("2026-05-02T20:00:00Z"),
  });
  const confirm = await textFrom(salon.id, ava, "C", at("2026-05-03T16:40:00Z"));
  // Queued a minute ago for tomorrow 7:30 AM, inside quiet hours (21:00–08:00).
  const waiting = await reminder(salon.id, ava, {
    status: "QUEUED",
    createdAt: new Date(NOW.getTime() - 60_000),
    scheduledFor: at("2026-05-05T14:30:00Z"),
  });
  return { salon, ava, ids: { reply: reply.id, sentLate: sentLate.id, stopped: stopped.id, confirm: confirm.id, waiting: waiting.id } };
}

describe("a conversation's texts in time", () => {
  it("places each text at when it went out, waiting ones last, and pages back through them all once", async () => {
    const { salon, ava, ids } = await salonWithAva();
    const thread = await getConversation(salon.id, ava.id);
    expect(thread.messages.map((m) => [m.id, m.at.toISOString()])).toEqual([
      [ids.reply, "2026-04-28T18:00:02.000Z"],
      [ids.stopped, "2026-05-02T20:00:00.000Z"],
      [ids.sentLate, "2026-05-03T16:30:02.000Z"],
      [ids.confirm, "2026-05-03T16:40:00.000Z"],
      [ids.waiting, "2026-05-05T14:30:00.000Z"],
    ]);
    // A new text lands after Ava's C, not after tomorrow's reminder: that is where the page scrolls to.
    expect(latestMessageId(thread.messages, NOW)).toBe(ids.confirm);

    // Paging back by the oldest shown text's time (the SQL order) agrees with the times above.
    const pages: string[][] = [];
    let before: Date | undefined;
    for (;;) {
      const page = await getConversation(salon.id, ava.id, { limit: 2, before });
      pages.unshift(page.messages.map((m) => m.id));
      if (!page.hasEarlier) break;
      before = page.messages[0]!.at;
    }
    expect(pages.flat()).toEqual(thread.messages.map((m) => m.id));
  });

  it("says when a waiting text really goes out, quiet hours included", async () => {
    const { salon, ava, ids } = await salonWithAva();
    const { messages } = await getConversation(salon.id, ava.id);
    const waiting = messages.find((m) => m.id === ids.waiting) as OutboundThreadMessage;
    expect(describeDelivery(waiting, salon, NOW)).toMatchObject({
      label: "Queued",
      detail: "Goes out tomorrow at 8:00 AM, after quiet hours",
      waiting: true,
    });
    // Tomorrow at 7:45 it is due but still held; at 8:00 it is simply on its way.
    expect(describeDelivery(waiting, salon, at("2026-05-05T14:45:00Z")).detail).toBe("Goes out at 8:00 AM, after quiet hours");
    expect(describeDelivery(waiting, salon, at("2026-05-05T15:00:00Z"))).toMatchObject({ detail: null, waiting: false });
  });
});

describe("the inbox with texts still waiting", () => {
  it("previews, dates and orders conversations by their own texts, not by reminders sent or waiting", async () => {
    const { salon, ids } = await salonWithAva();
    const ben = await createCustomer(salon.id, { name: "Ben", lastMessageAt: at("2026-05-04T16:00:00Z") });
    await textFrom(salon.id, ben, "Running 5 min late", at("2026-05-04T16:00:00Z"));
    await reminder(salon.id, ben, {
      status: "DELIVERED",
      body: "Texts In Time: Reminder: your Color appointment is today at 11:30 AM. Reply C to confirm or R to reschedule.",
      createdAt: at("2026-04-30T18:00:00Z"),
      scheduledFor: at("2026-05-04T16:30:00Z"),
      sentAt: at("2026-05-04T16:30:01Z"),
    });
    // Cy last texted on Friday; a reminder queued this minute for tomorrow changes nothing.
    const cy = await createCustomer(salon.id, { name: "Cy", lastMessageAt: at("2026-05-01T19:00:00Z") });
    await textFrom(salon.id, cy, "Thanks!", at("2026-05-01T19:00:00Z"));
    await reminder(salon.id, cy, { status: "QUEUED", createdAt: NOW, scheduledFor: at("2026-05-05T18:00:00Z") });

    const { data } = await listConversations(salon.id, { limit: 10 });
    expect(data.map((c) => c.customer.name)).toEqual(["Ben", "Ava", "Cy"]);
    const rows = data.map((c) => toConversationRow(c, salon.name, TZ, NOW));
    expect(rows.map((r) => [r.previewPrefix, r.preview.slice(0, 40), r.timeLabel])).toEqual([
      ["", "Running 5 min late", "9:00 AM"],
      ["", "C", "Yesterday"],
      ["", "Thanks!", "Fri"],
    ]);
    expect(data[1]!.lastMessage?.id).toBe(ids.confirm);

    // One at a time through the cursor: the same order, each once.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listConversations(salon.id, { limit: 1, cursor: (cursor && decodeCursor(cursor)) || undefined });
      paged.push(...page.data.map((c) => c.customer.name ?? ""));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(["Ben", "Ava", "Cy"]);
  });

  it("never takes another salon's texts as a conversation's last message or into its thread", async () => {
    const { salon, ava, ids } = await salonWithAva();
    const other = await createSalon({ timeZone: TZ });
    // A row of salon B that names salon A's customer (nothing should ever write one; the queries must not trust it).
    await createNotification(other.id, {
      customerId: ava.id,
      destination: ava.phone,
      body: "Other salon: hello",
      status: "DELIVERED",
      createdAt: at("2026-05-04T16:59:00Z"),
      sentAt: at("2026-05-04T16:59:00Z"),
    });
    const { data } = await listConversations(salon.id, { limit: 10 });
    expect(data[0]!.lastMessage?.id).toBe(ids.confirm);
    const { messages } = await getConversation(salon.id, ava.id);
    expect(messages.map((m) => m.body)).not.toContain("Other salon: hello");
    expect(await listConversations(other.id, { limit: 10 })).toMatchObject({ data: [] });
  });
});
