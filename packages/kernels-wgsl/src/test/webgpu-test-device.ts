import { openTestDevice } from '@lightattn/tensor-core/testing/vitest';
import { createWebGPUDevice, type WebGPUDevice, type WebGPUDeviceOptions } from '../webgpu-device.js';

/**
 * The WebGPU device for a test file, created once per file, through the repository's one test-device
 * rule (@lightattn/tensor-core/testing/vitest): without an adapter the file's WebGPU suites skip
 * (`describe.skipIf(!device)`) and the reason is printed once; with CI=true a missing adapter fails
 * the run.
 */
export async function webgpuTestDevice(options: WebGPUDeviceOptions = {}): Promise<WebGPUDevice | null> {
  const opened = await openTestDevice({ name: 'webgpu', create: () => createWebGPUDevice(options) });
  if (opened.device) return opened.device;
  if (!warned) console.warn(`[kernels-wgsl] skipping WebGPU tests: ${opened.skip}`);
  warned = true;
  return null;
}

let warned = false;
