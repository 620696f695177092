// The receptionist's contract: what the caller said or keyed, plus the salon → what they want.
// Routes only see this interface, so a language-model engine can replace the rules by configuration.
import { CallReason } from "@/lib/generated/prisma/enums";
import type { Language } from "@/lib/i18n/language";
import type { Catalog, Channel, Understanding } from "@/lib/receptionist/understanding";

/** The salon facts an engine may use (a model engine might read services or hours to disambiguate). */
export type ReceptionistSalon = { id: string; name: string; timeZone: string };

export type ReceptionistInput = {
  /** Twilio's SpeechResult, if the caller spoke. */
  speech: string | null;
  /** Twilio's Digits, if the caller keyed. */
  digits: string | null;
  /** 1 for the first menu, 2 after one reprompt. */
  attempt: number;
  salon: ReceptionistSalon;
  /** The language chosen on the call or known for the customer; detected from the words when absent. */
  language?: Language;
  /** The salon's active services and stylists (lib/receptionist/catalog.ts), read fresh for each turn. */
  catalog: Catalog;
  /** Times in the words ("tomorrow at 4") are resolved relative to this, never the wall clock. */
  now: Date;
  /** "speech" unless the words came by text. */
  channel?: Channel;
};

/**
 * What the caller wants. The CallReason values become the call log's reason; DONE ("no thanks,
 * bye") and MENU ("yes", "repeat the options") only steer the conversation.
 */
export type ReceptionistIntent = CallReason | "DONE" | "MENU";

export const RECEPTIONIST_INTENTS: readonly ReceptionistIntent[] = [
  ...Object.values(CallReason),
  "DONE",
  "MENU",
];

export type Interpretation = {
  intent: ReceptionistIntent;
  /** 0–1: 1 for a key press, lower for speech; UNKNOWN is 0. */
  confidence: number;
  /** What an understanding engine made of the words: its intent, language, service, stylist and time. */
  understanding?: Understanding;
};

export interface ReceptionistEngine {
  readonly name: string;
  interpret(input: ReceptionistInput): Promise<Interpretation>;
}
