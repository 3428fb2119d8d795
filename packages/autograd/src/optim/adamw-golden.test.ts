import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCpuDevice, fromFloat64Array, toFloat64Array, type Device } from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { param } from '../functional.js';
import { AdamW } from './adamw.js';

/**
 * Goldens from torch.optim.AdamW itself, made by scripts/goldens/adamw.py on a machine with PyTorch:
 * two parameter groups (own lr and weight decay), betas (0.9, 0.95), six steps of given gradients.
 */
const goldenPath = join(import.meta.dirname, '..', '..', 'test-data', 'adamw-golden.json');

interface GoldenRun {
  initial: number[][];
  grads: number[][][];
  params: number[][][];
}
interface Golden {
  betas: [number, number];
  eps: number;
  groups: { lr: number; weight_decay: number; shapes: number[][] }[];
  float64: GoldenRun;
  float32: GoldenRun;
}

async function replay(golden: Golden, run: GoldenRun, device: Device): Promise<number[][][]> {
  const shapes = golden.groups.flatMap((g) => g.shapes);
  const params = run.initial.map((values, i) => param(fromFloat64Array(values, shapes[i]!, device)));
  let at = 0;
  const groups = golden.groups.map((g) => {
    const ps = params.slice(at, at + g.shapes.length);
    at += g.shapes.length;
    return { params: ps, lr: g.lr, weightDecay: g.weight_decay };
  });
  const opt = new AdamW(groups, { betas: golden.betas, eps: golden.eps });
  const history: number[][][] = [];
  for (const grads of run.grads) {
    params.forEach((p, i) => (p.grad = fromFloat64Array(grads[i]!, shapes[i]!, device)));
    opt.step();
    history.push(await Promise.all(params.map(async (p) => Array.from(await toFloat64Array(p)))));
  }
  return history;
}

describe('AdamW against torch.optim.AdamW goldens', () => {
  const golden = existsSync(goldenPath) ? (JSON.parse(readFileSync(goldenPath, 'utf8')) as Golden) : undefined;

  it('the golden file is present (regenerate: python3 scripts/goldens/adamw.py packages/autograd/test-data/adamw-golden.json)', () => {
    expect(golden).toBeDefined();
  });

  it('float64 device reproduces the float64 PyTorch run to 1e-12', async () => {
    const got = await replay(golden!, golden!.float64, createCpuDevice({ precision: 'f64' }));
    got.forEach((step, s) => step.forEach((p, i) => p.forEach((v, j) => expect(Math.abs(v - golden!.float64.params[s]![i]![j]!)).toBeLessThan(1e-12))));
  });

  it('float32 device reproduces the float32 PyTorch run to f32 rounding', async () => {
    const got = await replay(golden!, golden!.float32, createCpuDevice());
    got.forEach((step, s) =>
      step.forEach((p, i) =>
        p.forEach((v, j) => {
          const want = golden!.float32.params[s]![i]![j]!;
          expect(Math.abs(v - want)).toBeLessThanOrEqual(4e-7 * Math.max(1, Math.abs(want)));
        }),
      ),
    );
  });
});
