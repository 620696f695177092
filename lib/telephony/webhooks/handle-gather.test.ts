// Every receptionist answer, in and out of business hours, on ordinary days and on the days the
// salon's clocks change (a fixed clock is injected; the salon is in New York). Misunderstandings,
// follow-ups and repeats are in handle-gather-follow-up.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { processDeliverJob } from "@/lib/messaging/delivery/deliver-notification";
import { logger } from "@/lib/logger";
import { OPTED_OUT_REASON } from "@/lib/messaging/send-sms";
import { updateService } from "@/lib/services/mutations";
import { createCallLog, createCustomer, createSalon, uniquePhone } from "@/lib/testing/factories";
import { findSalonByNumber, type WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { buildWebhookUrl } from "@/lib/telephony/signature";
import { handleGather } from "@/lib/telephony/webhooks/handle-gather";
import { CLOCK, createReceptionistSalon, gatherAction, newCall, reply, turn as turnAt, type TurnInput } from "@/lib/testing/gather-test-kit";
import { callEventsOf, callParams, postVoice } from "@/lib/testing/voice-test-kit";
import { gatherParamsSchema } from "@/lib/telephony/params/voice";

let standIn: TwilioStandIn;
let salon: WebhookSalon;
let forwardingPhone: string;

beforeAll(async () => {
  standIn = await startStandInForTests();
  ({ salon, forwardingPhone } = await createReceptionistSalon());
});
afterAll(() => standIn.close());

const turn = (input: TurnInput) => turnAt(salon, input);
const followUpMenu = gatherAction("?attempt=1&followUp=1&step=2");

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
    expect(xml).toContain("Our hours are Monday to Saturday, 9 AM to 7 PM and Sunday, 10 AM to 4 PM.");
    expect(xml).toContain(followUpMenu);
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

  it("hears a price edited on the Services page on the very next call, through the signed route", async () => {
    const before = await reply(await newCall(salon), { speech: "how much is a haircut" });
    expect(before.xml).toContain("Men's Cut, $35;");
    const mensCut = await db.service.findFirstOrThrow({ where: { salonId: salon.id, name: "Men's Cut" } });
    await updateService(salon.id, mensCut.id, { priceCents: 3800 });
    try {
      // The salon lookup is cached for 30 s; the prices are not.
      const after = await reply(await newCall(salon), { speech: "how much is a haircut" });
      expect(after.xml).toContain("Here are our prices. Men's Cut, $38; and Blowout, $45.50.");
    } finally {
      await updateService(salon.id, mensCut.id, { priceCents: 3500 });
    }
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

  it("does not promise a text to a caller who opted out, sends none, and notes why they got voicemail", async () => {
    const from = uniquePhone();
    await createCustomer(salon.id, { phone: from, smsConsent: "OPTED_OUT", optedOutAt: new Date() });
    const { xml, call } = await turn({ digits: "4", from });
    expect(xml).toContain("You've opted out of texts from us");
    expect(xml).not.toContain("I've just sent you a text");
    expect(xml).toContain("<Record");
    // The booking text is on record as not sent, and even its delivery job sends nothing.
    const [text, ...others] = await db.notification.findMany({ where: { salonId: salon.id, destination: from } });
    expect(others).toEqual([]);
    expect(text).toMatchObject({ kind: "BOOKING_INFO", status: "CANCELED", failureReason: OPTED_OUT_REASON });
    await processDeliverJob({ notificationId: text!.id, salonId: salon.id }, { retryCount: 0, retryLimit: 5 });
    await standIn.state.settled();
    expect(standIn.state.messages.filter((m) => m.to === from)).toEqual([]);
    expect((await db.notification.findUniqueOrThrow({ where: { id: text!.id } })).status).toBe("CANCELED");
    expect((await callEventsOf(call.callSid)).map((e) => [e.kind, e.detail])).toEqual([
      ["HEARD", { digits: "4", intent: "BOOKING" }],
      ["VOICEMAIL_STARTED", { why: "opted-out" }],
    ]);
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
  ])("dials the salon's phone with call screening on %s", async (_name, now) => {
    const { xml, reason } = await turn({ speech: "can I speak to a person", now });
    expect(xml).toContain(
      `<Dial timeout="15" action="${buildWebhookUrl("/api/webhooks/twilio/voice/dial-result")}" method="POST">` +
        `<Number url="${buildWebhookUrl("/api/webhooks/twilio/voice/screen")}" method="POST">${forwardingPhone}</Number></Dial>`,
    );
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

  it.each([
    ["key 0", { digits: "0" }],
    ["'operator'", { speech: "operator" }],
    ["'cancel my appointment'", { speech: "I need to cancel my appointment" }],
    ["'change my appointment'", { speech: "can I change my appointment to Friday" }],
    ["'what time is my appointment'", { speech: "What time is my appointment?" }],
    ["'when is my appointment'", { speech: "when is my appointment" }],
    ["'is my appointment still on'", { speech: "Is my appointment still on?" }],
  ])("puts %s through to staff, with no booking text", async (_name, input) => {
    const from = uniquePhone();
    const { xml, reason } = await turn({ ...input, from });
    expect(xml).toContain(`>${forwardingPhone}</Number></Dial>`);
    // The reason says what the caller wanted; about their own appointment, staff take it for now.
    expect(["TRANSFER", "RESCHEDULE", "CANCEL", "CONFIRM"]).toContain(reason);
    if ("digits" in input || input.speech === "operator") expect(reason).toBe("TRANSFER");
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

  it.each([
    ["at noon", CLOCK.tuesdayNoon],
    ["at night", CLOCK.tuesdayNight],
  ])("never rings the forwarding phone %s: the caller leaves a message", async (_name, now) => {
    const { xml, reason } = await turnAt(noHours, { speech: "can I talk to someone", now });
    expect(xml).not.toContain("<Dial");
    expect(xml).toContain("I can't put you through right now");
    expect(xml).toContain("<Record");
    expect(reason).toBe("TRANSFER");
  });

  it("says it has no hours on file and offers a text or a message", async () => {
    const { xml } = await turnAt(noHours, { digits: "1" });
    expect(xml).toContain("I don't have our opening hours on file yet. You can text this number or leave a message");
    expect(xml).not.toContain("closed");
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

describe("the engine seam", () => {
  it("answers with the rules when the configured engine fails", async () => {
    const broken = { name: "broken", interpret: () => Promise.reject(new Error("model unavailable")) };
    const call = await createCallLog(salon.id, { to: salon.twilioNumber! });
    const params = gatherParamsSchema.parse({ ...callParams({ callSid: call.callSid, from: call.from, to: salon.twilioNumber! }), Digits: "1" });
    const xml = (await handleGather({ params, salon, log: logger, attempt: 1, now: CLOCK.tuesdayNoon, engine: broken })).toString();
    expect(xml).toContain("We're open today until 7 PM.");
  });
});
