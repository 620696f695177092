// When the worker asks Twilio about a text whose fate or status it doesn't know: a set time after the
// claim (a live send is over by then) or after Twilio took it (its status report should have come),
// then again after each check that settles nothing, waiting INITIAL × FACTOR^n (capped) in between,
// until the asking has gone on for the give-up horizon. Settings from lib/env.ts (TEXT_CHECK_*).
import { env } from "@/lib/env";

export type CheckSchedule = {
  sendingAfterMs: number;
  statusAfterMs: number;
  initialDelayMs: number;
  factor: number;
  maxDelayMs: number;
  giveUpMs: number;
};

export function checkSchedule(): CheckSchedule {
  return {
    sendingAfterMs: env.TEXT_CHECK_SENDING_AFTER_MS,
    statusAfterMs: env.TEXT_CHECK_STATUS_AFTER_MS,
    initialDelayMs: env.TEXT_CHECK_INITIAL_DELAY_MS,
    factor: env.TEXT_CHECK_BACKOFF_FACTOR,
    maxDelayMs: env.TEXT_CHECK_MAX_DELAY_MS,
    giveUpMs: env.TEXT_CHECK_GIVE_UP_MS,
  };
}

/** The wait after the `n`-th check (from 1) that settled nothing. */
export function backoffDelay(n: number, s: CheckSchedule): number {
  return Math.min(s.maxDelayMs, s.initialDelayMs * s.factor ** Math.max(0, n - 1));
}

/**
 * When to ask again after `checks` checks that settled nothing, or null once asking again would
 * go past the horizon (counted in the schedule's own time, so a worker that was down for a while
 * still asks its share of times before giving up).
 */
export function nextCheckAt(now: Date, checks: number, s: CheckSchedule): Date | null {
  let asked = 0;
  for (let n = 1; n <= checks && asked <= s.giveUpMs; n++) asked += backoffDelay(n, s);
  if (asked > s.giveUpMs) return null;
  return new Date(now.getTime() + backoffDelay(checks, s));
}

/** A claimed text's first check, if the send never reports back (the worker died). */
export function firstCheckAfterClaim(now: Date, s: CheckSchedule = checkSchedule()): Date {
  return new Date(now.getTime() + s.sendingAfterMs);
}

/** An accepted text's first check, if no status report arrives. */
export function firstCheckAfterAccept(now: Date, s: CheckSchedule = checkSchedule()): Date {
  return new Date(now.getTime() + s.statusAfterMs);
}
