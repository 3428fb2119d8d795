import { describe, expect, it } from 'vitest';
import {
  argmax,
  argmin,
  createCpuDevice,
  fromArray,
  fromFloat64Array,
  logsumexp,
  max,
  mean,
  min,
  reduce,
  ShapeError,
  sum,
  toFloat64Array,
  type ReduceFn,
} from '../../index.js';

const cpu = createCpuDevice();

/** Deterministic values in [−2, 2), rounded to f32 so the reference sees exactly what the kernel sees. */
function values(n: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.fround((s / 2 ** 32) * 4 - 2);
  });
}

/** Straightforward float64 reduction: gather each output's elements by index arithmetic, then fold. */
function reference(data: readonly number[], shape: readonly number[], axes: readonly number[], fn: ReduceFn): number[] {
  const kept = shape.map((_, d) => d).filter((d) => !axes.includes(d));
  const outSize = kept.reduce((n, d) => n * shape[d]!, 1);
  const groups: number[][] = Array.from({ length: outSize }, () => []);
  data.forEach((v, flat) => {
    let rest = flat;
    const idx = new Array<number>(shape.length);
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d] = rest % shape[d]!;
      rest = Math.floor(rest / shape[d]!);
    }
    const o = kept.reduce((acc, d) => acc * shape[d]! + idx[d]!, 0);
    groups[o]!.push(v);
  });
  return groups.map((g) => {
    if (fn === 'sum') return g.reduce((a, b) => a + b, 0);
    if (fn === 'mean') return g.reduce((a, b) => a + b, 0) / g.length;
    if (g.some(Number.isNaN)) return NaN;
    if (fn === 'max') return Math.max(-Infinity, ...g);
    if (fn === 'min') return Math.min(Infinity, ...g);
    const m = Math.max(-Infinity, ...g);
    return Number.isFinite(m) ? m + Math.log(g.reduce((a, b) => a + Math.exp(b - m), 0)) : m;
  });
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[], rtol = 1e-6, atol = 1e-6): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) || !Number.isFinite(e)) expect(a, `element ${i}`).toBe(e);
    else expect(Math.abs(a - e), `element ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(atol + rtol * Math.abs(e));
  }
}

const subsets = (rank: number): number[][] => Array.from({ length: 1 << rank }, (_, m) => [...Array(rank).keys()].filter((d) => m & (1 << d)));
const FNS: ReduceFn[] = ['sum', 'mean', 'max', 'min', 'logsumexp'];

describe('reduce kernel (f32) against a float64 reference', () => {
  const shapes: number[][] = [[], [1], [7], [3, 5], [2, 3, 4], [65, 3], [2, 64, 3], [63, 1, 2]];
  for (const shape of shapes) {
    it(`every axis subset of [${shape}]`, async () => {
      const n = shape.reduce((a, b) => a * b, 1);
      const data = values(n, n + shape.length);
      const x = fromArray(data, { shape, device: cpu });
      for (const axes of subsets(shape.length)) {
        for (const fn of FNS) {
          for (const keepDims of [false, true]) {
            const out = reduce(x, fn, { axes, keepDims });
            expect(out.shape).toEqual(shape.map((d, i) => (axes.includes(i) ? 1 : d)).filter((_, i) => keepDims || !axes.includes(i)));
            expectClose(await toFloat64Array(out), reference(data, shape, axes, fn));
          }
        }
      }
    });
  }

  it('reduces a long axis with float64 accumulation (100 001 ones + 1e-4 noise)', async () => {
    const data = Array.from({ length: 100_001 }, (_, i) => 1 + (i % 3) * 1e-4);
    const exact = reference(data.map(Math.fround), [data.length], [0], 'sum')[0]!;
    const s = await toFloat64Array(sum(fromArray(data, { device: cpu })));
    expect(Math.abs(s[0]! - exact) / exact).toBeLessThan(1e-7);
  });
});

describe('reduce edge cases', () => {
  it('empty reductions: sum 0, mean NaN, logsumexp −Inf; max and min refuse (no identity, as in PyTorch)', async () => {
    const x = fromArray([], { shape: [2, 0], device: cpu });
    expect([...(await toFloat64Array(sum(x, { axes: 1 })))]).toEqual([0, 0]);
    expect([...(await toFloat64Array(mean(x, { axes: 1 })))]).toEqual([NaN, NaN]);
    expect(() => max(x, { axes: 1 })).toThrow(/reduce max: axis 1 of \[2, 0\] is empty, and the max of no elements is undefined/);
    expect(() => min(x)).toThrow(ShapeError);
    expect([...(await toFloat64Array(logsumexp(x, { axes: 1 })))]).toEqual([-Infinity, -Infinity]);
    // Reducing the non-empty axis of an empty tensor gives an empty result, for max too.
    expect(sum(x, { axes: 0 }).shape).toEqual([0]);
    expect(max(x, { axes: 0 }).shape).toEqual([0]);
    expect([...(await toFloat64Array(sum(x)))]).toEqual([0]);
  });

  it('NaN propagates through every reduction', async () => {
    const x = fromArray([1, NaN, 3, 4, 5, 6], { shape: [2, 3], device: cpu });
    for (const fn of FNS) {
      const out = await toFloat64Array(reduce(x, fn, { axes: 1 }));
      expect(Number.isNaN(out[0]!), fn).toBe(true);
      expect(Number.isNaN(out[1]!), fn).toBe(false);
    }
    // NaN first or last in the row does not matter for max/min.
    expect([...(await toFloat64Array(max(fromArray([NaN, 1], { device: cpu }))))]).toEqual([NaN]);
    expect([...(await toFloat64Array(min(fromArray([1, NaN], { device: cpu }))))]).toEqual([NaN]);
  });

  it('logsumexp is stable and handles ±Inf rows', async () => {
    const x = fromArray([1000, 1000, -1000, -1000, -Infinity, -Infinity, Infinity, 1, -Infinity, 0], { shape: [5, 2], device: cpu });
    const out = await toFloat64Array(logsumexp(x, { axes: 1 }));
    expectClose(out, [1000 + Math.LN2, -1000 + Math.LN2, -Infinity, Infinity, 0], 1e-7);
  });

  it('i32 and u32 sums wrap to 32 bits; integer max/min are exact', async () => {
    const i = fromArray(new Int32Array([2 ** 31 - 1, 1, -5, 7]), { shape: [2, 2], device: cpu });
    expect([...(await sum(i, { axes: 1 }).toArray())]).toEqual([-(2 ** 31), 2]);
    expect([...(await max(i, { axes: 0 }).toArray())]).toEqual([2 ** 31 - 1, 7]);
    expect([...(await min(i).toArray())]).toEqual([-5]);
    const u = fromArray(new Uint32Array([0xffffffff, 2, 0xfffffffe, 0xfffffffe]), { device: cpu });
    expect([...(await sum(u).toArray())]).toEqual([(0xffffffff + 2 + 0xfffffffe + 0xfffffffe) % 2 ** 32]);
    // Big i32 sums are exact mod 2³², not rounded through float64 past 2⁵³.
    const big = fromArray(new Int32Array(70_000).fill(2 ** 31 - 1), { device: cpu });
    expect([...(await sum(big).toArray())]).toEqual([Number(BigInt.asIntN(32, 70_000n * (2n ** 31n - 1n)))]);
  });

  it('empty integer max/min refuse like f32 ones', () => {
    for (const data of [new Int32Array(0), new Uint32Array(0)]) {
      const t = fromArray(data, { device: cpu });
      expect(() => max(t)).toThrow(ShapeError);
      expect(() => min(t)).toThrow(ShapeError);
    }
  });

  it('holds float64 values exactly on the f64 device', async () => {
    const f64 = createCpuDevice({ precision: 'f64' });
    const x = fromFloat64Array([0.1, 0.2, 0.3], [3], f64);
    expect([...(await toFloat64Array(sum(x)))]).toEqual([0.1 + 0.2 + 0.3]);
  });
});

describe('argmax / argmin', () => {
  it('give the first index of the extreme along any axis', async () => {
    const x = fromArray([3, 1, 3, 0, 2, 5, 5, 0, 1, -1, 9, 9], { shape: [2, 3, 2], device: cpu });
    // Along axis 1, per (outer, inner): [3, 3, 2], [1, 0, 5], [5, 1, 9], [0, −1, 9].
    expect([...(await argmax(x, 1).toArray())]).toEqual([0, 2, 2, 2]);
    expect([...(await argmin(x, 1).toArray())]).toEqual([2, 1, 1, 1]);
    expect([...(await argmax(x, -1).toArray())]).toEqual([0, 0, 1, 0, 0, 0]);
    expect([...(await argmax(x, 0).toArray())]).toEqual([1, 0, 0, 0, 1, 1]);
    expect(argmax(x, 1, true).shape).toEqual([2, 1, 2]);
    expect(argmax(x, 1, true).dtype).toBe('i32');
  });

  it('NaN counts as the extreme and the first NaN wins', async () => {
    const x = fromArray([1, NaN, 5, NaN, -Infinity, 2, 7, 7], { shape: [2, 4], device: cpu });
    expect([...(await argmax(x, 1).toArray())]).toEqual([1, 2]);
    expect([...(await argmin(x, 1).toArray())]).toEqual([1, 0]);
  });

  it('handles rows of 1, 64 and 65 elements and i32 input', async () => {
    for (const n of [1, 64, 65]) {
      const data = values(3 * n, n);
      const x = fromArray(data, { shape: [3, n], device: cpu });
      const expected = [0, 1, 2].map((r) => {
        const row = data.slice(r * n, (r + 1) * n);
        return row.indexOf(Math.max(...row));
      });
      expect([...(await argmax(x).toArray())]).toEqual(expected);
    }
    expect([...(await argmin(fromArray(new Int32Array([4, -2, -2, 8]), { device: cpu })).toArray())]).toEqual([1]);
  });
});
