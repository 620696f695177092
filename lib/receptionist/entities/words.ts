// Words reduced to what a salon means by them, in either language: "Women's Cut", "womens cut" and
// "corte de dama" all become [women, cut]. Service names and callers' words go through the same steps,
// so matching compares like with like.

/** Lowercase, no accents or apostrophes, words separated by single spaces. ñ stays apart from n ("uñas" ≠ "unas"). */
export function fold(text: string): string {
  return text
    .replace(/ñ/gi, "nn")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

// Multi-word names first, while the words are still next to each other.
const PHRASES: Array<[RegExp, string]> = [
  [/\bhair ?cuts?\b/g, "cut"],
  [/\bblow ?(?:dry|out|outs|drys)\b/g, "blowout"],
  [/\btouch ?ups?\b/g, "touchup"],
  [/\bmani ?pedi\b/g, "manicure pedicure"],
  [/\bmanny ?petty\b/g, "manicure pedicure"],
  [/\bbala ?(?:yash|yage|ya|ge)\b|\bballet ?arch\b/g, "balayage"],
  [/\bhi ?lights?\b/g, "highlights"],
  [/\bup ?do\b/g, "updo"],
  [/\bsilk ?press\b/g, "silkpress"],
];

// Canonical concept per word (after folding and singular). English and Spanish (and SMS) spellings.
const CONCEPTS: Record<string, string> = {
  haircut: "cut",
  corte: "cut",
  cortar: "cut",
  cortarme: "cut",
  recorte: "cut",
  trim: "cut",
  despunte: "cut",
  colour: "color",
  tinte: "color",
  tenir: "color",
  tenirme: "color",
  coloracion: "color",
  highlight: "highlights",
  mecha: "highlights",
  rayito: "highlights",
  luce: "highlights",
  reflejo: "highlights",
  babylight: "highlights",
  secado: "blowout",
  brushing: "blowout",
  blower: "blowout",
  unna: "nails",
  nail: "nails",
  mani: "manicure",
  manicura: "manicure",
  pedi: "pedicure",
  pedicura: "pedicure",
  barba: "beard",
  depilacion: "wax",
  depilar: "wax",
  cera: "wax",
  waxing: "wax",
  dama: "women",
  mujer: "women",
  senora: "women",
  sennora: "women",
  lady: "women",
  ladie: "women",
  woman: "women",
  womens: "women",
  caballero: "men",
  hombre: "men",
  man: "men",
  mens: "men",
  gentleman: "men",
  nino: "kids",
  nina: "kids",
  ninno: "kids",
  ninna: "kids",
  kid: "kids",
  child: "kids",
  children: "kids",
  infantil: "kids",
  ceja: "brows",
  eyebrow: "brows",
  brow: "brows",
  pestanna: "lashes",
  pestana: "lashes",
  lash: "lashes",
  keratina: "keratin",
  alaciado: "keratin",
  planchado: "keratin",
  peinado: "updo",
  recogido: "updo",
  permanente: "perm",
  tratamiento: "treatment",
  hidratacion: "conditioning",
  acondicionamiento: "conditioning",
  raiz: "root",
  raice: "root",
  retoque: "touchup",
  extensione: "extensions",
  extension: "extensions",
  trenza: "braids",
  braid: "braids",
  maquillaje: "makeup",
  tono: "tone",
  toner: "tone",
  matiz: "tone",
  brillo: "gloss",
  cuero: "scalp",
  cabelludo: "scalp",
  rizo: "curl",
  chino: "curl",
  facial: "facial",
  limpieza: "facial",
};

// Words that never name a service on their own.
const STOPWORDS = new Set(
  "a an and the of for with my me i de del la el las los un una y para por con mi hair cabello pelo style styling".split(
    " ",
  ),
);

function singular(word: string): string {
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** The concept words of a name or an utterance, in order. */
export function concepts(text: string): string[] {
  let folded = fold(text);
  for (const [pattern, replacement] of PHRASES) folded = folded.replace(pattern, replacement);
  const out: string[] = [];
  for (const word of folded.split(" ")) {
    if (!word) continue;
    const concept = CONCEPTS[word] ?? CONCEPTS[singular(word)] ?? singular(word);
    if (!STOPWORDS.has(word) && !STOPWORDS.has(concept)) out.push(concept);
  }
  return out;
}

/** Words that qualify a service ("women's", "kids'") but never identify one by themselves. */
export const MODIFIERS = new Set([
  "women",
  "men",
  "kids",
  "full",
  "partial",
  "single",
  "process",
  "special",
  "occasion",
  "deep",
]);
