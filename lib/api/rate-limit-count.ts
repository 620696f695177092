// The API's request counts as SQL, so a request's counts and its caller lookup cost one statement between them
// (rate-limiter-flexible sends one per limiter). Rows keep rate-limiter-flexible's format in the shared
// "rate_limits" table ("<prefix>:<key>", points used, window end in epoch ms), where the login throttle's
// limiters live too. Run on the limiters' plain pg pool (the login role, like the system client: the
// combined statement also reads api_keys), not through Prisma: every API request pays for this statement,
// and Prisma's raw-query path cost more CPU than the statement itself.
import { rateLimitPool } from "@/lib/api/rate-limit-store";
import type { SqlParams } from "@/lib/db/sql-params";
import { sqlParams } from "@/lib/db/sql-params";

export type LimitWindow = { points: number; windowMs: number };
/** Requests counted in the current window (this one included) and when that window ends (epoch ms). */
export type LimitCount = { used: number; resetAt: number };
/** `expire` is an int8, which pg hands over as text. */
export type CountRow = { key: string; points: number; expire: string | number };

/**
 * Counts one request for every key `keys` (a one-column query) yields, as rate-limiter-flexible's upsert
 * does: a new window starts once the stored one has ended. `INSERT … RETURNING key, points, expire`,
 * usable as a data-modifying CTE.
 */
export function countRequestsSql(keys: string, window: LimitWindow, now: Date, params: SqlParams): string {
  const at = params.add(now.getTime());
  return `INSERT INTO "rate_limits" AS r ("key", "points", "expire")
    SELECT keys.k, 1, ${at}::bigint + ${params.add(window.windowMs)}::bigint FROM (${keys}) AS keys(k)
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN r."expire" <= ${at}::bigint THEN 1 ELSE r."points" + 1 END,
      "expire" = CASE WHEN r."expire" <= ${at}::bigint THEN EXCLUDED."expire" ELSE r."expire" END
    RETURNING r."key", r."points", r."expire"`;
}

export function toLimitCount(row: Pick<CountRow, "points" | "expire">): LimitCount {
  return { used: row.points, resetAt: Number(row.expire) };
}

/** Counts one request for each of a few distinct keys in one statement; the counts come back by key. */
export async function countRequests(
  keys: string[],
  window: LimitWindow,
  now: Date,
): Promise<Map<string, LimitCount>> {
  const params = sqlParams();
  const text = countRequestsSql(`SELECT DISTINCT unnest(${params.add(keys)}::text[])`, window, now, params);
  const { rows } = await rateLimitPool().query<CountRow>(text, params.values);
  return new Map(rows.map((row) => [row.key, toLimitCount(row)]));
}
