import type { UnaryFn } from '@lightattn/tensor-core';
import { WGSL_SIN_COS_POLY } from './normal-math.js';

/**
 * The unary functions in WGSL, matching tensor-core's cpu/kernels/unary-fns.ts. WGSL builtins are
 * only specified inside their domain (log of a negative number, exp of +Inf, tanh of a huge value are
 * "indeterminate"), so edges are handled explicitly: NaN in gives NaN out, log(0) = −Inf, log(x < 0)
 * = NaN, exp saturates, tanh is ±1 past |x| = 10 (where it rounds to ±1 in f32 anyway).
 *
 * Each entry is a WGSL expression in `x` (f32, never NaN: the kernel returns NaN for NaN first) for
 * f(x), and one for f′(x) as the CPU defines it (relu′(0) = 0, abs′(0) = 0, limits of gelu/gelu_erf/silu at ±∞).
 */
export const WGSL_UNARY_HELPERS = /* wgsl */ `
${WGSL_SIN_COS_POLY}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}`;

/** One unary function in WGSL: expressions in `x` for f and f′ (see {@link UNARY_WGSL}). */
export interface UnaryWgsl {
  /** f(x), x not NaN. */
  readonly f: string;
  /** f′(x), x not NaN. */
  readonly df: string;
  /** f′(NaN) on the CPU: NaN unless the derivative is a constant there. */
  readonly dfAtNaN?: string;
}

/** Every unary function of the op set in WGSL, matching the CPU's UNARY_FN_DEFS (an exhaustive table). */
export const UNARY_WGSL: { readonly [F in UnaryFn]: UnaryWgsl } = {
  neg: { f: '-x', df: '-1.0', dfAtNaN: '-1.0' },
  abs: { f: 'abs(x)', df: 'select(select(0.0, -1.0, x < 0.0), 1.0, x > 0.0)' },
  sign: { f: 'select(select(x, -1.0, x < 0.0), 1.0, x > 0.0)', df: '0.0', dfAtNaN: '0.0' },
  square: { f: 'x * x', df: '2.0 * x' },
  sqrt: { f: 'safe_sqrt(x)', df: '0.5 / safe_sqrt(x)' },
  rsqrt: { f: 'safe_rsqrt(x)', df: '-0.5 * safe_rsqrt(x) * safe_rsqrt(x) * safe_rsqrt(x)' },
  reciprocal: { f: 'safe_reciprocal(x)', df: '-safe_reciprocal(x * x)' },
  exp: { f: 'safe_exp(x)', df: 'safe_exp(x)' },
  log: { f: 'safe_log(x)', df: 'safe_reciprocal(x)' },
  log1p: { f: 'safe_log1p(x)', df: 'safe_reciprocal(1.0 + x)' },
  sin: { f: 'safe_sin(x)', df: 'safe_cos(x)' },
  cos: { f: 'safe_cos(x)', df: '-safe_sin(x)' },
  tanh: { f: 'safe_tanh(x)', df: '1.0 - safe_tanh(x) * safe_tanh(x)' },
  sigmoid: { f: 'sigmoid(x)', df: 'sigmoid(x) * (1.0 - sigmoid(x))' },
  relu: { f: 'select(0.0, x, x > 0.0)', df: 'select(0.0, 1.0, x > 0.0)', dfAtNaN: '0.0' },
  gelu: { f: 'gelu(x)', df: 'gelu_grad(x)' },
  gelu_erf: { f: 'gelu_erf(x)', df: 'gelu_erf_grad(x)' },
  elu: { f: 'select(safe_exp(x) - 1.0, x, x > 0.0)', df: 'select(safe_exp(x), 1.0, x > 0.0)' },
  silu: { f: 'silu(x)', df: 'silu_grad(x)' },
  floor: { f: 'floor(x)', df: '0.0', dfAtNaN: '0.0' },
  ceil: { f: 'ceil(x)', df: '0.0', dfAtNaN: '0.0' },
};

/** i32/u32 versions of neg, abs, sign, square: wrapping like the CPU's Int32Array/Uint32Array stores. */
export function integerUnaryWgsl(fn: UnaryFn, type: 'i32' | 'u32'): string {
  const signed = type === 'i32';
  switch (fn) {
    case 'neg':
      return signed ? '-x' : '0u - x';
    case 'abs':
      return signed ? 'abs(x)' : 'x';
    case 'sign':
      return signed ? 'select(select(0i, -1i, x < 0i), 1i, x > 0i)' : 'select(0u, 1u, x > 0u)';
    case 'square':
      return 'x * x';
    default:
      throw new RangeError(`unary ${fn} is not defined on ${type}`);
  }
}
