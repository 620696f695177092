// The optional language-model engine (RECEPTIONIST_ENGINE=llm): the same Understanding the NLU engine
// gives, asked of an OpenAI-compatible chat API. It throws on anything short of a valid answer; the
// receptionist seam then lets the NLU engine answer instead (lib/telephony/receptionist).
import { env } from "@/lib/env";
import type { UnderstandInput, Understanding } from "@/lib/receptionist/understanding";
import { parseModelAnswer, toUnderstanding } from "./answer";
import { createChatCompletion, LanguageModelError, type LanguageModelConfig } from "./chat-completions";
import { buildChatRequest } from "./prompt";

export { LanguageModelError, type LanguageModelConfig } from "./chat-completions";

/** The configured model; env.ts refuses RECEPTIONIST_ENGINE=llm without LLM_BASE_URL and LLM_MODEL. */
export function languageModelConfigFromEnv(): LanguageModelConfig {
  if (!env.LLM_BASE_URL || !env.LLM_MODEL) throw new LanguageModelError("LLM_BASE_URL and LLM_MODEL are not set");
  return { baseUrl: env.LLM_BASE_URL, apiKey: env.LLM_API_KEY, model: env.LLM_MODEL, timeoutMs: env.LLM_TIMEOUT_MS };
}

export async function understandWithLanguageModel(input: UnderstandInput, config: LanguageModelConfig): Promise<Understanding> {
  const content = await createChatCompletion(config, buildChatRequest(input, config.model));
  let answer;
  try {
    answer = parseModelAnswer(content);
  } catch (err) {
    // The content is the model's reading of a customer's words: keep it out of the logs.
    throw new LanguageModelError(`unusable answer from the model (${err instanceof SyntaxError ? "not JSON" : "not the answer's shape"})`);
  }
  return toUnderstanding(answer, input);
}
