import { broadcastStrides, DeviceError, formatShape, numel, type TensorRef } from '@lightattn/tensor-core';
import { MAX_RANK, type KernelCall, type KernelDeviceInfo, type KernelStep } from '../../kernel-api.js';
import { mergeDims } from '../wgsl/strided.js';
import { MatrixEmitter } from '../wgsl/subgroup-matrix.js';
import { paddedDims, selectGemmConfig, type GemmConfig } from './gemm-config.js';
import { gemmMainDispatch } from './gemm-kernel.js';
import type { MatmulPrecision } from './gemm-precision.js';
import { stagedCount, stageOperandSteps, type StagedOperand } from './gemm-stage.js';

/** How the engine runs a product: tensor-core precision, emulated subgroup matrices (tests), and an explicit tile (benchmarks). */
export interface GemmOptions {
  readonly precision: Exclude<MatmulPrecision, 'highest'>;
  readonly emulate?: boolean;
  readonly config?: GemmConfig;
}

interface Plan {
  readonly config: GemmConfig;
  readonly a: StagedOperand;
  readonly b: StagedOperand;
  readonly m: number;
  readonly n: number;
  readonly batchShape: readonly number[];
}

function plan(call: KernelCall<'matmul'>, o: GemmOptions): Plan {
  const [a, b] = call.inputs as [TensorRef, TensorRef];
  const out = call.outputs[0]!;
  const { transA, transB } = call.params;
  const rank = out.shape.length;
  const m = out.shape[rank - 2]!;
  const n = out.shape[rank - 1]!;
  const k = transA ? a.shape[a.shape.length - 2]! : a.shape[a.shape.length - 1]!;
  const batchShape = out.shape.slice(0, -2);
  const split = o.precision === 'high';
  const config = o.config ?? selectGemmConfig(m, n, numel(batchShape), split, !!o.emulate, call.device);
  const { mp, np, kp } = paddedDims(m, n, k, config);
  const aMatrices = numel(a.shape.slice(0, -2));
  const bMatrices = numel(b.shape.slice(0, -2));
  const scaleCount = aMatrices + bMatrices;
  return {
    config,
    m,
    n,
    batchShape,
    a: { name: 'gemm_a', tensor: a, matrices: aMatrices, rows: m, k, rowsPadded: mp, kPadded: kp, kContiguous: !transA, scaleAt: 0, scaleCount },
    b: { name: 'gemm_b', tensor: b, matrices: bMatrices, rows: n, k, rowsPadded: np, kPadded: kp, kContiguous: transB, scaleAt: aMatrices, scaleCount },
  };
}

/** Bytes of the largest staged copy (hi and lo together): each must fit one storage binding. */
export function gemmScratchBytes(call: KernelCall<'matmul'>, o: GemmOptions): number {
  const p = plan(call, o);
  const bytes = (o.emulate ? 4 : 2) * (o.precision === 'high' ? 2 : 1);
  return Math.max(stagedCount(p.a), stagedCount(p.b)) * bytes;
}

/**
 * The engine's steps for one matmul: each operand's max pass and scaled f16 copy
 * (gemm-stage.ts), then the subgroup-matrix GEMM (gemm-kernel.ts). Any M, N, K (0 included),
 * either operand transposed, batch dims broadcast as the op defines.
 */
export function gemmSteps(call: KernelCall<'matmul'>, o: GemmOptions): KernelStep[] {
  const p = plan(call, o);
  const out = call.outputs[0]!;
  const batch = numel(p.batchShape);
  if (p.m === 0 || p.n === 0 || batch === 0) return [];
  const e = new MatrixEmitter(!!o.emulate, o.precision === 'high');
  const [a, b] = call.inputs as [TensorRef, TensorRef];
  const aStrides = broadcastStrides(a.shape.slice(0, -2), p.batchShape);
  const bStrides = broadcastStrides(b.shape.slice(0, -2), p.batchShape);
  const merged = mergeDims(p.batchShape, [aStrides, bStrides]);
  if (merged.dims.length > MAX_RANK)
    throw new DeviceError(`matmul: batch shape ${formatShape(p.batchShape)} needs more than ${MAX_RANK} dimensions after merging`);
  return [
    ...stageOperandSteps(call, e, p.a),
    ...stageOperandSteps(call, e, p.b),
    gemmMainDispatch(call, e, p.config, {
      a: p.a,
      b: p.b,
      out,
      m: p.m,
      n: p.n,
      batch,
      batchDims: merged.dims,
      aStrides: merged.strides[0]!,
      bStrides: merged.strides[1]!,
    }),
  ];
}

/**
 * Which kernel a matmul gets: the engine when the device runs 'high' or 'medium' (set only where
 * tensor cores exist, see webgpu-device.ts) and its staged copies fit one storage binding; else
 * null, the f32 kernels.
 */
export function selectGemm(call: KernelCall<'matmul'>, info: KernelDeviceInfo = call.device): GemmOptions | null {
  const precision = info.matmulPrecision ?? 'highest';
  if (precision === 'highest') return null;
  const o: GemmOptions = { precision };
  return gemmScratchBytes(call, o) <= info.limits.maxStorageBufferBindingSize ? o : null;
}
