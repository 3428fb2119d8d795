import { DeviceError, type OpParams, type Tensor } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { checkTensorCores } from '../../acquire.js';
import type { KernelCall, KernelDeviceInfo, KernelDispatch, KernelStep } from '../../kernel-api.js';
import { webgpuTestDevice } from '../../test/webgpu-test-device.js';
import { createWebGPUDevice } from '../../webgpu-device.js';
import { selectedFlashAttentionBackwardKernel, selectedFlashAttentionKernel } from './select.js';

/** Whether this machine has a WebGPU adapter at all (SwiftShader in CI). */
const probe = await webgpuTestDevice();
const hasWebGPU = !!probe;
probe?.destroy();

const device = (tensorCores: boolean, storageBuffers = 12) =>
  ({
    limits: {
      maxComputeWorkgroupStorageSize: 49152,
      maxComputeInvocationsPerWorkgroup: 1024,
      maxStorageBuffersPerShaderStage: storageBuffers,
      maxComputeWorkgroupsPerDimension: 65535,
    },
    features: { subgroups: true, shaderF16: true },
    subgroupMinSize: 32,
    subgroupMaxSize: 32,
    tensorCores,
  }) as unknown as KernelDeviceInfo;

/** The dispatches a kernel-table entry gives for a causal call of B 1, H 2, length T, head size D on this device. */
function dispatches(D: number, info: KernelDeviceInfo, T = 40): { forward: KernelDispatch[]; backward: KernelDispatch[] } {
  const shape = [1, 2, T, D];
  const t = (s: number[], dtype: 'f32' | 'bool' = 'f32') => ({ shape: s, dtype, offset: 0 }) as unknown as Tensor;
  const params: OpParams<'flashAttention'> = { causal: true, scale: 0.125, p: 0, seed: 1, offset: 0, rowOffset: 0, rows: T };
  const fwd = {
    op: 'flashAttention',
    inputs: [t(shape), t(shape), t(shape), t([1, 1, 1, 1], 'bool')],
    outputs: [t(shape), t([1, 2, T])],
    params,
    device: info,
    errorTag: 0,
  } as unknown as KernelCall<'flashAttention'>;
  const bwd = {
    ...fwd,
    op: 'flashAttentionBackward',
    inputs: [...fwd.inputs, t(shape), t([1, 2, T]), t(shape)],
    outputs: [t(shape), t(shape), t(shape)],
  } as unknown as KernelCall<'flashAttentionBackward'>;
  const list = (steps: KernelStep | readonly KernelStep[]) => ([] as KernelStep[]).concat(steps).map((s) => s as KernelDispatch);
  return { forward: list(selectedFlashAttentionKernel(fwd)), backward: list(selectedFlashAttentionBackwardKernel(bwd)) };
}

/** The dispatch names a kernel-table entry gives for head size D on this device. */
function names(D: number, info: KernelDeviceInfo): { forward: string[]; backward: string[] } {
  const d = dispatches(D, info);
  return { forward: d.forward.map((s) => s.name), backward: d.backward.map((s) => s.name) };
}

describe('which flash-attention kernels a device runs', () => {
  it('the f32 kernels by default', () => {
    expect(names(64, device(false))).toEqual({
      forward: ['flashAttention'],
      backward: ['flashAttentionBackward-delta', 'flashAttentionBackward-dq', 'flashAttentionBackward-dkdv'],
    });
  });

  it('with tensorCores, the tensor-core kernels on f16 copies of their operands', () => {
    const n = names(64, device(true));
    expect(n.forward).toEqual(['flashAttentionTCStage', 'flashAttentionTCStage', 'flashAttentionTCStage', 'flashAttentionTCDirect']);
    expect(n.backward).toEqual([
      'flashAttentionTCScale',
      'flashAttentionTCScale',
      ...new Array<string>(4).fill('flashAttentionTCStage'),
      'flashAttentionBackward-delta',
      'flashAttentionBackwardTC-dq',
      'flashAttentionBackwardTC-dkdv',
    ]);
  });

  it('the f32 kernels for head sizes over 128, and the f32 backward where dK/dV cannot bind its 11 buffers', () => {
    expect(names(256, device(true)).forward).toEqual(['flashAttention']);
    expect(names(64, device(true, 10)).backward).toEqual(['flashAttentionBackward-delta', 'flashAttentionBackward-dq', 'flashAttentionBackward-dkdv']);
  });
});

describe('which flash-attention dispatches are submitted at once', () => {
  /** Names of the dispatches marked submitAfter. */
  const long = (steps: KernelDispatch[]) => steps.filter((s) => s.submitAfter).map((s) => s.name);

  it('the main kernels from LONG_DISPATCH_FLOPS on (causal B 1, H 2, D 64: forward 4.3·10⁹ at T 4096), never the copies and scales', () => {
    for (const tensorCores of [false, true]) {
      const small = dispatches(64, device(tensorCores), 2048);
      expect([...long(small.forward), ...long(small.backward)]).toEqual([]);
      const big = dispatches(64, device(tensorCores), 4096);
      expect(long(big.forward)).toEqual([tensorCores ? 'flashAttentionTCDirect' : 'flashAttention']);
      expect(long(big.backward)).toEqual(
        tensorCores ? ['flashAttentionBackwardTC-dq', 'flashAttentionBackwardTC-dkdv'] : ['flashAttentionBackward-dq', 'flashAttentionBackward-dkdv'],
      );
    }
  });
});

describe('creating a device with tensorCores', () => {
  it('says what the adapter lacks', () => {
    const info = {
      description: 'test GPU',
      subgroupMinSize: 32,
      subgroupMaxSize: 32,
      subgroupMatrixConfigs: [{ componentType: 'f16', resultComponentType: 'f16', M: 8, N: 8, K: 8 }],
    } as unknown as GPUAdapterInfo;
    expect(() => checkTensorCores(new Set(['subgroups']), info)).toThrow(
      /lacks shader-f16, chromium-experimental-subgroup-matrix; create the device without tensorCores/,
    );
    expect(() => checkTensorCores(new Set(['subgroups', 'shader-f16', 'chromium-experimental-subgroup-matrix']), info)).toThrow(
      /offers no such configuration \(f16→f16 8×8×8\)/,
    );
    const f16x16 = {
      ...info,
      subgroupMinSize: 16,
      subgroupMatrixConfigs: [{ componentType: 'f16', resultComponentType: 'f32', M: 16, N: 16, K: 16 }],
    } as unknown as GPUAdapterInfo;
    expect(() => checkTensorCores(new Set(['subgroups', 'shader-f16', 'chromium-experimental-subgroup-matrix']), f16x16)).toThrow(/subgroups of 16–32/);
  });

  it.skipIf(!hasWebGPU)('fails clearly on a WebGPU adapter without subgroup matrices (SwiftShader)', async () => {
    await expect(createWebGPUDevice({ tensorCores: true })).rejects.toThrow(DeviceError);
    await expect(createWebGPUDevice({ tensorCores: true })).rejects.toThrow(/tensorCores needs f16 → f32 16×16×16 subgroup matrices/);
  });
});
