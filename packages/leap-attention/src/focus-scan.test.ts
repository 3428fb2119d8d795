import { backward, gradcheck, withLedger } from '@lightattn/autograd';
import { createCpuDevice, fromArray, scope, type Tensor } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { focusScan } from './focus-scan.js';
import { seeded } from './testing/random.js';

const data = (n: number, seed: number, low = -1, high = 1) => {
  const next = seeded(seed);
  return Array.from({ length: n }, () => low + (high - low) * next());
};

describe('focusScan gradients (float64 finite differences)', () => {
  // [B=2, T=9, H=2] logits, C=3 channels; windows around the block size and unbounded.
  const shape = [2, 9, 2];
  const logits = { data: data(36, 1, -3, 3), shape };
  const x = { data: data(108, 2), shape: [...shape, 3] };
  for (const window of ['global', 1, 2, 4, 9] as const) {
    it(`window ${window}: d/dlogits and d/dx of both outputs`, async () => {
      const r = await gradcheck(
        (l: Tensor, v: Tensor) => {
          const { mean, lse } = focusScan(l, v, 1, window);
          return [mean, lse];
        },
        [logits, x],
      );
      expect(r.checked).toBe(36 + 108);
    });
  }

  it('masked positions (−10000) and a window with only masked positions', async () => {
    const masked = { data: [0.5, -10000, -10000, -10000, 1, -2, -10000, 0.25], shape: [1, 8] };
    const v = { data: data(16, 3), shape: [1, 8, 2] };
    await gradcheck(
      (l: Tensor, xs: Tensor) => {
        const { mean, lse } = focusScan(l, xs, 1, 2);
        return [mean, lse];
      },
      [masked, v],
    );
  });
});

describe('focusScan memory', () => {
  it('saves exactly logits, x, mean and lse', () => {
    const device = createCpuDevice();
    scope(() => {
      const l = fromArray(data(2 * 50 * 3, 4), { shape: [2, 50, 3], device });
      const v = fromArray(data(2 * 50 * 3 * 8, 5), { shape: [2, 50, 3, 8], device });
      l.requiresGrad = true;
      v.requiresGrad = true;
      const { result, ledger } = withLedger(() => focusScan(l, v, 1, 4));
      const bytes = 4 * (2 * 50 * 3) * (1 + 8 + 8 + 1);
      expect(ledger.total).toBe(bytes);
      expect(ledger.byFunction()).toEqual([{ function: 'leapScan', bytes, calls: 1 }]);
      backward(result.mean, fromArray(data(2 * 50 * 3 * 8, 6), { shape: [2, 50, 3, 8], device }));
      expect(ledger.live).toBe(0);
      ledger.close();
    });
  });
});
