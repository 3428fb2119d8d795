import { createWebGPUDevice, type WebGPUDevice } from '@lightattn/kernels-wgsl';

let device: Promise<WebGPUDevice | null> | null = null;

/**
 * One WebGPU device per test file (SwiftShader on machines without a GPU, so these tests use tiny
 * models). Without an adapter the WebGPU tests skip with a warning that says why, except with
 * CI=true, where a missing adapter fails the run.
 */
export function webgpuDevice(): Promise<WebGPUDevice | null> {
  device ??= createWebGPUDevice().catch((e: Error) => {
    if (process.env.CI === 'true') throw new Error(`CI=true but no WebGPU device could be created: ${e.message}`);
    console.warn(`[gpt2-model] skipping WebGPU tests: ${e.message}`);
    return null;
  });
  return device;
}
