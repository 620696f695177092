// The inbox's one rule (list-conversations.ts): a conversation's place, its time and its preview all
// come from its latest conversational text — the customer's, or one staff wrote (inbox reply, New-text
// page, API) — while Bolt's automated texts stay inside the thread. The New-text action runs as the app
// runs it; only Next's request-scoped APIs are supplied (the request it reads and the page cache).
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sendTextAction } from "@/lib/messaging/actions";
import { POST as postSms } from "@/app/api/telephony/sms/route";
import { toConversationRow } from "@/components/messages/conversation-row";
import { decodeCursor } from "@/lib/api/pagination";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import { listConversations, type ConversationSummary } from "@/lib/conversations/list-conversations";
import { db } from "@/lib/db";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { sendSms } from "@/lib/messaging/send-sms";
import { addMember, apiRequest, noParams, sessionCookieFor } from "@/lib/testing/auth-fixtures";
import { createCustomer, createEmployee, createInboundMessage, createNotification, createSalon } from "@/lib/testing/factories";
import { deliverQueued, textSalon } from "@/lib/testing/sms-test-kit";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({ headers: async () => request.headers }));
// revalidatePath needs a running Next server; here there is no page cache to drop.
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const servers = setUpTextingServers();
beforeEach(() => {
  request.headers = new Headers();
});
afterAll(async () => {
  await closeRateLimitStore();
});

async function salonWithStaff(name: string) {
  const salon = await createTextingSalon(servers.standIn, { name });
  const { plaintextKey } = await createApiKey(salon.id, { name: "test", role: "STAFF" });
  const { userId } = await addMember(salon.id, "STAFF");
  request.headers = new Headers({ cookie: await sessionCookieFor(userId, salon.id) });
  return { salon, key: plaintextKey };
}

function newTextForm(to: string, body: string): FormData {
  const form = new FormData();
  form.set("to", to);
  form.set("body", body);
  return form;
}

const postText = (key: string, json: unknown) =>
  postSms(apiRequest("/api/telephony/sms", { method: "POST", key, json }), noParams);

type Salon = { name: string; timeZone: string };
const rowsOf = (data: ConversationSummary[], salon: Salon, now = new Date()) =>
  data.map((c) => toConversationRow(c, salon.name, salon.timeZone, now));

describe("texts staff write outside a thread", () => {
  it("put a customer texted only from the New-text page or the API at the top, with that text as the preview", async () => {
    const { salon, key } = await salonWithStaff("New Text Inbox");
    const [ann, bob, cy, dee] = await Promise.all(
      ["Ann", "Bob", "Cy", "Dee"].map((name) => createCustomer(salon.id, { name, firstTextedAt: new Date() })),
    );
    const employee = await createEmployee(salon.id, { phone: "+14155550999" });
    await textSalon(salon, ann!.phone, "Hi from Ann");

    expect(await sendTextAction(null, newTextForm(`customer:${bob!.id}`, "Your color is in!"))).toMatchObject({ ok: true });
    let { data } = await listConversations(salon.id, { limit: 10 });
    expect(data.map((c) => c.customer.name)).toEqual(["Bob", "Ann"]);
    const written = await db.notification.findFirstOrThrow({ where: { salonId: salon.id, customerId: bob!.id } });
    expect(data[0]).toMatchObject({ lastMessageAt: written.createdAt, lastMessage: { id: written.id } });
    expect(rowsOf(data, salon)[0]).toMatchObject({ previewPrefix: "You: ", preview: "Your color is in!", timeIso: written.createdAt.toISOString() });

    // The API with a customerId, and with a known customer's number (it lands in that customer's thread).
    expect((await postText(key, { customerId: cy!.id, body: "Your order came in" })).status).toBe(202);
    expect((await postText(key, { phone: dee!.phone, body: "Running 10 min behind today" })).status).toBe(202);
    // Texts to an employee or to a number that is no customer make no conversation.
    expect((await postText(key, { employeeId: employee.id, body: "Can you cover Saturday?" })).status).toBe(202);
    expect((await postText(key, { phone: "+14155550998", body: "Hello" })).status).toBe(202);
    ({ data } = await listConversations(salon.id, { limit: 10 }));
    expect(rowsOf(data, salon).map((r) => [r.name, r.previewPrefix + r.preview])).toEqual([
      ["Dee", "You: Running 10 min behind today"],
      ["Cy", "You: Your order came in"],
      ["Bob", "You: Your color is in!"],
      ["Ann", "Hi from Ann"],
    ]);
  });

  it("count even when they don't go out: the row shows what staff last did, the thread what became of it", async () => {
    const { salon } = await salonWithStaff("Not Sent Inbox");
    const eve = await createCustomer(salon.id, { name: "Eve", smsConsent: "OPTED_OUT", optedOutAt: new Date() });
    const result = await sendTextAction(null, newTextForm(`customer:${eve.id}`, "Are you still coming?"));
    expect(result).toMatchObject({ ok: false });
    const { data } = await listConversations(salon.id, { limit: 10 });
    expect(data).toHaveLength(1);
    expect(data[0]).toMatchObject({ customer: { id: eve.id, smsConsent: "OPTED_OUT" }, lastMessage: { status: "CANCELED", kind: "CUSTOM" } });
  });

  it("never move another salon's customer", async () => {
    const a = await salonWithStaff("Alpha New Text");
    const b = await salonWithStaff("Beta New Text");
    const customer = await createCustomer(a.salon.id, { firstTextedAt: new Date() });
    expect((await postText(b.key, { customerId: customer.id, body: "hi" })).status).toBe(404);
    expect(await sendTextAction(null, newTextForm(`customer:${customer.id}`, "hi"))).toMatchObject({ ok: false });
    expect(await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).toMatchObject({ lastMessageAt: null });
    expect(await listConversations(b.salon.id, { limit: 10 })).toEqual({ data: [], nextCursor: null });
  });
});

describe("Bolt's automated texts", () => {
  it("a reminder sent after the customer's last text is neither the preview nor the time", async () => {
    const { salon } = await salonWithStaff("Reminder After");
    const ava = await createCustomer(salon.id, { name: "Ava", firstTextedAt: new Date() });
    await textSalon(salon, ava.phone, "Can I come in Friday?");
    const text = await db.inboundMessage.findFirstOrThrow({ where: { salonId: salon.id, customerId: ava.id } });
    await sendSms({ salonId: salon.id, kind: "REMINDER", body: "Reminder: your Haircut is tomorrow at 10 AM.", to: { customerId: ava.id } });
    await deliverQueued(salon.id);
    const reminder = await db.notification.findFirstOrThrow({ where: { salonId: salon.id, kind: "REMINDER" } });
    expect(reminder.sentAt!.getTime()).toBeGreaterThan(text.receivedAt.getTime());

    const { data } = await listConversations(salon.id, { limit: 10 });
    expect(data[0]).toMatchObject({ lastMessageAt: text.receivedAt, lastMessage: { id: text.id, direction: "INBOUND" } });
    expect(rowsOf(data, salon)[0]).toMatchObject({ previewPrefix: "", preview: "Can I come in Friday?", timeIso: text.receivedAt.toISOString() });
  });
});

describe("order and times", () => {
  const TZ = "America/Los_Angeles";
  // Monday May 4 2026, 10:00 AM in Los Angeles.
  const NOW = new Date("2026-05-04T17:00:00Z");
  const at = (iso: string) => new Date(iso);

  const textFrom = (salonId: string, customer: { id: string; phone: string }, body: string, receivedAt: Date) =>
    createInboundMessage(salonId, customer, { body, receivedAt });

  it("agree across page boundaries: each row's time is the text that placed it", async () => {
    const salon = await createSalon({ name: "Order And Times", timeZone: TZ });
    // Eve texted at 8:15 this morning.
    const eve = await createCustomer(salon.id, { name: "Eve", lastMessageAt: at("2026-05-04T15:15:00Z") });
    await textFrom(salon.id, eve, "Running late", at("2026-05-04T15:15:00Z"));
    // Dee said C yesterday at 9:40 AM; her 24-hour reminder went out at 9:30 this morning.
    const dee = await createCustomer(salon.id, { name: "Dee", lastMessageAt: at("2026-05-03T16:40:00Z") });
    await textFrom(salon.id, dee, "C", at("2026-05-03T16:40:00Z"));
    await createNotification(salon.id, {
      customerId: dee.id, destination: dee.phone, kind: "REMINDER", body: "Order And Times: Reminder: your Color is tomorrow at 9:30 AM.",
      status: "DELIVERED", createdAt: at("2026-04-30T18:00:00Z"), scheduledFor: at("2026-05-04T16:30:00Z"), sentAt: at("2026-05-04T16:30:01Z"),
    });
    // Fay asked at 9:20 last night; staff answered at 9:30 PM, held by quiet hours until 8:00 AM.
    const fay = await createCustomer(salon.id, { name: "Fay", lastMessageAt: at("2026-05-04T04:30:00Z") });
    await textFrom(salon.id, fay, "Open Sunday?", at("2026-05-04T04:20:00Z"));
    await createNotification(salon.id, {
      customerId: fay.id, destination: fay.phone, kind: "CUSTOM", body: "Order And Times: Closed Sundays, sorry!",
      status: "DELIVERED", createdAt: at("2026-05-04T04:30:00Z"), scheduledFor: at("2026-05-04T15:00:00Z"), sentAt: at("2026-05-04T15:00:02Z"),
    });
    // Gus's confirmation and its automatic answer, Friday.
    const gus = await createCustomer(salon.id, { name: "Gus", lastMessageAt: at("2026-05-01T19:00:00Z") });
    await textFrom(salon.id, gus, "Y", at("2026-05-01T19:00:00Z"));
    await createNotification(salon.id, {
      customerId: gus.id, destination: gus.phone, kind: "APPOINTMENT_REPLY", body: "Order And Times: Thanks! Your Cut is confirmed.",
      status: "DELIVERED", createdAt: at("2026-05-01T19:00:02Z"), sentAt: at("2026-05-01T19:00:03Z"),
    });

    const paged: ConversationSummary[] = [];
    let cursor: string | null = null;
    do {
      const page = await listConversations(salon.id, { limit: 1, cursor: (cursor && decodeCursor(cursor)) || undefined });
      paged.push(...page.data);
      cursor = page.nextCursor;
    } while (cursor);
    const rows = rowsOf(paged, { name: salon.name, timeZone: TZ }, NOW);
    expect(rows.map((r) => [r.name, r.previewPrefix + r.preview, r.timeLabel])).toEqual([
      ["Eve", "Running late", "8:15 AM"],
      ["Fay", "You: Closed Sundays, sorry!", "Yesterday"],
      ["Dee", "C", "Yesterday"],
      ["Gus", "Y", "Fri"],
    ]);
    const times = rows.map((r) => r.timeIso);
    expect(times).toEqual([...times].sort().reverse());
    expect(times).toEqual(paged.map((c) => c.lastMessageAt.toISOString()));
  });

  it("never preview a text newer than the row's time (one arriving while the page is read)", async () => {
    const salon = await createSalon({ name: "Read While Texting", timeZone: TZ });
    const hal = await createCustomer(salon.id, { name: "Hal", lastMessageAt: at("2026-05-04T16:00:00.000Z") });
    const shown = await textFrom(salon.id, hal, "See you at 11", at("2026-05-04T16:00:00.000Z"));
    // Stored, but its move of lastMessageAt not yet seen by this read.
    await textFrom(salon.id, hal, "Actually 11:30?", at("2026-05-04T16:00:00.001Z"));
    const { data } = await listConversations(salon.id, { limit: 10 });
    expect(data[0]).toMatchObject({ lastMessageAt: shown.receivedAt, lastMessage: { id: shown.id } });
  });
});
