// The Calls page's query: Newer/Older keyset pages in each sort it offers, salon scoping; the API's
// cursor; a call's timeline.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { callOutcomeOf } from "@/lib/calls/call-outcome";
import { getCallLog } from "@/lib/calls/get-call-log";
import { missedCallKey } from "@/lib/calls/notification-keys";
import { formatPhone } from "@/lib/phone";
import { listCallLogs, listCallLogsPage } from "@/lib/calls/queries";
import { createCallLog, createNotification, createSalon } from "@/lib/testing/factories";
import { walkPages, type Cursor } from "@/lib/testing/keyset-walk";
import { callLogsPageQuerySchema, listCallLogsQuerySchema } from "@/lib/validations/calls";

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
      seen.push(...page.data.map((r) => r.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...all].sort((a, b) => -byTime(a, b)).map((r) => r.id));
  });

  it("gives each listed call what its outcome needs: a transcript without a recording is a voicemail, not missed", async () => {
    const salonId = (await createSalon()).id;
    // The transcript arrived; the recording callback hasn't (yet).
    await createCallLog(salonId, { status: "COMPLETED", reason: "VOICEMAIL", transcription: "Hi, it's Dana.", endedAt: new Date() });
    const page = await listCallLogsPage(salonId, callLogsPageQuerySchema.parse({ outcome: "VOICEMAIL" }));
    expect(page.rows.map((row) => callOutcomeOf(row))).toEqual(["VOICEMAIL"]);
    const api = await listCallLogs(salonId, listCallLogsQuerySchema.parse({ outcome: "VOICEMAIL" }));
    expect(api.data.map((row) => callOutcomeOf(row))).toEqual(["VOICEMAIL"]);
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
