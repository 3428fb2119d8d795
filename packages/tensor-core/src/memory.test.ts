import { describe, expect, it } from 'vitest';
import { CpuDevice } from './cpu/cpu-device.js';
import { fromArray, zeros } from './creation.js';
import { formatBytes, MemoryAccountant } from './memory.js';
import { reshape, slice } from './ops/layout.js';
import { Storage, currentMemoryTag, withMemoryTag } from './storage.js';
import { Tensor } from './tensor.js';

describe('memory accountant', () => {
  it('allocated and peak follow a known sequence of creations and disposals', () => {
    const device = new CpuDevice();
    const m = device.memory;
    const steps: [number, number][] = [];
    const record = () => steps.push([m.allocated, m.peak]);
    const a = zeros([10], { device }); // 40 B
    record();
    const b = zeros([3, 5], { device, dtype: 'i32' }); // 60 B
    record();
    const c = fromArray([true, false, true, true, false, false, true], { device }); // 7 B: bool is one byte
    record();
    a.dispose();
    record();
    const d = zeros([100], { device }); // 400 B
    record();
    d.dispose();
    b.dispose();
    record();
    m.resetPeak();
    record();
    const e = zeros([2], { device, dtype: 'u32' }); // 8 B
    record();
    const z = zeros([0, 5], { device }); // 0 B, but a live tensor and storage
    expect(steps).toEqual([
      [40, 40],
      [100, 100],
      [107, 107],
      [67, 107],
      [467, 467],
      [7, 467],
      [7, 7],
      [15, 15],
    ]);
    expect([m.liveTensors, m.liveStorages, m.reserved]).toEqual([3, 3, 15]);
    for (const t of [c, e, z]) t.dispose();
    expect([m.allocated, m.liveTensors, m.liveStorages]).toEqual([0, 0, 0]);
  });

  it('views share their storage: no extra bytes, freed only when the last view goes', () => {
    const device = new CpuDevice();
    const m = device.memory;
    const x = zeros([4, 4], { device });
    const flat = reshape(x, [16]);
    const rows = slice(x, [1], [3]); // rows 1–2: contiguous, so a view
    const row = x.view([4], 8);
    expect([m.allocated, m.liveStorages, m.liveTensors]).toEqual([64, 1, 4]);
    expect(rows.storage).toBe(x.storage);
    expect(rows.offset).toBe(4);
    expect(row.nbytes).toBe(16);
    expect(x.storage.refCount).toBe(4);
    x.dispose();
    flat.dispose();
    rows.dispose();
    expect([m.allocated, m.liveStorages, m.liveTensors]).toEqual([64, 1, 1]);
    row.dispose();
    expect([m.allocated, m.liveStorages, m.liveTensors, m.peak]).toEqual([0, 0, 0, 64]);
  });

  it('tags: activation by default, withMemoryTag (nested, async) and setMemoryTag; byTag largest first', async () => {
    const device = new CpuDevice();
    expect(currentMemoryTag()).toBe('activation');
    const act = zeros([1], { device }); // 4 B activation
    const w = withMemoryTag('parameter', () => {
      const inner = withMemoryTag('optimizer', () => zeros([8], { device })); // 32 B optimizer
      expect(inner.memoryTag).toBe('optimizer');
      return zeros([16], { device }); // 64 B parameter
    });
    const g = await withMemoryTag('gradient', async () => {
      await Promise.resolve();
      expect(currentMemoryTag()).toBe('gradient');
      return zeros([4], { device }); // 16 B gradient
    });
    expect(currentMemoryTag()).toBe('activation');
    expect(w.memoryTag).toBe('parameter');
    expect(g.memoryTag).toBe('gradient');
    const kv = zeros([2], { device }).setMemoryTag('kv-cache'); // 8 B, re-tagged
    const view = kv.view([1, 2]);
    expect(view.memoryTag).toBe('kv-cache'); // the tag belongs to the storage
    expect(device.memory.snapshot().byTag).toEqual([
      { tag: 'parameter', bytes: 64, count: 1 },
      { tag: 'optimizer', bytes: 32, count: 1 },
      { tag: 'gradient', bytes: 16, count: 1 },
      { tag: 'kv-cache', bytes: 8, count: 1 },
      { tag: 'activation', bytes: 4, count: 1 },
    ]);
    expect(act.memoryTag).toBe('activation');
  });

  it('withMemoryTag pops its tag when fn throws', () => {
    expect(() =>
      withMemoryTag('parameter', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(currentMemoryTag()).toBe('activation');
  });

  it('snapshot, report and reserved bytes from a pooling device', () => {
    const device = new CpuDevice();
    const t = zeros([256], { device }); // 1 KiB
    device.memory.setReservedSource(() => 4096);
    const s = device.memory.snapshot();
    expect(s).toEqual({ allocated: 1024, peak: 1024, reserved: 4096, liveTensors: 1, liveStorages: 1, byTag: [{ tag: 'activation', bytes: 1024, count: 1 }] });
    const report = device.memory.report('step 1');
    expect(report.split('\n')[0]).toBe('step 1');
    expect(report).toMatch(/allocated\s+1\.00 KiB/);
    expect(report).toMatch(/reserved\s+4\.00 KiB/);
    expect(report).toMatch(/live tensors\s+1\s+1 storages?$/m);
    expect(report).toMatch(/activation\s+1\.00 KiB\s+1 storages?$/m);
    t.dispose();
  });

  it('frees a storage once: a second release or onFree of an unknown allocation changes nothing', () => {
    const device = new CpuDevice();
    const s = new Storage(device, 12, 'f32');
    const t = new Tensor(s, [3], 'f32');
    t.dispose();
    t.dispose();
    s.release();
    device.memory.onFree({ id: -1, byteLength: 100, tag: 'activation' });
    expect([device.memory.allocated, device.memory.liveTensors, device.memory.liveStorages]).toEqual([0, 0, 0]);
    expect(s.isFreed).toBe(true);
    expect(() => s.buffer).toThrow(/storage \d+ \(12 bytes on cpu.*\) has been freed/);
  });

  it('an accountant on its own', () => {
    const m = new MemoryAccountant();
    m.onAllocate({ id: 1, byteLength: 10, tag: 'activation' });
    m.onAllocate({ id: 2, byteLength: 5, tag: 'parameter' });
    m.onFree({ id: 1, byteLength: 10, tag: 'activation' });
    m.onFree({ id: 1, byteLength: 10, tag: 'activation' });
    expect([m.allocated, m.peak, m.liveStorages]).toEqual([5, 15, 1]);
  });
});

describe('formatBytes', () => {
  it('uses binary prefixes with three significant digits', () => {
    expect([0, 1023, 1024, 1536, 10 * 1024, 100 * 1024, 5 * 2 ** 20, 11.6e9, 2 ** 50].map(formatBytes)).toEqual([
      '0 B',
      '1023 B',
      '1.00 KiB',
      '1.50 KiB',
      '10.0 KiB',
      '100 KiB',
      '5.00 MiB',
      '10.8 GiB',
      '1024 TiB',
    ]);
  });
});
