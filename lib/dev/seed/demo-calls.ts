// Two weeks of the demo salon's calls, at the hours people really call a salon: most while it is
// open (answered by Bolt or put through to staff), a few in the evening, early morning or on the
// closed Sunday, which end in a voicemail (recording + transcript) or a hang-up. A salon that has been
// open a while today has had a few calls already, so the dashboard's "Calls today" is never a bare 0.
import { randomUUID } from "node:crypto";
import type { CallReason, CallStatus } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isInQuietHours } from "@/lib/messaging/quiet-hours";
import { openHoursOn, wallTime, type DemoClock } from "@/lib/dev/seed/demo-clock";
import { between, pick, sid, type Rand } from "@/lib/dev/seed/demo-random";
import type { StoredCallEvent } from "@/lib/calls/call-events";
import { deriveCallState } from "@/lib/calls/call-summary";
import { withOutcome } from "@/lib/calls/write-call-logs";

type Caller = { id: string; name: string; phone: string };

export type DemoCallsInput = {
  salonId: string;
  salonNumber: string;
  forwardingPhone: string;
  clock: DemoClock;
  customers: Caller[];
  /** The Twilio account the recordings' URLs name (null when none is configured). */
  accountSid: string | null;
  rand: Rand;
};

const CALLS = 48;
const DAYS = 14;
const NEW_CALLER_NAMES = ["Rachel", "Kevin", "Maria", "Tom", "Aisha"];

// What callers leave on a salon's voicemail; {name} is the caller's first name.
const VOICEMAILS = [
  "Hi, this is {name}. I have a cut and color with Alexis on Saturday at ten and I need to move it to the afternoon if anything's open. Please call me back. Thanks!",
  "Hey, it's {name}. I think I left my sunglasses at the front desk this morning, tortoiseshell ones. Could you hang on to them? I'll swing by tomorrow.",
  "Hi there, my name is {name}. I'm calling about a balayage consultation. My hair is pretty long and it's been box dyed, so I wanted to know if that's something you can do and roughly what it would cost. Thank you.",
  "Hi, this is {name}. I'm running about fifteen minutes late for my blowout, so sorry! If that doesn't work, just text me and I'll rebook.",
  "Hi, I'd like to book a men's cut for my son sometime next week after school, so any day after three thirty. This is {name}. Thanks.",
  "Hi, it's {name}. I need to cancel my appointment on Thursday, I've come down with a cold. Could you let Jamie know? Thanks so much.",
  "Hi! This is {name}. Do you sell gift cards? It's my sister's birthday on Friday and I'd love to get her a blowout. Call me back when you can.",
  "Hello, my name is {name}. I'm getting married in June and I'm looking for someone to do hair for me and four bridesmaids. Could someone call me about a trial? Thank you.",
  "Hi, it's {name}, just calling to say thank you to Sam, I love my cut. Also, what was the shampoo she used? I'd like to buy a bottle.",
  "Hey, this is {name}. My color's been fading fast and I wondered if I could come in for a gloss before my trip next Wednesday. Call me back, thanks.",
];

const ANSWERED_BY_BOLT: CallReason[] = [
  "HOURS",
  "HOURS",
  "BOOKING",
  "BOOKING",
  "BOOKING",
  "PRICES",
  "ADDRESS",
];

// Every call starts at least this long before the seed, so it has ended by then (the longest lasts ~8 min).
const MARGIN_MS = 10 * 60_000;

/** A wall-clock minute on day `day` while the salon is open (null when closed), or outside its hours. */
function minuteOfDay(input: DemoCallsInput, day: number, duringHours: boolean): number | null {
  const hours = openHoursOn(input.clock, day);
  if (duringHours) return hours ? between(input.rand, hours.open + 5, hours.close - 10) : null;
  // Late morning on a closed day; otherwise before opening or after closing.
  if (!hours) return between(input.rand, 10 * 60, 16 * 60);
  return input.rand() < 0.35
    ? between(input.rand, 7 * 60, hours.open - 5)
    : between(input.rand, hours.close + 5, 21 * 60 + 30);
}

/** When a call started: a past moment on one of the last two weeks' days, mostly while the salon is open. */
function startOf(input: DemoCallsInput, duringHours: boolean): Date | null {
  const day = -between(input.rand, 0, DAYS - 1);
  const minute = minuteOfDay(input, day, duringHours);
  if (minute === null) return null;
  const at = new Date(wallTime(input.clock, day, minute).getTime() + between(input.rand, 0, 59) * 1000);
  return at.getTime() < input.clock.now.getTime() - MARGIN_MS ? at : null;
}

/** Starts of today's calls so far while open: about one per hour and a half since opening, up to six. */
function todaysStarts(input: DemoCallsInput): Date[] {
  const hours = openHoursOn(input.clock, 0);
  if (!hours) return [];
  const from = wallTime(input.clock, 0, hours.open + 3).getTime();
  const closing = wallTime(input.clock, 0, hours.close - 5).getTime();
  const to = Math.min(closing, input.clock.now.getTime() - MARGIN_MS);
  if (to - from < 2 * 60_000) return [];
  const count = Math.min(6, 1 + Math.floor((to - from) / (90 * 60_000)));
  return Array.from(
    { length: count },
    () => new Date(Math.floor((from + input.rand() * (to - from)) / 1000) * 1000),
  );
}

function voicemail(input: DemoCallsInput, callerName: string) {
  const transcription = pick(input.rand, VOICEMAILS).replace(
    "{name}",
    callerName.split(" ")[0] ?? callerName,
  );
  // About 2.5 spoken words a second, plus a pause before and after.
  const seconds = Math.round(transcription.split(/\s+/).length / 2.5) + 3;
  const recordingSid = sid("RE");
  return {
    recordingSid,
    recordingUrl: input.accountSid
      ? `https://api.twilio.com/2010-04-01/Accounts/${input.accountSid}/Recordings/${recordingSid}`
      : null,
    recordingDurationSeconds: seconds,
    transcription,
    transcriptionStatus: "completed",
  };
}

type Outcome = Pick<
  Prisma.CallLogCreateManyInput,
  "status" | "reason" | "answeredAt" | "forwardedTo" | "missedCallTextAt"
>;

/** How a call went, and how long it lasted: staff, Bolt, a voicemail or a hang-up. */
function outcomeOf(input: DemoCallsInput, startedAt: Date, duringHours: boolean, callerName: string) {
  const { rand } = input;
  const roll = rand();
  // Bolt never texts "sorry we missed you" into the night: no after-hours hang-ups in quiet hours.
  const quiet = isInQuietHours(startedAt, { timeZone: input.clock.timeZone, ...input.clock.quietHours });
  const at = (seconds: number) => new Date(startedAt.getTime() + seconds * 1000);
  const hangUp = (status: CallStatus): Outcome & { duration: number } => ({
    status,
    reason: null,
    missedCallTextAt: at(60),
    duration: status === "COMPLETED" ? between(rand, 4, 12) : 0,
  });
  if (duringHours) {
    if (roll < 0.5)
      return {
        status: "COMPLETED" as const,
        reason: pick(rand, ANSWERED_BY_BOLT),
        duration: between(rand, 25, 95),
      };
    if (roll < 0.75) {
      const ring = between(rand, 12, 25);
      return {
        status: "COMPLETED" as const,
        reason: "TRANSFER" as const,
        answeredAt: at(ring),
        forwardedTo: input.forwardingPhone,
        duration: ring + between(rand, 60, 420),
      };
    }
    if (roll < 0.88) {
      // Put through, nobody free at the chair: the caller leaves a message.
      const message = voicemail(input, callerName);
      return {
        status: "COMPLETED" as const,
        reason: "TRANSFER" as const,
        ...message,
        duration: 35 + message.recordingDurationSeconds,
      };
    }
    return hangUp(pick(rand, ["NO_ANSWER", "BUSY", "CANCELED"] as const));
  }
  if (roll < 0.6) {
    const message = voicemail(input, callerName);
    return {
      status: "COMPLETED" as const,
      reason: "VOICEMAIL" as const,
      ...message,
      duration: 15 + message.recordingDurationSeconds,
    };
  }
  if (roll < 0.85 || quiet)
    return { status: "COMPLETED" as const, reason: "HOURS" as const, duration: between(rand, 15, 40) };
  return hangUp(pick(rand, ["COMPLETED", "CANCELED"] as const));
}

/** A demo call row, with the id and start its timeline (demo-call-timelines.ts) hangs from. */
export type DemoCallRow = Prisma.CallLogCreateManyInput & { id: string; startedAt: Date };

function callAt(input: DemoCallsInput, i: number, startedAt: Date, duringHours: boolean): DemoCallRow {
  const customer = input.rand() < 0.7 ? pick(input.rand, input.customers) : null;
  const callerName = customer?.name || pick(input.rand, NEW_CALLER_NAMES);
  const { duration, ...outcome } = outcomeOf(input, startedAt, duringHours, callerName);
  return withOutcome({
    id: randomUUID(),
    salonId: input.salonId,
    callSid: sid("CA"),
    from: customer?.phone ?? `+1650555${String(3000 + i).padStart(4, "0")}`,
    to: input.salonNumber,
    customerId: customer?.id ?? null,
    startedAt,
    endedAt: new Date(startedAt.getTime() + duration * 1000),
    durationSeconds: duration,
    ...outcome,
  });
}

export function buildDemoCalls(input: DemoCallsInput): DemoCallRow[] {
  const calls = todaysStarts(input).map((at, i) => callAt(input, i, at, true));
  for (let i = calls.length; calls.length < CALLS && i < CALLS * 10; i++) {
    const duringHours = input.rand() < 0.82;
    const startedAt = startOf(input, duringHours);
    if (startedAt) calls.push(callAt(input, i, startedAt, duringHours));
  }
  return calls.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
}

/** A demo call's follow-up is handled by staff this long after the call, unless it is among the latest. */
const HANDLED_AFTER_MS = 2 * 60 * 60 * 1000;
const STILL_OPEN = 3;

/**
 * Each call with the summary, outcome and follow-up the webhooks would have stored from its events
 * (lib/calls/call-summary.ts): the latest few follow-ups still open, older ones handled by staff.
 */
export function withDemoSummaries(calls: DemoCallRow[], events: Prisma.CallEventCreateManyInput[], now: Date): DemoCallRow[] {
  const byCall = new Map<string, StoredCallEvent[]>();
  for (const e of events) {
    const stored = { at: new Date(e.at), kind: e.kind, detail: e.detail };
    byCall.set(e.callLogId, [...(byCall.get(e.callLogId) ?? []), stored]);
  }
  const derived = calls.map((call) => {
    const fields = {
      status: call.status ?? "RINGING",
      reason: call.reason ?? null,
      answeredAt: call.answeredAt ?? null,
      recordingSid: call.recordingSid ?? null,
      transcription: call.transcription ?? null,
    };
    return { call, ...deriveCallState(fields, byCall.get(call.id) ?? []) };
  });
  const open = new Set(
    derived
      .filter((d) => d.summary.followUp !== null && d.call.startedAt <= now)
      .sort((a, b) => b.call.startedAt.getTime() - a.call.startedAt.getTime())
      .slice(0, STILL_OPEN)
      .map((d) => d.call.id),
  );
  return derived.map(({ call, summary, servedByBolt, outcome }) => {
    const handled = summary.followUp !== null && !open.has(call.id);
    return {
      ...call,
      summary,
      servedByBolt,
      outcome,
      followUp: handled ? "HANDLED" : open.has(call.id) ? "OPEN" : null,
      followUpChangedAt: handled ? new Date(call.startedAt.getTime() + HANDLED_AFTER_MS) : null,
    };
  });
}
