// The conversations API end to end: texts in through the signed webhook, the inbox order, unread
// counts, the merged thread with delivery states, staff replies (idempotent, refused after STOP),
// the follow-up (opened by a text Bolt didn't fully handle, assigned, handled by a reply) and salon isolation.
import { afterAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/telephony/conversations/route";
import { GET as threadRoute, PATCH as patchRoute } from "@/app/api/telephony/conversations/[customerId]/route";
import { POST as replyRoute } from "@/app/api/telephony/conversations/[customerId]/reply/route";
import { POST as readRoute } from "@/app/api/telephony/conversations/[customerId]/read/route";
import { closeRateLimitStore } from "@/lib/api/rate-limit-store";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { createTextingSalon, setUpTextingServers } from "@/lib/testing/delivery-test-kit";
import { DEFAULT_AUTO_REPLY } from "@/lib/messaging/auto-reply";
import { sendSms } from "@/lib/messaging/send-sms";
import { addMember, apiRequest, noParams, sessionCookieFor } from "@/lib/testing/auth-fixtures";
import { textCallerBack } from "@/lib/calls/text-caller-back";
import { listNeedsAttention } from "@/lib/follow-ups/list-needs-attention";
import { createCallLog, createCustomer } from "@/lib/testing/factories";
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
async function patch(auth: Auth, customerId: string, json: unknown) {
  const res = await patchRoute(apiRequest(`/api/telephony/conversations/${customerId}`, { ...auth, method: "PATCH", json }), byCustomer(customerId));
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

describe("the conversation's follow-up", () => {
  it("opens on a text Bolt didn't fully handle, filters, assigns to members only, and a staff reply handles it", async () => {
    const { salon, key, cookie, userId } = await salonWithStaff("Follow-up Inbox");
    const other = await salonWithStaff("Other Inbox");
    const [ann, bob] = await Promise.all(["Ann", "Bob"].map((name) => createCustomer(salon.id, { name, firstTextedAt: new Date() })));
    await textSalon(salon, ann!.phone, "Do you sell gift cards?");
    await textSalon(salon, bob!.phone, "HELP");
    const ids = async (query: string, auth: Auth = { key }) => (await list(auth, query)).body.data.map((c: { customer: { id: string } }) => c.customer.id);
    // The question got the auto-reply and waits for staff; HELP was answered completely.
    expect(await ids("?followUp=open")).toEqual([ann!.id]);
    expect((await list({ key }, "?followUp=open")).body.data[0]).toMatchObject({ followUp: "OPEN", followUpSince: expect.any(String), assignee: null });
    expect(await ids("?assignee=none&followUp=open")).toEqual([ann!.id]);
    expect((await list({ key }, "?assignee=me")).body).toMatchObject({ code: "assignee_me_needs_member" });

    // Assigned to a member: twice is one change; another salon's member is refused and nothing is stored.
    for (let i = 0; i < 2; i++) expect((await patch({ cookie }, ann!.id, { assigneeId: userId })).status).toBe(200);
    expect(await ids("?assignee=me", { cookie })).toEqual([ann!.id]);
    expect(await ids(`?assignee=${userId}`)).toEqual([ann!.id]);
    expect(await patch({ key }, ann!.id, { assigneeId: other.userId })).toMatchObject({ status: 422, body: { code: "assignee_not_member" } });
    expect((await db.customer.findUniqueOrThrow({ where: { id: ann!.id } })).followUpAssigneeId).toBe(userId);
    // Salon B can neither change it nor see it in its queue.
    expect((await patch({ key: other.key }, ann!.id, { followUp: "HANDLED" })).status).toBe(404);
    expect(await ids("?followUp=open", { key: other.key })).toEqual([]);
    expect((await patch({ key }, ann!.id, {})).status).toBe(422);

    // A staff reply handles it, by its author; a new question reopens it.
    expect((await reply({ cookie }, ann!.id, { body: "Yes, any amount." })).status).toBe(202);
    expect(await db.customer.findUniqueOrThrow({ where: { id: ann!.id } })).toMatchObject({ followUp: "HANDLED", followUpChangedById: userId, followUpSince: null });
    await textSalon(salon, ann!.phone, "Can I buy one online?");
    expect(await ids("?followUp=open")).toEqual([ann!.id]);
    // Marked handled twice (two clicks): one change, one audit row.
    await Promise.all([patch({ cookie }, ann!.id, { followUp: "HANDLED" }), patch({ cookie }, ann!.id, { followUp: "HANDLED" })]);
    const handled = await patch({ cookie }, ann!.id, { followUp: "HANDLED" });
    expect(handled).toMatchObject({ status: 200, body: { data: { customerId: ann!.id, followUp: "HANDLED", assignee: { id: userId, name: "Sam Staff" } } } });
    const audits = await db.auditLog.findMany({ where: { salonId: salon.id, targetId: ann!.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => a.action)).toEqual(["conversation.assigned", "conversation.follow_up_handled", "conversation.follow_up_handled"]);
    expect(audits.map((a) => a.metadata)).toEqual([{ assigneeId: userId, previousAssigneeId: null }, { byReply: expect.any(String) }, null]);
  });
});

describe("the dashboard's needs attention", () => {
  it("lists open calls, voicemails and conversations of the salon only, the longest wait first, with counts", async () => {
    const { salon, userId } = await salonWithStaff("Needs Attention");
    const other = await salonWithStaff("Needs Attention Other");
    const at = (h: number) => new Date(Date.UTC(2026, 2, 8, h));
    const ann = await createCustomer(salon.id, { name: "Ann" });
    const missed = await createCallLog(salon.id, { startedAt: at(9), followUp: "OPEN", summary: { followUp: "missed" }, customerId: ann.id });
    const voicemail = await createCallLog(salon.id, { startedAt: at(11), followUp: "OPEN", recordingSid: `RE${"a".repeat(32)}`, assigneeId: userId });
    await createCallLog(salon.id, { startedAt: at(8), followUp: "HANDLED" });
    await createCallLog(other.salon.id, { startedAt: at(7), followUp: "OPEN" });
    const bob = await createCustomer(salon.id, { name: "Bob", followUp: "OPEN", followUpSince: at(10), lastMessageAt: at(10) });
    await createCustomer(other.salon.id, { followUp: "OPEN", followUpSince: at(6) });

    const { items, openCalls, openConversations } = await listNeedsAttention(salon.id);
    expect(items.map((i) => [i.kind, i.id])).toEqual([["call", missed.id], ["conversation", bob.id], ["voicemail", voicemail.id]]);
    expect(items[0]).toMatchObject({ why: "missed", customer: { name: "Ann" }, assignee: null });
    expect(items[2]).toMatchObject({ assignee: { id: userId, name: "Sam Staff" } });
    expect([openCalls, openConversations]).toEqual([2, 1]);
    expect((await listNeedsAttention(salon.id, 1)).items.map((i) => i.id)).toEqual([missed.id]);
  });
});

describe("text a caller back from the call page", () => {
  it("texts a new caller (made a customer, the call linked), refuses a withheld number, STOP and another salon's call", async () => {
    const { salon, key, userId } = await salonWithStaff("Text Back");
    const other = await salonWithStaff("Text Back Other");
    const call = await createCallLog(salon.id, { from: "+14155550177", status: "NO_ANSWER" });
    const first = await textCallerBack(salon.id, call.id, "Sorry we missed you!", userId, { idempotencyKey: "tb-1" });
    const again = await textCallerBack(salon.id, call.id, "Sorry we missed you!", userId, { idempotencyKey: "tb-1" });
    expect(again.text.id).toBe(first.text.id);
    expect(await db.customer.findUniqueOrThrow({ where: { id: first.customerId } })).toMatchObject({ salonId: salon.id, phone: "+14155550177", isNew: true });
    expect((await db.callLog.findUniqueOrThrow({ where: { id: call.id } })).customerId).toBe(first.customerId);
    expect(first.text).toMatchObject({ kind: "CUSTOM", customerId: first.customerId, createdByUserId: userId, status: "QUEUED" });
    // It lands in their conversation.
    expect((await thread({ key }, first.customerId)).body.data.messages.map((m: { body: string }) => m.body)).toEqual([
      expect.stringContaining("Sorry we missed you!"),
    ]);

    const withheld = await createCallLog(salon.id, { from: "anonymous" });
    await expect(textCallerBack(salon.id, withheld.id, "hi", userId)).rejects.toMatchObject({ status: 422, code: "caller_withheld" });
    const stopped = await createCustomer(salon.id, { smsConsent: "OPTED_OUT" });
    const fromStopped = await createCallLog(salon.id, { from: stopped.phone, customerId: stopped.id });
    await expect(textCallerBack(salon.id, fromStopped.id, "hi", userId)).rejects.toMatchObject({ status: 409, code: "customer_opted_out" });
    await expect(textCallerBack(other.salon.id, call.id, "hi", other.userId)).rejects.toMatchObject({ status: 404 });
    expect(await db.notification.count({ where: { salonId: { in: [salon.id, other.salon.id] } } })).toBe(1);
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
