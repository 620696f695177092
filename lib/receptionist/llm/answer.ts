// The model's JSON answer, checked with zod and turned into an Understanding: the intent must be one
// of ours, the service and stylist ids the salon's own, the times wall-clock times in the salon's zone.
// A malformed answer throws (and the seam falls back); an entity the salon doesn't have is dropped.
import { z } from "zod";
import { LANGUAGES, type Language } from "@/lib/i18n/language";
import { INTENTS, type Entities, type NamedEntity, type UnderstandInput, type Understanding, type WhenEntity } from "@/lib/receptionist/understanding";
import { addCalendarDays, parseTimeOfDay, zonedWallTimeToInstant, type LocalDate } from "@/lib/time/zoned";

/** Below this the answer is NONE, as the other engines do with their own thresholds. */
const LLM_CONFIDENCE_THRESHOLD = 0.5;

const localTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/);
const words = z.string().max(200).catch("");

const answerSchema = z.object({
  intent: z.enum(INTENTS),
  confidence: z.number().min(0).max(1).default(0.8),
  language: z.enum(LANGUAGES).optional().catch(undefined),
  service: z.object({ id: z.string().optional(), name: z.string().optional(), text: words }).nullish(),
  stylist: z
    .union([
      z.object({ anyone: z.literal(true), text: words }),
      z.object({ id: z.string().optional(), name: z.string().optional(), text: words }),
    ])
    .nullish(),
  when: z.object({ text: words, start: localTime, end: localTime.nullish(), precision: z.enum(["day", "part-of-day", "time"]) }).nullish(),
});

export type ModelAnswer = z.infer<typeof answerSchema>;

/** Throws on content that is not JSON or not the answer's shape. */
export function parseModelAnswer(content: string): ModelAnswer {
  const start = content.indexOf("{");
  const end = content.lastIndexOf("}");
  // Some compatible servers wrap JSON mode's object in a ``` fence; the object itself is what counts.
  if (start < 0 || end < start) throw new SyntaxError("the model's answer holds no JSON object");
  return answerSchema.parse(JSON.parse(content.slice(start, end + 1)));
}

function findNamed(list: Array<{ id: string; name: string }>, pick: { id?: string; name?: string; text: string }): NamedEntity | undefined {
  const byId = pick.id ? list.find((item) => item.id === pick.id) : undefined;
  const byName = pick.name ? list.find((item) => item.name.toLowerCase() === pick.name!.toLowerCase()) : undefined;
  const found = byId ?? byName;
  return found && { id: found.id, name: found.name, text: pick.text || found.name };
}

/** "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm" on the salon's clock → the instant; null for "2026-02-31" or "25:00". */
function toInstant(value: string, timeZone: string): { date: LocalDate; instant: Date } | null {
  const [year, month, day] = value.slice(0, 10).split("-").map(Number) as [number, number, number];
  const date = { year, month, day };
  const real = addCalendarDays(date, 0);
  const minutes = value.length > 10 ? parseTimeOfDay(value.slice(11)) : 0;
  if (minutes === null || real.month !== month || real.day !== day) return null;
  return { date, instant: zonedWallTimeToInstant(timeZone, date, minutes) };
}

/** A time the model names that isn't one (a wrong date, an end before the start) is dropped, not trusted. */
function resolveWhen(when: NonNullable<ModelAnswer["when"]>, timeZone: string): WhenEntity | undefined {
  const start = toInstant(when.start, timeZone);
  if (!start) return undefined;
  let end: Date | undefined;
  if (when.precision === "time") end = new Date(start.instant.getTime() + 60_000);
  else if (when.end) end = toInstant(when.end, timeZone)?.instant;
  else if (when.precision === "day") end = zonedWallTimeToInstant(timeZone, addCalendarDays(start.date, 1), 0);
  // A part of a day with no end says too little to search slots with.
  if (!end || !(end > start.instant)) return undefined;
  return { text: when.text, start: start.instant, end, precision: when.precision };
}

export function toUnderstanding(answer: ModelAnswer, input: UnderstandInput): Understanding {
  const language: Language = input.language ?? answer.language ?? "en";
  if (answer.confidence < LLM_CONFIDENCE_THRESHOLD) return { intent: "NONE", confidence: answer.confidence, language, entities: {}, engine: "llm" };
  const entities: Entities = {};
  const service = answer.service && findNamed(input.catalog.services, answer.service);
  if (service) entities.service = service;
  const stylist = answer.stylist && ("anyone" in answer.stylist ? { anyone: true as const, text: answer.stylist.text } : findNamed(input.catalog.stylists, answer.stylist));
  if (stylist) entities.stylist = stylist;
  const when = answer.when && resolveWhen(answer.when, input.timeZone);
  if (when) entities.when = when;
  return { intent: answer.intent, confidence: answer.confidence, language, entities, engine: "llm" };
}
