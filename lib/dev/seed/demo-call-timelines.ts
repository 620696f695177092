// What happened on each demo call, as the voice webhooks would have recorded it (lib/calls/call-events.ts)
// and consistent with the call's reason, outcome and recording: what the caller asked and how, Bolt's
// answer, the transfer and whether staff picked up, the voicemail and its transcript, a goodbye — plus
// the texts those calls caused (the booking text, the missed-call text-back), so every demo call's
// page shows a full timeline.
import { randomUUID } from "node:crypto";
import type { CallEventDraft } from "@/lib/calls/call-events";
import { missedCallBody } from "@/lib/calls/missed-call-text";
import { bookingInfoKey, missedCallKey } from "@/lib/calls/notification-keys";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CallReason, NotificationKind } from "@/lib/generated/prisma/enums";
import { composeSmsBody } from "@/lib/messaging/compose";
import { OPTED_OUT_REASON } from "@/lib/messaging/send-sms";
import type { DemoCallRow } from "@/lib/dev/seed/demo-calls";
import { between, pick, sid, type Rand } from "@/lib/dev/seed/demo-random";
import { buildDemoText, type DemoText } from "@/lib/dev/seed/demo-text-row";
import type { ReceptionistIntent } from "@/lib/telephony/receptionist";
import { DIAL_TIMEOUT_SECONDS } from "@/lib/telephony/voice-twiml";

export type DemoTimelinesInput = {
  calls: DemoCallRow[];
  salonName: string;
  /** The phone a transfer rings (the call's own forwardedTo once staff answered). */
  forwardingPhone: string;
  bookingInstructions: string;
  /** Callers who replied STOP, and when: Bolt can't text them after that, so those texts are recorded as not sent. */
  optedOutSince: ReadonlyMap<string, Date>;
  now: Date;
  rand: Rand;
};

// How callers put it, by what they want; a key press is as likely as words.
const SAID: Partial<Record<ReceptionistIntent, string[]>> = {
  HOURS: ["what time do you close today", "are you open on Sunday", "what are your hours"],
  ADDRESS: ["where are you located", "what's your address", "how do I get there"],
  PRICES: ["how much is a women's cut", "how much for balayage", "what are your prices"],
  BOOKING: ["I'd like to book an appointment", "can I get a haircut on Saturday", "I want to book a blowout"],
  TRANSFER: ["can I talk to someone", "I need to change my appointment", "can I speak to Alexis"],
  VOICEMAIL: ["I'd like to leave a message", "can I leave a message"],
  DONE: ["no thanks", "that's all, thank you", "nope, that's it"],
};
const KEY: Partial<Record<ReceptionistIntent, string>> = {
  HOURS: "1",
  ADDRESS: "2",
  PRICES: "3",
  BOOKING: "4",
  TRANSFER: "5",
  VOICEMAIL: "6",
};
const QUESTIONS = ["HOURS", "ADDRESS", "PRICES"] as const;
type Question = (typeof QUESTIONS)[number];
const isQuestion = (reason: CallReason): reason is Question =>
  (QUESTIONS as readonly CallReason[]).includes(reason);

function isOptedOut(input: DemoTimelinesInput, phone: string, at: Date): boolean {
  const since = input.optedOutSince.get(phone);
  return since !== undefined && since <= at;
}

/** Events of one callback, `second`s into the call, under the dedupe key prefix the webhook uses. */
type Step = { second: number; source: string; events: CallEventDraft[] };

function heard(rand: Rand, intent: ReceptionistIntent): CallEventDraft {
  const key = KEY[intent];
  const words = SAID[intent];
  if (key && (!words || rand() < 0.5)) return { kind: "HEARD", detail: { digits: key, intent } };
  return { kind: "HEARD", detail: { speech: pick(rand, words ?? ["yes"]), intent } };
}

/** Answered by Bolt: maybe another question first (the reason is the last, or the weightiest), then maybe a goodbye. */
function questionsScript(
  input: DemoTimelinesInput,
  call: DemoCallRow,
  reason: CallReason,
  duration: number,
): Step[] {
  const { rand } = input;
  const steps: Step[] = [];
  let second = between(rand, 5, 8);
  if (duration >= 50 && rand() < 0.5) {
    const earlier = pick(
      rand,
      QUESTIONS.filter((q) => q !== reason),
    );
    steps.push({
      second,
      source: "gather:1",
      events: [heard(rand, earlier), { kind: "ANSWERED", detail: { topic: earlier } }],
    });
    second += between(rand, 14, 18);
  }
  const source = `gather:${steps.length + 1}`;
  if (reason === "BOOKING" && isOptedOut(input, call.from, call.startedAt)) {
    // Bolt can't text someone who opted out: it offers a message, and this caller hung up instead.
    return [
      ...steps,
      {
        second,
        source,
        events: [heard(rand, reason), { kind: "VOICEMAIL_STARTED", detail: { why: "opted-out" } }],
      },
    ];
  }
  const answer: CallEventDraft = isQuestion(reason)
    ? { kind: "ANSWERED", detail: { topic: reason } }
    : { kind: "BOOKING_TEXT", detail: {} };
  steps.push({ second, source, events: [heard(rand, reason), answer] });
  // Silence after "anything else?" ends the call without another callback; a "no thanks" is noted.
  if (duration - second >= 16 && rand() < 0.7) {
    steps.push({
      second: duration - 2,
      source: `gather:${steps.length + 1}`,
      events: [heard(rand, "DONE"), { kind: "GOODBYE", detail: {} }],
    });
  }
  return steps;
}

/**
 * Pressed 5 (or asked for a person), rang the front desk: staff picked up and pressed 1 to take it
 * (call screening), or nobody answered and the caller went to voicemail after the timeout.
 */
function transferScript(input: DemoTimelinesInput, call: DemoCallRow, duration: number): Step[] {
  const { rand } = input;
  const to = call.forwardedTo ?? input.forwardingPhone;
  const answeredAfter = call.answeredAt
    ? ((call.answeredAt as Date).getTime() - call.startedAt.getTime()) / 1000
    : null;
  const asked = answeredAfter === null ? 6 : Math.max(5, answeredAfter - between(rand, 5, 12));
  const started: Step = {
    second: asked,
    source: "gather:1",
    events: [
      heard(rand, "TRANSFER"),
      { kind: "TRANSFER_STARTED", detail: { to, timeoutSeconds: DIAL_TIMEOUT_SECONDS } },
    ],
  };
  // The dialled leg's SID keys both the screening answer and the dial result, as the webhooks do.
  const leg = sid("CA");
  const dial = `dial:${leg}`;
  if (answeredAfter !== null) {
    const talked = Math.max(1, duration - 1 - answeredAfter);
    return [
      started,
      {
        second: answeredAfter,
        source: `screen:${leg}`,
        events: [{ kind: "TRANSFER_ACCEPTED", detail: { to } }],
      },
      {
        second: duration - 1,
        source: dial,
        events: [
          { kind: "TRANSFER_ENDED", detail: { to, result: "PICKED_UP", seconds: talked, accepted: true } },
        ],
      },
    ];
  }
  const noAnswer = asked + DIAL_TIMEOUT_SECONDS + 1;
  return [
    started,
    {
      second: noAnswer,
      source: dial,
      events: [
        { kind: "TRANSFER_ENDED", detail: { to, result: "NO_ANSWER", seconds: 0, accepted: false } },
        { kind: "VOICEMAIL_STARTED", detail: { why: "no-answer" } },
      ],
    },
  ];
}

/** The voicemail itself and, a minute or two after the call, its transcript. */
function voicemailSteps(rand: Rand, call: DemoCallRow, duration: number): Step[] {
  const recording = call.recordingSid ?? "";
  const seconds = call.recordingDurationSeconds ?? null;
  const steps: Step[] = [
    {
      second: duration - 5,
      source: `recording:${recording}`,
      events: [{ kind: "VOICEMAIL_LEFT", detail: { seconds } }],
    },
  ];
  if (call.transcriptionStatus === "completed") {
    steps.push({
      second: duration + between(rand, 45, 140),
      source: `transcription:${recording}`,
      events: [{ kind: "TRANSCRIPT_READY", detail: {} }],
    });
  }
  return steps;
}

function scriptOf(input: DemoTimelinesInput, call: DemoCallRow): Step[] {
  const duration = call.durationSeconds ?? 0;
  const reason = call.reason ?? null;
  // No reason: the caller hung up at the greeting, or before the line connected.
  if (!reason) return [];
  if (reason === "TRANSFER") {
    const transfer = transferScript(input, call, duration);
    return call.recordingSid ? [...transfer, ...voicemailSteps(input.rand, call, duration)] : transfer;
  }
  if (reason === "VOICEMAIL") {
    const asked: Step = {
      second: 5,
      source: "gather:1",
      events: [heard(input.rand, "VOICEMAIL"), { kind: "VOICEMAIL_STARTED", detail: { why: "asked" } }],
    };
    return [asked, ...voicemailSteps(input.rand, call, duration)];
  }
  return isQuestion(reason) || reason === "BOOKING" ? questionsScript(input, call, reason, duration) : [];
}

export function buildDemoCallTimelines(input: DemoTimelinesInput) {
  const events: Prisma.CallEventCreateManyInput[] = [];
  const texts: DemoText[] = [];
  // Delivered a few seconds later, as the sending path leaves it, or not sent to a caller who opted
  // out; `key` is the real path's idempotency key, which is how the call's page finds the text.
  const textOf = (call: DemoCallRow, text: { kind: NotificationKind; at: Date; key: string; body: string }) =>
    buildDemoText({
      salonId: call.salonId,
      kind: text.kind,
      body: composeSmsBody({ salonName: input.salonName, body: text.body }),
      destination: call.from,
      recipientKind: call.customerId ? "CUSTOMER" : "OTHER",
      customerId: call.customerId ?? null,
      key: text.key,
      queuedAt: text.at,
      outcome: isOptedOut(input, call.from, text.at)
        ? { status: "CANCELED", reason: OPTED_OUT_REASON }
        : { status: "DELIVERED" },
    });
  // Nothing is dated after the seed runs: a call that just ended has no transcript yet.
  const past = (call: DemoCallRow, second: number) => {
    const at = new Date(call.startedAt.getTime() + second * 1000);
    return at < input.now ? at : null;
  };
  for (const call of input.calls) {
    for (const step of scriptOf(input, call)) {
      const at = past(call, step.second);
      if (!at) continue;
      for (const event of step.events) {
        events.push({
          id: randomUUID(),
          salonId: call.salonId,
          callLogId: call.id,
          at,
          kind: event.kind,
          detail: event.detail,
          dedupeKey: `${step.source}:${event.kind}`,
        });
        if (
          event.kind === "BOOKING_TEXT" ||
          (event.kind === "VOICEMAIL_STARTED" && event.detail.why === "opted-out")
        ) {
          const booking = {
            kind: "BOOKING_INFO",
            key: bookingInfoKey(call.callSid),
            body: input.bookingInstructions,
          } as const;
          texts.push(textOf(call, { ...booking, at: new Date(at.getTime() + 1000) }));
        }
      }
    }
    const textedAt = call.missedCallTextAt ? new Date(call.missedCallTextAt) : null;
    if (textedAt && textedAt < input.now) {
      texts.push(
        textOf(call, {
          kind: "MISSED_CALL",
          at: textedAt,
          key: missedCallKey(call),
          body: missedCallBody(input.salonName),
        }),
      );
    }
  }
  return {
    events,
    notifications: texts.map((t) => t.notification),
    notificationEvents: texts.flatMap((t) => t.events),
  };
}
