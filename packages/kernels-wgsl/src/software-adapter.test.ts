import { describe, expect, it } from 'vitest';
import { isSoftwareAdapter } from './software-adapter.js';
import type { WebGPUDeviceInfo } from './webgpu-device.js';

const info = (adapter: Partial<WebGPUDeviceInfo['adapter']>, description = ''): WebGPUDeviceInfo => ({
  type: 'webgpu',
  name: 'webgpu:0',
  matmulPrecision: 'highest',
  description,
  limits: {},
  features: [],
  adapter: { vendor: '', architecture: '', device: '', description: '', ...adapter },
});

describe('isSoftwareAdapter', () => {
  it('recognises software renderers by name, as Dawn and Chromium report them', () => {
    expect(
      isSoftwareAdapter(
        info({ vendor: 'google', architecture: 'swiftshader', device: 'swiftshader-device-subzero-', description: 'SwiftShader driver 5.0.0' }),
      ),
    ).toBe(true);
    expect(isSoftwareAdapter(info({ vendor: 'mesa', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' }))).toBe(true);
    expect(isSoftwareAdapter(info({ description: 'Microsoft Basic Render Driver' }))).toBe(true);
  });

  it('believes the adapter when it says it is a fallback or a CPU', () => {
    expect(isSoftwareAdapter(info({ vendor: 'nvidia' }), { isFallbackAdapter: true })).toBe(true);
    expect(isSoftwareAdapter(info({ vendor: 'x' }), { adapterType: 'CPU' })).toBe(true);
  });

  it('passes real GPUs', () => {
    expect(isSoftwareAdapter(info({ vendor: 'nvidia', architecture: 'hopper', description: 'NVIDIA H100 80GB HBM3' }))).toBe(false);
    expect(isSoftwareAdapter(info({ vendor: 'amd', architecture: 'rdna-3' }), { adapterType: 'discrete GPU' })).toBe(false);
    expect(isSoftwareAdapter(info({ vendor: 'intel', architecture: 'gen-12lp', description: 'Intel(R) Iris(R) Xe Graphics' }))).toBe(false);
    expect(isSoftwareAdapter(info({ vendor: 'apple', architecture: 'metal-3' }))).toBe(false);
    expect(isSoftwareAdapter(info({ vendor: 'nvidia', architecture: 'hopper' }), { isFallbackAdapter: false })).toBe(false);
  });
});
