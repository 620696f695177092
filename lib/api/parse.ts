// Request parsing for route handlers: JSON bodies (type, size and syntax checked before zod) and query strings.
import type { z } from "zod";
import { ApiError } from "@/lib/api/errors";

const MAX_JSON_BODY_BYTES = 64 * 1024;

const tooLarge = () =>
  new ApiError({
    code: "payload_too_large",
    status: 413,
    message: `Request body must be at most ${MAX_JSON_BODY_BYTES / 1024} KB.`,
  });

function isJsonContentType(value: string | null): boolean {
  const mediaType = value?.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

/** Reads at most `limit` bytes; a missing or lying Content-Length cannot make us buffer more. */
async function readBodyWithLimit(req: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!req.body) return new Uint8Array();

  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
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

/**
 * Parses a JSON request body with `schema` (make it `.strict()` so unknown fields are a 422).
 * 415 for another content type, 413 past 64 KB, 400 for malformed JSON; a ZodError (→ 422) for invalid fields.
 */
export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  if (!isJsonContentType(req.headers.get("content-type"))) {
    throw new ApiError({
      code: "unsupported_media_type",
      status: 415,
      message: "Send the body as application/json.",
    });
  }
  const bytes = await readBodyWithLimit(req, MAX_JSON_BODY_BYTES);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ApiError({ code: "invalid_json", status: 400, message: "The request body is not valid JSON." });
  }
  return schema.parse(data);
}

/** Parses the query string; a repeated parameter becomes an array. */
export function parseSearchParams<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const params = new URL(req.url).searchParams;
  const data: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    data[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  return schema.parse(data);
}
