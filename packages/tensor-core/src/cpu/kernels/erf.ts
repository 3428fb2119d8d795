/**
 * erf and erfc in float64, for the exact GELU (JavaScript has no Math.erf). Two expansions, each
 * used where it converges fast and loses nothing to cancellation:
 *
 * - |x| < 2: erf(x) = (2/√π)·e^(−x²)·Σₙ x·(2x²)ⁿ / (1·3·5···(2n+1)) (Abramowitz & Stegun 7.1.6).
 *   Every term is positive, so the sum is accurate to a few ulp;  it needs at most ~50 terms here.
 * - x ≥ 2: erfc(x) = e^(−x²)/√π · 1/(x + ½/(x + 1/(x + 3/2/(x + 2/(x + …))))) (A&S 7.1.14),
 *   evaluated by the modified Lentz method; it converges in under 60 steps from 2 up.
 *
 * erfc on [0, 2) is 1 − erf, which keeps a relative error below ~2e-13 (erfc(2) ≈ 4.7e-3);
 * erfc of a negative argument is 2 − erfc(|x|), with no cancellation.
 */

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const ONE_OVER_SQRT_PI = 1 / Math.sqrt(Math.PI);
const SERIES_LIMIT = 2;

/** erf(x) by the positive series, |x| < 2. */
function erfSeries(x: number): number {
  const twoX2 = 2 * x * x;
  let term = x;
  let sum = x;
  for (let n = 1; Math.abs(term) > 1e-17 * Math.abs(sum); n++) {
    term *= twoX2 / (2 * n + 1);
    sum += term;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x * x) * sum;
}

/** erfc(x) by the continued fraction, x ≥ 2 (also correct for +∞: 0). */
function erfcContinuedFraction(x: number): number {
  if (x > 27) return 0; // erfc(27) ≈ 5e-319: below the smallest double.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return (Math.exp(-x * x) * ONE_OVER_SQRT_PI) / f;
}

/** The error function, erf(x) = (2/√π)∫₀ˣ e^(−t²) dt, to float64 accuracy (erf(±∞) = ±1, NaN stays NaN). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const z = Math.abs(x);
  if (z < SERIES_LIMIT) return erfSeries(x);
  const r = 1 - erfcContinuedFraction(z);
  return x < 0 ? -r : r;
}

/** erfc(x) = 1 − erf(x), with a small relative error also where it is tiny (large positive x). */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  const z = Math.abs(x);
  const tail = z < SERIES_LIMIT ? 1 - erfSeries(z) : erfcContinuedFraction(z);
  return x < 0 ? 2 - tail : tail;
}
