import { flashBackwardBh, flashForwardRows } from './kernels/attention-wasm.js';
import { binaryRows, geluKernel } from './kernels/elementwise-wasm.js';
import { stridedCopy4 } from './kernels/layout-wasm.js';
import { gemm, microKernel, packA, packB } from './kernels/matmul-wasm.js';
import {
  crossEntropyBackwardRows,
  layerNormRows,
  rowMaxSumExp,
  softmaxBackwardRows,
  softmaxRows,
  sumColumns,
  sumRows,
  whereRows,
} from './kernels/rows-wasm.js';
import type { FunctionBuilder } from './wasm/function-builder.js';
import { buildModule } from './wasm/module-builder.js';

/** The exports every thread calls by name. */
export const KERNEL_NAMES = [
  'pack_b',
  'pack_a',
  'micro',
  'gemm',
  'softmax_rows',
  'layer_norm_rows',
  'binary_rows',
  'gelu',
  'softmax_backward_rows',
  'where_rows',
  'cross_entropy_backward_rows',
  'strided_copy4',
  'flash_forward_rows',
  'flash_backward_bh',
  'sum_columns',
  'sum_rows',
  'row_max_sumexp',
] as const;
export type KernelName = (typeof KERNEL_NAMES)[number];

function kernelFunctions(relaxed: boolean): FunctionBuilder[] {
  // Order = function index: gemm calls the microkernels by index.
  return [
    packB(relaxed),
    packA(relaxed),
    microKernel(relaxed),
    gemm(1, 2, relaxed),
    softmaxRows(relaxed),
    layerNormRows(relaxed),
    binaryRows(relaxed),
    geluKernel(relaxed),
    softmaxBackwardRows(relaxed),
    whereRows(relaxed),
    crossEntropyBackwardRows(relaxed),
    stridedCopy4(relaxed),
    flashForwardRows(relaxed),
    flashBackwardBh(relaxed),
    sumColumns(relaxed),
    sumRows(relaxed),
    rowMaxSumExp(relaxed),
  ];
}

/** The kernel module's bytes: `relaxed` uses relaxed-SIMD FMA, `shared` imports a shared memory. */
export function kernelModuleBytes(options: { relaxed: boolean; shared: boolean }): Uint8Array<ArrayBuffer> {
  return buildModule(kernelFunctions(options.relaxed), { shared: options.shared });
}

/** Whether this engine has 128-bit SIMD, relaxed SIMD and shared memories (threads), by validating modules. */
export function engineFeatures(): { simd: boolean; relaxedSimd: boolean; threads: boolean } {
  const ok = (relaxed: boolean, shared: boolean) => {
    try {
      return WebAssembly.validate(kernelModuleBytes({ relaxed, shared }));
    } catch {
      return false;
    }
  };
  return { simd: ok(false, false), relaxedSimd: ok(true, false), threads: ok(false, true) && typeof SharedArrayBuffer !== 'undefined' };
}
