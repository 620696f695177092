// Newer/Older pages for the admin lists (Calls, Notifications) in any sort they offer, by keyset: a
// page starts where the last one ended (?after=…) or ends where the next one began (?before=…), so the
// 200th page costs what the first does, and a row arriving meanwhile shifts nothing. Each read is an
// equality or range the list's index seeks to; the sort column's ties are broken by time, then id.
// Model-agnostic: the caller runs each step with its own Prisma delegate.
import { z } from "zod";

type SortDir = "asc" | "desc";
/** Where a page starts or ends: the sort column's value (absent when sorting by time), time and id. */
export type PageKey = { value?: string | number | null; at: Date; id: string };
type PageCursor = { after: PageKey } | { before: PageKey } | null;

/**
 * How a list is sorted: by its time column; by a nullable number (nulls last in either direction, ties
 * by time and id in the same direction); or by an enum in its declared order (newest first within each
 * value, as a reader scanning "all the failed ones" expects).
 */
export type PageSort =
  | { kind: "time"; time: string; dir: SortDir }
  | { kind: "number"; column: string; time: string; dir: SortDir }
  | { kind: "enum"; column: string; values: readonly string[]; time: string; dir: SortDir };

type Where = Record<string, unknown>;
type OrderBy = Record<string, SortDir>[];
/** One read: rows matching `where` in `orderBy` order; the caller adds the list's filters. */
export type PageStep = { where: Where; orderBy: OrderBy };

const flip = (dir: SortDir): SortDir => (dir === "asc" ? "desc" : "asc");
/** Strictly past a value in `dir` order. */
const beyond = (dir: SortDir) => (dir === "desc" ? "lt" : "gt");

/**
 * Rows past (at, id) in (time, id) order: `time <= at` is what the index starts its scan from, and
 * `NOT (time = at AND id >= key)` drops the cursor's own instant up to it. (Written as `time < at OR
 * (time = at AND id < key)` the index can't seek, and beside the bound the planner counts the range twice.)
 */
function pastTime(time: string, dir: SortDir, key: PageKey | undefined): Where {
  if (!key) return {};
  return {
    [time]: { [dir === "desc" ? "lte" : "gte"]: key.at },
    NOT: { [time]: key.at, id: { [dir === "desc" ? "gte" : "lte"]: key.id } },
  };
}

const byTime = (time: string, dir: SortDir): OrderBy => [{ [time]: dir }, { id: dir }];

/** The reads, in order, that list the rows after `key` (or from the start) in `dir` order. */
function stepsFrom(sort: PageSort, dir: SortDir, key: PageKey | undefined, reverse: boolean): PageStep[] {
  const { time } = sort;
  if (sort.kind === "time") return [{ where: pastTime(time, dir, key), orderBy: byTime(time, dir) }];
  if (sort.kind === "enum") {
    // Reading forward, values follow `dir`; reading backward, the same sequence from the other end.
    // Within a value newest first whatever the direction, so backward reads oldest first.
    const ordered = sort.dir === "asc" ? [...sort.values] : [...sort.values].reverse();
    const sequence = reverse ? ordered.reverse() : ordered;
    const within: SortDir = reverse ? "asc" : "desc";
    const start = key ? sequence.indexOf(String(key.value)) : 0;
    return sequence.slice(Math.max(start, 0)).map((value, i) => ({
      where: { [sort.column]: value, ...(i === 0 && key ? pastTime(time, within, key) : {}) },
      orderBy: byTime(time, within),
    }));
  }
  // A number, nulls last: the values (ordered by value, time, id), then the nulls (by time, id).
  const { column } = sort;
  const values = (from: PageKey | undefined): PageStep[] =>
    from === undefined
      ? [{ where: { [column]: { not: null } }, orderBy: [{ [column]: dir }, ...byTime(time, dir)] }]
      : [
          // The rest of the cursor's own value, then every value beyond it: each a seek on the index.
          { where: { [column]: from.value, ...pastTime(time, dir, from) }, orderBy: byTime(time, dir) },
          { where: { [column]: { [beyond(dir)]: from.value } }, orderBy: [{ [column]: dir }, ...byTime(time, dir)] },
        ];
  const nulls = (from: PageKey | undefined): PageStep => ({ where: { [column]: null, ...pastTime(time, dir, from) }, orderBy: byTime(time, dir) });
  const inNulls = key !== undefined && key.value === null;
  if (!reverse) return inNulls ? [nulls(key)] : [...values(key), nulls(undefined)];
  // Backward from the nulls reaches the values next; backward from a value never reaches the nulls.
  return inNulls ? [nulls(key), ...values(undefined)] : values(key);
}

/** Runs the steps in order until `take` rows are read; most pages need only the first. */
async function readSteps<T>(steps: PageStep[], take: number, read: (step: PageStep, take: number) => Promise<T[]>): Promise<T[]> {
  const rows: T[] = [];
  for (const step of steps) {
    if (rows.length >= take) break;
    rows.push(...(await read(step, take - rows.length)));
  }
  return rows;
}

export type KeysetPage<T> = { rows: T[]; newer: string | null; older: string | null };

/** One page of `size` rows at `cursor`, with the cursors of the pages either side (null at an end). */
export async function readKeysetPage<T>(opts: {
  sort: PageSort;
  cursor: PageCursor;
  size: number;
  keyOf: (row: T) => PageKey;
  read: (step: PageStep, take: number) => Promise<T[]>;
}): Promise<KeysetPage<T>> {
  const { sort, cursor, size, keyOf, read } = opts;
  if (cursor && "before" in cursor) {
    const rows = (await readSteps(stepsFrom(sort, flip(sort.dir), cursor.before, true), size + 1, read)).reverse();
    // Back at the start: show the first page whole rather than the few rows left before the cursor.
    if (rows.length > size) {
      const shown = rows.slice(1);
      return { rows: shown, newer: encodePageKey(keyOf(shown[0]!)), older: encodePageKey(keyOf(shown.at(-1)!)) };
    }
    return readKeysetPage({ ...opts, cursor: null });
  }
  const from = cursor ? cursor.after : undefined;
  const rows = await readSteps(stepsFrom(sort, sort.dir, from, false), size + 1, read);
  const shown = rows.slice(0, size);
  return {
    rows: shown,
    newer: from && shown.length > 0 ? encodePageKey(keyOf(shown[0]!)) : null,
    older: rows.length > size ? encodePageKey(keyOf(shown.at(-1)!)) : null,
  };
}

function encodePageKey(key: PageKey): string {
  const parts: unknown[] = [key.at.toISOString(), key.id];
  if (key.value !== undefined) parts.push(key.value);
  return Buffer.from(JSON.stringify(parts)).toString("base64url");
}

/** Null for anything that isn't a key we issued. */
export function decodePageKey(value: string): PageKey | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length < 2 || parsed.length > 3) return null;
    const [at, id, sortValue] = parsed as unknown[];
    if (typeof at !== "string" || typeof id !== "string" || id.length === 0 || id.length > 64) return null;
    if (parsed.length === 3 && !(sortValue === null || typeof sortValue === "string" || Number.isInteger(sortValue))) return null;
    const date = new Date(at);
    if (Number.isNaN(date.getTime())) return null;
    return parsed.length === 3 ? { at: date, id, value: sortValue as PageKey["value"] } : { at: date, id };
  } catch {
    // Malformed base64/JSON is simply "not a cursor"; the page leaves it out and says so.
    return null;
  }
}

/** ?after= / ?before= as a page key; a repeated parameter keeps the first. */
export const pageKeyParam = z.preprocess(
  (v) => (Array.isArray(v) ? v[0] : v),
  z
    .string()
    .max(300)
    .transform((value, ctx) => decodePageKey(value) ?? (ctx.addIssue({ code: "custom", message: "Not a page of this list" }), z.NEVER))
    .optional(),
);

/** Does `key` belong to a list sorted by `sort`? (A link made under another sort starts over.) */
export function keyFitsSort(key: PageKey, sort: PageSort): boolean {
  if (sort.kind === "time") return key.value === undefined;
  if (sort.kind === "number") return key.value === null || typeof key.value === "number";
  return typeof key.value === "string" && sort.values.includes(key.value);
}

/** The cursor a page's query carries: `before` wins over a stray `after` beside it. */
export function pageCursorOf(query: { after?: PageKey; before?: PageKey }): PageCursor {
  if (query.before) return { before: query.before };
  if (query.after) return { after: query.after };
  return null;
}
