import { Generator, gradients, withLedger } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { createCpuDevice, createMetaDevice, MetaDevice } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { dropMatmul } from './drop-matmul.js';
import { packBits, unpackBits } from './pack-bits.js';
import { randomValues } from './testing/run-attention.js';

const device = createCpuDevice();
const tensor = (shape: number[], seed: number, low = -1, high = 1) =>
  tc.fromArray(
    randomValues(
      shape.reduce((a, d) => a * d, 1),
      seed,
      low,
      high,
    ),
    { shape, device },
  );
const values = (t: tc.Tensor) => Array.from(t.toArraySync());

describe('dropMatmul follows the attention dropout rule', () => {
  it('equals (S ⊙ dropoutMask(shape, p)/(1 − p))·V with the same (seed, offset)', () => {
    const s = tensor([2, 3, 5, 7], 1, 0, 1);
    const v = tensor([2, 3, 7, 4], 2);
    const keep = tc.cast(tc.dropoutMask([2, 3, 5, 7], 0.4, { seed: 9, offset: 4, device }), 'f32');
    const expected = tc.matmul(tc.mul(tc.mul(s, keep), 1 / 0.6), v);
    expect(values(dropMatmul(s, v, 0.4, { seed: 9, offset: 4 }))).toBeAllClose(values(expected), { rtol: 1e-6, atol: 1e-6 });
  });

  it('a block of rows (rowOffset, rows) is that block of the whole product', () => {
    const s = tensor([2, 6, 5], 3, 0, 1);
    const v = tensor([2, 5, 3], 4);
    const whole = dropMatmul(s, v, 0.3, { seed: 1, offset: 2 });
    const block = dropMatmul(tc.narrow(s, 1, 2, 3), v, 0.3, { seed: 1, offset: 2, rowOffset: 2, rows: 6 });
    expect(values(block)).toEqual(values(tc.narrow(whole, 1, 2, 3)));
  });

  it("'rng', 'packed' and 'bool' mask storage give the same output and gradients", () => {
    const run = (maskStorage: 'rng' | 'packed' | 'bool') =>
      tc.scope(() => {
        const s = tensor([3, 9, 40], 5, 0, 1);
        const v = tensor([3, 40, 6], 6);
        s.requiresGrad = true;
        v.requiresGrad = true;
        const o = dropMatmul(s, v, 0.25, { generator: new Generator(11), maskStorage });
        const [ds, dv] = gradients(o, [s, v], { gradOutputs: [tensor(o.shape as number[], 7)] });
        return [o, ds!, dv!].map(values);
      });
    const rng = run('rng');
    for (const storage of ['packed', 'bool'] as const) run(storage).forEach((x, i) => expect(x, storage).toBeAllClose(rng[i]!, { rtol: 1e-6, atol: 1e-6 }));
  });

  it("'bool' keeps this block's rows of the whole mask, one byte each, and its gradients match 'rng'", () => {
    const run = (maskStorage: 'rng' | 'bool') =>
      tc.scope(() => {
        const s = tensor([2, 3, 5], 20, 0, 1);
        const v = tensor([2, 5, 4], 21);
        s.requiresGrad = true;
        v.requiresGrad = true;
        const { result: o, ledger } = withLedger(() => dropMatmul(s, v, 0.5, { seed: 3, offset: 1, rowOffset: 2, rows: 7, maskStorage }));
        ledger.close();
        const [ds, dv] = gradients(o, [s, v], { gradOutputs: [tensor([2, 3, 4], 22)] });
        return { grads: [ds!, dv!].map(values), entry: ledger.entries.find((e) => e.function.startsWith('dropMatmul'))! };
      });
    const bool = run('bool');
    expect(bool.entry).toMatchObject({ function: 'dropMatmul (bool mask)', bytes: (2 * 3 * 5 + 2 * 5 * 4) * 4 + 2 * 3 * 5 });
    run('rng').grads.forEach((x, i) => expect(bool.grads[i]!).toBeAllClose(x, { rtol: 1e-6, atol: 1e-6 }));
  });

  it('draws one state from the generator when p > 0 and none when p = 0', () => {
    const g = new Generator(3);
    dropMatmul(tensor([2, 2], 8), tensor([2, 2], 9), 0, { generator: g });
    expect(g.offset).toBe(0);
    dropMatmul(tensor([2, 2], 8), tensor([2, 2], 9), 0.5, { generator: g });
    expect(g.offset).toBe(1);
  });

  it('saves S and V, plus nothing (rng), 4·⌈n/32⌉ bytes (packed) or n bytes (bool): never the dropped matrix', () => {
    for (const size of [1, 31, 33, 64, 65]) {
      const n = 2 * size * size;
      for (const [maskStorage, extra] of [
        ['rng', 0],
        ['packed', 4 * Math.ceil(n / 32)],
        ['bool', n],
      ] as const) {
        const s = tensor([2, size, size], 10, 0, 1);
        const v = tensor([2, size, 8], 11);
        s.requiresGrad = true;
        v.requiresGrad = true;
        const { ledger } = withLedger(() => dropMatmul(s, v, 0.1, { seed: 1, maskStorage }));
        ledger.close();
        expect(ledger.total, `${maskStorage}, ${size}`).toBe(s.nbytes + v.nbytes + extra);
      }
    }
  });

  it('keeps no mask without a recording, nor with p = 0, whatever the storage', () => {
    const s = tensor([2, 9, 9], 23, 0, 1);
    const v = tensor([2, 9, 3], 24);
    for (const maskStorage of ['packed', 'bool'] as const) {
      const plain = withLedger(() => dropMatmul(s, v, 0.2, { seed: 1, maskStorage }));
      plain.ledger.close();
      expect(plain.ledger.total, maskStorage).toBe(0);
      const before = device.memory.allocated;
      const out = dropMatmul(s, v, 0.2, { seed: 1, maskStorage });
      expect(device.memory.allocated - before, maskStorage).toBe(out.nbytes);
      out.dispose();
      s.requiresGrad = true;
      const off = withLedger(() => dropMatmul(s, v, 0, { seed: 1, maskStorage }));
      off.ledger.close();
      expect(
        off.ledger.entries.map((e) => e.function),
        maskStorage,
      ).toEqual(['dropMatmul']);
      s.requiresGrad = false;
    }
  });

  it('rejects a probability outside [0, 1], mismatched shapes and a block that does not fit', () => {
    const s = tensor([2, 3], 12);
    expect(() => dropMatmul(s, tensor([3, 2], 13), 1.1)).toThrow(/probability 1.1 is outside \[0, 1\]/);
    expect(() => dropMatmul(s, tensor([4, 2], 13), 0.1)).toThrow(/expected s \[..., M, N\] and v \[..., N, K\]/);
    expect(() => dropMatmul(s, tensor([3, 2], 13), 0.1, { rowOffset: 1, rows: 2 })).toThrow(/does not fit in rows = 2/);
    expect(() => dropMatmul(s, tensor([3, 2], 13), 0.1, { maskStorage: 'byte' as never })).toThrow(
      /maskStorage must be one of 'rng', 'packed', 'bool', got "byte"/,
    );
  });
});

describe('packBits / unpackBits', () => {
  it('round-trips masks of edge sizes, across the 2^21-element block boundary', () => {
    for (const n of [0, 1, 31, 32, 33, 100, (1 << 21) + 37]) {
      const keep = tc.dropoutMask([n], 0.5, { seed: n, offset: 0, device });
      const packed = packBits(keep);
      expect(packed.shape).toEqual([Math.ceil(n / 32)]);
      const back = unpackBits(packed, [n]);
      expect(back.dtype).toBe('bool');
      expect(Buffer.from(back.toArraySync().buffer).equals(Buffer.from(keep.toArraySync().buffer))).toBe(true);
      for (const t of [keep, packed, back]) t.dispose();
    }
  });

  it('on the meta device: the bytes of packing and unpacking every block, for work that does not grow with the blocks', () => {
    const run = (dev: tc.Device, n: number) => {
      const base = dev.memory.allocated; // the CPU device may hold other tests' tensors
      const keep = tc.dropoutMask([n], 0.5, { seed: 1, offset: 0, device: dev });
      dev.memory.resetPeak();
      const before = dev instanceof MetaDevice ? dev.opsRun : 0;
      const packed = packBits(keep);
      const back = unpackBits(packed, [n]);
      const trace = { peak: dev.memory.peak - base, allocated: dev.memory.allocated - base, ops: dev instanceof MetaDevice ? dev.opsRun - before : 0 };
      for (const t of [keep, packed, back]) t.dispose();
      return trace;
    };
    // Three blocks of 2^21 elements, the last one short: the CPU device runs all three.
    const n = (2 << 21) + 37;
    const { ops: _, ...cpu } = run(device, n);
    const { ops, ...meta } = run(createMetaDevice(), n);
    expect(meta).toEqual(cpu);
    expect(run(createMetaDevice(), 3000 * 2 ** 21 + 37).ops).toBe(ops);
  });

  it('puts element e at bit e mod 32 of word ⌊e/32⌋', () => {
    const keep = tc.fromArray(
      Uint8Array.from({ length: 40 }, (_, e) => (e === 0 || e === 31 || e === 33 ? 1 : 0)),
      { dtype: 'bool', device },
    );
    expect(Array.from(packBits(keep).toArraySync())).toEqual([2 ** 31 + 1, 2]);
  });
});
