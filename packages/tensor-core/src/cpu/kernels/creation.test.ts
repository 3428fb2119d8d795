import { describe, expect, it } from 'vitest';
import {
  arange,
  createCpuDevice,
  dropoutMask,
  full,
  Generator,
  ones,
  philoxNormalFill,
  philoxUniformFill,
  rand,
  randn,
  toFloat64Array,
  zeros,
  type Tensor,
} from '../../index.js';

const values = (t: Tensor): number[] => Array.from(t.toArraySync() as ArrayLike<number>);
const f64 = createCpuDevice({ precision: 'f64' });

function meanAndStd(xs: readonly number[]): { mean: number; std: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / xs.length;
  return { mean, std: Math.sqrt(variance) };
}

describe('fill', () => {
  it('fills every dtype, converting the value as cast does', () => {
    expect(values(full([2, 2], 1.5))).toEqual([1.5, 1.5, 1.5, 1.5]);
    expect(values(full([3], 0.1))).toEqual([Math.fround(0.1), Math.fround(0.1), Math.fround(0.1)]);
    expect(values(full([2], -3.7, { dtype: 'i32' }))).toEqual([-3, -3]);
    expect(values(full([1], NaN, { dtype: 'i32' }))).toEqual([0]);
    expect(values(full([1], 1e10, { dtype: 'i32' }))).toEqual([2147483647]);
    expect(values(full([1], -1, { dtype: 'u32' }))).toEqual([0]);
    expect(values(full([2], 0.5, { dtype: 'bool' }))).toEqual([1, 1]);
    expect(values(full([1], 0, { dtype: 'bool' }))).toEqual([0]);
    expect(values(full([2], -Infinity))).toEqual([-Infinity, -Infinity]);
    expect(values(full([1], NaN))).toEqual([NaN]);
  });

  it('handles 0-d and 0-size shapes', () => {
    expect(values(ones([]))).toEqual([1]);
    expect(zeros([0, 5]).shape).toEqual([0, 5]);
    expect(values(zeros([0, 5]))).toEqual([]);
  });

  it('keeps the exact double on the float64 device', async () => {
    expect(Array.from(await toFloat64Array(full([2], 0.1, { device: f64 })))).toEqual([0.1, 0.1]);
  });
});

describe('arange', () => {
  it('counts in i32 by default and in f32 when asked', () => {
    expect(values(arange(5))).toEqual([0, 1, 2, 3, 4]);
    expect(arange(5).dtype).toBe('i32');
    expect(values(arange(1, 3, 0.5, { dtype: 'f32' }))).toEqual([1, 1.5, 2, 2.5]);
    expect(values(arange(3, 0, -1))).toEqual([3, 2, 1]);
    expect(values(arange(0))).toEqual([]);
  });

  it('computes start + i·step in float64, then converts (i32 truncates toward zero)', () => {
    expect(values(arange(-1, 1, 0.5))).toEqual([-1, 0, 0, 0]);
    expect(values(arange(0, 1, 0.1, { dtype: 'f32' }))).toEqual(Array.from({ length: 10 }, (_, i) => Math.fround(i * 0.1)));
    expect(values(arange(4294967290, 4294967295, 2, { dtype: 'u32' }))).toEqual([4294967290, 4294967292, 4294967294]);
  });
});

describe('randomUniform (rand)', () => {
  it('is a pure function of (seed, offset): same state, same numbers; another offset, other numbers', () => {
    const a = values(rand([1000], { seed: 42, offset: 3 }));
    expect(values(rand([1000], { seed: 42, offset: 3 }))).toEqual(a);
    const b = values(rand([1000], { seed: 42, offset: 4 }));
    const c = values(rand([1000], { seed: 43, offset: 3 }));
    expect(b.filter((v, i) => v === a[i]).length).toBeLessThan(5);
    expect(c.filter((v, i) => v === a[i]).length).toBeLessThan(5);
  });

  it('equals philoxUniformFill bit for bit, and a generator advances its offset per call', () => {
    const want = new Float32Array(1001);
    philoxUniformFill(7, 2, want);
    expect(values(rand([7, 11, 13], { seed: 7, offset: 2 }))).toEqual(Array.from(want));
    const g = new Generator(7, 2);
    expect(values(rand([1001], { generator: g }))).toEqual(Array.from(want));
    expect(g.offset).toBe(3);
    expect(values(rand([1001], { generator: g }))).not.toEqual(Array.from(want));
  });

  it('has mean ≈ 0.5 and variance ≈ 1/12 over 100k samples, all in [0, 1)', () => {
    const xs = values(rand([100_000], { seed: 1, offset: 0 }));
    const { mean, std } = meanAndStd(xs);
    // The standard error of the mean is 0.289/√100000 ≈ 0.0009.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(std - Math.sqrt(1 / 12))).toBeLessThan(0.005);
    expect(xs.every((v) => v >= 0 && v < 1)).toBe(true);
  });

  it('maps to [low, high)', () => {
    const xs = values(rand([10_000], { seed: 5, offset: 0, low: -2, high: 6 }));
    const u = new Float64Array(10_000);
    philoxUniformFill(5, 0, u);
    expect(xs).toEqual(Array.from(u, (v) => Math.fround(-2 + 8 * v)));
    expect(xs.every((v) => v >= -2 && v < 6)).toBe(true);
  });

  it('produces empty and scalar tensors', () => {
    expect(rand([0], { seed: 1 }).shape).toEqual([0]);
    expect(values(rand([], { seed: 1 })).length).toBe(1);
  });
});

describe('randomNormal (randn)', () => {
  it('has mean ≈ 0 and std ≈ 1 over 100k samples', () => {
    const { mean, std } = meanAndStd(values(randn([100_000], { seed: 3, offset: 1 })));
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(std - 1)).toBeLessThan(0.02);
  });

  it('equals philoxNormalFill (rounded to f32; exact on the float64 device) and repeats per state', async () => {
    const want = new Float64Array(257);
    philoxNormalFill(11, 6, want);
    expect(values(randn([257], { seed: 11, offset: 6 }))).toEqual(Array.from(want, Math.fround));
    expect(Array.from(await toFloat64Array(randn([257], { seed: 11, offset: 6, device: f64 })))).toEqual(Array.from(want));
    expect(values(randn([257], { seed: 11, offset: 7 }))).not.toEqual(Array.from(want, Math.fround));
  });

  it('scales by std and shifts by mean', async () => {
    const n = new Float64Array(100);
    philoxNormalFill(2, 0, n);
    const got = await toFloat64Array(randn([100], { seed: 2, offset: 0, mean: 3, std: 0.5, device: f64 }));
    expect(Array.from(got)).toEqual(Array.from(n, (v) => 3 + 0.5 * v));
  });
});

describe('dropoutMask', () => {
  it.each([0.1, 0.5, 0.9])('keeps a fraction ≈ 1 − p of 100k elements (p = %f)', (p) => {
    const keep = values(dropoutMask([100_000], p, { seed: 9, offset: 0 }));
    const fraction = keep.reduce((a, b) => a + b, 0) / keep.length;
    expect(Math.abs(fraction - (1 - p))).toBeLessThan(0.01);
    expect(keep.every((v) => v === 0 || v === 1)).toBe(true);
  });

  it('keeps everything at p = 0 and drops everything at p = 1', () => {
    expect(values(dropoutMask([5000], 0, { seed: 1, offset: 0 })).every((v) => v === 1)).toBe(true);
    expect(values(dropoutMask([5000], 1, { seed: 1, offset: 0 })).every((v) => v === 0)).toBe(true);
  });

  it('is exactly philoxUniform(i) ≥ p, across chunk boundaries', () => {
    const n = 10_007;
    const u = new Float64Array(n);
    philoxUniformFill(123, 45, u);
    const mask = dropoutMask([n], 0.3, { seed: 123, offset: 45 });
    expect(mask.dtype).toBe('bool');
    expect(values(mask)).toEqual(Array.from(u, (v) => (v >= 0.3 ? 1 : 0)));
  });

  it('regenerates the same mask from the same state, and another mask from another offset', () => {
    const a = values(dropoutMask([4, 64], 0.5, { seed: 8, offset: 1 }));
    expect(values(dropoutMask([4, 64], 0.5, { seed: 8, offset: 1 }))).toEqual(a);
    expect(values(dropoutMask([4, 64], 0.5, { seed: 8, offset: 2 }))).not.toEqual(a);
    expect(dropoutMask([0, 3], 0.5, { seed: 8 }).shape).toEqual([0, 3]);
  });
});
