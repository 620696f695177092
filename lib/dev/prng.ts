// A seeded pseudo-random sequence (a linear congruential generator): the same seed gives the same
// numbers, so the demo seed looks alike on every fresh start and a sandbox recording sounds the same.
export type Rand = () => number;

/** Numbers in [0, 1) from `seed` (taken as an unsigned 32-bit integer). */
export function prng(seed: number): Rand {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
