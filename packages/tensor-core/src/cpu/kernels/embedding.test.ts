import { describe, expect, it } from 'vitest';
import { createCpuDevice, fromArray, fromFloat64Array, gather, IndexError, scatterAdd, toFloat64Array } from '../../index.js';

const cpu = createCpuDevice();
const ids = (values: number[], shape = [values.length]) => fromArray(new Int32Array(values), { shape, device: cpu });

describe('gather', () => {
  it('picks rows of a [R, ...rest] table for ids of any shape', async () => {
    // table [4, 2, 2]: row r holds 10r + 0 … 10r + 3.
    const table = fromArray(
      Array.from({ length: 16 }, (_, i) => 10 * Math.floor(i / 4) + (i % 4)),
      { shape: [4, 2, 2], device: cpu },
    );
    const out = gather(table, ids([3, 0, 3, 1, 2, 2], [2, 3]));
    expect(out.shape).toEqual([2, 3, 2, 2]);
    const expected = [3, 0, 3, 1, 2, 2].flatMap((r) => [10 * r, 10 * r + 1, 10 * r + 2, 10 * r + 3]);
    expect([...(await toFloat64Array(out))]).toEqual(expected);
  });

  it('works on a 1-D table, a scalar id, i32 and bool tables, and 64/65-wide rows', async () => {
    expect([...(await gather(fromArray([5, 6, 7], { device: cpu }), ids([2, 2, 0])).toArray())]).toEqual([7, 7, 5]);
    const scalarId = gather(
      fromArray(
        [
          [1, 2],
          [3, 4],
        ],
        { device: cpu },
      ),
      ids([1], []),
    );
    expect(scalarId.shape).toEqual([2]);
    expect([...(await scalarId.toArray())]).toEqual([3, 4]);
    const intTable = fromArray(new Int32Array([-1, 2 ** 31 - 1, 7, 8]), { shape: [2, 2], device: cpu });
    expect([...(await gather(intTable, ids([1, 0])).toArray())]).toEqual([7, 8, -1, 2 ** 31 - 1]);
    expect([...(await gather(fromArray([true, false], { device: cpu }), ids([1, 0, 1])).toArray())]).toEqual([0, 1, 0]);
    for (const C of [64, 65]) {
      const data = Array.from({ length: 3 * C }, (_, i) => i * 0.5);
      const out = await toFloat64Array(gather(fromArray(data, { shape: [3, C], device: cpu }), ids([2, 1])));
      expect([...out]).toEqual([...data.slice(2 * C), ...data.slice(C, 2 * C)]);
    }
  });

  it('gives an empty result for no ids, and keeps float64 values on the f64 device', async () => {
    expect(gather(fromArray([1, 2, 3, 4], { shape: [2, 2], device: cpu }), ids([])).shape).toEqual([0, 2]);
    const f64 = createCpuDevice({ precision: 'f64' });
    const out = gather(fromFloat64Array([0.1, 0.2], [2, 1], f64), fromArray(new Int32Array([1]), { device: f64 }));
    expect([...(await toFloat64Array(out))]).toEqual([0.2]);
  });

  it('throws IndexError naming the id, its position and the table size', () => {
    const table = fromArray([1, 2, 3, 4, 5, 6], { shape: [3, 2], device: cpu });
    expect(() => gather(table, ids([0, 1, 2, 3], [2, 2]))).toThrow(IndexError);
    expect(() => gather(table, ids([0, 1, 2, 3], [2, 2]))).toThrow(/id 3 at ids\[1, 1\].*3 rows/);
    expect(() => gather(table, ids([-1]))).toThrow(/id -1 at ids\[0\].*3 rows/);
    expect(() => gather(fromArray([], { shape: [0, 2], device: cpu }), ids([0]))).toThrow(/0 rows/);
  });
});

describe('scatterAdd', () => {
  it('sums rows of src into their ids, starting from zeros (repeated ids accumulate)', async () => {
    const src = fromArray([1, 2, 10, 20, 100, 200, 0.5, 0.25], { shape: [2, 2, 2], device: cpu });
    const out = scatterAdd(ids([2, 0, 2, 2], [2, 2]), src, 4);
    expect(out.shape).toEqual([4, 2]);
    expect([...(await toFloat64Array(out))]).toEqual([10, 20, 0, 0, 101.5, 202.25, 0, 0]);
  });

  it('is the adjoint of gather: ⟨gather(T, ids), S⟩ = ⟨T, scatterAdd(ids, S)⟩', async () => {
    const f64 = createCpuDevice({ precision: 'f64' });
    for (const [R, C, n] of [
      [1, 1, 1],
      [5, 3, 9],
      [64, 2, 65],
      [65, 7, 3],
    ] as const) {
      const idList = Array.from({ length: n }, (_, i) => (i * 7 + 3) % R);
      const T = Array.from({ length: R * C }, (_, i) => Math.sin(i + 1));
      const S = Array.from({ length: n * C }, (_, i) => Math.cos(i + 2));
      const idT = fromArray(new Int32Array(idList), { device: f64 });
      const g = await toFloat64Array(gather(fromFloat64Array(T, [R, C], f64), idT));
      const sc = await toFloat64Array(scatterAdd(idT, fromFloat64Array(S, [n, C], f64), R));
      const lhs = g.reduce((s, v, i) => s + v * S[i]!, 0);
      const rhs = sc.reduce((s, v, i) => s + v * T[i]!, 0);
      expect(Math.abs(lhs - rhs)).toBeLessThan(1e-12 * (1 + Math.abs(lhs)));
    }
  });

  it('handles no ids and zero rows', async () => {
    const out = scatterAdd(ids([]), fromArray([], { shape: [0, 3], device: cpu }), 2);
    expect([...(await toFloat64Array(out))]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(scatterAdd(ids([]), fromArray([], { shape: [0, 3], device: cpu }), 0).shape).toEqual([0, 3]);
  });

  it('throws IndexError naming the id, its position and numRows', () => {
    const src = fromArray([1, 2, 3], { shape: [3, 1], device: cpu });
    expect(() => scatterAdd(ids([0, 4, 1]), src, 4)).toThrow(IndexError);
    expect(() => scatterAdd(ids([0, 4, 1]), src, 4)).toThrow(/id 4 at ids\[1\].*4 rows/);
    expect(() => scatterAdd(ids([0, 1, -2]), src, 4)).toThrow(/id -2 at ids\[2\]/);
  });
});
