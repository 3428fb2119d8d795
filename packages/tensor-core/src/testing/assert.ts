/** Tolerances for comparing a device result with a reference: |actual − expected| ≤ atol + rtol·|expected|. */
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

const SHOWN_MISMATCHES = 8;

/**
 * Throws unless every element of `actual` is close to `expected` (NumPy's allclose rule). NaN matches
 * only NaN; ±Inf matches only the same infinity. The message names `label`, the first few mismatching
 * indices with both values, and the largest absolute and relative errors among finite pairs.
 */
export function assertAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: Tolerance, label: string): void {
  const { rtol, atol } = tolerance;
  if (actual.length !== expected.length) {
    throw new Error(`${label}: got ${actual.length} elements, expected ${expected.length}`);
  }
  const bad: number[] = [];
  let maxAbs = 0;
  let maxAbsAt = -1;
  let maxRel = 0;
  let maxRelAt = -1;
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isFinite(a) && Number.isFinite(e)) {
      const abs = Math.abs(a - e);
      const rel = e === 0 ? (abs === 0 ? 0 : Infinity) : abs / Math.abs(e);
      if (abs > maxAbs) [maxAbs, maxAbsAt] = [abs, i];
      if (rel > maxRel) [maxRel, maxRelAt] = [rel, i];
      if (!(abs <= atol + rtol * Math.abs(e))) bad.push(i);
    } else if (!(Number.isNaN(a) && Number.isNaN(e)) && a !== e) {
      bad.push(i);
    }
  }
  if (bad.length === 0) return;
  const shown = bad
    .slice(0, SHOWN_MISMATCHES)
    .map((i) => `  [${i}] actual ${fmt(actual[i]!)}, expected ${fmt(expected[i]!)}`)
    .join('\n');
  throw new Error(
    `${label}: ${bad.length} of ${expected.length} elements differ (rtol ${rtol}, atol ${atol})\n${shown}${bad.length > SHOWN_MISMATCHES ? `\n  … and ${bad.length - SHOWN_MISMATCHES} more` : ''}\n` +
      `  max abs error ${fmtError(maxAbs)}${maxAbsAt >= 0 ? ` at [${maxAbsAt}]` : ''}, max rel error ${fmtError(maxRel)}${maxRelAt >= 0 ? ` at [${maxRelAt}]` : ''} (finite pairs)`,
  );
}

/** Values in full (an f32 shows its exact double value); errors to three significant digits. */
const fmt = (v: number): string => String(v);
const fmtError = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : String(v));

/** Throws unless the two shapes are equal, naming `label`. */
export function assertShape(actual: readonly number[], expected: readonly number[], label: string): void {
  if (actual.length !== expected.length || actual.some((d, i) => d !== expected[i])) {
    throw new Error(`${label}: shape [${actual.join(', ')}], expected [${expected.join(', ')}]`);
  }
}

/**
 * Largest |actual − expected| relative to the largest |expected| of the same vector, over vectors of
 * `width` elements (the whole array by default): one error measure for results whose elements near 0
 * would make elementwise relative errors blow up. Non-finite actual values count as Infinity.
 */
export function maxRelativeError(actual: ArrayLike<number>, expected: ArrayLike<number>, width = expected.length): number {
  if (actual.length !== expected.length) throw new Error(`maxRelativeError: ${actual.length} values vs ${expected.length} expected`);
  let worst = 0;
  for (let start = 0; start < expected.length; start += Math.max(1, width)) {
    let scale = 0;
    let err = 0;
    for (let i = start; i < Math.min(start + Math.max(1, width), expected.length); i++) {
      scale = Math.max(scale, Math.abs(expected[i]!));
      const a = actual[i]!;
      err = Math.max(err, Number.isFinite(a) ? Math.abs(a - expected[i]!) : Infinity);
    }
    worst = Math.max(worst, scale > 0 ? err / scale : err);
  }
  return worst;
}
