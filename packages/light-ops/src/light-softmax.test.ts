import { gradients, withLedger } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { createCpuDevice } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { lightSoftmax, maskedSoftmax } from './light-softmax.js';
import { randomValues } from './testing/run-attention.js';

const device = createCpuDevice();

describe('lightSoftmax', () => {
  it('equals softmax and saves only its output', () => {
    const x = tc.fromArray(randomValues(36, 1, -3, 3), { shape: [4, 9], device });
    x.requiresGrad = true;
    const { result, ledger } = withLedger(() => lightSoftmax(x));
    ledger.close();
    expect(ledger.total).toBe(result.nbytes);
    expect(Array.from(result.toArraySync())).toEqual(Array.from(tc.noGrad(() => tc.softmax(x, -1)).toArraySync()));
  });

  it('dx = y ⊙ (g − Σ g ⊙ y) along a middle axis', () => {
    const x = tc.fromArray(randomValues(24, 2, -2, 2), { shape: [2, 3, 4], device });
    x.requiresGrad = true;
    const g = tc.fromArray(randomValues(24, 3), { shape: [2, 3, 4], device });
    const y = lightSoftmax(x, 1);
    const [dx] = gradients(y, [x], { gradOutputs: [g] });
    const yv = y.toArraySync();
    const gv = g.toArraySync();
    const expected = Array.from(yv, (v, e) => {
      const [a, c] = [Math.floor(e / 12), e % 4];
      let dot = 0;
      for (let r = 0; r < 3; r++) dot += yv[a * 12 + r * 4 + c]! * gv[a * 12 + r * 4 + c]!;
      return v * (gv[e]! - dot);
    });
    Array.from(dx!.toArraySync()).forEach((v, e) => expect(v).toBeCloseTo(expected[e]!, 6));
  });
});

describe('masked softmax of attention scores', () => {
  it('gives zeros (not NaN) and zero gradients on a row with no kept position', () => {
    const s = tc.fromArray(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { device },
    );
    s.requiresGrad = true;
    const keep = tc.fromArray(
      [
        [true, false, true],
        [false, false, false],
      ],
      { device },
    );
    const y = maskedSoftmax(s, keep, 'light');
    expect(Array.from(y.toArraySync()).slice(3)).toEqual([0, 0, 0]);
    expect(y.toArraySync()[1]).toBe(0);
    const [ds] = gradients(y, [s], { gradOutputs: [tc.ones([2, 3], { device })] });
    expect(Array.from(ds!.toArraySync()).every((v) => Number.isFinite(v))).toBe(true);
    expect(Array.from(ds!.toArraySync()).slice(3)).toEqual([0, 0, 0]);
  });
});
