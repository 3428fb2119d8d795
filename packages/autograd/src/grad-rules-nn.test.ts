import { describe, expect, it } from 'vitest';
import { fromArray } from '@lightattn/tensor-core';
import { param } from './functional.js';
import { gradcheck, randomInput } from './gradcheck.js';
import { crossEntropy, crossEntropyLoss, gather, layerNorm, logSoftmax, mseLoss, scatterAdd, softmax } from './ops-nn.js';
import { sum } from './ops-reduce.js';

describe('gradient rules: softmax and log-softmax', () => {
  it.each([
    [[2, 5], -1],
    [[3, 4], 0],
    [[2, 3, 4], 1],
    [[1, 1], -1],
    [[2, 65], -1],
  ] as [number[], number][])('softmax %j along %d passes gradcheck', async (shape, axis) => {
    await gradcheck((x) => softmax(x, axis), [randomInput(shape, { seed: 12, low: -3, high: 3 })]);
  });

  it.each([
    [[2, 5], -1],
    [[3, 4], 0],
  ] as [number[], number][])('logSoftmax %j along %d passes gradcheck', async (shape, axis) => {
    await gradcheck((x) => logSoftmax(x, axis), [randomInput(shape, { seed: 13, low: -3, high: 3 })]);
  });
});

describe('gradient rules: layerNorm', () => {
  it.each([[[3, 4]], [[2, 3, 5]], [[1, 1]], [[4]]] as [number[]][])('x %j, weight and bias pass gradcheck', async (shape) => {
    const c = shape[shape.length - 1]!;
    await gradcheck(
      (x, w, b) => layerNorm(x!, w!, b!, 1e-5),
      [randomInput(shape, { seed: 3 }), randomInput([c], { seed: 4, low: 0.5, high: 1.5 }), randomInput([c], { seed: 5 })],
    );
  });

  it('checks each input alone too (only the needed gradients are produced)', async () => {
    await gradcheck((x, w, b) => layerNorm(x!, w!, b!), [randomInput([2, 3]), randomInput([3], { seed: 2 }), randomInput([3], { seed: 3 })], { wrt: [1] });
  });
});

describe('gradient rules: gather and scatterAdd', () => {
  it('gather passes gradcheck with repeated ids (their gradients add up)', async () => {
    await gradcheck((t, i) => gather(t!, i!), [randomInput([4, 3]), { data: [2, 0, 2, 3, 2], shape: [5], dtype: 'i32' }]);
    await gradcheck((t, i) => gather(t!, i!), [randomInput([5]), { data: [1, 4, 1, 0], shape: [2, 2], dtype: 'i32' }]);
  });

  it('scatterAdd passes gradcheck', async () => {
    await gradcheck((i, s) => scatterAdd(i!, s!, 4), [{ data: [3, 0, 3], shape: [3], dtype: 'i32' }, randomInput([3, 2])]);
  });
});

describe('gradient rules: crossEntropy', () => {
  it('passes gradcheck, ignored rows included', async () => {
    const targets = { data: [2, -100, 0, 4], shape: [4], dtype: 'i32' as const };
    await gradcheck((l, t) => crossEntropy(l!, t!), [randomInput([4, 5], { seed: 7, low: -2, high: 2 }), targets]);
  });

  it('crossEntropyLoss averages over rows whose target is not ignored', async () => {
    const targets = { data: [1, -100, 2, 0, 1, 2], shape: [2, 3], dtype: 'i32' as const };
    await gradcheck((l, t) => crossEntropyLoss(l!, t!), [randomInput([2, 3, 4], { seed: 8 }), targets]);
    await gradcheck((l, t) => crossEntropyLoss(l!, t!, { reduction: 'sum' }), [randomInput([2, 3, 4], { seed: 8 }), targets]);
    const logits = param(
      fromArray([
        [0, 0],
        [5, 5],
      ]),
    );
    const loss = crossEntropyLoss(logits, fromArray([1, -100], { dtype: 'i32' }));
    expect(loss.toArraySync()[0]).toBeCloseTo(Math.log(2), 6);
    loss.backward();
    expect(Array.from(logits.grad!.toArraySync())).toEqual([0.5, -0.5, 0, 0]);
  });

  it('mseLoss passes gradcheck', async () => {
    await gradcheck((a, b) => mseLoss(a!, b!), [randomInput([3, 2]), randomInput([2], { seed: 3 })]);
    const p = param(fromArray([1, 3]));
    sum(mseLoss(p, fromArray([0, 0]))).backward(); // d/dp mean(p²) = p
    expect(Array.from(p.grad!.toArraySync())).toEqual([1, 3]);
  });
});

describe('gradient rules: edge values', () => {
  it('softmax over a row with −Inf (masked) entries: zero gradient there, finite elsewhere', () => {
    const x = param(fromArray([[0.5, -Infinity, 1, -Infinity]]));
    const y = softmax(x);
    y.backward(fromArray([[1, 2, 3, 4]]));
    const g = Array.from(x.grad!.toArraySync());
    expect(Math.abs(g[1]!)).toBe(0);
    expect(Math.abs(g[3]!)).toBe(0);
    expect(Number.isFinite(g[0]!) && Number.isFinite(g[2]!)).toBe(true);
    expect(g[0]! + g[2]!).toBeCloseTo(0, 6); // softmax gradients sum to zero along the row
  });

  it('layerNorm of a constant row has a finite gradient (eps keeps rstd finite)', () => {
    const x = param(fromArray([[2, 2, 2]]));
    sum(layerNorm(x, fromArray([1, 2, 3]), fromArray([0, 0, 0]))).backward();
    for (const v of x.grad!.toArraySync()) expect(Number.isFinite(v)).toBe(true);
  });

  it('NaN in the forward reaches only the gradients it touches', () => {
    const w = param(fromArray([1, 2]));
    sum(mseLoss(w, fromArray([Number.NaN, 0]))).backward();
    const g = Array.from(w.grad!.toArraySync());
    expect(Number.isNaN(g[0]!)).toBe(true);
    expect(g[1]).toBe(2);
  });
});
