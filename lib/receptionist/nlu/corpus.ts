// The training corpus (never the held-out eval files) and its fingerprint, which the model file carries
// so a test can tell when the model no longer matches the corpus it ships with.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Channel, Intent } from "@/lib/receptionist/understanding";
import { LANGUAGES, type Language } from "@/lib/i18n/language";
import { NORMALIZER_VERSION } from "./normalize";

export type LabelledUtterance = {
  text: string;
  intent: Intent;
  channel: Channel;
  entities?: { service?: string; stylist?: string; when?: string };
};

const CORPUS_DIR = path.join(process.cwd(), "lib/telephony/receptionist/corpus");

export function readCorpus(kind: "train" | "eval", language: Language): LabelledUtterance[] {
  return JSON.parse(
    readFileSync(path.join(CORPUS_DIR, `${kind}.${language}.json`), "utf8"),
  ) as LabelledUtterance[];
}

/** SHA-256 of the training files and the normalizer version: what the model was built from. */
export function trainingCorpusHash(): string {
  const hash = createHash("sha256").update(`normalizer ${NORMALIZER_VERSION}\n`);
  for (const language of LANGUAGES)
    hash.update(readFileSync(path.join(CORPUS_DIR, `train.${language}.json`)));
  return hash.digest("hex");
}
