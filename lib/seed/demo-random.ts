// The demo's dice: a seeded PRNG (so every fresh start looks alike) and the two ways the seed rolls it.
import { randomBytes } from "node:crypto";

export type Rand = () => number;

export function prng(seed: number): Rand {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export const pick = <T>(rand: Rand, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;

/** A whole number from lo to hi, both included. */
export const between = (rand: Rand, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

/** A copy in random order (Fisher–Yates). */
export function shuffle<T>(rand: Rand, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A Twilio-shaped SID ("CA…", "SM…", "RE…"): random, since SIDs are unique across seeds too. */
export const sid = (prefix: string) => `${prefix}${randomBytes(16).toString("hex")}`;
