import type { WebGPUDeviceInfo } from '@lightattn/kernels-wgsl';
import { describe, expect, it } from 'vitest';
import { isSoftwareAdapter } from './acquire-device.js';

const info = (vendor: string, architecture: string, description = ''): WebGPUDeviceInfo =>
  ({
    type: 'webgpu',
    name: 'webgpu',
    description: [vendor, architecture, description].filter(Boolean).join(' / '),
    limits: {},
    features: [],
    adapter: { vendor, architecture, device: '', description },
  }) as unknown as WebGPUDeviceInfo;

describe('software adapters', () => {
  it('passes over SwiftShader, llvmpipe and fallback adapters, not real GPUs', () => {
    expect(isSoftwareAdapter(info('google', 'swiftshader'))).toBe(true);
    expect(isSoftwareAdapter(info('mesa', 'llvmpipe'))).toBe(true);
    expect(isSoftwareAdapter(info('nvidia', 'hopper'), { isFallbackAdapter: true })).toBe(true);
    expect(isSoftwareAdapter(info('intel', 'gen-12lp', 'Intel(R) Iris(R) Xe Graphics'))).toBe(false);
    expect(isSoftwareAdapter(info('apple', 'metal-3'))).toBe(false);
    expect(isSoftwareAdapter(info('nvidia', 'hopper'), { isFallbackAdapter: false })).toBe(false);
  });
});
