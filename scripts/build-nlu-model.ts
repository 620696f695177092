// `npm run build:nlu-model`: trains the receptionist's intent classifier on the training corpus
// (lib/telephony/receptionist/corpus/train.*.json, never the eval files) and writes
// lib/receptionist/nlu/model.json with the corpus's SHA-256 inside. Run it after editing the corpus or
// the normalizer; a test fails while the committed model is older than the corpus.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { LANGUAGES } from "@/lib/i18n/language";
import { readCorpus, trainingCorpusHash } from "@/lib/receptionist/nlu/corpus";
import { createNlp } from "@/lib/receptionist/nlu/engine";
import { normalizeUtterance } from "@/lib/receptionist/nlu/normalize";
import type { ModelFile } from "@/lib/receptionist/nlu/classifier";

const out = path.join(process.cwd(), "lib/receptionist/nlu/model.json");
const nlp = createNlp();
let count = 0;
for (const language of LANGUAGES) {
  nlp.addLanguage(language);
  for (const utterance of readCorpus("train", language)) {
    const words = normalizeUtterance(utterance.text, language);
    // "??" or "😂😂" leave no words: nothing to learn, and the classifier answers NONE for them anyway.
    if (!words) continue;
    nlp.addDocument(language, words, utterance.intent);
    count += 1;
  }
}
const started = performance.now();
await nlp.train();
const file: ModelFile = { format: 1, corpusHash: trainingCorpusHash(), model: JSON.parse(nlp.export(true)) };
writeFileSync(out, `${JSON.stringify(file)}\n`);
console.log(
  `trained on ${count} utterances in ${Math.round(performance.now() - started)} ms → ${path.relative(process.cwd(), out)}`,
);
