import { describe, expect, it } from 'vitest';
import type { WebGPUDeviceInfo } from '@lightattn/kernels-wgsl';
import { isSoftwareAdapter } from '@lightattn/kernels-wgsl';
import { selectDevice } from './device-select.js';

describe('device selection', () => {
  it('--device cpu gives the CPU device without probing WebGPU', async () => {
    const s = await selectDevice('cpu');
    expect(s.device.type).toBe('cpu');
    expect(s.reason).toMatch(/--device cpu/);
    s.release();
  });

  it('--device wasm gives the WebAssembly CPU device on every core', async () => {
    const s = await selectDevice('wasm');
    expect(s.device.type).toBe('cpu');
    expect(s.device.name).toMatch(/^wasm/);
    expect(s.reason).toMatch(/^wasm: WebAssembly SIMD \(f32x4.*\) on \d+ threads? .*\(--device wasm\)/);
    s.release();
    await expect(selectDevice('wasm', { tensorCores: true })).rejects.toThrow(/--tensor-cores needs a WebGPU GPU, not --device wasm/);
  });

  it('--device auto never picks a software adapter, and without a GPU picks the WebAssembly CPU device', async () => {
    const s = await selectDevice('auto');
    try {
      if (s.device.type === 'webgpu') {
        const i = s.device.info() as WebGPUDeviceInfo;
        expect(isSoftwareAdapter(i)).toBe(false);
      } else expect(s.reason).toMatch(/^wasm: WebAssembly SIMD .* \(--device auto: (no WebGPU adapter|the only WebGPU adapter, .* renders in software)/);
    } finally {
      s.release();
    }
  });

  it('--tensor-cores needs a WebGPU GPU with f16 subgroup matrices and never falls back to the CPU quietly', async () => {
    await expect(selectDevice('cpu', { tensorCores: true })).rejects.toThrow(/--tensor-cores needs a WebGPU GPU, not --device cpu/);
    // Here (SwiftShader, or no adapter at all) no adapter has them: auto must say so rather than pick the CPU.
    const s = await selectDevice('auto', { tensorCores: true }).catch((e: Error) => e);
    if (s instanceof Error) expect(s.message).toMatch(/--device auto --tensor-cores: no WebGPU device: /);
    else {
      expect(s.reason).toMatch(/flash attention on tensor cores/);
      s.release();
    }
  });

  it('--matmul-precision: the reason says which precision runs (highest where tensor cores are missing, as on SwiftShader)', async () => {
    const s = await selectDevice('webgpu', { matmulPrecision: 'high' }).catch((e: Error) => e);
    if (s instanceof Error) return expect(s.message).toMatch(/--device webgpu: no WebGPU device/);
    try {
      expect(s.reason).toMatch(/, matmul precision (high|highest)/);
      const info = s.device.info() as WebGPUDeviceInfo;
      expect(s.reason).toContain(`matmul precision ${info.matmulPrecision}`);
    } finally {
      s.release();
    }
    expect((await selectDevice('cpu', { matmulPrecision: 'medium' })).reason).toMatch(/--matmul-precision applies to WebGPU only/);
  });
});
