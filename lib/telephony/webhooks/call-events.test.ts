// A call's timeline as the voice webhooks record it (lib/calls/call-events.ts): each callback's events
// once under Twilio's retries and concurrent duplicates, separate gathers with the same answer both
// kept, and nothing ever written to another salon's call (the database itself refuses it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, salonDb } from "@/lib/db";
import { createCallLog, createSalon, uniquePhone } from "@/lib/testing/factories";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { startStandInForTests, SUB_ACCOUNT } from "@/lib/testing/twilio-sandbox";
import {
  ALWAYS_OPEN,
  callEventsOf as eventsOf,
  createVoiceSalon,
  newCallSid,
  newRecordingSid,
  nextGatherQuery,
  postGather as gather,
  postVoice,
  recordingParams,
  ringVoice,
} from "@/lib/testing/voice-test-kit";

const GATHER = "/api/webhooks/twilio/voice/gather";

let standIn: TwilioStandIn;
let salon: WebhookSalon;
let forwardingPhone: string;

beforeAll(async () => {
  standIn = await startStandInForTests();
  ({ salon, forwardingPhone } = await createVoiceSalon());
});
afterAll(() => standIn.close());

const ring = (to = salon.twilioNumber!, accountSid?: string) =>
  ringVoice(to, accountSid === SUB_ACCOUNT.sid ? { accountSid, token: SUB_ACCOUNT.authToken } : {});

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
      ["TRANSFER_ENDED", { to: forwardingPhone, result: "NO_ANSWER", seconds: 0, accepted: false }],
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

describe("the database", () => {
  it("refuses an event filed under another salon than its call's, even from the system client", async () => {
    const a = await createSalon();
    const b = await createSalon();
    const call = await createCallLog(a.id);
    const event = { callLogId: call.id, at: new Date(), kind: "GOODBYE" as const, dedupeKey: "test:GOODBYE" };
    await expect(db.callEvent.create({ data: { ...event, salonId: b.id } })).rejects.toThrow(/foreign key/i);
    await expect(db.callEvent.create({ data: { ...event, salonId: a.id } })).resolves.toMatchObject({ salonId: a.id });
  });
});
