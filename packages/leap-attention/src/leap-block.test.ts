import { backward, Generator, withLedger } from '@lightattn/autograd';
import { createCpuDevice, fromArray, scope, zeros } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { leapConfig } from './config.js';
import { LeapBlock } from './leap-block.js';
import { maskBias } from './leap-core.js';
import { MultiheadLeap } from './multihead-leap.js';
import { uniformData } from './testing/random.js';

const device = createCpuDevice();

describe('LeapBlock parameters (the original state-dict names)', () => {
  it('seed', () => {
    const block = new LeapBlock(leapConfig({ hidden_size: 8, n_heads: 2 }), 0, { device });
    const shapes = Object.fromEntries(Object.entries(block.stateDict()).map(([k, t]) => [k, t.shape]));
    expect(shapes).toEqual({
      'pre_norm.weight': [8],
      'pre_norm.bias': [8],
      'projections.weight': [32, 8],
      'boom.weight': [32, 8],
      'unboom.weight': [8, 32],
      'boom_norm.weight': [8],
      'boom_norm.bias': [8],
    });
    expect(block.window).toBe(4);
  });

  it('v2', () => {
    const block = new LeapBlock(leapConfig({ hidden_size: 8, n_heads: 2, variant: 'v2' }), 0, { device });
    expect(Object.keys(block.stateDict())).toEqual([
      'attn_norm.weight',
      'attn_norm.bias',
      'projections.weight',
      'boom.weight',
      'boom.bias',
      'unboom.weight',
      'unboom.bias',
      'boom_norm.weight',
      'boom_norm.bias',
    ]);
    expect(block.window).toBe('global');
  });

  it('initialises linear weights N(0, initializer_range²) and biases 0', async () => {
    const block = new LeapBlock({ hidden_size: 64, n_heads: 4, variant: 'v2', initializer_range: 0.05 }, 1, { device, generator: new Generator(3) });
    const w = Array.from(await block.projections.weight.toArray());
    const std = Math.sqrt(w.reduce((s, x) => s + x * x, 0) / w.length);
    expect(std).toBeGreaterThan(0.045);
    expect(std).toBeLessThan(0.055);
    expect(Array.from(await block.boom.bias!.toArray()).every((x) => x === 0)).toBe(true);
    // init 'none' (weights loaded next): zeros, and the generator is not advanced.
    const generator = new Generator(3);
    const empty = new LeapBlock({ hidden_size: 64, n_heads: 4, variant: 'v2' }, 1, { device, generator, init: 'none' });
    expect(generator.getState().offset).toBe(0);
    expect(Array.from(await empty.projections.weight.toArray()).every((x) => x === 0)).toBe(true);
  });

  it('rejects a layer index outside n_layer and a bad MultiheadLeap', () => {
    expect(() => new LeapBlock({ n_layer: 2 }, 2)).toThrow(/layer 2 is out of range for n_layer 2/);
    expect(() => new MultiheadLeap({ hiddenSize: 10, nHeads: 4, window: 4 })).toThrow(/not divisible/);
    expect(() => new MultiheadLeap({ hiddenSize: 8, nHeads: 4, window: 0 })).toThrow(/positive integer or 'global'/);
  });
});

describe('LeapBlock forward and backward', () => {
  for (const variant of ['seed', 'v2'] as const) {
    it(`${variant}: shapes, finite gradients for every parameter, padded tokens reach no other output`, async () => {
      const [B, T, d] = [2, 12, 8];
      const block = new LeapBlock({ hidden_size: d, n_heads: 2, n_layer: 2, variant, hidden_dropout_prob: 0.1, initializer_range: 0.5 }, 0, {
        device,
        generator: new Generator(1),
      });
      const x = fromArray(uniformData(B * T * d, 5), { shape: [B, T, d], device });
      // Row 1 has padding in the middle (positions 2 and 3), as after a packed prompt.
      const padded = (i: number) => i === T + 2 || i === T + 3;
      const mask = fromArray(
        Array.from({ length: B * T }, (_, i) => (padded(i) ? 0 : 1)),
        { shape: [B, T], device },
      );
      const out = block.forward(x, maskBias(mask));
      expect(out.shape).toEqual([B, T, d]);
      backward(out, fromArray(uniformData(B * T * d, 6), { shape: [B, T, d], device }));
      for (const [name, p] of block.namedParameters()) {
        expect(p.grad, name).not.toBeNull();
        expect(Array.from(await p.grad!.toArray()).every(Number.isFinite), name).toBe(true);
      }
      // Changing a padded token's input changes no other position's output (eval mode: no dropout).
      block.eval();
      const changed = Array.from(await x.toArray());
      for (let k = 0; k < d; k++) changed[(T + 2) * d + k]! += k % 2 === 0 ? 3 : -2; // not a uniform shift, which layer norm removes
      const before = Array.from(await block.forward(x, maskBias(mask)).toArray());
      const after = Array.from(await block.forward(fromArray(changed, { shape: [B, T, d], device }), maskBias(mask)).toArray());
      let compared = 0;
      for (let i = 0; i < B * T * d; i++) {
        if (Math.floor(i / d) === T + 2) continue;
        expect(after[i]).toBeCloseTo(before[i]!, 6);
        compared++;
      }
      expect(compared).toBe((B * T - 1) * d);
      // …while without the mask the same change does reach the later positions of row 1.
      const unmasked = Array.from(await block.forward(fromArray(changed, { shape: [B, T, d], device })).toArray());
      const reference = Array.from(await block.forward(x).toArray());
      expect(Math.max(...unmasked.map((v, i) => (Math.floor(i / d) > T + 3 ? Math.abs(v - reference[i]!) : 0)))).toBeGreaterThan(1e-4);
    });
  }
});

describe('saved bytes are O(B·T·d): no T×T tensor', () => {
  for (const variant of ['seed', 'v2'] as const) {
    it(`${variant}: doubling T doubles the bytes saved, and they stay within a fixed multiple of B·T·d floats`, () => {
      const [B, d] = [2, 16];
      const block = new LeapBlock({ hidden_size: d, n_heads: 4, n_layer: 2, variant, window_sizes: [8, 1024] }, 0, { device, generator: new Generator(2) });
      const saved = (T: number) =>
        scope(() => {
          const x = zeros([B, T, d], { device });
          x.requiresGrad = true;
          const { result, ledger } = withLedger(() => block.forward(x));
          const total = ledger.total;
          backward(result, fromArray(new Array<number>(B * T * d).fill(1), { shape: [B, T, d], device }));
          ledger.close();
          return total;
        });
      const [small, large] = [saved(64), saved(128)];
      expect(large).toBe(2 * small);
      // Per token: the inputs of the norms, the 4d projection, the scan (x, mean, lse) and the 4d FFN.
      const floatsPerToken = large / 4 / (B * 128 * d);
      expect(floatsPerToken).toBeLessThan(40);
    });
  }
});
