// The language-model engine over the wire, against the local OpenAI-compatible stand-in: the prompt
// it sends, the Understanding it makes of the answer, and every way the model can fail it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createLlmStandIn, type ScriptedReply } from "@/lib/dev/llm-sandbox";
import type { UnderstandInput } from "@/lib/receptionist/understanding";
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

  it("answers NONE below the confidence threshold", async () => {
    standIn.script({ json: { intent: "BOOK", confidence: 0.2, language: "en" } });
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
  ])("throws a LanguageModelError when the model %s, never naming the key", async (_name, reply, message) => {
    if (reply !== "wrong key") standIn.script(reply);
    const key = reply === "wrong key" ? "sk-wrong-key-9876543210" : API_KEY;
    const error = await understandWithLanguageModel(input("can I book?"), { ...config, apiKey: key, timeoutMs: "hang" in Object(reply) ? 50 : config.timeoutMs }).catch((err: unknown) => err);
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
