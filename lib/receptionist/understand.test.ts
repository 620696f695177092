import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Language } from "@/lib/i18n/language";
import { trainingCorpusHash } from "./nlu/corpus";
import { accuracy, evaluate } from "./nlu/evaluate";
import { understand } from "./understand";
import type { Catalog, Intent, UnderstandInput } from "./understanding";

const catalog: Catalog = {
  services: [
    { id: "womens", name: "Women's Cut" },
    { id: "mens", name: "Men's Cut" },
    { id: "kids", name: "Kids' Cut" },
    { id: "color", name: "Single-Process Color" },
    { id: "highlights", name: "Partial Highlights" },
    { id: "balayage", name: "Balayage" },
    { id: "blowout", name: "Blowout" },
    { id: "manicure", name: "Manicure" },
    { id: "pedicure", name: "Pedicure" },
    { id: "beard", name: "Beard Trim" },
    { id: "brows", name: "Eyebrow Wax" },
  ],
  stylists: [
    { id: "maria", name: "María López" },
    { id: "sam", name: "Sam Rivera" },
    { id: "jen", name: "Jennifer Park" },
  ],
};

// Monday 7 December 2026, 10:00 in New York.
const NOW = new Date("2026-12-07T15:00:00Z");
const ZONE = "America/New_York";

function input(text: string, language?: Language, extra: Partial<UnderstandInput> = {}): UnderstandInput {
  return {
    text,
    channel: "speech",
    catalog,
    timeZone: ZONE,
    now: NOW,
    ...(language ? { language } : {}),
    ...extra,
  };
}

// One plain way and one texted way of asking each thing, per language.
const INTENT_CASES: Array<[Language, string, Intent]> = [
  ["en", "what time do you close on friday", "HOURS"],
  ["es", "a qué hora cierran el viernes", "HOURS"],
  ["en", "where are you located", "ADDRESS"],
  ["es", "dónde están ubicados", "ADDRESS"],
  ["en", "how much is a men's cut", "PRICES"],
  ["es", "cuánto cuesta el corte de caballero", "PRICES"],
  ["en", "I'd like to book a haircut for saturday", "BOOK"],
  ["es", "quiero hacer una cita para el sábado", "BOOK"],
  ["en", "can we move my appointment to thursday", "RESCHEDULE"],
  ["es", "quiero cambiar mi cita para el jueves", "RESCHEDULE"],
  ["en", "I need to cancel my appointment", "CANCEL"],
  ["es", "necesito cancelar mi cita", "CANCEL"],
  ["en", "yes I'll be there", "CONFIRM"],
  ["es", "sí ahí estaré", "CONFIRM"],
  ["en", "let me know if something earlier opens up", "WAITLIST"],
  ["es", "avíseme si se libera un espacio antes", "WAITLIST"],
  ["en", "can I talk to a real person", "TRANSFER"],
  ["es", "quiero hablar con una persona", "TRANSFER"],
  ["en", "I'd like to leave a message", "VOICEMAIL"],
  ["es", "quiero dejar un mensaje", "VOICEMAIL"],
  ["en", "no that's all thanks bye", "GOODBYE"],
  ["es", "no eso es todo gracias adiós", "GOODBYE"],
  ["en", "I want to order a pizza", "NONE"],
  ["es", "quiero pedir una pizza", "NONE"],
];

describe("understand: intents", () => {
  it.each(INTENT_CASES)("%s %j → %s", async (language, text, intent) => {
    const understood = await understand(input(text, language));
    expect(understood.intent).toBe(intent);
    expect(understood.language).toBe(language);
    expect(understood.confidence).toBeGreaterThan(0);
  });

  it("detects the language when none is given", async () => {
    expect((await understand(input("quisiera una cita para mañana por la tarde"))).language).toBe("es");
    expect((await understand(input("can I come in tomorrow afternoon"))).language).toBe("en");
  });

  it("reads a short text in the known language, and in the default one otherwise", async () => {
    expect((await understand(input("ok", "es"))).language).toBe("es");
    expect((await understand(input("ok"))).language).toBe("en");
  });

  it("answers NONE for what it cannot read", async () => {
    expect((await understand(input("😂😂"))).intent).toBe("NONE");
    expect((await understand(input("", "en"))).intent).toBe("NONE");
  });
});

describe("understand: service and stylist from the salon's own lists", () => {
  it.each([
    ["en", "how much is a womens cut", "womens"],
    ["en", "can I get a mens haircut", "mens"],
    ["en", "I want a bala yash", "balayage"],
    ["en", "do you do highlights", "highlights"],
    ["en", "mani and a PEDICURE", "manicure"],
    ["es", "cuánto cuesta el corte de dama", "womens"],
    ["es", "quiero un corte de niño", "kids"],
    ["es", "precio de las mechas", "highlights"],
    ["es", "quiero un tinte", "color"],
    ["es", "me arreglan la barba", "beard"],
    ["es", "depilación de cejas", "brows"],
  ] as Array<[Language, string, string]>)("%s %j → %s", async (language, text, id) => {
    expect((await understand(input(text, language))).entities.service?.id).toBe(id);
  });

  it("names no service for words that are not one", async () => {
    expect((await understand(input("what are your hours", "en"))).entities.service).toBeUndefined();
    expect((await understand(input("dónde están", "es"))).entities.service).toBeUndefined();
  });

  it("finds the stylist whatever the accents, case or spelling, and 'anyone'", async () => {
    expect((await understand(input("with maria please", "en"))).entities.stylist).toMatchObject({
      id: "maria",
    });
    expect((await understand(input("con MARÍA por favor", "es"))).entities.stylist).toMatchObject({
      id: "maria",
    });
    expect((await understand(input("is Jenifer in today", "en"))).entities.stylist).toMatchObject({
      id: "jen",
    });
    expect((await understand(input("whoever is free", "en"))).entities.stylist).toEqual({
      anyone: true,
      text: "whoever",
    });
    expect((await understand(input("con cualquiera", "es"))).entities.stylist).toEqual({
      anyone: true,
      text: "cualquiera",
    });
    expect((await understand(input("no preference", "en"))).entities.stylist).toMatchObject({ anyone: true });
    // A short name only matches exactly: "same" is not Sam.
    expect((await understand(input("same time next week", "en"))).entities.stylist).toBeUndefined();
  });
});

describe("understand: times in the salon's zone", () => {
  const when = async (text: string, language: Language, now = NOW) =>
    (await understand(input(text, language, { now }))).entities.when;

  it("reads a day, a part of a day and an exact time", async () => {
    expect(await when("are you open tomorrow", "en")).toMatchObject({
      precision: "day",
      start: new Date("2026-12-08T05:00:00Z"),
      end: new Date("2026-12-09T05:00:00Z"),
    });
    expect(await when("saturday morning with Sam", "en")).toMatchObject({
      precision: "part-of-day",
      text: "saturday morning",
      start: new Date("2026-12-12T13:00:00Z"),
      end: new Date("2026-12-12T17:00:00Z"),
    });
    // "at 4" in a salon is 4 PM, today while it is still ahead.
    expect(await when("can I come at 4", "en")).toMatchObject({
      precision: "time",
      start: new Date("2026-12-07T21:00:00Z"),
    });
    expect(await when("are you open on sunday", "en")).toMatchObject({
      start: new Date("2026-12-13T05:00:00Z"),
    });
  });

  it("reads Spanish dates", async () => {
    expect(await when("el jueves a las 3", "es")).toMatchObject({
      precision: "time",
      start: new Date("2026-12-10T20:00:00Z"),
    });
    expect(await when("mañana por la tarde", "es")).toMatchObject({
      precision: "part-of-day",
      start: new Date("2026-12-08T17:00:00Z"),
      end: new Date("2026-12-08T22:00:00Z"),
    });
    expect(await when("el sábado a las 10 y media", "es")).toMatchObject({
      precision: "time",
      start: new Date("2026-12-12T15:30:00Z"),
    });
    expect(await when("están abiertos hoy", "es")).toMatchObject({
      precision: "day",
      start: new Date("2026-12-07T05:00:00Z"),
    });
    expect(await when("pasado mañana", "es")).toMatchObject({
      precision: "day",
      start: new Date("2026-12-09T05:00:00Z"),
    });
  });

  it("gives a DST-change day its real length (23 h in March, 25 h in November)", async () => {
    const spring = await when("tomorrow", "en", new Date("2026-03-07T15:00:00Z"));
    expect(spring).toMatchObject({
      start: new Date("2026-03-08T05:00:00Z"),
      end: new Date("2026-03-09T04:00:00Z"),
    });
    const fall = await when("mañana", "es", new Date("2026-10-31T15:00:00Z"));
    expect(fall).toMatchObject({
      start: new Date("2026-11-01T04:00:00Z"),
      end: new Date("2026-11-02T05:00:00Z"),
    });
    // 3 PM on the change days is after the jump: EDT→EST on 1 Nov (UTC−5), EST→EDT on 8 Mar (UTC−4).
    expect(await when("sunday at 3pm", "en", new Date("2026-10-31T15:00:00Z"))).toMatchObject({
      start: new Date("2026-11-01T20:00:00Z"),
    });
    expect(await when("sunday at 3pm", "en", new Date("2026-03-07T15:00:00Z"))).toMatchObject({
      start: new Date("2026-03-08T19:00:00Z"),
    });
  });

  it("reads holidays, days of the month, hours in words and spans of days", async () => {
    expect(await when("are you open christmas eve", "en")).toMatchObject({
      text: "christmas eve",
      start: new Date("2026-12-24T05:00:00Z"),
    });
    expect(await when("abren el día de año nuevo", "es")).toMatchObject({
      start: new Date("2027-01-01T05:00:00Z"),
    });
    expect(await when("cancel my appointment for the 3rd", "en")).toMatchObject({
      start: new Date("2027-01-03T05:00:00Z"),
    });
    expect(await when("para el día veinte", "es")).toMatchObject({ start: new Date("2026-12-20T05:00:00Z") });
    expect(await when("cancéleme la de las cuatro", "es")).toMatchObject({
      precision: "time",
      start: new Date("2026-12-07T21:00:00Z"),
    });
    expect(await when("are you open on Saturdays", "en")).toMatchObject({
      start: new Date("2026-12-12T05:00:00Z"),
    });
    expect(await when("anything next week", "en")).toMatchObject({
      precision: "day",
      start: new Date("2026-12-14T05:00:00Z"),
      end: new Date("2026-12-21T05:00:00Z"),
    });
    expect(await when("este fin de semana", "es")).toMatchObject({
      start: new Date("2026-12-12T05:00:00Z"),
      end: new Date("2026-12-14T05:00:00Z"),
    });
    expect(await when("esta tarde", "es")).toMatchObject({
      precision: "part-of-day",
      start: new Date("2026-12-07T17:00:00Z"),
    });
  });

  it("names no time when the words carry none", async () => {
    expect(await when("how much is a cut", "en")).toBeUndefined();
  });
});

describe("the model file", () => {
  it("was built from the training corpus as it is now", () => {
    const file = JSON.parse(readFileSync("lib/receptionist/nlu/model.json", "utf8")) as {
      corpusHash: string;
    };
    expect(
      file.corpusHash,
      "lib/receptionist/nlu/model.json is older than the corpus (train.*.json) or the normalizer: run `npm run build:nlu-model` and commit the model",
    ).toBe(trainingCorpusHash());
  });
});

// The bars, on the held-out eval set (never trained on); `npm run eval:receptionist` prints the detail.
describe("accuracy on the held-out eval set", () => {
  it("meets the bars: English speech ≥ 95%, Spanish speech ≥ 90%, texts ≥ 90%; entities found ≥ 90%", async () => {
    const { items, entities } = await evaluate();
    const of = (keep: (i: (typeof items)[number]) => boolean) => accuracy(items.filter(keep));
    expect(of((i) => i.language === "en" && i.channel === "speech")).toBeGreaterThanOrEqual(0.95);
    expect(of((i) => i.language === "es" && i.channel === "speech")).toBeGreaterThanOrEqual(0.9);
    expect(of((i) => i.channel === "text")).toBeGreaterThanOrEqual(0.9);
    for (const tally of Object.values(entities))
      expect(tally.found / tally.labelled).toBeGreaterThanOrEqual(0.9);
  });
});
