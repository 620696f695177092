// What the classifier sees: the words of a transcript or a text message with SMS shorthand spelled out,
// emoji read as words and punctuation gone, so "r u open tmrw??" and "are you open tomorrow" look alike.
// The model is trained on normalized text too: a change here changes the model (NORMALIZER_VERSION).
import type { Language } from "@/lib/i18n/language";

/** Bump when the normalization changes: the model built with the old one is then stale. */
export const NORMALIZER_VERSION = 2;

// Whole-word shorthand → the words it stands for, per language ("k" is "ok" in English, "que" in Spanish).
const EN_SHORTHAND: Record<string, string> = {
  k: "ok",
  kk: "ok",
  u: "you",
  ur: "your",
  r: "are",
  appt: "appointment",
  appts: "appointments",
  apt: "appointment",
  tmrw: "tomorrow",
  tmr: "tomorrow",
  tmw: "tomorrow",
  tomoro: "tomorrow",
  "2moro": "tomorrow",
  "2morrow": "tomorrow",
  pls: "please",
  plz: "please",
  thx: "thanks",
  thnx: "thanks",
  ty: "thank you",
  resched: "reschedule",
  wanna: "want to",
  gonna: "going to",
  b4: "before",
  rn: "right now",
  im: "i'm",
  cant: "can't",
  dont: "don't",
  thru: "through",
};

const ES_SHORTHAND: Record<string, string> = {
  q: "que",
  k: "que",
  xq: "porque",
  pq: "porque",
  porq: "porque",
  xfa: "por favor",
  porfa: "por favor",
  porfis: "por favor",
  tb: "tambien",
  tmb: "tambien",
  pa: "para",
  d: "de",
  mñn: "mañana",
  mna: "mañana",
  hr: "hora",
  hrs: "horas",
};

const PHRASES: Array<[RegExp, string]> = [
  [/\bx\s+fa(?:vor)?\b/g, "por favor"],
  [/\bw\//g, "with "],
];

// A few emoji carry the whole message ("👍" after a reminder is a confirmation).
const EMOJI: Array<[RegExp, Record<Language, string>]> = [
  [/[\u{1F44D}\u{1F44C}\u2705\u2714]/gu, { en: " ok ", es: " ok " }],
  [/[\u{1F64F}]/gu, { en: " thanks ", es: " gracias " }],
  [/[\u{1F44B}]/gu, { en: " bye ", es: " adios " }],
];

// Sounds and greetings callers put before anything they say; they tell no intent apart.
const FILLERS: Record<Language, Set<string>> = {
  en: new Set(["um", "uh", "uhm", "umm", "er", "ah", "hmm", "hi", "hey", "hello", "yeah", "so", "ope"]),
  es: new Set(["eh", "em", "ehh", "mmm", "hola", "oye", "oiga", "pues", "bueno", "buenas", "mire", "disculpe", "aló", "alo"]),
};

export function normalizeUtterance(text: string, language: Language): string {
  const shorthand = language === "es" ? ES_SHORTHAND : EN_SHORTHAND;
  let out = text.normalize("NFC").toLowerCase();
  for (const [pattern, words] of EMOJI) out = out.replace(pattern, words[language]);
  for (const [pattern, words] of PHRASES) out = out.replace(pattern, words);
  out = out
    // Keep letters (accented too), digits, apostrophes and colons ("4:30"); everything else separates words.
    .replace(/[^\p{L}\p{N}':]+/gu, " ")
    .replace(/(\p{L})\1{2,}/gu, "$1$1")
    .trim();
  return out
    .split(/\s+/)
    .map((word) => shorthand[word] ?? word)
    .filter((word) => !FILLERS[language].has(word))
    .join(" ");
}
