import { createWebGPUDevice } from '@lightattn/kernels-wgsl';
import { createCpuDevice, type Device } from '@lightattn/tensor-core';
import type { DevicePreference, DeviceSummary } from '../worker/protocol.js';

/**
 * WebGPU when the browser has it, else the CPU device with the reason, which every page shows.
 * `cpu` skips WebGPU (the `?device=cpu` address of the site).
 */
export async function acquireDevice(preference: DevicePreference): Promise<{ device: Device; summary: DeviceSummary }> {
  let reason = 'the CPU device was asked for (?device=cpu in the address)';
  if (preference !== 'cpu') {
    try {
      const device = await createWebGPUDevice({ powerPreference: 'high-performance', name: 'webgpu' });
      const info = device.info();
      return { device, summary: { type: 'webgpu', name: device.name, description: info.description ?? 'WebGPU adapter', fallbackReason: null } };
    } catch (e) {
      reason = `WebGPU is not available: ${(e as Error).message}`;
    }
  }
  const device = createCpuDevice();
  return { device, summary: { type: 'cpu', name: device.name, description: 'CPU reference device (JavaScript)', fallbackReason: reason } };
}
