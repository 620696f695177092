// API rate limits: env.API_RATE_LIMIT_POINTS requests per env.API_RATE_LIMIT_WINDOW_SECONDS, counted per IP and per
// credential (API key or user), stored in PostgreSQL so every instance shares the count. The counting SQL is
// lib/api/rate-limit-count.ts (run with the caller lookup, lib/api/resolve-credentials.ts); this is the rule.
import { ApiError } from "@/lib/api/errors";
import type { LimitCount, LimitWindow } from "@/lib/api/rate-limit-count";
import { consumePoints, getLimiter, type LimiterOptions } from "@/lib/api/rate-limit-store";
import { env } from "@/lib/env";

// Also what caps probing "does this email have an account?" through 409 email_taken (README → Security).
// SIGN_UP_RATE_LIMIT_PER_HOUR (default 5) is raised only where many sign-ups share one IP: the browser specs.
export function signUpLimit(): { points: number; durationSeconds: number } {
  return { points: env.SIGN_UP_RATE_LIMIT_PER_HOUR, durationSeconds: 60 * 60 };
}

function rateLimited(retryAfterSeconds: number, limit: number): ApiError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new ApiError({
    code: "rate_limited",
    status: 429,
    message: `Too many requests. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
    headers: {
      "Retry-After": String(retryAfterSeconds),
      "X-RateLimit-Limit": String(limit),
      "X-RateLimit-Remaining": "0",
    },
  });
}

async function consume(opts: LimiterOptions, key: string): Promise<Record<string, string>> {
  const result = await consumePoints(getLimiter(opts), key);
  if (!result.allowed) throw rateLimited(result.retryAfterSeconds, result.limit);
  return { "X-RateLimit-Limit": String(result.limit), "X-RateLimit-Remaining": String(result.remaining) };
}

/** The window both API limits use, read per request (tests change the limits through the environment). */
export function apiLimitWindow(): LimitWindow {
  return { points: env.API_RATE_LIMIT_POINTS, windowMs: env.API_RATE_LIMIT_WINDOW_SECONDS * 1000 };
}

// The same row keys as when rate-limiter-flexible counted these limits ("<keyPrefix>:<key>"), so counts
// carry over an upgrade.
/** The count for a client IP; counted before authentication so guessing keys is limited too. */
export const ipLimitKey = (ip: string) => `api-ip:${ip}`;
/** The prefix of a credential's count: "api-cred:key:<apiKeyId>" or "api-cred:user:<userId>". */
export const CREDENTIAL_LIMIT_PREFIX = "api-cred:";

/**
 * The X-RateLimit-* headers for a request counted at `count`; past the limit, a 429 ApiError with Retry-After
 * (until the window ends) instead.
 */
export function checkApiLimit(count: LimitCount, window: LimitWindow, now: Date): Record<string, string> {
  if (count.used > window.points) {
    throw rateLimited(Math.max(1, Math.ceil((count.resetAt - now.getTime()) / 1000)), window.points);
  }
  return { "X-RateLimit-Limit": String(window.points), "X-RateLimit-Remaining": String(window.points - count.used) };
}

/** Sign-ups per IP: generous for a salon signing up, tight for a script creating accounts. */
export function enforceSignUpRateLimit(ip: string): Promise<Record<string, string>> {
  return consume({ keyPrefix: "signup-ip", ...signUpLimit() }, ip);
}

/** Keeps the lower of two X-RateLimit-Remaining values (the limit that will bite first). */
export function mergeRateLimitHeaders(
  a: Record<string, string>,
  b: Record<string, string>,
): Record<string, string> {
  const remaining = (h: Record<string, string>) => Number(h["X-RateLimit-Remaining"] ?? Infinity);
  return remaining(a) <= remaining(b) ? { ...b, ...a } : { ...a, ...b };
}
