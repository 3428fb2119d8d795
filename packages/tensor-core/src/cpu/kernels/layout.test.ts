import { describe, expect, it } from 'vitest';
import {
  arange,
  concat,
  createCpuDevice,
  expand,
  fromArray,
  fromFloat64Array,
  numel,
  pad,
  permute,
  reshape,
  setSlice,
  slice,
  toFloat64Array,
  transpose,
  zeros,
  type Shape,
  type Tensor,
} from '../../index.js';

const values = (t: Tensor): number[] => Array.from(t.toArraySync() as ArrayLike<number>);
const f64 = createCpuDevice({ precision: 'f64' });

/** 0, 1, 2, … as an f32 tensor of `shape`, so every element names its own flat index. */
const iota = (shape: Shape): Tensor =>
  fromArray(
    Array.from({ length: numel(shape) }, (_, i) => i),
    { shape },
  );

/** The multi-index of flat index i in `shape`. */
function unravel(i: number, shape: Shape): number[] {
  const index: number[] = [];
  for (let d = shape.length - 1; d >= 0; d--) {
    index[d] = i % shape[d]!;
    i = Math.floor(i / shape[d]!);
  }
  return index;
}

const ravel = (index: readonly number[], shape: Shape): number => index.reduce((at, v, d) => at * shape[d]! + v, 0);

describe('permute', () => {
  const cases: [Shape, number[]][] = [
    [
      [2, 3],
      [1, 0],
    ],
    [
      [2, 3, 4],
      [2, 0, 1],
    ],
    [
      [2, 3, 4, 5],
      [0, 2, 1, 3],
    ],
    [
      [3, 1, 4, 2],
      [3, 1, 0, 2],
    ],
    [
      [63, 65],
      [1, 0],
    ],
    [
      [2, 0, 3],
      [2, 1, 0],
    ],
    [[5], [0]],
    [[], []],
  ];

  it.each(cases)('permutes %j by %j', (shape, perm) => {
    const out = permute(iota(shape), perm);
    const outShape = perm.map((a) => shape[a]!);
    expect(out.shape).toEqual(outShape);
    const want = Array.from({ length: numel(outShape) }, (_, i) => {
      const j = unravel(i, outShape);
      const k: number[] = [];
      perm.forEach((a, axis) => (k[a] = j[axis]!));
      return ravel(k, shape);
    });
    expect(values(out)).toEqual(want);
  });

  it('transposes integer and bool tensors and views with an offset', () => {
    const m = fromArray(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      { dtype: 'i32' },
    );
    expect(values(transpose(slice(m, [1], [3])))).toEqual([3, 5, 4, 6]);
    expect(values(transpose(fromArray([[true, false, false]])))).toEqual([1, 0, 0]);
  });

  it('keeps float64 values on the float64 device', async () => {
    const x = fromFloat64Array([0.1, 0.2, 0.3, 1 / 3], [2, 2], f64);
    expect(Array.from(await toFloat64Array(transpose(x)))).toEqual([0.1, 0.3, 0.2, 1 / 3]);
  });
});

describe('slice', () => {
  it('copies a strided block (columns, inner ranges) with the right values', () => {
    const x = iota([3, 4, 5]);
    const out = slice(x, [1, 1, 2], [3, 3, 5]);
    expect(out.shape).toEqual([2, 2, 3]);
    const want = Array.from({ length: 12 }, (_, i) => {
      const [a, b, c] = unravel(i, [2, 2, 3]);
      return ravel([a! + 1, b! + 1, c! + 2], [3, 4, 5]);
    });
    expect(values(out)).toEqual(want);
  });

  it('slices a view that already has an offset, and gives empty results', () => {
    const m = iota([4, 6]);
    const rows = slice(m, [1], [3]); // a view at offset 6
    expect(values(slice(rows, [0, 2], [2, 4]))).toEqual([8, 9, 14, 15]);
    expect(slice(m, [0, 3], [4, 3]).shape).toEqual([4, 0]);
    expect(values(slice(iota([65, 3]), [0, 1], [65, 2]))).toEqual(Array.from({ length: 65 }, (_, i) => i * 3 + 1));
  });
});

describe('concat', () => {
  it.each([0, 1, 2])('joins pieces of 2, 0 and 3 along axis %i', (axis) => {
    const base: Shape = [2, 3, 4];
    const sizes = [2, 0, 3];
    const firstAt = [0, 2, 2]; // where each piece starts along the axis
    const pieces = sizes.map((n, k) => {
      const shape = base.map((d, i) => (i === axis ? n : d));
      return fromArray(
        Array.from({ length: numel(shape) }, (_, i) => 100 * k + i),
        { shape },
      );
    });
    const out = concat(pieces, axis);
    const outShape = base.map((d, i) => (i === axis ? 5 : d));
    expect(out.shape).toEqual(outShape);
    const want = Array.from({ length: numel(outShape) }, (_, i) => {
      const j = unravel(i, outShape);
      const k = j[axis]! < 2 ? 0 : 2;
      const local = [...j];
      local[axis] = j[axis]! - firstAt[k]!;
      return 100 * k + ravel(local, pieces[k]!.shape);
    });
    expect(values(out)).toEqual(want);
  });

  it('concatenates views with offsets, integers and bools', () => {
    const m = fromArray(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      { dtype: 'i32' },
    );
    expect(values(concat([slice(m, [2], [3]), slice(m, [0], [1])], 0))).toEqual([5, 6, 1, 2]);
    expect(values(concat([fromArray([true]), fromArray([false, true])]))).toEqual([1, 0, 1]);
    const big = concat([iota([64]), iota([65])]);
    expect(values(big)).toEqual([...Array.from({ length: 64 }, (_, i) => i), ...Array.from({ length: 65 }, (_, i) => i)]);
  });
});

describe('pad', () => {
  it('surrounds the input with the value on every axis', () => {
    const out = pad(
      fromArray([
        [1, 2],
        [3, 4],
      ]),
      [1, 0],
      [0, 2],
      -1,
    );
    expect(out.shape).toEqual([3, 4]);
    expect(values(out)).toEqual([-1, -1, -1, -1, 1, 2, -1, -1, 3, 4, -1, -1]);
  });

  it('pads integers, bools, NaN values and empty inputs', () => {
    expect(values(pad(fromArray([7], { dtype: 'i32' }), [2], [1], 3.9))).toEqual([3, 3, 7, 3]);
    expect(values(pad(fromArray([true]), [1], [1], 0))).toEqual([0, 1, 0]);
    expect(values(pad(fromArray([1]), [0], [1], NaN))).toEqual([1, NaN]);
    expect(values(pad(fromArray([], { shape: [0] }), [2], [0], 5))).toEqual([5, 5]);
  });
});

describe('setSlice', () => {
  it('writes src into dst at starts, in place', () => {
    const dst = zeros([3, 4]);
    setSlice(
      dst,
      fromArray([
        [1, 2],
        [3, 4],
      ]),
      [1, 2],
    );
    expect(values(dst)).toEqual([0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 3, 4]);
  });

  it('writes into a view of a larger storage without touching the rest', () => {
    const whole = zeros([3, 3]);
    const middle = slice(whole, [1], [2]);
    setSlice(middle, fromArray([[5, 6]]), [0, 1]);
    expect(values(whole)).toEqual([0, 0, 0, 0, 5, 6, 0, 0, 0]);
  });

  it('handles src that overlaps dst in either direction (as if src were copied first)', () => {
    const left = iota([10]);
    setSlice(left, slice(left, [1], [10]), [0]);
    expect(values(left)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 9]);
    const right = iota([10]);
    setSlice(right, slice(right, [0], [9]), [1]);
    expect(values(right)).toEqual([0, 0, 1, 2, 3, 4, 5, 6, 7, 8]);
    // A KV cache [T, C] shifting its rows up by one: the rows are a contiguous view of the same storage.
    const cache = iota([4, 3]);
    setSlice(cache, slice(cache, [1], [4]), [0, 0]);
    expect(values(cache)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 9, 10, 11]);
  });

  it('is a no-op for an empty src and keeps float64 values', async () => {
    const dst = fromArray([1, 2]);
    setSlice(dst, fromArray([], { shape: [0] }), [2]);
    expect(values(dst)).toEqual([1, 2]);
    const d = fromFloat64Array([0, 0], [2], f64);
    setSlice(d, fromFloat64Array([0.1], [1], f64), [1]);
    expect(Array.from(await toFloat64Array(d))).toEqual([0, 0.1]);
  });
});

describe('expand', () => {
  it('broadcasts size-1 axes and missing leading axes', () => {
    const out = expand(fromArray([1, 2, 3], { shape: [3, 1] }), [2, 3, 4]);
    expect(values(out)).toEqual(Array.from({ length: 24 }, (_, i) => Math.floor((i % 12) / 4) + 1));
    expect(values(expand(fromArray(7), [2, 2]))).toEqual([7, 7, 7, 7]);
    expect(values(expand(fromArray([1, 2]), [2, 2]))).toEqual([1, 2, 1, 2]);
    expect(expand(fromArray([1]), [0, 1]).shape).toEqual([0, 1]);
  });

  it('expands int views with an offset', () => {
    const r = reshape(arange(6), [3, 2]);
    expect(values(expand(slice(r, [2], [3]), [3, 2]))).toEqual([4, 5, 4, 5, 4, 5]);
  });
});
