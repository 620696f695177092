// Every receptionist answer, in and out of business hours, on ordinary days and on the days the
// salon's clocks change (a fixed clock is injected; the salon is in New York). Misunderstandings,
// follow-ups and repeats are in handle-gather-follow-up.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { processDeliverJob } from "@/lib/messaging/delivery/deliver-notification";
import { logger } from "@/lib/logger";
import { OPTED_OUT_REASON } from "@/lib/messaging/send-sms";
import { updateService } from "@/lib/services/mutations";
import { createAppointment, createCallLog, createCustomer, createEmployee, createSalon, createService, uniquePhone } from "@/lib/testing/factories";
import { findSalonByNumber, type WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { buildWebhookUrl } from "@/lib/telephony/signature";
import { handleGather } from "@/lib/telephony/webhooks/handle-gather";
import { CLOCK, createReceptionistSalon, gatherAction, newCall, reply, turn as turnAt, type TurnInput } from "@/lib/testing/gather-test-kit";
import { callEventsOf, callParams, createVoiceSalon, nextGatherQuery, postVoice } from "@/lib/testing/voice-test-kit";
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

  it("honours a closure the owner set: the hours say why, and nobody is rung", async () => {
    const closing = await createReceptionistSalon();
    await db.specialDay.create({ data: { salonId: closing.salon.id, date: new Date("2026-03-10"), label: "Inventory" } });
    const hours = await turnAt(closing.salon, { speech: "when are you open" });
    expect(hours.xml).toContain("We're closed today for Inventory; we open tomorrow at 9 AM. Our hours are");
    const transfer = await turnAt(closing.salon, { digits: "5" });
    expect(transfer.xml).not.toContain("<Dial");
    expect(transfer.xml).toContain("We're closed today for Inventory; we open tomorrow at 9 AM.");
  });
});

describe("address and prices", () => {
  it("reads the address", async () => {
    const { xml, reason } = await turn({ digits: "2" });
    expect(xml).toContain("We're at 12 Main Street, Suite 4, Brooklyn, NY 11201.");
    expect(reason).toBe("ADDRESS");
  });

  it("reads this salon's active services with prices, cheapest first; a service named gets its price and length", async () => {
    const { xml, reason } = await turn({ speech: "what are your prices" });
    expect(xml).toContain("Here are our prices. Men's Cut, $35; and Blowout, $45.50.");
    expect((await turn({ speech: "how much is a blowout" })).xml).toContain("A Blowout is $45.50 and takes about");
    expect(xml).not.toContain("Retired Perm");
    expect(xml).not.toContain("Other Salon Special");
    expect(reason).toBe("PRICES");
  });

  it("hears a price edited on the Services page on the very next call, through the signed route", async () => {
    const before = await reply(await newCall(salon), { speech: "how much is a haircut" });
    expect(before.xml).toContain("A Men's Cut is $35 and takes about");
    const mensCut = await db.service.findFirstOrThrow({ where: { salonId: salon.id, name: "Men's Cut" } });
    await updateService(salon.id, mensCut.id, { priceCents: 3800 });
    try {
      // The salon lookup is cached for 30 s; the prices are not.
      const after = await reply(await newCall(salon), { speech: "how much is a haircut" });
      expect(after.xml).toContain("A Men's Cut is $38 and takes about");
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

describe("Spanish", () => {
  const spanishMenu = gatherAction("?attempt=1&step=2&repeats=1&lang=es");

  it("key 9 switches the call to Spanish: the full menu in es-US, lang=es onward, the choice noted and remembered", async () => {
    const customer = await createCustomer(salon.id);
    const logged = await createCallLog(salon.id, { to: salon.twilioNumber!, from: customer.phone, customerId: customer.id });
    const params = gatherParamsSchema.parse({ ...callParams({ callSid: logged.callSid, from: logged.from, to: salon.twilioNumber! }), Digits: "9" });
    const xml = (await handleGather({ params, salon, log: logger, attempt: 1, now: CLOCK.tuesdayNoon })).toString();
    const call = await db.callLog.findUniqueOrThrow({ where: { id: logged.id } });
    expect(xml).toMatch(/<Gather [^>]*language="es-US"/);
    expect(xml).toContain(spanishMenu);
    expect(xml).toContain('<Say language="es-US" voice="Polly.Lupe">Puede decir lo que necesita');
    expect(xml).toContain("<Say>For English, press 9.</Say>");
    expect(call.language).toBe("es");
    expect((await callEventsOf(call.callSid)).map((e) => [e.kind, e.detail])).toEqual([
      ["HEARD", { digits: "9", intent: "MENU" }],
      ["LANGUAGE_CHOSEN", { language: "es", by: "keys" }],
    ]);
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).language).toBe("es");
  });

  it("answers a Spanish call in Spanish: every Say in es-US, the next gather keeps lang=es", async () => {
    const call = await createCallLog(salon.id, { to: salon.twilioNumber!, language: "es" });
    const params = gatherParamsSchema.parse({ ...callParams({ callSid: call.callSid, from: call.from, to: salon.twilioNumber! }), SpeechResult: "mmm" });
    const xml = (await handleGather({ params, salon, log: logger, attempt: 1, language: "es", now: CLOCK.tuesdayNoon })).toString();
    expect(xml).toContain('<Say language="es-US" voice="Polly.Lupe">Perdón, no le entendí.</Say>');
    expect(xml).toContain(gatherAction("?attempt=2&step=2&lang=es"));
    expect(xml).not.toMatch(/<Say>(?!For English)/);
  });

  it("a Spanish first utterance (the engine detects the language) switches the call to Spanish", async () => {
    const customer = await createCustomer(salon.id);
    const spanish = { name: "stub", interpret: () => Promise.resolve({ intent: "VOICEMAIL" as const, confidence: 0.9, language: "es" as const }) };
    const call = await createCallLog(salon.id, { to: salon.twilioNumber!, from: customer.phone, customerId: customer.id });
    const params = gatherParamsSchema.parse({
      ...callParams({ callSid: call.callSid, from: call.from, to: salon.twilioNumber! }),
      SpeechResult: "quiero dejar un mensaje",
    });
    const xml = (await handleGather({ params, salon, log: logger, attempt: 1, now: CLOCK.tuesdayNoon, engine: spanish })).toString();
    expect(xml).toContain('<Say language="es-US" voice="Polly.Lupe">Claro. Por favor deje su nombre');
    expect(xml).toContain(buildWebhookUrl("/api/webhooks/twilio/voice/recorded?lang=es"));
    expect((await callEventsOf(call.callSid)).map((e) => e.kind)).toEqual(["HEARD", "LANGUAGE_CHOSEN", "VOICEMAIL_STARTED"]);
    expect((await db.callLog.findUniqueOrThrow({ where: { id: call.id } })).language).toBe("es");
    expect((await db.customer.findUniqueOrThrow({ where: { id: customer.id } })).language).toBe("es");
  });
});

describe("booking, moving and cancelling on the call (signed webhooks)", () => {
  const ALWAYS_OPEN = Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ open: "00:00", close: "23:59" }]]));
  let bookable: WebhookSalon;
  let maria: { id: string };
  let cut: { id: string };
  beforeAll(async () => {
    ({ salon: bookable } = await createVoiceSalon({ timeZone: "UTC", businessHours: ALWAYS_OPEN }));
    maria = await createEmployee(bookable.id, { name: "Maria", workingHours: ALWAYS_OPEN });
    cut = await createService(bookable.id, { name: "Women's Cut", durationMinutes: 60 });
    await db.employeeService.create({ data: { salonId: bookable.id, employeeId: maria.id, serviceId: cut.id } });
  });

  /** One answer on the call, to the gather the previous TwiML asked (the route's own clock). */
  async function answer(call: Awaited<ReturnType<typeof newCall>>, input: { speech?: string; digits?: string }, previousXml?: string) {
    return reply(call, input, previousXml ? nextGatherQuery(previousXml) : "?attempt=1");
  }

  it("asks who and when, offers real slots, books the key pressed, texts the confirmation and plans reminders", async () => {
    const call = await newCall(bookable);
    const ask = await answer(call, { digits: "4" });
    expect(ask.xml).toContain("Who would you like (Maria, or anyone), and what day and time suit you?");
    expect(ask.reason).toBe("BOOKING");
    const offer = await answer(call, { speech: "anyone tomorrow afternoon" }, ask.xml);
    expect(offer.xml).toMatch(/For a Women's Cut we have: 1\) .+ with Maria, 2\) .+ with Maria, 3\) .+ with Maria\. Press 1, 2 or 3\./);
    const bookedQuery = nextGatherQuery(offer.xml);
    const booked = await answer(call, { digits: "1" }, offer.xml);
    expect(booked.xml).toMatch(/You're booked: Women's Cut with Maria on .+\. I'll text you the confirmation\./);
    expect(booked.xml).toContain("Is there anything else I can help you with?");
    // Twilio retrying that gather gets the same answer and books nothing more.
    expect((await reply(call, { digits: "1" }, bookedQuery)).xml).toBe(booked.xml);
    const customer = await db.customer.findFirstOrThrow({ where: { salonId: bookable.id, phone: call.From } });
    const [appointment, ...others] = await db.appointment.findMany({ where: { salonId: bookable.id, customerId: customer.id } });
    expect(others).toEqual([]);
    expect(appointment).toMatchObject({ employeeId: maria.id, serviceId: cut.id, status: "BOOKED" });
    const texts = await db.notification.findMany({ where: { appointmentId: appointment!.id }, select: { kind: true } });
    expect(texts.filter((t) => t.kind === "CONFIRMATION")).toHaveLength(1);
    expect(texts.filter((t) => t.kind === "REMINDER").length).toBeGreaterThan(0);
    const kinds = (await callEventsOf(call.CallSid)).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(["SLOTS_OFFERED", "APPOINTMENT_BOOKED"]));
  });

  it("cancels after 'press 1' naming the appointment, and moves to an offered slot", async () => {
    const call = await newCall(bookable);
    const customer = await createCustomer(bookable.id, { phone: call.From });
    const appt = await createAppointment(bookable.id, { customerId: customer.id, employeeId: maria.id, serviceId: cut.id, startsAt: new Date(Date.now() + 3 * 24 * 60 * 60_000) });
    const move = await answer(call, { speech: "Can I move my appointment?" });
    expect(move.xml).toMatch(/To move your Women's Cut with Maria on .+, we have: 1\) .+ Press 1, 2 or 3\./);
    expect(move.reason).toBe("RESCHEDULE");
    const moved = await answer(call, { digits: "2" }, move.xml);
    expect(moved.xml).toContain("Done: your appointment is now Women's Cut with Maria on");
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).startsAt).not.toEqual(appt.startsAt);

    const ask = await answer(call, { speech: "Actually I need to cancel my appointment" }, moved.xml);
    expect(ask.xml).toMatch(/Press 1 to cancel your Women's Cut with Maria on .+, or 2 to keep it\./);
    const cancelled = await answer(call, { digits: "1" }, ask.xml);
    expect(cancelled.xml).toMatch(/Done: your Women's Cut with Maria on .+ is cancelled\./);
    expect((await db.appointment.findUniqueOrThrow({ where: { id: appt.id } })).status).toBe("CANCELLED");
    expect((await callEventsOf(call.CallSid)).map((e) => e.kind)).toEqual(expect.arrayContaining(["APPOINTMENT_MOVED", "APPOINTMENT_CANCELLED"]));
  });

  it("can't book a caller whose number is withheld: says so and takes a message", async () => {
    const { xml } = await turnAt(bookable, { speech: "I'd like to book a haircut", from: "anonymous" });
    expect(xml).toContain("I can't book or change appointments without your phone number");
    expect(xml).toContain("<Record");
  });
});
