// API rate limits: env.API_RATE_LIMIT_POINTS requests per env.API_RATE_LIMIT_WINDOW_SECONDS, counted per IP and per
// credential (API key or user), stored in PostgreSQL so every instance shares the count.
import { ApiError } from "@/lib/api/errors";
import { consumePoints, getLimiter, type LimiterOptions } from "@/lib/api/rate-limit-store";
import { env } from "@/lib/env";

// Also what caps probing "does this email have an account?" through 409 email_taken (README → Security).
export const SIGN_UP_LIMIT = { points: 5, durationSeconds: 60 * 60 };

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

function apiLimit(keyPrefix: string): LimiterOptions {
  return { keyPrefix, points: env.API_RATE_LIMIT_POINTS, durationSeconds: env.API_RATE_LIMIT_WINDOW_SECONDS };
}

/** Counts one request from `ip`; called before authentication so key guessing is limited too. */
export function enforceIpRateLimit(ip: string): Promise<Record<string, string>> {
  return consume(apiLimit("api-ip"), ip);
}

/**
 * Counts one request for a credential ("key:<apiKeyId>" or "user:<userId>"). Throws a 429 ApiError with
 * Retry-After when over the limit; otherwise returns the X-RateLimit-* headers to add to the response.
 */
export function enforceCredentialRateLimit(credential: string): Promise<Record<string, string>> {
  return consume(apiLimit("api-cred"), credential);
}

/** Sign-ups per IP: generous for a salon signing up, tight for a script creating accounts. */
export function enforceSignUpRateLimit(ip: string): Promise<Record<string, string>> {
  return consume({ keyPrefix: "signup-ip", ...SIGN_UP_LIMIT }, ip);
}

/** Keeps the lower of two X-RateLimit-Remaining values (the limit that will bite first). */
export function mergeRateLimitHeaders(
  a: Record<string, string>,
  b: Record<string, string>,
): Record<string, string> {
  const remaining = (h: Record<string, string>) => Number(h["X-RateLimit-Remaining"] ?? Infinity);
  return remaining(a) <= remaining(b) ? { ...b, ...a } : { ...a, ...b };
}
