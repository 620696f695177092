// Admin lists' URL state (filters, sorting, paging): reading it with the page's schema, and building
// links from the current query string. Client-safe.
import type { z } from "zod";
import { isSafeText, toSafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/api/text-input";

export type RawSearchParams = Record<string, string | string[] | undefined>;

export function toSearchParams(raw: RawSearchParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, v);
  }
  return params;
}

/** `path?…` with `patch` applied: null/"" removes a parameter. Empty parameters are dropped so links stay short. */
export function hrefWith(
  path: string,
  current: URLSearchParams,
  patch: Record<string, string | number | null | undefined>,
): string {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined || value === "") next.delete(key);
    else next.set(key, String(value));
  }
  for (const key of [...new Set(next.keys())]) if (next.getAll(key).every((v) => v === "")) next.delete(key);
  const query = next.toString();
  return query ? `${path}?${query}` : path;
}

/** A list page's searchParams as its schema reads them, and what had to be left out to get there. */
type SearchParamsReading<T> = {
  query: T;
  /** Parameters the link carried that couldn't be read; they were left out and the rest kept. */
  dropped: string[];
  /** Why they were dropped, for a page that tells one kind apart (e.g. a backwards date range). */
  issues: z.core.$ZodIssue[];
};

/**
 * The one way a list page reads its URL: a stale or hand-edited link never becomes an error page.
 * A blank parameter (what a GET form sends for an empty field) is absent; one the schema doesn't know
 * is ignored; a value it can't read is dropped and reported, and the rest parse again, since a rule
 * across fields (zod refines only once every field reads) may then fail too. `fixed` values are the
 * page's own (e.g. its page size), never dropped.
 */
export function readSearchParams<S extends z.ZodType>(
  schema: S,
  raw: RawSearchParams,
  fixed: Record<string, unknown> = {},
): SearchParamsReading<z.output<S>> {
  // Null prototype and own-key checks: a parameter named "toString" or "__proto__" is the link's, like any other.
  const kept: Record<string, string | string[]> = Object.create(null);
  const dropped: string[] = [];
  const issues: z.core.$ZodIssue[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || value === "" || Object.hasOwn(fixed, key)) continue;
    // Text the database can't take (a NUL, an unpaired surrogate) is unreadable like any bad value.
    if ([key, value].flat().every(isSafeText)) kept[key] = value;
    else {
      dropped.push(toSafeText(key));
      issues.push({ code: "custom", path: [toSafeText(key)], message: UNSAFE_TEXT_MESSAGE, input: undefined });
    }
  }
  for (;;) {
    const parsed = schema.safeParse({ ...kept, ...fixed });
    if (parsed.success) return { query: parsed.data, dropped, issues };
    let progress = false;
    for (const issue of parsed.error.issues) {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [issue.path[0]];
      for (const key of keys) {
        if (typeof key !== "string" || !Object.hasOwn(kept, key)) continue;
        delete kept[key];
        progress = true;
        // Not the page's parameter (a tracking tag, another page's): ignored, not reported.
        if (issue.code === "unrecognized_keys") continue;
        if (!dropped.includes(key)) dropped.push(key);
        issues.push(issue);
      }
    }
    if (progress) continue;
    // An issue naming no parameter (a rule over the whole query): read nothing from the link.
    dropped.push(...Object.keys(kept).filter((key) => !dropped.includes(key)));
    issues.push(...parsed.error.issues);
    return { query: schema.parse(fixed), dropped, issues };
  }
}
