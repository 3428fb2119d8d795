import { numel, type OpParams, type TensorRef } from '@lightattn/tensor-core';
import { splitRows } from './elementwise-ops.js';
import type { KernelContext } from './kernel-context.js';

/**
 * The flash-attention forward without dropout (p = 0) as WebAssembly rows; false (the caller runs
 * the JavaScript kernel) with dropout. Each thread keeps one row of scores in its own scratch;
 * lse = m + log Σ p is formed here, per row, from the kernel's max and sum.
 */
export function flashForwardWasm(
  ctx: KernelContext,
  [q, k, v, mask]: readonly TensorRef[],
  [o, lse]: readonly TensorRef[],
  params: OpParams<'flashAttention'>,
): boolean {
  if (params.p !== 0 || mask!.dtype !== 'bool') return false;
  const [B, H, Tq, D] = q!.shape as [number, number, number, number];
  const Tk = k!.shape[2]!;
  const Dv = v!.shape[3]!;
  const rows = B * H * Tq;
  if (rows === 0) return true;
  // Mask strides in [B, H, Tq, Tk] terms (bytes: one per bool), 0 on broadcast axes.
  const ms = mask!.shape;
  const strides = [0, 0, 0, 0];
  for (let a = 3, s = 1; a >= 0; a--) {
    strides[a] = ms[a] === 1 ? 0 : s;
    s *= ms[a]!;
  }
  const shift = params.rowOffset + Tk - params.rows;
  const scratchStride = Math.ceil((Math.max(Tk, 1) * 4 + 16) / 64) * 64;
  const scratch = ctx.alloc(scratchStride * ctx.threads);
  const sums = ctx.alloc(rows * 4);
  try {
    const lsePtr = ctx.address(lse!);
    const ptrs = [q!, k!, v!, mask!, o!].map((t) => ctx.address(t));
    const args: number[] = [];
    for (const [s, e] of splitRows(rows, Tk * Math.max(D, Dv), ctx.threads)) {
      args.push(...ptrs, lsePtr, sums, H, Tq, Tk, D, Dv, ...strides, params.causal ? 1 : 0, shift, params.scale, s, e);
    }
    ctx.runJob({ fn: ctx.kernel('flash_forward_rows'), argc: 21, args, scratchBase: scratch, scratchStride }, args.length > 21);
    const L = ctx.f32(lsePtr).subarray(0, numel(lse!.shape));
    const S = ctx.f32(sums).subarray(0, rows);
    for (let r = 0; r < rows; r++) if (L[r] !== -Infinity) L[r] = L[r]! + Math.log(S[r]!);
  } finally {
    ctx.free(sums, rows * 4);
    ctx.free(scratch, scratchStride * ctx.threads);
  }
  return true;
}

/**
 * The flash-attention backward without dropout as WebAssembly, one (b, h) matrix per task (its dk
 * and dv are sums over its rows, kept by one thread); false with dropout.
 */
export function flashBackwardWasm(
  ctx: KernelContext,
  [q, k, v, mask, o, lse, g]: readonly TensorRef[],
  [dq, dk, dv]: readonly TensorRef[],
  params: OpParams<'flashAttentionBackward'>,
): boolean {
  if (params.p !== 0 || mask!.dtype !== 'bool') return false;
  const [B, H, Tq, D] = q!.shape as [number, number, number, number];
  const Tk = k!.shape[2]!;
  const Dv = v!.shape[3]!;
  const matrices = B * H;
  if (matrices === 0) return true;
  const ms = mask!.shape;
  const strides = [0, 0, 0, 0];
  for (let a = 3, s = 1; a >= 0; a--) {
    strides[a] = ms[a] === 1 ? 0 : s;
    s *= ms[a]!;
  }
  const shift = params.rowOffset + Tk - params.rows;
  const ptrs = [q!, k!, v!, mask!, o!, lse!, g!, dq!, dk!, dv!].map((t) => ctx.address(t));
  const args: number[] = [];
  for (const [s, e] of splitRows(matrices, Tq * Tk * Math.max(D, Dv), ctx.threads)) {
    args.push(...ptrs, H, Tq, Tk, D, Dv, ...strides, params.causal ? 1 : 0, shift, params.scale, s, e);
  }
  ctx.runJob({ fn: ctx.kernel('flash_backward_bh'), argc: 24, args }, args.length > 24);
  return true;
}
