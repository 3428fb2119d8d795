import { createWasmDevice } from '@lightattn/kernels-wasm';
import { createWebGPUDevice, isSoftwareAdapter, type WebGPUDevice } from '@lightattn/kernels-wgsl';
import { createCpuDevice, type Device } from '@lightattn/tensor-core';
import type { DevicePreference, DeviceSummary } from '../worker/protocol.js';

/** Why the WebAssembly device has one thread on a page served without COOP/COEP. */
export const NOT_ISOLATED = 'the page is not cross-origin isolated (COOP/COEP headers), so it cannot share memory with workers';

type Acquired = { device: Device; summary: DeviceSummary };

/** The JavaScript CPU reference device (float64 arithmetic, one thread). */
export function referenceCpu(reason: string | null, software: string | null = null): Acquired {
  const device = createCpuDevice();
  return {
    device,
    summary: {
      type: 'cpu',
      backend: 'js',
      threads: 1,
      threadNote: null,
      name: device.name,
      description: 'JavaScript CPU device (float64, one thread)',
      fallbackReason: reason,
      softwareAdapter: software,
    },
  };
}

/**
 * The WebAssembly CPU device (f32 SIMD kernels on every core), or the JavaScript reference device
 * where it cannot start (an engine without WebAssembly SIMD), saying why. Its worker threads share
 * one WebAssembly memory, which a browser allows only on a cross-origin isolated page (COOP/COEP
 * headers); elsewhere it runs on one thread and its `threadNote` says so. Device.run blocks
 * (Atomics.wait) while the threads work, so this is called in a worker, never on the page's thread.
 */
export async function wasmCpu(reason: string | null, software: string | null = null): Promise<Acquired> {
  try {
    const device = await createWasmDevice();
    // A page that is not cross-origin isolated has no SharedArrayBuffer, which the device reports
    // as "shared WebAssembly memory is not available"; name the cause a visitor can act on.
    const isolated = (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated;
    const threadNote = device.threadNote && isolated === false ? NOT_ISOLATED : device.threadNote;
    const description = (device.info().description ?? 'WebAssembly CPU device').replace(`(${device.threadNote})`, `(${threadNote})`);
    return {
      device,
      summary: {
        type: 'cpu',
        backend: 'wasm',
        threads: device.threads,
        threadNote,
        name: device.name,
        description,
        fallbackReason: reason,
        softwareAdapter: software,
      },
    };
  } catch (e) {
    const why = `the WebAssembly CPU device could not start (${(e as Error).message})`;
    return referenceCpu(reason ? `${reason}; ${why}` : why, software);
  }
}

/**
 * The device the site runs on, chosen as the trainer's `--device auto` chooses:
 * - `auto`: the WebGPU adapter if it is a real GPU; a software adapter (SwiftShader) is passed over
 *   for the WebAssembly CPU device, which runs the same programs far faster there; no adapter: the
 *   WebAssembly CPU device (the JavaScript one where WebAssembly SIMD is missing);
 * - `webgpu` (`?device=webgpu`): the WebGPU adapter whatever it is, software included;
 * - `wasm` (`?device=wasm`): the WebAssembly CPU device;
 * - `cpu` (`?device=cpu`): the JavaScript CPU reference device, kept to compare against (float64,
 *   one thread: the numbers the WebAssembly device's f32 kernels are checked against).
 * The summary says which and why; the page shows it.
 */
export async function acquireDevice(preference: DevicePreference): Promise<Acquired> {
  if (preference === 'cpu') return referenceCpu('the JavaScript CPU device was asked for (?device=cpu in the address)');
  if (preference === 'wasm') return wasmCpu('the WebAssembly CPU device was asked for (?device=wasm in the address)');
  let gpu: WebGPUDevice;
  try {
    gpu = await createWebGPUDevice({ powerPreference: 'high-performance', name: 'webgpu' });
  } catch (e) {
    if (preference === 'webgpu') throw e;
    return wasmCpu(`WebGPU is not available: ${(e as Error).message}`);
  }
  const info = gpu.info();
  const description = info.description ?? 'WebGPU adapter';
  const software = isSoftwareAdapter(info, (gpu.gpuDevice as { adapterInfo?: unknown }).adapterInfo);
  if (software && preference === 'auto') {
    gpu.destroy();
    return wasmCpu(
      `the only WebGPU adapter here (${description}) renders in software, and the CPU device runs the same programs many times faster`,
      description,
    );
  }
  return {
    device: gpu,
    summary: {
      type: 'webgpu',
      backend: 'webgpu',
      threads: null,
      threadNote: null,
      name: gpu.name,
      description,
      fallbackReason: null,
      softwareAdapter: software ? description : null,
    },
  };
}
