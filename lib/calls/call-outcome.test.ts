// A call's outcome: the pure function the Calls page and the text-back share, and its where clause,
// which must pick exactly the calls the function labels that way (checked against PostgreSQL).
import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { CALL_OUTCOMES, callOutcomeOf, callOutcomeWhere, type CallOutcome } from "@/lib/calls/call-outcome";
import { CallReason, CallStatus } from "@/lib/generated/prisma/enums";
import { createCallLog, createSalon } from "@/lib/testing/factories";

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

describe("callOutcomeWhere", () => {
  it("selects exactly the calls callOutcomeOf gives each outcome, in the salon asked for only", async () => {
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
      const expected = calls.filter((c) => callOutcomeOf(c) === outcome).map((c) => c.id);
      expect(matched.map((c) => c.id).sort(), outcome).toEqual(expected.sort());
      expect(expected.length, outcome).toBeGreaterThan(0);
      for (const { id } of matched) seen.add(id);
    }
    expect(seen.size).toBe(calls.length);
  });
});
