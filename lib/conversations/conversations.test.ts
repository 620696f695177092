// The conversations API end to end: texts in through the signed webhook, the inbox order, unread
// counts, the merged thread with delivery states, staff replies (idempotent, refused after STOP)
// and salon isolation.
import { afterAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/telephony/conversations/route";
import { GET as threadRoute } from "@/app/api/telephony/conversations/[customerId]/route";
import { POST as replyRoute } from "@/app/api/telephony/conversations/[customerId]/reply/route";
import { POST as readRoute } from "@/app/api/telephony/conversations/[customerId]/read/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { DEFAULT_AUTO_REPLY } from "@/lib/messaging/auto-reply";
import { sendSms } from "@/lib/messaging/send-sms";
import { addMember, apiRequest, noParams, sessionCookieFor } from "@/lib/testing/auth-fixtures";
import { createCustomer } from "@/lib/testing/factories";
import { deliverQueued, textSalon } from "@/lib/testing/sms-test-kit";

const servers = setUpTextingServers();
afterAll(async () => {
  await closeRateLimitStore();
});

async function salonWithStaff(name: string) {
  const salon = await createTextingSalon(servers.standIn, { name });
  const { plaintextKey } = await createApiKey(salon.id, { name: "test", role: "STAFF" });
  const member = await addMember(salon.id, "STAFF");
  return { salon, key: plaintextKey, cookie: await sessionCookieFor(member.userId, salon.id), userId: member.userId };
}

type Auth = { key?: string; cookie?: string };
const byCustomer = (customerId: string) => ({ params: Promise.resolve({ customerId }) });

async function list(auth: Auth, query = "") {
  const res = await listRoute(apiRequest(`/api/telephony/conversations${query}`, auth), noParams);
  return { status: res.status, body: await res.json() };
}
async function thread(auth: Auth, customerId: string) {
  const res = await threadRoute(apiRequest(`/api/telephony/conversations/${customerId}`, auth), byCustomer(customerId));
  return { status: res.status, body: await res.json() };
}
async function reply(auth: Auth, customerId: string, json: unknown, idempotencyKey?: string) {
  const headers: Record<string, string> = idempotencyKey ? { "idempotency-key": idempotencyKey } : {};
  const req = apiRequest(`/api/telephony/conversations/${customerId}/reply`, { ...auth, method: "POST", json, headers });
  const res = await replyRoute(req, byCustomer(customerId));
  return { status: res.status, body: await res.json() };
}
async function markRead(auth: Auth, customerId: string) {
  const res = await readRoute(apiRequest(`/api/telephony/conversations/${customerId}/read`, { ...auth, method: "POST" }), byCustomer(customerId));
  return { status: res.status, body: await res.json() };
}

describe("GET /api/telephony/conversations", () => {
  it("lists conversations most recent first with the last message either way and unread counts", async () => {
    const { salon, key } = await salonWithStaff("Inbox Order");
    const [ann, bob, cy] = await Promise.all(["Ann", "Bob", "Cy"].map((name) => createCustomer(salon.id, { name, firstTextedAt: new Date() })));
    await createCustomer(salon.id, { name: "Never texted" });
    await textSalon(salon, ann!.phone, "Hi from Ann");
    await textSalon(salon, bob!.phone, "Hi from Bob");
    await textSalon(salon, bob!.phone, "Bob again");
    await textSalon(salon, cy!.phone, "C"); // a keyword: handled, not unread

    const { status, body } = await list({ key });
    expect(status).toBe(200);
    expect(body.data.map((c: { customer: { name: string } }) => c.customer.name)).toEqual(["Cy", "Bob", "Ann"]);
    const [cyRow, bobRow] = body.data;
    expect(bobRow).toMatchObject({ unreadCount: 2, customer: { smsConsent: "OPTED_IN" } });
    // Bolt's answers (the auto-reply to Bob, the keyword answer to Cy) stay in the threads.
    expect(bobRow.lastMessage).toMatchObject({ direction: "INBOUND", body: "Bob again" });
    expect(cyRow).toMatchObject({ unreadCount: 0, lastMessage: { direction: "INBOUND", body: "C", keyword: "CONFIRM" } });

    // A staff reply moves Ann to the top.
    expect((await reply({ key }, ann!.id, { body: "Yes, Saturday at 10 works" })).status).toBe(202);
    const after = await list({ key });
    expect(after.body.data[0]).toMatchObject({ customer: { id: ann!.id }, unreadCount: 0, lastMessage: { direction: "OUTBOUND", kind: "CUSTOM" } });
  });

  it("filters unread and searches by name or phone digits; pages with a cursor", async () => {
    const { salon, key } = await salonWithStaff("Inbox Filters");
    const people = [];
    for (const name of ["Dana Reed", "Eli Stone", "Fay Moss"]) {
      const c = await createCustomer(salon.id, { name });
      await textSalon(salon, c.phone, `Hello from ${name}`);
      people.push(c);
    }
    await markRead({ key }, people[1]!.id);

    const unread = await list({ key }, "?unreadOnly=true");
    expect(unread.body.data.map((c: { customer: { id: string } }) => c.customer.id)).toEqual([people[2]!.id, people[0]!.id]);
    expect((await list({ key }, "?q=stone")).body.data).toHaveLength(1);
    const digits = people[0]!.phone.slice(-7);
    const formatted = `(${people[0]!.phone.slice(2, 5)}) ${digits.slice(0, 3)}-${digits.slice(3)}`;
    expect((await list({ key }, `?q=${encodeURIComponent(formatted)}`)).body.data[0].customer.id).toBe(people[0]!.id);

    const first = await list({ key }, "?limit=2");
    expect(first.body.data).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list({ key }, `?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.data).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.data, ...second.body.data].map((c: { customer: { id: string } }) => c.customer.id);
    expect(new Set(ids).size).toBe(3);

    expect((await list({ key }, "?limit=0")).status).toBe(422);
    expect((await list({ key }, "?unreadOnly=maybe")).status).toBe(422);
    expect((await list({}, "")).status).toBe(401);
  });
});

describe("GET /api/telephony/conversations/:customerId", () => {
  it("merges incoming and outgoing texts in time order with delivery states and authors", async () => {
    const { salon, cookie, userId } = await salonWithStaff("Thread");
    const customer = await createCustomer(salon.id, { firstTextedAt: new Date() });
    await sendSms({ salonId: salon.id, kind: "REMINDER", body: "See you tomorrow at 10", to: { customerId: customer.id } });
    // Sent before the customer answers it: the thread places texts at when they went out.
    await deliverQueued(salon.id);
    await textSalon(salon, customer.phone, "Can we make it 11?");
    expect((await reply({ cookie }, customer.id, { body: "11 works!" })).status).toBe(202);
    await deliverQueued(salon.id);
    await servers.standIn.state.settled();

    const { status, body } = await thread({ cookie }, customer.id);
    expect(status).toBe(200);
    const { data } = body;
    expect(data.customer).toMatchObject({ id: customer.id, phone: customer.phone, smsConsent: "OPTED_IN" });
    expect(data.messages.map((m: { direction: string; body: string }) => [m.direction, m.body])).toEqual([
      ["OUTBOUND", `${salon.name}: See you tomorrow at 10`],
      ["INBOUND", "Can we make it 11?"],
      ["OUTBOUND", `${salon.name}: ${DEFAULT_AUTO_REPLY}`],
      ["OUTBOUND", `${salon.name}: 11 works!`],
    ]);
    expect(data.messages.filter((m: { direction: string }) => m.direction === "OUTBOUND").map((m: { status: string }) => m.status)).toEqual([
      "DELIVERED",
      "DELIVERED",
      "DELIVERED",
    ]);
    expect(data.messages[3]).toMatchObject({ kind: "CUSTOM", createdByUserId: userId });
    expect(data.authors[userId]).toBe("Sam Staff");
    // Replying read the conversation.
    expect(data.unreadCount).toBe(0);
    expect(data.hasEarlier).toBe(false);
  });

  it("POST read marks the waiting texts read", async () => {
    const { salon, key } = await salonWithStaff("Read");
    const customer = await createCustomer(salon.id);
    await textSalon(salon, customer.phone, "one");
    await textSalon(salon, customer.phone, "two");
    expect((await thread({ key }, customer.id)).body.data.unreadCount).toBe(2);
    expect(await markRead({ key }, customer.id)).toEqual({ status: 200, body: { data: { customerId: customer.id, markedRead: 2 } } });
    expect((await thread({ key }, customer.id)).body.data.unreadCount).toBe(0);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).conversationReadAt).not.toBeNull();
  });
});

describe("POST /api/telephony/conversations/:customerId/reply", () => {
  it("queues a CUSTOM text that is delivered; the same Idempotency-Key sends once", async () => {
    const { salon, key } = await salonWithStaff("Reply");
    const customer = await createCustomer(salon.id, { firstTextedAt: new Date() });
    const first = await reply({ key }, customer.id, { body: "Your color is ready" }, "reply-1");
    const again = await reply({ key }, customer.id, { body: "Your color is ready" }, "reply-1");
    expect([first.status, again.status]).toEqual([202, 202]);
    expect(first.body.data).toMatchObject({ kind: "CUSTOM", status: "QUEUED", customerId: customer.id });
    expect(again.body.data.id).toBe(first.body.data.id);
    await deliverQueued(salon.id);
    expect(servers.standIn.state.messages.map((m) => m.body)).toEqual([`${salon.name}: Your color is ready`]);
  });

  it("refuses an opted-out customer with 409 customer_opted_out and queues nothing", async () => {
    const { salon, key } = await salonWithStaff("Opted Out");
    const customer = await createCustomer(salon.id);
    await textSalon(salon, customer.phone, "STOP");
    const before = await db.notification.count({ where: { salonId: salon.id } });
    const res = await reply({ key }, customer.id, { body: "Are you sure?" });
    expect(res).toMatchObject({ status: 409, body: { code: "customer_opted_out" } });
    expect(await db.notification.count({ where: { salonId: salon.id } })).toBe(before);
    expect((await list({ key })).body.data[0].customer).toMatchObject({ smsConsent: "OPTED_OUT", optedOutAt: expect.any(String) });
  });

  it("validates the body", async () => {
    const { salon, key } = await salonWithStaff("Validation");
    const customer = await createCustomer(salon.id);
    expect((await reply({ key }, customer.id, { body: "  " })).status).toBe(422);
    expect((await reply({ key }, customer.id, { body: "hi", extra: 1 })).status).toBe(422);
    expect((await reply({ key }, customer.id, { body: "x".repeat(1601) })).status).toBe(422);
  });
});

describe("salon isolation", () => {
  it("salon B cannot list, read, mark or reply to salon A's conversations", async () => {
    const a = await salonWithStaff("Alpha Inbox");
    const b = await salonWithStaff("Beta Inbox");
    const customer = await createCustomer(a.salon.id);
    await textSalon(a.salon, customer.phone, "Private to A");

    expect((await list({ key: b.key })).body.data).toEqual([]);
    expect((await thread({ key: b.key }, customer.id)).status).toBe(404);
    expect((await markRead({ cookie: b.cookie }, customer.id)).status).toBe(404);
    expect((await reply({ key: b.key }, customer.id, { body: "hi" })).status).toBe(404);
    expect(await db.notification.count({ where: { salonId: b.salon.id } })).toBe(0);
    expect(await db.inboundMessage.count({ where: { customerId: customer.id, readAt: null } })).toBe(1);
  });
});
