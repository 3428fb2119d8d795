import { createCpuDevice, fromArray, runOp, scope, type OpName, type OpParams } from '@lightattn/tensor-core';
import { checkOp, TestData, type HostTensor } from '@lightattn/tensor-core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { webgpuTestDevice } from '../../test/webgpu-test-device.js';

const device = await webgpuTestDevice();
const cpu = createCpuDevice();

/** The CPU device's outputs for `op` on these inputs. */
const onCpu = <K extends OpName>(op: K, inputs: readonly HostTensor[], params: OpParams<K>) =>
  scope(async () =>
    Promise.all(
      runOp(
        op,
        inputs.map((h) => fromArray(h.data, { shape: h.shape, dtype: h.dtype, device: cpu })),
        params,
      ).map(async (t): Promise<HostTensor> => ({ shape: t.shape, dtype: t.dtype, data: Array.from(await t.toArray()) })),
    ),
  );

const EXACT = { rtol: 0, atol: 0 };

describe.skipIf(!device)('gather and scatterAdd on WebGPU', () => {
  const d = device!;
  afterAll(() => d.destroy());

  it('gathers rows of a 500 × 300 table (rows wider than a workgroup), i32 and bool tables', async () => {
    const data = new TestData(8);
    const ids = data.ints([3, 41], 0, 499);
    for (const table of [data.f32([500, 300]), data.ints([500, 3, 7], -5, 5), data.bools([500, 9])]) {
      const params = {};
      await checkOp(d, {
        op: 'gather',
        params,
        inputs: [table, ids],
        expected: await onCpu('gather', [table, ids], params),
        tolerance: EXACT,
        label: `${table.dtype} table`,
      });
    }
  });

  it('scatterAdd gives the CPU device’s f32 bits: repeated ids across chunks of 256 positions, rows wider than a workgroup', async () => {
    const data = new TestData(9);
    // 700 ids from 20 rows: each row is hit ~35 times, from positions spread over three chunks.
    const ids = data.ints([700], 0, 19);
    const src = data.f32([700, 300]);
    const params = { numRows: 23 };
    const expected = await onCpu('scatterAdd', [ids, src], params);
    await checkOp(d, { op: 'scatterAdd', params, inputs: [ids, src], expected, tolerance: EXACT, label: 'same order as the CPU' });
    // A [2, 350] id tensor and a rank-3 src: positions are flattened in order.
    const ids2 = { ...data.ints([2, 350], 0, 4), shape: [2, 350] };
    const src2 = data.f32([2, 350, 3]);
    await checkOp(d, {
      op: 'scatterAdd',
      params: { numRows: 5 },
      inputs: [ids2, src2],
      expected: await onCpu('scatterAdd', [ids2, src2], { numRows: 5 }),
      tolerance: EXACT,
    });
  });

  it('scatterAdd returns the same bits on every run', async () => {
    const data = new TestData(10);
    const ids = data.ints([300], 0, 3);
    const src = data.f32([300, 5], -1e3, 1e3);
    const run = () =>
      scope(async () => {
        const [out] = runOp(
          'scatterAdd',
          [fromArray(ids.data, { shape: [300], dtype: 'i32', device: d }), fromArray(src.data, { shape: [300, 5], device: d })],
          { numRows: 4 },
        );
        return Array.from(await out!.toArray());
      });
    const first = await run();
    for (let i = 0; i < 2; i++) expect(await run()).toEqual(first);
  });

  it('reports out-of-range ids at the next read, naming the op and the table', async () => {
    const table = fromArray(new TestData(11).f32([4, 3]).data, { shape: [4, 3], device: d });
    for (const bad of [4, -1]) {
      const [out] = runOp('gather', [table, fromArray([0, bad], { shape: [2], dtype: 'i32', device: d })], {});
      await expect(out!.toArray()).rejects.toThrow(new RegExp(`gather: an id is out of range for a table of 4 rows \\[4, 3\\][\\s\\S]*got ${bad}`));
    }
    const [sum] = runOp('scatterAdd', [fromArray([1, 7, 7], { shape: [3], dtype: 'i32', device: d }), fromArray([1, 2, 3], { shape: [3], device: d })], {
      numRows: 5,
    });
    await expect(sum!.toArray()).rejects.toThrow(/scatterAdd: an id is out of range for a table of 5 rows \[5\][\s\S]*got 7/);
  });
});
