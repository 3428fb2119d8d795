import { describe, expect, it } from 'vitest';
import { CpuDevice } from './cpu/cpu-device.js';
import { fromArray, scalar, zeros } from './creation.js';
import { LightattnError } from './errors.js';
import { scope } from './lifetime.js';
import { slice } from './ops/layout.js';
import type { GradFn } from './tensor.js';

const device = new CpuDevice({ name: 'cpu-tensor' });

describe('Tensor', () => {
  it('shape, rank, numel, nbytes, describe and toString', () => {
    const t = fromArray(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { device },
    );
    expect([t.shape, t.rank, t.numel, t.nbytes, t.dtype, t.offset]).toEqual([[2, 3], 2, 6, 24, 'f32', 0]);
    expect(Object.isFrozen(t.shape)).toBe(true);
    expect(t.describe()).toBe(`tensor #${t.id} [2, 3] f32 on cpu-tensor`);
    t.name = 'x';
    expect(t.describe()).toBe('tensor "x" [2, 3] f32 on cpu-tensor');
    expect(t.toString()).toBe('Tensor([2, 3], f32, cpu-tensor)');
    const b = fromArray([true, false], { device });
    expect([b.dtype, b.nbytes]).toEqual(['bool', 2]);
    const s = scalar(3, { device });
    expect([s.shape, s.rank, s.numel]).toEqual([[], 0, 1]);
    const e = zeros([3, 0], { device });
    expect([e.numel, e.nbytes]).toEqual([0, 0]);
    for (const x of [t, b, s, e]) x.dispose();
  });

  it('the shape given to the constructor is copied, so later edits do not leak in', () => {
    const shape = [2, 2];
    const t = fromArray([1, 2, 3, 4], { shape, device });
    shape[0] = 4;
    expect(t.shape).toEqual([2, 2]);
    t.dispose();
  });

  it('reads values: toArray (a copy), toArraySync, item, toNested; views read their own elements', async () => {
    const t = fromArray(new Float32Array([0, 1, 2, 3, 4, 5]), { shape: [3, 2], device });
    const a = await t.toArray();
    a[0] = 99;
    expect(Array.from(await t.toArray())).toEqual([0, 1, 2, 3, 4, 5]);
    expect(t.toArraySync()).toEqual(new Float32Array([0, 1, 2, 3, 4, 5]));
    expect(await t.toNested()).toEqual([
      [0, 1],
      [2, 3],
      [4, 5],
    ]);
    const row = slice(t, [2], [3]);
    expect([row.offset, row.shape]).toEqual([4, [1, 2]]);
    expect(Array.from(await row.toArray())).toEqual([4, 5]);
    expect(await t.view([], 3).item()).toBe(3);
    expect(await scalar(7, { device, dtype: 'i32' }).toNested()).toBe(7);
    expect(await zeros([2, 0], { device }).toNested()).toEqual([[], []]);
    await expect(t.item()).rejects.toThrow(/item\(\): tensor #\d+ \[3, 2\] f32 on cpu-tensor has 6 elements, not 1/);
    const u = fromArray(new Uint32Array([4294967295]), { device });
    expect(await u.item()).toBe(4294967295);
  });

  it('share() makes an owner outside every scope; view() belongs to the current scope', () => {
    const own = new CpuDevice();
    const t = fromArray([1, 2], { device: own });
    let shared!: ReturnType<typeof t.share>;
    let view!: ReturnType<typeof t.view>;
    scope(() => {
      shared = t.share();
      view = t.view([2, 1]);
    });
    expect([shared.isDisposed, view.isDisposed]).toEqual([false, true]);
    expect(shared.storage).toBe(t.storage);
    t.dispose();
    expect(shared.storage.isFreed).toBe(false);
    shared.dispose();
    expect([own.memory.liveStorages, own.memory.liveTensors]).toEqual([0, 0]);
  });

  it('setMemoryTag returns the tensor, and dispose() frees its grad and drops its gradFn', () => {
    const t = zeros([2], { device }).setMemoryTag('parameter');
    expect(t.memoryTag).toBe('parameter');
    const g = zeros([2], { device });
    t.grad = g;
    t.gradFn = { name: 'x', runBackward: () => {} };
    t.dispose();
    expect([g.isDisposed, t.grad, t.gradFn]).toEqual([true, null, null]);
  });

  it('backward() without a gradFn says what to do; with one it delegates', () => {
    const t = zeros([1], { device });
    expect(() => t.backward()).toThrow(LightattnError);
    expect(() => t.backward()).toThrow(/was not computed by differentiable functions.*requiresGrad/);
    const calls: unknown[] = [];
    const fn: GradFn = { name: 'test', runBackward: (root, grad, options) => calls.push([root, grad, options]) };
    t.gradFn = fn;
    t.backward(undefined, { retainGraph: true });
    expect(calls).toEqual([[t, undefined, { retainGraph: true }]]);
    t.dispose();
  });

  it('ids are unique and increasing', () => {
    const [a, b] = [zeros([1], { device }), zeros([1], { device })];
    expect(b.id).toBeGreaterThan(a.id);
    a.dispose();
    b.dispose();
  });
});
