import { Generator } from '@lightattn/autograd';
import { createCpuDevice, fromArray, scope } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import type { LeapVariant, LeapWindow } from './config.js';
import { LeapBlock } from './leap-block.js';
import { maskBias } from './leap-core.js';
import { maxRelativeError } from '@lightattn/tensor-core/testing';
import { uniformData } from './testing/random.js';

const [B, d] = [2, 8];

function blockFor(variant: LeapVariant, window: LeapWindow, device = createCpuDevice()) {
  const block = new LeapBlock(
    { hidden_size: d, n_heads: 2, n_layer: 1, n_positions: 4096, variant, window_sizes: [window === 'global' ? 4096 : window], initializer_range: 0.5 },
    0,
    {
      device,
      generator: new Generator(9),
    },
  );
  return { block: block.eval(), device };
}

/** Runs the block in parallel over T steps and recurrently, one token at a time; returns both [B, T, d]. */
async function bothForms(variant: LeapVariant, window: LeapWindow, T: number, padded: (b: number, t: number) => boolean = () => false) {
  const { block, device } = blockFor(variant, window);
  const xs = uniformData(B * T * d, 21, -2, 2);
  const mask = Array.from({ length: B * T }, (_, i) => (padded(Math.floor(i / T), i % T) ? 0 : 1));
  const parallel = await scope(() =>
    block.forward(fromArray(xs, { shape: [B, T, d], device }), maskBias(fromArray(mask, { shape: [B, T], device }))).toArray(),
  );
  const state = block.initState(B);
  const recurrent = new Float32Array(B * T * d);
  for (let t = 0; t < T; t++) {
    const step = scope(() => {
      const xt = Array.from({ length: B * d }, (_, i) => xs[(Math.floor(i / d) * T + t) * d + (i % d)]!);
      const bias = maskBias(fromArray([mask[t]!, mask[T + t]!], { shape: [B], device }));
      return state.step(fromArray(xt, { shape: [B, d], device }), bias).toArraySync();
    });
    for (let i = 0; i < B * d; i++) recurrent[(Math.floor(i / d) * T + t) * d + (i % d)] = step[i]!;
  }
  state.dispose();
  return { parallel, recurrent };
}

describe('the recurrent form equals the parallel form over 2048 steps', () => {
  const cases: [LeapVariant, LeapWindow][] = [
    ['seed', 'global'],
    ['seed', 4],
    ['seed', 7],
    ['v2', 'global'],
    ['v2', 16],
  ];
  for (const [variant, window] of cases) {
    it(`${variant}, window ${window}`, async () => {
      const T = 2048;
      const pad = (b: number, t: number) => b === 1 && t % 97 < 3;
      const { parallel, recurrent } = await bothForms(variant, window, T, pad);
      // The recurrent form runs its merges as f32 tensor ops (the CPU scan kernel sums in float64):
      // over 2048 steps its rounding adds up to a few 1e-6. Positions whose whole window is padding
      // carry logits near −10000, where the f32 spacing is 1e-3: they compare loosely.
      const at = (values: ArrayLike<number>, padding: boolean) =>
        Array.from(values).filter((_, i) => pad(Math.floor(i / (T * d)), Math.floor(i / d) % T) === padding);
      expect(maxRelativeError(at(recurrent, false), at(parallel, false), d)).toBeLessThan(2e-5);
      expect(maxRelativeError(at(recurrent, true), at(parallel, true), d)).toBeLessThan(2e-3);
    }, 60_000);
  }
});

describe('recurrent memory does not grow with the sequence', () => {
  for (const window of ['global', 5] as const) {
    it(`window ${window}: the same bytes allocated after 20 and after 300 steps`, () => {
      const { block, device } = blockFor('seed', window);
      const state = block.initState(B);
      const x = fromArray(uniformData(B * d, 3), { shape: [B, d], device });
      const allocatedAfter = (steps: number) => {
        while (state.position < steps) scope(() => void state.step(x));
        return device.memory.allocated;
      };
      const early = allocatedAfter(20);
      expect(allocatedAfter(300)).toBe(early);
      expect(state.position).toBe(300);
      state.dispose();
    });
  }

  it('refuses training mode and wrong shapes with clear errors', () => {
    const { block, device } = blockFor('v2', 4);
    const state = block.initState(B);
    expect(() => state.step(fromArray(uniformData(3 * d, 1), { shape: [3, d], device }))).toThrow(/x must be \[2, 8\], got \[3, 8\]/);
    block.train();
    expect(() => state.step(fromArray(uniformData(B * d, 1), { shape: [B, d], device }))).toThrow(/call block.eval\(\) first/);
  });
});
