import type { Shape } from '../../shape.js';

/**
 * Element arrays as kernels see them: any typed array (Float64Array on the float64 device). Kernels
 * read and write JS numbers; the typed array's store does the rounding (f32) or 32-bit wrapping (i32/u32).
 */
export interface Elements {
  readonly length: number;
  [index: number]: number;
}

/**
 * An index space walked in runs along its innermost axis. Several operands step through it
 * together, each with its own strides (0 on broadcast axes) and base offset; operand 0 is usually
 * the destination.
 */
export interface RunPlan {
  /** Merged dimensions, outermost first; the last one is the run length. */
  readonly dims: readonly number[];
  /** strides[k][d]: how far operand k moves for one step of dimension d. */
  readonly strides: readonly (readonly number[])[];
  readonly bases: readonly number[];
  /** Total elements; 0 means there is nothing to visit. */
  readonly size: number;
}

/**
 * Drops size-1 axes and merges neighbouring axes i, i+1 whenever every operand has
 * stride[i] = stride[i+1]·shape[i+1], i.e. the pair is one axis in memory for all of them. A
 * same-shape elementwise op or a scalar broadcast collapses to a single run over all elements.
 */
export function planRuns(shape: Shape, strides: readonly (readonly number[])[], bases?: readonly number[]): RunPlan {
  const m = strides.length;
  let size = 1;
  for (const d of shape) size *= d;
  const dims: number[] = [];
  const merged: number[][] = strides.map(() => []);
  for (let axis = 0; axis < shape.length; axis++) {
    const d = shape[axis]!;
    if (d === 1) continue;
    const last = dims.length - 1;
    let mergeable = last >= 0;
    for (let k = 0; k < m && mergeable; k++) mergeable = merged[k]![last] === strides[k]![axis]! * d;
    if (mergeable) {
      dims[last] = dims[last]! * d;
      for (let k = 0; k < m; k++) merged[k]![last] = strides[k]![axis]!;
    } else {
      dims.push(d);
      for (let k = 0; k < m; k++) merged[k]!.push(strides[k]![axis]!);
    }
  }
  if (dims.length === 0) {
    dims.push(1);
    for (let k = 0; k < m; k++) merged[k]!.push(0);
  }
  return { dims, strides: merged, bases: bases ? [...bases] : strides.map(() => 0), size };
}

/** Stride of operand k along the run axis. */
export function runStride(plan: RunPlan, k: number): number {
  const s = plan.strides[k]!;
  return s[s.length - 1]!;
}

/**
 * Calls `visit(starts, length)` once per run: `starts[k]` is operand k's first element of the run
 * (the array is reused between calls; do not keep it). One call per run, not per element, so the
 * visitor's own loop is the hot loop.
 */
export function forEachRun(plan: RunPlan, visit: (starts: readonly number[], length: number) => void): void {
  if (plan.size === 0) return;
  const { dims, strides } = plan;
  const m = strides.length;
  const outer = dims.length - 1;
  const length = dims[outer]!;
  const starts = [...plan.bases];
  const index = new Array<number>(outer).fill(0);
  const runs = plan.size / length;
  for (let r = 0; r < runs; r++) {
    visit(starts, length);
    // Odometer step over the outer dimensions, innermost first.
    for (let d = outer - 1; d >= 0; d--) {
      const dim = dims[d]!;
      if (++index[d]! < dim) {
        for (let k = 0; k < m; k++) starts[k] = starts[k]! + strides[k]![d]!;
        break;
      }
      index[d] = 0;
      for (let k = 0; k < m; k++) starts[k] = starts[k]! - strides[k]![d]! * (dim - 1);
    }
  }
}

/** Copies `length` elements with strides; contiguous runs of the same array kind use TypedArray.set (memmove). */
export function copyRun(dst: Elements, dstStart: number, dstStride: number, src: Elements, srcStart: number, srcStride: number, length: number): void {
  if (dstStride === 1 && srcStride === 1 && length >= 64 && dst.constructor === src.constructor) {
    const d = dst as Float64Array;
    d.set((src as Float64Array).subarray(srcStart, srcStart + length), dstStart);
    return;
  }
  for (let i = 0, p = dstStart, q = srcStart; i < length; i++, p += dstStride, q += srcStride) dst[p] = src[q]!;
}
