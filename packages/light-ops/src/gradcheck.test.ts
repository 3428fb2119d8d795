import { Generator, gradcheck, sum, type Tensor } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { attention } from './attention.js';
import type { AttentionOptions } from './attention-options.js';
import { dropMatmul } from './drop-matmul.js';
import { lightSoftmax } from './light-softmax.js';
import { prescaleQK } from './prescale.js';
import { randomValues } from './testing/run-attention.js';

// Finite differences in float64 on the CPU (autograd's gradcheck) for every function of the package.

const input = (shape: number[], seed: number, low = -1, high = 1) => ({
  data: randomValues(
    shape.reduce((a, d) => a * d, 1),
    seed,
    low,
    high,
  ),
  shape,
});

describe('gradcheck', () => {
  it('lightSoftmax over the last and a middle axis', async () => {
    await gradcheck((x: Tensor) => lightSoftmax(x, -1), [input([3, 5], 1, -2, 2)]);
    await gradcheck((x: Tensor) => lightSoftmax(x, 1), [input([2, 4, 3], 2, -2, 2)]);
  });

  for (const maskStorage of ['rng', 'packed'] as const) {
    it(`dropMatmul (${maskStorage}), p 0.3, with rows of a chunk`, async () => {
      // The same (seed, offset) on every call, so the loss is a fixed function of s and v.
      await gradcheck((s: Tensor, v: Tensor) => dropMatmul(s, v, 0.3, { seed: 5, offset: 2, maskStorage }), [input([2, 3, 4], 3, 0, 1), input([2, 4, 3], 4)]);
      await gradcheck(
        (s: Tensor, v: Tensor) => dropMatmul(s, v, 0.3, { seed: 5, offset: 2, maskStorage, rowOffset: 2, rows: 6 }),
        [input([1, 3, 5], 5, 0, 1), input([1, 5, 2], 6)],
      );
    });
  }

  it('prescaleQK', async () => {
    await gradcheck((q: Tensor, k: Tensor) => prescaleQK(q, k), [input([1, 2, 3, 4], 7), input([1, 2, 3, 4], 8)]);
  });

  const cases: { label: string; options: AttentionOptions }[] = [
    { label: 'causal', options: { causal: true } },
    { label: 'causal, padding, dropout 0.25', options: { causal: true, dropout: 0.25 } },
  ];
  for (const impl of ['vanilla', 'light', 'chunked', 'flash'] as const) {
    for (const { label, options } of cases) {
      it(`attention ${impl}, ${label}`, async () => {
        const result = await gradcheck(
          (q: Tensor, k: Tensor, v: Tensor) => {
            const mask = options.dropout ? tc.fromArray([[[[true, true, true, false]]], [[[false, true, true, true]]]], { dtype: 'bool' }) : null;
            // maxChunkSizeMb 1e-4: 100 bytes, so 2 query rows per chunk (B·H·Tk·4 = 64 bytes a row).
            return attention(q, k, v, { ...options, impl, mask, maxChunkSizeMb: 1e-4, useLightSoftmax: false, generator: new Generator(42) });
          },
          [input([2, 2, 4, 3], 9), input([2, 2, 4, 3], 10), input([2, 2, 4, 3], 11)],
        );
        expect(result.checked).toBe(3 * 48);
      });
    }
  }

  it('a loss through sum() of flash attention with a per-query mask and cross-attention', async () => {
    await gradcheck(
      (q: Tensor, k: Tensor, v: Tensor) => {
        const mask = tc.fromArray(Uint8Array.from([1, 0, 1, 1, 0, 1, 1, 1, 1, 0, 0, 1]), { shape: [1, 1, 3, 4], dtype: 'bool' });
        return sum(attention(q, k, v, { impl: 'flash', mask, scale: 0.7 }));
      },
      [input([1, 2, 3, 3], 12), input([1, 2, 4, 3], 13), input([1, 2, 4, 2], 14)],
    );
  });
});
