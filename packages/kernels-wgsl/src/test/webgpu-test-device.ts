import { DeviceError } from '@lightattn/tensor-core';
import { createWebGPUDevice, type WebGPUDevice, type WebGPUDeviceOptions } from '../webgpu-device.js';

/**
 * The WebGPU device for a test file, created once per file. Without an adapter the tests skip
 * locally with a message saying why; with CI=true a missing adapter fails the run, since a suite
 * that silently skips in CI is a hole (CI installs chromium for SwiftShader).
 */
export async function webgpuTestDevice(options: WebGPUDeviceOptions = {}): Promise<WebGPUDevice | null> {
  try {
    return await createWebGPUDevice(options);
  } catch (e) {
    const reason = (e as Error).message;
    if (process.env.CI === 'true') throw new DeviceError(`CI=true but no WebGPU device could be created: ${reason}`);
    if (!warned) console.warn(`[kernels-wgsl] skipping WebGPU tests: ${reason}`);
    warned = true;
    return null;
  }
}

let warned = false;
