import { describe, expect, it } from 'vitest';
import { createCpuDevice, fromArray, fromFloat64Array, layerNorm, layerNormBackward, toFloat64Array } from '../../index.js';

const cpu = createCpuDevice();
const f64 = createCpuDevice({ precision: 'f64' });

function values(n: number, seed: number, scale = 2, shift = 0): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.fround(((s / 2 ** 32) * 2 - 1) * scale + shift);
  });
}

/** Textbook layer norm in float64: per row mean, biased variance, y = (x − μ)/√(σ² + eps)·w + b. */
function reference(x: readonly number[], C: number, w: readonly number[], b: readonly number[], eps: number) {
  const rows = C === 0 ? 0 : x.length / C;
  const y: number[] = [];
  const mean: number[] = [];
  const rstd: number[] = [];
  for (let r = 0; r < rows; r++) {
    const row = x.slice(r * C, (r + 1) * C);
    const mu = row.reduce((a, v) => a + v, 0) / C;
    const variance = row.reduce((a, v) => a + (v - mu) ** 2, 0) / C;
    const rs = 1 / Math.sqrt(variance + eps);
    row.forEach((v, c) => y.push((v - mu) * rs * w[c]! + b[c]!));
    mean.push(mu);
    rstd.push(rs);
  }
  return { y, mean, rstd };
}

function expectClose(actual: ArrayLike<number>, expected: readonly number[], tol: number): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    expect(Math.abs(actual[i]! - expected[i]!), `element ${i}: ${actual[i]} vs ${expected[i]}`).toBeLessThanOrEqual(tol * (1 + Math.abs(expected[i]!)));
  }
}

describe('layerNorm forward', () => {
  const cases: [number[], number][] = [
    [[1], 1e-5],
    [[7], 1e-5],
    [[3, 5], 1e-5],
    [[2, 3, 64], 1e-5],
    [[65, 63], 1e-3],
    [[64, 65], 0],
    [[0, 4], 1e-5],
  ];
  for (const [shape, eps] of cases) {
    it(`[${shape}] eps ${eps}`, async () => {
      const C = shape[shape.length - 1]!;
      const n = shape.reduce((a, b) => a * b, 1);
      const x = values(n, n + C, 3, 0.5);
      const w = values(C, C + 1);
      const b = values(C, C + 2);
      const ref = reference(x, C, w, b, eps);
      const out = layerNorm(fromArray(x, { shape, device: cpu }), fromArray(w, { device: cpu }), fromArray(b, { device: cpu }), eps);
      expect(out.y.shape).toEqual(shape);
      expect(out.mean.shape).toEqual(shape.slice(0, -1));
      expectClose(await toFloat64Array(out.y), ref.y, 2e-6);
      expectClose(await toFloat64Array(out.mean), ref.mean, 1e-6);
      expectClose(await toFloat64Array(out.rstd), ref.rstd, 1e-6);
    });
  }

  it('does not lose the variance to cancellation when |mean| ≫ std (two-pass)', async () => {
    // x = 10⁴ + small offsets: E[x²] − E[x]² in float64 would keep ~8 digits of 10⁸; two passes keep them all.
    const x = [1e4 + 0.001, 1e4 - 0.001, 1e4 + 0.002, 1e4 - 0.002];
    const out = layerNorm(fromFloat64Array(x, [4], f64), fromArray([1, 1, 1, 1], { device: f64 }), fromArray([0, 0, 0, 0], { device: f64 }), 0);
    const ref = reference(x, 4, [1, 1, 1, 1], [0, 0, 0, 0], 0);
    expectClose(await toFloat64Array(out.y), ref.y, 1e-9);
  });

  it('gives y = b for a constant row (zero variance, eps > 0)', async () => {
    const out = layerNorm(fromArray([3, 3, 3], { device: cpu }), fromArray([2, 2, 2], { device: cpu }), fromArray([1, -1, 0.5], { device: cpu }));
    expect([...(await toFloat64Array(out.y))]).toEqual([1, -1, 0.5]);
  });
});

describe('layerNormBackward', () => {
  /** Central differences of L = Σ G ⊙ y(x, w, b) with respect to every element of x, w and b (float64 device). */
  async function finiteDifferences(x: number[], w: number[], b: number[], G: number[], shape: number[], eps: number) {
    const C = w.length;
    const h = 1e-6;
    const loss = async (xs: number[], ws: number[], bs: number[]) => {
      const { y } = layerNorm(fromFloat64Array(xs, shape, f64), fromFloat64Array(ws, [C], f64), fromFloat64Array(bs, [C], f64), eps);
      return (await toFloat64Array(y)).reduce((s, v, i) => s + v * G[i]!, 0);
    };
    const grad = async (which: 0 | 1 | 2) => {
      const base = [x, w, b][which]!;
      const out: number[] = [];
      for (let i = 0; i < base.length; i++) {
        const args = (d: number) => [x, w, b].map((a, k) => (k === which ? a.map((v, j) => (j === i ? v + d : v)) : a)) as [number[], number[], number[]];
        out.push(((await loss(...args(h))) - (await loss(...args(-h)))) / (2 * h));
      }
      return out;
    };
    return { dx: await grad(0), dw: await grad(1), db: await grad(2) };
  }

  for (const [shape, eps] of [
    [[5], 1e-5],
    [[3, 4], 1e-5],
    [[2, 3, 7], 0.1],
    [[1, 1], 1e-5],
  ] as [number[], number][]) {
    it(`matches finite differences for [${shape}] (eps ${eps})`, async () => {
      const C = shape[shape.length - 1]!;
      const n = shape.reduce((a, b) => a * b, 1);
      const x = values(n, 11 * n, 2, 1);
      const w = values(C, 13 * C);
      const b = values(C, 17 * C);
      const G = values(n, 19 * n);
      const fwd = layerNorm(fromFloat64Array(x, shape, f64), fromFloat64Array(w, [C], f64), fromFloat64Array(b, [C], f64), eps);
      const back = layerNormBackward(fromFloat64Array(G, shape, f64), fromFloat64Array(x, shape, f64), fromFloat64Array(w, [C], f64), fwd.mean, fwd.rstd);
      const fd = await finiteDifferences(x, w, b, G, shape, eps);
      expectClose(await toFloat64Array(back.dx), fd.dx, 1e-7);
      expectClose(await toFloat64Array(back.dweight), fd.dw, 1e-7);
      expectClose(await toFloat64Array(back.dbias), fd.db, 1e-7);
    });
  }

  it('sums dweight and dbias over 65 rows and gives zeros for no rows (f32 device)', async () => {
    for (const rows of [0, 65]) {
      const C = 3;
      const x = values(rows * C, rows + 1);
      const G = values(rows * C, rows + 2);
      const w = [1, -2, 0.5];
      const xT = fromArray(x, { shape: [rows, C], device: cpu });
      const fwd = layerNorm(xT, fromArray(w, { device: cpu }), fromArray([0, 0, 0], { device: cpu }));
      const back = layerNormBackward(fromArray(G, { shape: [rows, C], device: cpu }), xT, fromArray(w, { device: cpu }), fwd.mean, fwd.rstd);
      const ref = reference(x, C, [1, 1, 1], [0, 0, 0], 1e-5); // y with w = 1, b = 0 is x̂
      const dw = [0, 1, 2].map((c) => G.reduce((s, g, i) => (i % C === c ? s + g * ref.y[i]! : s), 0));
      const db = [0, 1, 2].map((c) => G.reduce((s, g, i) => (i % C === c ? s + g : s), 0));
      expectClose(await toFloat64Array(back.dweight), dw, 1e-5);
      expectClose(await toFloat64Array(back.dbias), db, 1e-5);
      expect(back.dx.shape).toEqual([rows, C]);
    }
  });
});
