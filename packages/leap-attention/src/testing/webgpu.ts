import { createWebGPUDevice, type WebGPUDevice } from '@lightattn/kernels-wgsl';

let device: Promise<WebGPUDevice | null> | null = null;

/**
 * One WebGPU device per test file (SwiftShader here, so tests keep shapes small). Without an adapter
 * the WebGPU tests skip with a warning saying why, except with CI=true, where a missing adapter fails
 * the run: a suite that silently skips in CI is a hole.
 */
export function webgpuDevice(): Promise<WebGPUDevice | null> {
  device ??= createWebGPUDevice().catch((e: Error) => {
    if (process.env.CI === 'true') throw new Error(`CI=true but no WebGPU device could be created: ${e.message}`);
    console.warn(`[leap-attention] skipping WebGPU tests: ${e.message}`);
    return null;
  });
  return device;
}
