// One NLP.js instance holding both languages' models. Building it is all the classifier shares with the
// build script: the script trains and exports it, the app imports the exported file (never trains).
import { containerBootstrap } from "@nlpjs/core";
import { LangEn } from "@nlpjs/lang-en-min";
import { LangEs } from "@nlpjs/lang-es";
import { Nlp } from "@nlpjs/nlp";
import type { Language } from "@/lib/i18n/language";

export type NlpClassification = { intent: string; score: number };
export type NlpResult = {
  locale: string;
  intent: string;
  score: number;
  classifications?: NlpClassification[];
};

/** The slice of NLP.js's Nlp class the receptionist uses. */
export type NlpModel = {
  settings: Record<string, unknown>;
  nluManager: { settings: Record<string, unknown> };
  addLanguage(locale: Language): void;
  addDocument(locale: Language, utterance: string, intent: string): void;
  train(): Promise<unknown>;
  export(minified: boolean): string;
  import(data: unknown): void;
  process(locale: Language, utterance: string): Promise<NlpResult>;
  guessLanguage(utterance: string): string | undefined;
};

export function createNlp(): NlpModel {
  const container = containerBootstrap();
  container.use(Nlp);
  container.use(LangEn);
  container.use(LangEs);
  // Training would print every epoch and save ./model.nlp; the script writes its own file. No sentiment.
  return configure(container.get<NlpModel>("nlp"));
}

/** Also after an import, which brings back the settings the model was exported with. */
export function configure(nlp: NlpModel): NlpModel {
  nlp.settings.autoSave = false;
  nlp.nluManager.settings.log = false;
  nlp.settings.calculateSentiment = false;
  // The classifier applies its own threshold; NLP.js would report "None" with score 1 below 0.5.
  nlp.settings.threshold = 0;
  return nlp;
}
