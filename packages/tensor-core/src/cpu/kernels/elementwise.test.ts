import { describe, expect, it } from 'vitest';
import {
  cast,
  clone,
  createCpuDevice,
  fromArray,
  fromFloat64Array,
  logicalNot,
  slice,
  toFloat64Array,
  unary,
  unaryBackward,
  UNARY_FNS,
  type Tensor,
  type UnaryFn,
} from '../../index.js';
import { erfcF64 } from '../../testing/reference.js';
import { erf, erfc } from './erf.js';

const values = (t: Tensor): number[] => Array.from(t.toArraySync() as ArrayLike<number>);
const f64 = createCpuDevice({ precision: 'f64' });

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/** Textbook definitions, written independently of unary-fns.ts. */
const REFERENCE: { [F in UnaryFn]: (x: number) => number } = {
  neg: (x) => -x,
  abs: (x) => Math.abs(x),
  sign: (x) => Math.sign(x),
  square: (x) => x ** 2,
  sqrt: (x) => Math.sqrt(x),
  rsqrt: (x) => x ** -0.5,
  reciprocal: (x) => 1 / x,
  exp: (x) => Math.exp(x),
  log: (x) => Math.log(x),
  log1p: (x) => Math.log1p(x),
  sin: (x) => Math.sin(x),
  cos: (x) => Math.cos(x),
  tanh: (x) => Math.tanh(x),
  sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  relu: (x) => (x > 0 ? x : 0),
  gelu: (x) => 0.5 * x * (1 + Math.tanh(SQRT_2_OVER_PI * (x + 0.044715 * x ** 3))),
  gelu_erf: (x) => 0.5 * x * erfcF64(-x / Math.SQRT2),
  elu: (x) => (x > 0 ? x : Math.exp(x) - 1),
  silu: (x) => x / (1 + Math.exp(-x)),
  floor: (x) => Math.floor(x),
  ceil: (x) => Math.ceil(x),
};

/** Points where every function is smooth and defined (positive, away from integers and 0). */
const SMOOTH_POINTS = [0.15, 0.4, 0.9, 1.3, 2.6, 3.7];

/** SMOOTH_POINTS and their negatives, inside fn's domain. */
function pointsFor(fn: UnaryFn): number[] {
  const lowest = ['sqrt', 'rsqrt', 'log'].includes(fn) ? 0 : fn === 'log1p' ? -1 : -Infinity;
  return [...SMOOTH_POINTS, ...SMOOTH_POINTS.map((x) => -x)].filter((x) => x > lowest);
}

describe('unary', () => {
  it.each(UNARY_FNS)('%s matches its definition, rounded once to f32', (fn) => {
    const xs = pointsFor(fn);
    const got = values(unary(fromArray(xs), fn));
    const want = xs.map((x) => Math.fround(REFERENCE[fn](Math.fround(x))));
    got.forEach((g, i) => expect(g).toBeCloseTo(want[i]!, 6));
  });

  it.each(UNARY_FNS)('%s propagates NaN', (fn) => {
    expect(values(unary(fromArray([NaN]), fn))).toEqual([NaN]);
  });

  it('takes limits instead of ∞·0 = NaN at ±Inf', () => {
    const at = (fn: UnaryFn) => values(unary(fromArray([-Infinity, Infinity]), fn));
    expect(at('gelu')).toEqual([-0, Infinity]);
    expect(at('gelu_erf')).toEqual([-0, Infinity]);
    expect(at('silu')).toEqual([-0, Infinity]);
    expect(at('sigmoid')).toEqual([0, 1]);
    expect(at('elu')).toEqual([-1, Infinity]);
    expect(at('relu')).toEqual([0, Infinity]);
    expect(at('tanh')).toEqual([-1, 1]);
    expect(at('exp')).toEqual([0, Infinity]);
    expect(values(unary(fromArray([-800, 800]), 'sigmoid'))).toEqual([0, 1]);
  });

  it('handles the special points of log, sqrt, reciprocal', () => {
    expect(values(unary(fromArray([0, -1]), 'log'))).toEqual([-Infinity, NaN]);
    expect(values(unary(fromArray([-1, -2]), 'log1p'))).toEqual([-Infinity, NaN]);
    expect(values(unary(fromArray([0, -1]), 'sqrt'))).toEqual([0, NaN]);
    expect(values(unary(fromArray([0, -0]), 'reciprocal'))).toEqual([Infinity, -Infinity]);
    expect(values(unary(fromArray([0]), 'rsqrt'))).toEqual([Infinity]);
  });

  it('computes GPT-2 gelu to float64 accuracy (x·σ(2u) equals ½x(1 + tanh u))', async () => {
    const xs = Array.from({ length: 81 }, (_, i) => -10 + i * 0.25);
    const got = await toFloat64Array(unary(fromFloat64Array(xs, [xs.length], f64), 'gelu'));
    xs.forEach((x, i) => expect(Math.abs(got[i]! - REFERENCE.gelu(x))).toBeLessThan(1e-15 * Math.max(1, Math.abs(x))));
  });

  it('computes erf and erfc to float64 accuracy (tabulated values, and erfc where it is tiny)', () => {
    // erf/erfc to 16 digits (Abramowitz & Stegun table 7.1; erfc(10) from its asymptotic series).
    const table: [number, number, number][] = [
      [0.1, 0.1124629160182849, 0.887537083981715],
      [0.5, 0.5204998778130465, 0.4795001221869535],
      [1, 0.8427007929497149, 0.1572992070502851],
      [2, 0.9953222650189527, 0.004677734981047266],
      [3, 0.9999779095030014, 2.209049699858544e-5],
      [5, 0.9999999999984626, 1.5374597944280349e-12],
      [10, 1, 2.088487583762545e-45],
    ];
    for (const [x, e, ec] of table) {
      expect(Math.abs(erf(x) - e) / e, `erf(${x})`).toBeLessThan(1e-15);
      expect(Math.abs(erf(-x) + e) / e, `erf(${-x})`).toBeLessThan(1e-15);
      expect(Math.abs(erfc(x) - ec) / ec, `erfc(${x})`).toBeLessThan(2e-13);
      expect(Math.abs(erfc(-x) - (2 - ec)), `erfc(${-x})`).toBeLessThan(1e-15);
    }
    expect([erf(0), erf(Infinity), erf(-Infinity), erfc(Infinity), erfc(-Infinity), erfc(30)]).toEqual([0, 1, -1, 0, 2, 0]);
    expect(erf(NaN)).toBeNaN();
    // Both expansions meet at 2 without a step, and agree with the reference's independent ones.
    for (let x = -6; x <= 26; x += 0.0137) expect(Math.abs(erfc(x) - erfcF64(x)) / erfcF64(x), `erfc(${x})`).toBeLessThan(1e-12);
  });

  it('computes the exact gelu, x·Φ(x), as PyTorch does (Φ(1), Φ(−1), Φ(−3) to 16 digits)', async () => {
    const got = await toFloat64Array(unary(fromFloat64Array([1, -1, -3, 0, 8], [5], f64), 'gelu_erf'));
    const want = [0.8413447460685429, -0.15865525393145707, -3 * 0.0013498980316300946, 0, 8];
    want.forEach((w, i) => expect(Math.abs(got[i]! - w)).toBeLessThan(1e-15 * Math.max(1, Math.abs(w))));
    // The tanh form is a different function: at x = 2 it is 9.8e-5 away.
    const tanhForm = await toFloat64Array(unary(fromFloat64Array([2], [1], f64), 'gelu'));
    expect(Math.abs(tanhForm[0]! - 2 * 0.9772498680518208)).toBeGreaterThan(5e-5);
  });

  it('keeps exactly the float64 result on the float64 device', async () => {
    const out = await toFloat64Array(unary(fromFloat64Array([0.1, 2], [2], f64), 'exp'));
    expect(Array.from(out)).toEqual([Math.exp(0.1), Math.exp(2)]);
  });

  it('wraps integer neg/abs/square to 32 bits like WGSL', () => {
    const i = fromArray([-2147483648, -5, 0, 7, 65536, 46341], { dtype: 'i32' });
    expect(values(unary(i, 'neg'))).toEqual([-2147483648, 5, 0, -7, -65536, -46341]);
    expect(values(unary(i, 'abs'))).toEqual([-2147483648, 5, 0, 7, 65536, 46341]);
    expect(values(unary(i, 'sign'))).toEqual([-1, -1, 0, 1, 1, 1]);
    expect(values(unary(i, 'square'))).toEqual([0, 25, 0, 49, 0, Number(BigInt.asIntN(32, 46341n * 46341n))]);
    const u = fromArray([0, 3, 4294967295, 100000], { dtype: 'u32' });
    expect(values(unary(u, 'neg'))).toEqual([0, 4294967293, 1, 4294867296]);
    expect(values(unary(u, 'square'))).toEqual([0, 9, 1, Number(BigInt.asUintN(32, 100000n * 100000n))]);
  });

  it('works on a 0-size tensor and on views with an offset', () => {
    expect(unary(fromArray([], { shape: [0, 3] }), 'exp').shape).toEqual([0, 3]);
    const m = fromArray([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(values(unary(slice(m, [1], [3]), 'neg'))).toEqual([-3, -4, -5, -6]);
  });
});

describe('unaryBackward', () => {
  it.each(UNARY_FNS.filter((fn) => !['sign', 'floor', 'ceil'].includes(fn)))('%s gives g·f′(x) matching central differences in float64', async (fn) => {
    const xs = pointsFor(fn);
    const g = xs.map((_, i) => 0.5 + i * 0.25);
    const dx = await toFloat64Array(unaryBackward(fromFloat64Array(xs, [xs.length], f64), fromFloat64Array(g, [g.length], f64), fn));
    const h = 1e-6;
    xs.forEach((x, i) => {
      const numeric = (g[i]! * (REFERENCE[fn](x + h) - REFERENCE[fn](x - h))) / (2 * h);
      expect(dx[i]).toBeCloseTo(numeric, 6);
    });
  });

  it('uses the conventional values at kinks and steps', () => {
    const x = fromArray([0, 0, 2.5]);
    const g = fromArray([3, 3, 3]);
    expect(values(unaryBackward(x, g, 'relu'))).toEqual([0, 0, 3]);
    expect(values(unaryBackward(x, g, 'abs'))).toEqual([0, 0, 3]);
    for (const fn of ['sign', 'floor', 'ceil'] as const) expect(values(unaryBackward(x, g, fn))).toEqual([0, 0, 0]);
    expect(values(unaryBackward(fromArray([-1.5]), fromArray([2]), 'abs'))).toEqual([-2]);
  });

  it('is finite where gelu, gelu_erf and silu saturate', () => {
    const x = fromArray([-Infinity, -1e30, 1e30, Infinity]);
    const g = fromArray([1, 1, 1, 1]);
    expect(values(unaryBackward(x, g, 'gelu'))).toEqual([0, 0, 1, 1]);
    expect(values(unaryBackward(x, g, 'gelu_erf'))).toEqual([0, 0, 1, 1]);
    expect(values(unaryBackward(x, g, 'silu'))).toEqual([0, 0, 1, 1]);
    expect(values(unaryBackward(x, g, 'sigmoid'))).toEqual([0, 0, 0, 0]);
  });

  it('propagates a NaN gradient', () => {
    expect(values(unaryBackward(fromArray([1]), fromArray([NaN]), 'exp'))).toEqual([NaN]);
  });
});

describe('cast', () => {
  it('f32 → i32 truncates toward zero, maps NaN to 0 and saturates', () => {
    const x = fromArray([2.7, -2.7, -0.5, NaN, Infinity, -Infinity, 3e9, -3e9, 2147483520]);
    expect(values(cast(x, 'i32'))).toEqual([2, -2, 0, 0, 2147483647, -2147483648, 2147483647, -2147483648, 2147483520]);
  });

  it('f32 → u32 truncates and saturates to [0, 2³² − 1]', () => {
    const x = fromArray([2.7, -2.7, NaN, Infinity, -Infinity, 5e9, 4294967040]);
    expect(values(cast(x, 'u32'))).toEqual([2, 0, 0, 4294967295, 0, 4294967295, 4294967040]);
  });

  it('→ bool is x ≠ 0 (NaN is true, −0 is false); bool → number is 0/1', () => {
    expect(values(cast(fromArray([0, -0, NaN, 0.25, -3]), 'bool'))).toEqual([0, 0, 1, 1, 1]);
    expect(values(cast(fromArray([-1, 0, 5], { dtype: 'i32' }), 'bool'))).toEqual([1, 0, 1]);
    const b = fromArray([true, false, true]);
    expect(values(cast(b, 'f32'))).toEqual([1, 0, 1]);
    expect(values(cast(b, 'i32'))).toEqual([1, 0, 1]);
    expect(values(cast(b, 'u32'))).toEqual([1, 0, 1]);
  });

  it('i32 ↔ u32 reinterprets two’s complement', () => {
    expect(values(cast(fromArray([-1, -2147483648, 7], { dtype: 'i32' }), 'u32'))).toEqual([4294967295, 2147483648, 7]);
    expect(values(cast(fromArray([4294967295, 2147483648, 7], { dtype: 'u32' }), 'i32'))).toEqual([-1, -2147483648, 7]);
  });

  it('integers → f32 round to nearest on the f32 device, exact on the float64 device', async () => {
    const i = [16777217, -16777219, 2147483647];
    expect(values(cast(fromArray(i, { dtype: 'i32' }), 'f32'))).toEqual(i.map(Math.fround));
    expect(Array.from(await toFloat64Array(cast(fromArray(i, { dtype: 'i32', device: f64 }), 'f32')))).toEqual(i);
  });

  it('to the same dtype is a copy', () => {
    const x = fromArray([1.5, NaN, -Infinity]);
    const y = cast(x, 'f32');
    expect(values(y)).toEqual([1.5, NaN, -Infinity]);
    expect(y.storage).not.toBe(x.storage);
  });
});

describe('copy and logicalNot', () => {
  it('clone copies a view’s own elements into a fresh storage', () => {
    const m = fromArray(
      [
        [1, 2, 3],
        [4, 5, 6],
      ],
      { dtype: 'i32' },
    );
    const row = slice(m, [1], [2]);
    const c = clone(row);
    expect(values(c)).toEqual([4, 5, 6]);
    expect(c.offset).toBe(0);
    expect(clone(fromArray([], { shape: [0] })).shape).toEqual([0]);
  });

  it('clone keeps float64 values on the float64 device', async () => {
    expect(Array.from(await toFloat64Array(clone(fromFloat64Array([0.1, 1 / 3], [2], f64))))).toEqual([0.1, 1 / 3]);
  });

  it('logicalNot flips masks', () => {
    expect(values(logicalNot(fromArray([true, false, false, true])))).toEqual([0, 1, 1, 0]);
  });
});
