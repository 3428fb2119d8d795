import { createCpuDevice, fromArray, runOp, scope, type OpName, type OpParams } from '@lightattn/tensor-core';
import { checkOp, TestData, toleranceFor, type HostTensor } from '@lightattn/tensor-core/testing';
import { afterAll, describe, it } from 'vitest';
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

const FLAGS = [
  { reverse: false, exclusive: false },
  { reverse: false, exclusive: true },
  { reverse: true, exclusive: false },
  { reverse: true, exclusive: true },
];

describe.skipIf(!device)('cumsum on WebGPU', () => {
  const d = device!;
  afterAll(() => d.destroy());

  async function matchesCpu(x: HostTensor, axis: number, label: string, flagSets = FLAGS): Promise<void> {
    for (const flags of flagSets) {
      const params = { axis, ...flags };
      const tolerance = toleranceFor('cumsum', { k: x.shape[axis]! });
      await checkOp(d, { op: 'cumsum', params, inputs: [x], expected: await onCpu('cumsum', [x], params), tolerance, label });
    }
  }

  it('scans rows of 1000 and 2049 (several blocks), strided axes and NaN/±Inf across block boundaries', async () => {
    const data = new TestData(12);
    await matchesCpu(data.f32([3, 1000]), 1, 'rows of 1000');
    await matchesCpu(data.f32([2, 2049]), 1, 'rows of 2049');
    await matchesCpu(data.f32([4, 300, 7]), 1, 'middle axis');
    await matchesCpu(data.f32([2500, 3]), 0, 'outer axis, 2500 long');
    const special = data.f32([2, 3000]).data.slice();
    special[1500] = NaN;
    special[3000 + 100] = Infinity;
    special[3000 + 2900] = -Infinity;
    await matchesCpu({ shape: [2, 3000], dtype: 'f32', data: special }, 1, 'NaN and ±Inf');
  });

  it('scans in three levels (block totals of block totals) exactly in i32, and wraps u32', async () => {
    const data = new TestData(13);
    // 16400 positions of 33 strided lines: 16-position blocks, 1025 block totals per line, which
    // take two blocks of 1024 one level up and a third level above that.
    await matchesCpu(data.ints([16400, 33], -1000, 1000, 'i32'), 0, 'three levels, i32', [FLAGS[3]!]);
    await matchesCpu(data.ints([3, 5000], 0, 2 ** 32 - 1, 'u32'), 1, 'u32 wraps');
    await matchesCpu(data.ints([5000, 2], -(2 ** 31), 2 ** 31 - 1, 'i32'), 0, 'i32 wraps');
  }, 30_000);
});
