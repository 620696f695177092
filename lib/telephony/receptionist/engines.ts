// The registry of receptionist engines, picked by RECEPTIONIST_ENGINE. A language-model engine
// registers here under its own name.
import { env } from "@/lib/env";
import { nluEngine } from "./nlu-engine";
import { ruleEngine } from "./rule-engine";
import type { ReceptionistEngine } from "./types";

const engines: Record<string, ReceptionistEngine> = { nlu: nluEngine, rules: ruleEngine };

export function getReceptionist(): ReceptionistEngine {
  const engine = engines[env.RECEPTIONIST_ENGINE];
  // env.ts only admits registered names, so this is a programming error, not a caller's.
  if (!engine) throw new Error(`Unknown receptionist engine "${env.RECEPTIONIST_ENGINE}"`);
  return engine;
}
