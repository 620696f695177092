// The registry of receptionist engines, picked by RECEPTIONIST_ENGINE: the trained NLU engine (the
// default), the keyword rules, or a language model with the NLU engine as its fallback.
import { env } from "@/lib/env";
import { languageModelEngine } from "./llm-engine";
import { nluEngine } from "./nlu-engine";
import { ruleEngine } from "./rule-engine";
import type { ReceptionistEngine } from "./types";

const engines: Record<string, ReceptionistEngine> = { nlu: nluEngine, rules: ruleEngine, llm: languageModelEngine() };

export function getReceptionist(): ReceptionistEngine {
  const engine = engines[env.RECEPTIONIST_ENGINE];
  // env.ts only admits registered names, so this is a programming error, not a caller's.
  if (!engine) throw new Error(`Unknown receptionist engine "${env.RECEPTIONIST_ENGINE}"`);
  return engine;
}
