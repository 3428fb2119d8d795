import { numel, type BinaryFn, type TensorRef } from '@lightattn/tensor-core';
import { BINARY_CODES, type BinaryCode } from '../kernels/elementwise-wasm.js';
import type { KernelContext } from './kernel-context.js';

/**
 * Below this many elements an elementwise op runs on the calling thread: it is bound by memory
 * bandwidth, which a second core barely adds to, and waking a worker costs more than small ops.
 */
const PARALLEL_MIN_ELEMENTS = 1 << 18;
/** Below this many elements a row op (exp per element, or two passes) runs on the calling thread. */
const PARALLEL_MIN_ROW_ELEMENTS = 1 << 15;

/**
 * Pieces per thread: a worker whose core is taken by another process mid-piece holds the caller
 * up until it finishes that piece, so pieces are small enough that this costs little.
 */
export const PIECES_PER_THREAD = 8;

/** [start, end) pieces of 0 … n, PIECES_PER_THREAD per thread, each a multiple of `align` but the last. */
export function split(n: number, threads: number, align = 4): [number, number][] {
  const pieces = n < PARALLEL_MIN_ELEMENTS ? 1 : Math.min(threads * PIECES_PER_THREAD, Math.ceil(n / align));
  const step = Math.ceil(n / pieces / align) * align;
  const out: [number, number][] = [];
  for (let s = 0; s < n; s += step) out.push([s, Math.min(n, s + step)]);
  return out;
}

/** Rows split for a row kernel: PIECES_PER_THREAD pieces per thread when there is enough work. */
export function splitRows(rows: number, rowLength: number, threads: number): [number, number][] {
  const pieces = rows * rowLength < PARALLEL_MIN_ROW_ELEMENTS ? 1 : Math.min(rows, threads * PIECES_PER_THREAD);
  const step = Math.ceil(rows / pieces);
  const out: [number, number][] = [];
  for (let s = 0; s < rows; s += step) out.push([s, Math.min(rows, s + step)]);
  return out;
}

const SWAPPED: Partial<Record<BinaryCode, BinaryCode>> = { add: 'add', mul: 'mul', sub: 'rsub', div: 'rdiv', maximum: 'maximum', minimum: 'minimum' };

/** Whether `small` (leading 1s dropped) is `big`'s trailing dimensions: a row repeated down big. */
export function isTrailing(small: readonly number[], big: readonly number[]): boolean {
  let lead = 0;
  while (lead < small.length && small[lead] === 1) lead++;
  const core = small.slice(lead);
  if (core.length > big.length) return false;
  return core.every((d, i) => d === big[big.length - core.length + i]);
}

/**
 * binary on f32 with one of the supported broadcasts: same shape; one side a single value; one
 * side a trailing row of the other (a bias). Returns false (the caller runs the JavaScript
 * kernel) for any other broadcast or function.
 */
export function binaryWasm(ctx: KernelContext, fn: BinaryFn, a: TensorRef, b: TensorRef, out: TensorRef): boolean {
  if (a.dtype !== 'f32' || !(fn in BINARY_CODES)) return false;
  const n = numel(out.shape);
  if (n === 0) return true;
  const na = numel(a.shape);
  const nb = numel(b.shape);
  let code = fn as BinaryCode;
  let big = a;
  let small = b;
  if (na !== n) {
    if (nb !== n) return false;
    const swapped = SWAPPED[code];
    if (!swapped) return false;
    code = swapped;
    big = b;
    small = a;
  }
  const nSmall = numel(small.shape);
  const bigPtr = ctx.address(big);
  const smallPtr = ctx.address(small);
  const outPtr = ctx.address(out);
  const args: number[] = [];
  if (nSmall === n) {
    for (const [s, e] of split(n, ctx.threads)) args.push(bigPtr + s * 4, smallPtr + s * 4, outPtr + s * 4, e - s, 1, 0, BINARY_CODES[code]);
  } else if (nSmall === 1) {
    for (const [s, e] of split(n, ctx.threads)) args.push(bigPtr + s * 4, smallPtr, outPtr + s * 4, e - s, 1, 1, BINARY_CODES[code]);
  } else if (isTrailing(small.shape, big.shape)) {
    const P = nSmall;
    for (const [s, e] of splitRows(n / P, P, ctx.threads)) args.push(bigPtr + s * P * 4, smallPtr, outPtr + s * P * 4, P, e - s, 0, BINARY_CODES[code]);
  } else return false;
  ctx.runJob({ fn: ctx.kernel('binary_rows'), argc: 7, args }, args.length > 7);
  return true;
}

/** binaryScalar on f32: the scalar, rounded to f32 as the reference does, is written to scratch and read as a splat. */
export function binaryScalarWasm(ctx: KernelContext, fn: BinaryFn, scalar: number, reverse: boolean, a: TensorRef, out: TensorRef): boolean {
  if (a.dtype !== 'f32' || !(fn in BINARY_CODES)) return false;
  let code = fn as BinaryCode;
  if (reverse) {
    const swapped = SWAPPED[code];
    if (!swapped) return false;
    code = swapped;
  }
  const n = numel(out.shape);
  if (n === 0) return true;
  const cell = ctx.alloc(4);
  try {
    ctx.f32(cell)[0] = scalar;
    const aPtr = ctx.address(a);
    const oPtr = ctx.address(out);
    const args: number[] = [];
    for (const [s, e] of split(n, ctx.threads)) args.push(aPtr + s * 4, cell, oPtr + s * 4, e - s, 1, 1, BINARY_CODES[code]);
    ctx.runJob({ fn: ctx.kernel('binary_rows'), argc: 7, args }, args.length > 7);
  } finally {
    ctx.free(cell, 4);
  }
  return true;
}

/** gelu forward (g null) or backward (dx = g·gelu′(x)) over contiguous f32 elements. */
export function geluWasm(ctx: KernelContext, x: TensorRef, g: TensorRef | null, out: TensorRef): void {
  const n = numel(out.shape);
  const xp = ctx.address(x);
  const op = ctx.address(out);
  const gp = g ? ctx.address(g) : 0;
  const args: number[] = [];
  for (const [s, e] of split(n, ctx.threads)) args.push(xp + s * 4, op + s * 4, e - s, g ? 1 : 0, g ? gp + s * 4 : 0);
  if (args.length) ctx.runJob({ fn: ctx.kernel('gelu'), argc: 5, args }, args.length > 5);
}

/** softmax along the last axis of an f32 tensor. */
export function softmaxWasm(ctx: KernelContext, x: TensorRef, y: TensorRef): void {
  const C = x.shape[x.shape.length - 1] ?? 1;
  const rows = C === 0 ? 0 : numel(x.shape) / C;
  const args: number[] = [];
  for (const [s, e] of splitRows(rows, C, ctx.threads)) args.push(ctx.address(x), ctx.address(y), C, s, e);
  if (args.length) ctx.runJob({ fn: ctx.kernel('softmax_rows'), argc: 5, args }, args.length > 5);
}

/** layer norm over the last axis (outputs y, mean, rstd). */
export function layerNormWasm(ctx: KernelContext, x: TensorRef, w: TensorRef, b: TensorRef, y: TensorRef, mean: TensorRef, rstd: TensorRef, eps: number): void {
  const C = x.shape[x.shape.length - 1] ?? 1;
  const rows = numel(mean.shape);
  const args: number[] = [];
  const ptrs = [x, w, b, y, mean, rstd].map((t) => ctx.address(t));
  for (const [s, e] of splitRows(rows, C, ctx.threads)) args.push(...ptrs, C, eps, s, e);
  if (args.length) ctx.runJob({ fn: ctx.kernel('layer_norm_rows'), argc: 10, args }, args.length > 10);
}

/** softmaxBackward along the last axis: dx = y ⊙ (g − Σ g ⊙ y). */
export function softmaxBackwardWasm(ctx: KernelContext, y: TensorRef, g: TensorRef, dx: TensorRef): void {
  const C = y.shape[y.shape.length - 1] ?? 1;
  const rows = C === 0 ? 0 : numel(y.shape) / C;
  const args: number[] = [];
  for (const [s, e] of splitRows(rows, C, ctx.threads)) args.push(ctx.address(y), ctx.address(g), ctx.address(dx), C, s, e);
  if (args.length) ctx.runJob({ fn: ctx.kernel('softmax_backward_rows'), argc: 6, args }, args.length > 6);
}

/**
 * where(cond, a, b) on f32 when cond is the full shape or a trailing row of it (an attention mask)
 * and a and b are each the full shape or a single value; false for other broadcasts.
 */
export function whereWasm(ctx: KernelContext, cond: TensorRef, a: TensorRef, b: TensorRef, out: TensorRef): boolean {
  if (a.dtype !== 'f32' || cond.dtype !== 'bool') return false;
  const n = numel(out.shape);
  if (n === 0) return true;
  const na = numel(a.shape);
  const nb = numel(b.shape);
  const nc = numel(cond.shape);
  if ((na !== n && na !== 1) || (nb !== n && nb !== 1)) return false;
  const [cp, ap, bp, op] = [cond, a, b, out].map((t) => ctx.address(t)) as [number, number, number, number];
  const aStep = na === 1 ? 0 : 4;
  const bStep = nb === 1 ? 0 : 4;
  const args: number[] = [];
  if (nc === n) {
    for (const [s, e] of split(n, ctx.threads)) args.push(cp + s, ap + s * aStep, bp + s * bStep, op + s * 4, e - s, 1, na === 1 ? 1 : 0, nb === 1 ? 1 : 0);
  } else if (nc > 0 && isTrailing(cond.shape, out.shape)) {
    const P = nc;
    for (const [s, e] of splitRows(n / P, P, ctx.threads))
      args.push(cp, ap + s * P * aStep, bp + s * P * bStep, op + s * P * 4, P, e - s, na === 1 ? 1 : 0, nb === 1 ? 1 : 0);
  } else return false;
  ctx.runJob({ fn: ctx.kernel('where_rows'), argc: 8, args }, args.length > 8);
  return true;
}

/**
 * crossEntropyBackward on [N, V] logits: targets are checked here (as the reference does, before
 * anything is written), then rows run as WebAssembly.
 */
export function crossEntropyBackwardWasm(
  ctx: KernelContext,
  x: TensorRef,
  targets: TensorRef,
  lse: TensorRef,
  g: TensorRef,
  d: TensorRef,
  ignoreIndex: number,
  targetValues: Int32Array,
): boolean {
  const N = x.shape[0]!;
  const V = x.shape[1]!;
  for (let r = 0; r < N; r++) {
    const t = targetValues[r]!;
    if (t !== ignoreIndex && (t < 0 || t >= V)) return false; // the JavaScript kernel throws its IndexError
  }
  if (!Number.isInteger(ignoreIndex) || ignoreIndex < -(2 ** 31) || ignoreIndex >= 2 ** 31) return false;
  const args: number[] = [];
  const ptrs = [x, targets, lse, g, d].map((t) => ctx.address(t));
  for (const [s, e] of splitRows(N, V, ctx.threads)) args.push(...ptrs, V, ignoreIndex, s, e);
  if (args.length) ctx.runJob({ fn: ctx.kernel('cross_entropy_backward_rows'), argc: 9, args }, args.length > 9);
  return true;
}

/**
 * reduce sum of an f32 tensor over its leading axes (column sums: out[c] = Σ_r x[r, c]) or its
 * trailing axes (row sums); false for other axis sets, other functions and dtypes, no axes, or an
 * empty reduction.
 */
export function sumWasm(ctx: KernelContext, x: TensorRef, out: TensorRef, axes: readonly number[]): boolean {
  const rank = x.shape.length;
  if (x.dtype !== 'f32' || axes.length === 0) return false;
  const sorted = [...axes].sort((a, b) => a - b);
  const leading = sorted.every((a, i) => a === i);
  const trailing = sorted.every((a, i) => a === rank - sorted.length + i);
  if (!leading && !trailing) return false;
  const n = numel(x.shape);
  const reduced = sorted.reduce((p, a) => p * x.shape[a]!, 1);
  if (reduced === 0 || n === 0) return false;
  const kept = n / reduced;
  const xp = ctx.address(x);
  const op = ctx.address(out);
  const args: number[] = [];
  if (leading) {
    // Columns split between threads, each a multiple of 4 wide: a column is one thread's sum.
    for (const [s, e] of split(kept, n >= 1 << 18 ? ctx.threads : 1)) args.push(xp, op, reduced, kept, s, e);
    ctx.runJob({ fn: ctx.kernel('sum_columns'), argc: 6, args }, args.length > 6);
  } else {
    for (const [s, e] of splitRows(kept, reduced, ctx.threads)) args.push(xp, op, reduced, s, e);
    ctx.runJob({ fn: ctx.kernel('sum_rows'), argc: 5, args }, args.length > 5);
  }
  return true;
}

/**
 * crossEntropy on [N, V] logits: WebAssembly finds each row's max and Σ exp(x − max); here, per
 * row, lse = max + log Σ (or the max itself when it is ±∞ or NaN, as the reference) and loss =
 * lse − x[target] (0 for ignored rows). Targets are checked first; false leaves a bad target to
 * the JavaScript kernel's IndexError.
 */
export function crossEntropyWasm(ctx: KernelContext, x: TensorRef, loss: TensorRef, lse: TensorRef, ignoreIndex: number, targetValues: Int32Array): boolean {
  const N = x.shape[0]!;
  const V = x.shape[1]!;
  for (let r = 0; r < N; r++) {
    const t = targetValues[r]!;
    if (t !== ignoreIndex && (t < 0 || t >= V)) return false;
  }
  if (N === 0) return true;
  if (V === 0) return false;
  const sums = ctx.alloc(N * 4);
  try {
    const lsePtr = ctx.address(lse);
    const args: number[] = [];
    for (const [s, e] of splitRows(N, V, ctx.threads)) args.push(ctx.address(x), lsePtr, sums, V, s, e);
    ctx.runJob({ fn: ctx.kernel('row_max_sumexp'), argc: 6, args }, args.length > 6);
    const L = ctx.f32(lsePtr).subarray(0, N);
    const S = ctx.f32(sums).subarray(0, N);
    const X = ctx.f32(ctx.address(x));
    const out = ctx.f32(ctx.address(loss)).subarray(0, N);
    for (let r = 0; r < N; r++) {
      const m = L[r]!;
      const l = Number.isFinite(m) ? m + Math.log(S[r]!) : m;
      L[r] = l;
      const t = targetValues[r]!;
      out[r] = t === ignoreIndex ? 0 : l - X[r * V + t]!;
    }
  } finally {
    ctx.free(sums, N * 4);
  }
  return true;
}
