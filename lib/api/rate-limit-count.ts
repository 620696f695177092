// The API's request counts as SQL, so a request's counts and its caller lookup cost one statement between them
// (rate-limiter-flexible sends one per limiter). Rows keep rate-limiter-flexible's format in the shared
// "rate_limits" table ("<prefix>:<key>", points used, window end in epoch ms), where the login throttle's
// limiters live too. Run on the system client: the combined statement also reads api_keys.
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

export type LimitWindow = { points: number; windowMs: number };
/** Requests counted in the current window (this one included) and when that window ends (epoch ms). */
export type LimitCount = { used: number; resetAt: number };
export type CountRow = { key: string; points: number; expire: bigint | number };

/**
 * Counts one request for every key `keys` (a one-column query) yields, as rate-limiter-flexible's upsert
 * does: a new window starts once the stored one has ended. `INSERT … RETURNING key, points, expire`,
 * usable as a data-modifying CTE.
 */
export function countRequestsSql(keys: Prisma.Sql, window: LimitWindow, now: Date): Prisma.Sql {
  const at = now.getTime();
  return Prisma.sql`INSERT INTO "rate_limits" AS r ("key", "points", "expire")
    SELECT keys.k, 1, ${at + window.windowMs}::bigint FROM (${keys}) AS keys(k)
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
  const rows = await db.$queryRaw<CountRow[]>(
    countRequestsSql(Prisma.sql`SELECT DISTINCT unnest(${keys}::text[])`, window, now),
  );
  return new Map(rows.map((row) => [row.key, toLimitCount(row)]));
}
