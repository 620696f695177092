// The words and order of a call's timeline: columns and recorded events merged, in the plain words a
// salon owner reads, with ties inside one callback kept in the order things happened.
import { describe, expect, it } from "vitest";
import type { StoredCallEvent } from "@/lib/calls/call-events";
import { buildCallTimeline, type CallText, type TimelineCall } from "@/lib/calls/call-timeline";

const t0 = Date.parse("2026-11-20T15:00:00Z");
const at = (seconds: number) => new Date(t0 + seconds * 1000);

function callWith(overrides: Partial<TimelineCall> = {}): TimelineCall {
  return {
    direction: "INBOUND",
    from: "+14155550123",
    customer: null,
    startedAt: at(0),
    answeredAt: null,
    forwardedTo: null,
    endedAt: null,
    status: "IN_PROGRESS",
    reason: null,
    durationSeconds: null,
    recordingSid: null,
    recordingDurationSeconds: null,
    transcription: null,
    servedByBolt: null,
    ...overrides,
  };
}

const event = (seconds: number, kind: StoredCallEvent["kind"], detail: unknown = {}): StoredCallEvent => ({
  at: at(seconds),
  kind,
  detail,
});
const labels = (call: TimelineCall, events: StoredCallEvent[], texts: CallText[] = []) =>
  buildCallTimeline(call, events, texts).map((e) => e.label);

describe("buildCallTimeline", () => {
  it("names the caller: a customer by name and number, a stranger by number, a hidden number as withheld", () => {
    expect(labels(callWith({ customer: { name: "Ava Martinez" } }), [])[0]).toBe(
      "Call from Ava Martinez, (415) 555-0123",
    );
    expect(labels(callWith(), [])[0]).toBe("Call from (415) 555-0123");
    expect(labels(callWith({ from: "anonymous" }), [])[0]).toBe("Call from a withheld number");
  });

  it("has no greeting when the line never connected", () => {
    const call = callWith({ endedAt: at(9), status: "CANCELED" });
    expect(labels(call, [])).toEqual([
      "Call from (415) 555-0123",
      "Missed — caller hung up before we answered",
    ]);
  });

  it("keeps the call's start first when Twilio's whole-second end stamp reads earlier than it", () => {
    // Logged at :00.400; the caller hung up in that same second, and the status callback says :00.
    const call = callWith({ startedAt: new Date(t0 + 400), endedAt: at(0), status: "CANCELED" });
    const texts: CallText[] = [
      { id: "n1", kind: "MISSED_CALL", status: "SENT", createdAt: new Date(t0 + 700), failureReason: null },
    ];
    const timeline = buildCallTimeline(call, [], texts);
    expect(timeline.map((e) => e.kind)).toEqual(["started", "ended", "text"]);
    expect(timeline[1]?.at).toEqual(at(0));
    // Equal instants: the kind order decides, whichever order the entries came in.
    const same = callWith({ endedAt: at(0), status: "NO_ANSWER" });
    expect(labels(same, [])).toEqual(["Call from (415) 555-0123", "Missed — no answer"]);
  });

  it("tells a caller who was never understood, asked again and sent to voicemail, then a missed call and its text", () => {
    const call = callWith({ endedAt: at(40), status: "COMPLETED", reason: "UNKNOWN", durationSeconds: 40 });
    const events = [
      event(5, "HEARD", { intent: "UNKNOWN" }),
      event(5, "REPROMPT"),
      // One callback's events share an instant, and come back from the database in any order.
      event(12, "VOICEMAIL_STARTED", { why: "not-understood" }),
      event(12, "HEARD", {
        speech:
          "I was wondering whether you might possibly have any openings for a balayage and a trim next week",
        intent: "UNKNOWN",
      }),
    ];
    const texts: CallText[] = [
      { id: "n1", kind: "MISSED_CALL", status: "DELIVERED", createdAt: at(41), failureReason: null },
    ];
    expect(labels(call, events, texts)).toEqual([
      "Call from (415) 555-0123",
      "Bolt answered with the greeting",
      "Caller didn't say anything",
      "Bolt didn't catch that and asked again",
      "Caller said “I was wondering whether you might possibly have any openings for a balayage and…” — not understood",
      "Sent to voicemail — still not understood",
      "Missed — call ended after 40s",
      "Missed-call text delivered",
    ]);
  });

  it("tells the options read again, a booking text and a goodbye", () => {
    const call = callWith({ endedAt: at(30), status: "COMPLETED", reason: "BOOKING", durationSeconds: 30 });
    const events = [
      event(4, "HEARD", { speech: "what can I do", intent: "MENU" }),
      event(4, "MENU"),
      event(10, "HEARD", { digits: "4", intent: "BOOKING" }),
      event(10, "BOOKING_TEXT"),
      event(20, "HEARD", { speech: "no thanks", intent: "DONE" }),
      event(20, "GOODBYE"),
    ];
    const texts: CallText[] = [
      { id: "n2", kind: "BOOKING_INFO", status: "SENT", createdAt: at(11), failureReason: null },
    ];
    expect(labels(call, events, texts).slice(2)).toEqual([
      "Caller said “what can I do” — Hear the options",
      "Bolt read the options again",
      "Pressed 4 — Booking",
      "Bolt texted them how to book",
      "Booking text sent",
      "Caller said “no thanks” — That's all",
      "Bolt said goodbye",
      "Call ended after 30s",
    ]);
  });

  it.each([
    [{ result: "PICKED_UP", seconds: 95 }, "Talked with staff at (415) 555-0199 for 1m 35s", "completed"],
    [{ result: "NO_ANSWER", seconds: 0 }, "Rang (415) 555-0199 — no answer after 15s", "no-answer"],
    [{ result: "BUSY", seconds: 0 }, "Rang (415) 555-0199 — line busy", "busy"],
    [{ result: "FAILED" }, "Rang (415) 555-0199 — the call didn't go through", "failed"],
    [{ result: "CANCELED" }, "Caller hung up while (415) 555-0199 was ringing", "canceled"],
    [{ result: "UNKNOWN" }, "Rang (415) 555-0199", "unknown"],
  ])("tells how a transfer ended: %j, with the result the API has always documented", (ended, label, apiResult) => {
    const events = [
      event(5, "TRANSFER_STARTED", { to: "+14155550199", timeoutSeconds: 15 }),
      event(20, "TRANSFER_ENDED", { to: "+14155550199", ...ended }),
    ];
    const last = buildCallTimeline(callWith(), events, []).at(-1);
    expect(last).toMatchObject({ kind: "transfer_ended", label, result: apiResult });
  });

  it("leaves out a transfer's result it cannot read", () => {
    const events = [event(20, "TRANSFER_ENDED", { to: "+14155550199", result: "ringing" })];
    const last = buildCallTimeline(callWith(), events, []).at(-1);
    expect(last).toMatchObject({ kind: "transfer_ended", label: "Rang (415) 555-0199" });
    expect(last).not.toHaveProperty("result");
  });

  it.each([
    // Before call screening: the column alone says staff picked up.
    ["picked up (before screening)", [], "Staff picked up at (415) 555-0199"],
    // Screened: the acceptance event tells it, once (not the column too).
    ["took the call at the screening", [event(12, "TRANSFER_ACCEPTED", { to: "+14155550199" })], "Staff took the call at (415) 555-0199"],
  ])("shows staff who %s, and the transfer's end after it", (_name, accepted, answered) => {
    const call = callWith({
      answeredAt: at(12),
      forwardedTo: "+14155550199",
      endedAt: at(107),
      status: "COMPLETED",
      reason: "TRANSFER",
      durationSeconds: 107,
    });
    const events = [
      event(5, "TRANSFER_STARTED", { to: "+14155550199", timeoutSeconds: 15 }),
      ...accepted,
      event(107, "TRANSFER_ENDED", { to: "+14155550199", result: "PICKED_UP", seconds: 95 }),
    ];
    expect(labels(call, events).slice(2)).toEqual([
      "Putting them through to (415) 555-0199",
      answered,
      "Talked with staff at (415) 555-0199 for 1m 35s",
      "Call ended after 1m 47s",
    ]);
  });

  it("tells a transfer nobody took (the phone's own voicemail picked up) and the voicemail after it", () => {
    const events = [
      event(5, "TRANSFER_STARTED", { to: "+14155550199", timeoutSeconds: 15 }),
      event(30, "TRANSFER_ENDED", { to: "+14155550199", result: "PICKED_UP", seconds: 9, accepted: false }),
      event(30, "VOICEMAIL_STARTED", { why: "not-taken" }),
    ];
    expect(labels(callWith(), events).slice(2)).toEqual([
      "Putting them through to (415) 555-0199",
      "Rang (415) 555-0199 — picked up, but nobody pressed 1 to take the call",
      "Not taken — went to voicemail",
    ]);
  });

  it("reads an event with missing details as less detail, not an error", () => {
    expect(
      labels(callWith(), [
        event(5, "TRANSFER_ENDED", null),
        event(6, "VOICEMAIL_STARTED"),
        event(90, "TRANSCRIPT_FAILED"),
      ]).slice(2),
    ).toEqual([
      "Rang the salon's phone",
      "Sent to voicemail",
      "Transcript failed — listen to the recording instead",
    ]);
  });

  it("keeps one voicemail entry: the event's when recorded, else the call's own at its end", () => {
    const call = callWith({
      endedAt: at(60),
      status: "COMPLETED",
      recordingSid: `RE${"a".repeat(32)}`,
      recordingDurationSeconds: 25,
    });
    expect(labels(call, []).slice(2)).toEqual(["Voicemail left (25s)", "Call ended"]);
    expect(
      labels(call, [event(55, "VOICEMAIL_LEFT", { seconds: 25 })]).filter((l) => l.startsWith("Voicemail")),
    ).toEqual(["Voicemail left (25s)"]);
  });
});
