import { createWasmDevice } from '@lightattn/kernels-wasm';
import { createWebGPUDevice, isSoftwareAdapter, type MatmulPrecision, type WebGPUDevice, type WebGPUDeviceInfo } from '@lightattn/kernels-wgsl';
import { createCpuDevice, setDefaultDevice, type Device } from '@lightattn/tensor-core';
import { CliError } from './errors.js';

export type DeviceChoice = 'auto' | 'webgpu' | 'wasm' | 'cpu';
export type { MatmulPrecision };

/** Device options from the command line: tensor cores for flash attention, and the matmul precision. */
export interface DeviceOptions {
  tensorCores?: boolean;
  matmulPrecision?: MatmulPrecision;
}
export const DEVICE_CHOICES: readonly DeviceChoice[] = ['auto', 'webgpu', 'wasm', 'cpu'];

export interface SelectedDevice {
  device: Device;
  /** One line for the log: which device, and why `auto` chose it. */
  reason: string;
  /** Release the device (GPU memory) when the command is done. */
  release(): void;
}

/** What the WebGPU probe found: the device, or why there is none. */
export interface WebGPUProbe {
  device: WebGPUDevice | null;
  info: WebGPUDeviceInfo | null;
  /** The adapter renders in software (SwiftShader, llvmpipe, WARP): correct, but far slower than the CPU device. */
  software: boolean;
  error: string | null;
}

/** Asks Dawn (Node) or the browser for a WebGPU device (with tensor cores if asked); never throws. */
export async function probeWebGPU(options: DeviceOptions = {}): Promise<WebGPUProbe> {
  try {
    const device = await createWebGPUDevice({
      name: 'webgpu',
      tensorCores: options.tensorCores,
      ...(options.matmulPrecision ? { matmulPrecision: options.matmulPrecision } : {}),
    });
    const info = device.info();
    const adapterInfo = (device.gpuDevice as { adapterInfo?: unknown }).adapterInfo;
    return { device, info, software: isSoftwareAdapter(info, adapterInfo), error: null };
  } catch (e) {
    return { device: null, info: null, software: false, error: (e as Error).message };
  }
}

/**
 * The device for `--device`:
 * - `cpu`: the CPU reference device (JavaScript, one thread);
 * - `wasm`: the WebAssembly CPU device (SIMD kernels on every core);
 * - `webgpu`: the WebGPU adapter, whatever it is (an error if there is none);
 * - `auto`: the WebGPU adapter if it is a real GPU; otherwise the WebAssembly CPU device (the CPU
 *   reference device where the engine has no WebAssembly SIMD), since a software adapter
 *   (SwiftShader here) runs the same kernels about 100× slower than the CPU devices.
 * The chosen device becomes the default device for tensors created without one.
 */
export async function selectDevice(choice: DeviceChoice, options: DeviceOptions = {}): Promise<SelectedDevice> {
  const reference = (reason: string): SelectedDevice => {
    const device = createCpuDevice();
    setDefaultDevice(device);
    return { device, reason, release: () => undefined };
  };
  // auto's CPU choice: the WebAssembly device, or the reference device where it cannot start.
  const cpu = async (reason: string): Promise<SelectedDevice> => {
    try {
      const device = await createWasmDevice();
      setDefaultDevice(device);
      return { device, reason: `wasm: ${device.info().description} ${reason}`, release: () => device.destroy() };
    } catch (e) {
      return reference(`cpu ${reason}; the WebAssembly device could not start: ${(e as Error).message}`);
    }
  };
  const { tensorCores = false } = options;
  const cpuPrecisionNote =
    options.matmulPrecision && options.matmulPrecision !== 'highest'
      ? '; --matmul-precision applies to WebGPU only, the CPU devices compute in f32/float64'
      : '';
  if (choice === 'cpu' || choice === 'wasm') {
    if (tensorCores)
      throw new CliError(`--tensor-cores needs a WebGPU GPU, not --device ${choice}`, undefined, 'drop --tensor-cores, or use --device webgpu or auto');
    if (choice === 'cpu') return reference(`cpu (--device cpu${cpuPrecisionNote})`);
    try {
      const device = await createWasmDevice();
      setDefaultDevice(device);
      return { device, reason: `wasm: ${device.info().description} (--device wasm${cpuPrecisionNote})`, release: () => device.destroy() };
    } catch (e) {
      throw new CliError(`--device wasm: ${(e as Error).message}`, undefined, 'use --device cpu (the JavaScript reference device)');
    }
  }
  const probe = await probeWebGPU({ tensorCores, ...(options.matmulPrecision ? { matmulPrecision: options.matmulPrecision } : {}) });
  // The precision the GPU runs (highest where tensor cores are missing: the device said so once).
  const precision = probe.info ? `, matmul precision ${probe.info.matmulPrecision}` : '';
  // Tensor cores were asked for: no quiet fall-back to the CPU when the GPU cannot give them.
  if (choice === 'webgpu' || tensorCores) {
    if (!probe.device)
      throw new CliError(
        `--device ${choice}${tensorCores ? ' --tensor-cores' : ''}: no WebGPU device: ${probe.error}`,
        undefined,
        tensorCores ? 'drop --tensor-cores (the f32 kernels run on every GPU)' : 'use --device cpu, or --device auto to fall back to the CPU',
      );
    setDefaultDevice(probe.device);
    const gpu = probe.device;
    return {
      device: gpu,
      reason: `webgpu: ${probe.info!.description}${precision}${tensorCores ? ', flash attention on tensor cores (f16 operands)' : ''}${probe.software ? ' (a software adapter: expect it to be slow)' : ''}`,
      release: () => gpu.destroy(),
    };
  }
  if (probe.device && !probe.software) {
    setDefaultDevice(probe.device);
    const gpu = probe.device;
    return { device: gpu, reason: `webgpu: ${probe.info!.description}${precision} (--device auto)`, release: () => gpu.destroy() };
  }
  if (probe.device) {
    const name = probe.info!.description ?? 'software adapter';
    probe.device.destroy();
    return cpu(`(--device auto: the only WebGPU adapter, ${name}, renders in software and is far slower than the CPU devices; --device webgpu uses it anyway)`);
  }
  return cpu(`(--device auto: no WebGPU adapter: ${probe.error})`);
}
