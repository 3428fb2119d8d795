import * as tc from '@lightattn/tensor-core';
import {
  formatShape,
  normalizeAxes,
  normalizeAxis,
  ShapeError,
  type MatmulOptions,
  type ReduceFn,
  type ReduceOptions,
  type Tensor,
} from '@lightattn/tensor-core';
import { applyOp1 } from './apply-op.js';
import { reshape } from './ops-layout.js';

// Differentiable reductions, cumsum and matmul: same names and signatures as tensor-core's.

/** Differentiable reduction with `fn` over `options.axes` (all axes by default). */
export function reduce(x: Tensor, fn: ReduceFn, options: ReduceOptions = {}): Tensor {
  return applyOp1('reduce', [x], { fn, axes: normalizeAxes(options.axes, x.rank, fn), keepDims: options.keepDims ?? false });
}

/** Differentiable sum over `options.axes` (all by default). */
export const sum = (x: Tensor, options?: ReduceOptions) => reduce(x, 'sum', options);
/** Differentiable mean over `options.axes` (all by default). */
export const mean = (x: Tensor, options?: ReduceOptions) => reduce(x, 'mean', options);
/** Differentiable maximum over `options.axes` (all by default); ties share the gradient. */
export const max = (x: Tensor, options?: ReduceOptions) => reduce(x, 'max', options);
/** Differentiable minimum over `options.axes` (all by default); ties share the gradient. */
export const min = (x: Tensor, options?: ReduceOptions) => reduce(x, 'min', options);
/** Differentiable log Σ exp(x) over `options.axes` (all by default). */
export const logsumexp = (x: Tensor, options?: ReduceOptions) => reduce(x, 'logsumexp', options);

/** Running sum along `axis`. */
export function cumsum(x: Tensor, axis = -1, options: { reverse?: boolean; exclusive?: boolean } = {}): Tensor {
  return applyOp1('cumsum', [x], { axis: normalizeAxis(axis, x.rank, 'cumsum'), reverse: options.reverse ?? false, exclusive: options.exclusive ?? false });
}

/**
 * Batched matrix product with broadcast batch dimensions: [..., M, K] · [..., K, N] → [..., M, N].
 * A 1-D operand is a row (a) or column (b) vector and that axis is dropped from the result.
 */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  if (a.rank === 0 || b.rank === 0) throw new ShapeError(`matmul: scalars are not matrices (got ${formatShape(a.shape)} and ${formatShape(b.shape)})`);
  if (a.rank > 1 && b.rank > 1) return applyOp1('matmul', [a, b], { transA: !!options.transA, transB: !!options.transB });
  const a2 = a.rank === 1 ? reshape(a, [1, a.shape[0]!]) : a;
  const b2 = b.rank === 1 ? reshape(b, [b.shape[0]!, 1]) : b;
  const out = applyOp1('matmul', [a2, b2], { transA: a.rank === 1 ? false : !!options.transA, transB: b.rank === 1 ? false : !!options.transB });
  if (a2 !== a) a2.dispose();
  if (b2 !== b) b2.dispose();
  const shape = [...out.shape];
  if (b.rank === 1) shape.splice(shape.length - 1, 1);
  if (a.rank === 1) shape.splice(shape.length - (b.rank === 1 ? 1 : 2), 1);
  const result = reshape(out, shape);
  out.dispose();
  return result;
}

// argmax/argmin are not differentiable (integer outputs): re-exported from tensor-core as they are.
/** tensor-core's `argmax`, re-exported: integer indices, not differentiable. */
export const argmax = tc.argmax;
/** tensor-core's `argmin`, re-exported: integer indices, not differentiable. */
export const argmin = tc.argmin;
