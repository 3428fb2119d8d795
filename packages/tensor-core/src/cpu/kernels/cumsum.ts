import type { CpuKernel } from '../cpu-tensor.js';

/**
 * Running sum along `axis`: out[k] = Σ_{j ≤ k} x[j] (inclusive) or Σ_{j < k} x[j] (exclusive, so
 * out[0] = 0); `reverse` sums from the end instead (Σ_{j ≥ k} or Σ_{j > k}).
 *
 * The tensor is viewed as [outer, len, inner]; for each outer block the scan walks the axis one
 * position at a time across all `inner` columns, so both reads and writes are sequential in memory.
 * f32 accumulates in float64 (each partial sum is rounded once, when stored). i32/u32 accumulate with
 * 32-bit wrapping, exactly what a WGSL scan in i32/u32 computes.
 */
export const cumsumKernel: CpuKernel<'cumsum'> = ([x], [out], { axis, reverse, exclusive }) => {
  const shape = x!.shape;
  const src = x!.data;
  const dst = out!.data;
  if (dst.length === 0) return;
  const len = shape[axis]!;
  let inner = 1;
  for (let i = axis + 1; i < shape.length; i++) inner *= shape[i]!;
  const outer = dst.length / (len * inner);
  const wrap = x!.dtype === 'i32' ? 1 : x!.dtype === 'u32' ? 2 : 0;
  const acc = new Float64Array(inner);
  // Position k of the scan is axis index k (forward) or len − 1 − k (reverse).
  const first = reverse ? len - 1 : 0;
  const step = reverse ? -inner : inner;
  for (let b = 0; b < outer; b++) {
    acc.fill(0);
    let p = b * len * inner + first * inner;
    for (let k = 0; k < len; k++, p += step) {
      for (let j = 0; j < inner; j++) {
        const v = src[p + j]!;
        const before = acc[j]!;
        const after = wrap === 0 ? before + v : wrap === 1 ? (before + v) | 0 : (before + v) >>> 0;
        acc[j] = after;
        dst[p + j] = exclusive ? before : after;
      }
    }
  }
};
