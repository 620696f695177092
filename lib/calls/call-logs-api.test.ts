// GET/PATCH /api/telephony/call-logs through the real routes and wrapper: cursor paging, filters
// (dates in the salon's zone, outcome, status, reason, follow-up, phone search), notes, the follow-up
// state, and salon isolation.
import { beforeAll, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/auth/api-keys";
import { db } from "@/lib/db";
import { formatPhone } from "@/lib/phone";
import { storeCallState } from "@/lib/calls/write-call-logs";
import { addMember, apiRequest, createSalonWithOwner, sessionCookieFor } from "@/lib/testing/auth-fixtures";
import { createCallLog, createCustomer, createSalon } from "@/lib/testing/factories";
import { GET as listRoute } from "@/app/api/telephony/call-logs/route";
import { GET as getRoute, PATCH as patchRoute } from "@/app/api/telephony/call-logs/[id]/route";

let salonId: string;
let key: string;
let otherSalonId: string;
let otherKey: string;

const ids = (page: { data: Array<{ id: string }> }) => page.data.map((c) => c.id);

async function list(query: string, apiKey = key) {
  const res = await listRoute(apiRequest(`/api/telephony/call-logs${query}`, { key: apiKey }));
  return { status: res.status, body: await res.json() };
}
const withId = (id: string) => ({ params: Promise.resolve({ id }) });

beforeAll(async () => {
  // Los Angeles: March 8, 2026 is a 23-hour day there (clocks spring forward).
  salonId = (await createSalon({ timeZone: "America/Los_Angeles" })).id;
  otherSalonId = (await createSalon()).id;
  key = (await createApiKey(salonId, { name: "test" })).plaintextKey;
  otherKey = (await createApiKey(otherSalonId, { name: "other" })).plaintextKey;
});

describe("GET /api/telephony/call-logs", () => {
  it("pages newest first with an opaque cursor, with no row skipped or repeated", async () => {
    const s = (await createSalon()).id;
    const k = (await createApiKey(s, { name: "paging" })).plaintextKey;
    const base = Date.parse("2026-05-01T12:00:00Z");
    // Two calls share a start time: the id breaks the tie.
    const made = await Promise.all(
      [0, 1, 2, 3, 3, 4, 5].map((i) => createCallLog(s, { startedAt: new Date(base + i * 60_000) })),
    );
    const seen: string[] = [];
    let cursor: string | null = "";
    let pages = 0;
    while (cursor !== null) {
      const { status, body }: { status: number; body: { data: Array<{ id: string; startedAt: string }>; nextCursor: string | null } } = await list(
        `?limit=3${cursor ? `&cursor=${cursor}` : ""}`,
        k,
      );
      expect(status).toBe(200);
      seen.push(...ids(body));
      cursor = body.nextCursor;
      pages += 1;
    }
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(made.length);
    const starts = await db.callLog.findMany({ where: { id: { in: seen } }, select: { id: true, startedAt: true } });
    const order = seen.map((id) => starts.find((r) => r.id === id)!.startedAt.getTime());
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });

  it("rejects a cursor it did not issue and a limit out of range", async () => {
    expect((await list("?cursor=nonsense")).status).toBe(422);
    expect((await list("?limit=500")).status).toBe(422);
    expect((await list("?status=RINGINGISH")).status).toBe(422);
  });

  it("refuses a date range that ends before it starts, naming `to`", async () => {
    for (const range of ["?from=2026-03-09&to=2026-03-08", "?from=2026-03-09T08:00:00Z&to=2026-03-09T07:59:59Z"]) {
      const { status, body } = await list(range);
      expect(status).toBe(422);
      expect(body).toMatchObject({ code: "validation_failed", fields: { to: ["to must be on or after from."] } });
    }
    // One day, or an instant inside the `to` day, is a fine range.
    expect((await list("?from=2026-03-08&to=2026-03-08")).status).toBe(200);
    expect((await list("?from=2026-03-08T18:00:00-08:00&to=2026-03-08")).status).toBe(200);
  });

  it("filters by calendar days in the salon's time zone, status, reason and phone", async () => {
    const customer = await createCustomer(salonId, { name: "Priya Patel", phone: "+14155550777" });
    // 2026-03-08 00:00 PST = 08:00Z; 2026-03-09 00:00 PDT = 07:00Z.
    const beforeDay = await createCallLog(salonId, { startedAt: new Date("2026-03-08T07:59:00Z"), status: "COMPLETED" });
    const firstOfDay = await createCallLog(salonId, { startedAt: new Date("2026-03-08T08:00:00Z"), status: "NO_ANSWER", reason: "HOURS" });
    const lastOfDay = await createCallLog(salonId, {
      startedAt: new Date("2026-03-09T06:59:00Z"),
      status: "COMPLETED",
      reason: "BOOKING",
      from: customer.phone,
      customerId: customer.id,
    });
    const nextDay = await createCallLog(salonId, { startedAt: new Date("2026-03-09T07:00:00Z"), status: "COMPLETED" });

    const day = await list("?from=2026-03-08&to=2026-03-08");
    expect(ids(day.body).sort()).toEqual([firstOfDay.id, lastOfDay.id].sort());
    expect(ids((await list("?to=2026-03-07")).body)).toContain(beforeDay.id);
    expect(ids((await list("?from=2026-03-09T00:00:00-07:00")).body)).toContain(nextDay.id);
    expect(ids((await list("?from=2026-03-08&to=2026-03-09&status=NO_ANSWER")).body)).toEqual([firstOfDay.id]);
    expect(ids((await list("?from=2026-03-08&reason=BOOKING")).body)).toEqual([lastOfDay.id]);
    expect(ids((await list(`?q=${encodeURIComponent("(415) 555-0777")}`)).body)).toEqual([lastOfDay.id]);
    expect(ids((await list("?q=priya")).body)).toEqual([lastOfDay.id]);
    expect(day.body.data.find((c: { id: string }) => c.id === lastOfDay.id)).toMatchObject({ customer: { name: "Priya Patel" } });
  });

  it("filters by outcome as the Calls page labels it; `status` still filters by Twilio's line status", async () => {
    const s = (await createSalon()).id;
    const k = (await createApiKey(s, { name: "outcomes" })).plaintextKey;
    const at = { startedAt: new Date("2026-06-01T15:00:00Z") };
    const noAnswer = await createCallLog(s, { ...at, status: "NO_ANSWER" });
    const hungUp = await createCallLog(s, { ...at, status: "COMPLETED", reason: "UNKNOWN" });
    const voicemail = await createCallLog(s, { ...at, status: "NO_ANSWER", reason: "VOICEMAIL", recordingSid: `RE${"c".repeat(32)}` });
    const servedByBolt = await createCallLog(s, { ...at, status: "COMPLETED", reason: "HOURS" });
    const answered = await createCallLog(s, { ...at, status: "COMPLETED", reason: "TRANSFER", answeredAt: at.startedAt });
    await createCallLog(otherSalonId, { ...at, status: "NO_ANSWER" });

    const sorted = (calls: Array<{ id: string }>) => calls.map((c) => c.id).sort();
    const outcome = async (value: string) => ids((await list(`?outcome=${value}`, k)).body).sort();
    expect(await outcome("MISSED")).toEqual(sorted([noAnswer, hungUp]));
    expect(await outcome("VOICEMAIL")).toEqual([voicemail.id]);
    expect(await outcome("ANSWERED_BY_BOLT")).toEqual([servedByBolt.id]);
    expect(await outcome("ANSWERED_BY_STAFF")).toEqual([answered.id]);
    expect(await outcome("IN_PROGRESS")).toEqual([]);
    // Each list item carries the outcome it is filtered by, as the Calls page shows it.
    const outcomes = Object.fromEntries((await list("", k)).body.data.map((c: { id: string; outcome: string }) => [c.id, c.outcome]));
    expect(outcomes).toEqual({
      [noAnswer.id]: "MISSED",
      [hungUp.id]: "MISSED",
      [voicemail.id]: "VOICEMAIL",
      [servedByBolt.id]: "ANSWERED_BY_BOLT",
      [answered.id]: "ANSWERED_BY_STAFF",
    });
    // The old line-status filter keeps working for API clients.
    expect(ids((await list("?status=NO_ANSWER", k)).body).sort()).toEqual(sorted([noAnswer, voicemail]));
    expect(ids((await list("?outcome=MISSED&status=COMPLETED", k)).body)).toEqual([hungUp.id]);

    const bad = await list("?outcome=missed", k);
    expect(bad.status).toBe(422);
    expect(bad.body.fields.outcome).toHaveLength(1);
  });

  it("lists only the caller's salon", async () => {
    const mine = await createCallLog(salonId);
    const theirs = await createCallLog(otherSalonId);
    const all = ids((await list("?limit=100", otherKey)).body);
    expect(all).toContain(theirs.id);
    expect(all).not.toContain(mine.id);
  });

  it("needs credentials", async () => {
    const res = await listRoute(apiRequest("/api/telephony/call-logs"));
    expect(res.status).toBe(401);
  });
});

describe("GET and PATCH /api/telephony/call-logs/:id", () => {
  it("returns one call with its timeline", async () => {
    const call = await createCallLog(salonId, {
      startedAt: new Date("2026-04-01T16:00:00Z"),
      answeredAt: new Date("2026-04-01T16:00:20Z"),
      forwardedTo: "+14155550100",
      endedAt: new Date("2026-04-01T16:03:00Z"),
      status: "COMPLETED",
      durationSeconds: 180,
    });
    const pressed = new Date("2026-04-01T16:00:08Z");
    await db.callEvent.createMany({
      data: [
        { salonId, callLogId: call.id, at: pressed, kind: "HEARD", detail: { digits: "5", intent: "TRANSFER" }, dedupeKey: "gather:1:HEARD" },
        { salonId, callLogId: call.id, at: pressed, kind: "TRANSFER_STARTED", detail: { to: "+14155550100", timeoutSeconds: 15 }, dedupeKey: "gather:1:TRANSFER_STARTED" },
      ],
    });
    const res = await getRoute(apiRequest(`/api/telephony/call-logs/${call.id}`, { key }), withId(call.id));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: call.id, callSid: call.callSid, texts: [], recording: null });
    // A stable kind, words for people, and the raw fields for integrators.
    expect(body.timeline).toEqual([
      { at: "2026-04-01T16:00:00.000Z", kind: "started", label: `Call from ${formatPhone(call.from)}` },
      { at: "2026-04-01T16:00:00.000Z", kind: "greeting", label: "Bolt answered with the greeting" },
      { at: "2026-04-01T16:00:08.000Z", kind: "heard", label: "Pressed 5 — Talk to someone", digits: "5", intent: "TRANSFER" },
      { at: "2026-04-01T16:00:08.000Z", kind: "transfer_started", label: "Putting them through to (415) 555-0100", number: "+14155550100" },
      { at: "2026-04-01T16:00:20.000Z", kind: "answered", label: "Staff picked up at (415) 555-0100", number: "+14155550100" },
      { at: "2026-04-01T16:03:00.000Z", kind: "ended", label: "Call ended after 3m 00s", seconds: 180 },
    ]);
  });

  it("saves notes (trimmed, ≤ 2000 characters) and clears them with null", async () => {
    const call = await createCallLog(salonId);
    const patch = (json: unknown, apiKey = key) =>
      patchRoute(apiRequest(`/api/telephony/call-logs/${call.id}`, { key: apiKey, method: "PATCH", json }), withId(call.id));
    const ok = await patch({ notes: "  Wants a Friday slot.  " });
    expect(ok.status).toBe(200);
    expect((await ok.json()).notes).toBe("Wants a Friday slot.");
    expect((await patch({ notes: "x".repeat(2001) })).status).toBe(422);
    expect((await patch({ notes: "ok", status: "COMPLETED" })).status).toBe(422);
    expect((await patch({ notes: null })).status).toBe(200);
    expect((await db.callLog.findUniqueOrThrow({ where: { id: call.id } })).notes).toBeNull();
  });

  it("offers a voicemail through Bolt's recording route, never Twilio's media URL", async () => {
    const recordingSid = `RE${"d".repeat(32)}`;
    const call = await createCallLog(salonId, {
      reason: "VOICEMAIL",
      recordingSid,
      recordingDurationSeconds: 42,
      recordingUrl: `https://api.twilio.com/2010-04-01/Accounts/AC${"1".repeat(32)}/Recordings/${recordingSid}`,
    });
    const body = await (await getRoute(apiRequest(`/api/telephony/call-logs/${call.id}`, { key }), withId(call.id))).json();
    expect(body.recording).toEqual({ url: `/api/telephony/call-logs/${call.id}/recording`, durationSeconds: 42 });
    expect(JSON.stringify(body)).not.toContain("api.twilio.com");
  });

  it("refuses an absurd id with a 422 before any query", async () => {
    const id = "x".repeat(65);
    const res = await getRoute(apiRequest(`/api/telephony/call-logs/${id}`, { key }), withId(id));
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ code: "validation_failed", fields: { id: ["Expected an id"] } });
  });

  it("marks the follow-up handled and reopens it (who, when, audited), filters by it, and returns the summary", async () => {
    const owner = await createSalonWithOwner();
    const cookie = await sessionCookieFor(owner.userId, owner.salonId);
    const ownerKey = (await createApiKey(owner.salonId, { name: "follow-up" })).plaintextKey;
    // A voicemail (the rule opens it) and a call Bolt answered (nothing to follow up).
    const voicemail = await createCallLog(owner.salonId, { status: "COMPLETED", reason: "VOICEMAIL", recordingSid: `RE${"e".repeat(32)}` });
    const answered = await createCallLog(owner.salonId, { status: "COMPLETED", reason: "HOURS" });
    for (const call of [voicemail, answered]) await storeCallState(db, { salonId: owner.salonId, id: call.id });
    const listed = async (query: string) => (await list(query, ownerKey)).body as { data: Array<{ id: string; followUp: string | null; summary: unknown }> };
    expect(ids(await listed("?followUp=open"))).toEqual([voicemail.id]);
    expect(ids(await listed("?followUp=handled"))).toEqual([]);
    expect((await listed("")).data.find((c) => c.id === answered.id)).toMatchObject({
      followUp: null,
      summary: { intents: [{ intent: "HOURS" }], actions: [], followUp: null, language: null, notUnderstood: false },
    });

    const patch = (json: unknown) =>
      patchRoute(apiRequest(`/api/telephony/call-logs/${voicemail.id}`, { cookie, method: "PATCH", json }), withId(voicemail.id));
    const handled = await patch({ followUp: "HANDLED" });
    expect(handled.status).toBe(200);
    expect(await handled.json()).toMatchObject({
      followUp: "HANDLED",
      followUpChangedBy: { id: owner.userId, name: "Olive Owner" },
      summary: { actions: [{ kind: "MESSAGE" }], followUp: "voicemail" },
    });
    expect(ids(await listed("?followUp=open"))).toEqual([]);
    expect(ids(await listed("?followUp=handled"))).toEqual([voicemail.id]);
    // A late callback re-deriving the call keeps staff's choice.
    await storeCallState(db, { salonId: owner.salonId, id: voicemail.id });
    expect((await db.callLog.findUniqueOrThrow({ where: { id: voicemail.id } })).followUp).toBe("HANDLED");

    expect((await patch({ followUp: "OPEN", notes: "Call her back after 5" })).status).toBe(200);
    expect(await db.callLog.findUniqueOrThrow({ where: { id: voicemail.id } })).toMatchObject({ followUp: "OPEN", notes: "Call her back after 5" });
    const audits = await db.auditLog.findMany({ where: { salonId: owner.salonId, targetId: voicemail.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => [a.action, a.actorUserId])).toEqual([
      ["call.follow_up_handled", owner.userId],
      ["call.follow_up_reopened", owner.userId],
    ]);
    for (const bad of [{ followUp: "DONE" }, {}, { followUp: "HANDLED", outcome: "MISSED" }]) expect((await patch(bad)).status).toBe(422);
    expect((await list("?followUp=closed", ownerKey)).status).toBe(422);

    // Another salon's key can neither see nor handle it.
    const theirs = await patchRoute(
      apiRequest(`/api/telephony/call-logs/${voicemail.id}`, { key: otherKey, method: "PATCH", json: { followUp: "HANDLED" } }),
      withId(voicemail.id),
    );
    expect(theirs.status).toBe(404);
    expect(ids((await list("?followUp=open", otherKey)).body)).toEqual([]);
    expect((await db.callLog.findUniqueOrThrow({ where: { id: voicemail.id } })).followUp).toBe("OPEN");
  });

  it("assigns the follow-up to a member of the salon only (audited, once), and filters by assignee", async () => {
    const owner = await createSalonWithOwner();
    const cookie = await sessionCookieFor(owner.userId, owner.salonId);
    const ownerKey = (await createApiKey(owner.salonId, { name: "assign" })).plaintextKey;
    const staff = await addMember(owner.salonId);
    const outsider = await addMember(otherSalonId);
    const [missed, other] = await Promise.all([0, 1].map(() => createCallLog(owner.salonId, { status: "NO_ANSWER" })));
    const patch = (id: string, json: unknown, auth: { cookie?: string; key?: string } = { cookie }) =>
      patchRoute(apiRequest(`/api/telephony/call-logs/${id}`, { ...auth, method: "PATCH", json }), withId(id));
    const listed = async (query: string, auth: { cookie?: string; key?: string } = { key: ownerKey }) => {
      const res = await listRoute(apiRequest(`/api/telephony/call-logs${query}`, auth));
      return (await res.json()) as { data: Array<{ id: string; assignee: unknown }> };
    };

    const assigned = await patch(missed!.id, { assigneeId: staff.userId });
    expect(assigned.status).toBe(200);
    expect(await assigned.json()).toMatchObject({ assignee: { id: staff.userId, name: "Sam Staff" } });
    expect((await patch(missed!.id, { assigneeId: staff.userId })).status).toBe(200);
    expect(ids(await listed(`?assignee=${staff.userId}`))).toEqual([missed!.id]);
    expect(ids(await listed("?assignee=none"))).toEqual([other!.id]);
    expect((await listed("")).data.find((c) => c.id === missed!.id)?.assignee).toEqual({ id: staff.userId, name: "Sam Staff" });
    // "me" is the signed-in member; an API key is nobody.
    expect((await patch(other!.id, { assigneeId: owner.userId })).status).toBe(200);
    expect(ids(await listed("?assignee=me", { cookie }))).toEqual([other!.id]);
    expect((await listRoute(apiRequest("/api/telephony/call-logs?assignee=me", { key: ownerKey }))).status).toBe(422);

    // Another salon's member (or a made-up id) is refused and nothing is stored; null unassigns.
    for (const assigneeId of [outsider.userId, "cm-nobody"]) {
      const res = await patch(missed!.id, { assigneeId });
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ code: "assignee_not_member" });
    }
    expect((await db.callLog.findUniqueOrThrow({ where: { id: missed!.id } })).assigneeId).toBe(staff.userId);
    expect((await patch(missed!.id, { assigneeId: null })).status).toBe(200);
    expect(ids(await listed("?assignee=none"))).toEqual([missed!.id]);
    // Another salon can't assign (or see) this salon's call, even to its own member.
    expect((await patch(missed!.id, { assigneeId: outsider.userId }, { key: otherKey })).status).toBe(404);
    expect(ids(await listed(`?assignee=${staff.userId}`, { key: otherKey }))).toEqual([]);

    const audits = await db.auditLog.findMany({ where: { salonId: owner.salonId, targetId: missed!.id }, orderBy: { createdAt: "asc" } });
    expect(audits.map((a) => [a.action, a.metadata])).toEqual([
      ["call.assigned", { assigneeId: staff.userId, previousAssigneeId: null }],
      ["call.assigned", { assigneeId: null, previousAssigneeId: staff.userId }],
    ]);
  });

  it("answers 404 for another salon's call and changes nothing", async () => {
    const theirs = await createCallLog(otherSalonId, { notes: "theirs" });
    const read = await getRoute(apiRequest(`/api/telephony/call-logs/${theirs.id}`, { key }), withId(theirs.id));
    expect(read.status).toBe(404);
    const write = await patchRoute(
      apiRequest(`/api/telephony/call-logs/${theirs.id}`, { key, method: "PATCH", json: { notes: "hijacked" } }),
      withId(theirs.id),
    );
    expect(write.status).toBe(404);
    expect((await db.callLog.findUniqueOrThrow({ where: { id: theirs.id } })).notes).toBe("theirs");
  });
});
