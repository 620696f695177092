// The trained intent classifier: the model file built by `npm run build:nlu-model`, imported once per
// process (never trained here), answering an intent, its confidence and the language it was read in.
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from "@/lib/i18n/language";
import { INTENTS, type Intent } from "@/lib/receptionist/understanding";
import { configure, createNlp, type NlpModel } from "./engine";
import { classifierInput } from "./normalize";

/** Below this the classifier's answer is NONE ("not understood"); chosen on the training corpus. */
const CONFIDENCE_THRESHOLD = 0.5;

/** Fewer words than this say too little to tell the language from ("ok", "gracias"). */
const MIN_WORDS_TO_DETECT = 3;

export type Classification = { intent: Intent; confidence: number; language: Language };

export type ModelFile = { format: 1; corpusHash: string; model: unknown };

let loading: Promise<NlpModel> | undefined;

/** The model, imported on first use; a JSON import so the bundler ships the file with the server code. */
function loadClassifier(): Promise<NlpModel> {
  loading ??= import("./model.json").then(({ default: file }) => {
    const nlp = createNlp();
    nlp.import((file as unknown as ModelFile).model);
    return configure(nlp);
  });
  return loading;
}

/**
 * Loads the model ahead of the first caller (instrumentation.ts, at server start): importing it takes
 * 0.3–0.4 s here, and seconds on a loaded machine, which the first call would otherwise wait through —
 * or, past the receptionist's deadline, be answered by the keyword rules instead.
 */
export function warmUpClassifier(): Promise<unknown> {
  return loadClassifier();
}

function asIntent(label: string): Intent {
  return (INTENTS as readonly string[]).includes(label) ? (label as Intent) : "NONE";
}

async function classifyIn(nlp: NlpModel, text: string, language: Language): Promise<Classification> {
  const words = classifierInput(text, language);
  if (!words) return { intent: "NONE", confidence: 1, language };
  const result = await nlp.process(language, words);
  return { intent: asIntent(result.intent), confidence: result.score, language };
}

/** The language the words are in, when there are enough of them to tell. */
function detectLanguage(nlp: NlpModel, text: string): Language | undefined {
  if (text.trim().split(/\s+/).length < MIN_WORDS_TO_DETECT) return undefined;
  const guess = nlp.guessLanguage(text);
  return (LANGUAGES as readonly string[]).includes(guess ?? "") ? (guess as Language) : undefined;
}

export async function classify(text: string, language?: Language): Promise<Classification> {
  const nlp = await loadClassifier();
  let answer: Classification;
  // Words long enough to tell their language win over the one given: a caller on an English call (the
  // default) who speaks Spanish is understood in Spanish, and the call switches. The given language
  // decides short answers ("ok", "sí", "2:30") that could be either.
  const detected = detectLanguage(nlp, text);
  const chosen = detected ?? language;
  if (chosen) answer = await classifyIn(nlp, text, chosen);
  else {
    // Too short to tell: the language whose model is surer, the default one on a tie.
    const [first, second] = await Promise.all([
      classifyIn(nlp, text, DEFAULT_LANGUAGE),
      classifyIn(nlp, text, DEFAULT_LANGUAGE === "en" ? "es" : "en"),
    ]);
    const sure = (c: Classification) => (c.intent === "NONE" ? 0 : c.confidence);
    answer = sure(second) > sure(first) ? second : first;
  }
  return answer.confidence < CONFIDENCE_THRESHOLD ? { ...answer, intent: "NONE" } : answer;
}
