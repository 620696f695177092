// Keywords a customer can text back. Only a whole message counts ("stop", " Stop! "), never a word
// inside a sentence: "don't stop the reminders" must not opt anyone out.
//
// The product spec maps "Y" to CONFIRM but "YES" to START (the carrier opt-in keyword): a customer who
// answers a reminder with "yes" is re-subscribed, not confirmed, so reminder texts should ask for "C".
// Kept exactly as specified; if the spec changes, this table is the one place to change.

export type InboundKeyword = "STOP" | "START" | "HELP" | "CONFIRM" | "RESCHEDULE";

const KEYWORDS: Record<string, InboundKeyword> = {
  STOP: "STOP",
  STOPALL: "STOP",
  UNSUBSCRIBE: "STOP",
  CANCEL: "STOP",
  END: "STOP",
  QUIT: "STOP",
  START: "START",
  YES: "START",
  UNSTOP: "START",
  HELP: "HELP",
  INFO: "HELP",
  C: "CONFIRM",
  Y: "CONFIRM",
  CONFIRM: "CONFIRM",
  R: "RESCHEDULE",
  RESCHEDULE: "RESCHEDULE",
};

// Long messages can't be a keyword; skip normalising them.
const MAX_KEYWORD_MESSAGE = 40;

/**
 * The keyword a whole message is, or null. Case-insensitive; surrounding and inner spaces and
 * trailing punctuation are ignored ("Stop all!" → STOP).
 */
export function parseInboundKeyword(body: string | null | undefined): InboundKeyword | null {
  if (typeof body !== "string" || body.length > MAX_KEYWORD_MESSAGE) return null;
  const word = body
    .normalize("NFKC") // full-width "ＳＴＯＰ" from some keyboards reads as STOP
    .trim()
    .replace(/[\s.!?,;:…]+$/u, "")
    .replace(/\s+/gu, "")
    .toUpperCase();
  return Object.hasOwn(KEYWORDS, word) ? (KEYWORDS[word] ?? null) : null;
}
