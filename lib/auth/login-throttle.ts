// Brute-force protection for password sign-in, counted in PostgreSQL per account (email) and per IP:
// answers slow down after a few failures and stop for 15 minutes after 10 (per email) or 30 (per IP).
import { createHash } from "node:crypto";
import { consumePoints, getLimiter, type LimiterOptions } from "@/lib/api/rate-limit-store";

const WINDOW_SECONDS = 15 * 60;
export const LOGIN_EMAIL_LIMIT: LimiterOptions = {
  keyPrefix: "login-email",
  points: 10,
  durationSeconds: WINDOW_SECONDS,
  blockSeconds: WINDOW_SECONDS,
};
// Higher than per email: a salon's staff share one IP, while one IP trying many accounts still stops.
export const LOGIN_IP_LIMIT: LimiterOptions = {
  keyPrefix: "login-ip",
  points: 30,
  durationSeconds: WINDOW_SECONDS,
  blockSeconds: WINDOW_SECONDS,
};
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 4000;

export const LOGIN_FAILED_MESSAGE = "Email or password is incorrect.";

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

export type LoginAttempt = { email: string; ip: string };

// Hashed so the table never holds addresses and long emails fit the varchar(255) key.
const emailKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex");

/** Delay before answering, doubling from 250 ms after the first few failures, capped at 4 s. */
export function loginDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(250 * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

export type LoginThrottleState =
  { blocked: false; delayMs: number } | { blocked: true; retryAfterSeconds: number };

/** Reads both counters without consuming anything; blocked once either reaches its limit. */
export async function checkLoginThrottle(attempt: LoginAttempt): Promise<LoginThrottleState> {
  const checks = [
    { limiter: getLimiter(LOGIN_EMAIL_LIMIT), key: emailKey(attempt.email) },
    { limiter: getLimiter(LOGIN_IP_LIMIT), key: attempt.ip },
  ];
  const states = await Promise.all(
    checks.map(async ({ limiter, key }) => ({ limiter, res: await limiter.get(key) })),
  );
  let retryAfterSeconds = 0;
  for (const { limiter, res } of states) {
    if (res && res.consumedPoints >= limiter.points) {
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil(res.msBeforeNext / 1000));
    }
  }
  if (retryAfterSeconds > 0) return { blocked: true, retryAfterSeconds };
  return { blocked: false, delayMs: loginDelayMs(states[0]?.res?.consumedPoints ?? 0) };
}

/** Counts a failed attempt against the email and the IP. */
export async function recordLoginFailure(attempt: LoginAttempt): Promise<void> {
  await Promise.all([
    consumePoints(getLimiter(LOGIN_EMAIL_LIMIT), emailKey(attempt.email)),
    consumePoints(getLimiter(LOGIN_IP_LIMIT), attempt.ip),
  ]);
}

/** A successful sign-in forgives the account's failures; the IP count stays so one good login can't reset it. */
export async function clearLoginFailures(attempt: LoginAttempt): Promise<void> {
  await getLimiter(LOGIN_EMAIL_LIMIT).delete(emailKey(attempt.email));
}
