import { describe, expect, it } from 'vitest';
import { CpuDevice } from '../cpu/cpu-device.js';
import { arange, fromArray, ones, randn, zeros } from '../creation.js';
import type { Device } from '../device.js';
import { DeviceError } from '../errors.js';
import { scope } from '../lifetime.js';
import type { MemorySnapshot } from '../memory.js';
import { add, gelu, mul } from '../ops/elementwise.js';
import { slice, transpose, reshape } from '../ops/layout.js';
import { matmul } from '../ops/linalg.js';
import { crossEntropy, gather, layerNorm, softmax } from '../ops/nn.js';
import { max, mean, sum } from '../ops/reduce.js';
import { withMemoryTag } from '../storage.js';
import { createMetaDevice, MetaDevice } from './meta-device.js';

/**
 * A small transformer-ish step: embedding, layer norm, projection, attention-like softmax, GELU MLP,
 * reductions, views and explicit disposals inside a scope. Returns the accountant's snapshot after
 * every step, so devices can be compared step by step.
 */
function program(device: Device): MemorySnapshot[] {
  const trace: MemorySnapshot[] = [];
  const mark = () => trace.push(device.memory.snapshot());
  const [B, T, C, V] = [2, 5, 8, 11];
  const wte = withMemoryTag('parameter', () => randn([V, C], { device, seed: 1 }));
  const wq = withMemoryTag('parameter', () => randn([C, C], { device, seed: 2 }));
  const lnW = withMemoryTag('parameter', () => ones([C], { device }));
  const lnB = withMemoryTag('parameter', () => zeros([C], { device }));
  mark();
  const loss = scope(() => {
    const ids = fromArray(
      new Int32Array(B * T).map((_, i) => (i * 7) % V),
      { shape: [B, T], device },
    );
    const x = gather(wte, ids); // [B, T, C]
    mark();
    const ln = layerNorm(x, lnW, lnB);
    ln.mean.dispose();
    ln.rstd.dispose();
    mark();
    const q = matmul(ln.y, wq); // [B, T, C]
    const scores = matmul(q, ln.y, { transB: true }); // [B, T, T]
    const p = softmax(mul(scores, 1 / Math.sqrt(C)));
    scores.dispose();
    mark();
    const o = matmul(p, ln.y); // [B, T, C]
    const h = gelu(add(o, x));
    mark();
    const firstRow = slice(h, [0], [1]); // a view: no bytes
    const ht = transpose(reshape(h, [B * T, C])); // a copy: [C, B·T]
    mark();
    const logits = matmul(reshape(h, [B * T, C]), wte, { transB: true }); // [B·T, V]
    const targets = arange(B * T, undefined, 1, { device });
    const ce = crossEntropy(logits, targets);
    mark();
    const stats = [sum(ht, { axes: 0 }), mean(firstRow), max(p, { axes: [-1], keepDims: true })];
    mark();
    for (const s of stats) s.dispose();
    return mean(ce.loss);
  });
  mark();
  loss.dispose();
  for (const t of [wte, wq, lnW, lnB]) t.dispose();
  mark();
  return trace;
}

describe('meta device', () => {
  it('reports exactly the allocated and peak bytes, live tensors and tags of the CPU device, step by step', () => {
    const cpu = program(new CpuDevice());
    const meta = program(new MetaDevice());
    expect(meta).toEqual(cpu);
    // Hand check of the first step: wte 11·8·4 + wq 8·8·4 + two [8] f32 vectors = 352 + 256 + 64.
    expect(cpu[0]!.allocated).toBe(672);
    expect(cpu.at(-1)).toMatchObject({ allocated: 0, liveTensors: 0, liveStorages: 0 });
    expect(cpu.at(-1)!.peak).toBeGreaterThan(cpu[0]!.allocated);
  });

  it('has no data: toArray and item reject, toArraySync throws, all with a DeviceError saying what to do', async () => {
    const meta = createMetaDevice('meta-test');
    const t = fromArray([1, 2, 3], { device: meta });
    await expect(t.toArray()).rejects.toThrow(DeviceError);
    await expect(t.toArray()).rejects.toThrow(/meta-test device, which holds no data; run the program on a cpu or webgpu device/);
    await expect(scope(() => zeros([], { device: meta })).item()).rejects.toThrow(DeviceError);
    expect(() => t.toArraySync()).toThrow(/cannot be read synchronously/);
    await expect(meta.readBuffer()).rejects.toThrow(/holds no data/);
    expect(meta.info()).toMatchObject({ type: 'meta', name: 'meta-test' });
    expect(meta.holdsData).toBe(false);
  });

  it('runs a large model shape in no memory: GPT-2-small sized matmul reports its bytes', () => {
    const meta = new MetaDevice();
    const x = zeros([4, 1024, 768], { device: meta });
    const w = zeros([768, 3072], { device: meta });
    const y = matmul(x, w);
    expect(y.shape).toEqual([4, 1024, 3072]);
    expect(meta.memory.allocated).toBe((4 * 1024 * 768 + 768 * 3072 + 4 * 1024 * 3072) * 4);
    for (const t of [x, w, y]) t.dispose();
    expect(meta.memory.allocated).toBe(0);
  });
});
