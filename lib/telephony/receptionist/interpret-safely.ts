// The seam's safety net: a configured engine (a language model, one day) that is slow, throws or
// answers nonsense must not leave a caller in silence or make Twilio play "application error".
// It gets INTERPRET_TIMEOUT_MS; after that, or on any failure, its fallback engine (if it names one, with
// the same safety net) or the rules answer, and the failure is logged.
import type { Logger } from "@/lib/logger";
import { interpretByRules, ruleEngine } from "./rule-engine";
import { RECEPTIONIST_INTENTS, type Interpretation, type ReceptionistEngine, type ReceptionistInput } from "./types";

/** Well inside Twilio's 15-second webhook limit, and about as long as a caller waits in silence. */
const INTERPRET_TIMEOUT_MS = 3_000;

export type SafeInterpretation = Interpretation & { engine: string };

function isInterpretation(value: unknown): value is Interpretation {
  const candidate = value as Partial<Interpretation> | null | undefined;
  return typeof candidate?.confidence === "number" && RECEPTIONIST_INTENTS.includes(candidate.intent as Interpretation["intent"]);
}

export async function interpretSafely(
  engine: ReceptionistEngine,
  input: ReceptionistInput,
  log: Logger,
  timeoutMs = INTERPRET_TIMEOUT_MS,
): Promise<SafeInterpretation> {
  // The rules are synchronous and local: no timer on the default path.
  if (engine === ruleEngine) return { ...interpretByRules(input), engine: ruleEngine.name };
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const result: unknown = await Promise.race([Promise.resolve().then(() => engine.interpret(input)), timeout]);
    if (!isInterpretation(result)) throw new Error(`unusable answer ${JSON.stringify(result)}`);
    return { ...result, engine: engine.name };
  } catch (err) {
    if (engine.fallback) {
      log.error({ err, engine: engine.name, fallback: engine.fallback.name }, `receptionist engine failed; the ${engine.fallback.name} engine answered instead`);
      return interpretSafely(engine.fallback, input, log, timeoutMs);
    }
    log.error({ err, engine: engine.name }, "receptionist engine failed; the rule engine answered instead");
    return { ...interpretByRules(input), engine: ruleEngine.name };
  } finally {
    clearTimeout(timer);
  }
}
