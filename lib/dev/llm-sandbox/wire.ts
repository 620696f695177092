// The OpenAI chat-completions wire format, as much of it as the stand-in speaks: the request it checks,
// the `chat.completion` object it answers and the `{ error: { message, type, param, code } }` bodies
// OpenAI sends for a bad key (401), a rate limit (429) and its own failures (500, 503).

export type ChatMessage = { role: "system" | "developer" | "user" | "assistant" | "tool"; content: string | null };

export type ResponseFormat =
  | { type: "text" }
  | { type: "json_object" }
  | { type: "json_schema"; json_schema: { name: string; description?: string; schema?: Record<string, unknown>; strict?: boolean | null } };

export type ChatCompletionRequest = {
  model: string;
  messages: ChatMessage[];
  response_format?: ResponseFormat;
  temperature?: number;
  stream?: boolean;
};

export type ApiErrorBody = { error: { message: string; type: string; param: string | null; code: string | null } };

export class OpenAiError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly code: string | null = null,
    readonly param: string | null = null,
  ) {
    super(message);
  }

  toJSON(): ApiErrorBody {
    return { error: { message: this.message, type: this.type, param: this.param, code: this.code } };
  }
}

/** The error OpenAI answers with for each status a test may ask for. */
export function cannedError(status: 401 | 429 | 500 | 503): OpenAiError {
  switch (status) {
    case 401:
      return new OpenAiError(401, "invalid_request_error", "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_api_key");
    case 429:
      return new OpenAiError(429, "requests", "Rate limit reached for requests. Please try again in 20ms.", "rate_limit_exceeded");
    case 500:
      return new OpenAiError(500, "server_error", "The server had an error while processing your request. Sorry about that!");
    case 503:
      return new OpenAiError(503, "server_error", "The engine is currently overloaded, please try again later", "server_is_overloaded");
  }
}

const invalid = (message: string, param: string | null = null) => new OpenAiError(400, "invalid_request_error", message, null, param);

/** Checks a request body as OpenAI does, with its messages; throws an OpenAiError (400). */
export function parseChatCompletionRequest(raw: string): ChatCompletionRequest {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw invalid("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly.)");
  }
  const request = body as Partial<ChatCompletionRequest> | null;
  if (typeof request !== "object" || request === null) throw invalid("The request body must be a JSON object.");
  if (typeof request.model !== "string" || !request.model) throw invalid("you must provide a model parameter", "model");
  if (!Array.isArray(request.messages) || request.messages.length === 0) throw invalid("[] is too short - 'messages'", "messages");
  request.messages.forEach((message, i) => {
    if (typeof message?.role !== "string") throw invalid(`Missing required parameter: 'messages[${i}].role'.`, `messages[${i}].role`);
  });
  if (request.stream) throw invalid("The stand-in does not stream: send stream: false.", "stream");
  const format = request.response_format;
  if (format?.type === "json_object" && !request.messages.some((m) => typeof m.content === "string" && /json/i.test(m.content)))
    throw invalid("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", "messages");
  if (format?.type === "json_schema" && !/^[\w-]{1,64}$/.test(format.json_schema?.name ?? ""))
    throw invalid("Invalid 'response_format.json_schema.name': must match ^[a-zA-Z0-9_-]{1,64}$.", "response_format.json_schema.name");
  if (format && !["text", "json_object", "json_schema"].includes(format.type))
    throw invalid(`Invalid value: '${String(format.type)}'. Supported values are: 'text', 'json_object', and 'json_schema'.`, "response_format.type");
  return request as ChatCompletionRequest;
}

/** A rough count (a token is about four characters), so `usage` adds up. */
const tokensIn = (text: string) => Math.ceil(text.length / 4);

export function chatCompletion(input: { id: string; created: Date; request: ChatCompletionRequest; content: string }) {
  const promptTokens = input.request.messages.reduce((sum, m) => sum + tokensIn(m.content ?? ""), 0);
  const completionTokens = tokensIn(input.content);
  return {
    id: input.id,
    object: "chat.completion",
    created: Math.floor(input.created.getTime() / 1000),
    model: input.request.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: input.content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: "stop",
      },
    ],
    usage: { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens },
    service_tier: "default",
    system_fingerprint: "fp_bolt_sandbox",
  };
}
