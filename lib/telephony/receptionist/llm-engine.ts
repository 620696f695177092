// The optional language-model receptionist (RECEPTIONIST_ENGINE=llm): keys and spoken menu choices
// are the rules' as with the NLU engine; words go to the configured chat API. Its fallback is the NLU
// engine, so a timeout, an error status or an unusable answer costs the caller nothing but the wait.
import { languageModelConfigFromEnv, understandWithLanguageModel, type LanguageModelConfig } from "@/lib/receptionist/llm/understand-with-language-model";
import { nluEngine, understandingEngine } from "./nlu-engine";
import type { ReceptionistEngine } from "./types";

/** `config` is read per utterance: the module is imported (by the registry) before the environment is. */
export function languageModelEngine(config: () => LanguageModelConfig = languageModelConfigFromEnv): ReceptionistEngine {
  return { ...understandingEngine("llm", (input) => understandWithLanguageModel(input, config())), fallback: nluEngine };
}
