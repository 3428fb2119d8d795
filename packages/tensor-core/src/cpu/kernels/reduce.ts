import type { DType } from '../../dtype.js';
import type { ReduceFn } from '../../ops/op-params.js';
import { contiguousStrides } from '../../shape.js';
import type { CpuKernel } from '../cpu-tensor.js';
import { forEachRun, planRuns, runStride, type Elements } from './strided-runs.js';

/**
 * The value an empty reduction gives, which is also where the accumulator starts. Integer max/min
 * start at the dtype's extremes (−Inf/+Inf do not exist there); only sum is defined on empty i32/u32
 * in a way every device agrees on, and the extremes are what a WGSL atomicMax/atomicMin starts from.
 */
function identity(fn: ReduceFn, dtype: DType): number {
  switch (fn) {
    case 'sum':
    case 'mean':
      return 0;
    case 'max':
      return dtype === 'i32' ? -0x80000000 : dtype === 'u32' ? 0 : -Infinity;
    case 'min':
      return dtype === 'i32' ? 0x7fffffff : dtype === 'u32' ? 0xffffffff : Infinity;
    case 'logsumexp':
      return -Infinity;
  }
}

/**
 * sum / mean / max / min / logsumexp over `axes`. Every input element is visited once per pass in
 * memory order; the output index steps with stride 0 along reduced axes, so any axis set (inner,
 * outer, interleaved) is one walk. Accumulators are float64; i32/u32 sums wrap to 32 bits at each
 * add, as the typed-array store (and WGSL) would.
 */
export const reduceKernel: CpuKernel<'reduce'> = ([x], [out], { fn, axes }) => {
  const src = x!.data as Elements;
  const dst = out!.data as Elements;
  const shape = x!.shape;
  const inStrides = contiguousStrides(shape);
  // Output strides over the input's index space: contiguous over the kept axes, 0 on reduced ones.
  // keepDims only changes the output's shape, not its element order.
  const outStrides = new Array<number>(shape.length).fill(0);
  let outSize = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (axes.includes(d)) continue;
    outStrides[d] = outSize;
    outSize *= shape[d]!;
  }
  let count = 1;
  for (const a of axes) count *= shape[a]!;

  const acc = new Float64Array(outSize).fill(identity(fn, x!.dtype));
  const plan = planRuns(shape, [inStrides, outStrides]);
  const step = runStride(plan, 1);

  if (fn === 'sum' || fn === 'mean') {
    const wrap = x!.dtype === 'i32' ? (v: number) => v | 0 : x!.dtype === 'u32' ? (v: number) => v >>> 0 : null;
    forEachRun(plan, ([i0, o0], n) => {
      if (wrap) for (let t = 0, o = o0!; t < n; t++, o += step) acc[o] = wrap(acc[o]! + src[i0! + t]!);
      else for (let t = 0, o = o0!; t < n; t++, o += step) acc[o] += src[i0! + t]!;
    });
    // mean of nothing is 0/0 = NaN.
    if (fn === 'mean') for (let o = 0; o < outSize; o++) acc[o] = acc[o]! / count;
  } else if (fn === 'max' || fn === 'min') {
    maxOrMin(plan, src, acc, step, fn === 'max');
  } else {
    // logsumexp = m + log Σ exp(x − m), m the max: no overflow, and the largest term is exp(0) = 1.
    const m = new Float64Array(outSize).fill(-Infinity);
    maxOrMin(plan, src, m, step, true);
    const s = new Float64Array(outSize);
    forEachRun(plan, ([i0, o0], n) => {
      for (let t = 0, o = o0!; t < n; t++, o += step) s[o] += Math.exp(src[i0! + t]! - m[o]!);
    });
    // A max of ±Inf or NaN is the answer itself (all −Inf → −Inf, any +Inf → +Inf); it would
    // otherwise turn into NaN through Inf − Inf.
    for (let o = 0; o < outSize; o++) {
      const mo = m[o]!;
      acc[o] = Number.isFinite(mo) ? mo + Math.log(s[o]!) : mo;
    }
  }
  for (let o = 0; o < outSize; o++) dst[o] = acc[o]!;
};

/** Running max (or min) into `acc`; a NaN element makes the result NaN and keeps it there. */
function maxOrMin(plan: ReturnType<typeof planRuns>, src: Elements, acc: Float64Array, step: number, isMax: boolean): void {
  forEachRun(plan, ([i0, o0], n) => {
    for (let t = 0, o = o0!; t < n; t++, o += step) {
      const v = src[i0! + t]!;
      const a = acc[o]!;
      // v !== v is NaN; once acc is NaN neither comparison is true, so it stays NaN.
      if (isMax ? v > a || v !== v : v < a || v !== v) acc[o] = v;
    }
  });
}

/**
 * Index of the first max (argmax) or min (argmin) along one axis. NaN counts as more extreme than
 * anything, so the first NaN wins, as in PyTorch and NumPy.
 */
export const argReduceKernel: CpuKernel<'argReduce'> = ([x], [out], { fn, axis }) => {
  const src = x!.data as Elements;
  const dst = out!.data as Elements;
  const shape = x!.shape;
  const size = shape[axis]!;
  let inner = 1;
  for (let d = axis + 1; d < shape.length; d++) inner *= shape[d]!;
  let outer = 1;
  for (let d = 0; d < axis; d++) outer *= shape[d]!;
  const isMax = fn === 'argmax';
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * size * inner + i;
      let best = src[base]!;
      let bestIndex = 0;
      if (best === best) {
        for (let k = 1; k < size; k++) {
          const v = src[base + k * inner]!;
          if (v !== v) {
            bestIndex = k;
            break;
          }
          if (isMax ? v > best : v < best) {
            best = v;
            bestIndex = k;
          }
        }
      }
      dst[o * inner + i] = bestIndex;
    }
  }
};
