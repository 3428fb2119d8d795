import { describe, expect, it } from 'vitest';
import { createCpuDevice, fromArray, fromFloat64Array, matmul, toFloat64Array } from '../../index.js';

const cpu = createCpuDevice();
const f64 = createCpuDevice({ precision: 'f64' });

function values(n: number, seed: number): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.fround((s / 2 ** 32) * 2 - 1);
  });
}

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);

/**
 * Textbook float64 matmul: for every output index, broadcast the batch index into a and b by hand
 * and sum over k, reading a[i, k] (or a[k, i]) and b[k, j] (or b[j, k]) by explicit strides.
 */
function reference(a: number[], as: number[], b: number[], bs: number[], transA: boolean, transB: boolean): { data: number[]; shape: number[] } {
  const [ar, ac] = as.slice(-2) as [number, number];
  const [br, bc] = bs.slice(-2) as [number, number];
  const M = transA ? ac : ar;
  const K = transA ? ar : ac;
  const N = transB ? br : bc;
  const rank = Math.max(as.length, bs.length) - 2;
  const pad = (s: number[]) => [...new Array<number>(rank - (s.length - 2)).fill(1), ...s.slice(0, -2)];
  const ab = pad(as);
  const bb = pad(bs);
  const batch = ab.map((d, i) => (d === 1 ? bb[i]! : d));
  const data: number[] = [];
  for (let t = 0; t < size(batch); t++) {
    const idx = batch.map((_, d) => Math.floor(t / size(batch.slice(d + 1))) % batch[d]!);
    const aMat = idx.reduce((acc, v, d) => acc * ab[d]! + (ab[d] === 1 ? 0 : v), 0);
    const bMat = idx.reduce((acc, v, d) => acc * bb[d]! + (bb[d] === 1 ? 0 : v), 0);
    for (let i = 0; i < M; i++) {
      for (let j = 0; j < N; j++) {
        let s = 0;
        for (let k = 0; k < K; k++) {
          const x = transA ? a[aMat * M * K + k * M + i]! : a[aMat * M * K + i * K + k]!;
          const y = transB ? b[bMat * K * N + j * K + k]! : b[bMat * K * N + k * N + j]!;
          s += x * y;
        }
        data.push(s);
      }
    }
  }
  return { data, shape: [...batch, M, N] };
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

async function check(as: number[], bs: number[], transA = false, transB = false, device = cpu): Promise<void> {
  const a = values(size(as), size(as) * 7 + 1);
  const b = values(size(bs), size(bs) * 13 + 2);
  const expected = reference(a, as, b, bs, transA, transB);
  const out = matmul(fromFloat64Array(a, as, device), fromFloat64Array(b, bs, device), { transA, transB });
  expect(out.shape).toEqual(expected.shape);
  expectClose(await toFloat64Array(out), expected.data, device === f64 ? 1e-13 : 2e-6);
}

describe('matmul kernel against a float64 reference', () => {
  const dims = [1, 3, 4, 5, 63, 64, 65];
  it('every M × K × N from {1, 3, 4, 5, 63, 64, 65}³ (4-row tiles, their tails and the row path)', async () => {
    for (const M of dims) for (const K of dims) for (const N of [1, 5, 64, 65]) await check([M, K], [K, N]);
  });

  it('crosses the 128-column panels of b (N = 129, 257), also with b shared across a batch', async () => {
    await check([5, 7], [7, 129]);
    await check([9, 3], [257, 3], false, true);
    await check([3, 6, 4], [4, 257]);
    await check([2, 4, 6], [2, 130, 4], true, true);
  });

  for (const [transA, transB] of [
    [false, true],
    [true, false],
    [true, true],
  ] as const) {
    it(`transA=${transA} transB=${transB}`, async () => {
      for (const [M, K, N] of [
        [1, 4, 3],
        [3, 5, 2],
        [7, 9, 6],
        [64, 65, 63],
        [65, 1, 5],
      ]) {
        await check(transA ? [K!, M!] : [M!, K!], transB ? [N!, K!] : [K!, N!], transA, transB);
      }
    });
  }

  it('broadcasts batch dimensions: [2,1,3,4]·[5,4,2] → [2,5,3,2], and a shared weight [4,2] over a batch', async () => {
    await check([2, 1, 3, 4], [5, 4, 2]);
    await check([2, 1, 4, 3], [5, 2, 4], true, true);
    await check([3, 6, 4], [4, 5]);
    await check([6, 4], [3, 4, 5]);
    await check([2, 1, 2, 8], [1, 3, 5, 8], false, true);
    await check([2, 3, 1, 7], [2, 1, 7, 2]);
  });

  it('empty dimensions: M, N or batch 0 give an empty result; K = 0 gives zeros', async () => {
    await check([0, 3], [3, 4]);
    await check([3, 4], [4, 0]);
    await check([0, 2, 3], [3, 4]);
    const z = matmul(fromArray([], { shape: [5, 0], device: cpu }), fromArray([], { shape: [0, 6], device: cpu }));
    expect(z.shape).toEqual([5, 6]);
    expect([...(await toFloat64Array(z))]).toEqual(new Array(30).fill(0));
  });

  it('is float64-exact on the f64 device (tiles and row path)', async () => {
    await check([9, 33], [33, 7], false, false, f64);
    await check([2, 33], [7, 33], false, true, f64);
    await check([2, 1, 5, 6], [3, 5, 4], true, false, f64);
  });

  it('propagates NaN and Inf as IEEE arithmetic does (0·Inf is NaN)', async () => {
    for (const M of [1, 4]) {
      // a = [[1, 0], [0, 0], …], b = [[Inf, 1], [NaN, 2]]: row 0 = [Inf + 0·NaN, 1 + 0] = [NaN, 1].
      const a = Array.from({ length: M * 2 }, (_, i) => (i === 0 ? 1 : 0));
      const out = await toFloat64Array(matmul(fromArray(a, { shape: [M, 2], device: cpu }), fromArray([Infinity, 1, NaN, 2], { shape: [2, 2], device: cpu })));
      expect(Number.isNaN(out[0]!)).toBe(true);
      expect(out[1]).toBe(1);
      if (M > 1) expect(Number.isNaN(out[2]!)).toBe(true); // 0·Inf
      const inf = await toFloat64Array(
        matmul(fromArray(a, { shape: [M, 2], device: cpu }), fromArray([Infinity, -Infinity, 1, 1], { shape: [2, 2], device: cpu })),
      );
      expect([inf[0], inf[1]]).toEqual([Infinity, -Infinity]);
    }
  });

  it('keeps its result when an operand is reused (b broadcast from one batch entry to the next)', async () => {
    const w = fromArray(values(12, 5), { shape: [4, 3], device: cpu });
    const x = fromArray(values(2 * 5 * 4, 9), { shape: [2, 5, 4], device: cpu });
    const once = await toFloat64Array(matmul(x, w));
    const twice = await toFloat64Array(matmul(x, w));
    expect([...twice]).toEqual([...once]);
  });
});
