// The engine seam's safety net: a slow, failing or confused engine is replaced by the rules, and logged.
import { describe, expect, it } from "vitest";
import { interpretSafely } from "@/lib/telephony/receptionist/interpret-safely";
import { nluEngine } from "@/lib/telephony/receptionist/nlu-engine";
import { ruleEngine } from "@/lib/telephony/receptionist/rule-engine";
import { understandText } from "@/lib/telephony/receptionist/understand-text";
import type { ReceptionistEngine } from "@/lib/telephony/receptionist/types";
import { captureLog } from "@/lib/testing/capture-log";

const salon = { id: "s", name: "Salon", timeZone: "UTC" };
const input = { speech: "how much is a cut", digits: null, attempt: 1, salon, catalog: { services: [], stylists: [] }, now: new Date(0) };

const engine = (interpret: ReceptionistEngine["interpret"]): ReceptionistEngine => ({ name: "model", interpret });

describe("interpretSafely", () => {
  it("uses the configured engine's answer when it comes in time", async () => {
    const { log, lines } = captureLog();
    const answer = await interpretSafely(engine(async () => ({ intent: "BOOKING", confidence: 0.7 })), input, log, 100);
    expect(answer).toEqual({ intent: "BOOKING", confidence: 0.7, engine: "model" });
    expect(lines).toHaveLength(0);
  });

  it.each<[string, ReceptionistEngine["interpret"]]>([
    ["never answers", () => new Promise(() => {})],
    ["rejects", () => Promise.reject(new Error("model unavailable"))],
    ["throws before returning a promise", () => { throw new Error("bad config"); }],
    ["answers an intent nobody handles", async () => ({ intent: "SMALL_TALK" as never, confidence: 1 })],
    ["answers nothing", async () => undefined as never],
  ])("falls back to the rules when the engine %s, and logs it", async (_name, interpret) => {
    const { log, lines } = captureLog();
    const started = performance.now();
    const answer = await interpretSafely(engine(interpret), input, log, 50);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(answer).toEqual({ intent: "PRICES", confidence: 0.8, engine: "rules" });
    expect(lines).toEqual([expect.objectContaining({ level: 50, engine: "model", msg: expect.stringContaining("rule engine answered") })]);
  });

  it("runs the rule engine directly, with no timer", async () => {
    const { log } = captureLog();
    expect(await interpretSafely(ruleEngine, input, log, 0)).toEqual({ intent: "PRICES", confidence: 0.8, engine: "rules" });
  });
});

describe("understandText", () => {
  const catalog = {
    services: [{ id: "cut", name: "Women's Cut" }],
    stylists: [{ id: "maria", name: "María" }],
  };
  const text = (words: string, language?: "en" | "es") => ({
    text: words,
    salon,
    catalog,
    now: new Date("2026-12-07T15:00:00Z"),
    ...(language ? { language } : {}),
  });

  it("reads a text with the configured engine, in the customer's language", async () => {
    const { log } = captureLog();
    const understood = await understandText(
      text("me pueden cambiar la cita para el jueves con María?", "es"),
      log,
      nluEngine,
    );
    expect(understood).toMatchObject({
      intent: "RESCHEDULE",
      language: "es",
      engine: "nlu",
      entities: { stylist: { id: "maria" } },
    });
  });

  it("answers with the rules, entities included, when the engine times out", async () => {
    const { log, lines } = captureLog();
    const understood = await understandText(
      text("how much is a womens cut"),
      log,
      engine(() => new Promise(() => {})),
      50,
    );
    expect(understood).toMatchObject({
      intent: "PRICES",
      language: "en",
      engine: "rules",
      entities: { service: { id: "cut" } },
    });
    expect(lines).toHaveLength(1);
  });
});
