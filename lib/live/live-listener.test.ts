// Live updates end to end through PostgreSQL: the triggers announce, each listener ("app instance")
// hears every announcement and passes a salon's events only to that salon's streams; a killed
// connection comes back; GET /api/live answers only a signed-in caller, with their own salon's events.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { GET } from "@/app/api/live/route";
import { CLIENT_IP_HEADER } from "@/lib/api/client-ip";
import { revokeSession } from "@/lib/auth/sessions";
import { db, withSalonTransaction } from "@/lib/db";
import { env } from "@/lib/env";
import { countUnread, UNREAD_COUNTS_SQL } from "@/lib/live/count-unread";
import type { LiveEvent } from "@/lib/live/live-event";
import { closeLiveListener, LiveCapacityError, LiveListener } from "@/lib/live/live-listener";
import { serveLiveStream } from "@/lib/live/serve-live-stream";
import { createSalonWithOwner, randomIp, signedInSession } from "@/lib/testing/auth-fixtures";
import { withDatabase } from "@/lib/testing/databases";
import {
  createCallLog,
  createCustomer,
  createInboundMessage,
  createNotification,
} from "@/lib/testing/factories";
import { explainShape } from "@/lib/testing/query-plans";

const listeners: LiveListener[] = [];
const newListener = () => {
  const l = new LiveListener({ connectionString: env.DATABASE_URL, backoffMs: () => 10 });
  listeners.push(l);
  return l;
};
/** A subscriber that records what it is given. */
function recorder(listener: LiveListener, salonId: string) {
  const events: LiveEvent[] = [];
  const unsubscribe = listener.subscribe(salonId, {
    onEvent: (e) => events.push(e),
    onClose: () => events.push({ t: "*", id: "", k: "closed" }),
  });
  return {
    events,
    unsubscribe,
    has: (p: Partial<LiveEvent>) =>
      events.some((e) => Object.entries(p).every(([k, v]) => e[k as keyof LiveEvent] === v)),
  };
}
const arrives = (check: () => boolean) =>
  vi.waitFor(() => expect(check()).toBe(true), { timeout: 10_000, interval: 20 });

let a: Awaited<ReturnType<typeof createSalonWithOwner>>;
let b: Awaited<ReturnType<typeof createSalonWithOwner>>;

beforeAll(async () => {
  [a, b] = await Promise.all([createSalonWithOwner(), createSalonWithOwner()]);
});

afterAll(async () => {
  await Promise.all(listeners.map((l) => l.stop()));
  await closeLiveListener();
});

describe("the listener", () => {
  it("gives each salon's subscribers that salon's changes only, on every instance, from any write path", async () => {
    const [one, two] = [newListener(), newListener()];
    const aOnOne = recorder(one, a.salonId);
    const aOnTwo = recorder(two, a.salonId);
    const bOnTwo = recorder(two, b.salonId);
    await Promise.all([one.listening(), two.listening()]);

    const maria = await createCustomer(a.salonId, { name: "Maria Lopez" });
    // Through the salon client (row-level security on), as the webhooks and pages write.
    const text = await withSalonTransaction(a.salonId, (tx) =>
      tx.inboundMessage.create({
        data: {
          salonId: a.salonId,
          customerId: maria.id,
          messageSid: "SMlive1",
          from: maria.phone,
          to: "+14155550100",
          body: "Hi",
        },
      }),
    );
    const bCall = await createCallLog(b.salonId, { status: "NO_ANSWER" });
    const sentinel = await createNotification(a.salonId, { customerId: maria.id });

    for (const r of [aOnOne, aOnTwo]) await arrives(() => r.has({ t: "notifications", id: sentinel.id }));
    await arrives(() => bOnTwo.has({ t: "calls", id: bCall.id }));
    for (const r of [aOnOne, aOnTwo]) {
      expect(r.events).toContainEqual({
        t: "messages",
        id: maria.id,
        k: "text",
        f: maria.phone,
        n: "Maria Lopez",
      });
      expect(r.events).toContainEqual({ t: "notifications", id: sentinel.id, k: "queued", c: maria.id });
      expect(
        r.events.some((e) => e.id === bCall.id),
        "salon B's call reached salon A",
      ).toBe(false);
    }
    expect(
      bOnTwo.events.some((e) => e.id === maria.id || e.id === sentinel.id || e.c === maria.id),
      "salon A's texts reached salon B",
    ).toBe(false);

    // A read text changes the unread count; a write that changes nothing shown announces nothing.
    await db.inboundMessage.update({
      where: { id: text.id },
      data: { readAt: new Date("2026-12-01T10:00:00Z") },
    });
    await db.notification.update({ where: { id: sentinel.id }, data: { attempts: 1 } });
    const after = await createNotification(a.salonId);
    await arrives(() => aOnOne.has({ id: after.id }));
    expect(aOnOne.events.filter((e) => e.id === sentinel.id)).toHaveLength(1);
    expect(aOnOne.has({ t: "messages", id: maria.id, k: "read" })).toBe(true);

    // Gone subscribers are dropped from the sets: nothing is kept per closed stream.
    for (const r of [aOnOne, aOnTwo, bOnTwo]) r.unsubscribe();
    expect([one.subscriberCount, two.subscriberCount]).toEqual([0, 0]);
  });

  it("announces a call becoming missed, a voicemail, or booked by Bolt with the caller, for a toast", async () => {
    const listener = newListener();
    const r = recorder(listener, a.salonId);
    await listener.listening();
    const call = await createCallLog(a.salonId, { status: "IN_PROGRESS", from: "+15550100147" });
    await db.callLog.update({
      where: { id: call.id },
      data: { status: "COMPLETED", outcome: "MISSED", followUp: "OPEN" },
    });
    await db.callLog.update({
      where: { id: call.id },
      data: { recordingSid: "RElive1", outcome: "VOICEMAIL" },
    });
    await db.callEvent.createMany({
      data: [1, 2].map((n) => ({
        salonId: a.salonId,
        callLogId: call.id,
        at: new Date(),
        kind: "HEARD" as const,
        dedupeKey: `live:${n}`,
      })),
    });
    await arrives(() => r.has({ id: call.id, k: "event" }));
    expect(r.events.filter((e) => e.id === call.id)).toEqual([
      { t: "calls", id: call.id, k: "new" },
      { t: "calls", id: call.id, k: "missed", f: "+15550100147" },
      { t: "calls", id: call.id, k: "voicemail", f: "+15550100147" },
      // Two events in one transaction: announced once.
      { t: "calls", id: call.id, k: "event" },
    ]);
    r.unsubscribe();
  });

  it("listens again after its connection is killed, and tells subscribers to re-read", async () => {
    const listener = newListener();
    const r = recorder(listener, a.salonId);
    await listener.listening();
    const admin = new pg.Client({ connectionString: env.DATABASE_URL });
    await admin.connect();
    try {
      const killed = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'bolt-live' AND datname = current_database()`,
      );
      expect(killed.rowCount).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    await arrives(() => r.has({ t: "*", k: "resync" }));
    const call = await createCallLog(a.salonId);
    await arrives(() => r.has({ id: call.id, k: "new" }));
    r.unsubscribe();
  });

  it("refuses subscribers past its bounds, and ends every stream when stopped", async () => {
    const listener = new LiveListener({
      connectionString: env.DATABASE_URL,
      maxPerSalon: 1,
      maxSubscribers: 2,
    });
    listeners.push(listener);
    const first = recorder(listener, a.salonId);
    expect(() => recorder(listener, a.salonId)).toThrow(LiveCapacityError);
    recorder(listener, b.salonId);
    expect(() => recorder(listener, "another-salon")).toThrow(LiveCapacityError);
    await listener.stop();
    expect(first.events).toEqual([{ t: "*", id: "", k: "closed" }]);
    expect(listener.subscriberCount).toBe(0);
  });
});

describe("GET /api/live", () => {
  const request = (cookie?: string, accept = "text/event-stream") =>
    new Request("http://localhost:3000/api/live", {
      headers: { accept, [CLIENT_IP_HEADER]: randomIp(), ...(cookie ? { cookie } : {}) },
    });

  /** Reads the stream until `until` holds for the text so far. */
  async function readUntil(
    body: ReadableStream<Uint8Array>,
    until: (text: string) => boolean,
  ): Promise<string> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let text = "";
    try {
      while (!until(text)) {
        const { value, done } = await reader.read();
        if (done) return `${text}<end>`;
        text += decoder.decode(value);
      }
      return text;
    } finally {
      await reader.cancel();
    }
  }

  it("answers 401 JSON without a session", async () => {
    const res = await GET(request());
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ code: "unauthorized" });
  });

  it("answers 406 JSON to a signed-in request that doesn't ask for an event stream", async () => {
    const { cookie } = await signedInSession(a.userId, a.salonId);
    const res = await GET(request(cookie, "*/*"));
    expect(res.status).toBe(406);
    expect(await res.json()).toMatchObject({ code: "not_acceptable" });
  });

  it("streams the signed-in user's salon's events and no other salon's", async () => {
    const { cookie } = await signedInSession(a.userId, a.salonId);
    const res = await GET(request(cookie));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    // The stream subscribes before it answers; events from here on are its.
    const { liveListener } = await import("@/lib/live/live-listener");
    await liveListener().listening();
    const bCall = await createCallLog(b.salonId);
    const aCall = await createCallLog(a.salonId);
    const text = await readUntil(res.body!, (t) => t.includes(aCall.id));
    expect(text.startsWith("retry: 2000\n")).toBe(true);
    expect(text).toContain(`data: ${JSON.stringify({ t: "calls", id: aCall.id, k: "new" })}\n\n`);
    expect(text).not.toContain(bCall.id);
  });

  it("ends the stream once the session is revoked", async () => {
    const { cookie, sessionId } = await signedInSession(a.userId, a.salonId);
    const res = serveLiveStream(request(cookie), a.salonId, { heartbeatMs: 20 });
    const reading = readUntil(res.body!, (t) => t.endsWith("<end>"));
    await revokeSession(sessionId);
    expect(await reading).toContain(": ping");
  });
});

describe("the sidebar's counts", () => {
  it("counts conversations with unread texts and calls with an open follow-up, reading the index only", async () => {
    const [ann, bob] = await Promise.all([createCustomer(b.salonId), createCustomer(b.salonId)]);
    await createInboundMessage(b.salonId, ann);
    await createInboundMessage(b.salonId, ann);
    await createInboundMessage(b.salonId, bob, { readAt: new Date("2026-12-01T10:00:00Z") });
    await createCallLog(b.salonId, { followUp: "OPEN" });
    await createCallLog(b.salonId, { followUp: "HANDLED" });
    expect(await countUnread(b.salonId)).toEqual({ messages: 1, calls: 1 });
    // A salon's history of read texts, which the count must not read.
    await db.$executeRaw`
      INSERT INTO "inbound_messages" ("id", "salonId", "customerId", "messageSid", "from", "to", "body", "readAt", "updatedAt")
      SELECT 'old' || n, ${b.salonId}, ${bob.id}, 'SMold' || n, ${bob.phone}, '+14155550100', 'Hi', now(), now()
      FROM generate_series(1, 3000) n`;
    // And of calls that needed nobody: enough that only the follow-up index serves the count.
    await db.$executeRaw`
      INSERT INTO "call_logs" ("id", "salonId", "callSid", "from", "to", "status", "outcome", "updatedAt")
      SELECT 'oldcall' || n, ${b.salonId}, 'CAold' || n, '+14155550123', '+14155550100', 'COMPLETED', 'ANSWERED_BY_BOLT', now()
      FROM generate_series(1, 3000) n`;
    await db.$executeRaw`ANALYZE "inbound_messages"`;
    await db.$executeRaw`ANALYZE "call_logs"`;

    const server = inject("testDatabaseServer");
    const database = decodeURIComponent(new URL(env.DATABASE_URL).pathname.slice(1));
    const client = new pg.Client({ connectionString: withDatabase(server.adminUrl, database) });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(`SET LOCAL ROLE "${server.appRole}_salon"`);
      await client.query(`SELECT set_config('bolt.salon_id', $1, true)`, [b.salonId]);
      const { scans, rowsRead } = await explainShape(client, UNREAD_COUNTS_SQL, [b.salonId]);
      expect(rowsRead).toBeLessThanOrEqual(10);
      expect(scans).toEqual([
        "inbound_messages_salonId_readAt_customerId_idx",
        "call_logs_salonId_followUp_startedAt_id_idx",
      ]);
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });
});
