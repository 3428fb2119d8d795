import { describe, expect, it } from 'vitest';
import { fromArray } from '@lightattn/tensor-core';
import { param } from './functional.js';
import { gradcheck, randomInput } from './gradcheck.js';
import { concat, expand, flatten, narrow, pad, permute, reshape, setSlice, slice, split, squeeze, transpose, unsqueeze } from './ops-layout.js';
import { noGrad } from './grad-mode.js';
import { mul } from './ops-elementwise.js';
import { sum } from './ops-reduce.js';

describe('gradient rules: layout', () => {
  it('permute and transpose pass gradcheck', async () => {
    await gradcheck((x) => permute(x, [2, 0, 1]), [randomInput([2, 3, 4])]);
    await gradcheck((x) => permute(x, [1, -1, 0]), [randomInput([2, 3, 4])]);
    await gradcheck((x) => transpose(x), [randomInput([3, 5])]);
  });

  it('concat passes gradcheck along each axis, with a reused input', async () => {
    await gradcheck((a, b) => concat([a!, b!, a!], 0), [randomInput([2, 3]), randomInput([1, 3], { seed: 2 })]);
    await gradcheck((a, b) => concat([a!, b!], -1), [randomInput([2, 3]), randomInput([2, 1], { seed: 2 })]);
    await gradcheck((a) => concat([a!], 1), [randomInput([2, 2])]);
  });

  it('slice passes gradcheck as a view (contiguous) and as a copy', async () => {
    await gradcheck((x) => slice(x, [1], [3]), [randomInput([4, 3])]); // rows: a view
    await gradcheck((x) => slice(x, [0, 1], [2, 3]), [randomInput([4, 3])]); // columns: a copy
    await gradcheck((x) => slice(x, [-2, undefined], [undefined, -1]), [randomInput([3, 3])]);
    await gradcheck((x) => narrow(x, 1, 1, 0), [randomInput([2, 3])]);
  });

  it('split pieces pass gradcheck together', async () => {
    await gradcheck((x) => split(x, [1, 3], 1), [randomInput([2, 4])]);
    await gradcheck((x) => split(x, 2, 0), [randomInput([5, 1])]);
  });

  it('pad passes gradcheck (the padding value gets no gradient)', async () => {
    await gradcheck((x) => pad(x, [1, 0], [2, 3], 7), [randomInput([2, 2])]);
  });

  it('expand passes gradcheck', async () => {
    await gradcheck((x) => expand(x, [2, 3, 4]), [randomInput([3, 1])]);
    await gradcheck((x) => expand(x, [4]), [randomInput([])]);
  });

  it('views (reshape, flatten, unsqueeze, squeeze) pass gradcheck and share storage', async () => {
    await gradcheck((x) => reshape(x, [3, -1]), [randomInput([2, 3])]);
    await gradcheck((x) => flatten(x, 1), [randomInput([2, 3, 2])]);
    await gradcheck((x) => squeeze(unsqueeze(x, 0)), [randomInput([2, 3])]);
    const x = param(fromArray([1, 2, 3, 4]));
    const v = reshape(x, [2, 2]);
    expect(v.storage).toBe(x.storage);
    sum(mul(v, v)).backward();
    expect(Array.from(x.grad!.toArraySync())).toEqual([2, 4, 6, 8]);
  });
});

describe('setSlice', () => {
  it('writes in place under noGrad, and refuses tensors in the graph or saved for backward', () => {
    const cache = fromArray([
      [0, 0],
      [0, 0],
    ]);
    noGrad(() => setSlice(cache, fromArray([[1, 2]]), [1, 0]));
    expect(Array.from(cache.toArraySync())).toEqual([0, 0, 1, 2]);
    expect(() => setSlice(cache, param(fromArray([[3, 4]])), [0, 0])).toThrow(/not differentiable; run it inside noGrad\(\)/);
    const x = param(fromArray([1, 2]));
    const saved = fromArray([5, 6]);
    const y = mul(x, saved); // keeps `saved` for x's gradient
    expect(() => noGrad(() => setSlice(saved, fromArray([0, 0]), [0]))).toThrow(/saved for a backward that has not run/);
    sum(y).backward();
    noGrad(() => setSlice(saved, fromArray([0, 0]), [0]));
    expect(Array.from(x.grad!.toArraySync())).toEqual([5, 6]);
  });
});
