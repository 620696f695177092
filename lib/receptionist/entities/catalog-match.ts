// The salon's own service and stylist an utterance names, matched fuzzily: case, accents, plurals,
// apostrophes, English/Spanish names and recognizer slips ("womens cut" ~ "Women's Cut", "corte de dama",
// "bala yash"). fuse.js scores each spoken word against the words of the salon's names.
import Fuse from "fuse.js";
import type { Catalog, Entities, NamedEntity } from "@/lib/receptionist/understanding";
import { concepts, fold, MODIFIERS } from "./words";

type Named = { id: string; name: string };

/** Fuse's 0 (exact) … 1 (anything); past this a word is not the name's word. */
const WORD_THRESHOLD = 0.34;
/** Stylists' names are stricter: "same" must not be "Sam". */
const NAME_THRESHOLD = 0.2;

// "Whoever is free", "no preference", "cualquiera": the caller doesn't mind which stylist.
const ANYONE =
  /\b(?:any ?one|any ?body|who ?ever|whoever'?s|no preference|don'?t (?:care|mind)|doesn'?t matter|any stylist|first available|cualquiera|cualquier (?:estilista|persona)|quien sea|el que sea|la que sea|quien este libre|no importa|me da igual|sin preferencia|da lo mismo)\b/i;

/** Scores a name's word (0–1) by the closest spoken word; one fuse index per utterance, scores memoized. */
function wordMatcher(spoken: string[], threshold: number): (word: string) => number {
  const fuse = new Fuse([...new Set(spoken)], {
    includeScore: true,
    threshold,
    ignoreLocation: true,
    minMatchCharLength: 2,
  });
  const seen = new Map<string, number>();
  return (word) => {
    let score = seen.get(word);
    if (score === undefined) {
      score = spoken.includes(word)
        ? 1
        : word.length < 4
          ? 0
          : 1 - (fuse.search(word, { limit: 1 })[0]?.score ?? 1);
      seen.set(word, score);
    }
    return score;
  };
}

/** The utterance's words and each adjacent pair run together ("bala yash" → "balayash"). */
function candidates(words: string[]): string[] {
  const pairs = words.slice(1).map((word, i) => `${words[i]}${word}`);
  return [...words, ...pairs];
}

// Service names' concept words, computed once per name (catalogs are re-read on every call).
const nameConcepts = new Map<string, string[]>();
function conceptsOfName(name: string): string[] {
  let words = nameConcepts.get(name);
  if (!words) {
    words = concepts(name);
    if (nameConcepts.size > 5_000) nameConcepts.clear();
    nameConcepts.set(name, words);
  }
  return words;
}

export function matchService(text: string, services: Catalog["services"]): NamedEntity | undefined {
  const spoken = candidates(concepts(text));
  if (spoken.length === 0) return undefined;
  const match = wordMatcher(spoken, WORD_THRESHOLD);
  let best: { service: Named; score: number; matched: number } | undefined;
  for (const service of services) {
    const nameWords = conceptsOfName(service.name);
    if (nameWords.length === 0) continue;
    const matches = nameWords.map(match);
    // A service is named only by one of its own words, not by "women's" or "kids'" alone.
    if (!nameWords.some((word, i) => !MODIFIERS.has(word) && (matches[i] ?? 0) > 0)) continue;
    const matched = matches.filter((m) => m > 0).length;
    // Coverage of the name's words, so "men's cut" beats "Women's cut & style" for "mens cut".
    const score = matches.reduce((sum, m) => sum + m, 0) / nameWords.length;
    if (!best || score > best.score || (score === best.score && matched > best.matched))
      best = { service, score, matched };
  }
  return (
    best && { id: best.service.id, name: best.service.name, text: serviceWords(text, best.service.name) }
  );
}

export function matchStylist(text: string, stylists: Catalog["stylists"]): Entities["stylist"] {
  const spoken = fold(text).split(" ").filter(Boolean);
  const match = wordMatcher(spoken, NAME_THRESHOLD);
  let best: { stylist: Named; score: number } | undefined;
  for (const stylist of stylists) {
    const nameWords = fold(stylist.name)
      .split(" ")
      .filter((w) => w.length >= 2);
    // Short names only match exactly.
    const matches = nameWords.map((word) => (word.length < 5 && match(word) < 1 ? 0 : match(word)));
    const score = Math.max(0, ...matches);
    if (score > 0 && (!best || score > best.score)) best = { stylist, score };
  }
  if (best) return { id: best.stylist.id, name: best.stylist.name, text: wordsFor(text, best.stylist.name) };
  const anyone = ANYONE.exec(text);
  return anyone ? { anyone: true, text: anyone[0] } : undefined;
}

/** The caller's words that carry the service's concepts ("corte de dama" for "Women's cut"); the name if none. */
function serviceWords(text: string, name: string): string {
  const wanted = concepts(name);
  const words = text.split(/\s+/);
  const hits = words.map((w) => concepts(w).some((c) => wanted.includes(c)));
  const first = hits.indexOf(true);
  if (first < 0) return name;
  return words.slice(first, hits.lastIndexOf(true) + 1).join(" ");
}

/** The caller's own words for a name, as well as a word-level match can tell; the name if none. */
function wordsFor(text: string, name: string): string {
  const nameWords = new Set(fold(name).split(" "));
  const hit = text.split(/\s+/).filter((w) => nameWords.has(fold(w)));
  return hit.length > 0 ? hit.join(" ") : name;
}
