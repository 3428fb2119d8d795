import { runOp1 } from '../dispatch.js';
import { normalizeAxes, normalizeAxis } from '../shape.js';
import type { Tensor } from '../tensor.js';
import type { ReduceFn } from './op-params.js';

export interface ReduceOptions {
  /** Axes to reduce (negative counts from the end); all axes when omitted. */
  axes?: number | readonly number[];
  keepDims?: boolean;
}

export function reduce(x: Tensor, fn: ReduceFn, options: ReduceOptions = {}): Tensor {
  const axes = normalizeAxes(options.axes, x.rank, fn);
  return runOp1('reduce', [x], { fn, axes, keepDims: options.keepDims ?? false });
}

export const sum = (x: Tensor, options?: ReduceOptions) => reduce(x, 'sum', options);
export const mean = (x: Tensor, options?: ReduceOptions) => reduce(x, 'mean', options);
export const max = (x: Tensor, options?: ReduceOptions) => reduce(x, 'max', options);
export const min = (x: Tensor, options?: ReduceOptions) => reduce(x, 'min', options);
export const logsumexp = (x: Tensor, options?: ReduceOptions) => reduce(x, 'logsumexp', options);

export const argmax = (x: Tensor, axis = -1, keepDims = false): Tensor =>
  runOp1('argReduce', [x], { fn: 'argmax', axis: normalizeAxis(axis, x.rank, 'argmax'), keepDims });
export const argmin = (x: Tensor, axis = -1, keepDims = false): Tensor =>
  runOp1('argReduce', [x], { fn: 'argmin', axis: normalizeAxis(axis, x.rank, 'argmin'), keepDims });

/** Running sum along `axis`. */
export function cumsum(x: Tensor, axis = -1, options: { reverse?: boolean; exclusive?: boolean } = {}): Tensor {
  return runOp1('cumsum', [x], { axis: normalizeAxis(axis, x.rank, 'cumsum'), reverse: options.reverse ?? false, exclusive: options.exclusive ?? false });
}
