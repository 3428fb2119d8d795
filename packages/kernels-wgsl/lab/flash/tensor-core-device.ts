import { DeviceError } from '@lightattn/tensor-core';
import { createWebGPUDevice, type WebGPUDevice } from '../../src/index.js';

/**
 * The benches' device: created with `tensorCores` where the GPU has f16 subgroup matrices (the
 * benches call each kernel's dispatch themselves, so the option only lets them compile), and
 * without it elsewhere, where the tensor-core kernels run emulated.
 */
export async function tensorCoreDevice(): Promise<{ device: WebGPUDevice; subgroupMatrices: boolean }> {
  const options = { powerPreference: 'high-performance', dawnToggles: ['disable-dawn-features=timestamp_quantization'] } as const;
  try {
    return { device: await createWebGPUDevice({ ...options, tensorCores: true }), subgroupMatrices: true };
  } catch (e) {
    if (!(e instanceof DeviceError && /tensorCores needs/.test(e.message))) throw e;
    return { device: await createWebGPUDevice(options), subgroupMatrices: false };
  }
}
