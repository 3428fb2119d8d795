/// <reference types="@webgpu/types" />
import { afterAll, describe, expect, it, vi } from 'vitest';
import { BindGroupCache } from './bind-group-cache.js';
import { webgpuTestDevice } from './test/webgpu-test-device.js';

const device = await webgpuTestDevice();

describe.skipIf(!device)('bind group cache', () => {
  const d = device!;
  afterAll(() => d.destroy());
  const gpu = d.gpuDevice;
  const layout = gpu.createBindGroupLayout({
    entries: [
      { binding: 0, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'uniform' } },
      { binding: 1, visibility: GPUShaderStage.COMPUTE, buffer: { type: 'storage' } },
    ],
  });
  const uniform = gpu.createBuffer({ size: 1024, usage: GPUBufferUsage.UNIFORM });
  const [a, b, c] = [0, 1, 2].map(() => gpu.createBuffer({ size: 16, usage: GPUBufferUsage.STORAGE }));
  afterAll(() => [uniform, a, b, c].forEach((x) => x!.destroy()));

  /** A cache whose createBindGroup calls are counted. */
  function counted(capacity?: number) {
    const cache = new BindGroupCache(gpu, capacity);
    const spy = vi.spyOn(gpu, 'createBindGroup');
    return { cache, created: () => spy.mock.calls.length, done: () => spy.mockRestore() };
  }

  it('gives the same bind group for the same layout and resources, a new one when any differs', () => {
    const { cache, created, done } = counted();
    try {
      const g = cache.get(layout, uniform, 0, 16, [a!]);
      expect(cache.get(layout, uniform, 0, 16, [a!])).toBe(g);
      expect(created()).toBe(1);
      const others = [cache.get(layout, uniform, 256, 16, [a!]), cache.get(layout, uniform, 0, 16, [b!])];
      expect(new Set([g, ...others]).size).toBe(3);
      expect(created()).toBe(3);
    } finally {
      done();
    }
  });

  it('evicts the least recently used beyond its capacity, and everything at clear()', () => {
    const { cache, created, done } = counted(2);
    try {
      const ga = cache.get(layout, uniform, 0, 16, [a!]);
      cache.get(layout, uniform, 0, 16, [b!]);
      expect(cache.get(layout, uniform, 0, 16, [a!])).toBe(ga); // a is now the most recent
      cache.get(layout, uniform, 0, 16, [c!]); // evicts b
      expect(cache.size).toBe(2);
      expect(cache.get(layout, uniform, 0, 16, [a!])).toBe(ga);
      expect(created()).toBe(3);
      cache.get(layout, uniform, 0, 16, [b!]);
      expect(created()).toBe(4);
      cache.clear();
      expect(cache.size).toBe(0);
      expect(cache.get(layout, uniform, 0, 16, [a!])).not.toBe(ga);
    } finally {
      done();
    }
  });
});
