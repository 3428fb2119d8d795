import { createCpuDevice, fromArray, runOp, scope, type Device, type OpName, type OpParams } from '@lightattn/tensor-core';
import { checkOp, opTestCases, TestData, toleranceFor, type HostTensor } from '@lightattn/tensor-core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { requestAdapter } from '../../acquire.js';
import type { KernelDeviceInfo } from '../../kernel-api.js';
import { webgpuTestDevice } from '../../test/webgpu-test-device.js';
import { rowLayout, useSubgroups } from '../wgsl/row-kernel.js';

const device = await webgpuTestDevice();
// The same adapter without the subgroups feature: the workgroup-memory reduction trees.
const noSubgroups = device && (await webgpuTestDevice({ device: await (await requestAdapter({})).requestDevice() }));
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

async function matchesCpu<K extends OpName>(d: Device, op: K, x: HostTensor, params: OpParams<K>, k: number, label: string): Promise<void> {
  const fn = (params as { fn?: string }).fn;
  await checkOp(d, { op, params, inputs: [x], expected: await onCpu(op, [x], params), tolerance: toleranceFor(op, fn ? { fn, k } : { k }), label });
}

const SPECIALS = [NaN, Infinity, -Infinity];

describe('row layouts and subgroup use', () => {
  const info = (subgroupMaxSize: number, subgroups = true) =>
    ({ features: { subgroups, shaderF16: false }, subgroupMaxSize, subgroupMinSize: subgroupMaxSize }) as unknown as KernelDeviceInfo;
  it('covers short rows with several rows per workgroup and strided rows column-fastest', () => {
    expect(rowLayout(1024, 1, 8)).toEqual({ cols: 2, lanes: 128, laneFastest: true });
    expect(rowLayout(3, 1, 8)).toEqual({ cols: 256, lanes: 1, laneFastest: true });
    expect(rowLayout(50257, 1, 8)).toEqual({ cols: 1, lanes: 256, laneFastest: true });
    expect(rowLayout(8192, 768, 8)).toEqual({ cols: 64, lanes: 4, laneFastest: false });
  });
  it('uses subgroups only where a row is whole subgroups', () => {
    const long = rowLayout(5000, 1, 8);
    const medium = rowLayout(1024, 1, 8);
    const short = rowLayout(64, 1, 8);
    expect(useSubgroups({ device: info(32) }, long)).toBe(true);
    expect(useSubgroups({ device: info(32) }, medium)).toBe(true);
    expect(useSubgroups({ device: info(32) }, short)).toBe(false);
    // Unknown subgroup size: only a whole-workgroup row is safe.
    expect(useSubgroups({ device: info(0) }, medium)).toBe(false);
    expect(useSubgroups({ device: info(0) }, long)).toBe(true);
    expect(useSubgroups({ device: info(32) }, rowLayout(8192, 768, 8))).toBe(false);
    expect(useSubgroups({ device: info(32, false) }, long)).toBe(false);
  });
});

describe.skipIf(!device)('reduce and argReduce on WebGPU', () => {
  afterAll(() => {
    noSubgroups?.destroy();
    device?.destroy();
  });

  // The default device runs these in ../op-suite.test.ts.
  for (const c of opTestCases({ ops: ['reduce', 'argReduce'] })) {
    it(`without subgroups: ${c.name}`, () => c.run(noSubgroups!));
  }

  for (const [name, d] of [
    ['subgroups', () => device!],
    ['no subgroups', () => noSubgroups!],
  ] as const) {
    it(`${name}: rows of 1000 and 2049 with NaN and ±Inf at both ends`, async () => {
      const data = new TestData(1);
      for (const len of [1000, 2049]) {
        const rows = data.f32([6, len], -3, 3).data.slice();
        // Row 0 clean, row 1 NaN first, row 2 NaN last, row 3 +Inf last, row 4 −Inf first, row 5 all −Inf.
        rows[len] = NaN;
        rows[3 * len - 1] = NaN;
        rows[4 * len - 1] = Infinity;
        rows[4 * len] = -Infinity;
        rows.fill(-Infinity, 5 * len);
        const x: HostTensor = { shape: [6, len], dtype: 'f32', data: rows };
        for (const fn of ['sum', 'mean', 'max', 'min', 'logsumexp'] as const)
          await matchesCpu(d(), 'reduce', x, { fn, axes: [1], keepDims: false }, len, `${fn} len ${len}`);
        for (const fn of ['argmax', 'argmin'] as const) await matchesCpu(d(), 'argReduce', x, { fn, axis: 1, keepDims: false }, len, `${fn} len ${len}`);
      }
    });

    it(`${name}: interleaved axes, column and split reductions, integer wraparound`, async () => {
      const data = new TestData(2);
      const x4 = data.sprinkle(data.f32([5, 6, 7, 8]), SPECIALS, 97);
      for (const axes of [
        [0, 2],
        [1, 3],
        [0, 1, 3],
      ]) {
        const k = axes.reduce((a, ax) => a * x4.shape[ax]!, 1);
        for (const fn of ['sum', 'max', 'logsumexp'] as const) await matchesCpu(d(), 'reduce', x4, { fn, axes, keepDims: true }, k, `${fn} axes ${axes}`);
      }
      // Few outputs, long reductions: split over workgroups, then combined.
      const column = data.f32([3000, 5]);
      for (const fn of ['sum', 'mean', 'min', 'logsumexp'] as const)
        await matchesCpu(d(), 'reduce', column, { fn, axes: [0], keepDims: false }, 3000, `${fn} column`);
      await matchesCpu(d(), 'argReduce', column, { fn: 'argmax', axis: 0, keepDims: false }, 3000, 'argmax column');
      await matchesCpu(d(), 'reduce', data.f32([1, 5000]), { fn: 'sum', axes: [0, 1], keepDims: false }, 5000, 'one long row');
      const ints = data.ints([2, 3000], -(2 ** 31), 2 ** 31 - 1, 'i32');
      await matchesCpu(d(), 'reduce', ints, { fn: 'sum', axes: [1], keepDims: false }, 3000, 'i32 sum wraps');
      await matchesCpu(d(), 'reduce', ints, { fn: 'sum', axes: [0, 1], keepDims: false }, 6000, 'i32 split sum wraps');
      await matchesCpu(d(), 'reduce', data.ints([4000, 3], 0, 2 ** 32 - 1, 'u32'), { fn: 'max', axes: [0], keepDims: false }, 4000, 'u32 split max');
    });
  }
});
