// The receptionist's contract: what the caller said or keyed, plus the salon → what they want.
// Routes only see this interface, so a language-model engine can replace the rules by configuration.
import { CallReason } from "@/lib/generated/prisma/enums";
import type { Language } from "@/lib/i18n/language";

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
  /** The language the call is held in so far. */
  language?: Language;
};

/**
 * What the caller wants. The CallReason values become the call log's reason; DONE ("no thanks,
 * bye") and MENU ("yes", "repeat the options") only steer the conversation.
 */
export type ReceptionistIntent = CallReason | "DONE" | "MENU";

export const RECEPTIONIST_INTENTS: readonly ReceptionistIntent[] = [...Object.values(CallReason), "DONE", "MENU"];

export type Interpretation = {
  intent: ReceptionistIntent;
  /** 0–1: 1 for a key press, lower for speech; UNKNOWN is 0. */
  confidence: number;
  /** The language the caller spoke, when the engine detects it: a Spanish first utterance switches the call to Spanish. */
  language?: Language;
};

export interface ReceptionistEngine {
  readonly name: string;
  interpret(input: ReceptionistInput): Promise<Interpretation>;
}
