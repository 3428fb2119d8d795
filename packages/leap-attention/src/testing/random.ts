/**
 * mulberry32: deterministic test inputs that do not depend on the library's Philox (so a bug there
 * cannot hide in both the inputs and the result).
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n numbers uniform in [low, high). */
export function uniformData(n: number, seed: number, low = -1, high = 1): number[] {
  const next = seeded(seed);
  return Array.from({ length: n }, () => low + (high - low) * next());
}
