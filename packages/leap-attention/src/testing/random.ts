import { mulberry32 } from '@lightattn/tensor-core/testing';

/**
 * Deterministic test inputs from tensor-core's test PRNG (mulberry32), which does not depend on the
 * library's Philox, so a bug there cannot hide in both the inputs and the result.
 */
export const seeded = mulberry32;

/** n numbers uniform in [low, high). */
export function uniformData(n: number, seed: number, low = -1, high = 1): number[] {
  const next = seeded(seed);
  return Array.from({ length: n }, () => low + (high - low) * next());
}
