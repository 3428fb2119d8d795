import { describe, expect, it } from 'vitest';
import { createCpuDevice, fromArray, fromFloat64Array, toFloat64Array } from '@lightattn/tensor-core';
import { param } from '../functional.js';
import { SGD } from './sgd.js';

const device = createCpuDevice({ name: 'cpu-sgd', precision: 'f64' });

/** torch.optim.SGD's single-tensor algorithm in float64 scalars. */
function referenceSGD(
  p0: number[],
  grads: number[][],
  o: { lr: number; momentum: number; dampening: number; weightDecay: number; nesterov: boolean },
): number[] {
  const p = [...p0];
  let buf: number[] | null = null;
  for (const g0 of grads) {
    const g = g0.map((g, i) => g + o.weightDecay * p[i]!);
    let d = g;
    if (o.momentum) {
      buf = buf ? buf.map((b, i) => o.momentum * b + (1 - o.dampening) * g[i]!) : [...g];
      d = o.nesterov ? g.map((v, i) => v + o.momentum * buf![i]!) : buf;
    }
    for (let i = 0; i < p.length; i++) p[i]! -= o.lr * d[i]!;
  }
  return p;
}

describe('SGD', () => {
  const grads = Array.from({ length: 5 }, (_, t) => [Math.cos(t), Math.sin(2 * t) * 3, 0.5 - t]);
  const cases = [
    { lr: 0.1, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false },
    { lr: 0.1, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: false },
    { lr: 0.05, momentum: 0.8, dampening: 0.3, weightDecay: 0.01, nesterov: false },
    { lr: 0.05, momentum: 0.9, dampening: 0, weightDecay: 0.1, nesterov: true },
  ];
  it.each(cases)('matches torch.optim.SGD arithmetic: %j', async (o) => {
    const p = param(fromFloat64Array([1, -2, 0.5], [3], device));
    const opt = new SGD([p], o);
    for (const g of grads) {
      p.grad = fromFloat64Array(g, [3], device);
      opt.step();
    }
    const expected = referenceSGD([1, -2, 0.5], grads, o);
    Array.from(await toFloat64Array(p)).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
  });

  it('updates parameters in place (views and ties keep seeing them)', () => {
    const p = param(fromArray([1, 2]));
    const storage = p.storage;
    const opt = new SGD([p], { lr: 1 });
    p.grad = fromArray([1, 1]);
    opt.step();
    expect(p.storage).toBe(storage);
    expect(Array.from(p.toArraySync())).toEqual([0, 1]);
  });

  it('refuses nesterov without momentum', () => {
    expect(() => new SGD([param(fromArray([1]))], { lr: 0.1, nesterov: true })).toThrow(/nesterov needs momentum/);
  });
});
