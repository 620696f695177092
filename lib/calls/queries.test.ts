// The Calls page's query: Newer/Older keyset pages in each sort it offers, salon scoping; the API's
// cursor; a call's timeline.
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { callOutcomeOf } from "@/lib/calls/call-outcome";
import { getCallLog } from "@/lib/calls/get-call-log";
import { missedCallKey } from "@/lib/calls/notification-keys";
import { formatPhone } from "@/lib/phone";
import { listCallLogs } from "@/lib/calls/list-call-logs";
import { callLogListSelect, listCallLogsPage, type CallLogListItem } from "@/lib/calls/queries";
import type { JsonPage } from "@/lib/api/pagination";
import { resolveAssigneeFilter } from "@/lib/follow-ups/assignee";
import { addMember } from "@/lib/testing/auth-fixtures";
import { createCallLog, createNotification, createSalon } from "@/lib/testing/factories";
import { withDatabase } from "@/lib/testing/databases";
import { explainShape } from "@/lib/testing/query-plans";
import { walkPages, type Cursor } from "@/lib/testing/keyset-walk";
import { callLogsPageQuerySchema, listCallLogsQuerySchema } from "@/lib/validations/calls";

/** The API list's rows as the response carries them, and Prisma's rows as JSON would write them. */
const rowsOf = (page: JsonPage) => page.rows.map((r) => JSON.parse(r) as CallLogListItem);
const asJson = (rows: unknown) => JSON.parse(JSON.stringify(rows)) as unknown;

describe("listCallLogsPage", () => {
  it("sorts by time or length (unended calls last), and sees only its salon", async () => {
    const salonId = (await createSalon()).id;
    const other = (await createSalon()).id;
    await createCallLog(other, { durationSeconds: 999 });
    for (const [i, duration] of [30, null, 10, 20].entries()) {
      await createCallLog(salonId, { durationSeconds: duration, startedAt: new Date(Date.UTC(2026, 4, 1, 12, i)) });
    }
    const byDuration = await listCallLogsPage(salonId, callLogsPageQuerySchema.parse({ sort: "durationSeconds", dir: "desc", pageSize: "5" }));
    expect(byDuration.rows.map((r) => r.durationSeconds)).toEqual([30, 20, 10, null]);
    expect(byDuration).toMatchObject({ newer: null, older: null });
    const shortest = await listCallLogsPage(salonId, callLogsPageQuerySchema.parse({ sort: "durationSeconds", dir: "asc", pageSize: "5" }));
    expect(shortest.rows.map((r) => r.durationSeconds)).toEqual([10, 20, 30, null]);

    const oldest = await listCallLogsPage(salonId, callLogsPageQuerySchema.parse({ sort: "startedAt", dir: "asc", pageSize: "5" }));
    expect(oldest.rows.map((r) => r.durationSeconds)).toEqual([30, null, 10, 20]);
    // Junk in the page's searchParams falls back to defaults instead of failing the page.
    expect(callLogsPageQuerySchema.parse({ sort: "password", dir: "sideways" })).toMatchObject({ sort: "startedAt", dir: "desc" });
  });

  it("pages by keyset in every sort, through ties and nulls, forward and back, as the API does by time", async () => {
    const salonId = (await createSalon()).id;
    // 14 calls in one statement: lengths with repeats and nulls, start times shared by pairs.
    await db.$executeRaw`
      INSERT INTO "call_logs" ("id", "salonId", "callSid", "from", "to", "status", "outcome", "startedAt", "durationSeconds", "updatedAt")
      SELECT 'c' || lpad(i::text, 2, '0'), ${salonId}, 'CA' || md5(${salonId} || i), '+14155550199', '+14155550100',
             'COMPLETED', 'MISSED', timestamp '2026-05-01 12:00' + (i / 2) * interval '1 minute',
             CASE WHEN i % 5 = 0 THEN NULL ELSE 10 * (i % 3) END, now()
      FROM generate_series(1, 14) AS i`;
    const all = await db.callLog.findMany({ where: { salonId }, select: { id: true, startedAt: true, durationSeconds: true } });
    type Row = (typeof all)[number];
    const byTime = (a: Row, b: Row) => a.startedAt.getTime() - b.startedAt.getTime() || (a.id < b.id ? -1 : 1);
    for (const dir of ["asc", "desc"] as const) {
      const sign = dir === "asc" ? 1 : -1;
      const timeOrder = [...all].sort((a, b) => sign * byTime(a, b)).map((r) => r.id);
      const lengthOrder = [...all]
        .sort((a, b) => {
          if (a.durationSeconds === null || b.durationSeconds === null) {
            return Number(a.durationSeconds === null) - Number(b.durationSeconds === null) || sign * byTime(a, b);
          }
          return sign * (a.durationSeconds - b.durationSeconds || byTime(a, b));
        })
        .map((r) => r.id);
      for (const [sort, expected] of [["startedAt", timeOrder], ["durationSeconds", lengthOrder]] as const) {
        const read = (cursor: Cursor) => listCallLogsPage(salonId, { ...callLogsPageQuerySchema.parse({ sort, dir }), pageSize: 3, ...cursor });
        expect(await walkPages(read), `${sort} ${dir}`).toEqual(expected);
      }
    }
    // The API's cursor walks the same rows newest first.
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await listCallLogs(salonId, listCallLogsQuerySchema.parse({ limit: "4", ...(cursor ? { cursor } : {}) }));
      seen.push(...rowsOf(page).map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...all].sort((a, b) => -byTime(a, b)).map((r) => r.id));
  });

  it("the API's list (one SQL statement, no Prisma) returns what Prisma's findMany does, for each filter, page by page, and only its salon", async () => {
    const salonId = (await createSalon({ timeZone: "America/Los_Angeles" })).id;
    const other = (await createSalon()).id;
    const ana = await db.customer.create({ data: { salonId, phone: "+14155550123", name: "Ana 50%_off" } });
    const member = await addMember(salonId);
    await db.customer.create({ data: { salonId: other, phone: "+14155550124", name: "Ana elsewhere" } });
    // 40 calls over four days: every status, reason and outcome mix, ties on start time, some with a customer.
    await db.$executeRaw`
      INSERT INTO "call_logs" ("id", "salonId", "callSid", "from", "to", "status", "reason", "outcome", "startedAt",
        "answeredAt", "endedAt", "durationSeconds", "transcription", "notes", "customerId", "followUp", "assigneeId", "updatedAt")
      SELECT 'k' || lpad(i::text, 2, '0'), CASE WHEN i % 7 = 0 THEN ${other} ELSE ${salonId} END, 'CA' || md5(${salonId} || i),
             CASE WHEN i % 3 = 0 THEN '+14155550123' ELSE '+1415555' || lpad(i::text, 4, '0') END, '+14155550100',
             (ARRAY['COMPLETED', 'NO_ANSWER', 'BUSY']::"CallStatus"[])[1 + i % 3], CASE WHEN i % 4 = 0 THEN 'VOICEMAIL'::"CallReason" END,
             (ARRAY['MISSED', 'VOICEMAIL', 'ANSWERED_BY_STAFF'])[1 + i % 3],
             timestamp '2026-03-07 20:00' + (i / 2) * interval '2 hours 30 minutes', timestamp '2026-03-07 20:00:01.5' + i * interval '1 hour',
             CASE WHEN i % 2 = 0 THEN timestamp '2026-03-07 20:05' + i * interval '1 hour' END, CASE WHEN i % 2 = 0 THEN i * 7 END,
             CASE WHEN i % 5 = 0 THEN 'Hi, it''s Ana' END, CASE WHEN i % 6 = 0 THEN 'call back' END,
             CASE WHEN i % 3 = 0 THEN (CASE WHEN i % 7 = 0 THEN NULL ELSE ${ana.id} END) END,
             CASE WHEN i % 3 <> 2 THEN 'OPEN' END, CASE WHEN i % 4 = 1 THEN ${member.userId} END, now()
      FROM generate_series(1, 40) AS i`;
    const filters: Array<Record<string, string>> = [
      {},
      { outcome: "MISSED" },
      { followUp: "open" },
      { assignee: member.userId },
      { assignee: "none", followUp: "open" },
      { reason: "VOICEMAIL" },
      { from: "2026-03-08", to: "2026-03-09" }, // the day clocks change in the salon's zone
      { from: "2026-03-08T10:00:00-08:00" },
      { q: "(415) 555-0123" },
      { q: "50%_OFF" },
      { q: "an" },
    ];
    for (const filter of filters) {
      const viaSql: unknown[] = [];
      let cursor: string | null = null;
      do {
        const query = listCallLogsQuerySchema.parse({ ...filter, limit: "7", ...(cursor ? { cursor } : {}) });
        const page = await listCallLogs(salonId, { ...query, assignedTo: resolveAssigneeFilter(query.assignee, {}) });
        viaSql.push(...rowsOf(page));
        cursor = page.nextCursor;
      } while (cursor);
      const viaPrisma = await walkPages((c: Cursor) =>
        listCallLogsPage(salonId, { ...callLogsPageQuerySchema.parse(filter), assignedTo: resolveAssigneeFilter(filter.assignee, {}), pageSize: 20, ...c }),
      );
      const prismaRows = await db.callLog.findMany({ where: { id: { in: viaPrisma } }, select: callLogListSelect });
      const expected = viaPrisma.map((id) => prismaRows.find((r) => r.id === id));
      expect(viaSql, JSON.stringify(filter)).toEqual(asJson(expected));
      expect(viaSql.length, JSON.stringify(filter)).toBeGreaterThan(0);
    }
    // Unlike Prisma's `contains` (where "A_a" finds Ana), the API takes the caller's % and _ literally.
    expect((await listCallLogs(salonId, listCallLogsQuerySchema.parse({ q: "A_a" }))).rows).toEqual([]);
    // `status` (the API's alone: the page dropped it).
    const noAnswer = await listCallLogs(salonId, listCallLogsQuerySchema.parse({ status: "NO_ANSWER", limit: "100" }));
    const expected = await db.callLog.findMany({ where: { salonId, status: "NO_ANSWER" }, orderBy: [{ startedAt: "desc" }, { id: "desc" }], select: callLogListSelect });
    expect(rowsOf(noAnswer)).toEqual(asJson(expected));
  });

  it("gives each listed call what its outcome needs: a transcript without a recording is a voicemail, not missed", async () => {
    const salonId = (await createSalon()).id;
    // The transcript arrived; the recording callback hasn't (yet).
    await createCallLog(salonId, { status: "COMPLETED", reason: "VOICEMAIL", transcription: "Hi, it's Dana.", endedAt: new Date() });
    const page = await listCallLogsPage(salonId, callLogsPageQuerySchema.parse({ outcome: "VOICEMAIL" }));
    expect(page.rows.map((row) => callOutcomeOf(row))).toEqual(["VOICEMAIL"]);
    const api = await listCallLogs(salonId, listCallLogsQuerySchema.parse({ outcome: "VOICEMAIL" }));
    expect(rowsOf(api).map((row) => callOutcomeOf(row))).toEqual(["VOICEMAIL"]);
  });

  it("drops an old link's ?status= (the page filters by outcome and has no control to clear it)", () => {
    const query = callLogsPageQuerySchema.parse({ status: "NO_ANSWER", outcome: "MISSED" });
    expect(query).toMatchObject({ outcome: "MISSED" });
    expect(query).not.toHaveProperty("status");
  });
});

describe("getCallLog", () => {
  it("puts the call, its voicemail and its missed-call text on one timeline", async () => {
    const salonId = (await createSalon()).id;
    const call = await createCallLog(salonId, {
      startedAt: new Date("2026-04-01T16:00:00Z"),
      endedAt: new Date("2026-04-01T16:01:00Z"),
      status: "COMPLETED",
      recordingSid: `RE${"b".repeat(32)}`,
      recordingDurationSeconds: 25,
      missedCallTextAt: new Date("2026-04-01T16:01:01Z"),
    });
    await createNotification(salonId, {
      kind: "MISSED_CALL",
      status: "CANCELED",
      failureReason: "The caller left a voicemail.",
      idempotencyKey: missedCallKey(call),
      createdAt: new Date("2026-04-01T16:01:01Z"),
    });
    const detail = await getCallLog(salonId, call.id);
    // A call logged before its events were recorded still shows its voicemail, at the end of the call.
    expect(detail.timeline.map((e) => e.label)).toEqual([
      `Call from ${formatPhone(call.from)}`,
      "Bolt answered with the greeting",
      "Voicemail left (25s)",
      "Call ended",
      "Missed-call text not sent: The caller left a voicemail.",
    ]);
    await expect(getCallLog((await createSalon()).id, call.id)).rejects.toMatchObject({ status: 404 });
  });
});

describe("list indexes", () => {
  // Plan shapes, not timings: each filter and sort the Calls and Notifications lists and the API offer
  // starts an index scan where its rows are and reads about a page, however deep. Run as the app's role
  // with a salon set (no bolt.system), in one rolled-back transaction that gives the two tables the plain
  // `"salonId" = current_setting(…)` policy issue 11 part 1 moves to (today's OR hides the salon's row
  // count from the planner). The enum filters (status, reason, channel, kind) are checked after marking
  // enum_eq LEAKPROOF, as a superuser may: under row-level security PostgreSQL uses a non-leakproof
  // operator as a filter only, never as an index condition (call_logs.outcome is text for that reason).
  it("serves every list filter and sort from an index, reading about a page", async () => {
    const [a, b] = [(await createSalon()).id, (await createSalon()).id];
    const assignee = (await addMember(a)).userId;
    await db.$executeRaw`
      INSERT INTO "call_logs" ("id", "salonId", "callSid", "from", "to", "status", "reason", "outcome", "followUp", "assigneeId", "startedAt", "durationSeconds", "updatedAt")
      SELECT 'x' || i, CASE WHEN i % 2 = 0 THEN ${a} ELSE ${b} END, 'CAx' || i, '+1415555' || lpad((i % 9000)::text, 4, '0'), '+14155550100',
             (enum_range(NULL::"CallStatus"))[1 + i % 8], (enum_range(NULL::"CallReason"))[1 + i % 8],
             (ARRAY['IN_PROGRESS', 'ANSWERED_BY_STAFF', 'ANSWERED_BY_BOLT', 'VOICEMAIL', 'MISSED'])[1 + i % 5],
             (ARRAY['OPEN', 'HANDLED', NULL, NULL, NULL, NULL])[1 + i % 6], CASE WHEN i % 5 = 0 THEN ${assignee} END,
             timestamp '2026-01-01' + i * interval '7 minutes', CASE WHEN i % 40 = 0 THEN NULL ELSE i % 300 END, now()
      FROM generate_series(1, 6000) AS i`;
    await db.$executeRaw`
      INSERT INTO "notifications" ("id", "salonId", "recipientKind", "destination", "body", "kind", "status", "channel", "createdAt", "updatedAt")
      SELECT 'x' || i, CASE WHEN i % 2 = 0 THEN ${a} ELSE ${b} END, 'OTHER', '+1650555' || lpad((i % 9000)::text, 4, '0'), 'x',
             (enum_range(NULL::"NotificationKind"))[1 + i % 10], (enum_range(NULL::"NotificationStatus"))[1 + i % 7],
             CASE WHEN i % 10 = 0 THEN 'EMAIL' ELSE 'SMS' END::"NotificationChannel", timestamp '2026-01-01' + i * interval '7 minutes', now()
      FROM generate_series(1, 6000) AS i`;
    await db.$executeRawUnsafe(`ANALYZE "call_logs", "notifications"`);
    const deep = "timestamp '2026-01-15'"; // about a third of the way into salon a's 3,000 calls

    // The shapes Prisma sends (enum values as CAST($n::text AS …)), with the values written in.
    const calls = `SELECT "id" FROM "call_logs" WHERE "salonId" = $1`;
    const texts = `SELECT "id" FROM "notifications" WHERE "salonId" = $1`;
    const newest = `ORDER BY "startedAt" DESC, "id" DESC LIMIT 51`;
    const newestText = `ORDER BY "createdAt" DESC, "id" DESC LIMIT 51`;
    type Case = [name: string, sql: string, index: string, maxRowsRead?: number];
    const plain: Case[] = [
      ["calls, newest", `${calls} ${newest}`, "call_logs_salonId_startedAt_idx"],
      ["calls, outcome", `${calls} AND "outcome" = 'MISSED' ${newest}`, "call_logs_salonId_outcome_startedAt_id_idx"],
      ["calls, outcome, deep", `${calls} AND "outcome" = 'MISSED' AND "startedAt" <= ${deep} ${newest}`, "call_logs_salonId_outcome_startedAt_id_idx"],
      ["calls, open follow-ups", `${calls} AND "followUp" = 'OPEN' ${newest}`, "call_logs_salonId_followUp_startedAt_id_idx"],
      ["calls, open follow-ups, deep", `${calls} AND "followUp" = 'OPEN' AND "startedAt" <= ${deep} ${newest}`, "call_logs_salonId_followUp_startedAt_id_idx"],
      // The dashboard's "needs attention": the longest-waiting open calls, the same index read backwards.
      ["calls, open follow-ups, oldest first", `${calls} AND "followUp" = 'OPEN' ORDER BY "startedAt" ASC, "id" ASC LIMIT 9`, "call_logs_salonId_followUp_startedAt_id_idx"],
      ["calls, assigned to a member", `${calls} AND "assigneeId" = '${assignee}' ${newest}`, "call_logs_salonId_assigneeId_startedAt_id_idx"],
      ["calls, date range", `${calls} AND "startedAt" >= ${deep} AND "startedAt" < ${deep} + interval '2 days' ${newest}`, "call_logs_salonId_startedAt_idx"],
      ["calls, deep cursor", `${calls} AND "startedAt" <= ${deep} AND NOT ("startedAt" = ${deep} AND "id" >= 'x5') ${newest}`, "call_logs_salonId_startedAt_idx"],
      ["calls by length, deep", `${calls} AND "durationSeconds" < 150 ORDER BY "durationSeconds" DESC, "startedAt" DESC, "id" DESC LIMIT 26`, "call_logs_salonId_durationSeconds_startedAt_id_idx"],
      ["calls by length, one length's rest", `${calls} AND "durationSeconds" = 150 AND "startedAt" <= ${deep} ORDER BY "startedAt" DESC, "id" DESC LIMIT 26`, "call_logs_salonId_durationSeconds_startedAt_id_idx"],
      // IS NULL is no equality the index's order can skip, so the unended calls (few: 75 of salon a's
      // 3,000 here) are read whole and sorted; still the index, and never the salon's other calls.
      ["calls by length, unended", `${calls} AND "durationSeconds" IS NULL ORDER BY "startedAt" DESC, "id" DESC LIMIT 26`, "call_logs_salonId_durationSeconds_startedAt_id_idx", 150],
      ["texts, newest", `${texts} ${newestText}`, "notifications_salonId_createdAt_idx"],
      ["texts, date range", `${texts} AND "createdAt" >= ${deep} AND "createdAt" < ${deep} + interval '2 days' ${newestText}`, "notifications_salonId_createdAt_idx"],
    ];
    const enums: Case[] = [
      ["calls, status", `${calls} AND "status" = CAST('FAILED'::text AS "CallStatus") ${newest}`, "call_logs_salonId_status_startedAt_idx"],
      ["calls, reason", `${calls} AND "reason" = CAST('BOOKING'::text AS "CallReason") ${newest}`, "call_logs_salonId_reason_startedAt_idx"],
      ["texts, status", `${texts} AND "status" IN (CAST('FAILED'::text AS "NotificationStatus")) ${newestText}`, "notifications_salonId_status_createdAt_idx"],
      ["texts by status, deep", `${texts} AND "status" = CAST('SENT'::text AS "NotificationStatus") AND "createdAt" <= ${deep} ${newestText}`, "notifications_salonId_status_createdAt_idx"],
      ["texts, channel", `${texts} AND "channel" IN (CAST('EMAIL'::text AS "NotificationChannel")) ${newestText}`, "notifications_salonId_channel_createdAt_idx"],
      ["texts, kind", `${texts} AND "kind" IN (CAST('REMINDER'::text AS "NotificationKind")) ${newestText}`, "notifications_salonId_kind_createdAt_idx"],
    ];
    const server = inject("testDatabaseServer");
    const database = decodeURIComponent(new URL(env.DATABASE_URL).pathname.slice(1));
    const client = new pg.Client({ connectionString: withDatabase(server.adminUrl, database) });
    await client.connect();
    const expectPlan = async ([name, sql, index, maxRowsRead = 60]: Case) => {
      const { scans, rowsRead } = await explainShape(client, sql, [a]);
      // The index (plain or bitmap scan) and no sequential scan; a sort, if any, of the few rows read.
      expect(scans, name).toEqual([index]);
      expect(rowsRead, `${name}: rows read`).toBeLessThanOrEqual(maxRowsRead);
    };
    try {
      await client.query("BEGIN");
      for (const table of ["call_logs", "notifications"]) {
        await client.query(`DROP POLICY "salon_isolation" ON "${table}"`);
        await client.query(`CREATE POLICY "salon_isolation" ON "${table}" USING ("salonId" = current_setting('bolt.salon_id', true))`);
      }
      const asSalon = async () => {
        // The salon role (lib/db/roles.ts): the app role owns the tables, and RLS does not apply to it.
        await client.query(`SET LOCAL ROLE "${server.appRole}_salon"`);
        await client.query(`SELECT set_config('bolt.salon_id', $1, true)`, [a]);
      };
      await asSalon();
      for (const c of plain) await expectPlan(c);
      await client.query("RESET ROLE");
      await client.query(`ALTER FUNCTION enum_eq(anyenum, anyenum) LEAKPROOF`);
      await asSalon();
      for (const c of enums) await expectPlan(c);
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });
});
