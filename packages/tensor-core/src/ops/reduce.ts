import { runOp1 } from '../dispatch.js';
import { normalizeAxes, normalizeAxis } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { ReduceFn } from './op-params.js';

/** Which axes a reduction runs over and whether they are kept as size 1. */
export interface ReduceOptions {
  /** Axes to reduce (negative counts from the end); all axes when omitted. */
  axes?: number | readonly number[];
  /** Keep reduced axes as size 1 (default false). */
  keepDims?: boolean;
}

/**
 * Reduces x with `fn` over `options.axes` (all axes by default). Over zero elements sum gives 0, mean
 * NaN and logsumexp −Inf; max and min have no identity and throw a ShapeError, as in PyTorch.
 */
export function reduce(x: Tensor, fn: ReduceFn, options: ReduceOptions = {}): Tensor {
  const axes = normalizeAxes(options.axes, x.rank, fn);
  return runOp1('reduce', [x], { fn, axes, keepDims: options.keepDims ?? false });
}

/** Sum over `options.axes` (all by default). */
export const sum = (x: Tensor, options?: ReduceOptions) => reduce(x, 'sum', options);
/** Mean over `options.axes` (all by default). */
export const mean = (x: Tensor, options?: ReduceOptions) => reduce(x, 'mean', options);
/** Maximum over `options.axes` (all by default); NaN propagates; an empty reduced axis throws. */
export const max = (x: Tensor, options?: ReduceOptions) => reduce(x, 'max', options);
/** Minimum over `options.axes` (all by default); NaN propagates; an empty reduced axis throws. */
export const min = (x: Tensor, options?: ReduceOptions) => reduce(x, 'min', options);
/** log Σ exp(x) over `options.axes` (all by default), computed stably. */
export const logsumexp = (x: Tensor, options?: ReduceOptions) => reduce(x, 'logsumexp', options);

/** Index (i32) of the largest element along `axis`; an empty axis throws. */
export const argmax = (x: Tensor, axis = -1, keepDims = false): Tensor =>
  runOp1('argReduce', [x], { fn: 'argmax', axis: normalizeAxis(axis, x.rank, 'argmax'), keepDims });
/** Index (i32) of the smallest element along `axis`; an empty axis throws. */
export const argmin = (x: Tensor, axis = -1, keepDims = false): Tensor =>
  runOp1('argReduce', [x], { fn: 'argmin', axis: normalizeAxis(axis, x.rank, 'argmin'), keepDims });

/** Running sum along `axis`. */
export function cumsum(x: Tensor, axis = -1, options: { reverse?: boolean; exclusive?: boolean } = {}): Tensor {
  return runOp1('cumsum', [x], { axis: normalizeAxis(axis, x.rank, 'cumsum'), reverse: options.reverse ?? false, exclusive: options.exclusive ?? false });
}
