import { describe, expect, it } from 'vitest';
import { adamwUpdate, createCpuDevice, fromArray, fromFloat64Array, toFloat64Array, zeros, type OpParams } from '../../index.js';

const cpu = createCpuDevice();
const f64 = createCpuDevice({ precision: 'f64' });

type Hyper = Omit<OpParams<'adamwUpdate'>, 'step'>;

function values(n: number, seed: number, scale = 1): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.fround(((s / 2 ** 32) * 2 - 1) * scale);
  });
}

/** The AdamW paper's update, one scalar at a time, in float64 (the textbook β1·m + (1 − β1)·g form). */
function referenceSteps(param0: number[], grads: number[][], h: Hyper) {
  const p = [...param0];
  const m = p.map(() => 0);
  const v = p.map(() => 0);
  grads.forEach((g, s) => {
    const t = s + 1;
    for (let i = 0; i < p.length; i++) {
      p[i] = p[i]! * (1 - h.lr * h.weightDecay);
      m[i] = h.beta1 * m[i]! + (1 - h.beta1) * g[i]!;
      v[i] = h.beta2 * v[i]! + (1 - h.beta2) * g[i]! * g[i]!;
      const mHat = m[i]! / (1 - h.beta1 ** t);
      const vHat = v[i]! / (1 - h.beta2 ** t);
      // PyTorch's eps sits outside √v̂ exactly like this: √v / √(1 − β2ᵗ) + eps.
      p[i] = p[i]! - (h.lr * mHat) / (Math.sqrt(vHat) + h.eps);
    }
  });
  return { p, m, v };
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i]! - expected[i]!), `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol * (1 + Math.abs(expected[i]!)));
  }
}

const HYPERS: [string, Hyper][] = [
  ['GPT-2 defaults', { lr: 6e-4, beta1: 0.9, beta2: 0.95, eps: 1e-8, weightDecay: 0.1 }],
  ['no weight decay', { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 }],
  // β1 = 0.3 makes lerp's weight 0.7 ≥ 0.5, PyTorch's other lerp branch.
  ['large lr, β1 < 0.5, big eps', { lr: 0.5, beta1: 0.3, beta2: 0.5, eps: 1e-3, weightDecay: 0.5 }],
];

describe('adamwUpdate against a scalar reference loop over several steps', () => {
  for (const [name, h] of HYPERS) {
    for (const [device, tol] of [
      [f64, 1e-12],
      [cpu, 2e-6],
    ] as const) {
      it(`${name} on ${device.name}`, async () => {
        for (const n of [0, 1, 7, 65]) {
          const steps = 6;
          const param0 = values(n, n + 1, 2);
          const grads = Array.from({ length: steps }, (_, s) => values(n, 100 * s + n, s === 2 ? 1e-3 : 3));
          const param = fromFloat64Array(param0, [n], device);
          const m = zeros([n], { device });
          const v = zeros([n], { device });
          grads.forEach((g, s) => adamwUpdate(param, fromFloat64Array(g, [n], device), m, v, { ...h, step: s + 1 }));
          const ref = referenceSteps(param0, grads, h);
          expectClose(await toFloat64Array(param), ref.p, tol);
          expectClose(await toFloat64Array(m), ref.m, tol);
          expectClose(await toFloat64Array(v), ref.v, tol);
        }
      });
    }
  }
});

describe('adamwUpdate by hand', () => {
  it('moves each parameter by lr·sign(g) on the first step (bias correction makes m̂/√v̂ = g/|g|)', async () => {
    const param = fromArray([1, 1, -3], { device: cpu });
    const m = zeros([3], { device: cpu });
    const v = zeros([3], { device: cpu });
    adamwUpdate(param, fromArray([2, -0.5, 8], { device: cpu }), m, v, { lr: 0.125, beta1: 0.9, beta2: 0.999, eps: 0, weightDecay: 0, step: 1 });
    expectClose(await toFloat64Array(param), [0.875, 1.125, -3.125], 1e-7);
    expectClose(await toFloat64Array(m), [0.2, -0.05, 0.8], 1e-7);
    expectClose(await toFloat64Array(v), [0.004, 0.00025, 0.064], 1e-7);
  });

  it('only decays the parameter when the gradient and moments are zero', async () => {
    const param = fromArray([2, -4], { device: cpu });
    const m = zeros([2], { device: cpu });
    const v = zeros([2], { device: cpu });
    adamwUpdate(param, zeros([2], { device: cpu }), m, v, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.5, step: 3 });
    expect([...(await toFloat64Array(param))]).toEqual([Math.fround(2 * 0.95), Math.fround(-4 * 0.95)]);
    expect([...(await toFloat64Array(m))]).toEqual([0, 0]);
    expect([...(await toFloat64Array(v))]).toEqual([0, 0]);
  });

  it('writes in place and returns nothing: param, m and v are the same tensors afterwards', async () => {
    const param = fromArray([1], { device: cpu });
    const m = zeros([1], { device: cpu });
    const v = zeros([1], { device: cpu });
    const grad = fromArray([1], { device: cpu });
    expect(adamwUpdate(param, grad, m, v, { lr: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0, step: 1 })).toBeUndefined();
    expect((await toFloat64Array(param))[0]).not.toBe(1);
    expect([...(await toFloat64Array(grad))]).toEqual([1]);
  });
});
