import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { backward, enableGrad } from '@lightattn/autograd';
import { createCpuDevice, fromArray, scope, type Tensor } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import type { LeapVariant, LeapWindow } from './config.js';
import { LeapBlock } from './leap-block.js';
import { leapAttention, maskBias } from './leap-core.js';
import { maxRelativeError } from '@lightattn/tensor-core/testing';

// Goldens from PyTorch (float64, CPU), written by scripts/goldens/leap.py from the formulas in
// matrix form. Generate with:
//   python3 scripts/goldens/leap.py packages/leap-attention/test-data/leap-golden.json
const GOLDEN = fileURLToPath(new URL('../test-data/leap-golden.json', import.meta.url));

interface Case {
  variant: LeapVariant;
  window: LeapWindow;
  rescale_value: number;
  B: number;
  T: number;
  d: number;
  n_heads: number;
  mask: number[];
  r: number[];
  out: number[];
}
interface LayerCase extends Case {
  q: number[];
  a: number[];
  b: number[];
  v: number[];
  grads: Record<'q' | 'a' | 'b' | 'v', number[]>;
}
interface BlockCase extends Case {
  state_dict: Record<string, { shape: number[]; data: number[] }>;
  x: number[];
  grads: Record<string, number[]>;
  grad_x: number[];
}

const present = existsSync(GOLDEN);
const golden = present ? (JSON.parse(readFileSync(GOLDEN, 'utf8')) as { torch: string; layers: LayerCase[]; blocks: BlockCase[] }) : null;
const device = createCpuDevice();
const name = (c: Case) => `${c.variant}, window ${c.window}, rescale ${c.rescale_value}`;

// f32 against float64: a few ulp per op, through norms, a scan and a gate.
const OUT_TOL = 2e-5;
const GRAD_TOL = 1e-5;
// A padded position whose whole window is padding holds logits near −10000, which f32 resolves to
// ~1e-3: its output is good to ~1e-4 only (no unpadded output reads it; the goldens' loss weights
// are 0 there, as a language-model loss ignores padding).
const PADDED_OUT_TOL = 2e-3;

/** Outputs [B, T, d] compared per token vector: unpadded tightly, padded loosely. */
function expectOutputs(actual: ArrayLike<number>, c: Case, width: number): void {
  const split = (values: ArrayLike<number>, padded: boolean) => Array.from(values).filter((_, i) => (c.mask[Math.floor(i / c.d)] === 0) === padded);
  expect(maxRelativeError(split(actual, false), split(c.out, false), width)).toBeLessThan(OUT_TOL);
  expect(maxRelativeError(split(actual, true), split(c.out, true), width)).toBeLessThan(PADDED_OUT_TOL);
}

describe(`PyTorch goldens (${golden ? `torch ${golden.torch}` : 'missing'})`, () => {
  it('the golden file is present (regenerate: python3 scripts/goldens/leap.py packages/leap-attention/test-data/leap-golden.json where PyTorch is installed)', () => {
    expect(present).toBe(true);
  });

  for (const c of golden?.layers ?? []) {
    it(`layer ${name(c)}: output and input gradients`, async () => {
      const shape = [c.B, c.T, c.d];
      const got = await scope(async () => {
        const [q, a, b, v] = [c.q, c.a, c.b, c.v].map((data) => fromArray(data, { shape, device }));
        for (const t of [q, a, b, v]) t!.requiresGrad = true;
        const bias = maskBias(fromArray(c.mask, { shape: [c.B, c.T], device }));
        const out = enableGrad(
          () => leapAttention(q!, a!, b!, v!, { variant: c.variant, nHeads: c.n_heads, window: c.window, rescaleValue: c.rescale_value, bias }).output,
        );
        backward(out, fromArray(c.r, { shape, device }));
        return { out: await out.toArray(), grads: await Promise.all([q, a, b, v].map((t) => t!.grad!.toArray())) };
      });
      const dh = c.d / c.n_heads;
      expectOutputs(got.out, c, dh);
      // Gradients relative to each tensor's largest entry: many are ~0 (padding, saturated gates).
      (['q', 'a', 'b', 'v'] as const).forEach((k, i) =>
        expect(maxRelativeError(got.grads[i]!, c.grads[k], c.grads[k].length), `d/d${k}`).toBeLessThan(GRAD_TOL),
      );
    });
  }

  for (const c of golden?.blocks ?? []) {
    it(`LeapBlock ${name(c)}: loads the state dict by the original names; output and every gradient`, async () => {
      const block = new LeapBlock(
        {
          hidden_size: c.d,
          n_heads: c.n_heads,
          n_layer: 1,
          variant: c.variant,
          rescale_value: c.rescale_value,
          window_sizes: [c.window === 'global' ? 1024 : c.window],
        },
        0,
        { device },
      ).eval();
      block.loadStateDict(Object.fromEntries(Object.entries(c.state_dict).map(([k, t]) => [k, fromArray(t.data, { shape: t.shape, device })])));
      const shape = [c.B, c.T, c.d];
      const x = fromArray(c.x, { shape, device });
      x.requiresGrad = true;
      const out = block.forward(x, maskBias(fromArray(c.mask, { shape: [c.B, c.T], device })));
      backward(out, fromArray(c.r, { shape, device }));
      expectOutputs(await out.toArray(), c, c.d);
      expect(maxRelativeError(await x.grad!.toArray(), c.grad_x, c.grad_x.length)).toBeLessThan(GRAD_TOL);
      const params = new Map<string, Tensor>(block.namedParameters());
      expect([...params.keys()].sort()).toEqual(Object.keys(c.grads).sort());
      for (const [k, g] of Object.entries(c.grads)) expect(maxRelativeError(await params.get(k)!.grad!.toArray(), g, g.length), k).toBeLessThan(GRAD_TOL);
    });
  }
});
