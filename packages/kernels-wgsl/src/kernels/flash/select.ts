import type { KernelCall, WgslKernel } from '../../kernel-api.js';
import { flashAttentionBackwardKernel } from './backward.js';
import { flashGeometry } from './common.js';
import { flashAttentionTensorCoreBackwardSteps, tensorCoreBackwardBytes, type TensorCoreBackwardOptions } from './tensor-cores-backward.js';
import { flashAttentionKernel } from './forward.js';
import { TENSOR_CORE_MAX_HEAD } from './tensor-core-parts.js';
import { flashAttentionTensorCoreForwardSteps, tensorCoreForwardBytes, type TensorCoreForwardOptions } from './tensor-cores-forward.js';

/**
 * The device's flash-attention kernels: on tensor cores with f16 operands when the device was
 * created with `tensorCores` (checked there) and the tiles fit, else the f32 kernels (always for head
 * sizes over 128). The tiles are the fastest measured on an H100 at GPT-2 sizes (docs/benchmarks.md,
 * "Flash attention tiles"): forward in one pass, 8 subgroups × 16 query rows over staged tiles of 16
 * keys; backward 4 subgroups, tiles of 16.
 */
export const TENSOR_CORE_FORWARD: TensorCoreForwardOptions = { emulate: false, subgroups: 8, rows: 16, bc: 16 };
export const TENSOR_CORE_BACKWARD: TensorCoreBackwardOptions = { emulate: false, split: false, subgroups: 4, bc: 16 };

/** Storage buffers the tensor-core backward's dK/dV kernel binds (mask, L, D, dO's scales, four f16 copies, dk, dv, errors). */
const BACKWARD_STORAGE_BUFFERS = 11;

function onTensorCores(call: KernelCall<'flashAttention'> | KernelCall<'flashAttentionBackward'>): boolean {
  if (!call.device.tensorCores) return false;
  const g = flashGeometry(call);
  return Math.max(g.db, g.dvb) <= TENSOR_CORE_MAX_HEAD;
}

export const selectedFlashAttentionKernel: WgslKernel<'flashAttention'> = (call) => {
  const g = flashGeometry(call);
  if (onTensorCores(call) && tensorCoreForwardBytes(TENSOR_CORE_FORWARD, 2, Math.max(g.db, g.dvb)) <= call.device.limits.maxComputeWorkgroupStorageSize) {
    return flashAttentionTensorCoreForwardSteps(call, TENSOR_CORE_FORWARD);
  }
  return flashAttentionKernel(call);
};

export const selectedFlashAttentionBackwardKernel: WgslKernel<'flashAttentionBackward'> = (call) => {
  const g = flashGeometry(call);
  const fits = tensorCoreBackwardBytes(TENSOR_CORE_BACKWARD, 2, false, g.db, g.dvb) <= call.device.limits.maxComputeWorkgroupStorageSize;
  if (onTensorCores(call) && fits && call.device.limits.maxStorageBuffersPerShaderStage >= BACKWARD_STORAGE_BUFFERS) {
    return flashAttentionTensorCoreBackwardSteps(call, TENSOR_CORE_BACKWARD);
  }
  return flashAttentionBackwardKernel(call);
};
