// How many bytes of a request body each kind of route reads, and the one reader that stops at that
// many: past the cap the stream is cancelled and the request answered 413, so a huge or endless body
// costs the server at most the cap in memory, whatever Content-Length or chunking claims.
import { ApiError } from "@/lib/api/errors";

const KB = 1024;

export const BODY_LIMITS = {
  /** Twilio's webhook forms are a few KB (an SMS body is at most 1600 characters); 256 KB is Twilio's own cap on them. */
  twilioWebhook: 256 * KB,
  /** Stripe's events are JSON of a few KB; their largest objects stay well under 1 MB. */
  stripeWebhook: 1024 * KB,
  /**
   * Bolt's own JSON API. Stricter than the 1 MB the issue suggests: the largest body any route accepts is
   * a 1600-character text or a salon's profile (a few KB), and a smaller cap bounds what many concurrent
   * requests can hold in memory. Raise it when a route needs more, not before.
   */
  json: 64 * KB,
  /** Auth.js's sign-in and sign-out forms: an email, a password, a CSRF token and a callback URL. */
  authForm: 64 * KB,
  /** A salon's customer list as CSV (the import a later issue adds). */
  csvImport: 5 * 1024 * KB,
} as const;

function payloadTooLarge(limit: number): ApiError {
  const size = limit >= 1024 * KB ? `${limit / (1024 * KB)} MB` : `${limit / KB} KB`;
  return new ApiError({ code: "payload_too_large", status: 413, message: `Request body must be at most ${size}.` });
}

/**
 * Reads at most `limit` bytes of the body and throws a 413 ApiError beyond it. A declared Content-Length
 * above the cap is refused without reading; a missing or lying one cannot make us buffer more, since
 * the bytes are counted as they arrive and the stream is cancelled at the first one past the cap.
 */
export async function readBodyWithLimit(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) {
    await req.body?.cancel().catch(() => undefined);
    throw payloadTooLarge(limit);
  }
  if (!req.body) return new Uint8Array();

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The body as UTF-8 text (invalid bytes become U+FFFD), read with the same cap: for forms and signed payloads. */
export async function readTextWithLimit(req: Request, limit: number): Promise<string> {
  return new TextDecoder().decode(await readBodyWithLimit(req, limit));
}
