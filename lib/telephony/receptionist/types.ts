// The receptionist's contract: what the caller said or keyed, plus the salon → what they want.
// Routes only see this interface, so a language-model engine can replace the rules by configuration.
import type { CallReason } from "@/lib/generated/prisma/client";

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
};

/** Same values as CallReason: the intent becomes the call log's reason. */
export type ReceptionistIntent = CallReason;

export type Interpretation = {
  intent: ReceptionistIntent;
  /** 0–1: 1 for a key press, lower for speech; UNKNOWN is 0. */
  confidence: number;
};

export interface ReceptionistEngine {
  readonly name: string;
  interpret(input: ReceptionistInput): Promise<Interpretation>;
}
