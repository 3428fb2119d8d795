import { describe, expect, it } from 'vitest';
import { createCpuDevice, fromArray, Generator, ones, scope } from '@lightattn/tensor-core';
import { dropout } from './dropout.js';
import { param } from './functional.js';
import { withLedger } from './ledger.js';
import { Dropout } from './nn/layers.js';
import { mul } from './ops-elementwise.js';
import { sum } from './ops-reduce.js';

const device = createCpuDevice({ name: 'cpu-dropout' });

describe('dropout', () => {
  it('zeroes about p of the elements and scales the rest by 1/(1 − p)', () => {
    const y = dropout(ones([10000], { device }), 0.25, { generator: new Generator(1) });
    const v = Array.from(y.toArraySync());
    const kept = v.filter((e) => e !== 0);
    expect(kept.every((e) => Math.abs(e - 4 / 3) < 1e-6)).toBe(true);
    expect(Math.abs(kept.length / 10000 - 0.75)).toBeLessThan(0.02);
  });

  it('regenerates the same mask in backward and saves no tensor', () => {
    const x = param(fromArray(new Float32Array(257).fill(2), { device }));
    const { result: loss, ledger } = withLedger(() => scope(() => sum(dropout(x, 0.5, { generator: new Generator(7) }))));
    expect(ledger.total).toBe(0);
    expect(ledger.entries.find((e) => e.function === 'dropout')).toMatchObject({ bytes: 0, tensors: 0 });
    const out = Array.from(dropout(x, 0.5, { generator: new Generator(7) }).toArraySync());
    loss.backward();
    // dL/dx = mask/(1 − p) = 2 where kept: exactly where the forward kept (out = 2·2 = 4).
    expect(Array.from(x.grad!.toArraySync())).toEqual(out.map((o) => (o !== 0 ? 2 : 0)));
    ledger.close();
  });

  it('successive calls draw independent masks from the generator', () => {
    const gen = new Generator(3);
    const a = Array.from(dropout(ones([64], { device }), 0.5, { generator: gen }).toArraySync());
    const b = Array.from(dropout(ones([64], { device }), 0.5, { generator: gen }).toArraySync());
    expect(a).not.toEqual(b);
    expect(gen.getState()).toEqual({ seed: 3, offset: 2 });
  });

  it('is the identity in eval mode and for p = 0, and zero for p = 1', () => {
    const x = param(fromArray([1, -2, 3], { device }));
    for (const y of [dropout(x, 0.5, { training: false }), dropout(x, 0)]) {
      expect(Array.from(y.toArraySync())).toEqual([1, -2, 3]);
      expect(y).not.toBe(x);
    }
    expect(Array.from(dropout(x, 1).toArraySync())).toEqual([0, -0, 0]);
  });

  it("mask: 'stored' gives the same output and gradient, keeping 1 byte per element", () => {
    for (const n of [0, 1, 63, 64, 65, 1000]) {
      const run = (mask: 'regenerate' | 'stored') => {
        const x = param(
          fromArray(
            Float32Array.from({ length: n }, (_, i) => Math.sin(i) * 3),
            { device },
          ),
        );
        const w = fromArray(
          Float32Array.from({ length: n }, (_, i) => Math.cos(i)),
          { device },
        );
        const { result: loss, ledger } = withLedger(() => scope(() => sum(mul(dropout(x, 0.3, { generator: new Generator(5), mask }), w))));
        ledger.close();
        loss.backward();
        return {
          value: loss.toArraySync()[0],
          grad: Array.from(x.grad?.toArraySync() ?? []),
          saved: ledger.entries.find((e) => e.function.startsWith('dropout'))!.bytes,
        };
      };
      const regenerated = run('regenerate');
      const stored = run('stored');
      expect(stored.value, `n = ${n}`).toBe(regenerated.value);
      expect(stored.grad, `n = ${n}`).toEqual(regenerated.grad);
      expect(regenerated.saved).toBe(0);
      expect(stored.saved, `n = ${n}`).toBe(n);
    }
  });

  it("mask: 'stored' keeps NaN and ±Inf where the element is dropped (x·0), as PyTorch", () => {
    const x = fromArray([Number.NaN, Infinity, -Infinity, 1], { device });
    const gen = () => new Generator(2);
    const regenerated = Array.from(dropout(x, 1, { generator: gen() }).toArraySync());
    expect(Array.from(dropout(x, 1, { generator: gen(), mask: 'stored' }).toArraySync())).toEqual(regenerated);
    expect(regenerated.slice(0, 3).every(Number.isNaN)).toBe(true);
  });

  it('nn.Dropout passes the mask option through, and is the identity in eval mode', () => {
    const x = param(ones([4, 33], { device }));
    const layer = new Dropout(0.5, { generator: new Generator(4), mask: 'stored' });
    const { result: loss, ledger } = withLedger(() => scope(() => sum(layer.forward(x))));
    ledger.close();
    expect(ledger.entries.find((e) => e.function === 'dropout (stored mask)')).toMatchObject({ bytes: 4 * 33, tensors: 1 });
    loss.backward();
    const grads = Array.from(x.grad!.toArraySync());
    expect(grads.every((g) => g === 0 || g === 2)).toBe(true);
    layer.eval();
    expect(Array.from(layer.forward(x).toArraySync())).toEqual(new Array(4 * 33).fill(1));
  });

  it('refuses a probability outside [0, 1]', () => {
    expect(() => dropout(fromArray([1]), 1.5)).toThrow(/outside \[0, 1\]/);
    expect(() => dropout(fromArray([1]), Number.NaN)).toThrow(/outside/);
    expect(() => dropout(fromArray([1]), 0.5, { mask: 'kept' as never })).toThrow(/mask must be one of 'regenerate', 'stored', got "kept"/);
  });
});
