// Every receptionist branch, in and out of business hours, on ordinary days and on the days the
// salon's clocks change (a fixed clock is injected; the salon is in New York).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { logger } from "@/lib/logger";
import { createCallLog, createCustomer, createSalon, createService, uniquePhone } from "@/lib/testing/factories";
import { clearSalonNumberCache, findSalonByNumber, type WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import type { TwilioStandIn } from "@/lib/telephony/standin";
import { startStandInForTests } from "@/lib/telephony/standin/test-support";
import { buildWebhookUrl } from "@/lib/telephony/signature";
import { handleGather } from "@/lib/telephony/webhooks/handle-gather";
import { callParams, postVoice } from "@/lib/telephony/webhooks/voice-test-kit";
import { gatherParamsSchema } from "@/lib/validations/calls";

const WEEKDAY = [{ open: "09:00", close: "19:00" }];
const HOURS = { mon: WEEKDAY, tue: WEEKDAY, wed: WEEKDAY, thu: WEEKDAY, fri: WEEKDAY, sat: WEEKDAY, sun: [{ open: "10:00", close: "16:00" }] };

// New York: EST is UTC−5, EDT UTC−4. 2026-03-08 (Sun) springs forward at 2 AM; 2026-11-01 (Sun) falls back.
const CLOCK = {
  tuesdayNoon: new Date("2026-03-10T16:00:00Z"), // 12:00 EDT
  tuesdayNight: new Date("2026-03-11T02:00:00Z"), // Tue 22:00 EDT
  springForwardOpen: new Date("2026-03-08T14:30:00Z"), // 10:30 EDT (a fixed −5 offset would say 9:30, closed)
  springForwardEarly: new Date("2026-03-08T06:30:00Z"), // 01:30 EST, just before the jump
  fallBackClosed: new Date("2026-11-01T14:30:00Z"), // 09:30 EST (a fixed −4 offset would say 10:30, open)
  fallBackOpen: new Date("2026-11-01T15:30:00Z"), // 10:30 EST
};

let standIn: TwilioStandIn;
let salon: WebhookSalon;
let forwardingPhone: string;

beforeAll(async () => {
  standIn = await startStandInForTests();
  forwardingPhone = uniquePhone();
  const created = await createSalon({
    name: "Luxe Hair",
    timeZone: "America/New_York",
    twilioNumber: uniquePhone(),
    businessHours: HOURS,
    forwardingPhone,
    addressLine1: "12 Main Street",
    addressLine2: "Suite 4",
    city: "Brooklyn",
    region: "NY",
    postalCode: "11201",
    bookingInstructions: "Book online at luxe.example/book",
  });
  await createService(created.id, { name: "Men's Cut", priceCents: 3500 });
  await createService(created.id, { name: "Blowout", priceCents: 4550 });
  await createService(created.id, { name: "Retired Perm", priceCents: 9900, active: false });
  const other = await createSalon({ twilioNumber: uniquePhone() });
  await createService(other.id, { name: "Other Salon Special", priceCents: 100 });
  clearSalonNumberCache();
  salon = (await findSalonByNumber(created.twilioNumber!))!;
});
afterAll(() => standIn.close());

async function turn(input: { speech?: string; digits?: string; attempt?: number; now?: Date; from?: string }) {
  const call = await createCallLog(salon.id, { to: salon.twilioNumber!, from: input.from ?? uniquePhone() });
  const params = gatherParamsSchema.parse({
    ...callParams({ callSid: call.callSid, from: call.from, to: salon.twilioNumber!, status: "in-progress" }),
    ...(input.speech !== undefined ? { SpeechResult: input.speech, Confidence: "0.92" } : {}),
    ...(input.digits !== undefined ? { Digits: input.digits } : {}),
  });
  const response = await handleGather({ params, salon, log: logger, attempt: input.attempt ?? 1, now: input.now ?? CLOCK.tuesdayNoon });
  const row = await db.callLog.findUniqueOrThrow({ where: { callSid: call.callSid } });
  return { xml: response.toString(), reason: row.reason, call: row };
}

/** The follow-up gather after an answer to gather `step - 1`: each gather's URL names its step. */
const followUpMenu = (step = 2) => `action="${buildWebhookUrl(`/api/webhooks/twilio/voice/gather?attempt=1&amp;followUp=1&amp;step=${step}`)}"`;

describe("hours", () => {
  it.each([
    ["a weekday in hours", CLOCK.tuesdayNoon, "We're open today until 7 PM."],
    ["a weekday evening", CLOCK.tuesdayNight, "We're closed now; we open tomorrow at 9 AM."],
    ["spring-forward Sunday, 10:30 EDT", CLOCK.springForwardOpen, "We're open today until 4 PM."],
    ["spring-forward Sunday, 1:30 EST", CLOCK.springForwardEarly, "We're closed now; we open today at 10 AM."],
    ["fall-back Sunday, 9:30 EST", CLOCK.fallBackClosed, "We're closed now; we open today at 10 AM."],
    ["fall-back Sunday, 10:30 EST", CLOCK.fallBackOpen, "We're open today until 4 PM."],
  ])("answers on %s", async (_name, now, sentence) => {
    const { xml, reason } = await turn({ speech: "when are you open", now });
    expect(xml).toContain(sentence);
    expect(xml).toContain("Monday to Saturday 9 AM to 7 PM, Sunday 10 AM to 4 PM");
    expect(xml).toContain(followUpMenu());
    expect(reason).toBe("HOURS");
  });
});

describe("address and prices", () => {
  it("reads the address", async () => {
    const { xml, reason } = await turn({ digits: "2" });
    expect(xml).toContain("We're at 12 Main Street, Suite 4, Brooklyn, NY 11201.");
    expect(reason).toBe("ADDRESS");
  });

  it("reads this salon's active services with prices, cheapest first", async () => {
    const { xml, reason } = await turn({ speech: "how much is a haircut" });
    expect(xml).toContain("Here are our prices. Men's Cut, $35; and Blowout, $45.50.");
    expect(xml).not.toContain("Retired Perm");
    expect(xml).not.toContain("Other Salon Special");
    expect(reason).toBe("PRICES");
  });
});

describe("booking", () => {
  it("texts the caller the salon's booking instructions (once per call) and says so", async () => {
    const from = uniquePhone();
    const { xml, reason, call } = await turn({ digits: "4", from });
    expect(xml).toContain("I've just sent you a text with how to book.");
    expect(reason).toBe("BOOKING");
    const params = gatherParamsSchema.parse({ ...callParams({ callSid: call.callSid, from, to: salon.twilioNumber! }), SpeechResult: "book" });
    await handleGather({ params, salon, log: logger, attempt: 1, now: CLOCK.tuesdayNoon });
    const texts = await db.notification.findMany({ where: { salonId: salon.id, destination: from } });
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatchObject({ kind: "BOOKING_INFO", status: "QUEUED", body: expect.stringContaining("Book online at luxe.example/book") });
  });

  it("does not promise a text to a caller who opted out", async () => {
    const from = uniquePhone();
    await createCustomer(salon.id, { phone: from, smsConsent: "OPTED_OUT", optedOutAt: new Date() });
    const { xml } = await turn({ digits: "4", from });
    expect(xml).toContain("You've opted out of texts from us");
    expect(xml).not.toContain("I've just sent you a text");
  });

  it("offers voicemail when the caller id cannot be texted", async () => {
    const { xml } = await turn({ digits: "4", from: "anonymous" });
    expect(xml).toContain("I can't send a text to this number.");
    expect(xml).toContain("<Record");
  });
});

describe("talk to someone", () => {
  it.each([
    ["a weekday in hours", CLOCK.tuesdayNoon],
    ["spring-forward Sunday in hours", CLOCK.springForwardOpen],
    ["fall-back Sunday in hours", CLOCK.fallBackOpen],
  ])("dials the salon's phone on %s", async (_name, now) => {
    const { xml, reason } = await turn({ speech: "can I speak to a person", now });
    expect(xml).toContain(`<Dial timeout="15" action="${buildWebhookUrl("/api/webhooks/twilio/voice/dial-result")}" method="POST">${forwardingPhone}</Dial>`);
    expect(xml).not.toContain("<Record");
    expect(reason).toBe("TRANSFER");
  });

  it.each([
    ["a weekday evening", CLOCK.tuesdayNight, "We're closed now; we open tomorrow at 9 AM."],
    ["spring-forward Sunday before opening", CLOCK.springForwardEarly, "We're closed now; we open today at 10 AM."],
    ["fall-back Sunday before opening", CLOCK.fallBackClosed, "We're closed now; we open today at 10 AM."],
  ])("says we're closed and takes a message on %s", async (_name, now, sentence) => {
    const { xml, reason } = await turn({ digits: "5", now });
    expect(xml).not.toContain("<Dial");
    expect(xml).toContain(sentence);
    expect(xml).toContain("<Record");
    expect(reason).toBe("TRANSFER");
  });
});

describe("voicemail and misunderstandings", () => {
  const record =
    `<Record maxLength="120" playBeep="true" finishOnKey="#" transcribe="true" ` +
    `transcribeCallback="${buildWebhookUrl("/api/webhooks/twilio/voice/transcription")}" ` +
    `recordingStatusCallback="${buildWebhookUrl("/api/webhooks/twilio/voice/recording")}" recordingStatusCallbackEvent="completed" ` +
    `action="${buildWebhookUrl("/api/webhooks/twilio/voice/recorded")}" method="POST"/>`;

  it.each([
    ["in hours", CLOCK.tuesdayNoon],
    ["after hours", CLOCK.tuesdayNight],
  ])("records up to two minutes with transcription on request %s", async (_name, now) => {
    const { xml, reason } = await turn({ speech: "I'd like to leave a message", now });
    expect(xml).toContain(record);
    expect(reason).toBe("VOICEMAIL");
  });

  it("reprompts once when nothing is understood, then takes a message; the reason says not understood", async () => {
    const first = await turn({ speech: "banana" });
    expect(first.xml).toContain("Sorry, I didn't catch that.");
    expect(first.xml).toContain(`action="${buildWebhookUrl("/api/webhooks/twilio/voice/gather?attempt=2&amp;step=2")}"`);
    expect(first.xml).not.toContain("<Record");
    expect(first.reason).toBe("UNKNOWN");

    const second = await turn({ speech: "banana", attempt: 2 });
    expect(second.xml).toContain("Sorry, I still didn't catch that.");
    expect(second.xml).toContain(record);
    expect(second.reason).toBe("UNKNOWN");
  });

  it("treats a 'thank you' at the first menu as not understood, not as a goodbye", async () => {
    const { xml, reason } = await turn({ speech: "thank you" });
    expect(xml).toContain("Sorry, I didn't catch that.");
    expect(xml).not.toContain("<Hangup/>");
    expect(reason).toBe("UNKNOWN");
  });

  it("treats silence like anything else not understood", async () => {
    expect((await turn({ attempt: 1 })).xml).toContain("gather?attempt=2");
    expect((await turn({ attempt: 2 })).xml).toContain("<Record");
  });

  it("takes the attempt from the signed action URL through the route", async () => {
    const call = await createCallLog(salon.id, { to: salon.twilioNumber! });
    const params = { ...callParams({ callSid: call.callSid, from: call.from, to: salon.twilioNumber! }), SpeechResult: "mumble" };
    const xml = await (await postVoice("/api/webhooks/twilio/voice/gather", params, { query: "?attempt=2" })).text();
    expect(xml).toContain("<Record");
  });
});

it("never touches another salon's call, even given its CallSid", async () => {
  const other = await createSalon({ twilioNumber: uniquePhone() });
  const theirs = await createCallLog(other.id, { to: other.twilioNumber! });
  const params = { ...callParams({ callSid: theirs.callSid, from: theirs.from, to: salon.twilioNumber! }), Digits: "3" };
  const xml = await (await postVoice("/api/webhooks/twilio/voice/gather", params, { query: "?attempt=1" })).text();
  expect(xml).toContain("Men's Cut");
  expect(await db.callLog.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ reason: null, salonId: other.id });
});

const GATHER = "/api/webhooks/twilio/voice/gather";
// The gather after an answer to the first one, as its action URL names it.
const FOLLOW_UP = "?attempt=1&followUp=1&step=2";

/** One more turn on the same call, through the signed route, as Twilio posts it. */
async function reply(call: { callSid: string; from: string }, input: { speech?: string; digits?: string }, query = "?attempt=1") {
  const params = {
    ...callParams({ callSid: call.callSid, from: call.from, to: salon.twilioNumber!, status: "in-progress" }),
    ...(input.speech !== undefined ? { SpeechResult: input.speech, Confidence: "0.9" } : {}),
    ...(input.digits !== undefined ? { Digits: input.digits } : {}),
  };
  const res = await postVoice(GATHER, params, { query });
  expect(res.status).toBe(200);
  const xml = await res.text();
  expect(xml).not.toContain("having trouble");
  return { xml, reason: (await db.callLog.findUniqueOrThrow({ where: { callSid: call.callSid } })).reason };
}

describe("after an answer: 'Is there anything else?'", () => {
  it.each(["no", "No thanks.", "That's all, thank you.", "Bye!", "Nothing.", "nope, I'm good", "banana"])(
    "ends the call politely on %j and keeps the call's reason",
    async (speech) => {
      const call = await createCallLog(salon.id, { to: salon.twilioNumber! });
      expect((await reply(call, { digits: "2" })).reason).toBe("ADDRESS");
      const { xml, reason } = await reply(call, { speech }, FOLLOW_UP);
      expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?><Response><Say>Thanks for calling Luxe Hair. Goodbye.</Say><Hangup/></Response>`);
      expect(reason).toBe("ADDRESS");
    },
  );

  it("asks kindly, and says goodbye with the salon's name when the caller says nothing", async () => {
    const { xml } = await turn({ digits: "1" });
    expect(xml).toContain("Is there anything else I can help you with?");
    expect(xml).not.toContain("hang up");
    expect(xml).toMatch(/<\/Gather><Say>Thanks for calling Luxe Hair\. Goodbye\.<\/Say><Hangup\/><\/Response>$/);
  });

  it("reads the whole menu again on 'yes', still as a follow-up", async () => {
    const call = await createCallLog(salon.id, { to: salon.twilioNumber! });
    await reply(call, { digits: "3" });
    const { xml, reason } = await reply(call, { speech: "Yes." }, FOLLOW_UP);
    expect(xml).toContain("press 1 for our hours, 2 for our address");
    expect(xml).toContain(followUpMenu(3));
    expect(reason).toBe("PRICES");
  });

  it("still answers a new question", async () => {
    const call = await createCallLog(salon.id, { to: salon.twilioNumber! });
    await reply(call, { digits: "1" });
    const { xml, reason } = await reply(call, { speech: "and where are you located" }, FOLLOW_UP);
    expect(xml).toContain("We're at 12 Main Street");
    expect(reason).toBe("ADDRESS");
  });
});

describe("the call's reason is the most significant thing asked", () => {
  it.each([
    ["booking, then hours", "BOOKING", [{ digits: "4" }, { speech: "what are your hours" }]],
    ["hours, then booking", "BOOKING", [{ digits: "1" }, { speech: "can I book a blowout" }]],
    ["prices, then a person", "TRANSFER", [{ digits: "3" }, { digits: "5" }]],
  ])("%s → %s", async (_name, expected, turns) => {
    const call = await createCallLog(salon.id, { to: salon.twilioNumber!, from: uniquePhone() });
    const [first, second] = turns;
    await reply(call, first!);
    expect((await reply(call, second!, FOLLOW_UP)).reason).toBe(expected);
  });

  it("replaces 'not understood' once the caller is understood", async () => {
    const call = await createCallLog(salon.id, { to: salon.twilioNumber! });
    expect((await reply(call, { speech: "banana" })).reason).toBe("UNKNOWN");
    expect((await reply(call, { speech: "how much is a haircut" }, "?attempt=2&step=2")).reason).toBe("PRICES");
  });
});

describe("understanding callers", () => {
  it.each([
    ["key 0", { digits: "0" }],
    ["'operator'", { speech: "operator" }],
    ["'cancel my appointment'", { speech: "I need to cancel my appointment" }],
    ["'change my appointment'", { speech: "can I change my appointment to Friday" }],
  ])("puts %s through to staff, with no booking text", async (_name, input) => {
    const from = uniquePhone();
    const { xml, reason } = await turn({ ...input, from });
    expect(xml).toContain(`>${forwardingPhone}</Dial>`);
    expect(reason).toBe("TRANSFER");
    expect(await db.notification.count({ where: { salonId: salon.id, destination: from } })).toBe(0);
  });

  it("reads the address for 'how do I get there' and books 'a haircut today'", async () => {
    expect((await turn({ speech: "How do I get there?" })).reason).toBe("ADDRESS");
    const booking = await turn({ speech: "Can I get a haircut today?" });
    expect(booking.reason).toBe("BOOKING");
    expect(booking.xml).toContain("I've just sent you a text with how to book.");
  });
});

describe("a salon that has not set its hours", () => {
  let noHours: WebhookSalon;
  beforeAll(async () => {
    const created = await createSalon({ name: "Nohours", twilioNumber: uniquePhone(), forwardingPhone: uniquePhone() });
    noHours = (await findSalonByNumber(created.twilioNumber!))!;
  });

  async function ask(input: { speech?: string; digits?: string }, now: Date) {
    const call = await createCallLog(noHours.id, { to: noHours.twilioNumber! });
    const params = gatherParamsSchema.parse({
      ...callParams({ callSid: call.callSid, from: call.from, to: noHours.twilioNumber! }),
      ...(input.speech ? { SpeechResult: input.speech } : { Digits: input.digits }),
    });
    const xml = (await handleGather({ params, salon: noHours, log: logger, attempt: 1, now })).toString();
    return { xml, reason: (await db.callLog.findUniqueOrThrow({ where: { id: call.id } })).reason };
  }

  it.each([
    ["at noon", CLOCK.tuesdayNoon],
    ["at night", CLOCK.tuesdayNight],
  ])("never rings the forwarding phone %s: the caller leaves a message", async (_name, now) => {
    const { xml, reason } = await ask({ speech: "can I talk to someone" }, now);
    expect(xml).not.toContain("<Dial");
    expect(xml).toContain("I can't put you through right now");
    expect(xml).toContain("<Record");
    expect(reason).toBe("TRANSFER");
  });

  it("says it has no hours on file and offers a text or a message", async () => {
    const { xml } = await ask({ digits: "1" }, CLOCK.tuesdayNoon);
    expect(xml).toContain("I don't have our opening hours on file yet. You can text this number or leave a message");
    expect(xml).not.toContain("closed");
  });
});

describe("the engine seam", () => {
  it("answers with the rules when the configured engine fails", async () => {
    const broken = { name: "broken", interpret: () => Promise.reject(new Error("model unavailable")) };
    const call = await createCallLog(salon.id, { to: salon.twilioNumber! });
    const params = gatherParamsSchema.parse({ ...callParams({ callSid: call.callSid, from: call.from, to: salon.twilioNumber! }), Digits: "1" });
    const xml = (await handleGather({ params, salon, log: logger, attempt: 1, now: CLOCK.tuesdayNoon, engine: broken })).toString();
    expect(xml).toContain("We're open today until 7 PM.");
  });
});
