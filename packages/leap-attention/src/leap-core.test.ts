import { gradcheck } from '@lightattn/autograd';
import { createCpuDevice, fromArray, type Tensor } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import type { LeapVariant } from './config.js';
import { leapAttention } from './leap-core.js';
import { checkAgainstReference, inputs } from './testing/layer-check.js';
import { uniformData } from './testing/random.js';

const VARIANTS: LeapVariant[] = ['seed', 'v2'];

describe('leapAttention against the float64 reference (CPU, T = 300 > a 256-wide workgroup, padding at both ends)', () => {
  const device = createCpuDevice();
  for (const variant of VARIANTS) {
    for (const window of ['global', 1, 4, 16, 299] as const) {
      it(`${variant}, window ${window}`, () => checkAgainstReference(device, variant, window, 300));
    }
  }
});

describe('leapAttention gradients (float64 finite differences)', () => {
  const [B, T, d, H] = [2, 7, 6, 2];
  const spec = (seed: number, low = -1, high = 1) => ({ data: uniformData(B * T * d, seed, low, high), shape: [B, T, d] });
  const bias = { data: Array.from({ length: B * T }, (_, i) => (i === 2 || i === 13 ? -10000 : 0)), shape: [B, T] };
  for (const variant of VARIANTS) {
    for (const window of ['global', 3] as const) {
      it(`${variant}, window ${window}: q, F1/F, F2/K, V`, async () => {
        const layer = (q: Tensor, a: Tensor, b: Tensor, v: Tensor, m: Tensor) => leapAttention(q, a, b, v, { variant, nHeads: H, window, bias: m }).output;
        const r = await gradcheck(layer, [spec(1), spec(2, -2, 2), spec(3, -2, 2), spec(4), bias], { wrt: [0, 1, 2, 3] });
        expect(r.checked).toBe(4 * B * T * d);
      });
    }
  }

  it('rescale_value changes the seed logits as (c / d_h)', async () => {
    const device = createCpuDevice();
    const x = inputs(1, 5, 4, 3);
    const t = (data: number[]) => fromArray(data.slice(0, 20), { shape: [1, 5, 4], device });
    const logits = async (c: number) =>
      (await leapAttention(t(x.q), t(x.a), t(x.b), t(x.v), {
        variant: 'seed',
        nHeads: 1,
        window: 'global',
        rescaleValue: c,
        focus: true,
      }).focus!.logWeights.toArray()) as Float32Array;
    const [l8, l2] = [await logits(8), await logits(2)];
    l8.forEach((v, i) => expect(v).toBeCloseTo(4 * l2[i]!, 5));
  });
});
