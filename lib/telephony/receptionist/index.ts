// Picks the receptionist engine named by RECEPTIONIST_ENGINE; routes call getReceptionist() and never
// know which one answers. A language-model engine registers here under its own name.
import { env } from "@/lib/env";
import { ruleEngine } from "./rule-engine";
import type { ReceptionistEngine } from "./types";

export type { ReceptionistEngine, ReceptionistIntent } from "./types";
export { interpretSafely } from "./interpret-safely";

const engines: Record<string, ReceptionistEngine> = { rules: ruleEngine };

export function getReceptionist(): ReceptionistEngine {
  const engine = engines[env.RECEPTIONIST_ENGINE];
  // env.ts only admits registered names, so this is a programming error, not a caller's.
  if (!engine) throw new Error(`Unknown receptionist engine "${env.RECEPTIONIST_ENGINE}"`);
  return engine;
}
