import {
  add,
  arange,
  concat,
  createMetaDevice,
  DeviceError,
  exp,
  fromArray,
  full,
  gt,
  IndexError,
  mul,
  scope,
  slice,
  Storage,
  where,
  zeros,
  type Device,
} from '@lightattn/tensor-core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { DispatchBuilder, elementwiseMain } from './kernel-api.js';
import { webgpuTestDevice } from './test/webgpu-test-device.js';
import { createWebGPUDevice } from './webgpu-device.js';

const device = await webgpuTestDevice();

/** A small training-like program: temporaries freed along the way, so peak ≠ allocated. */
function program(d: Device): void {
  scope(() => {
    const x = fromArray(
      new Float32Array(1000).map((_, i) => i / 100),
      { shape: [10, 100], device: d },
    );
    const y = scope(() => exp(mul(x, x)));
    const z = concat([x, y], 0);
    const mask = gt(z, full([], 1, { device: d }));
    where(mask, z, zeros([20, 100], { device: d }));
    slice(z, [0, 3], [20, 50]);
    full([7], 1, { dtype: 'bool', device: d });
  });
}

describe.skipIf(!device)('WebGPU device', () => {
  const d = device!;
  afterAll(() => d.destroy());

  it('reports adapter, limits and features', () => {
    const info = d.info();
    expect(info.type).toBe('webgpu');
    expect(info.name).toBe(d.name);
    expect(info.limits.maxStorageBufferBindingSize).toBeGreaterThanOrEqual(128 * 2 ** 20);
    expect(info.limits.maxComputeWorkgroupsPerDimension).toBeGreaterThanOrEqual(65535);
    expect(info.limits.maxComputeInvocationsPerWorkgroup).toBeGreaterThanOrEqual(256);
    expect(info.features).toEqual([...info.features].sort());
    expect(d.kernelInfo.features.subgroups).toBe(info.features.includes('subgroups'));
  });

  it('allocates and peaks exactly as the meta device does for the same program', async () => {
    const meta = createMetaDevice();
    d.memory.resetPeak();
    const before = d.memory.allocated;
    program(meta);
    program(d);
    await d.sync();
    expect(d.memory.allocated - before).toBe(meta.memory.allocated);
    expect(d.memory.peak - before).toBe(meta.memory.peak);
    expect(meta.memory.peak).toBeGreaterThan(0);
  });

  it('reuses pooled buffers, keeps reserved ≥ allocated, and emptyCache() gives idle memory back', async () => {
    d.emptyCache();
    const baseline = d.memory.reserved;
    const a = zeros([1000], { device: d });
    const reservedWithA = d.memory.reserved;
    expect(reservedWithA).toBeGreaterThan(baseline);
    a.dispose();
    const b = zeros([990], { device: d }); // same size class: the freed buffer comes back
    expect(d.memory.reserved).toBe(reservedWithA);
    expect(d.memory.reserved).toBeGreaterThanOrEqual(d.memory.allocated);
    b.dispose();
    await d.sync();
    expect(d.memory.reserved).toBeGreaterThan(d.memory.allocated);
    d.emptyCache();
    expect(d.memory.reserved).toBeLessThan(reservedWithA);
    expect(d.memory.reserved).toBeGreaterThanOrEqual(d.memory.allocated);
  });

  it('keeps pending reads of a freed buffer intact when the pool hands it out and it is written', async () => {
    const sum = scope(() => {
      const a = fromArray(new Float32Array(4096).fill(1), { device: d }); // written by the queue at once
      const s = add(a, a); // encoded, not submitted: reads a's buffer
      a.dispose();
      // Same size class as a: gets a's buffer; the host write must not overtake the pending add.
      fromArray(new Float32Array(4096).fill(100), { device: d });
      return s;
    });
    expect(Array.from(await sum.toArray()).every((v) => v === 2)).toBe(true);
    sum.dispose();
  });

  it('submits in batches and stays correct over many dispatches', async () => {
    const many = await createWebGPUDevice({ device: d.gpuDevice, maxDispatchesPerSubmit: 7, name: 'webgpu:batched' });
    let x = full([33], 0, { device: many });
    for (let i = 0; i < 50; i++) {
      const next = add(x, full([33], 1, { device: many }));
      x.dispose();
      x = next;
    }
    expect(Array.from(await x.toArray())).toEqual(new Array(33).fill(50));
    x.dispose();
  });

  it('maps a dispatch of more than 65,535 workgroups onto a 2-D grid', async () => {
    const n = 65535 * 64 + 5; // 65,536 workgroups of 64
    const out = zeros([n], { dtype: 'u32', device: d });
    const call = d.customCall('iota');
    const b = new DispatchBuilder(call, 'iota');
    b.output('y', out);
    b.u32('n', n);
    d.runSteps(
      call,
      b.build(Math.ceil(n / 64), (decls) => `${decls}\n${elementwiseMain(64, 'y_set(i, i);')}`),
    );
    const values = (await out.toArray()) as Uint32Array;
    let wrong = 0;
    for (let i = 0; i < n; i++) if (values[i] !== i) wrong++;
    expect(wrong).toBe(0);
    out.dispose();
  });

  it('spreads counts past a (lowered) per-dimension limit over y and z', async () => {
    const small = await createWebGPUDevice({ device: d.gpuDevice, limits: { maxComputeWorkgroupsPerDimension: 4 }, name: 'webgpu:tiny-grid' });
    // 10,001 elements / 256 per workgroup = 40 workgroups > 4² = 16, so z is used too.
    const x = arange(0, 10001, 1, { dtype: 'f32', device: small });
    const y = add(x, x);
    const values = await y.toArray();
    expect(values[0]).toBe(0);
    expect(values[10000]).toBe(20000);
    expect(Array.from(values).every((v, i) => v === 2 * i)).toBe(true);
  });

  it('refuses a tensor larger than maxStorageBufferBindingSize, naming the limit and the size', async () => {
    const limited = await createWebGPUDevice({ device: d.gpuDevice, limits: { maxStorageBufferBindingSize: 1024 }, name: 'webgpu:limited' });
    expect(() => zeros([256], { device: limited })).not.toThrow();
    expect(() => zeros([300], { device: limited })).toThrow(DeviceError);
    expect(() => zeros([300], { device: limited })).toThrow(/1200 bytes/);
    expect(() => zeros([300], { device: limited })).toThrow(/maxStorageBufferBindingSize of 1\.00 KiB \(1024 bytes\)/);
    expect(() => new Storage(limited, 5000, 'f32')).toThrow(/5000 bytes/);
  });

  it('reports a buffer the GPU refuses to create with the accountant snapshot, at the next sync', async () => {
    // A GPUDevice whose createBuffer turns one request into an impossible size, as a driver refusing memory would.
    const real = d.gpuDevice;
    const refusing = new Proxy(real, {
      get(target, prop) {
        if (prop === 'createBuffer') {
          return (desc: GPUBufferDescriptor) => target.createBuffer(desc.size === 1 << 20 ? { ...desc, size: 2 ** 52 } : desc);
        }
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
      set: (target, prop, value) => Reflect.set(target, prop, value, target),
    });
    const flaky = await createWebGPUDevice({ device: refusing, name: 'webgpu:refusing' });
    const kept = zeros([10], { device: flaky });
    const big = zeros([1 << 18], { device: flaky }); // 1 MiB
    const error = await flaky.sync().then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(DeviceError);
    expect(error!.message).toMatch(/webgpu:refusing: could not allocate a 1\.00 MiB buffer/);
    expect(error!.message).toMatch(/allocated/);
    expect(error!.message).toMatch(/live tensors\s+2/); // the accountant's report
    big.dispose();
    kept.dispose();
  });

  it('reports WGSL compile errors with the line and the offending source line', async () => {
    const call = d.customCall('broken');
    const b = new DispatchBuilder(call, 'broken-kernel');
    const out = zeros([4], { device: d });
    b.output('y', out);
    b.u32('n', 4);
    const dispatch = b.build(1, (decls) => `${decls}\n${elementwiseMain(64, 'let oops: i32 = 1.5;\n  y_set(i, 0.0);')}`);
    d.runSteps(call, dispatch);
    const error = await d.sync().then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(DeviceError);
    expect(error!.message).toMatch(/broken-kernel/);
    expect(error!.message).toMatch(/line \d+:\d+: error/);
    expect(error!.message).toContain('let oops: i32 = 1.5;');
    // The broken variant now fails at once; the device itself keeps working.
    expect(() => d.runSteps(call, dispatch)).toThrow(/line \d+/);
    await d.sync();
    expect(Array.from(await add(out, out).toArray())).toHaveLength(4);
    out.dispose();
  });

  it('prints shaders when first compiled with LIGHTATTN_PRINT_SHADERS=1', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    process.env.LIGHTATTN_PRINT_SHADERS = '1';
    try {
      const t = full([3], 2, { dtype: 'i32', device: d });
      const y = mul(t, t); // first i32 mul: a new variant
      await y.toArray();
      const printed = log.mock.calls.map((c) => String(c[0]));
      expect(printed.some((s) => s.includes('lightattn shader binary') && s.includes('@compute'))).toBe(true);
    } finally {
      delete process.env.LIGHTATTN_PRINT_SHADERS;
      log.mockRestore();
    }
  });

  it('turns a kernel-raised index error into an IndexError at the next sync, naming the op', async () => {
    const call = d.customCall('lookup');
    const b = new DispatchBuilder(call, 'lookup');
    const out = zeros([1], { dtype: 'u32', device: d });
    b.output('y', out);
    b.u32('n', 1);
    b.errors('id 70000 is out of range for a table of 50257 rows');
    d.runSteps(
      call,
      b.build(1, (decls) => `${decls}\n${elementwiseMain(64, 'report_error(70000u);\n  y_set(i, 1u);')}`),
    );
    await expect(d.sync()).rejects.toThrow(IndexError);
    // The flag was reset: the next sync is clean.
    await d.sync();
    d.runSteps(
      call,
      b.build(1, (decls) => `${decls}\n${elementwiseMain(64, 'report_error(70000u);\n  y_set(i, 1u);')}`),
    );
    await expect(out.toArray()).rejects.toThrow(/lookup: id 70000 is out of range.*got 70000.*next read or sync/);
    out.dispose();
  });

  it('writes host bytes at unaligned offsets of packed bool storage', async () => {
    const mask = full([11], 1, { dtype: 'bool', device: d });
    d.writeBuffer(mask.storage.buffer, 3, Uint8Array.of(0, 0, 0, 0, 0));
    d.writeBuffer(mask.storage.buffer, 10, Uint8Array.of(0));
    expect(Array.from(await mask.toArray())).toEqual([1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0]);
    mask.dispose();
  });

  it('reuses the mappable buffers of small readbacks instead of creating one per sync', async () => {
    const x = full([3], 2, { device: d });
    await d.sync();
    const gpu = d.gpuDevice;
    const created: number[] = [];
    const original = gpu.createBuffer.bind(gpu);
    const spy = vi.spyOn(gpu, 'createBuffer').mockImplementation((desc: GPUBufferDescriptor) => {
      if (desc.usage & GPUBufferUsage.MAP_READ) created.push(desc.size);
      return original(desc);
    });
    const y = add(x, x);
    try {
      for (let i = 0; i < 3; i++) {
        await d.sync();
        expect(Array.from(await x.toArray())).toEqual([2, 2, 2]);
      }
      expect(created).toEqual([]);
      // Two at once: the second takes a new buffer, and both return to the pool.
      const [a, b] = await Promise.all([x.toArray(), y.toArray()]);
      expect([Array.from(a), Array.from(b)]).toEqual([
        [2, 2, 2],
        [4, 4, 4],
      ]);
      await Promise.all([d.sync(), d.sync()]);
      expect(created.length).toBe(1);
    } finally {
      spy.mockRestore();
      x.dispose();
      y.dispose();
    }
  });

  it('profiles per-kernel GPU time with timestamp queries', async () => {
    const { result, profile } = await d.profile(async () => {
      const x = full([1000], 1, { device: d });
      const y = exp(add(x, x));
      const v = (await y.toArray())[0];
      x.dispose();
      y.dispose();
      return v;
    });
    expect(result).toBeCloseTo(Math.exp(2), 5);
    if (!d.info().features.includes('timestamp-query')) {
      expect(profile.available).toBe(false);
      return;
    }
    expect(profile.available).toBe(true);
    const names = profile.kernels.map((k) => k.name);
    expect(names).toEqual(expect.arrayContaining(['fill', 'binary', 'unary']));
    expect(profile.kernels.find((k) => k.name === 'binary')!.count).toBe(1);
    for (const k of profile.kernels) expect(k.totalMs).toBeGreaterThanOrEqual(0);
    // The span runs from the first pass's start to the last one's end, so it covers every kernel.
    expect(profile.spanMs).toBeGreaterThanOrEqual(Math.max(...profile.kernels.map((k) => k.totalMs)));
  });
});

describe.skipIf(!device)('WebGPU device loss', () => {
  it('reports the loss reason; later calls throw and pending reads reject instead of hanging', async () => {
    const lost = await createWebGPUDevice({ name: 'webgpu:doomed' });
    const x = full([64], 3, { device: lost });
    const pending = x.toArray();
    lost.gpuDevice.destroy();
    await expect(pending).rejects.toThrow(DeviceError);
    await expect(lost.sync()).rejects.toThrow(/webgpu:doomed lost: destroyed/);
    expect(() => full([4], 1, { device: lost })).toThrow(/lost: destroyed/);
    await expect(x.toArray()).rejects.toThrow(/lost: destroyed/);
  });
});
