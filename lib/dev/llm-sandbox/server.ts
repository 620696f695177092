// A local OpenAI-compatible chat API (plain node:http): POST /v1/chat/completions with Bearer auth,
// OpenAI's request checks, response object and error bodies, so the language-model engine is tested
// over the wire it will meet in production. Answers are deterministic: what a test scripted next
// (an answer, an error status, invalid JSON, or no answer at all), else `answer(request)`.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerAsReceptionist } from "./receptionist-answer";
import { cannedError, chatCompletion, OpenAiError, parseChatCompletionRequest, type ChatCompletionRequest } from "./wire";

/**
 * What the next request (for `model`, when given) gets. `content` is sent verbatim (a test's invalid
 * JSON too); `hang` never answers. A model per test keeps a late request from an earlier test (its
 * client gave up, the server reads it afterwards) from taking a reply meant for the next.
 */
export type ScriptedReply = ({ content: string } | { json: unknown } | { status: 401 | 429 | 500 | 503 } | { hang: true }) & { model?: string };

export type RecordedRequest = { body: ChatCompletionRequest; authorized: boolean };

export type LlmStandInOptions = {
  /** The only key accepted (Authorization: Bearer …). */
  apiKey: string;
  /** The answer's content when nothing is scripted; defaults to a receptionist reading of the prompt. */
  answer?: (request: ChatCompletionRequest) => string;
  /** For `created`; tests pass a fixed clock. */
  now?: () => Date;
  host?: string;
};

export type LlmStandIn = {
  /** http://127.0.0.1:PORT (throws before listen()). */
  readonly url: string;
  /** What an OpenAI client takes as its base URL: `${url}/v1`. */
  readonly baseUrl: string;
  /** Every chat-completion request, in order, authorized or not. */
  readonly requests: RecordedRequest[];
  /** Queues replies for the next requests, one each. */
  script(...replies: ScriptedReply[]): void;
  /** Forgets scripted replies and recorded requests. */
  reset(): void;
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
};

const MAX_BODY_BYTES = 512 * 1024;

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new OpenAiError(413, "invalid_request_error", "Request body too large.");
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(res: ServerResponse, status: number, body: unknown, requestId: string): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(payload), "x-request-id": requestId });
  res.end(payload);
}

function authenticationError(header: string | undefined, apiKey: string): OpenAiError | null {
  const token = /^Bearer\s+(\S+)$/i.exec(header ?? "")?.[1];
  if (!token)
    return new OpenAiError(
      401,
      "invalid_request_error",
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    );
  return token === apiKey ? null : cannedError(401);
}

function parseLoosely(raw: string): ChatCompletionRequest {
  try {
    return JSON.parse(raw) as ChatCompletionRequest;
  } catch {
    return { model: "", messages: [] };
  }
}

export function createLlmStandIn(options: LlmStandInOptions): LlmStandIn {
  const answer = options.answer ?? answerAsReceptionist;
  const now = options.now ?? (() => new Date());
  const queue: ScriptedReply[] = [];
  const requests: RecordedRequest[] = [];
  let served = 0;
  let baseUrl: string | undefined;

  async function completions(req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const raw = await readBody(req);
    const refusal = authenticationError(req.headers.authorization, options.apiKey);
    // Recorded even when refused, so a test sees what was sent (never the key itself).
    requests.push({ body: parseLoosely(raw), authorized: !refusal });
    if (refusal) throw refusal;
    const request = parseChatCompletionRequest(raw);
    const index = queue.findIndex((r) => r.model === undefined || r.model === request.model);
    const reply = index >= 0 ? queue.splice(index, 1)[0] : undefined;
    if (reply && "hang" in reply) return; // the client's timeout ends it, or close()
    if (reply && "status" in reply) throw cannedError(reply.status);
    const content = !reply ? answer(request) : "content" in reply ? reply.content : JSON.stringify(reply.json);
    served += 1;
    sendJson(res, 200, chatCompletion({ id: `chatcmpl-sandbox${String(served).padStart(6, "0")}`, created: now(), request, content }), requestId);
  }

  async function control(req: IncomingMessage, res: ServerResponse, path: string, requestId: string): Promise<void> {
    const refusal = authenticationError(req.headers.authorization, options.apiKey);
    if (refusal) throw refusal;
    if (path === "/_sandbox/reset") {
      queue.length = 0;
      requests.length = 0;
      return sendJson(res, 200, { reset: true }, requestId);
    }
    const replies = JSON.parse(await readBody(req)) as ScriptedReply | ScriptedReply[];
    queue.push(...(Array.isArray(replies) ? replies : [replies]));
    sendJson(res, 200, { queued: queue.length }, requestId);
  }

  let requestCount = 0;
  const server = createServer((req, res) => {
    requestCount += 1;
    const requestId = `req_sandbox${requestCount}`;
    const path = new URL(req.url ?? "/", "http://standin.local").pathname;
    const route =
      path === "/v1/chat/completions" ? () => completions(req, res, requestId)
      : path === "/_sandbox/replies" || path === "/_sandbox/reset" ? () => control(req, res, path, requestId)
      : undefined;
    const handled =
      !route ? Promise.reject(new OpenAiError(404, "invalid_request_error", `Invalid URL (${req.method} ${path})`))
      : req.method !== "POST" ? Promise.reject(new OpenAiError(405, "invalid_request_error", `Invalid method for URL (${req.method} ${path})`))
      : route();
    handled.catch((err: unknown) => {
      const error = err instanceof OpenAiError ? err : new OpenAiError(500, "server_error", "The server had an error while processing your request. Sorry about that!");
      sendJson(res, error.status, error.toJSON(), requestId);
    });
  });

  const host = options.host ?? "127.0.0.1";
  return {
    get url() {
      if (!baseUrl) throw new Error("The language-model stand-in is not listening yet: await listen() first.");
      return baseUrl;
    },
    get baseUrl() {
      return `${this.url}/v1`;
    },
    requests,
    script: (...replies) => void queue.push(...replies),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    listen: (wanted = 0) =>
      new Promise<string>((resolve, reject) => {
        server.once("error", reject);
        server.listen(wanted, host, () => {
          server.off("error", reject);
          baseUrl = `http://${host}:${(server.address() as AddressInfo).port}`;
          resolve(baseUrl);
        });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Hanging replies hold their sockets open; cut them.
        server.closeAllConnections();
        baseUrl = undefined;
      }),
  };
}
