// Keywords a customer can text back. Only a whole message counts ("stop", " Stop! "), never a word
// inside a sentence: "don't stop the reminders" must not opt anyone out.
//
// The product spec maps "Y" to CONFIRM but "YES" to START (the carrier opt-in keyword): a customer who
// answers a reminder with "yes" is re-subscribed, not confirmed, so reminder texts should ask for "C".
// Kept exactly as specified; if the spec changes, this table is the one place to change.
//
// Spanish: ALTO, PARAR and DETENER opt out like STOP, AYUDA asks for help like HELP (the words
// Twilio's Advanced Opt-Out is configured with in the README's production notes). CANCELAR and SÍ/SI
// follow the same logic as their English twins: a bare CANCEL is a carrier opt-out word, so a bare
// CANCELAR is one too ("cancelar mi cita" is a sentence, not a keyword, and goes to the receptionist);
// YES is the carrier opt-in word, not a confirmation, so SÍ re-subscribes and Bolt's texts ask for C.
// CONFIRMAR and REPROGRAMAR are CONFIRM and RESCHEDULE spelled in Spanish (the Spanish reminders still
// ask for C and R, which read the same in both languages).
import type { Language } from "@/lib/i18n/language";

export type InboundKeyword = "STOP" | "START" | "HELP" | "CONFIRM" | "RESCHEDULE";

const KEYWORDS: Record<string, InboundKeyword> = {
  STOP: "STOP",
  STOPALL: "STOP",
  UNSUBSCRIBE: "STOP",
  CANCEL: "STOP",
  END: "STOP",
  QUIT: "STOP",
  // Twilio's own default opt-out list also has these: Twilio blocks the number on them, so Bolt records it.
  REVOKE: "STOP",
  OPTOUT: "STOP",
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
  ALTO: "STOP",
  PARAR: "STOP",
  DETENER: "STOP",
  CANCELAR: "STOP",
  SI: "START",
  SÍ: "START",
  AYUDA: "HELP",
  CONFIRMAR: "CONFIRM",
  REPROGRAMAR: "RESCHEDULE",
};

/** The words above that are Spanish: the answer is in Spanish, and the customer is remembered as Spanish-speaking. */
const SPANISH_WORDS = new Set(["ALTO", "PARAR", "DETENER", "CANCELAR", "SI", "SÍ", "AYUDA", "CONFIRMAR", "REPROGRAMAR"]);

// Long messages can't be a keyword; skip normalising them.
const MAX_KEYWORD_MESSAGE = 40;

/**
 * The keyword a whole message is, or null. Case-insensitive; surrounding and inner spaces and
 * trailing punctuation are ignored ("Stop all!" → STOP).
 */
function keywordWord(body: string | null | undefined): string | null {
  if (typeof body !== "string" || body.length > MAX_KEYWORD_MESSAGE) return null;
  return body
    .normalize("NFKC") // full-width "ＳＴＯＰ" from some keyboards reads as STOP
    .trim()
    .replace(/^[¡¿]+/u, "") // "¡Alto!"
    .replace(/[\s.!?,;:…]+$/u, "")
    .replace(/\s+/gu, "")
    .toUpperCase();
}

export function parseInboundKeyword(body: string | null | undefined): InboundKeyword | null {
  const word = keywordWord(body);
  return word !== null && Object.hasOwn(KEYWORDS, word) ? (KEYWORDS[word] ?? null) : null;
}

/** "es" when the whole message is a Spanish keyword (ALTO, AYUDA…); null for any other message. */
export function keywordLanguage(body: string | null | undefined): Language | null {
  const word = keywordWord(body);
  return word !== null && SPANISH_WORDS.has(word) ? "es" : null;
}
