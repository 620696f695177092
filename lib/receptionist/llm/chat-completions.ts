// One call to an OpenAI-compatible POST {base}/chat/completions with a deadline, returning the
// assistant's content. Every failure (timeout, refused connection, an error status, an answer of the
// wrong shape) throws a LanguageModelError whose message never carries the API key.
import { z } from "zod";
import type { ChatRequestBody } from "./prompt";

export type LanguageModelConfig = {
  /** Up to and including the version, as OpenAI clients take it: https://api.openai.com/v1. */
  baseUrl: string;
  /** Optional: local servers (Ollama, vLLM) often take none. */
  apiKey?: string;
  model: string;
  timeoutMs: number;
};

export class LanguageModelError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string | null,
  ) {
    super(message);
    this.name = "LanguageModelError";
  }
}

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }) })).min(1),
});

const errorSchema = z.object({ error: z.object({ message: z.string().catch(""), type: z.string().nullish(), code: z.string().nullish() }) });

/** Error texts are logged: take out the key, and the masked "sk-…abcd" form OpenAI echoes back. */
function scrub(text: string, apiKey: string | undefined): string {
  const withoutKey = apiKey ? text.replaceAll(apiKey, "[key]") : text;
  return withoutKey.replace(/\bsk-[\w*.-]+/g, "[key]").slice(0, 300);
}

async function failure(response: Response, apiKey: string | undefined): Promise<LanguageModelError> {
  const parsed = errorSchema.safeParse(await response.json().catch(() => null));
  const detail = parsed.success ? `${parsed.data.error.type ?? "error"}: ${scrub(parsed.data.error.message, apiKey)}` : "no error body";
  return new LanguageModelError(`chat completion failed with ${response.status} (${detail})`, response.status, parsed.data?.error.code);
}

export async function createChatCompletion(config: LanguageModelConfig, body: ChatRequestBody): Promise<string> {
  let response: Response;
  try {
    response = await fetch(`${config.baseUrl.replace(/\/+$/, "")}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(config.apiKey ? { authorization: `Bearer ${config.apiKey}` } : {}) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (err) {
    const timedOut = err instanceof DOMException && err.name === "TimeoutError";
    throw new LanguageModelError(timedOut ? `no answer within ${config.timeoutMs} ms` : `could not reach the model (${scrub(String(err), config.apiKey)})`);
  }
  if (!response.ok) throw await failure(response, config.apiKey);
  let json: unknown;
  try {
    json = await response.json();
  } catch (err) {
    // The body can also time out halfway; either way there is no answer.
    throw new LanguageModelError(`unreadable chat completion (${scrub(String(err), config.apiKey)})`);
  }
  const completion = completionSchema.safeParse(json);
  if (!completion.success) throw new LanguageModelError("the response is not a chat completion");
  const { content, refusal } = completion.data.choices[0]!.message;
  if (!content) throw new LanguageModelError(refusal ? "the model refused" : "the model's answer is empty");
  return content;
}
