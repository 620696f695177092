// Cursor pagination shared by list endpoints and pages: newest first by (createdAt, id), with an
// opaque cursor so clients cannot depend on its shape and rows inserted meanwhile never shift pages.
import { z } from "zod";

const DEFAULT_PAGE_SIZE = 25;
const MAX_PAGE_SIZE = 100;

export type Cursor = { createdAt: Date; id: string };
export type Page<T> = { data: T[]; nextCursor: string | null };

export function encodeCursor(row: Cursor): string {
  return Buffer.from(JSON.stringify([row.createdAt.toISOString(), row.id])).toString("base64url");
}

/** Returns null for anything that is not a cursor we issued (the schema turns that into a 422). */
export function decodeCursor(value: string): Cursor | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [at, id] = parsed as unknown[];
    if (typeof at !== "string" || typeof id !== "string" || id.length === 0 || id.length > 64) return null;
    const createdAt = new Date(at);
    return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id };
  } catch {
    // Malformed base64/JSON is simply "not a cursor"; the caller reports it as a validation error.
    return null;
  }
}

const cursorSchema = z.string().transform((value, ctx) => {
  const cursor = decodeCursor(value);
  if (!cursor) {
    ctx.addIssue({ code: "custom", message: "Invalid cursor: pass the nextCursor of a previous page" });
    return z.NEVER;
  }
  return cursor;
});

export const paginationQuerySchema = z.object({
  limit: z.coerce
    .number({ error: "limit must be a number" })
    .int("limit must be a whole number")
    .min(1, "limit must be between 1 and 100")
    .max(MAX_PAGE_SIZE, "limit must be between 1 and 100")
    .default(DEFAULT_PAGE_SIZE)
    .meta({ description: "Rows per page (1–100)." }),
  cursor: cursorSchema.optional().meta({ description: "The `nextCursor` of the previous page." }),
});

/** Prisma's `where` for the rows after `cursor`, newest first by (createdAt, id). */
export function afterCursor(cursor: Cursor) {
  return { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] };
}

/** `limit + 1` rows read newest first as a page: the extra row only says that more exist. */
export function toCursorPage<R extends Cursor, T>(rows: R[], limit: number, toItem: (row: R) => T): Page<T> {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { data: page.map(toItem), nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
}

/**
 * A page whose rows PostgreSQL wrote as JSON (the API lists: lib/calls/list-call-logs.ts): each row's text,
 * in order. Node then neither parses the rows' fields nor builds Dates only to write them out again.
 */
export type JsonPage = { rows: string[]; nextCursor: string | null };

/**
 * `limit + 1` rows' JSON as a page: the extra row only signals that more exist; the cursor is the last shown
 * row's `timeKey` (an ISO instant) and id, read back from its JSON (one row, not the page).
 */
export function toJsonPage(rows: string[], limit: number, timeKey: string): JsonPage {
  const page = rows.slice(0, limit);
  if (rows.length <= limit || page.length === 0) return { rows: page, nextCursor: null };
  const last = JSON.parse(page.at(-1)!) as Record<string, string>;
  return { rows: page, nextCursor: encodeCursor({ createdAt: new Date(last[timeKey]!), id: last.id! }) };
}

/** The response body of a JsonPage: what NextResponse.json writes for `{ data, nextCursor }`. */
export function jsonPageResponse(page: JsonPage): Response {
  return new Response(`{"data":[${page.rows.join(",")}],"nextCursor":${JSON.stringify(page.nextCursor)}}`, {
    headers: { "content-type": "application/json" },
  });
}
