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

function fuseOf(words: string[], threshold: number): Fuse<string> {
  return new Fuse([...new Set(words)], {
    includeScore: true,
    threshold,
    ignoreLocation: true,
    minMatchCharLength: 2,
  });
}

/** The utterance's words and each adjacent pair run together ("bala yash" → "balayash"). */
function candidates(words: string[]): string[] {
  const pairs = words.slice(1).map((word, i) => `${words[i]}${word}`);
  return [...words, ...pairs];
}

/** For each word of the name, how well (0–1) some spoken word matches it. */
function wordMatches(spoken: string[], nameWords: string[], threshold: number): number[] {
  const fuse = fuseOf(spoken, threshold);
  return nameWords.map((word) => {
    if (spoken.includes(word)) return 1;
    if (word.length < 4) return 0;
    const best = fuse.search(word)[0];
    return best && best.score !== undefined ? 1 - best.score : 0;
  });
}

export function matchService(text: string, services: Catalog["services"]): NamedEntity | undefined {
  const spoken = candidates(concepts(text));
  if (spoken.length === 0) return undefined;
  let best: { service: Named; score: number; matched: number } | undefined;
  for (const service of services) {
    const nameWords = concepts(service.name);
    if (nameWords.length === 0) continue;
    const matches = wordMatches(spoken, nameWords, WORD_THRESHOLD);
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
  let best: { stylist: Named; score: number } | undefined;
  for (const stylist of stylists) {
    const nameWords = fold(stylist.name)
      .split(" ")
      .filter((w) => w.length >= 2);
    const matches = wordMatches(spoken, nameWords, NAME_THRESHOLD).map((m, i) =>
      (nameWords[i]?.length ?? 0) < 5 && m < 1 ? 0 : m,
    );
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
