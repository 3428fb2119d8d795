import { Generator } from '@lightattn/autograd';
import { createCpuDevice, fromArray, scope } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { disposeFocus, focusDistribution } from './focus.js';
import { LeapBlock } from './leap-block.js';
import { leapAttention, maskBias } from './leap-core.js';
import { MultiheadLeap } from './multihead-leap.js';
import { inputs } from './testing/layer-check.js';
import { uniformData } from './testing/random.js';

const device = createCpuDevice();
const [B, T, d, H] = [2, 24, 8, 2];

function layerFocus(variant: 'seed' | 'v2', window: 'global' | number) {
  const x = inputs(B, T, d, 5);
  const t = (data: number[]) => fromArray(data, { shape: [B, T, d], device });
  const bias = maskBias(fromArray(x.mask, { shape: [B, T], device }));
  return { ...leapAttention(t(x.q), t(x.a), t(x.b), t(x.v), { variant, nHeads: H, window, bias, focus: true }), mask: x.mask };
}

describe('focus weights', () => {
  for (const variant of ['seed', 'v2'] as const) {
    for (const window of ['global', 5] as const) {
      it(`${variant}, window ${window}: [B, H, T] in [0, 1], each output's distribution sums to 1 over its window, padding gets ~0`, async () => {
        const { focus, mask } = layerFocus(variant, window);
        expect(focus!.weights.shape).toEqual([B, H, T]);
        const weights = Array.from(await focus!.weights.toArray());
        expect(weights.every((w) => w >= 0 && w <= 1 + 1e-6)).toBe(true);
        for (const [b, h, t] of [
          [0, 0, 0],
          [0, 1, 13],
          [1, 0, 10],
          [1, 1, 23],
        ] as const) {
          const row = await focusDistribution(focus!, b, h, t);
          expect(row.positions[row.positions.length - 1]).toBe(t);
          expect(row.positions.length).toBe(window === 'global' ? t + 1 : Math.min(window, t + 1));
          // The weight a token receives at its own position is the last entry of that position's row.
          expect(row.weights[row.weights.length - 1]).toBeCloseTo(weights[(b * H + h) * T + t]!, 5);
          const total = row.weights.reduce((s, w) => s + w, 0);
          // seed: Σ w/z = 1; v2: Σ w/(Z + 1e-5) = Z/(Z + 1e-5), 1 − O(1e-5) unless the window is all
          // padding (Z ≈ 0). All-padding windows hold logits near −10000, resolved to ~1e-3 in f32.
          const allPadding = row.positions.every((j) => mask[b * T + j] === 0);
          if (!allPadding) expect(Math.abs(total - 1)).toBeLessThan(1e-4);
          else if (variant === 'seed') expect(Math.abs(total - 1)).toBeLessThan(2e-3);
          row.positions.forEach((j, k) => {
            if (mask[b * T + j] === 0 && !allPadding) expect(row.weights[k]!).toBeLessThan(1e-30);
          });
        }
        expect(Math.abs(weights[0]! - 1)).toBeLessThan(1e-4); // the first token is alone in its window
        disposeFocus(focus);
      });
    }
  }

  it('rejects positions outside the tensor', async () => {
    const { focus } = layerFocus('seed', 'global');
    await expect(focusDistribution(focus!, 0, 2, 0)).rejects.toThrow(/outside \[2, 2, 24\]/);
  });

  it('MultiheadLeap, LeapBlock and LeapState give the same focus', async () => {
    const block = new LeapBlock({ hidden_size: d, n_heads: H, n_layer: 1, variant: 'v2', initializer_range: 0.5 }, 0, {
      device,
      generator: new Generator(3),
    }).eval();
    const xs = uniformData(B * T * d, 4, -2, 2);
    const parallel = scope(() => block.forwardWithFocus(fromArray(xs, { shape: [B, T, d], device })));
    const viaLayer = scope(() => {
      const [q, a, b, v] = block.project(fromArray(xs, { shape: [B, T, d], device }));
      const layer = new MultiheadLeap({ hiddenSize: d, nHeads: H, window: block.window, variant: 'v2' }).eval();
      return layer.forwardWithFocus(q!, a!, b!, v!);
    });
    const expected = Array.from(await parallel.focus!.weights.toArray());
    expect(Array.from(await viaLayer.focus!.weights.toArray())).toEqual(expected);
    const state = block.initState(B);
    for (let t = 0; t < T; t++) {
      const xt = Array.from({ length: B * d }, (_, i) => xs[(Math.floor(i / d) * T + t) * d + (i % d)]!);
      const step = scope(() => state.stepWithFocus(fromArray(xt, { shape: [B, d], device })).focus.weight.toArraySync());
      for (let b = 0; b < B; b++) for (let h = 0; h < H; h++) expect(step[b * H + h]!).toBeCloseTo(expected[(b * H + h) * T + t]!, 5);
    }
    state.dispose();
  });
});
