// The default receptionist: keys 1–6 and keyword rules over the speech transcript.
import type { Interpretation, ReceptionistEngine, ReceptionistInput, ReceptionistIntent } from "./types";

type Rule = { intent: ReceptionistIntent; patterns: RegExp[] };

export const MENU_DIGITS: Record<string, ReceptionistIntent> = {
  "1": "HOURS",
  "2": "ADDRESS",
  "3": "PRICES",
  "4": "BOOKING",
  "5": "TRANSFER",
  "6": "VOICEMAIL",
};

const SPOKEN_DIGITS: Record<string, string> = { one: "1", two: "2", three: "3", four: "4", five: "5", six: "6" };

const w = (source: string) => new RegExp(`\\b(?:${source})\\b`);

// Listed by precedence: when two intents match equally often, the earlier one wins, because an
// explicit "leave a message" or "a person" outranks the topic the caller mentions alongside it.
const RULES: Rule[] = [
  { intent: "VOICEMAIL", patterns: [w("messages?"), w("voice ?mail"), w("leave (?:a|my) (?:message|note)"), w("call me back")] },
  {
    intent: "TRANSFER",
    patterns: [
      w("speak (?:to|with)"),
      w("talk (?:to|with)"),
      w("person|human|someone|somebody|anyone|representative|operator|receptionist|agent"),
      w("front desk"),
    ],
  },
  { intent: "BOOKING", patterns: [w("book(?:ing|ed)?"), w("appointments?"), w("schedul(?:e|ing)"), w("reserv(?:e|ation)"), w("availab(?:le|ility)"), w("openings?")] },
  { intent: "PRICES", patterns: [w("prices?|pricing"), w("how much"), w("costs?"), w("charge"), w("rates?"), w("fees?"), w("menu of services")] },
  { intent: "ADDRESS", patterns: [w("address"), w("where"), w("located|location"), w("directions?"), w("find you"), w("parking")] },
  { intent: "HOURS", patterns: [w("hours?"), w("open(?:ing)?"), w("clos(?:e|ed|ing)"), w("what time"), w("when are you"), w("today|tomorrow|tonight")] },
];

function normalize(speech: string): string {
  return speech
    .toLowerCase()
    .replace(/[^a-z0-9' ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "one", "press 2", "option three" spoken instead of keyed. */
function spokenDigit(text: string): string | null {
  const m = /^(?:press |option |number )?(one|two|three|four|five|six|[1-6])$/.exec(text);
  if (!m?.[1]) return null;
  return SPOKEN_DIGITS[m[1]] ?? m[1];
}

export function interpretByRules(input: Pick<ReceptionistInput, "speech" | "digits">): Interpretation {
  const digit = input.digits?.trim().charAt(0);
  if (digit && MENU_DIGITS[digit]) return { intent: MENU_DIGITS[digit], confidence: 1 };

  const text = normalize(input.speech ?? "");
  if (!text) return { intent: "UNKNOWN", confidence: 0 };
  const spoken = spokenDigit(text);
  if (spoken && MENU_DIGITS[spoken]) return { intent: MENU_DIGITS[spoken], confidence: 0.9 };

  let best: { intent: ReceptionistIntent; hits: number } | null = null;
  let matchedIntents = 0;
  for (const rule of RULES) {
    const hits = rule.patterns.filter((p) => p.test(text)).length;
    if (hits === 0) continue;
    matchedIntents += 1;
    if (!best || hits > best.hits) best = { intent: rule.intent, hits };
  }
  if (!best) return { intent: "UNKNOWN", confidence: 0 };
  // A transcript that touches several topics is less certain than one that names a single one.
  return { intent: best.intent, confidence: matchedIntents === 1 ? 0.8 : 0.6 };
}

export const ruleEngine: ReceptionistEngine = {
  name: "rules",
  interpret: async (input) => interpretByRules(input),
};
