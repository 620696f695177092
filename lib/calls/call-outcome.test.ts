// A call's outcome: the pure function the Calls page and the text-back share, its where clause and the
// stored column, which must pick exactly the calls the function labels that way (checked against
// PostgreSQL); the migration's backfill, which must agree with it; and who may write call logs.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CALL_OUTCOMES, callOutcomeOf, callOutcomeWhere, type CallOutcome } from "@/lib/calls/call-outcome";
import { updateCallLogs } from "@/lib/calls/write-call-logs";
import { CallReason, CallStatus } from "@/lib/generated/prisma/enums";
import { createCallLog, createSalon } from "@/lib/testing/factories";

const ROOT = path.resolve(__dirname, "../..");
const BACKFILL = path.join(ROOT, "prisma/migrations/20261209000200_call_outcome_and_list_indexes/migration.sql");

const ended = { status: "COMPLETED" as const, answeredAt: null, recordingSid: null };

describe("callOutcomeOf", () => {
  it.each<[string, Parameters<typeof callOutcomeOf>[0], CallOutcome]>([
    ["staff answered a transfer", { ...ended, reason: "TRANSFER", answeredAt: new Date() }, "ANSWERED_BY_STAFF"],
    ["a voicemail", { ...ended, reason: "VOICEMAIL", recordingSid: "RE1" }, "VOICEMAIL"],
    ["a transcript before its recording", { ...ended, reason: "UNKNOWN", transcription: "Hi" }, "VOICEMAIL"],
    ["a call still ringing", { ...ended, status: "RINGING", reason: null }, "IN_PROGRESS"],
    ["a caller who heard the hours", { ...ended, reason: "HOURS" }, "ANSWERED_BY_BOLT"],
    ["a caller texted how to book", { ...ended, reason: "BOOKING" }, "ANSWERED_BY_BOLT"],
    ["a caller who wanted a person and left no message", { ...ended, reason: "TRANSFER" }, "MISSED"],
    ["a caller never understood", { ...ended, reason: "UNKNOWN" }, "MISSED"],
    ["a hang-up during the greeting", { ...ended, reason: null }, "MISSED"],
    ["a busy line", { ...ended, status: "BUSY", reason: null }, "MISSED"],
  ])("%s → %s", (_name, call, outcome) => {
    expect(callOutcomeOf(call)).toBe(outcome);
  });
});

describe("callOutcomeWhere, the stored outcome and the migration's backfill", () => {
  it("select exactly the calls callOutcomeOf gives each outcome, in the salon asked for only", async () => {
    const salonId = (await createSalon()).id;
    const other = (await createSalon()).id;
    await createCallLog(other, { status: "COMPLETED" });
    // Every status × reason (and none), plus the answered, recorded and transcribed variants.
    const reasons = [null, ...Object.values(CallReason)];
    for (const status of Object.values(CallStatus)) {
      for (const reason of reasons) await createCallLog(salonId, { status, reason });
    }
    // An empty transcript too: storing never writes one, but if a row holds one both rules must read it alike.
    const variants = () => [
      { answeredAt: new Date() },
      { recordingSid: `RE${randomBytes(16).toString("hex")}` },
      { transcription: "Call me" },
      { transcription: "" },
    ];
    for (const extra of variants()) await createCallLog(salonId, { status: "COMPLETED", reason: "HOURS", ...extra });
    for (const extra of variants()) await createCallLog(salonId, { status: "IN_PROGRESS", reason: null, ...extra });

    const calls = await db.callLog.findMany({ where: { salonId } });
    const seen = new Set<string>();
    for (const outcome of CALL_OUTCOMES) {
      const matched = await db.callLog.findMany({ where: { salonId, ...callOutcomeWhere(outcome) }, select: { id: true } });
      const stored = await db.callLog.findMany({ where: { salonId, outcome }, select: { id: true } });
      const expected = calls.filter((c) => callOutcomeOf(c) === outcome).map((c) => c.id);
      expect(matched.map((c) => c.id).sort(), outcome).toEqual(expected.sort());
      expect(stored.map((c) => c.id).sort(), `stored ${outcome}`).toEqual(expected.sort());
      expect(expected.length, outcome).toBeGreaterThan(0);
      for (const { id } of matched) seen.add(id);
    }
    expect(seen.size).toBe(calls.length);

    // The migration's backfill, run as written over the same rows, gives each call callOutcomeOf's answer.
    const sql = readFileSync(BACKFILL, "utf8");
    const caseExpr = /UPDATE "call_logs" SET "outcome" = ([\s\S]*?);/.exec(sql)?.[1];
    const allowed = /CHECK \("outcome" IN \(([^)]*)\)\)/.exec(sql)?.[1];
    expect(allowed?.split(",").map((v) => v.trim().replaceAll("'", ""))).toEqual([...CALL_OUTCOMES]);
    expect(caseExpr).toBeDefined();
    const backfilled = await db.$queryRawUnsafe<{ id: string; outcome: string }[]>(
      `SELECT "id", (${caseExpr})::text AS "outcome" FROM "call_logs" WHERE "salonId" = $1`,
      salonId,
    );
    expect(backfilled).toHaveLength(calls.length);
    const byId = new Map(calls.map((c) => [c.id, callOutcomeOf(c)]));
    for (const row of backfilled) expect(row.outcome, row.id).toBe(byId.get(row.id));
  });
});

describe("updateCallLogs", () => {
  it("keeps the stored outcome callOutcomeOf's through each change, also when writers race", async () => {
    const salonId = (await createSalon()).id;
    const call = await createCallLog(salonId, { status: "IN_PROGRESS" });
    const outcomeNow = async () => {
      const row = await db.callLog.findUniqueOrThrow({ where: { id: call.id } });
      expect(row.outcome).toBe(callOutcomeOf(row));
      return row.outcome;
    };
    expect(await outcomeNow()).toBe("IN_PROGRESS");
    const update = (data: Parameters<typeof updateCallLogs>[1]["data"]) =>
      updateCallLogs(db, { where: { id: call.id, salonId }, data, select: { id: true } });
    await update({ status: "COMPLETED" });
    expect(await outcomeNow()).toBe("MISSED");
    await update({ reason: "HOURS" });
    expect(await outcomeNow()).toBe("ANSWERED_BY_BOLT");
    // The status report and the voicemail's callbacks arrive together; whichever order they land in,
    // the outcome stored last is the one for the final row.
    const racing = await createCallLog(salonId, { status: "IN_PROGRESS" });
    await Promise.all([
      updateCallLogs(db, { where: { id: racing.id }, data: { status: "COMPLETED" }, select: { id: true } }),
      updateCallLogs(db, { where: { id: racing.id }, data: { recordingSid: `RE${randomBytes(16).toString("hex")}` }, select: { id: true } }),
      updateCallLogs(db, { where: { id: racing.id }, data: { reason: "VOICEMAIL" }, select: { id: true } }),
    ]);
    expect(await db.callLog.findUniqueOrThrow({ where: { id: racing.id } })).toMatchObject({ outcome: "VOICEMAIL" });
  });

  it("is how call logs are updated: other updates are listed here with why they can't change the outcome", () => {
    // Inserts can't forget the outcome (the column has no default); updates could, so every file that
    // updates call_logs is named here. A new writer of status, reason, answeredAt, recordingSid or
    // transcription must go through updateCallLogs instead of being added.
    const harmless: Record<string, string> = {
      "lib/calls/write-call-logs.ts": "the helper itself",
      "lib/calls/missed-call-text.ts": "writes missedCallTextAt only",
      "lib/calls/update-call-notes.ts": "writes notes only",
      "lib/customers/merge-customers.ts": "moves calls to the kept customer: writes customerId only",
    };
    const writes = /\.callLog\.(update|updateMany|updateManyAndReturn|upsert)\(|UPDATE\s+"?call_logs"?/;
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = path.posix.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "generated" && entry.name !== "node_modules") walk(rel);
        } else if (/\.(ts|tsx)$/.test(entry.name) && rel !== "lib/calls/call-outcome.test.ts") {
          if (writes.test(readFileSync(path.join(ROOT, rel), "utf8"))) found.push(rel);
        }
      }
    };
    for (const dir of ["app", "lib", "components", "bench", "scripts", "e2e"]) walk(dir);
    expect(found.sort()).toEqual(Object.keys(harmless).sort());
  });
});
