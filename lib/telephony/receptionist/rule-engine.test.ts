// The rule-based receptionist: keys 0–6, spoken numbers and the everyday ways callers ask.
import { describe, expect, it } from "vitest";
import { interpretByRules, ruleEngine } from "@/lib/telephony/receptionist/rule-engine";
import { getReceptionist } from "@/lib/telephony/receptionist";
import { nluEngine } from "@/lib/telephony/receptionist/nlu-engine";

const intentOf = (speech: string | null, digits: string | null = null) => interpretByRules({ speech, digits }).intent;

describe("interpretByRules", () => {
  it.each([
    ["1", "HOURS"],
    ["2", "ADDRESS"],
    ["3", "PRICES"],
    ["4", "BOOKING"],
    ["5", "TRANSFER"],
    ["6", "VOICEMAIL"],
    ["0", "TRANSFER"],
  ])("maps key %s to %s with full confidence", (digits, intent) => {
    expect(interpretByRules({ speech: null, digits })).toEqual({ intent, confidence: 1 });
  });

  it("ignores keys outside the menu", () => {
    expect(intentOf(null, "9")).toBe("UNKNOWN");
    expect(intentOf(null, "#")).toBe("UNKNOWN");
    expect(intentOf(null, "*")).toBe("UNKNOWN");
  });

  it.each([
    ["Hours.", "HOURS"],
    ["When are you open?", "HOURS"],
    ["What time do you close today", "HOURS"],
    ["are you open on sundays", "HOURS"],
    ["Address", "ADDRESS"],
    ["Where are you located?", "ADDRESS"],
    ["I need directions to the salon", "ADDRESS"],
    ["How much is a haircut?", "PRICES"],
    ["What are your prices", "PRICES"],
    ["how much does balayage cost", "PRICES"],
    ["I'd like to book", "BOOKING"],
    ["Can I make an appointment for Friday?", "BOOKING"],
    ["I want to schedule a color", "BOOKING"],
    ["do you have any openings tomorrow", "BOOKING"],
    ["What time can I book an appointment", "BOOKING"],
    ["Can I speak to someone please", "TRANSFER"],
    ["Person.", "TRANSFER"],
    ["human", "TRANSFER"],
    ["representative", "TRANSFER"],
    ["Operator!", "TRANSFER"],
    ["talk to a real person about my appointment", "TRANSFER"],
    ["I'd like to leave a message", "VOICEMAIL"],
    ["Voicemail", "VOICEMAIL"],
    ["voice mail please", "VOICEMAIL"],
    ["can I leave a message about my appointment", "VOICEMAIL"],
    ["one", "HOURS"],
    ["Press 4.", "BOOKING"],
    ["option six", "VOICEMAIL"],
    ["5", "TRANSFER"],
    ["zero", "TRANSFER"],
    ["Press 0.", "TRANSFER"],
    ["Reception, please", "TRANSFER"],
    ["I need to cancel my appointment", "TRANSFER"],
    ["Can I change my appointment to Friday?", "TRANSFER"],
    ["I'd like to reschedule", "TRANSFER"],
    ["I want to cancel my appointment and book a new one", "TRANSFER"],
    ["I'm running late for my appointment", "TRANSFER"],
    ["How do I get there?", "ADDRESS"],
    ["Directions", "ADDRESS"],
    ["Can I get a haircut today?", "BOOKING"],
    ["I need a trim tomorrow", "BOOKING"],
    ["could I come in this afternoon", "BOOKING"],
    ["do you take walk-ins", "BOOKING"],
    ["How much is a haircut today?", "PRICES"],
    ["Are you open tomorrow?", "HOURS"],
    ["No thanks.", "DONE"],
    ["No.", "DONE"],
    ["That's all, thank you.", "DONE"],
    ["Bye!", "DONE"],
    ["goodbye", "DONE"],
    ["Nothing.", "DONE"],
    ["nope I'm good", "DONE"],
    ["Nothing else, thank you.", "DONE"],
    ["No thank you, bye.", "DONE"],
    ["OK, that's it. Thanks!", "DONE"],
    ["I'm all set, have a good day", "DONE"],
    ["What time is my appointment?", "TRANSFER"],
    ["When is my appointment", "TRANSFER"],
    ["when's my appointment tomorrow", "TRANSFER"],
    ["Is my appointment still on?", "TRANSFER"],
    ["I forgot what time my appointment is", "TRANSFER"],
    ["can you check my booking for Saturday", "TRANSFER"],
    ["Yes.", "MENU"],
    ["yes please", "MENU"],
    ["Can you repeat the options?", "MENU"],
    ["No, what are your prices?", "PRICES"],
    ["Thank you, can I book a color?", "BOOKING"],
  ])("understands %j as %s", (speech, intent) => {
    expect(intentOf(speech)).toBe(intent);
  });

  it.each([
    "",
    "   ",
    "banana",
    "uh hmm",
    "facebook",
    "today",
    "tomorrow please",
    "okay",
    // A "no" that starts a question is not a goodbye: only a whole goodbye is.
    "No, I wanted to ask about gift cards",
    "thanks, do you sell gift cards",
    "nothing works on your website",
  ])("does not guess at %j", (speech) => {
    expect(interpretByRules({ speech, digits: null })).toEqual({ intent: "UNKNOWN", confidence: 0 });
  });

  it("reads a long mumble of goodbye words quickly (no runaway backtracking)", () => {
    const started = performance.now();
    expect(intentOf(`${"no thanks bye ".repeat(40)}banana`)).toBe("UNKNOWN");
    expect(performance.now() - started).toBeLessThan(50);
  });

  it("prefers a key press over speech, and is less sure when several topics are mentioned", () => {
    expect(intentOf("where are you", "1")).toBe("HOURS");
    expect(interpretByRules({ speech: "where are you", digits: null }).confidence).toBeGreaterThan(
      interpretByRules({ speech: "where are you and how much", digits: null }).confidence,
    );
  });
});

describe("engine selection", () => {
  it("uses the trained engine by default (RECEPTIONIST_ENGINE=nlu)", async () => {
    expect(getReceptionist()).toBe(nluEngine);
    expect(getReceptionist()).not.toBe(ruleEngine);
  });
});

describe("the nlu engine", () => {
  const salon = { id: "s", name: "Salon", timeZone: "America/New_York" };
  const catalog = {
    services: [{ id: "cut", name: "Women's Cut" }],
    stylists: [{ id: "maria", name: "Maria" }],
  };
  const now = new Date("2026-12-07T15:00:00Z");
  const interpret = (speech: string | null, digits: string | null = null, language?: "en" | "es") =>
    nluEngine.interpret({
      speech,
      digits,
      attempt: 1,
      salon,
      catalog,
      now,
      ...(language ? { language } : {}),
    });

  it("leaves keys, and keys said aloud, to the rules", async () => {
    expect(await interpret(null, "3")).toEqual({ intent: "PRICES", confidence: 1 });
    expect(await interpret("press two")).toEqual({ intent: "ADDRESS", confidence: 0.9 });
    expect(await interpret("oprima dos", null, "es")).toEqual({ intent: "ADDRESS", confidence: 0.9 });
  });

  it.each([
    ["can I get a women's cut with Maria tomorrow", "BOOKING"],
    ["I need to cancel my appointment", "CANCEL"],
    ["can we move my appointment to friday", "RESCHEDULE"],
    ["no that's all thank you bye", "DONE"],
    ["banana helicopter", "UNKNOWN"],
  ])("reads %j as %s and carries what it understood", async (speech, intent) => {
    const answer = await interpret(speech);
    expect(answer.intent).toBe(intent);
    expect(answer.understanding).toMatchObject({ engine: expect.any(String), language: "en" });
  });

  it("hands the dialogue the service, stylist and time", async () => {
    const answer = await interpret("can I get a women's cut with Maria tomorrow");
    expect(answer.understanding?.entities).toMatchObject({
      service: { id: "cut" },
      stylist: { id: "maria" },
      when: { precision: "day", start: new Date("2026-12-08T05:00:00Z") },
    });
  });

  it("keeps 'repeat the options' and a bare 'yes' as the menu", async () => {
    expect((await interpret("repeat the options")).intent).toBe("MENU");
    expect((await interpret("yes")).intent).toBe("MENU");
    expect((await interpret("sí", null, "es")).intent).toBe("MENU");
  });

  it("understands Spanish speech in Spanish", async () => {
    const answer = await interpret("quiero cancelar mi cita del jueves", null, "es");
    expect(answer).toMatchObject({
      intent: "CANCEL",
      understanding: { language: "es", entities: { when: { precision: "day" } } },
    });
  });
});
