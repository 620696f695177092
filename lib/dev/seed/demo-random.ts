// The demo's dice: the ways the seed rolls a seeded PRNG (lib/dev/prng.ts, so every fresh start looks
// alike), and random Twilio-shaped SIDs.
import type { Rand } from "@/lib/dev/prng";

export type { Rand } from "@/lib/dev/prng";

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

/** A Twilio-shaped SID ("CA…", "SM…", "RE…"), as the stand-in makes them: random, since SIDs are unique across seeds too. */
export { newSid as sid } from "@/lib/dev/twilio-sandbox/fixtures";
