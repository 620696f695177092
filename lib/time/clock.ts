// "Now" for the app. Code that decides by time takes a `now` (or a Clock) parameter so tests pass a
// fixed one; in production those default to the real time. BOLT_SANDBOX_NOW (sandbox only, see
// lib/env.ts) moves the one thing e2e needs pinned — the salon's wall clock as the hour rules read it
// (open or closed, quiet hours) — and nothing else: rows are stamped, "ago" is worked out, reminders
// and jobs are scheduled on the real clock, as PostgreSQL, pg-boss and session cookies are.
import { getEnv } from "@/lib/env";

/** Reads the time. Passed instead of a Date where each step must read it afresh (claims, leases). */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();

/** A clock that reads `start` now and runs on in real time from there (a sweep run as if at `start`). */
export function clockFrom(start: Date): Clock {
  const offset = start.getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}

// Shared through globalThis: Next's bundle and the start script load their own copies of this module
// in one process, and both must read one anchor.
const ANCHOR = Symbol.for("bolt.sandboxClock");
type Anchor = { setting: string; offsetMs: number };
const anchors = globalThis as { [ANCHOR]?: Anchor };

/**
 * How far the salon clock runs ahead of the real one (ms; 0 unless BOLT_SANDBOX_NOW is set). The
 * sandbox clock reads BOLT_SANDBOX_NOW at its first use in the process and runs forward from there.
 */
function salonClockOffset(): number {
  const setting = getEnv().BOLT_SANDBOX_NOW;
  if (!setting) return 0;
  const anchor = anchors[ANCHOR];
  if (anchor?.setting === setting) return anchor.offsetMs;
  const offsetMs = Date.parse(setting) - Date.now();
  anchors[ANCHOR] = { setting, offsetMs };
  return offsetMs;
}

/** Starts the sandbox clock now (the start script, so it does not wait for the first call); its reading. */
export function startSalonClock(): Date | null {
  return getEnv().BOLT_SANDBOX_NOW ? salonClockTime(new Date()) : null;
}

/** The instant whose wall-clock reading the hour rules use for the real instant `at`. */
export function salonClockTime(at: Date): Date {
  return new Date(at.getTime() + salonClockOffset());
}

/** Back to the real clock: for an instant an hour rule chose (a held text's send time) before it is stored or scheduled. */
export function realTimeOf(salonTime: Date): Date {
  return new Date(salonTime.getTime() - salonClockOffset());
}

/** Forgets the anchor, so the next use starts the sandbox clock afresh (tests that change BOLT_SANDBOX_NOW). */
export function resetSalonClockForTests(): void {
  delete anchors[ANCHOR];
}
