// The text channel's way into the configured receptionist: a customer's SMS read by the same engine
// (RECEPTIONIST_ENGINE) and safety net as a caller's speech, answered as an Understanding. An engine
// that gives only an intent (the rules, or the rules standing in after a failure) gets the entities
// added here, so the dialogue always sees the same shape.
import { DEFAULT_LANGUAGE, type Language } from "@/lib/i18n/language";
import type { Logger } from "@/lib/logger";
import { extractEntities } from "@/lib/receptionist/understand";
import type { Catalog, Understanding } from "@/lib/receptionist/understanding";
import { getReceptionist } from "./engines";
import { interpretSafely } from "./interpret-safely";
import { FROM_RECEPTIONIST } from "./nlu-engine";
import type { ReceptionistEngine, ReceptionistSalon } from "./types";

export type TextToUnderstand = {
  text: string;
  salon: ReceptionistSalon;
  /** The customer's language when known; detected from the words otherwise. */
  language?: Language;
  catalog: Catalog;
  now: Date;
};


export async function understandText(
  input: TextToUnderstand,
  log: Logger,
  engine: ReceptionistEngine = getReceptionist(),
  timeoutMs?: number,
): Promise<Understanding> {
  const { text, salon, language, catalog, now } = input;
  const interpretation = await interpretSafely(
    engine,
    {
      speech: text,
      digits: null,
      attempt: 1,
      salon,
      catalog,
      now,
      channel: "text",
      ...(language ? { language } : {}),
    },
    log,
    timeoutMs,
  );
  if (interpretation.understanding) return interpretation.understanding;
  const read = language ?? DEFAULT_LANGUAGE;
  return {
    intent: FROM_RECEPTIONIST[interpretation.intent],
    confidence: interpretation.confidence,
    language: read,
    entities: extractEntities({ text, catalog, timeZone: salon.timeZone, now }, read),
    engine: interpretation.engine,
  };
}
