// k-fold cross-validation on the TRAINING corpus only, to choose settings without the eval set.
import { LANGUAGES } from "@/lib/i18n/language";
import { readCorpus } from "@/lib/receptionist/nlu/corpus";
import { createNlp } from "@/lib/receptionist/nlu/engine";
import { normalizeUtterance } from "@/lib/receptionist/nlu/normalize";
const K = 5;
const spell = process.argv.includes("--spell");
const data = LANGUAGES.flatMap((l) => readCorpus("train", l).map((u, i) => ({ ...u, l, fold: i % K })));
const thresholds = [0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
const ok = new Map<number, number>();
for (let f = 0; f < K; f++) {
  const nlp = createNlp();
  if (spell) (nlp.settings as any).nlu = { spellCheck: true };
  for (const l of LANGUAGES) nlp.addLanguage(l);
  for (const u of data.filter((d) => d.fold !== f)) { const w = normalizeUtterance(u.text, u.l); if (w) nlp.addDocument(u.l, w, u.intent); }
  await nlp.train();
  for (const u of data.filter((d) => d.fold === f)) {
    const w = normalizeUtterance(u.text, u.l);
    const r = w ? await nlp.process(u.l, w) : { intent: "NONE", score: 1 };
    for (const t of thresholds) { const got = r.score < t || r.intent === "None" ? "NONE" : r.intent; if (got === u.intent) ok.set(t, (ok.get(t) ?? 0) + 1); }
  }
}
for (const t of thresholds) console.log("threshold", t, ((ok.get(t)! / data.length) * 100).toFixed(1) + "%");
