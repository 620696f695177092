// Voicemail: recordings (from both the <Record> action and the status callback, in either order),
// transcripts, and the missed-call text called off by a late voicemail or staff taking the call.
// Transfers and their screening are in handle-transfer.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createCallLog, createSalon, uniquePhone } from "@/lib/testing/factories";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { callParams, newRecordingSid, postVoice, recordingParams, screenParams, callRow } from "@/lib/testing/voice-test-kit";

let standIn: TwilioStandIn;
let salon: Awaited<ReturnType<typeof createSalon>>;

beforeAll(async () => {
  standIn = await startStandInForTests();
  salon = await createSalon({ twilioNumber: uniquePhone(), forwardingPhone: uniquePhone() });
});
afterAll(() => standIn.close());


async function ringingCall(reason: "TRANSFER" | "VOICEMAIL" | null = null) {
  const row = await createCallLog(salon.id, { to: salon.twilioNumber!, status: "IN_PROGRESS", reason });
  return { row, params: callParams({ callSid: row.callSid, from: row.from, to: salon.twilioNumber!, status: "in-progress" }) };
}

describe("recordings and transcripts", () => {
  it("stores the recording from the status callback, idempotently on RecordingSid", async () => {
    const { params } = await ringingCall("VOICEMAIL");
    const recording = recordingParams({ callSid: params.CallSid, recordingSid: newRecordingSid(), duration: 33 });
    for (let i = 0; i < 3; i++) expect((await postVoice("/api/webhooks/twilio/voice/recording", recording)).status).toBe(204);
    expect(await callRow(params.CallSid)).toMatchObject({
      recordingSid: recording.RecordingSid,
      recordingUrl: recording.RecordingUrl,
      recordingDurationSeconds: 33,
    });
  });

  it("thanks the caller from the <Record> action and keeps the same recording once", async () => {
    const { params } = await ringingCall("VOICEMAIL");
    const recording = recordingParams({ callSid: params.CallSid, recordingSid: newRecordingSid() });
    // The action carries the call's parameters plus the recording's, without RecordingStatus.
    const { RecordingStatus: _status, ...actionRecording } = recording;
    const xml = await (await postVoice("/api/webhooks/twilio/voice/recorded", { ...params, ...actionRecording, Digits: "#" })).text();
    expect(xml).toContain("Thank you for your message.");
    expect(xml).toContain("<Hangup/>");
    // A Spanish call's <Record> action carries lang=es: the thank-you is in Spanish.
    const spanish = await postVoice("/api/webhooks/twilio/voice/recorded", { ...params, ...actionRecording, Digits: "#" }, { query: "?lang=es" });
    expect(await spanish.text()).toContain('<Say language="es-US" voice="Polly.Lupe">Gracias por su mensaje.');
    await postVoice("/api/webhooks/twilio/voice/recording", recording);
    expect((await callRow(params.CallSid)).recordingSid).toBe(recording.RecordingSid);
  });

  it("keeps the first recording when another one is reported for the same call", async () => {
    const { params } = await ringingCall("VOICEMAIL");
    const first = recordingParams({ callSid: params.CallSid, recordingSid: newRecordingSid() });
    await postVoice("/api/webhooks/twilio/voice/recording", first);
    await postVoice("/api/webhooks/twilio/voice/recording", recordingParams({ callSid: params.CallSid, recordingSid: newRecordingSid() }));
    expect((await callRow(params.CallSid)).recordingSid).toBe(first.RecordingSid);
  });

  it("ignores a recording that did not complete", async () => {
    const { params } = await ringingCall("VOICEMAIL");
    const failed = { ...recordingParams({ callSid: params.CallSid, recordingSid: newRecordingSid() }), RecordingStatus: "absent" };
    expect((await postVoice("/api/webhooks/twilio/voice/recording", failed)).status).toBe(204);
    expect((await callRow(params.CallSid)).recordingSid).toBeNull();
  });

  it("keeps a recording of a dialled call (RecordingSource=DialVerb) off the call: it is no voicemail", async () => {
    const { params } = await ringingCall("TRANSFER");
    const dialled = { ...recordingParams({ callSid: params.CallSid, recordingSid: newRecordingSid() }), RecordingSource: "DialVerb" };
    expect((await postVoice("/api/webhooks/twilio/voice/recording", dialled)).status).toBe(204);
    expect((await callRow(params.CallSid)).recordingSid).toBeNull();
    expect(await db.callEvent.count({ where: { callLog: { callSid: params.CallSid }, kind: "VOICEMAIL_LEFT" } })).toBe(0);
    // The voicemail left afterwards is still the call's.
    const voicemail = recordingParams({ callSid: params.CallSid, recordingSid: newRecordingSid() });
    await postVoice("/api/webhooks/twilio/voice/recording", voicemail);
    expect((await callRow(params.CallSid)).recordingSid).toBe(voicemail.RecordingSid);
  });

  it("stores the transcript and its status; a failed one stores only the status", async () => {
    const { params } = await ringingCall("VOICEMAIL");
    const transcript = {
      ...params,
      TranscriptionSid: `TR${"a".repeat(32)}`,
      TranscriptionStatus: "completed",
      TranscriptionText: "Hi, this is Dana, can I move my Friday appointment?",
      TranscriptionUrl: "https://api.twilio.com/2010-04-01/Accounts/AC/Transcriptions/TR",
      RecordingSid: newRecordingSid(),
      RecordingUrl: "https://api.twilio.com/rec",
      ApiVersion: "2010-04-01",
    };
    expect((await postVoice("/api/webhooks/twilio/voice/transcription", transcript)).status).toBe(204);
    expect(await callRow(params.CallSid)).toMatchObject({ transcription: transcript.TranscriptionText, transcriptionStatus: "completed" });

    const other = await ringingCall("VOICEMAIL");
    await postVoice("/api/webhooks/twilio/voice/transcription", { ...transcript, CallSid: other.params.CallSid, TranscriptionStatus: "failed", TranscriptionText: "" });
    expect(await callRow(other.params.CallSid)).toMatchObject({ transcription: null, transcriptionStatus: "failed" });
  });
});

describe("a late voicemail or answer calls off the missed-call text", () => {
  async function endThenDeliver(reason: "VOICEMAIL" | "TRANSFER") {
    const { params } = await ringingCall(reason);
    await postVoice("/api/webhooks/twilio/voice/status", { ...params, CallStatus: "completed", CallDuration: "40" });
    const scheduled = await db.notification.findFirstOrThrow({ where: { salonId: salon.id, kind: "MISSED_CALL", destination: params.From } });
    // The caller was mid-voicemail or mid-transfer: the text waits for the outcome instead of going now.
    expect(scheduled.status).toBe("QUEUED");
    expect(scheduled.scheduledFor!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    return { params, scheduled };
  }

  it("cancels it when the recording arrives after the hang-up", async () => {
    const { params, scheduled } = await endThenDeliver("VOICEMAIL");
    await postVoice("/api/webhooks/twilio/voice/recording", recordingParams({ callSid: params.CallSid, recordingSid: newRecordingSid() }));
    expect(await db.notification.findUniqueOrThrow({ where: { id: scheduled.id } })).toMatchObject({
      status: "CANCELED",
      failureReason: "The caller left a voicemail.",
    });
    expect((await callRow(params.CallSid)).missedCallTextAt).toBeNull();
  });

  it("cancels it when a transcript arrives before the recording (a transcript means a message was left)", async () => {
    const { params, scheduled } = await endThenDeliver("VOICEMAIL");
    await postVoice("/api/webhooks/twilio/voice/transcription", {
      AccountSid: params.AccountSid,
      CallSid: params.CallSid,
      RecordingSid: newRecordingSid(),
      TranscriptionSid: `TR${"e".repeat(32)}`,
      TranscriptionStatus: "completed",
      TranscriptionText: "Hi, it's about Saturday.",
    });
    expect(await db.notification.findUniqueOrThrow({ where: { id: scheduled.id } })).toMatchObject({
      status: "CANCELED",
      failureReason: "The caller left a voicemail.",
    });
  });

  it("cancels it when staff take the call just as the hang-up is reported", async () => {
    const { params, scheduled } = await endThenDeliver("TRANSFER");
    await postVoice("/api/webhooks/twilio/voice/screen-result", screenParams(params, salon.forwardingPhone!, "1"));
    expect(await db.notification.findUniqueOrThrow({ where: { id: scheduled.id } })).toMatchObject({
      status: "CANCELED",
      failureReason: "Staff answered the call.",
    });
    expect(await callRow(params.CallSid)).toMatchObject({ missedCallTextAt: null, answeredAt: expect.any(Date) });
  });

  it("does not text at all when the recording came first", async () => {
    const { params } = await ringingCall("VOICEMAIL");
    await postVoice("/api/webhooks/twilio/voice/recording", recordingParams({ callSid: params.CallSid, recordingSid: newRecordingSid() }));
    await postVoice("/api/webhooks/twilio/voice/status", { ...params, CallStatus: "completed", CallDuration: "40" });
    expect(await db.notification.count({ where: { salonId: salon.id, destination: params.From } })).toBe(0);
  });
});
