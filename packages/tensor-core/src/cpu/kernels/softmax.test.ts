import { describe, expect, it } from 'vitest';
import {
  createCpuDevice,
  fromArray,
  fromFloat64Array,
  logSoftmax,
  logSoftmaxBackward,
  softmax,
  softmaxBackward,
  toFloat64Array,
  type Tensor,
} from '../../index.js';

const cpu = createCpuDevice();
const f64 = createCpuDevice({ precision: 'f64' });

function values(n: number, seed: number, scale = 3): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.fround(((s / 2 ** 32) * 2 - 1) * scale);
  });
}

/** Calls f(row) on the index list of every row along `axis`. */
function rows(shape: readonly number[], axis: number, f: (idx: number[]) => void): void {
  const inner = shape.slice(axis + 1).reduce((a, b) => a * b, 1);
  const outer = shape.slice(0, axis).reduce((a, b) => a * b, 1);
  const n = shape[axis]!;
  for (let o = 0; o < outer; o++) for (let i = 0; i < inner; i++) f(Array.from({ length: n }, (_, k) => (o * n + k) * inner + i));
}

/** Textbook softmax / log-softmax (float64, max-shifted) and the Jacobian-vector products of each. */
function reference(x: readonly number[], shape: readonly number[], axis: number) {
  const soft = new Array<number>(x.length);
  const logSoft = new Array<number>(x.length);
  rows(shape, axis, (idx) => {
    const m = Math.max(...idx.map((i) => x[i]!));
    const z = idx.reduce((s, i) => s + Math.exp(x[i]! - m), 0);
    for (const i of idx) {
      soft[i] = Math.exp(x[i]! - m) / z;
      logSoft[i] = x[i]! - m - Math.log(z);
    }
  });
  return { soft, logSoft };
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (!Number.isFinite(e)) expect(a, `element ${i}`).toBe(e);
    else expect(Math.abs(a - e), `element ${i}: ${a} vs ${e}`).toBeLessThanOrEqual(tol * (1 + Math.abs(e)));
  }
}

const SHAPES: [number[], number][] = [
  [[1], 0],
  [[7], 0],
  [[63], 0],
  [[64], 0],
  [[2, 65], 1],
  [[3, 4, 5], 0],
  [[3, 4, 5], 1],
  [[3, 4, 5], 2],
  [[65, 3], 0],
];

describe('softmax / logSoftmax forward', () => {
  for (const [shape, axis] of SHAPES) {
    it(`[${shape}] along axis ${axis}`, async () => {
      const n = shape.reduce((a, b) => a * b, 1);
      const data = values(n, n + axis);
      const x = fromArray(data, { shape, device: cpu });
      const ref = reference(data, shape, axis);
      expectClose(await toFloat64Array(softmax(x, axis)), ref.soft, 1e-6);
      expectClose(await toFloat64Array(logSoftmax(x, axis)), ref.logSoft, 1e-6);
    });
  }

  it('is stable for huge logits and exact for a −Inf entry', async () => {
    const x = fromArray([1000, 1001, -Infinity, -1000, -1001, -999], { shape: [2, 3], device: cpu });
    const e = Math.exp(-1);
    const z = 1 + e + e * e;
    expectClose(await toFloat64Array(softmax(x)), [e / (1 + e), 1 / (1 + e), 0, e / z, (e * e) / z, 1 / z], 1e-6);
    const ls = await toFloat64Array(logSoftmax(x));
    expect(ls[2]).toBe(-Infinity);
    expectClose([ls[0]!, ls[1]!], [-1 - Math.log1p(e), -Math.log1p(e)], 1e-6);
  });

  it('gives NaN for a row of all −Inf (as PyTorch) and for a row with NaN, leaving other rows alone', async () => {
    const x = fromArray([-Infinity, -Infinity, 1, NaN, 0, 0], { shape: [3, 2], device: cpu });
    for (const f of [softmax, logSoftmax]) {
      const y = await toFloat64Array(f(x));
      expect(y.slice(0, 4).every(Number.isNaN)).toBe(true);
      expect(Number.isNaN(y[4]!)).toBe(false);
    }
  });

  it('handles empty tensors and empty axes', async () => {
    expect((await toFloat64Array(softmax(fromArray([], { shape: [0, 3], device: cpu })))).length).toBe(0);
    expect(logSoftmax(fromArray([], { shape: [3, 0], device: cpu })).shape).toEqual([3, 0]);
  });
});

/** Central differences of L(x) = Σ g ⊙ f(x) on the float64 device. */
async function finiteDifference(f: (x: Tensor) => Tensor, x: number[], shape: number[], g: number[]): Promise<number[]> {
  const h = 1e-6;
  const loss = async (v: number[]) => (await toFloat64Array(f(fromFloat64Array(v, shape, f64)))).reduce((s, y, i) => s + y * g[i]!, 0);
  const out: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const plus = [...x];
    const minus = [...x];
    plus[i]! += h;
    minus[i]! -= h;
    out.push(((await loss(plus)) - (await loss(minus))) / (2 * h));
  }
  return out;
}

describe('softmaxBackward / logSoftmaxBackward match finite differences (float64 device)', () => {
  for (const [shape, axis] of [
    [[5], 0],
    [[3, 4, 5], 1],
    [[2, 3, 4], 2],
    [[4, 3], 0],
  ] as [number[], number][]) {
    it(`[${shape}] along axis ${axis}`, async () => {
      const n = shape.reduce((a, b) => a * b, 1);
      const x = values(n, 3 * n + axis);
      const g = values(n, 5 * n + axis, 1);
      const gT = fromFloat64Array(g, shape, f64);

      const y = softmax(fromFloat64Array(x, shape, f64), axis);
      const dx = await toFloat64Array(softmaxBackward(y, gT, axis));
      expectClose(dx, await finiteDifference((t) => softmax(t, axis), x, shape, g), 1e-8);

      const ly = logSoftmax(fromFloat64Array(x, shape, f64), axis);
      const ldx = await toFloat64Array(logSoftmaxBackward(ly, gT, axis));
      expectClose(ldx, await finiteDifference((t) => logSoftmax(t, axis), x, shape, g), 1e-8);
    });
  }

  it('softmaxBackward uses only y: dx = y ⊙ (g − Σ g ⊙ y) by hand', async () => {
    const y = fromArray([0.5, 0.25, 0.25], { device: cpu });
    const g = fromArray([1, 2, 4], { device: cpu });
    // Σ g·y = 0.5 + 0.5 + 1 = 2.
    expectClose(await toFloat64Array(softmaxBackward(y, g)), [0.5 * (1 - 2), 0.25 * (2 - 2), 0.25 * (4 - 2)], 1e-7);
    const ly = fromArray([Math.log(0.5), Math.log(0.25), Math.log(0.25)], { device: cpu });
    // Σ g = 7.
    expectClose(await toFloat64Array(logSoftmaxBackward(ly, g)), [1 - 0.5 * 7, 2 - 0.25 * 7, 4 - 0.25 * 7], 1e-6);
  });
});
