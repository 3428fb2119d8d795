import { describe, expect, it } from 'vitest';
import { createCpuDevice, cumsum, fromArray, fromFloat64Array, slice, toFloat64Array, type Shape, type Tensor } from '../../index.js';

const values = (t: Tensor): number[] => Array.from(t.toArraySync() as ArrayLike<number>);
const f64 = createCpuDevice({ precision: 'f64' });

type Options = { reverse?: boolean; exclusive?: boolean };

/** Reference scan over one axis of a row-major array, by explicit index arithmetic. */
function cumsumReference(data: number[], shape: Shape, axis: number, { reverse = false, exclusive = false }: Options): number[] {
  const len = shape[axis]!;
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const out = new Array<number>(data.length).fill(0);
  for (let i = 0; i < data.length; i++) {
    const k = Math.floor(i / inner) % len;
    const lineStart = i - k * inner;
    let s = 0;
    for (let j = 0; j < len; j++) {
      const counted = reverse ? (exclusive ? j > k : j >= k) : exclusive ? j < k : j <= k;
      if (counted) s += data[lineStart + j * inner]!;
    }
    out[i] = s;
  }
  return out;
}

const MODES: Options[] = [{}, { exclusive: true }, { reverse: true }, { reverse: true, exclusive: true }];

/** Small integers keep every partial sum exact in f32, so results must equal the reference exactly. */
const ints = (n: number): number[] => Array.from({ length: n }, (_, i) => ((i * 5) % 9) - 4);

describe('cumsum', () => {
  it.each([0, 1, 2])('scans axis %i of [2, 3, 4] in every mode', (axis) => {
    const shape: Shape = [2, 3, 4];
    const data = ints(24);
    for (const mode of MODES) {
      expect(values(cumsum(fromArray(data, { shape }), axis, mode))).toEqual(cumsumReference(data, shape, axis, mode));
    }
  });

  it.each([0, 1, 63, 64, 65, 1000])('scans a line of %i elements', (n) => {
    const data = ints(n);
    for (const mode of MODES) {
      expect(values(cumsum(fromArray(data, { shape: [n] }), 0, mode))).toEqual(cumsumReference(data, [n], 0, mode));
    }
  });

  it('gives out[0] = 0 (exclusive) and out[last] = 0 (reverse exclusive)', () => {
    const x = fromArray([3, 4, 5]);
    expect(values(cumsum(x, 0, { exclusive: true }))).toEqual([0, 3, 7]);
    expect(values(cumsum(x, 0, { reverse: true }))).toEqual([12, 9, 5]);
    expect(values(cumsum(x, 0, { reverse: true, exclusive: true }))).toEqual([9, 5, 0]);
  });

  it('handles empty axes and empty outer dimensions', () => {
    expect(cumsum(fromArray([], { shape: [3, 0] }), 1).shape).toEqual([3, 0]);
    expect(cumsum(fromArray([], { shape: [0, 4] }), 1).shape).toEqual([0, 4]);
  });

  it('propagates NaN and ±Inf forward from where they appear', () => {
    expect(values(cumsum(fromArray([1, NaN, 2]), 0))).toEqual([1, NaN, NaN]);
    expect(values(cumsum(fromArray([1, NaN, 2]), 0, { reverse: true, exclusive: true }))).toEqual([NaN, 2, 0]);
    expect(values(cumsum(fromArray([Infinity, 1, -Infinity]), 0))).toEqual([Infinity, Infinity, NaN]);
  });

  it('accumulates f32 in float64, rounding each stored partial sum once', () => {
    // In f32 arithmetic 2²⁴ + 1 + 1 stays 2²⁴; a float64 accumulator reaches 2²⁴ + 2 exactly.
    expect(values(cumsum(fromArray([16777216, 1, 1]), 0))).toEqual([16777216, 16777216, 16777218]);
  });

  it('keeps double precision on the float64 device', async () => {
    const out = await toFloat64Array(cumsum(fromFloat64Array([0.1, 0.2, 0.3], [3], f64), 0));
    expect(Array.from(out)).toEqual([0.1, 0.1 + 0.2, 0.1 + 0.2 + 0.3]);
  });

  it('wraps i32 and u32 sums to 32 bits', () => {
    expect(values(cumsum(fromArray([2147483647, 1, 1], { dtype: 'i32' }), 0))).toEqual([2147483647, -2147483648, -2147483647]);
    expect(values(cumsum(fromArray([4294967295, 2, 3], { dtype: 'u32' }), 0))).toEqual([4294967295, 1, 4]);
    const big = fromArray(
      Array.from({ length: 5 }, () => 2000000000),
      { dtype: 'i32' },
    );
    expect(values(cumsum(big, 0))).toEqual([1, 2, 3, 4, 5].map((k) => Number(BigInt.asIntN(32, BigInt(k) * 2000000000n))));
  });

  it('reads a view with an offset', () => {
    const m = fromArray(ints(12), { shape: [4, 3] });
    const rows = slice(m, [1], [3]);
    expect(values(cumsum(rows, 1))).toEqual(cumsumReference(ints(12).slice(3, 9), [2, 3], 1, {}));
  });
});
