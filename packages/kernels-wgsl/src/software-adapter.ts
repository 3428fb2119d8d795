import type { WebGPUDeviceInfo } from './webgpu-device.js';

/** Adapter names of software renderers. */
const SOFTWARE_ADAPTER = /swiftshader|llvmpipe|lavapipe|softpipe|microsoft basic render|warp|software/i;

/**
 * Whether an adapter renders in software (SwiftShader, llvmpipe, WARP): correct, but far slower
 * than a CPU device. True when the adapter says so (`isFallbackAdapter`, type `CPU`), or when its
 * vendor, architecture or description names a software renderer: Dawn and Chromium without a GPU
 * report SwiftShader as `google / swiftshader`, not as a fallback adapter, so the names matter.
 * `adapterInfo` is the GPUAdapterInfo (or the device's `adapterInfo`) where there is one.
 */
export function isSoftwareAdapter(info: WebGPUDeviceInfo, adapterInfo?: unknown): boolean {
  const raw = (adapterInfo ?? {}) as { isFallbackAdapter?: boolean; adapterType?: string; type?: string };
  if (raw.isFallbackAdapter === true) return true;
  if (/cpu/i.test(raw.adapterType ?? raw.type ?? '')) return true;
  const a = info.adapter;
  return SOFTWARE_ADAPTER.test([a.vendor, a.architecture, a.device, a.description, info.description ?? ''].join(' '));
}
