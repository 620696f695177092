// The language-model engine over the wire, against the local OpenAI-compatible stand-in: the prompt
// it sends, the Understanding it makes of the answer, every way the model can fail it, and the
// receptionist seam (speech and texts) falling back to the NLU engine when it does.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLlmStandIn, type ScriptedReply } from "@/lib/dev/llm-sandbox";
import type { UnderstandInput } from "@/lib/receptionist/understanding";
import { interpretSafely } from "@/lib/telephony/receptionist/interpret-safely";
import { languageModelEngine } from "@/lib/telephony/receptionist/llm-engine";
import { nluEngine } from "@/lib/telephony/receptionist/nlu-engine";
import { understandText } from "@/lib/telephony/receptionist/understand-text";
import { captureLog } from "@/lib/testing/capture-log";
import { LanguageModelError, understandWithLanguageModel, type LanguageModelConfig } from "./understand-with-language-model";

const API_KEY = "sk-test-bolt-0123456789abcdef";
const standIn = createLlmStandIn({ apiKey: API_KEY, now: () => new Date("2026-12-09T19:00:00Z") });
let config: LanguageModelConfig;

// Wednesday Dec 9, 2026, 11:00 in Los Angeles (PST, UTC-8).
const input = (text: string, over: Partial<UnderstandInput> = {}): UnderstandInput => ({
  text,
  channel: "text",
  catalog: {
    services: [
      { id: "svc-cut", name: "Women's cut" },
      { id: "svc-color", name: "Color" },
    ],
    stylists: [
      { id: "sty-maria", name: "Maria Lopez" },
      { id: "sty-ana", name: "Ana" },
    ],
  },
  timeZone: "America/Los_Angeles",
  now: new Date("2026-12-09T19:00:00Z"),
  ...over,
});

beforeAll(async () => {
  await standIn.listen();
  config = { baseUrl: standIn.baseUrl, apiKey: API_KEY, model: "gpt-4o-mini", timeoutMs: 2_000 };
});
afterAll(() => standIn.close());
beforeEach(() => standIn.reset());

describe("understandWithLanguageModel", () => {
  it("reads a booking with the salon's service, stylist and time, resolved in the salon's zone", async () => {
    const understanding = await understandWithLanguageModel(input("Can I get a women's cut with Maria on Saturday at 4?"), config);
    expect(understanding).toEqual({
      intent: "BOOK",
      confidence: 0.9,
      language: "en",
      engine: "llm",
      entities: {
        service: { id: "svc-cut", name: "Women's cut", text: "womens cut" },
        stylist: { id: "sty-maria", name: "Maria Lopez", text: "maria" },
        // Saturday Dec 12, 4:00 PM PST.
        when: { text: "at 4", start: new Date("2026-12-13T00:00:00Z"), end: new Date("2026-12-13T00:01:00Z"), precision: "time" },
      },
    });
    const [sent] = standIn.requests;
    expect(sent).toMatchObject({ authorized: true, body: { model: "gpt-4o-mini", temperature: 0, response_format: { type: "json_object" } } });
    const system = sent!.body.messages[0]!.content!;
    expect(system).toContain('{"id":"svc-cut","name":"Women\'s cut"}');
    expect(system).toContain("2026-12-09T11:00 (Wednesday) in America/Los_Angeles");
    expect(sent!.body.messages[1]).toEqual({ role: "user", content: "Can I get a women's cut with Maria on Saturday at 4?" });
  });

  it("reads Spanish: anyone, Saturday morning", async () => {
    const understanding = await understandWithLanguageModel(input("Quiero una cita para el sábado por la mañana con cualquiera", { channel: "speech" }), config);
    expect(understanding).toMatchObject({
      intent: "BOOK",
      language: "es",
      entities: {
        stylist: { anyone: true, text: "cualquiera" },
        when: { start: new Date("2026-12-12T17:00:00Z"), end: new Date("2026-12-12T20:00:00Z"), precision: "part-of-day" },
      },
    });
  });

  it("keeps the language already known, drops what the salon doesn't have, and spans a whole day across a DST change", async () => {
    standIn.script({
      model: "gpt-4o-mini",
      json: {
        intent: "HOURS",
        confidence: 0.95,
        language: "en",
        service: { id: "svc-made-up", text: "keratin" },
        stylist: { name: "ana", text: "Ana" },
        when: { text: "el 1 de noviembre", start: "2026-11-01", precision: "day" },
      },
    });
    const understanding = await understandWithLanguageModel(input("¿abren el 1 de noviembre con Ana para keratina?", { language: "es" }), config);
    expect(understanding).toEqual({
      intent: "HOURS",
      confidence: 0.95,
      language: "es",
      engine: "llm",
      entities: {
        stylist: { id: "sty-ana", name: "Ana", text: "Ana" },
        // Clocks fall back that night: the day is 25 hours long.
        when: { text: "el 1 de noviembre", start: new Date("2026-11-01T07:00:00Z"), end: new Date("2026-11-02T08:00:00Z"), precision: "day" },
      },
    });
  });

  it("drops a time that is no time (Feb 31, an end before its start) and keeps the rest", async () => {
    standIn.script(
      { model: "gpt-4o-mini", json: { intent: "BOOK", confidence: 0.9, service: { id: "svc-color", text: "color" }, when: { text: "Feb 31", start: "2027-02-31", precision: "day" } } },
      { model: "gpt-4o-mini", json: { intent: "BOOK", confidence: 0.9, when: { text: "4 to 2", start: "2026-12-12T16:00", end: "2026-12-12T14:00", precision: "part-of-day" } } },
    );
    expect((await understandWithLanguageModel(input("color on feb 31"), config)).entities).toEqual({ service: { id: "svc-color", name: "Color", text: "color" } });
    expect((await understandWithLanguageModel(input("saturday from 4 to 2"), config)).entities).toEqual({});
  });

  it("answers NONE below the confidence threshold", async () => {
    standIn.script({ json: { intent: "BOOK", confidence: 0.2, language: "en" }, model: "gpt-4o-mini" });
    expect(await understandWithLanguageModel(input("hmm"), config)).toMatchObject({ intent: "NONE", confidence: 0.2, entities: {} });
  });

  it.each<[string, ScriptedReply | "wrong key", RegExp]>([
    ["hangs", { hang: true }, /no answer within 50 ms/],
    ["answers 500", { status: 500 }, /failed with 500 \(server_error: The server had an error/],
    ["answers 429", { status: 429 }, /failed with 429 \(requests: Rate limit reached/],
    ["refuses the key (401)", "wrong key", /failed with 401 \(invalid_request_error: Incorrect API key provided/],
    ["answers prose, not JSON", { content: "Sure! The customer wants to book." }, /unusable answer from the model \(not JSON\)/],
    ["answers broken JSON", { content: '{"intent": "BOOK",' }, /unusable answer from the model \(not JSON\)/],
    ["answers an intent we don't have", { json: { intent: "SMALL_TALK", confidence: 1 } }, /unusable answer from the model \(not the answer's shape\)/],
  ])("throws a LanguageModelError when the model %s, never naming the key", async (name, reply, message) => {
    const model = `model-that-${name.replaceAll(/\W+/g, "-")}`;
    if (reply !== "wrong key") standIn.script({ ...reply, model });
    const key = reply === "wrong key" ? "sk-wrong-key-9876543210" : API_KEY;
    const timeoutMs = "hang" in Object(reply) ? 50 : config.timeoutMs;
    const error = await understandWithLanguageModel(input("can I book?"), { ...config, model, apiKey: key, timeoutMs }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(LanguageModelError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain(key);
  });
});

describe("the stand-in", () => {
  const post = (path: string, body: unknown, key: string | null = API_KEY) =>
    fetch(`${standIn.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
      body: JSON.stringify(body),
    }).then(async (res) => ({ status: res.status, json: (await res.json()) as unknown }));
  const request = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hello" }] };

  it("answers with OpenAI's error bodies, and takes scripted replies over its control endpoint", async () => {
    expect(await post("/v1/chat/completions", request, null)).toEqual({
      status: 401,
      json: { error: { message: expect.stringContaining("You didn't provide an API key"), type: "invalid_request_error", param: null, code: null } },
    });
    expect(await post("/v1/chat/completions", { ...request, response_format: { type: "json_object" } })).toMatchObject({
      status: 400,
      json: { error: { message: expect.stringContaining("must contain the word 'json'"), param: "messages" } },
    });
    expect(await post("/_sandbox/replies", [{ status: 503 }])).toEqual({ status: 200, json: { queued: 1 } });
    expect(await post("/v1/chat/completions", request)).toMatchObject({ status: 503, json: { error: { code: "server_is_overloaded", type: "server_error" } } });
    expect(await post("/v1/models", {})).toMatchObject({ status: 404, json: { error: { type: "invalid_request_error" } } });
  });
});

describe("the receptionist seam with RECEPTIONIST_ENGINE=llm", () => {
  const salon = { id: "salon-1", name: "Salon", timeZone: "America/Los_Angeles" };
  const { catalog, now } = input("");
  const engine = (over: Partial<LanguageModelConfig> = {}) => languageModelEngine(() => ({ ...config, ...over }));
  const speech = (words: string | null, digits: string | null = null) => ({ speech: words, digits, attempt: 1, salon, catalog, now });
  const text = (words: string) => ({ text: words, salon, catalog, now });

  // The trained model loads on first use; a fallback should not spend the seam's 3 s on that.
  beforeAll(() => nluEngine.interpret(speech("hello")));

  it("answers a caller and a texter with the model's reading, entities included", async () => {
    const { log, lines } = captureLog();
    const heard = await interpretSafely(engine(), speech("I'd like to book a women's cut with Maria on Saturday at 4"), log);
    expect(heard).toMatchObject({ intent: "BOOKING", engine: "llm", understanding: { engine: "llm", entities: { service: { id: "svc-cut" }, stylist: { id: "sty-maria" } } } });
    const read = await understandText(text("Quiero cancelar mi cita del jueves"), log, engine());
    expect(read).toMatchObject({ intent: "CANCEL", language: "es", engine: "llm", entities: { when: { start: new Date("2026-12-10T08:00:00Z"), precision: "day" } } });
    expect(lines).toEqual([]);
  });

  it("reads keys with the rules: they never reach the model", async () => {
    const { log } = captureLog();
    expect(await interpretSafely(engine({ model: "keys-only" }), speech(null, "1"), log)).toMatchObject({ intent: "HOURS", engine: "llm" });
    expect(standIn.requests.filter((r) => r.body.model === "keys-only")).toEqual([]);
  });

  describe.each([
    ["hangs past LLM_TIMEOUT_MS", { hang: true } as ScriptedReply, { timeoutMs: 50 }],
    ["answers 500", { status: 500 } as ScriptedReply, {}],
    ["answers invalid JSON", { content: '{"intent": "PRICES", "confid' } as ScriptedReply, {}],
    ["refuses the key (401)", undefined, { apiKey: "sk-revoked-key-000111222" }],
  ])("when the model %s", (name, reply, over) => {
    const model = `model-that-${name.replaceAll(/\W+/g, "-")}`;
    // Two of them: the previous case's request, given up on, may still reach the stand-in and take one.
    beforeEach(() => reply && standIn.script({ ...reply, model }, { ...reply, model }));

    const expectFallbackLogged = (lines: Array<Record<string, unknown>>) => {
      expect(lines).toEqual([expect.objectContaining({ level: 50, engine: "llm", fallback: "nlu", msg: "receptionist engine failed; the nlu engine answered instead" })]);
      const logged = JSON.stringify(lines);
      expect(logged).not.toContain(API_KEY);
      expect(logged).not.toContain("sk-revoked-key-000111222");
    };

    it("the NLU engine answers the caller, and the fallback is logged", async () => {
      const { log, lines } = captureLog();
      const heard = await interpretSafely(engine({ ...over, model }), speech("how much is a women's cut"), log);
      expect(heard).toMatchObject({ intent: "PRICES", engine: "nlu", understanding: { engine: "nlu", entities: { service: { id: "svc-cut" } } } });
      expectFallbackLogged(lines);
    });

    it("the NLU engine answers the text, and the fallback is logged", async () => {
      const { log, lines } = captureLog();
      const read = await understandText(text("can we move my appointment to Friday?"), log, engine({ ...over, model }));
      expect(read).toMatchObject({ intent: "RESCHEDULE", engine: "nlu", entities: { when: { precision: "day" } } });
      expectFallbackLogged(lines);
    });
  });
});
