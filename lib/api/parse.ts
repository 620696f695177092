// Request parsing for route handlers: JSON bodies (type, size, syntax and text checked before zod) and query strings.
import type { z } from "zod";
import { BODY_LIMITS, readBodyWithLimit } from "@/lib/api/body-limits";
import { ApiError } from "@/lib/api/errors";
import { assertSafeText } from "@/lib/api/text-input";

function isJsonContentType(value: string | null): boolean {
  const mediaType = value?.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json";
}

/**
 * Parses a JSON request body with `schema` (make it `.strict()` so unknown fields are a 422).
 * 415 for another content type, 413 past BODY_LIMITS.json, 400 for malformed JSON; a ZodError (→ 422)
 * for invalid fields, a NUL or an unpaired surrogate in any string included.
 */
export async function parseJsonBody<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  if (!isJsonContentType(req.headers.get("content-type"))) {
    throw new ApiError({
      code: "unsupported_media_type",
      status: 415,
      message: "Send the body as application/json.",
    });
  }
  const bytes = await readBodyWithLimit(req, BODY_LIMITS.json);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new ApiError({ code: "invalid_json", status: 400, message: "The request body is not valid JSON." });
  }
  assertSafeText(data);
  return schema.parse(data);
}

/** Parses the query string; a repeated parameter becomes an array. */
export function parseSearchParams<S extends z.ZodType>(req: Request, schema: S): z.output<S> {
  const params = new URL(req.url).searchParams;
  // Null prototype: a parameter named "__proto__" or "toString" is a field like any other.
  const data: Record<string, string | string[]> = Object.create(null);
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    data[key] = values.length > 1 ? values : (values[0] ?? "");
  }
  assertSafeText(data);
  return schema.parse(data);
}
