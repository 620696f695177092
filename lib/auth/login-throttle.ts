// Brute-force protection for password sign-in, counted in PostgreSQL (rate-limiter-flexible). Every attempt
// consumes its points atomically BEFORE the password is checked, so a burst of parallel guesses can't all be
// checked against counters that were read before any failure was written. Three counters:
// - account + IP: 10 per 15 min, then that pair is blocked 15 min (the lock a stranger hits: only their IP);
// - IP: 30 per 15 min across accounts (a salon's staff share one IP; one IP trying many accounts stops);
// - account: a slower back-off for a distributed attack (growing delay, hard stop at 100 per hour).
// A trusted device (lib/auth/trusted-device.ts) skips all three and is counted on its own, account +
// device, 10 per 15 min: a stranger's failures, from any IP including the owner's, can't lock it out.
import { createHash } from "node:crypto";
import { consumePoints, getLimiter, type LimiterOptions } from "@/lib/api/rate-limit-store";
import { db } from "@/lib/db";

const WINDOW_SECONDS = 15 * 60;
export const LOGIN_PAIR_LIMIT: LimiterOptions = {
  keyPrefix: "login-pair",
  points: 10,
  durationSeconds: WINDOW_SECONDS,
  blockSeconds: WINDOW_SECONDS,
};
export const LOGIN_IP_LIMIT: LimiterOptions = {
  keyPrefix: "login-ip",
  points: 30,
  durationSeconds: WINDOW_SECONDS,
  blockSeconds: WINDOW_SECONDS,
};
export const LOGIN_ACCOUNT_LIMIT: LimiterOptions = {
  keyPrefix: "login-account",
  points: 100,
  durationSeconds: 60 * 60,
  blockSeconds: 60 * 60,
};
const FREE_FAILURES = 3;
const MAX_DELAY_MS = 4000;

export const LOGIN_FAILED_MESSAGE = "Email or password is incorrect.";

export function tooManyAttemptsMessage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}

/** `device` is set (the trusted entry's id) only for a verified trusted device. */
export type LoginAttempt = { email: string; ip: string; device?: string };

// Hashed so the table never holds emails or addresses, and long emails fit the varchar(255) key.
const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
export const accountKey = (email: string) => sha256(email.trim().toLowerCase());
const pairKey = (attempt: LoginAttempt) =>
  sha256(`${attempt.email.trim().toLowerCase()}\n${attempt.device ? `device:${attempt.device}` : attempt.ip}`);

/** Delay before answering, doubling from 250 ms after the first few failures, capped at 4 s. */
export function loginDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(250 * 2 ** (failures - FREE_FAILURES), MAX_DELAY_MS);
}

export type Blocked = { blocked: true; retryAfterSeconds: number };
/** What an admitted attempt consumed, so a success can give it back. */
export type AttemptReceipt = { attempt: LoginAttempt; pairConsumed: number; countedOnAccount: boolean };

/**
 * Consumes one attempt for the account+IP pair and the IP, or for a trusted device its account+device
 * pair only. Blocked when one is over its limit; the caller must not check the password then.
 */
export async function consumeLoginAttempt(
  attempt: LoginAttempt,
): Promise<Blocked | { blocked: false; receipt: AttemptReceipt }> {
  const [pair, ip] = await Promise.all([
    consumePoints(getLimiter(LOGIN_PAIR_LIMIT), pairKey(attempt)),
    attempt.device ? null : consumePoints(getLimiter(LOGIN_IP_LIMIT), attempt.ip),
  ]);
  const retry = Math.max(pair.allowed ? 0 : pair.retryAfterSeconds, !ip || ip.allowed ? 0 : ip.retryAfterSeconds);
  if (retry > 0) return { blocked: true, retryAfterSeconds: retry };
  return {
    blocked: false,
    receipt: { attempt, pairConsumed: pair.limit - (pair.allowed ? pair.remaining : 0), countedOnAccount: false },
  };
}

/**
 * The account-wide back-off (not for trusted devices): consumes one attempt, then either blocks
 * (past the hourly limit) or says how long to wait first (grows with the account's recent failures).
 */
export async function consumeAccountAttempt(
  receipt: AttemptReceipt,
): Promise<Blocked | { blocked: false; delayMs: number }> {
  const res = await consumePoints(getLimiter(LOGIN_ACCOUNT_LIMIT), accountKey(receipt.attempt.email));
  receipt.countedOnAccount = true;
  if (!res.allowed) return { blocked: true, retryAfterSeconds: res.retryAfterSeconds };
  // The count includes this attempt; the delay depends on the failures before it.
  return { blocked: false, delayMs: loginDelayMs(res.limit - res.remaining - 1) };
}

/**
 * A success gives its own attempt back (successes are not failures) and forgives the pair's earlier
 * failures, but only if no other attempt for the pair was admitted since this one: forgiving while a
 * burst is in flight would reopen the pair to it. The account back-off is not forgiven: a stranger's
 * failures elsewhere still count.
 */
export async function settleSuccessfulLogin(receipt: AttemptReceipt): Promise<void> {
  const { attempt } = receipt;
  const pairLimiter = getLimiter(LOGIN_PAIR_LIMIT);
  await Promise.all([
    // Conditional delete, atomic in one statement; rate_limits is not a Prisma model, hence raw SQL.
    db.$executeRaw`DELETE FROM "rate_limits" WHERE "key" = ${pairLimiter.getKey(pairKey(attempt))}
      AND "points" = ${receipt.pairConsumed}`,
    attempt.device ? Promise.resolve() : getLimiter(LOGIN_IP_LIMIT).reward(attempt.ip, 1),
    receipt.countedOnAccount
      ? getLimiter(LOGIN_ACCOUNT_LIMIT).reward(accountKey(attempt.email), 1)
      : Promise.resolve(),
  ]);
}
