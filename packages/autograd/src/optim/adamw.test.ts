import { describe, expect, it } from 'vitest';
import { createCpuDevice, fromArray, fromFloat64Array, toFloat64Array, type Device, type Tensor } from '@lightattn/tensor-core';
import { param } from '../functional.js';
import { mul } from '../ops-elementwise.js';
import { sum } from '../ops-reduce.js';
import { AdamW, type AdamWHyperparameters } from './adamw.js';
import { OptimizerStateError } from './optimizer.js';

/** torch.optim.AdamW's single-tensor algorithm (amsgrad off), in float64 scalars. */
function referenceAdamW(p0: number[], grads: number[][], o: { lr: number; beta1: number; beta2: number; eps: number; weightDecay: number }): number[] {
  const p = [...p0];
  const m = p.map(() => 0);
  const v = p.map(() => 0);
  grads.forEach((g, t) => {
    const step = t + 1;
    for (let i = 0; i < p.length; i++) {
      p[i]! *= 1 - o.lr * o.weightDecay; // decoupled weight decay
      m[i] = m[i]! + (g[i]! - m[i]!) * (1 - o.beta1); // exp_avg.lerp_(grad, 1 − β1)
      v[i] = v[i]! * o.beta2 + (1 - o.beta2) * g[i]! * g[i]!;
      const stepSize = o.lr / (1 - o.beta1 ** step);
      const denom = Math.sqrt(v[i]!) / Math.sqrt(1 - o.beta2 ** step) + o.eps;
      p[i]! -= (stepSize * m[i]!) / denom;
    }
  });
  return p;
}

/** A varied gradient sequence: g_t[i] = sin(1.3t + 0.7i)·(i + 1), sometimes large, sometimes tiny. */
const gradAt = (t: number, n: number) => Array.from({ length: n }, (_, i) => Math.sin(1.3 * t + 0.7 * i) * (i + 1));

async function runAdamW(device: Device, steps: number) {
  const a = param(fromFloat64Array([0.5, -1.25, 2, 0.001], [2, 2], device));
  const b = param(fromFloat64Array([3, -0.5], [2], device));
  const opt = new AdamW(
    [
      { params: [a], weightDecay: 0.1 },
      { params: [b], weightDecay: 0, lr: 0.05 },
    ],
    { lr: 0.01, betas: [0.9, 0.95], eps: 1e-8 },
  );
  for (let t = 0; t < steps; t++) {
    a.grad = fromFloat64Array(gradAt(t, 4), [2, 2], device);
    b.grad = fromFloat64Array(gradAt(t + 100, 2), [2], device);
    opt.step();
  }
  return { a: Array.from(await toFloat64Array(a)), b: Array.from(await toFloat64Array(b)), opt };
}

describe('AdamW', () => {
  const steps = 7;
  const grads = (offset: number, n: number) => Array.from({ length: steps }, (_, t) => gradAt(t + offset, n));
  const refA = referenceAdamW([0.5, -1.25, 2, 0.001], grads(0, 4), { lr: 0.01, beta1: 0.9, beta2: 0.95, eps: 1e-8, weightDecay: 0.1 });
  const refB = referenceAdamW([3, -0.5], grads(100, 2), { lr: 0.05, beta1: 0.9, beta2: 0.95, eps: 1e-8, weightDecay: 0 });

  it('matches torch.optim.AdamW arithmetic over several steps with two parameter groups (float64 device)', async () => {
    const { a, b } = await runAdamW(createCpuDevice({ precision: 'f64' }), steps);
    a.forEach((v, i) => expect(v).toBeCloseTo(refA[i]!, 12));
    b.forEach((v, i) => expect(v).toBeCloseTo(refB[i]!, 12));
  });

  it('matches it to f32 precision on the float32 CPU device', async () => {
    const { a, b } = await runAdamW(createCpuDevice(), steps);
    a.forEach((v, i) => expect(Math.abs(v - refA[i]!)).toBeLessThan(2e-6 * Math.max(1, Math.abs(refA[i]!))));
    b.forEach((v, i) => expect(Math.abs(v - refB[i]!)).toBeLessThan(2e-6 * Math.max(1, Math.abs(refB[i]!))));
  });

  it('skips parameters without a gradient and tags its state "optimizer"', () => {
    const device = createCpuDevice({ name: 'cpu-adamw-tags' });
    const p = param(fromArray([1, 2, 3], { device }));
    const q = param(fromArray([1], { device }));
    const opt = new AdamW([p, q]);
    p.grad = fromArray([1, 1, 1], { device });
    opt.step();
    expect(Array.from(q.toArraySync())).toEqual([1]);
    expect(device.memory.snapshot().byTag.find((t) => t.tag === 'optimizer')).toEqual({ tag: 'optimizer', bytes: 24, count: 2 });
    opt.zeroGrad();
    expect(p.grad).toBeNull();
  });

  it('refuses tensors that do not require grad and parameters listed twice', () => {
    const p = param(fromArray([1]));
    expect(() => new AdamW([fromArray([1])])).toThrow(/does not require grad/);
    expect(() => new AdamW([{ params: [p] }, { params: [p] }])).toThrow(/appears twice/);
  });

  it('saves and loads its state as safetensors: a restored optimizer continues identically', async () => {
    const device = createCpuDevice({ name: 'cpu-adamw-state' });
    const { opt } = await runAdamW(device, 3);
    const bytes = await opt.stateDict();
    expect(new TextDecoder().decode(bytes.subarray(8, 400))).toContain('state.0.exp_avg');
    const [a, b] = opt.paramGroups.flatMap((g) => g.params) as [Tensor, Tensor];
    // A fresh optimizer over copies of the same parameters, with the state loaded.
    const a2 = param(fromFloat64Array(await toFloat64Array(a), a.shape, device));
    const b2 = param(fromFloat64Array(await toFloat64Array(b), b.shape, device));
    const opt2 = new AdamW([{ params: [a2] }, { params: [b2] }]);
    opt2.loadStateDict(bytes);
    expect(opt2.paramGroups[1]!.lr).toBe(0.05);
    expect(opt2.paramGroups[0]!.betas).toEqual([0.9, 0.95]);
    for (const [p, q, g] of [
      [a, a2, gradAt(3, 4)],
      [b, b2, gradAt(103, 2)],
    ] as const) {
      p.grad = fromFloat64Array(g, p.shape, device);
      q.grad = fromFloat64Array(g, q.shape, device);
    }
    opt.step();
    opt2.step();
    expect(Array.from(a2.toArraySync())).toEqual(Array.from(a.toArraySync()));
    expect(Array.from(b2.toArraySync())).toEqual(Array.from(b.toArraySync()));
  });

  it('refuses state from another kind or another grouping', async () => {
    const { opt } = await runAdamW(createCpuDevice(), 1);
    const bytes = await opt.stateDict();
    const p = param(fromArray([0, 0, 0, 0], { shape: [2, 2] }));
    const q = param(fromArray([0, 0]));
    expect(() => new AdamW([p, q]).loadStateDict(bytes)).toThrow(/groups of \[1,1\] parameters, this optimizer \[2\]/);
    const wrong = param(fromArray([0, 0, 0]));
    expect(() => new AdamW([{ params: [p] }, { params: [wrong] }]).loadStateDict(bytes)).toThrow(/"state.1.exp_avg" is \[2\] but parameter 1 is \[3\]/);
  });

  it('refuses the hyperparameters PyTorch refuses (lr < 0, betas outside [0, 1), eps < 0, weight_decay < 0), and NaN or ±Inf', () => {
    const p = param(fromArray([1, 2]));
    const bad: [Partial<AdamWHyperparameters>, RegExp][] = [
      [{ lr: NaN }, /AdamW: invalid learning rate \(lr\) NaN \(parameter group 0\): it must be a finite number ≥ 0/],
      [{ lr: -1 }, /learning rate \(lr\) -1/],
      [{ lr: Infinity }, /learning rate \(lr\) Infinity/],
      [{ betas: [1, 0.999] }, /betas\[0\] 1 .*in \[0, 1\)/],
      [{ betas: [0.9, -0.1] }, /betas\[1\] -0.1/],
      [{ betas: [0.9, NaN] }, /betas\[1\] NaN/],
      [{ eps: -1e-8 }, /eps -1e-8/],
      [{ eps: Infinity }, /eps Infinity/],
      [{ weightDecay: -0.1 }, /weightDecay -0.1/],
      [{ weightDecay: NaN }, /weightDecay NaN/],
    ];
    for (const [options, message] of bad) {
      expect(() => new AdamW([p], options), JSON.stringify(options)).toThrow(OptimizerStateError);
      expect(() => new AdamW([p], options), JSON.stringify(options)).toThrow(message);
    }
    // Per group, and when a group is changed later (a schedule, user code): the next step refuses it.
    expect(() => new AdamW([{ params: [p] }, { params: [param(fromArray([0]))], lr: NaN }])).toThrow(/NaN \(parameter group 1\)/);
    const opt = new AdamW([p], { lr: 0, betas: [0, 0], eps: 0, weightDecay: 0 });
    opt.paramGroups[0]!.lr = -0.5;
    expect(() => opt.step()).toThrow(/AdamW.step\(\): invalid learning rate \(lr\) -0.5/);
  });

  it('refuses a step when a gradient was disposed, saying what to do instead', () => {
    const p = param(fromArray([1, 2, 3]));
    const opt = new AdamW([p], { lr: 0.1 });
    sum(mul(p, p)).backward();
    p.grad!.dispose();
    expect(() => opt.step()).toThrow(OptimizerStateError);
    expect(() => opt.step()).toThrow(
      /AdamW.step\(\): the gradient of .*\[3\] f32.* \(parameter 0 of group 0\) was disposed; drop gradients with optimizer.zeroGrad\(\) or by setting p.grad = null/,
    );
    // The parameter was not touched, and zeroGrad() recovers.
    expect(Array.from(p.toArraySync())).toEqual([1, 2, 3]);
    opt.zeroGrad();
    expect(() => opt.step()).not.toThrow();
  });
});
