// PostgreSQL-backed limiters (rate-limiter-flexible) over the shared "rate_limits" table, so limits hold
// across app instances. The table has no salonId and no RLS, so a small plain `pg` pool serves it.
import { Pool } from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

type Store = { pool: Pool; limiters: Map<string, RateLimiterPostgres> };

const globalForLimits = globalThis as unknown as { boltRateLimits?: Store };

function store(): Store {
  if (!globalForLimits.boltRateLimits) {
    const pool = new Pool({ connectionString: env.DATABASE_URL, max: 4 });
    // An idle connection dropping must not crash the process; the next query reconnects.
    pool.on("error", (err) => logger.warn({ err }, "rate-limit pool connection error"));
    globalForLimits.boltRateLimits = { pool, limiters: new Map() };
  }
  return globalForLimits.boltRateLimits;
}

/** The limiters' pool: the API's own counting statements (lib/api/rate-limit-count.ts) run on it too. */
export function rateLimitPool(): Pool {
  return store().pool;
}

export type LimiterOptions = {
  /** Namespace inside the shared table, e.g. "api-key". */
  keyPrefix: string;
  points: number;
  durationSeconds: number;
  /** Once exceeded, keep the key blocked this long (defaults to the rest of the window). */
  blockSeconds?: number;
};

/** One limiter per distinct configuration (tests change the limits through the environment). */
export function getLimiter(opts: LimiterOptions): RateLimiterPostgres {
  const { limiters, pool } = store();
  const id = `${opts.keyPrefix}:${opts.points}:${opts.durationSeconds}:${opts.blockSeconds ?? 0}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    limiter = new RateLimiterPostgres({
      storeClient: pool,
      storeType: "pool",
      tableName: "rate_limits",
      tableCreated: true, // created by a migration; the app role may not create tables
      keyPrefix: opts.keyPrefix,
      points: opts.points,
      duration: opts.durationSeconds,
      blockDuration: opts.blockSeconds ?? 0,
    });
    limiters.set(id, limiter);
  }
  return limiter;
}

export type ConsumeResult =
  | { allowed: true; limit: number; remaining: number; resetSeconds: number }
  | { allowed: false; limit: number; remaining: 0; retryAfterSeconds: number };

/** Consumes `points` for `key`; a store failure is rethrown (a real error, not a limit). */
export async function consumePoints(
  limiter: RateLimiterPostgres,
  key: string,
  points = 1,
): Promise<ConsumeResult> {
  try {
    const res = await limiter.consume(key, points);
    return {
      allowed: true,
      limit: limiter.points,
      remaining: res.remainingPoints,
      resetSeconds: Math.ceil(res.msBeforeNext / 1000),
    };
  } catch (err) {
    if (err instanceof RateLimiterRes) {
      return {
        allowed: false,
        limit: limiter.points,
        remaining: 0,
        retryAfterSeconds: Math.max(1, Math.ceil(err.msBeforeNext / 1000)),
      };
    }
    throw err;
  }
}

/** Closes the pool (scripts and tests). */
export async function closeRateLimitStore(): Promise<void> {
  const s = globalForLimits.boltRateLimits;
  globalForLimits.boltRateLimits = undefined;
  await s?.pool.end();
}
