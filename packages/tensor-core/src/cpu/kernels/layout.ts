import { broadcastStrides, contiguousStrides, type Shape } from '../../shape.js';
import type { CpuKernel, CpuTensor } from '../cpu-tensor.js';
import { convertFloat } from './convert.js';
import { copyRun, forEachRun, planRuns, runStride, type Elements } from './strided-runs.js';

/**
 * Every layout op is one strided copy: walk an index space `shape`, reading the source with
 * `srcStrides` from `srcBase` and writing the destination with `dstStrides` from `dstBase`.
 * planRuns merges the axes both sides keep contiguous, so e.g. concat copies whole blocks.
 */
function stridedCopy(
  shape: Shape,
  dst: Elements,
  dstStrides: readonly number[],
  dstBase: number,
  src: Elements,
  srcStrides: readonly number[],
  srcBase: number,
): void {
  const plan = planRuns(shape, [dstStrides, srcStrides], [dstBase, srcBase]);
  const sd = runStride(plan, 0);
  const ss = runStride(plan, 1);
  forEachRun(plan, (s, n) => copyRun(dst, s[0]!, sd, src, s[1]!, ss, n));
}

/** Element offset of index `starts` in a contiguous tensor with `strides`. */
function offsetOf(starts: readonly number[], strides: readonly number[]): number {
  let o = 0;
  for (let i = 0; i < starts.length; i++) o += starts[i]! * strides[i]!;
  return o;
}

/** out[j] = x[k] with k[perm[i]] = j[i]: output axis i walks input axis perm[i], so it takes that axis's stride. */
export const permuteKernel: CpuKernel<'permute'> = ([x], [out], { perm }) => {
  const xs = contiguousStrides(x!.shape);
  stridedCopy(
    out!.shape,
    out!.data,
    contiguousStrides(out!.shape),
    0,
    x!.data,
    perm.map((a) => xs[a]!),
    0,
  );
};

/** Each input is copied into the output block that starts at the running offset along `axis`. */
export const concatKernel: CpuKernel<'concat'> = (xs, [out], { axis }) => {
  const outStrides = contiguousStrides(out!.shape);
  let at = 0;
  for (const x of xs) {
    stridedCopy(x.shape, out!.data, outStrides, at * outStrides[axis]!, x.data, contiguousStrides(x.shape), 0);
    at += x.shape[axis]!;
  }
};

export const sliceKernel: CpuKernel<'slice'> = ([x], [out], { starts }) => {
  const xs = contiguousStrides(x!.shape);
  stridedCopy(out!.shape, out!.data, contiguousStrides(out!.shape), 0, x!.data, xs, offsetOf(starts, xs));
};

/** Fills with `value` (converted to the dtype as fill converts it), then copies x into the interior. */
export const padKernel: CpuKernel<'pad'> = ([x], [out], { before, value }) => {
  const outStrides = contiguousStrides(out!.shape);
  out!.data.fill(convertFloat(value, out!.dtype));
  stridedCopy(x!.shape, out!.data, outStrides, offsetOf(before, outStrides), x!.data, contiguousStrides(x!.shape), 0);
};

/** Whether two element views share any bytes of one buffer. */
function overlaps(a: CpuTensor['data'], b: CpuTensor['data']): boolean {
  return a.buffer === b.buffer && a.byteOffset < b.byteOffset + b.byteLength && b.byteOffset < a.byteOffset + a.byteLength;
}

/**
 * dst[starts + j] = src[j], in place into inputs[0]. src may be a view of dst's own storage (a KV
 * cache shifting itself); it is then copied first, so every element reads its value from before the op.
 */
export const setSliceKernel: CpuKernel<'setSlice'> = ([dst, src], _outputs, { starts }) => {
  const d = dst!.data;
  const s = overlaps(d, src!.data) ? src!.data.slice() : src!.data;
  const dstStrides = contiguousStrides(dst!.shape);
  stridedCopy(src!.shape, d, dstStrides, offsetOf(starts, dstStrides), s, contiguousStrides(src!.shape), 0);
};

/** Broadcast copy: stride 0 along the axes x stretches. */
export const expandKernel: CpuKernel<'expand'> = ([x], [out]) => {
  stridedCopy(out!.shape, out!.data, contiguousStrides(out!.shape), 0, x!.data, broadcastStrides(x!.shape, out!.shape), 0);
};
