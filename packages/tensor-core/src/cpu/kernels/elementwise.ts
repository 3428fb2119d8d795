import type { CpuKernel } from '../cpu-tensor.js';
import { convertFloat } from './convert.js';
import { UNARY_FN_DEFS } from './unary-fns.js';

// One-operand elementwise kernels; the broadcasting ones (binary, compare, logical, where) are in binary.ts.

/**
 * Converts elements to another dtype.
 * - f32 → i32/u32: truncate toward zero, NaN → 0, saturate out-of-range values (see convertFloat).
 * - anything → bool: x ≠ 0; bool → anything: 0/1.
 * - i32 ↔ u32: two's-complement reinterpretation (wrap mod 2³²), as WGSL's u32(i32) and NumPy's astype.
 * - i32/u32 → f32: round to nearest (exact on the float64 device).
 * The last two are what TypedArray.set does when it converts between array kinds.
 */
export const castKernel: CpuKernel<'cast'> = ([x], [out], { dtype }) => {
  const src = x!.data;
  const dst = out!.data;
  const n = dst.length;
  if (dtype === 'bool' || x!.dtype === 'bool') {
    for (let i = 0; i < n; i++) dst[i] = src[i] !== 0 ? 1 : 0;
  } else if (x!.dtype === 'f32' && dtype !== 'f32') {
    for (let i = 0; i < n; i++) dst[i] = convertFloat(src[i]!, dtype);
  } else {
    dst.set(src);
  }
};

export const copyKernel: CpuKernel<'copy'> = ([x], [out]) => {
  out!.data.set(x!.data);
};

/**
 * out = fn(x), computed in float64 and rounded once by the store. On i32/u32 (neg, abs, sign,
 * square) results wrap mod 2³² like WGSL's: −(i32 min) and |i32 min| are i32 min; square uses
 * Math.imul because a float64 product would lose the low bits.
 */
export const unaryKernel: CpuKernel<'unary'> = ([x], [out], { fn }) => {
  const src = x!.data;
  const dst = out!.data;
  const n = dst.length;
  if (x!.dtype !== 'f32' && fn === 'square') {
    for (let i = 0; i < n; i++) dst[i] = Math.imul(src[i]!, src[i]!);
    return;
  }
  const f = UNARY_FN_DEFS[fn].f;
  for (let i = 0; i < n; i++) dst[i] = f(src[i]!);
};

/** dx = g · fn′(x) in one pass, so the backward allocates only dx. */
export const unaryBackwardKernel: CpuKernel<'unaryBackward'> = ([x, g], [out], { fn }) => {
  const xs = x!.data;
  const gs = g!.data;
  const dst = out!.data;
  const n = dst.length;
  const df = UNARY_FN_DEFS[fn].df;
  for (let i = 0; i < n; i++) dst[i] = gs[i]! * df(xs[i]!);
};

export const logicalNotKernel: CpuKernel<'logicalNot'> = ([a], [out]) => {
  const src = a!.data;
  const dst = out!.data;
  for (let i = 0; i < dst.length; i++) dst[i] = src[i] === 0 ? 1 : 0;
};
