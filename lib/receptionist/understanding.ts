// What the receptionist makes of one utterance — a caller's speech or a customer's text — in either
// language: the intent, how sure it is, the language, and the salon's own service, stylist and time
// the words name. Both channels and every engine (trained NLU, keyword rules, a language model) answer
// in this shape; the dialogue (booking, moving, cancelling) only ever reads this.
import type { Language } from "@/lib/i18n/language";

/** The corpus's labels (lib/telephony/receptionist/corpus/README.md). */
export const INTENTS = [
  "HOURS",
  "ADDRESS",
  "PRICES",
  "BOOK",
  "RESCHEDULE",
  "CANCEL",
  "CONFIRM",
  "WAITLIST",
  "TRANSFER",
  "VOICEMAIL",
  "GOODBYE",
  "NONE",
] as const;
export type Intent = (typeof INTENTS)[number];

export type Channel = "speech" | "text";

/**
 * A time the words name, resolved in the salon's zone: a whole day, a part of one, or a moment.
 * "day" may span several whole days when the words do ("this week", "el fin de semana", "in December").
 */
export type WhenEntity = {
  /** The words that named it ("Saturday morning", "el jueves a las 3"). */
  text: string;
  start: Date;
  /** Exclusive; equal to start + 1 minute for an exact time. */
  end: Date;
  precision: "day" | "part-of-day" | "time";
};

export type NamedEntity = { id: string; name: string; /** the words used */ text: string };

export type Entities = {
  service?: NamedEntity;
  /** A stylist of the salon, or "anyone" ("whoever is free"). */
  stylist?: NamedEntity | { anyone: true; text: string };
  when?: WhenEntity;
};

export type Understanding = {
  intent: Intent;
  /** 0–1. Below the engine's threshold the intent is NONE. */
  confidence: number;
  language: Language;
  entities: Entities;
  /** Which engine answered ("nlu", "rules", "llm"), for logs and the call's summary. */
  engine: string;
};

/** The salon's own names, matched fuzzily. */
export type Catalog = {
  services: Array<{ id: string; name: string; category?: string | null }>;
  stylists: Array<{ id: string; name: string }>;
};

export type UnderstandInput = {
  text: string;
  channel: Channel;
  /** The language already known (the customer's, or chosen on the call); detected from the words when absent. */
  language?: Language;
  catalog: Catalog;
  timeZone: string;
  /** Dates are resolved relative to this instant ("tomorrow"), never the wall clock. */
  now: Date;
};
