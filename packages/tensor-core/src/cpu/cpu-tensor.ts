import type { AnyTypedArray, DType } from '../dtype.js';
import type { OpName, OpParams } from '../ops/op-params.js';
import type { Shape } from '../shape.js';

/**
 * What a CPU kernel receives: a typed-array view of exactly the tensor's elements (already offset),
 * its shape and dtype. Writing to an output's `data` writes the device memory.
 */
export interface CpuTensor {
  readonly data: AnyTypedArray | Float64Array;
  readonly shape: Shape;
  readonly dtype: DType;
}

/** A CPU reference kernel: reads `inputs`, writes `outputs` (or, for in-place ops, the inputs the rule names). */
export type CpuKernel<K extends OpName> = (inputs: readonly CpuTensor[], outputs: readonly CpuTensor[], params: OpParams<K>) => void;

/** One kernel per op: exhaustive, so an op without a CPU kernel is a compile error. */
export type CpuKernelTable = { [K in OpName]: CpuKernel<K> };
