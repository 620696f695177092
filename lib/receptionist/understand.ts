// What a caller's speech or a customer's text means: the trained classifier's intent (the keyword rules'
// when the classifier is unsure and the rules recognise something), the language, and the salon's own
// service, stylist and time the words name. Pure and in-process: no database, no network.
import { interpretByRules } from "@/lib/telephony/receptionist/rule-engine";
import type { ReceptionistIntent } from "@/lib/telephony/receptionist/types";
import { matchService, matchStylist } from "./entities/catalog-match";
import { extractWhen } from "./entities/when";
import { classify } from "./nlu/classifier";
import type { Entities, Intent, UnderstandInput, Understanding } from "./understanding";

// The rules speak the call log's reasons; MENU ("repeat the options") has no intent of its own.
const FROM_RULES: Partial<Record<ReceptionistIntent, Intent>> = {
  HOURS: "HOURS",
  ADDRESS: "ADDRESS",
  PRICES: "PRICES",
  BOOKING: "BOOK",
  TRANSFER: "TRANSFER",
  VOICEMAIL: "VOICEMAIL",
  DONE: "GOODBYE",
};

export async function understand(input: UnderstandInput): Promise<Understanding> {
  const classified = await classify(input.text, input.language);
  const entities = extractEntities(input, classified.language);
  if (classified.intent === "NONE") {
    const rules = interpretByRules({ speech: input.text, digits: null });
    const intent = FROM_RULES[rules.intent];
    if (intent)
      return {
        intent,
        confidence: rules.confidence,
        language: classified.language,
        entities,
        engine: "rules",
      };
  }
  return { ...classified, entities, engine: "nlu" };
}

export function extractEntities(
  input: Pick<UnderstandInput, "text" | "catalog" | "timeZone" | "now">,
  language: Understanding["language"],
): Entities {
  const entities: Entities = {};
  const service = matchService(input.text, input.catalog.services);
  if (service) entities.service = service;
  const stylist = matchStylist(input.text, input.catalog.stylists);
  if (stylist) entities.stylist = stylist;
  const when = extractWhen(input.text, language, input.timeZone, input.now);
  if (when) entities.when = when;
  return entities;
}
