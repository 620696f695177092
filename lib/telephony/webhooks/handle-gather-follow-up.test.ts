// Callers Bolt doesn't understand, and what happens after an answer: "Nothing understood → one
// reprompt, then voicemail" at the first menu and at "Is there anything else?" alike; a whole goodbye
// (or silence) ends the call; asking for the options again is capped; the call's reason is the most
// significant thing asked. Turns go through the signed gather route, following each TwiML's action.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WebhookSalon } from "@/lib/telephony/find-salon-by-number";
import type { TwilioStandIn } from "@/lib/dev/twilio-sandbox";
import { startStandInForTests } from "@/lib/testing/twilio-sandbox";
import { buildWebhookUrl } from "@/lib/telephony/signature";
import { createReceptionistSalon, gatherAction, newCall, reply, turn as turnAt, type TurnInput } from "@/lib/testing/gather-test-kit";
import { callEventsOf, nextGatherQuery } from "@/lib/testing/voice-test-kit";

let standIn: TwilioStandIn;
let salon: WebhookSalon;

beforeAll(async () => {
  standIn = await startStandInForTests();
  ({ salon } = await createReceptionistSalon());
});
afterAll(() => standIn.close());

const turn = (input: TurnInput) => turnAt(salon, input);
// The gather after an answer to the first one, as its action URL names it.
const FOLLOW_UP = "?attempt=1&followUp=1&step=2";
const GOODBYE = `<Say>Thanks for calling Luxe Hair. Goodbye.</Say><Hangup/></Response>`;
const record =
  `<Record maxLength="120" playBeep="true" finishOnKey="#" transcribe="true" ` +
  `transcribeCallback="${buildWebhookUrl("/api/webhooks/twilio/voice/transcription")}" ` +
  `recordingStatusCallback="${buildWebhookUrl("/api/webhooks/twilio/voice/recording")}" recordingStatusCallbackEvent="completed" ` +
  `action="${buildWebhookUrl("/api/webhooks/twilio/voice/recorded")}" method="POST"/>`;

describe("at the first menu", () => {
  it.each([
    ["in hours", new Date("2026-03-10T16:00:00Z")],
    ["after hours", new Date("2026-03-11T02:00:00Z")],
  ])("records up to two minutes with transcription on request %s", async (_name, now) => {
    const { xml, reason } = await turn({ speech: "I'd like to leave a message", now });
    expect(xml).toContain(record);
    expect(reason).toBe("VOICEMAIL");
  });

  it("reprompts once when nothing is understood, then takes a message; the reason says not understood", async () => {
    const first = await turn({ speech: "banana" });
    expect(first.xml).toContain("Sorry, I didn't catch that.");
    expect(first.xml).toContain(gatherAction("?attempt=2&step=2"));
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
    expect((await reply(await newCall(salon), { speech: "mumble" }, "?attempt=2")).xml).toContain("<Record");
  });
});

describe("after an answer: 'Is there anything else?'", () => {
  it.each(["no", "No thanks.", "That's all, thank you.", "Bye!", "Nothing.", "nope, I'm good", "Nothing else, thank you."])(
    "ends the call politely on %j and keeps the call's reason",
    async (speech) => {
      const call = await newCall(salon);
      expect((await reply(call, { digits: "2" })).reason).toBe("ADDRESS");
      const { xml, reason } = await reply(call, { speech }, FOLLOW_UP);
      expect(xml).toBe(`<?xml version="1.0" encoding="UTF-8"?><Response>${GOODBYE}`);
      expect(reason).toBe("ADDRESS");
    },
  );

  // "No, I wanted to ask about gift cards" was here under the keyword rules; the trained model reads
  // "I wanted to ask about…" as wanting a person, and is put through (or to voicemail when closed).
  it.each(["banana", "No, do you sell gift cards for dogs"])(
    "asks once more on %j (naming goodbye as the way out), then takes a message; the reason stays",
    async (speech) => {
      const call = await newCall(salon);
      await reply(call, { digits: "2" });
      const again = await reply(call, { speech }, FOLLOW_UP);
      expect(again.xml).toContain("Sorry, I didn't catch that.");
      expect(again.xml).toContain("if that's everything, just say goodbye.");
      expect(again.xml).toContain(gatherAction("?attempt=2&followUp=1&step=3"));
      // Silence at the reprompt still ends the call kindly.
      expect(again.xml.endsWith(`</Gather>${GOODBYE}`)).toBe(true);
      expect(again.reason).toBe("ADDRESS");

      const last = await reply(call, { speech }, nextGatherQuery(again.xml));
      expect(last.xml).toContain("Sorry, I still didn't catch that.");
      expect(last.xml).toContain(record);
      expect(last.reason).toBe("ADDRESS");
      expect((await callEventsOf(call.CallSid)).map((e) => e.kind)).toEqual([
        "ANSWERED", "HEARD", "HEARD", "REPROMPT", "HEARD", "VOICEMAIL_STARTED",
      ]);
    },
  );

  it("still ends the call on a goodbye after the reprompt", async () => {
    const call = await newCall(salon);
    await reply(call, { digits: "1" });
    const again = await reply(call, { speech: "hmm" }, FOLLOW_UP);
    expect((await reply(call, { speech: "no thank you, bye" }, nextGatherQuery(again.xml))).xml).toContain(GOODBYE);
  });

  it("asks kindly, and says goodbye with the salon's name when the caller says nothing", async () => {
    const { xml } = await turn({ digits: "1" });
    expect(xml).toContain("Is there anything else I can help you with?");
    expect(xml).not.toContain("hang up");
    expect(xml).toMatch(/<\/Gather><Say>Thanks for calling Luxe Hair\. Goodbye\.<\/Say><Hangup\/><\/Response>$/);
  });

  it("reads the whole menu again on 'yes', still as a follow-up", async () => {
    const call = await newCall(salon);
    await reply(call, { digits: "3" });
    const { xml, reason } = await reply(call, { speech: "Yes." }, FOLLOW_UP);
    expect(xml).toContain("press 1 for our hours, 2 for our address");
    expect(xml).toContain(gatherAction("?attempt=1&followUp=1&step=3&repeats=1"));
    expect(reason).toBe("PRICES");
  });

  it("still answers a new question", async () => {
    const call = await newCall(salon);
    await reply(call, { digits: "1" });
    const { xml, reason } = await reply(call, { speech: "and where are you located" }, FOLLOW_UP);
    expect(xml).toContain("We're at 12 Main Street");
    expect(reason).toBe("ADDRESS");
  });
});

describe("asking for the options again", () => {
  it("reads them twice, then counts a third 'repeat' as not understood: one reprompt, then voicemail", async () => {
    const call = await newCall(salon);
    let xml = await reply(call, { speech: "can you repeat that" }).then((r) => r.xml);
    expect(xml).toContain(gatherAction("?attempt=1&step=2&repeats=1"));
    xml = (await reply(call, { speech: "repeat" }, nextGatherQuery(xml))).xml;
    expect(xml).toContain("press 1 for our hours");
    expect(xml).toContain(gatherAction("?attempt=1&step=3&repeats=2"));
    xml = (await reply(call, { speech: "repeat" }, nextGatherQuery(xml))).xml;
    expect(xml).toContain("Sorry, I didn't catch that.");
    expect(xml).toContain(gatherAction("?attempt=2&step=4&repeats=2"));
    const last = await reply(call, { speech: "repeat" }, nextGatherQuery(xml));
    expect(last.xml).toContain(record);
    expect(last.reason).toBe("UNKNOWN");
  });

  it("still answers a real question after the options were read twice", async () => {
    // At the handler with the kit's clock (Tuesday noon): through the route the answer follows the wall clock.
    const { xml } = await turn({ digits: "1", step: 3, repeats: 2 });
    expect(xml).toContain("We're open today until 7 PM.");
  });
});

describe("the call's reason is the most significant thing asked", () => {
  it.each([
    ["booking, then hours", "BOOKING", [{ digits: "4" }, { speech: "what are your hours" }]],
    ["hours, then booking", "BOOKING", [{ digits: "1" }, { speech: "can I book a blowout" }]],
    ["prices, then a person", "TRANSFER", [{ digits: "3" }, { digits: "5" }]],
  ])("%s → %s", async (_name, expected, turns) => {
    const call = await newCall(salon);
    const [first, second] = turns;
    await reply(call, first!);
    expect((await reply(call, second!, FOLLOW_UP)).reason).toBe(expected);
  });

  it("replaces 'not understood' once the caller is understood", async () => {
    const call = await newCall(salon);
    expect((await reply(call, { speech: "banana" })).reason).toBe("UNKNOWN");
    expect((await reply(call, { speech: "how much is a haircut" }, "?attempt=2&step=2")).reason).toBe("PRICES");
  });
});
