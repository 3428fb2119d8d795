import { createWebGPUDevice, type WebGPUDevice, type WebGPUDeviceInfo } from '@lightattn/kernels-wgsl';
import { createCpuDevice, type Device } from '@lightattn/tensor-core';
import type { DevicePreference, DeviceSummary } from '../worker/protocol.js';

/** Adapter names of software renderers (the trainer CLI's list). */
const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|softpipe|microsoft basic render|warp|software/i;

/**
 * Whether an adapter renders in software: it says so (`isFallbackAdapter`, type CPU), or its
 * vendor, architecture or description names a software renderer. Chromium without a GPU reports
 * SwiftShader as vendor "google", architecture "swiftshader", not as a fallback adapter.
 */
export function isSoftwareAdapter(info: WebGPUDeviceInfo, adapterInfo?: unknown): boolean {
  const raw = (adapterInfo ?? {}) as { isFallbackAdapter?: boolean; adapterType?: string; type?: string };
  if (raw.isFallbackAdapter === true) return true;
  if (/cpu/i.test(raw.adapterType ?? raw.type ?? '')) return true;
  const a = info.adapter;
  return SOFTWARE_ADAPTER.test([a.vendor, a.architecture, a.device, a.description, info.description ?? ''].join(' '));
}

/**
 * The device the site runs on, chosen as the trainer's `--device auto` chooses:
 * - `auto`: the WebGPU adapter if it is a real GPU; a software adapter (SwiftShader) is passed over
 *   for the CPU device, which runs the same programs far faster there; no adapter: the CPU device;
 * - `webgpu` (`?device=webgpu`): the WebGPU adapter whatever it is, software included;
 * - `cpu` (`?device=cpu`): the CPU device.
 * The summary says which and why; the page shows it.
 */
export async function acquireDevice(preference: DevicePreference): Promise<{ device: Device; summary: DeviceSummary }> {
  const cpu = (reason: string, software: string | null = null) => {
    const device = createCpuDevice();
    return { device, summary: { type: 'cpu' as const, name: device.name, description: 'CPU device (JavaScript)', fallbackReason: reason, softwareAdapter: software } };
  };
  if (preference === 'cpu') return cpu('the CPU device was asked for (?device=cpu in the address)');
  let gpu: WebGPUDevice;
  try {
    gpu = await createWebGPUDevice({ powerPreference: 'high-performance', name: 'webgpu' });
  } catch (e) {
    if (preference === 'webgpu') throw e;
    return cpu(`WebGPU is not available: ${(e as Error).message}`);
  }
  const info = gpu.info();
  const description = info.description ?? 'WebGPU adapter';
  const software = isSoftwareAdapter(info, (gpu.gpuDevice as { adapterInfo?: unknown }).adapterInfo);
  if (software && preference === 'auto') {
    gpu.destroy();
    return cpu(`the only WebGPU adapter here (${description}) renders in software, and the CPU device runs the same programs many times faster`, description);
  }
  return { device: gpu, summary: { type: 'webgpu', name: gpu.name, description, fallbackReason: null, softwareAdapter: software ? description : null } };
}
