import { describe, expect, it } from 'vitest';
import { createCpuDevice, crossEntropy, crossEntropyBackward, fromArray, fromFloat64Array, IndexError, toFloat64Array } from '../../index.js';

const cpu = createCpuDevice();
const f64 = createCpuDevice({ precision: 'f64' });
const targets = (t: number[], device = cpu) => fromArray(new Int32Array(t), { device });

function values(n: number, seed: number, scale = 4): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.fround(((s / 2 ** 32) * 2 - 1) * scale);
  });
}

/** −log softmax(x)[t] per row in float64, via a max-shifted logsumexp; ignored rows give 0. */
function reference(x: readonly number[], N: number, V: number, t: readonly number[], ignoreIndex: number) {
  const lse: number[] = [];
  const loss: number[] = [];
  for (let r = 0; r < N; r++) {
    const row = x.slice(r * V, (r + 1) * V);
    const m = Math.max(...row);
    lse.push(m + Math.log(row.reduce((s, v) => s + Math.exp(v - m), 0)));
    loss.push(t[r] === ignoreIndex ? 0 : lse[r]! - row[t[r]!]!);
  }
  return { lse, loss };
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

describe('crossEntropy forward', () => {
  for (const [N, V] of [
    [1, 1],
    [3, 5],
    [64, 7],
    [65, 64],
    [2, 65],
    [0, 4],
  ] as const) {
    it(`[${N}, ${V}] with some ignored rows`, async () => {
      const x = values(N * V, N * 31 + V);
      const t = Array.from({ length: N }, (_, r) => (r % 5 === 3 ? -100 : (r * 7 + 1) % V));
      const ref = reference(x, N, V, t, -100);
      const { loss, lse } = crossEntropy(fromArray(x, { shape: [N, V], device: cpu }), targets(t));
      expectClose(await toFloat64Array(lse), ref.lse, 1e-6);
      expectClose(await toFloat64Array(loss), ref.loss, 1e-6);
    });
  }

  it('honours a custom ignoreIndex inside the class range', async () => {
    const { loss } = crossEntropy(fromArray([1, 2, 3, 4, 5, 6], { shape: [2, 3], device: cpu }), targets([2, 1]), 2);
    const ref = reference([1, 2, 3, 4, 5, 6], 2, 3, [2, 1], 2);
    expectClose(await toFloat64Array(loss), ref.loss, 1e-6);
    expect((await toFloat64Array(loss))[0]).toBe(0);
  });

  it('is stable for huge logits and handles −Inf and all −Inf rows', async () => {
    const x = [1000, 1001, 0, -Infinity, -Infinity, 2, -Infinity, -Infinity, -Infinity, Infinity, 0, 1];
    const { loss, lse } = crossEntropy(fromArray(x, { shape: [4, 3], device: cpu }), targets([0, 2, -100, 1]));
    const l = await toFloat64Array(lse);
    const e = Math.exp(-1);
    // Row 0: lse = 1001 + log(1 + e^−1 + e^−1001); row 1: only the 2 counts; row 2: all −Inf; row 3: +Inf.
    expectClose(l, [1001 + Math.log1p(e), 2, -Infinity, Infinity], 1e-6);
    expectClose(await toFloat64Array(loss), [1 + Math.log1p(e), 0, 0, Infinity], 1e-6);
    // A target whose logit is −Inf costs +Inf.
    const { loss: inf } = crossEntropy(fromArray([0, -Infinity], { shape: [1, 2], device: cpu }), targets([1]));
    expect([...(await toFloat64Array(inf))]).toEqual([Infinity]);
  });

  it('throws IndexError naming the row for a target out of range that is not ignoreIndex', () => {
    const x = fromArray([1, 2, 3, 4, 5, 6], { shape: [2, 3], device: cpu });
    expect(() => crossEntropy(x, targets([0, 3]))).toThrow(IndexError);
    expect(() => crossEntropy(x, targets([0, 3]))).toThrow(/target 3 in row 1 .*3 classes/);
    expect(() => crossEntropy(x, targets([-1, 0]))).toThrow(/target -1 in row 0/);
    expect(() => crossEntropyBackward(x, targets([0, 7]), fromArray([0, 0], { device: cpu }), fromArray([1, 1], { device: cpu }))).toThrow(/row 1/);
  });
});

describe('crossEntropyBackward', () => {
  for (const [N, V] of [
    [1, 1],
    [4, 5],
    [3, 9],
  ] as const) {
    it(`matches finite differences of Σ g·loss for [${N}, ${V}] (float64 device)`, async () => {
      const x = values(N * V, 7 * N + V);
      const t = Array.from({ length: N }, (_, r) => (r === 1 ? -100 : (r * 3) % V));
      const g = values(N, 11 * N, 1);
      const { lse } = crossEntropy(fromFloat64Array(x, [N, V], f64), targets(t, f64));
      const d = await toFloat64Array(crossEntropyBackward(fromFloat64Array(x, [N, V], f64), targets(t, f64), lse, fromFloat64Array(g, [N], f64)));
      const h = 1e-6;
      const loss = async (v: number[]) =>
        (await toFloat64Array(crossEntropy(fromFloat64Array(v, [N, V], f64), targets(t, f64)).loss)).reduce((s, l, r) => s + l * g[r]!, 0);
      const fd: number[] = [];
      for (let i = 0; i < x.length; i++) {
        const plus = x.map((v, j) => (j === i ? v + h : v));
        const minus = x.map((v, j) => (j === i ? v - h : v));
        fd.push(((await loss(plus)) - (await loss(minus))) / (2 * h));
      }
      expectClose(d, fd, 1e-8);
      if (N > 1) expect([...d.slice(V, 2 * V)]).toEqual(new Array(V).fill(0)); // the ignored row
    });
  }

  it('is g·(softmax − onehot) on the f32 device for 65 × 64, rows summing to 0', async () => {
    const [N, V] = [65, 64];
    const x = values(N * V, 3);
    const t = Array.from({ length: N }, (_, r) => (r * 13) % V);
    const g = values(N, 5, 1);
    const logits = fromArray(x, { shape: [N, V], device: cpu });
    const { lse } = crossEntropy(logits, targets(t));
    const d = await toFloat64Array(crossEntropyBackward(logits, targets(t), lse, fromArray(g, { device: cpu })));
    const ref = reference(x, N, V, t, -100);
    const expected = x.map((v, i) => {
      const r = Math.floor(i / V);
      return g[r]! * (Math.exp(v - ref.lse[r]!) - (i % V === t[r] ? 1 : 0));
    });
    expectClose(d, expected, 1e-6);
    for (let r = 0; r < N; r++) expect(Math.abs(d.slice(r * V, (r + 1) * V).reduce((s, v) => s + v, 0))).toBeLessThan(1e-6);
  });
});
