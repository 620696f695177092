// The transport under the official Twilio SDK: the SDK still builds every request (URL, form
// fields, auth, User-Agent) and parses every answer; this class only carries the bytes, over
// undici instead of the SDK's default axios. Measured on the reminder burst (bench/reminders.ts):
// axios spent ~0.45 ms of CPU per text building its config and request objects, a quarter of the
// worker's cost per message; undici's pooled keep-alive connections cost a fraction of that.
//
// It keeps the SDK's RequestClient contract (extends it, same options and answers): any status is
// returned as { statusCode, body, headers } for the SDK to judge; network errors and timeouts throw
// (they carry no HTTP status, which is how lib/telephony/send-message.ts tells them apart).
// HTTP(S)_PROXY and NO_PROXY are honoured. With a base URL every call goes there instead of
// *.twilio.com, keeping path and query: the local stand-in, the sandbox, or an emulator.
import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import type Response from "twilio/lib/http/response";
import { Readable } from "node:stream";
import { EnvHttpProxyAgent, interceptors, request, type Dispatcher } from "undici";

/** The SDK's default request timeout (ms), used when a call doesn't set its own. */
const DEFAULT_TIMEOUT_MS = 30_000;

/** Moves a Twilio URL (any *.twilio.com domain) onto `baseUrl`, keeping path and query. */
export function rewriteTwilioUri(uri: string, baseUrl: string): string {
  const from = new URL(uri);
  const to = new URL(baseUrl);
  const prefix = to.pathname.replace(/\/+$/, "");
  return `${to.protocol}//${to.host}${prefix}${from.pathname}${from.search}`;
}

/**
 * Form/query encoding as the SDK's RequestClient does it (qs with arrayFormat "repeat"): arrays
 * repeat their key, undefined is left out, null is sent empty.
 */
export function encodeForm(fields: object): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined) continue;
      out.append(key, item === null ? "" : String(item));
    }
  }
  return out.toString();
}

// One connection pool per process, shared by every client (main account and subaccounts).
let shared: { direct: Dispatcher; redirecting: Dispatcher } | undefined;

function dispatchers() {
  if (!shared) {
    // Enough sockets for the worker's peak (4 fetch loops × 16 sends); more requests wait their turn.
    const direct = new EnvHttpProxyAgent({ connections: 64, keepAliveTimeout: 10_000 });
    shared = { direct, redirecting: direct.compose(interceptors.redirect({ maxRedirections: 10 })) };
  }
  return shared;
}

export type TwilioHttpClientOptions = {
  /** Send every request here instead of *.twilio.com (path and query kept). */
  baseUrl?: string;
  /** Default request timeout in ms (the SDK's own default, 30 s, when unset). */
  timeoutMs?: number;
};

export type StreamedResponse = {
  statusCode: number;
  headers: Record<string, string | string[] | undefined>;
  body: ReadableStream<Uint8Array>;
};

export class TwilioHttpClient extends twilio.RequestClient {
  private readonly baseUrl: string | undefined;

  constructor({ baseUrl, timeoutMs = DEFAULT_TIMEOUT_MS }: TwilioHttpClientOptions = {}) {
    super({ timeout: timeoutMs });
    this.baseUrl = baseUrl;
  }

  override async request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    const res = await this.send(opts);
    // The SDK parses JSON itself from a string body (and tolerates an empty one).
    const text = await res.body.text();
    return { statusCode: res.statusCode, body: text as TData, headers: res.headers } as Response<TData>;
  }

  /**
   * The same request as `request()` (auth, base URL, redirects), answered with the body still
   * unread: for media (recordings, MMS), which `request()` would decode as text and corrupt. The
   * caller must consume or cancel `body`. Redirects to another host drop the Authorization header.
   */
  async requestStream(opts: RequestClient.RequestOptions): Promise<StreamedResponse> {
    const res = await this.send(opts);
    return { statusCode: res.statusCode, headers: res.headers, body: Readable.toWeb(res.body) as ReadableStream<Uint8Array> };
  }

  private async send(opts: RequestClient.RequestOptions): Promise<Dispatcher.ResponseData> {
    if (!opts.method) throw new Error("http method is required");
    if (!opts.uri) throw new Error("uri is required");
    const headers: Record<string, string> = { ...(opts.headers as Record<string, string> | undefined) };
    if (opts.username && opts.password) {
      headers.Authorization = `Basic ${Buffer.from(`${opts.username}:${opts.password}`).toString("base64")}`;
    } else if (opts.authStrategy) {
      headers.Authorization = await opts.authStrategy.getAuthString();
    }

    let url = this.baseUrl ? rewriteTwilioUri(opts.uri, this.baseUrl) : opts.uri;
    if (opts.params) {
      const query = encodeForm(opts.params);
      if (query) url += `${url.includes("?") ? "&" : "?"}${query}`;
    }
    let body: string | undefined;
    if (opts.data) {
      const type = headers["Content-Type"];
      if (type === "application/x-www-form-urlencoded") body = encodeForm(opts.data);
      else if (type === "application/json") body = JSON.stringify(opts.data);
    }

    const timeout = opts.timeout ?? this.defaultTimeout;
    const { direct, redirecting } = dispatchers();
    return request(url, {
      method: opts.method.toUpperCase() as Dispatcher.HttpMethod,
      headers,
      body,
      headersTimeout: timeout,
      bodyTimeout: timeout,
      dispatcher: opts.allowRedirects ? redirecting : direct,
    });
  }
}
