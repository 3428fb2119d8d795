import { describe, expect, it } from 'vitest';
import {
  add,
  BINARY_FNS,
  binary,
  compare,
  COMPARE_FNS,
  createCpuDevice,
  div,
  DTypeError,
  fromArray,
  fromFloat64Array,
  logical,
  maximum,
  minimum,
  mul,
  numel,
  pow,
  scalar,
  slice,
  sub,
  toFloat64Array,
  where,
  type BinaryFn,
  type Shape,
  type Tensor,
} from '../../index.js';

const values = (t: Tensor): number[] => Array.from(t.toArraySync() as ArrayLike<number>);
const f64 = createCpuDevice({ precision: 'f64' });

/** Deterministic small values (some negative, some repeated) so comparisons see ties. */
const seq = (n: number, salt = 0): number[] => Array.from({ length: n }, (_, i) => (((i * 7 + salt * 13) % 11) - 5) / 2);

/** Naive broadcasting reference: unravel every output index and read each operand with NumPy's rule. */
function broadcastReference(out: Shape, operands: { shape: Shape; data: number[] }[], f: (...v: number[]) => number): number[] {
  const n = numel(out);
  const result: number[] = [];
  for (let flat = 0; flat < n; flat++) {
    const index: number[] = [];
    let rest = flat;
    for (let d = out.length - 1; d >= 0; d--) {
      index[d] = rest % out[d]!;
      rest = Math.floor(rest / out[d]!);
    }
    const args = operands.map(({ shape, data }) => {
      let at = 0;
      for (let d = 0; d < shape.length; d++) at = at * shape[d]! + (shape[d] === 1 ? 0 : index[d + out.length - shape.length]!);
      return data[at]!;
    });
    result.push(f(...args));
  }
  return result;
}

const BROADCAST_CASES: [Shape, Shape, Shape][] = [
  [[5], [5], [5]],
  [[2, 3], [3], [2, 3]],
  [
    [2, 1],
    [1, 3],
    [2, 3],
  ],
  [[], [2, 2], [2, 2]],
  [
    [4, 1, 3],
    [2, 1],
    [4, 2, 3],
  ],
  [[1], [3, 1, 1], [3, 1, 1]],
  [
    [2, 1, 4, 1],
    [3, 1, 5],
    [2, 3, 4, 5],
  ],
  [
    [3, 4, 5],
    [1, 4, 1],
    [3, 4, 5],
  ],
  [[0, 3], [3], [0, 3]],
  [
    [2, 0],
    [2, 1],
    [2, 0],
  ],
  [[65], [1], [65]],
  [[1], [64], [64]],
];

const JS_BINARY: { [F in BinaryFn]: (a: number, b: number) => number } = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  pow: (a, b) => (a === 1 ? 1 : a ** b),
  maximum: (a, b) => Math.max(a, b),
  minimum: (a, b) => Math.min(a, b),
};

describe('binary', () => {
  it.each(BROADCAST_CASES)('broadcasts %j with %j to %j like NumPy', (as, bs, outShape) => {
    const a = seq(numel(as), 1);
    const b = seq(numel(bs), 2).map((v) => v + 0.25);
    for (const fn of BINARY_FNS) {
      const out = binary(fromArray(a, { shape: as }), fromArray(b, { shape: bs }), fn);
      expect(out.shape).toEqual(outShape);
      const want = broadcastReference(
        outShape,
        [
          { shape: as, data: a },
          { shape: bs, data: b },
        ],
        JS_BINARY[fn],
      ).map(Math.fround);
      expect(values(out)).toEqual(want);
    }
  });

  it.each([0, 1, 63, 64, 65, 1000])('adds same-shape tensors of %i elements', (n) => {
    const a = seq(n, 3);
    const b = seq(n, 4);
    expect(values(add(fromArray(a, { shape: [n] }), fromArray(b, { shape: [n] })))).toEqual(a.map((v, i) => v + b[i]!));
  });

  it('propagates NaN and ±Inf by IEEE rules; maximum/minimum propagate NaN', () => {
    const a = fromArray([Infinity, NaN, 1, -Infinity, 0, 1]);
    const b = fromArray([-Infinity, 1, NaN, -Infinity, 0, 0]);
    expect(values(add(a, b))).toEqual([NaN, NaN, NaN, -Infinity, 0, 1]);
    expect(values(sub(a, b))).toEqual([Infinity, NaN, NaN, NaN, 0, 1]);
    expect(values(mul(a, b))).toEqual([-Infinity, NaN, NaN, Infinity, 0, 0]);
    expect(values(div(a, b))).toEqual([NaN, NaN, NaN, NaN, NaN, Infinity]);
    expect(values(maximum(a, b))).toEqual([Infinity, NaN, NaN, -Infinity, 0, 1]);
    expect(values(minimum(a, b))).toEqual([-Infinity, NaN, NaN, -Infinity, 0, 0]);
  });

  it('pow follows C at the special points: 1^y = 1, x^0 = 1, negative base with a fractional exponent is NaN', () => {
    const x = fromArray([1, 1, NaN, -8, 2, 0]);
    const y = fromArray([NaN, Infinity, 0, 1 / 3, -1, -1]);
    expect(values(pow(x, y))).toEqual([1, 1, 1, NaN, 0.5, Infinity]);
  });

  it('i32 arithmetic wraps to 32 bits and division truncates toward zero (x / 0 = x)', () => {
    const i = (v: number[]) => fromArray(v, { dtype: 'i32' });
    const a = i([7, -7, 7, -7, 5, -2147483648, 2147483647, 123456789]);
    const b = i([2, 2, -2, -2, 0, -1, 1, 987654321]);
    expect(values(div(a, b))).toEqual([3, -3, -3, 3, 5, -2147483648, 2147483647, 0]);
    expect(values(add(a, b))).toEqual([9, -5, 5, -9, 5, 2147483647, -2147483648, 1111111110]);
    expect(values(sub(i([-2147483648]), i([1])))).toEqual([2147483647]);
    expect(values(mul(a, b))).toEqual([14, -14, -14, 14, 0, -2147483648, 2147483647, Number(BigInt.asIntN(32, 123456789n * 987654321n))]);
    expect(values(maximum(a, b))).toEqual([7, 2, 7, -2, 5, -1, 2147483647, 987654321]);
  });

  it('u32 arithmetic wraps mod 2³²', () => {
    const u = (v: number[]) => fromArray(v, { dtype: 'u32' });
    expect(values(sub(u([0, 5]), u([1, 3])))).toEqual([4294967295, 2]);
    expect(values(add(u([4294967295]), u([2])))).toEqual([1]);
    expect(values(mul(u([4000000000]), u([3000000000])))).toEqual([Number(BigInt.asUintN(32, 4000000000n * 3000000000n))]);
    expect(values(div(u([4294967295, 9]), u([2, 0])))).toEqual([2147483647, 9]);
  });

  it('reads views with an element offset (rows sliced from a matrix)', () => {
    const m = fromArray([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]);
    const rows = slice(m, [1], [3]);
    expect(rows.offset).toBe(3);
    expect(values(add(rows, fromArray([10, 20, 30])))).toEqual([14, 25, 36, 17, 28, 39]);
    expect(values(mul(slice(m, [2], [3]), slice(m, [0], [1])))).toEqual([7, 16, 27]);
  });

  it('computes in double precision on the float64 device', async () => {
    const out = add(fromFloat64Array([0.1, 1], [2], f64), fromFloat64Array([0.2, 1e-12], [2], f64));
    expect(Array.from(await toFloat64Array(out))).toEqual([0.1 + 0.2, 1 + 1e-12]);
    expect(values(add(fromArray([0.1]), fromArray([0.2])))).toEqual([Math.fround(Math.fround(0.1) + Math.fround(0.2))]);
  });
});

describe('binaryScalar', () => {
  it('applies the scalar on either side', () => {
    const x = fromArray([1, 2, 4]);
    expect(values(sub(x, 1))).toEqual([0, 1, 3]);
    expect(values(sub(1, x))).toEqual([0, -1, -3]);
    expect(values(div(1, x))).toEqual([1, 0.5, 0.25]);
    expect(values(pow(x, 2))).toEqual([1, 4, 16]);
    expect(values(pow(2, x))).toEqual([2, 4, 16]);
    expect(values(maximum(fromArray([NaN, -1]), 0))).toEqual([NaN, 0]);
    expect(values(add(fromArray([], { shape: [0] }), 1))).toEqual([]);
  });

  it('rounds the scalar to f32 on the f32 device and keeps it exact on the float64 device', async () => {
    expect(values(add(fromArray([0]), 0.1))).toEqual([Math.fround(0.1)]);
    expect(values(mul(fromArray([3]), 0.1))).toEqual([Math.fround(3 * Math.fround(0.1))]);
    expect(Array.from(await toFloat64Array(mul(fromFloat64Array([3], [1], f64), 0.1)))).toEqual([3 * 0.1]);
  });

  it('converts the scalar for integer tensors like an Int32Array/Uint32Array store', () => {
    expect(values(add(fromArray([5, 0], { dtype: 'u32' }), -1))).toEqual([4, 4294967295]);
    expect(() => add(fromArray([5, -5], { dtype: 'i32' }), 2.9)).toThrow(/not an integer.*cast the tensor to f32/);
    expect(values(div(fromArray([7, -7], { dtype: 'i32' }), 2))).toEqual([3, -3]);
    expect(values(div(100, fromArray([7, -7, 0], { dtype: 'i32' })))).toEqual([14, -14, 100]);
    expect(values(mul(fromArray([65536], { dtype: 'i32' }), 65536))).toEqual([0]);
  });

  it('rejects pow on integers', () => {
    expect(() => pow(fromArray([2], { dtype: 'i32' }), 2)).toThrow(DTypeError);
  });
});

describe('compare', () => {
  const JS_COMPARE = {
    eq: (a: number, b: number) => a === b,
    ne: (a: number, b: number) => a !== b,
    lt: (a: number, b: number) => a < b,
    le: (a: number, b: number) => a <= b,
    gt: (a: number, b: number) => a > b,
    ge: (a: number, b: number) => a >= b,
  };

  it.each(COMPARE_FNS)('%s: NaN compares false except ne; −0 equals 0; broadcasting gives bool', (fn) => {
    const a = [NaN, NaN, 1, -0, -Infinity, 2, 3];
    const b = [NaN, 1, NaN, 0, -Infinity, 3, 2];
    const out = compare(fromArray(a), fromArray(b), fn);
    expect(out.dtype).toBe('bool');
    expect(values(out)).toEqual(a.map((v, i) => (JS_COMPARE[fn](v, b[i]!) ? 1 : 0)));
    const col = [1, 2, 3];
    const row = [2, 2];
    const bc = compare(fromArray(col, { shape: [3, 1] }), fromArray(row, { shape: [1, 2] }), fn);
    expect(values(bc)).toEqual(
      broadcastReference(
        [3, 2],
        [
          { shape: [3, 1], data: col },
          { shape: [1, 2], data: row },
        ],
        (x, y) => (JS_COMPARE[fn](x!, y!) ? 1 : 0),
      ),
    );
  });

  it('compares integers and bools exactly', () => {
    const i = (v: number[]) => fromArray(v, { dtype: 'i32' });
    expect(values(compare(i([2147483647, -2147483648]), i([2147483646, -2147483648]), 'gt'))).toEqual([1, 0]);
    expect(values(compare(fromArray([16777217], { dtype: 'u32' }), fromArray([16777216], { dtype: 'u32' }), 'ne'))).toEqual([1]);
    expect(values(compare(fromArray([true, false]), fromArray([true, true]), 'eq'))).toEqual([1, 0]);
  });
});

describe('logical', () => {
  it('computes and/or/xor with broadcasting', () => {
    const a = fromArray([true, true, false, false], { shape: [4, 1] });
    const b = fromArray([true, false], { shape: [2] });
    expect(values(logical(a, b, 'and'))).toEqual([1, 0, 1, 0, 0, 0, 0, 0]);
    expect(values(logical(a, b, 'or'))).toEqual([1, 1, 1, 1, 1, 0, 1, 0]);
    expect(values(logical(a, b, 'xor'))).toEqual([0, 1, 0, 1, 1, 0, 1, 0]);
    expect(values(logical(scalar(true), fromArray([true, false]), 'and'))).toEqual([1, 0]);
  });
});

describe('where', () => {
  it('broadcasts condition and both branches together', () => {
    const cond = [true, false];
    const a = [1, 2, 3];
    const out = where(fromArray(cond, { shape: [2, 1] }), fromArray(a, { shape: [1, 3] }), scalar(-1));
    expect(out.shape).toEqual([2, 3]);
    expect(values(out)).toEqual([1, 2, 3, -1, -1, -1]);
    const shapes: Shape[] = [
      [4, 1, 3],
      [2, 1],
      [1, 2, 3],
    ];
    const c = seq(12).map((v) => v > 0);
    const x = seq(2, 5);
    const y = seq(6, 6);
    const got = where(fromArray(c, { shape: shapes[0] }), fromArray(x, { shape: shapes[1] }), fromArray(y, { shape: shapes[2] }));
    const want = broadcastReference(
      [4, 2, 3],
      [
        { shape: shapes[0]!, data: c.map(Number) },
        { shape: shapes[1]!, data: x },
        { shape: shapes[2]!, data: y },
      ],
      (k, p, q) => (k ? p! : q!),
    );
    expect(values(got)).toEqual(want);
  });

  it('passes NaN through from the chosen branch only, and keeps dtype', () => {
    const cond = fromArray([true, false, true]);
    expect(values(where(cond, fromArray([NaN, NaN, 1]), fromArray([0, 2, NaN])))).toEqual([NaN, 2, 1]);
    const i = where(cond, fromArray([-2147483648, 0, 7], { dtype: 'i32' }), fromArray([1, 2, 3], { dtype: 'i32' }));
    expect(i.dtype).toBe('i32');
    expect(values(i)).toEqual([-2147483648, 2, 7]);
    expect(values(where(cond, fromArray([false, false, false]), scalar(true)))).toEqual([0, 1, 0]);
    expect(where(fromArray([], { shape: [0], dtype: 'bool' }), scalar(1), scalar(2)).shape).toEqual([0]);
  });
});
