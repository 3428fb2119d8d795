/**
 * Largest |actual − expected| relative to the largest |expected| of the same vector, over vectors
 * of `width` elements: an error measure that does not blow up on elements that happen to be near 0.
 * Non-finite actual values count as Infinity.
 */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>, width: number): number {
  if (actual.length !== expected.length) throw new Error(`maxRelativeError: ${actual.length} values vs ${expected.length} expected`);
  let worst = 0;
  for (let start = 0; start < expected.length; start += width) {
    let scale = 0;
    let err = 0;
    for (let i = start; i < Math.min(start + width, expected.length); i++) {
      scale = Math.max(scale, Math.abs(expected[i]!));
      const a = actual[i]!;
      err = Math.max(err, Number.isFinite(a) ? Math.abs(a - expected[i]!) : Infinity);
    }
    worst = Math.max(worst, scale > 0 ? err / scale : err);
  }
  return worst;
}

/** Whether every value is finite. */
export const allFinite = (values: ArrayLike<number>) => Array.prototype.every.call(values, (v: number) => Number.isFinite(v));
