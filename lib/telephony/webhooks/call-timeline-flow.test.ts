// A whole call read back on its page: every callback after the greeting, delivered in order, then
// all of them retried by Twilio, gives the same timeline in plain words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCallLog } from "@/lib/calls/get-call-log";
import { db } from "@/lib/db";
import { formatPhone } from "@/lib/phone";
import { captureLog } from "@/lib/testing/capture-log";
import { uniquePhone } from "@/lib/testing/factories";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { handleCallStatus } from "@/lib/telephony/webhooks/handle-call-status";
import { handleDialResult } from "@/lib/telephony/webhooks/handle-dial-result";
import { handleGather } from "@/lib/telephony/webhooks/handle-gather";
import { handleIncomingCall } from "@/lib/telephony/webhooks/handle-incoming-call";
import { saveRecording } from "@/lib/telephony/webhooks/handle-recording";
import { saveTranscription } from "@/lib/telephony/webhooks/handle-transcription";
import { callParams, createVoiceSalon, newCallSid, recordingParams } from "@/lib/testing/voice-test-kit";
import {
  callStatusParamsSchema,
  dialResultParamsSchema,
  gatherParamsSchema,
  incomingCallParamsSchema,
  recordingParamsSchema,
  transcriptionParamsSchema,
} from "@/lib/telephony/params/voice";

let standIn: TwilioStandIn;
let salon: WebhookSalon;
let forwardingPhone: string;

beforeAll(async () => {
  standIn = await startStandInForTests();
  ({ salon, forwardingPhone } = await createVoiceSalon());
});
afterAll(() => standIn.close());

describe("a whole call, read back on its page", () => {
  it("greeting → hours → talk to someone → no answer → voicemail → ended → transcript, with the text called off", async () => {
    // Ten minutes ago, so every step is in the past of the texts' own timestamps.
    const t0 = new Date(Math.floor((Date.now() - 10 * 60_000) / 1000) * 1000);
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const base = callParams({
      callSid: newCallSid(),
      from: uniquePhone(),
      to: salon.twilioNumber!,
      status: "in-progress",
    });
    // Kept at warn or above: a swallowed write failure must still be seen.
    const { log, lines } = captureLog("warn");
    await handleIncomingCall({
      params: incomingCallParamsSchema.parse({ ...base, CallStatus: "ringing" }),
      salon,
      log,
      now: t0,
    });

    /** Every callback after the greeting, each `late` seconds after Twilio first sent it (0: the first delivery). */
    async function deliver(late: number) {
      const asked = gatherParamsSchema.parse({ ...base, SpeechResult: "what time do you close" });
      await handleGather({ params: asked, salon, log, attempt: 1, now: at(6 + late) });
      await handleGather({
        params: gatherParamsSchema.parse({ ...base, Digits: "5" }),
        salon,
        log,
        attempt: 1,
        followUp: true,
        step: 2,
        now: at(20 + late),
      });
      const dial = dialResultParamsSchema.parse({
        ...base,
        DialCallStatus: "no-answer",
        DialCallSid: `CA${"d".repeat(32)}`,
        DialCallDuration: "0",
      });
      await handleDialResult({ params: dial, salon, log, now: at(36 + late) });
      // The caller hangs up after their message: the hang-up is reported before the recording, so
      // the missed-call text waits, and the recording calls it off.
      await handleCallStatus({
        params: callStatusParamsSchema.parse({ ...base, CallStatus: "completed", CallDuration: "80" }),
        salon,
        log,
        now: at(80 + late),
      });
      const recording = recordingParamsSchema.parse(
        recordingParams({ callSid: base.CallSid, recordingSid: `RE${"e".repeat(32)}`, duration: 42 }),
      );
      // Recording and transcription callbacks carry no salon number: the routes pass no salon.
      await saveRecording({ params: recording, salon: null, log, now: at(84 + late) });
      const transcript = transcriptionParamsSchema.parse({
        AccountSid: base.AccountSid,
        CallSid: base.CallSid,
        TranscriptionStatus: "completed",
        TranscriptionText: "Hi, it's Dana.",
      });
      await saveTranscription({ params: transcript, salon: null, log, now: at(180 + late) });
    }

    await deliver(0);
    const call = await db.callLog.findUniqueOrThrow({ where: { callSid: base.CallSid } });
    const { timeline } = await getCallLog(salon.id, call.id);
    const staff = formatPhone(forwardingPhone);
    expect(
      timeline.map((e) => [e.label, e.kind === "text" ? "later" : (e.at.getTime() - t0.getTime()) / 1000]),
    ).toEqual([
      [`Call from ${formatPhone(base.From)}`, 0],
      ["Bolt answered with the greeting", 0],
      ["Caller said “what time do you close” — Hours", 6],
      ["Bolt told them the hours", 6],
      ["Pressed 5 — Talk to someone", 20],
      [`Putting them through to ${staff}`, 20],
      [`Rang ${staff} — no answer after 15s`, 36],
      ["Sent to voicemail", 36],
      ["Call ended after 1m 20s", 80],
      ["Voicemail left (42s)", 84],
      ["Transcript ready", 180],
      ["Missed-call text not sent: The caller left a voicemail.", "later"],
    ]);
    expect(timeline[2]).toMatchObject({ kind: "heard", heard: "what time do you close", intent: "HOURS" });
    expect(timeline[4]).toMatchObject({ kind: "heard", digits: "5", intent: "TRANSFER" });
    expect(timeline[6]).toMatchObject({
      kind: "transfer_ended",
      number: forwardingPhone,
      result: "no-answer",
    });

    // Twilio retries every callback a few seconds later: the timeline stays as it was, quietly.
    await deliver(5);
    expect((await getCallLog(salon.id, call.id)).timeline).toEqual(timeline);
    expect(lines).toEqual([]);
  });
});
