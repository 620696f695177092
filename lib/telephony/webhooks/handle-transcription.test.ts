// A completed transcript with no words is no transcript: the callback stores its status and no text,
// so the Calls list's outcome badge and its outcome filter read the call the same way (missed, unless
// a recording came), and such a transcript doesn't call off the missed-call text. Salon B's calls
// never show in salon A's list.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callOutcomeOf, CALL_OUTCOMES } from "@/lib/calls/call-outcome";
import { listCallLogsPage } from "@/lib/calls/queries";
import { db } from "@/lib/db";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { callParams, newRecordingSid, postVoice } from "@/lib/testing/voice-test-kit";
import { createCallLog, createSalon, uniquePhone } from "@/lib/testing/factories";
import { callLogsPageQuerySchema } from "@/lib/validations/calls";

let standIn: TwilioStandIn;

beforeAll(async () => {
  standIn = await startStandInForTests();
});
afterAll(() => standIn.close());

const newSalon = () => createSalon({ twilioNumber: uniquePhone(), forwardingPhone: uniquePhone() });

/** A caller sent to voicemail; the status callback says the call is over. */
async function endedVoicemailCall(salon: { id: string; twilioNumber: string | null }) {
  const row = await createCallLog(salon.id, { to: salon.twilioNumber!, status: "IN_PROGRESS", reason: "VOICEMAIL" });
  const params = callParams({ callSid: row.callSid, from: row.from, to: salon.twilioNumber!, status: "in-progress" });
  expect((await postVoice("/api/webhooks/twilio/voice/status", { ...params, CallStatus: "completed", CallDuration: "30" })).status).toBe(204);
  return { row, params };
}

function postTranscript(params: { AccountSid: string; CallSid: string }, text: string) {
  return postVoice("/api/webhooks/twilio/voice/transcription", {
    AccountSid: params.AccountSid,
    CallSid: params.CallSid,
    RecordingSid: newRecordingSid(),
    TranscriptionSid: `TR${"b".repeat(32)}`,
    TranscriptionStatus: "completed",
    TranscriptionText: text,
  });
}

/** The outcome each call shows in the Calls list, and the outcome filter each one is listed under. */
async function outcomesInCallsList(salonId: string) {
  const all = await listCallLogsPage(salonId, callLogsPageQuerySchema.parse({}));
  const badges = new Map(all.rows.map((row) => [row.id, callOutcomeOf(row)]));
  const filtered = new Map<string, string[]>();
  for (const outcome of CALL_OUTCOMES) {
    const page = await listCallLogsPage(salonId, callLogsPageQuerySchema.parse({ outcome }));
    for (const row of page.rows) filtered.set(row.id, [...(filtered.get(row.id) ?? []), outcome]);
  }
  return { badges, filtered };
}

describe("a completed transcript with no words", () => {
  it("stores its status and no text; the Calls list's badge and outcome filter both say missed", async () => {
    const salon = await newSalon();
    const other = await newSalon();
    const empty = await endedVoicemailCall(salon);
    const blank = await endedVoicemailCall(salon);
    const spoken = await endedVoicemailCall(salon);
    const elsewhere = await endedVoicemailCall(other);

    expect((await postTranscript(empty.params, "")).status).toBe(204);
    expect((await postTranscript(blank.params, "  \n ")).status).toBe(204);
    expect((await postTranscript(spoken.params, "Hi, it's Dana about Friday.")).status).toBe(204);
    expect((await postTranscript(elsewhere.params, "Wrong salon?")).status).toBe(204);
    for (const { row } of [empty, blank]) {
      expect(await db.callLog.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        transcription: null,
        transcriptionStatus: "completed",
      });
    }

    const { badges, filtered } = await outcomesInCallsList(salon.id);
    expect(Object.fromEntries(badges)).toEqual({
      [empty.row.id]: "MISSED",
      [blank.row.id]: "MISSED",
      [spoken.row.id]: "VOICEMAIL",
    });
    for (const [id, outcome] of badges) expect(filtered.get(id), id).toEqual([outcome]);
    expect(filtered.has(elsewhere.row.id)).toBe(false);
  });

  it("doesn't call off the missed-call text; a transcript with words does", async () => {
    const salon = await newSalon();
    const silent = await endedVoicemailCall(salon);
    const spoken = await endedVoicemailCall(salon);
    await postTranscript(silent.params, " ");
    await postTranscript(spoken.params, "Call me back please.");

    const textBack = (from: string) =>
      db.notification.findFirstOrThrow({ where: { salonId: salon.id, kind: "MISSED_CALL", destination: from } });
    expect((await textBack(silent.row.from)).status).toBe("QUEUED");
    expect(await db.callLog.findUniqueOrThrow({ where: { id: silent.row.id } })).toMatchObject({
      missedCallTextAt: expect.any(Date),
    });
    expect(await textBack(spoken.row.from)).toMatchObject({ status: "CANCELED", failureReason: "The caller left a voicemail." });
  });
});
