// A call's outcome: the pure function the Calls page and the text-back share, its where clause and the
// stored column, which must pick exactly the calls the function labels that way (checked against
// PostgreSQL); the migration's backfill, which must agree with it; and who may write call logs.
import { randomBytes } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordCallEvents, type CallEventDraft, type StoredCallEvent } from "@/lib/calls/call-events";
import { CALL_OUTCOMES, callOutcomeOf, callOutcomeWhere, type CallOutcome } from "@/lib/calls/call-outcome";
import { deriveCallState, nextFollowUpState, type CallSummary, type SummaryCallFields } from "@/lib/calls/call-summary";
import { storeCallState, updateCallLogs } from "@/lib/calls/write-call-logs";
import { logger } from "@/lib/logger";
import { CallReason, CallStatus } from "@/lib/generated/prisma/enums";
import { createCallLog, createSalon } from "@/lib/testing/factories";

const ROOT = path.resolve(__dirname, "../..");
const BACKFILL = path.join(ROOT, "prisma/migrations/20261212000300_call_summaries/migration.sql");

const ended = { status: "COMPLETED" as const, answeredAt: null, recordingSid: null, servedByBolt: null };

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
    ["a caller Bolt booked", { ...ended, reason: "BOOKING", servedByBolt: "BOOKED" }, "BOOKED_BY_BOLT"],
    ["a caller Bolt booked, still on the line", { ...ended, status: "IN_PROGRESS", reason: "BOOKING", servedByBolt: "BOOKED" }, "IN_PROGRESS"],
    ["a caller Bolt booked who also left a message", { ...ended, reason: "BOOKING", servedByBolt: "BOOKED", recordingSid: "RE1" }, "VOICEMAIL"],
    ["a caller whose appointment Bolt cancelled", { ...ended, reason: "CANCEL", servedByBolt: "REQUEST" }, "ANSWERED_BY_BOLT"],
    ["a move Bolt couldn't make, nobody taking over", { ...ended, reason: "RESCHEDULE" }, "MISSED"],
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
    // What Bolt served, over the statuses and a served and an unserved reason.
    await Promise.all(
      ["BOOKED", "REQUEST"].flatMap((servedByBolt) =>
        Object.values(CallStatus).flatMap((status) =>
          (["CANCEL", "HOURS", null] as const).map((reason) => createCallLog(salonId, { status, reason, servedByBolt })),
        ),
      ),
    );

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
      "lib/calls/choose-call-language.ts": "writes the call's language only",
      "lib/calls/update-call-notes.ts": "writes notes only",
      "lib/calls/update-call-follow-up.ts": "writes staff's follow-up choice (which the rule then keeps) and bumps derivedVersion",
      "lib/customers/merge-customers.ts": "moves calls to the kept customer: writes customerId only",
      "lib/calls/text-caller-back.ts": "links a caller texted back to their new customer record: writes customerId only",
      "lib/team/members.ts": "a removed member's calls go back to nobody: writes assigneeId only",
      "lib/live/live-listener.test.ts": "a test of the live trigger: sets a test call's outcome by hand to see it announced",
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

describe("deriveCallState: the summary, what Bolt served and the follow-up, from the call's events", () => {
  const t = (s: number) => new Date(Date.UTC(2026, 11, 7, 18, 0, s));
  const ev = (s: number, kind: StoredCallEvent["kind"], detail: unknown = {}): StoredCallEvent => ({ at: t(s), kind, detail });
  const heard = (s: number, intent: string, entities?: object) => ev(s, "HEARD", { speech: "…", intent, ...(entities ? { entities } : {}) });
  const appt = { appointmentId: "ap1", startsAt: "2026-12-12T17:30:00.000Z", service: "Women's cut", stylist: "Maria" };
  const call: SummaryCallFields = { status: "COMPLETED", answeredAt: null, recordingSid: null, reason: null, transcription: null };

  it.each<[string, Partial<typeof call>, StoredCallEvent[], Partial<CallSummary>, CallOutcome]>([
    ["hours answered", { reason: "HOURS" }, [heard(1, "HOURS"), ev(1, "ANSWERED", { topic: "HOURS" }), heard(2, "DONE"), ev(2, "GOODBYE")],
      { intents: [{ intent: "HOURS" }], actions: [{ kind: "ANSWERED", topic: "HOURS" }], followUp: null }, "ANSWERED_BY_BOLT"],
    ["booked, with what they named", { reason: "BOOKING" },
      [ev(0, "LANGUAGE_CHOSEN", { language: "es", by: "keys" }), heard(1, "BOOKING", { service: "Women's cut", when: { text: "el sábado", start: "2026-12-12T08:00:00.000Z" } }),
        ev(1, "SLOTS_OFFERED", { slots: [] }), heard(2, "BOOKING", { stylist: "Maria" }), ev(3, "APPOINTMENT_BOOKED", appt)],
      { language: "es", intents: [{ intent: "BOOKING", service: "Women's cut", stylist: "Maria", when: { text: "el sábado", start: "2026-12-12T08:00:00.000Z" } }],
        actions: [{ kind: "BOOKED", startsAt: appt.startsAt, service: "Women's cut", stylist: "Maria" }], followUp: null }, "BOOKED_BY_BOLT"],
    ["moved", { reason: "RESCHEDULE" }, [heard(1, "RESCHEDULE"), ev(2, "APPOINTMENT_MOVED", { ...appt, from: "2026-12-10T17:00:00.000Z" })],
      { actions: [{ kind: "MOVED", startsAt: appt.startsAt, service: "Women's cut", stylist: "Maria", from: "2026-12-10T17:00:00.000Z" }], followUp: null }, "BOOKED_BY_BOLT"],
    ["cancelled", { reason: "CANCEL" }, [heard(1, "CANCEL"), ev(2, "APPOINTMENT_CANCELLED", appt)],
      { actions: [{ kind: "CANCELLED", startsAt: appt.startsAt, service: "Women's cut", stylist: "Maria" }], followUp: null }, "ANSWERED_BY_BOLT"],
    ["confirmed and waitlisted", { reason: "WAITLIST" }, [heard(1, "CONFIRM"), ev(1, "APPOINTMENT_CONFIRMED", appt), heard(2, "WAITLIST"), ev(2, "WAITLIST_JOINED", { service: "Color" })],
      { actions: [{ kind: "CONFIRMED", startsAt: appt.startsAt, service: "Women's cut", stylist: "Maria" }, { kind: "WAITLISTED", service: "Color" }], followUp: null }, "ANSWERED_BY_BOLT"],
    ["booking text (the caller's booking served)", { reason: "BOOKING" }, [heard(1, "BOOKING"), ev(1, "BOOKING_TEXT")],
      { actions: [{ kind: "BOOKING_TEXT" }], followUp: null }, "ANSWERED_BY_BOLT"],
    ["slots offered, none taken", { reason: "BOOKING" }, [heard(1, "BOOKING"), ev(1, "SLOTS_OFFERED", { slots: [] })],
      { actions: [], followUp: "not-completed" }, "ANSWERED_BY_BOLT"],
    ["booked, then a cancel Bolt couldn't do", { reason: "CANCEL" }, [heard(1, "BOOKING"), ev(1, "APPOINTMENT_BOOKED", appt), heard(2, "CANCEL")],
      { followUp: "not-completed" }, "BOOKED_BY_BOLT"],
    ["put through, staff took it", { reason: "TRANSFER", answeredAt: t(5) }, [heard(1, "TRANSFER"), ev(1, "TRANSFER_STARTED", { to: "+14155550100", timeoutSeconds: 20 }), ev(5, "TRANSFER_ACCEPTED", { to: "+14155550100" })],
      { actions: [{ kind: "TRANSFERRED" }], followUp: null }, "ANSWERED_BY_STAFF"],
    ["transfer not taken", { reason: "TRANSFER" }, [heard(1, "TRANSFER"), ev(1, "TRANSFER_STARTED", { to: "+14155550100", timeoutSeconds: 20 }), ev(21, "TRANSFER_ENDED", { to: "+14155550100", result: "NO_ANSWER" })],
      { actions: [], followUp: "transfer-not-taken" }, "MISSED"],
    ["took a message", { reason: "VOICEMAIL", recordingSid: "RE1" }, [heard(1, "VOICEMAIL"), ev(1, "VOICEMAIL_STARTED", { why: "asked" }), ev(30, "VOICEMAIL_LEFT", { seconds: 25 })],
      { actions: [{ kind: "MESSAGE" }], followUp: "voicemail" }, "VOICEMAIL"],
    ["never understood", { reason: "UNKNOWN" }, [heard(1, "UNKNOWN"), ev(1, "REPROMPT"), heard(2, "UNKNOWN")],
      { intents: [], notUnderstood: true, actions: [], followUp: "not-understood" }, "MISSED"],
    ["a hang-up at the greeting", {}, [], { intents: [], actions: [], followUp: "missed" }, "MISSED"],
    ["still on the line: no follow-up yet", { status: "IN_PROGRESS", reason: "UNKNOWN" }, [heard(1, "UNKNOWN")], { followUp: null }, "IN_PROGRESS"],
    ["logged before events: what the row knows", { reason: "BOOKING", answeredAt: null }, [], { intents: [{ intent: "BOOKING" }], actions: [], followUp: null }, "ANSWERED_BY_BOLT"],
  ])("%s", (_name, fields, events, summary, outcome) => {
    const state = deriveCallState({ ...call, ...fields }, events);
    expect(state.summary).toMatchObject(summary);
    expect(state.outcome).toBe(outcome);
    expect(callOutcomeOf({ ...call, ...fields, servedByBolt: state.servedByBolt })).toBe(outcome);
    // Delivery order never matters: the same events in reverse derive the same state.
    expect(deriveCallState({ ...call, ...fields }, [...events].reverse())).toEqual(state);
  });

  it("keeps staff's own follow-up choice, and lets the rule open or clear it until staff touch it", () => {
    expect(nextFollowUpState({ followUp: null, followUpChangedAt: null }, "missed")).toBe("OPEN");
    expect(nextFollowUpState({ followUp: "OPEN", followUpChangedAt: null }, null)).toBe(null);
    expect(nextFollowUpState({ followUp: "HANDLED", followUpChangedAt: t(9) }, "voicemail")).toBe("HANDLED");
    expect(nextFollowUpState({ followUp: "OPEN", followUpChangedAt: t(9) }, null)).toBe("OPEN");
  });
});

describe("storeCallState", () => {
  const source = (salonId: string, callSid: string, step: string, at: Date) => ({ salonId, callSid, source: step, at, log: logger });

  it("stores the summary in step with events and callbacks, whatever order and however often they arrive", async () => {
    const salonId = (await createSalon()).id;
    const at = new Date("2026-12-07T18:00:00Z");
    const appt = { appointmentId: "ap1", startsAt: "2026-12-12T17:30:00.000Z", service: "Cut" };
    const deliveries = [
      () => recordCallEvents(source(salonId, a.callSid, "gather:1", at), [{ kind: "HEARD", detail: { intent: "BOOKING" } }, { kind: "SLOTS_OFFERED", detail: { slots: [] } }]),
      () => recordCallEvents(source(salonId, a.callSid, "gather:2", new Date(at.getTime() + 5000)), [{ kind: "APPOINTMENT_BOOKED", detail: appt }]),
      () => updateCallLogs(db, { where: { salonId, callSid: a.callSid }, data: { status: "COMPLETED" }, select: { id: true } }),
    ];
    const a = await createCallLog(salonId, { status: "IN_PROGRESS" });
    // In order, then again all at once (Twilio's retries): one booking, no follow-up.
    for (const deliver of deliveries) await deliver();
    await Promise.all([...deliveries, ...deliveries].map((deliver) => deliver()));
    const row = await db.callLog.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ outcome: "BOOKED_BY_BOLT", servedByBolt: "BOOKED", followUp: null });
    expect((row.summary as CallSummary).actions).toEqual([{ kind: "BOOKED", startsAt: appt.startsAt, service: "Cut" }]);

    // The status report first and the booking last: the follow-up the rule opened in between closes.
    const b = await createCallLog(salonId, { status: "IN_PROGRESS", reason: "BOOKING" });
    const bSource = (step: string) => source(salonId, b.callSid, step, at);
    await recordCallEvents(bSource("gather:1"), [{ kind: "HEARD", detail: { intent: "BOOKING" } }]);
    await updateCallLogs(db, { where: { salonId, callSid: b.callSid }, data: { status: "COMPLETED" }, select: { id: true } });
    expect(await db.callLog.findUniqueOrThrow({ where: { id: b.id } })).toMatchObject({ followUp: "OPEN", outcome: "ANSWERED_BY_BOLT" });
    await recordCallEvents(bSource("gather:2"), [{ kind: "APPOINTMENT_BOOKED", detail: appt }]);
    const bRow = await db.callLog.findUniqueOrThrow({ where: { id: b.id } });
    expect(bRow).toMatchObject({ followUp: null, outcome: "BOOKED_BY_BOLT" });
    expect(bRow.summary).toEqual(deriveCallState(bRow, await db.callEvent.findMany({ where: { callLogId: b.id } })).summary);
  });

  it("agrees with the migration's follow-up backfill on every kind of call", async () => {
    const salonId = (await createSalon()).id;
    const at = new Date("2026-12-07T18:00:00Z");
    const made: Array<[Parameters<typeof createCallLog>[1], CallEventDraft[]]> = [
      [{ status: "COMPLETED", reason: "HOURS" }, [{ kind: "HEARD", detail: { intent: "HOURS" } }, { kind: "ANSWERED", detail: { topic: "HOURS" } }]],
      [{ status: "COMPLETED", reason: "BOOKING" }, [{ kind: "HEARD", detail: { intent: "BOOKING" } }, { kind: "BOOKING_TEXT", detail: {} }]],
      [{ status: "COMPLETED", reason: "BOOKING" }, [{ kind: "HEARD", detail: { intent: "BOOKING" } }]],
      [{ status: "COMPLETED", reason: "CANCEL" }, [{ kind: "HEARD", detail: { intent: "CANCEL" } }, { kind: "APPOINTMENT_CANCELLED", detail: { appointmentId: "x", startsAt: at.toISOString() } }]],
      [{ status: "COMPLETED", reason: "RESCHEDULE" }, [{ kind: "HEARD", detail: { intent: "BOOKING" } }, { kind: "APPOINTMENT_BOOKED", detail: { appointmentId: "x", startsAt: at.toISOString() } }, { kind: "HEARD", detail: { intent: "RESCHEDULE" } }]],
      [{ status: "COMPLETED", reason: "TRANSFER", answeredAt: at }, [{ kind: "HEARD", detail: { intent: "TRANSFER" } }]],
      [{ status: "COMPLETED", reason: "VOICEMAIL", recordingSid: `RE${randomBytes(16).toString("hex")}` }, []],
      [{ status: "IN_PROGRESS", reason: "VOICEMAIL", recordingSid: `RE${randomBytes(16).toString("hex")}` }, []],
      [{ status: "NO_ANSWER", reason: null }, []],
      [{ status: "COMPLETED", reason: "BOOKING" }, []],
    ];
    const ids: string[] = [];
    for (const [fields, events] of made) {
      const call = await createCallLog(salonId, fields);
      await recordCallEvents(source(salonId, call.callSid, "gather:1", at), events);
      await storeCallState(db, { salonId, id: call.id });
      ids.push(call.id);
    }
    const sql = readFileSync(BACKFILL, "utf8");
    const rule = /UPDATE "call_logs" c SET "followUp" = 'OPEN'\s+WHERE ([\s\S]*?);/.exec(sql)?.[1];
    expect(rule).toBeDefined();
    const rows = await db.$queryRawUnsafe<Array<{ id: string; followUp: string | null; backfilled: boolean }>>(
      `SELECT c."id", c."followUp", (${rule}) AS "backfilled" FROM "call_logs" c WHERE c."salonId" = $1`,
      salonId,
    );
    expect(rows.filter((r) => r.followUp === "OPEN").length).toBeGreaterThan(2);
    for (const row of rows) expect(row.backfilled, row.id).toBe(row.followUp === "OPEN");
  });
});
