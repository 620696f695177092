// The default receptionist: keys 0–6 and keyword rules over the speech transcript.
import type { Interpretation, ReceptionistEngine, ReceptionistInput, ReceptionistIntent } from "./types";

type Rule = { intent: ReceptionistIntent; patterns: RegExp[]; unless?: RegExp };

const MENU_DIGITS: Record<string, ReceptionistIntent> = {
  // 0 is the operator on every phone menu callers have ever used.
  "0": "TRANSFER",
  "1": "HOURS",
  "2": "ADDRESS",
  "3": "PRICES",
  "4": "BOOKING",
  "5": "TRANSFER",
  "6": "VOICEMAIL",
};

// A Spanish-speaking caller says the key ("oprima dos").
const SPOKEN_DIGITS: Record<string, string> = {
  zero: "0", one: "1", two: "2", three: "3", four: "4", five: "5", six: "6",
  cero: "0", uno: "1", dos: "2", tres: "3", cuatro: "4", cinco: "5", seis: "6",
};

const w = (source: string) => new RegExp(`\\b(?:${source})\\b`);

const SERVICES =
  "hair ?cuts?|cuts?|trims?|colou?r|highlights|balayage|blow ?outs?|blow ?dry|perm|updo|styling|shave|beard trim|fade|manicure|pedicure|nails|wax(?:ing)?";

const APPOINTMENT = "(?:appointment|booking|reservation)s?";
// Changing, cancelling or asking about an appointment the caller already has ("what time is my
// appointment", "is my appointment still on") needs a person, not booking instructions.
const CHANGES_BOOKING = w(`cancel\\w*|reschedul\\w*|running late|(?:change|move|modify|push back)\\b.*\\b${APPOINTMENT}`);
const ASKS_ABOUT_BOOKING = w(
  `(?:what time|when)(?:'s| is| was| are)? (?:my|our) ${APPOINTMENT}|(?:is|are) (?:my|our) ${APPOINTMENT}|` +
    `(?:confirm|check(?: on)?) (?:my|our) ${APPOINTMENT}|do (?:i|we) (?:still )?have an? ${APPOINTMENT}`,
);
const EXISTING_BOOKING = new RegExp(`${CHANGES_BOOKING.source}|${ASKS_ABOUT_BOOKING.source}`);

// Listed by precedence: when two intents match equally often, the earlier one wins, because an
// explicit "leave a message" or "a person" outranks the topic the caller mentions alongside it.
const RULES: Rule[] = [
  { intent: "VOICEMAIL", patterns: [w("messages?"), w("voice ?mail"), w("leave (?:a|my) (?:message|note)"), w("call me back")] },
  {
    intent: "TRANSFER",
    patterns: [
      w("speak (?:to|with)"),
      w("talk (?:to|with)"),
      w("person|human|someone|somebody|anyone|representative|operator|reception(?:ist)?|agent"),
      w("front desk"),
      CHANGES_BOOKING,
      ASKS_ABOUT_BOOKING,
    ],
  },
  {
    intent: "BOOKING",
    patterns: [
      w("book(?:ing|ed)?"),
      w("appointments?"),
      w("schedul(?:e|ing)"),
      w("reserv(?:e|ation)"),
      w("availab(?:le|ility)"),
      w("openings?"),
      // "Can I get a haircut today": the day is when they want to come, not a question about hours.
      w(`(?:can|could|may) (?:i|we) (?:get|have|book|come in for) (?:a |an |my |some )?(?:${SERVICES})`),
      w(`(?:i'd like|i would like|i want|i need|i wanna) (?:to (?:get|have|book) )?(?:a |an |my |some )?(?:${SERVICES})`),
      w("(?:can|could) (?:i|we) come (?:in|by)"),
      w("walk ?ins?|fit (?:me|us) in|squeeze (?:me|us) in"),
    ],
    unless: EXISTING_BOOKING,
  },
  { intent: "PRICES", patterns: [w("prices?|pricing"), w("how much"), w("costs?"), w("charge"), w("rates?"), w("fees?"), w("menu of services")] },
  {
    intent: "ADDRESS",
    patterns: [w("address"), w("where"), w("located|location"), w("directions?"), w("find you"), w("parking"), w("get (?:there|to you|to the salon|to your (?:salon|shop|place))")],
  },
  // "today" or "tomorrow" alone is not a question about hours: "can I get a cut today" is a booking.
  // "What time is my appointment" asks about the caller's booking, not the salon's hours.
  { intent: "HOURS", patterns: [w("hours?"), w("open(?:ing)?"), w("clos(?:e|ed|ing)"), w("what time"), w("when are you")], unless: ASKS_ABOUT_BOOKING },
];

// A goodbye only when the WHOLE answer is one: "no", "no thanks", "nothing else, thank you", "that's all,
// bye". "No, I wanted to ask about gift cards" is a question Bolt didn't understand, not a goodbye.
// Each phrase is distinct (no "bye bye" beside "bye"), so a long mumble cannot make the match backtrack.
const GOODBYE_PHRASES = [
  "no|nope|nah|not (?:right )?now|not today",
  "thanks(?: a lot| so much| very much)?|thank you(?: so much| very much)?|cheers",
  "that'?s (?:all|it|everything)|that is (?:all|it|everything)|that'?ll (?:be all|do)|that will (?:be all|do)",
  "(?:good ?)?bye|bye now|see (?:you|ya)(?: later)?|take care|have a (?:good|nice|great|lovely) (?:day|one|evening|night|weekend)",
  "nothing(?: else| more)?",
  "(?:i'?m|i am|we'?re|we are) (?:good|done|fine|ok|okay|all set|all good)|all set|all good",
].join("|");
// Words that may sit around a goodbye but are not one by themselves ("okay" alone is not "no thanks").
const FILLERS = "ok|okay|alright|all right|oh|um|uh|well|so|and|then|great|perfect|cool|for now|for today";
const DONE = new RegExp(`^(?:(?:${FILLERS}) )*(?:${GOODBYE_PHRASES})(?: (?:${GOODBYE_PHRASES}|${FILLERS}))*$`);
// "Yes" to "anything else?" means "tell me the options again"; it wins over a polite "yes, thanks".
// Spanish too, accents already gone: "sí", "repita", "las opciones otra vez".
const MENU = [w("yes|yeah|yep|yup|si"), w("menu|options|repeat|start over|say (?:that|it) again|main menu|repita|repitame|repetir|opciones|otra vez")];

function normalize(speech: string): string {
  return speech
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9' ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** "one", "press 2", "option zero" spoken instead of keyed. */
function spokenDigit(text: string): string | null {
  const m = /^(?:press |option |number |oprim[oa] |marc[oa] |marque |opcion |numero |el )?(zero|one|two|three|four|five|six|cero|uno|dos|tres|cuatro|cinco|seis|[0-6])$/.exec(text);
  if (!m?.[1]) return null;
  return SPOKEN_DIGITS[m[1]] ?? m[1];
}

function matchTopic(text: string): Interpretation | null {
  let best: { intent: ReceptionistIntent; hits: number } | null = null;
  let matchedIntents = 0;
  for (const rule of RULES) {
    if (rule.unless?.test(text)) continue;
    const hits = rule.patterns.filter((p) => p.test(text)).length;
    if (hits === 0) continue;
    matchedIntents += 1;
    if (!best || hits > best.hits) best = { intent: rule.intent, hits };
  }
  if (!best) return null;
  // A transcript that touches several topics is less certain than one that names a single one.
  return { intent: best.intent, confidence: matchedIntents === 1 ? 0.8 : 0.6 };
}

/** A menu key, pressed or said ("press 2", "oprima dos"); null when the caller chose no key. */
export function menuChoice(input: Pick<ReceptionistInput, "speech" | "digits">): Interpretation | null {
  const digit = input.digits?.trim().charAt(0);
  if (digit && MENU_DIGITS[digit]) return { intent: MENU_DIGITS[digit], confidence: 1 };
  const spoken = spokenDigit(normalize(input.speech ?? ""));
  if (spoken && MENU_DIGITS[spoken]) return { intent: MENU_DIGITS[spoken], confidence: 0.9 };
  return null;
}

export function interpretByRules(input: Pick<ReceptionistInput, "speech" | "digits">): Interpretation {
  const choice = menuChoice(input);
  if (choice) return choice;

  const text = normalize(input.speech ?? "");
  if (!text) return { intent: "UNKNOWN", confidence: 0 };

  const topic = matchTopic(text);
  if (topic) return topic;
  if (MENU.some((p) => p.test(text))) return { intent: "MENU", confidence: 0.8 };
  if (DONE.test(text)) return { intent: "DONE", confidence: 0.8 };
  return { intent: "UNKNOWN", confidence: 0 };
}

export const ruleEngine: ReceptionistEngine = {
  name: "rules",
  interpret: async (input) => interpretByRules(input),
};
