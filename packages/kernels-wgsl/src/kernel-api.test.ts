import { MemoryAccountant, Storage, type Device, type TensorRef } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { sizeClass } from './buffer-pool.js';
import { DispatchBuilder, MAX_RANK, UniformBuilder, type KernelDeviceInfo } from './kernel-api.js';
import { dispatchGrid } from './step-encoder.js';

// Pure TypeScript: these run without a GPU.

const fakeDevice = { memory: new MemoryAccountant(), createBuffer: (n: number) => ({ byteLength: n }) } as unknown as Device;
function ref(shape: number[], dtype: TensorRef['dtype'], offset = 0): TensorRef {
  return { storage: new Storage(fakeDevice, 64, dtype), offset, shape, dtype };
}

describe('UniformBuilder', () => {
  it('lays scalars at 4-byte and arrays at 16-byte alignment, as WGSL lays out the struct', () => {
    const u = new UniformBuilder().u32('n', 7).f32('value', 0.1).i32('delta', -3).u32Array('shape', [2, 3, 4]).u32('tail', 9);
    expect(u.wgslStruct()).toBe('struct Uniforms {\n  n: u32,\n  value: f32,\n  delta: i32,\n  shape: array<vec4<u32>, 2>,\n  tail: u32,\n}');
    const bytes = u.bytes();
    expect(bytes.byteLength).toBe(64); // 12 → 16 (array) + 32 → 48 + 4 → 52 → round to 16
    const v = new DataView(bytes.buffer);
    expect(v.getUint32(0, true)).toBe(7);
    expect(v.getFloat32(4, true)).toBe(Math.fround(0.1));
    expect(v.getInt32(8, true)).toBe(-3);
    expect([v.getUint32(16, true), v.getUint32(20, true), v.getUint32(24, true), v.getUint32(28, true)]).toEqual([2, 3, 4, 0]);
    expect(v.getUint32(48, true)).toBe(9);
  });

  it('rejects values that do not fit and names that WGSL reserves', () => {
    expect(() => new UniformBuilder().u32('n', -1)).toThrow(/not a u32/);
    expect(() => new UniformBuilder().u32('n', 2 ** 32)).toThrow(/not a u32/);
    expect(() => new UniformBuilder().i32('n', 2 ** 31)).toThrow(/not an i32/);
    expect(() => new UniformBuilder().u32Array('shape', new Array(MAX_RANK + 1).fill(1))).toThrow(/exceed/);
    expect(() => new UniformBuilder().f32('std', 1)).toThrow(/reserved word/);
    expect(() => new UniformBuilder().u32('n', 1).u32('n', 2)).toThrow(/twice/);
  });
});

describe('DispatchBuilder', () => {
  const call = { op: 'unary', errorTag: 5 };
  const build = (x: TensorRef, y: TensorRef, variant: string) => {
    const b = new DispatchBuilder(call, 'unary', [variant]);
    b.input('x', x);
    b.output('y', y);
    b.u32(
      'n',
      x.shape.reduce((a, d) => a * d, 1),
    );
    return b.build(1, (decls) => decls);
  };

  it('keys pipelines by name, variant, dtypes and access, never by shape or offset', () => {
    const a = build(ref([3, 5], 'f32'), ref([3, 5], 'f32'), 'exp');
    const b = build(ref([1000], 'f32', 17), ref([1000], 'f32'), 'exp');
    expect(a.key).toBe(b.key);
    expect(build(ref([4], 'f32'), ref([4], 'f32'), 'log').key).not.toBe(a.key);
    expect(build(ref([4], 'i32'), ref([4], 'i32'), 'exp').key).not.toBe(a.key);
    expect(b.uniforms).not.toEqual(a.uniforms);
  });

  it('declares bool bindings as packed words with byte accessors', () => {
    const d = build(ref([9], 'bool', 3), ref([9], 'bool'), 'not');
    const src = d.source();
    expect(src).toContain('var<storage, read> x: array<u32>;');
    expect(src).toContain('var<storage, read_write> y: array<atomic<u32>>;');
    expect(src).toMatch(/fn x_get\(i: u32\) -> bool/);
    expect(src).toMatch(/fn y_set\(i: u32, v: bool\)/);
    expect(d.bindings.map((b) => (b.kind === 'tensor' ? b.access : b.kind))).toEqual(['read', 'read_write']);
  });

  it('binds the error buffer and passes the call tag with errors()', () => {
    const b = new DispatchBuilder(call, 'gather');
    b.errors('id out of range');
    const d = b.build(1, (decls) => decls);
    expect(d.bindings).toEqual([{ kind: 'errors', message: 'id out of range' }]);
    expect(d.source()).toContain('fn report_error(bad_value: u32)');
    expect(new DataView(d.uniforms.buffer).getUint32(0, true)).toBe(5);
  });
});

describe('limits helpers', () => {
  const info = { limits: { maxComputeWorkgroupsPerDimension: 65535 } } as KernelDeviceInfo;

  it('maps workgroup counts past the per-dimension limit onto y and z with little overshoot', () => {
    expect(dispatchGrid(100, info)).toEqual([100, 1, 1]);
    expect(dispatchGrid(65535, info)).toEqual([65535, 1, 1]);
    const [x, y, z] = dispatchGrid(65536, info);
    expect([x <= 65535, y, z]).toEqual([true, 2, 1]);
    expect(x * y).toBeGreaterThanOrEqual(65536);
    for (const count of [65536, 1e6, 65535 * 65535 + 1, 4e9]) {
      const g = dispatchGrid(count, info);
      expect(g.every((v) => v <= 65535)).toBe(true);
      expect(g[0] * g[1] * g[2]).toBeGreaterThanOrEqual(count);
      expect(g[0] * g[1] * g[2] - count).toBeLessThan(g[1] * g[2] + g[0] * g[1]);
    }
    expect(() => dispatchGrid([70000, 1, 1], info)).toThrow(/maxComputeWorkgroupsPerDimension/);
  });

  it('rounds buffer sizes to classes of four significant bits, capped by the binding limit', () => {
    expect(sizeClass(1, 1 << 30)).toBe(256);
    expect(sizeClass(4000, 1 << 30)).toBe(4096);
    expect(sizeClass(4097, 1 << 30)).toBe(4608);
    for (const n of [300, 5000, 123457, 9e8]) {
      const c = sizeClass(n, 2 ** 31);
      expect(c).toBeGreaterThanOrEqual(n);
      expect(c).toBeLessThanOrEqual(n * 1.125 + 256);
    }
    expect(sizeClass(1000, 1000)).toBe(1000);
  });
});
