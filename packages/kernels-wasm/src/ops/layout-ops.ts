import { contiguousStrides, numel, type TensorRef } from '@lightattn/tensor-core';
import { PIECES_PER_THREAD } from './elementwise-ops.js';
import type { KernelContext } from './kernel-context.js';

/** Below this many elements a copy runs on the calling thread. */
const PARALLEL_MIN_ELEMENTS = 1 << 18;

/**
 * permute of a 4-byte tensor as a strided copy: output dims of size 1 are dropped, neighbours that
 * are also neighbours in the input are merged, and what is left (at most four dims) is copied by
 * `strided_copy4`, split over the outermost dim. Returns false for more than four dims after merging.
 */
export function permuteWasm(ctx: KernelContext, x: TensorRef, out: TensorRef, perm: readonly number[]): boolean {
  if (x.dtype === 'bool') return false;
  const n = numel(out.shape);
  if (n === 0) return true;
  const xs = contiguousStrides(x.shape);
  const dims: { size: number; stride: number }[] = [];
  for (let i = 0; i < perm.length; i++) {
    const size = out.shape[i]!;
    const stride = xs[perm[i]!]!;
    if (size === 1) continue;
    const last = dims[dims.length - 1];
    if (last && last.stride === stride * size) {
      last.size *= size;
      last.stride = stride;
    } else dims.push({ size, stride });
  }
  if (dims.length > 4) return false;
  while (dims.length < 4) dims.unshift({ size: 1, stride: 0 });
  const [d0, d1, d2, d3] = dims as [
    { size: number; stride: number },
    { size: number; stride: number },
    { size: number; stride: number },
    { size: number; stride: number },
  ];
  const pieces = n < PARALLEL_MIN_ELEMENTS ? 1 : Math.min(d0.size, ctx.threads * PIECES_PER_THREAD);
  const step = Math.ceil(d0.size / pieces);
  const args: number[] = [];
  for (let a = 0; a < d0.size; a += step) {
    args.push(ctx.address(x), ctx.address(out), d0.size, d1.size, d2.size, d3.size, d0.stride, d1.stride, d2.stride, d3.stride, a, Math.min(d0.size, a + step));
  }
  ctx.runJob({ fn: ctx.kernel('strided_copy4'), argc: 12, args }, args.length > 12);
  return true;
}
