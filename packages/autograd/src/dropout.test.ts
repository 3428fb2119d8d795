import { describe, expect, it } from 'vitest';
import { createCpuDevice, fromArray, Generator, ones, scope } from '@lightattn/tensor-core';
import { dropout } from './dropout.js';
import { param } from './functional.js';
import { withLedger } from './ledger.js';
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

  it('refuses a probability outside [0, 1]', () => {
    expect(() => dropout(fromArray([1]), 1.5)).toThrow(/outside \[0, 1\]/);
    expect(() => dropout(fromArray([1]), Number.NaN)).toThrow(/outside/);
  });
});
