// Call progress callbacks (forward-only, out of order, every final status) and the missed-call
// text-back: exactly once, through the real queue to the Twilio stand-in, at most once per 12 hours.
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callOutcomeOf } from "@/lib/calls/call-outcome";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { getBoss } from "@/lib/jobs/boss";
import { createTextingSalon, startStatusRoute } from "@/lib/testing/delivery-test-kit";
import { DELIVER_NOTIFICATION } from "@/lib/jobs/queues";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { createCallLog, createSalon, uniquePhone } from "@/lib/testing/factories";
import { findSalonByNumber } from "@/lib/telephony/find-salon-by-number";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { handleCallStatus } from "@/lib/telephony/webhooks/handle-call-status";
import { callParams, newCallSid, postGather, postVoice, screenParams, callRow } from "@/lib/testing/voice-test-kit";
import { callStatusParamsSchema } from "@/lib/telephony/params/voice";

const VOICE = "/api/webhooks/twilio/voice";
const STATUS = "/api/webhooks/twilio/voice/status";

let standIn: TwilioStandIn;
let route: Awaited<ReturnType<typeof startStatusRoute>>;
let worker: RunningWorker;

beforeAll(async () => {
  standIn = await startStandInForTests({ callbackDelayMs: 5 });
  route = await startStatusRoute();
  const boss = await getBoss();
  await boss.updateQueue(DELIVER_NOTIFICATION, { retryDelay: 0, retryBackoff: false });
  worker = await startWorker({ pollingIntervalSeconds: 0.5 });
});
afterAll(async () => {
  await worker.stop();
  await standIn.close();
  await route.close();
});
beforeEach(() => standIn.state.reset());

async function ring(salon: { twilioNumber: string | null }, from = uniquePhone()) {
  const params = callParams({ callSid: newCallSid(), from, to: salon.twilioNumber! });
  expect((await postVoice(VOICE, params)).status).toBe(200);
  return params;
}

function status(call: Record<string, string>, callStatus: string, extra: Record<string, string> = {}) {
  return postVoice(STATUS, { ...call, CallStatus: callStatus, ...extra });
}

async function waitForMessagesTo(to: string, count: number, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const sent = standIn.state.messages.filter((m) => m.to === to);
    if (sent.length >= count) return sent;
    await sleep(100);
  }
  throw new Error(`expected ${count} text(s) to ${to}, stand-in has ${standIn.state.messages.length}`);
}

const missedTexts = (salonId: string, destination: string) => db.notification.findMany({ where: { salonId, kind: "MISSED_CALL", destination } });

describe("call status", () => {
  it("records progress, then the final status with duration and end time", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    const call = await ring(salon);
    expect((await status(call, "in-progress")).status).toBe(204);
    expect((await callRow(call.CallSid)).status).toBe("IN_PROGRESS");
    await status(call, "completed", { CallDuration: "42", Timestamp: "Wed, 25 Nov 2026 15:00:00 +0000" });
    expect(await callRow(call.CallSid)).toMatchObject({ status: "COMPLETED", durationSeconds: 42, endedAt: new Date("2026-11-25T15:00:00Z") });
  });

  it("only moves forward when callbacks arrive out of order", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    const call = await ring(salon);
    await status(call, "completed", { CallDuration: "30" });
    await status(call, "in-progress");
    await status(call, "ringing");
    await status(call, "no-answer", { CallDuration: "0" });
    expect(await callRow(call.CallSid)).toMatchObject({ status: "COMPLETED", durationSeconds: 30 });
  });

  it.each([
    ["busy", "BUSY"],
    ["no-answer", "NO_ANSWER"],
    ["failed", "FAILED"],
    ["canceled", "CANCELED"],
  ])("records %s as %s", async (twilioStatus, ours) => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    const call = await ring(salon);
    await status(call, twilioStatus, { CallDuration: "0" });
    expect((await callRow(call.CallSid)).status).toBe(ours);
  });

  it("logs a call first seen in its status callback", async () => {
    const salon = await createSalon({ twilioNumber: uniquePhone() });
    const call = callParams({ callSid: newCallSid(), from: "anonymous", to: salon.twilioNumber! });
    await status(call, "completed", { CallDuration: "12" });
    expect(await callRow(call.CallSid)).toMatchObject({ salonId: salon.id, status: "COMPLETED", durationSeconds: 12 });
  });

  it("cannot change salon B's call through salon A's number", async () => {
    const a = await createSalon({ twilioNumber: uniquePhone() });
    const b = await createSalon({ twilioNumber: uniquePhone() });
    const theirs = await createCallLog(b.id, { to: b.twilioNumber!, status: "IN_PROGRESS" });
    await status(callParams({ callSid: theirs.callSid, from: theirs.from, to: a.twilioNumber! }), "completed", { CallDuration: "5" });
    expect(await callRow(theirs.callSid)).toMatchObject({ salonId: b.id, status: "IN_PROGRESS", durationSeconds: null, missedCallTextAt: null });
    expect(await db.notification.count({ where: { salonId: { in: [a.id, b.id] } } })).toBe(0);
  });
});

describe("missed-call text-back", () => {
  it("texts the caller exactly once, through the queue to Twilio, however often the end is reported", async () => {
    const salon = await createTextingSalon(standIn, { name: "Fade Factory" });
    const from = uniquePhone();
    const call = await ring(salon, from);
    const reports = await Promise.all(Array.from({ length: 6 }, () => status(call, "completed", { CallDuration: "9" })));
    for (const res of reports) expect(res.status).toBe(204);
    await status(call, "completed", { CallDuration: "9" });

    const [sent] = await waitForMessagesTo(from, 1);
    expect(sent).toMatchObject({ from: salon.twilioNumber, body: expect.stringContaining("Sorry we missed your call at Fade Factory") });
    await sleep(1500);
    expect(standIn.state.messages.filter((m) => m.to === from)).toHaveLength(1);
    expect(await missedTexts(salon.id, from)).toHaveLength(1);
    expect((await callRow(call.CallSid)).missedCallTextAt).not.toBeNull();
  });

  it("texts a caller at most once per 12 hours, even for two calls ending together", async () => {
    const created = await createTextingSalon(standIn);
    const salon = (await findSalonByNumber(created.twilioNumber!))!;
    const from = uniquePhone();
    const t0 = new Date("2026-11-25T15:00:00Z");
    const end = (callSid: string, now: Date) =>
      handleCallStatus({
        params: callStatusParamsSchema.parse({ ...callParams({ callSid, from, to: salon.twilioNumber!, status: "completed" }), CallDuration: "5" }),
        salon,
        log: logger,
        now,
      });
    const [first, second] = await Promise.all([end(newCallSid(), t0), end(newCallSid(), t0)]);
    expect([first.missedCall, second.missedCall].sort()).toEqual(["recently_texted", "sent"]);
    expect((await end(newCallSid(), new Date(t0.getTime() + 11 * 3600_000))).missedCall).toBe("recently_texted");
    expect((await end(newCallSid(), new Date(t0.getTime() + 12 * 3600_000 + 1000))).missedCall).toBe("sent");
    expect(await missedTexts(salon.id, from)).toHaveLength(2);
  });

  it("does not text when staff took the forwarded call", async () => {
    const salon = await createTextingSalon(standIn, { forwardingPhone: uniquePhone() });
    const from = uniquePhone();
    const call = await ring(salon, from);
    await postVoice("/api/webhooks/twilio/voice/screen-result", screenParams(call, salon.forwardingPhone!, "1"));
    await postVoice("/api/webhooks/twilio/voice/dial-result", { ...call, CallStatus: "in-progress", DialCallStatus: "completed", DialCallDuration: "60" });
    await status(call, "completed", { CallDuration: "75" });
    expect(await missedTexts(salon.id, from)).toHaveLength(0);
    expect(await callRow(call.CallSid)).toMatchObject({ forwardedTo: salon.forwardingPhone, missedCallTextAt: null });
  });

  it.each([
    ["heard the hours", "1", []],
    ["was texted how to book", "4", ["BOOKING_INFO"]],
  ])("does not text 'sorry we missed you' to a caller who %s (answered by Bolt)", async (_name, digits, kinds) => {
    const salon = await createTextingSalon(standIn, { bookingInstructions: "Book at example.com/book" });
    const from = uniquePhone();
    const call = await ring(salon, from);
    await postGather(call, { Digits: digits });
    await status(call, "completed", { CallDuration: "25" });
    const texts = await db.notification.findMany({ where: { salonId: salon.id, destination: from }, select: { kind: true } });
    expect(texts.map((t) => t.kind)).toEqual(kinds);
    expect(callOutcomeOf(await callRow(call.CallSid))).toBe("ANSWERED_BY_BOLT");
  });

  it("texts a caller who was never understood and hung up", async () => {
    const salon = await createTextingSalon(standIn);
    const from = uniquePhone();
    const call = await ring(salon, from);
    await postGather(call, { SpeechResult: "banana" });
    await status(call, "completed", { CallDuration: "12" });
    expect(await callRow(call.CallSid)).toMatchObject({ reason: "UNKNOWN", missedCallTextAt: expect.any(Date) });
    expect(await missedTexts(salon.id, from)).toHaveLength(1);
  });

  it("does not text a withheld number", async () => {
    const salon = await createTextingSalon(standIn);
    const call = await ring(salon, "anonymous");
    await status(call, "completed", { CallDuration: "3" });
    expect(await db.notification.count({ where: { salonId: salon.id } })).toBe(0);
  });
});
