// A call's timeline as the voice webhooks record it (lib/calls/call-events.ts): each callback's events
// once under Twilio's retries and concurrent duplicates, separate gathers with the same answer both
// kept, nothing ever written to another salon's call, and a whole call read back in plain words.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCallLog } from "@/lib/calls/get-call-log";
import { db, salonDb } from "@/lib/db";
import pino from "pino";
import type { Logger } from "@/lib/logger";
import { formatPhone } from "@/lib/phone";
import { createSalon, uniquePhone } from "@/lib/testing/factories";
import {
  clearSalonNumberCache,
  findSalonByNumber,
  type WebhookSalon,
} from "@/lib/telephony/find-salon-by-number";
import type { TwilioStandIn } from "@/lib/telephony/standin";
import { startStandInForTests, SUB_ACCOUNT } from "@/lib/telephony/standin/test-support";
import { handleCallStatus } from "@/lib/telephony/webhooks/handle-call-status";
import { handleDialResult } from "@/lib/telephony/webhooks/handle-dial-result";
import { handleGather } from "@/lib/telephony/webhooks/handle-gather";
import { handleIncomingCall } from "@/lib/telephony/webhooks/handle-incoming-call";
import { saveRecording } from "@/lib/telephony/webhooks/handle-recording";
import { saveTranscription } from "@/lib/telephony/webhooks/handle-transcription";
import {
  callParams,
  newCallSid,
  newRecordingSid,
  nextGatherQuery,
  postVoice,
  recordingParams,
  type CallParams,
} from "@/lib/telephony/webhooks/voice-test-kit";
import {
  callStatusParamsSchema,
  dialResultParamsSchema,
  gatherParamsSchema,
  incomingCallParamsSchema,
  recordingParamsSchema,
  transcriptionParamsSchema,
} from "@/lib/validations/calls";

const GATHER = "/api/webhooks/twilio/voice/gather";
// Open around the clock, so "talk to someone" always rings the salon's phone whenever the test runs.
const ALL_DAY = [{ open: "00:00", close: "24:00" }];
const ALWAYS_OPEN = {
  mon: ALL_DAY,
  tue: ALL_DAY,
  wed: ALL_DAY,
  thu: ALL_DAY,
  fri: ALL_DAY,
  sat: ALL_DAY,
  sun: ALL_DAY,
};

let standIn: TwilioStandIn;
let salon: WebhookSalon;
let forwardingPhone: string;

beforeAll(async () => {
  standIn = await startStandInForTests();
  forwardingPhone = uniquePhone();
  const created = await createSalon({
    name: "Luxe Hair",
    twilioNumber: uniquePhone(),
    businessHours: ALWAYS_OPEN,
    forwardingPhone,
  });
  clearSalonNumberCache();
  salon = (await findSalonByNumber(created.twilioNumber!))!;
});
afterAll(() => standIn.close());

/** A call to `to` logged by the real incoming-call webhook; the parameters Twilio sends on its later callbacks. */
async function ring(to = salon.twilioNumber!, accountSid?: string): Promise<CallParams> {
  const params = callParams({ callSid: newCallSid(), from: uniquePhone(), to, accountSid });
  const token = accountSid === SUB_ACCOUNT.sid ? SUB_ACCOUNT.authToken : undefined;
  expect((await postVoice("/api/webhooks/twilio/voice", params, { token })).status).toBe(200);
  return { ...params, CallStatus: "in-progress" };
}

async function eventsOf(callSid: string) {
  return db.callEvent.findMany({
    where: { callLog: { callSid } },
    orderBy: [{ at: "asc" }, { dedupeKey: "asc" }],
    select: { kind: true, dedupeKey: true, detail: true, salonId: true },
  });
}

async function gather(
  params: CallParams,
  input: { Digits?: string; SpeechResult?: string },
  query: string,
): Promise<string> {
  const res = await postVoice(GATHER, { ...params, ...input }, { query });
  expect(res.status).toBe(200);
  const xml = await res.text();
  expect(xml).not.toContain("having trouble");
  return xml;
}

describe("a gather's events", () => {
  it("are written once when Twilio retries a callback, and when duplicates arrive together", async () => {
    const call = await ring();
    // Retries: the same answer to the greeting's gather, delivered three times.
    let xml = "";
    for (let i = 0; i < 3; i++) xml = await gather(call, { Digits: "1" }, "?attempt=1");
    const next = nextGatherQuery(xml);
    expect(next).toBe("?attempt=1&followUp=1&step=2");
    // Duplicates of the follow-up's callback racing each other.
    await Promise.all(Array.from({ length: 5 }, () => gather(call, { SpeechResult: "where are you" }, next)));

    expect((await eventsOf(call.CallSid)).map((e) => e.dedupeKey)).toEqual([
      "gather:1:ANSWERED",
      "gather:1:HEARD",
      "gather:2:ANSWERED",
      "gather:2:HEARD",
    ]);
  });

  it("keeps two separate gathers that heard the same answer", async () => {
    const call = await ring();
    const first = await gather(call, { Digits: "1" }, "?attempt=1");
    // Twilio posts the next answer to the action the last answer's TwiML named.
    const second = await gather(call, { Digits: "1" }, nextGatherQuery(first));
    expect(nextGatherQuery(second)).toBe("?attempt=1&followUp=1&step=3");

    const heard = (await eventsOf(call.CallSid)).filter((e) => e.kind === "HEARD");
    expect(heard.map((e) => [e.dedupeKey, e.detail])).toEqual([
      ["gather:1:HEARD", { digits: "1", intent: "HOURS" }],
      ["gather:2:HEARD", { digits: "1", intent: "HOURS" }],
    ]);
  });

  it("notes a reprompt, then voicemail, for a caller never understood", async () => {
    const call = await ring();
    const first = await gather(call, { SpeechResult: "banana" }, "?attempt=1");
    await gather(call, {}, nextGatherQuery(first));
    expect((await eventsOf(call.CallSid)).map((e) => [e.kind, e.detail])).toEqual([
      ["HEARD", { speech: "banana", intent: "UNKNOWN" }],
      ["REPROMPT", {}],
      ["HEARD", { intent: "UNKNOWN" }],
      ["VOICEMAIL_STARTED", { why: "not-understood" }],
    ]);
  });
});

describe("transfer, recording and transcript callbacks", () => {
  it("are written once per dialled leg, recording and transcript, whichever recording callback comes first", async () => {
    const call = await ring();
    await gather(call, { Digits: "5" }, "?attempt=1");
    const dial = { ...call, DialCallStatus: "no-answer", DialCallSid: newCallSid(), DialCallDuration: "0" };
    await postVoice("/api/webhooks/twilio/voice/dial-result", dial);
    await Promise.all([1, 2, 3].map(() => postVoice("/api/webhooks/twilio/voice/dial-result", dial)));

    const recording = recordingParams({
      callSid: call.CallSid,
      recordingSid: newRecordingSid(),
      duration: 42,
    });
    const { RecordingStatus: _status, ...action } = recording;
    await Promise.all([
      postVoice("/api/webhooks/twilio/voice/recorded", { ...call, ...action, Digits: "#" }),
      postVoice("/api/webhooks/twilio/voice/recording", recording),
      postVoice("/api/webhooks/twilio/voice/recording", recording),
    ]);
    const transcript = {
      ...call,
      RecordingSid: recording.RecordingSid,
      TranscriptionSid: `TR${"c".repeat(32)}`,
      TranscriptionStatus: "completed",
      TranscriptionText: "Hi, it's Dana.",
    };
    await Promise.all([1, 2].map(() => postVoice("/api/webhooks/twilio/voice/transcription", transcript)));

    expect((await eventsOf(call.CallSid)).map((e) => [e.kind, e.detail])).toEqual([
      ["HEARD", { digits: "5", intent: "TRANSFER" }],
      ["TRANSFER_STARTED", { to: forwardingPhone, timeoutSeconds: 15 }],
      ["TRANSFER_ENDED", { to: forwardingPhone, result: "no-answer", seconds: 0 }],
      ["VOICEMAIL_STARTED", { why: "no-answer" }],
      ["VOICEMAIL_LEFT", { seconds: 42 }],
      ["TRANSCRIPT_READY", {}],
    ]);
  });
});

describe("salon isolation", () => {
  it("salon B's signed callbacks naming salon A's call add nothing to it, and B's own client sees none of A's events", async () => {
    const b = await createSalon({
      twilioNumber: uniquePhone(),
      twilioAccountSid: SUB_ACCOUNT.sid,
      forwardingPhone: uniquePhone(),
      businessHours: ALWAYS_OPEN,
    });
    const mine = await ring();
    await gather(mine, { Digits: "2" }, "?attempt=1");
    const before = await eventsOf(mine.CallSid);
    expect(before).toHaveLength(2);

    // Genuine requests from B's account, to B's number, naming A's CallSid.
    const asB = { ...mine, AccountSid: SUB_ACCOUNT.sid, To: b.twilioNumber!, Called: b.twilioNumber! };
    const token = SUB_ACCOUNT.authToken;
    const recording = {
      ...recordingParams({
        callSid: mine.CallSid,
        recordingSid: newRecordingSid(),
        accountSid: SUB_ACCOUNT.sid,
      }),
    };
    const responses = await Promise.all([
      postVoice(GATHER, { ...asB, Digits: "1" }, { token, query: "?attempt=1&step=7" }),
      postVoice(
        "/api/webhooks/twilio/voice/dial-result",
        { ...asB, DialCallStatus: "busy", DialCallSid: newCallSid() },
        { token },
      ),
      postVoice("/api/webhooks/twilio/voice/recording", recording, { token }),
      postVoice(
        "/api/webhooks/twilio/voice/transcription",
        { ...asB, TranscriptionStatus: "failed" },
        { token },
      ),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 204, 204]);
    expect(await eventsOf(mine.CallSid)).toEqual(before);
    expect(
      (await db.callLog.findUniqueOrThrow({ where: { callSid: mine.CallSid } })).recordingSid,
    ).toBeNull();

    // The same callbacks for B's own call do write: the scoping, not a broken path, kept A's call clean.
    const theirs = await ring(b.twilioNumber!, SUB_ACCOUNT.sid);
    await postVoice(GATHER, { ...theirs, Digits: "1" }, { token, query: "?attempt=1" });
    expect((await eventsOf(theirs.CallSid)).every((e) => e.salonId === b.id)).toBe(true);
    expect(await eventsOf(theirs.CallSid)).toHaveLength(2);

    // Row-level security: B's scoped client sees only B's events, never A's.
    const seenByB = await salonDb(b.id).callEvent.findMany({ select: { salonId: true, callLogId: true } });
    expect(seenByB.length).toBe(2);
    expect(seenByB.every((e) => e.salonId === b.id)).toBe(true);
    expect(await salonDb(b.id).callEvent.count({ where: { callLog: { callSid: mine.CallSid } } })).toBe(0);
  });
});

/** A logger that keeps what is logged at warn or above: a swallowed write failure must still be seen. */
function capturingLog(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { log: pino({ level: "warn" }, { write: (line: string) => void lines.push(line) }), lines };
}

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
    const { log, lines } = capturingLog();
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
      await saveRecording({ params: recording, accountSid: base.AccountSid, log, now: at(84 + late) });
      const transcript = transcriptionParamsSchema.parse({
        CallSid: base.CallSid,
        TranscriptionStatus: "completed",
        TranscriptionText: "Hi, it's Dana.",
      });
      await saveTranscription({ params: transcript, accountSid: base.AccountSid, log, now: at(180 + late) });
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
