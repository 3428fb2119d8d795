import { describe, expect, it } from 'vitest';
import { fromArray, REDUCE_FNS } from '@lightattn/tensor-core';
import { param } from './functional.js';
import { gradcheck, randomInput } from './gradcheck.js';
import { cumsum, matmul, max, min, reduce, sum } from './ops-reduce.js';

describe('gradient rules: reduce', () => {
  const cases: [number[], number[] | undefined, boolean][] = [
    [[2, 3, 4], undefined, false],
    [[2, 3, 4], [1], false],
    [[2, 3, 4], [0, 2], true],
    [[2, 3, 4], [-1], true],
    [[5], [0], false],
    [[1, 1], [0, 1], false],
    [[65], [0], false],
  ];
  for (const fn of REDUCE_FNS) {
    it.each(cases)(`${fn} of %j over %j (keepDims %s) passes gradcheck`, async (shape, axes, keepDims) => {
      await gradcheck((x) => reduce(x, fn, { axes, keepDims }), [randomInput(shape, { seed: 21 })]);
    });
  }

  it('max and min share the gradient evenly among tied elements', () => {
    const x = param(
      fromArray([
        [3, 1, 3],
        [0, 0, 0],
      ]),
    );
    sum(max(x, { axes: 1 })).backward();
    const g = Array.from(x.grad!.toArraySync());
    expect(g.slice(0, 3)).toEqual([0.5, 0, 0.5]);
    for (const v of g.slice(3)) expect(v).toBeCloseTo(1 / 3, 7);
    const y = param(fromArray([2, 2]));
    sum(min(y)).backward();
    expect(Array.from(y.grad!.toArraySync())).toEqual([0.5, 0.5]);
  });

  it('sum and mean of an empty tensor give an empty gradient', async () => {
    await gradcheck((x) => reduce(x, 'sum', { axes: 0 }), [randomInput([0, 3])]);
    await gradcheck((x) => reduce(x, 'mean', { axes: 1 }), [randomInput([0, 3])]);
  });
});

describe('gradient rules: cumsum', () => {
  const cases: [number, boolean, boolean][] = [
    [-1, false, false],
    [-1, true, false],
    [-1, false, true],
    [0, true, true],
  ];
  it.each(cases)('axis %d reverse %s exclusive %s passes gradcheck', async (axis, reverse, exclusive) => {
    await gradcheck((x) => cumsum(x, axis, { reverse, exclusive }), [randomInput([3, 5], { seed: 4 })]);
  });
});

describe('gradient rules: matmul', () => {
  const cases: [number[], number[], boolean, boolean][] = [
    [[2, 3], [3, 4], false, false],
    [[3, 2], [3, 4], true, false],
    [[2, 3], [4, 3], false, true],
    [[3, 2], [4, 3], true, true],
    [[2, 2, 3], [3, 4], false, false], // batch broadcast: b is shared by both batches
    [[2, 1, 3, 2], [4, 3, 5], true, false],
    [[1, 3, 2], [2, 4, 2], false, true],
    [[1, 1], [1, 1], false, false],
  ];
  it.each(cases)('%j · %j (transA %s, transB %s) passes gradcheck', async (a, b, transA, transB) => {
    await gradcheck((x, y) => matmul(x!, y!, { transA, transB }), [randomInput(a, { seed: 1 }), randomInput(b, { seed: 2 })]);
  });

  it('handles vectors: row·matrix, matrix·column and dot product', async () => {
    await gradcheck((x, y) => matmul(x!, y!), [randomInput([3]), randomInput([3, 2], { seed: 3 })]);
    await gradcheck((x, y) => matmul(x!, y!), [randomInput([2, 2, 3]), randomInput([3], { seed: 3 })]);
    await gradcheck((x, y) => matmul(x!, y!), [randomInput([4]), randomInput([4], { seed: 3 })]);
  });

  it('saves only the operand the needed gradient reads', () => {
    const w = fromArray([
      [1, 2],
      [3, 4],
    ]); // frozen: needs no gradient, so x is not saved
    const x = param(fromArray([[1, 1]]));
    const y = matmul(x, w);
    sum(y).backward();
    expect(Array.from(x.grad!.toArraySync())).toEqual([3, 7]);
  });
});
