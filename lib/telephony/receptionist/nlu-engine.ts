// The trained receptionist (the default): keys, and menu choices said aloud, are the rules' to read;
// words go to understand() (lib/receptionist), whose intent becomes the call's reason and whose
// entities (service, stylist, time, language) travel with the interpretation for the dialogue.
import { understand } from "@/lib/receptionist/understand";
import type { Intent, UnderstandInput, Understanding } from "@/lib/receptionist/understanding";
import { interpretByRules, menuChoice } from "./rule-engine";
import type { Interpretation, ReceptionistEngine, ReceptionistInput, ReceptionistIntent } from "./types";

/** An understanding's intent as the call's reason and timeline name it. */
export const TO_RECEPTIONIST: Record<Intent, ReceptionistIntent> = {
  HOURS: "HOURS",
  ADDRESS: "ADDRESS",
  PRICES: "PRICES",
  BOOK: "BOOKING",
  RESCHEDULE: "RESCHEDULE",
  CANCEL: "CANCEL",
  CONFIRM: "CONFIRM",
  WAITLIST: "WAITLIST",
  TRANSFER: "TRANSFER",
  VOICEMAIL: "VOICEMAIL",
  GOODBYE: "DONE",
  NONE: "UNKNOWN",
};

/** The other way: a reason (the rules' answer) as an understanding's intent; MENU is no intent of its own. */
export const FROM_RECEPTIONIST: Record<ReceptionistIntent, Intent> = {
  HOURS: "HOURS",
  ADDRESS: "ADDRESS",
  PRICES: "PRICES",
  BOOKING: "BOOK",
  RESCHEDULE: "RESCHEDULE",
  CANCEL: "CANCEL",
  CONFIRM: "CONFIRM",
  WAITLIST: "WAITLIST",
  TRANSFER: "TRANSFER",
  VOICEMAIL: "VOICEMAIL",
  UNKNOWN: "NONE",
  DONE: "GOODBYE",
  MENU: "NONE",
};

/** A receptionist engine over any reader of words (the trained model here; a language model too). */
export function understandingEngine(name: string, read: (input: UnderstandInput) => Promise<Understanding>): ReceptionistEngine {
  return { name, interpret: (input) => interpretWith(read, input) };
}

async function interpretWith(read: (input: UnderstandInput) => Promise<Understanding>, input: ReceptionistInput): Promise<Interpretation> {
  const choice = menuChoice(input);
  if (choice || input.digits?.trim() || !input.speech?.trim()) return choice ?? interpretByRules(input);
  const understanding = await read({
    text: input.speech,
    channel: input.channel ?? "speech",
    ...(input.language ? { language: input.language } : {}),
    catalog: input.catalog,
    timeZone: input.salon.timeZone,
    now: input.now,
  });
  // "Yes" or "repeat the options" after "anything else?" asks for the menu again; the model has no
  // such intent (it reads a bare "yes" as a confirmation, "can you repeat that" as a goodbye), the rules do.
  if (understanding.intent === "NONE" || understanding.intent === "CONFIRM" || understanding.intent === "GOODBYE") {
    const rules = interpretByRules(input);
    if (rules.intent === "MENU") return { ...rules, understanding };
  }
  return {
    intent: TO_RECEPTIONIST[understanding.intent],
    confidence: understanding.confidence,
    understanding,
  };
}

export const nluEngine: ReceptionistEngine = understandingEngine("nlu", understand);
