import { createCpuDevice, fromArray, runOp, scope, type Device, type OpName, type OpParams } from '@lightattn/tensor-core';
import { checkOp, opTestCases, TestData, toleranceFor, type HostTensor } from '@lightattn/tensor-core/testing';
import { afterAll, describe, it } from 'vitest';
import { requestAdapter } from '../../acquire.js';
import { webgpuTestDevice } from '../../test/webgpu-test-device.js';

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

type SoftmaxOp = 'softmax' | 'logSoftmax' | 'softmaxBackward' | 'logSoftmaxBackward';

/** Forward ops on x; backward ops on (y, g) with y the CPU's forward output, as the backward assumes. */
async function matchesCpu(d: Device, op: SoftmaxOp, x: HostTensor, axis: number, label: string): Promise<void> {
  const k = x.shape[axis]!;
  let inputs = [x];
  if (op === 'softmaxBackward' || op === 'logSoftmaxBackward') {
    const [y] = await onCpu(op === 'softmaxBackward' ? 'softmax' : 'logSoftmax', [x], { axis });
    inputs = [y!, new TestData(k).f32(x.shape)];
  }
  await checkOp(d, { op, params: { axis }, inputs, expected: await onCpu(op, inputs, { axis }), tolerance: toleranceFor(op, { k }), label });
}

const OPS: readonly SoftmaxOp[] = ['softmax', 'logSoftmax', 'softmaxBackward', 'logSoftmaxBackward'];

describe.skipIf(!device)('softmax family on WebGPU', () => {
  afterAll(() => {
    noSubgroups?.destroy();
    device?.destroy();
  });

  // The default device runs these in ../op-suite.test.ts.
  for (const c of opTestCases({ ops: OPS })) {
    it(`without subgroups: ${c.name}`, () => c.run(noSubgroups!));
  }

  for (const [name, d] of [
    ['subgroups', () => device!],
    ['no subgroups', () => noSubgroups!],
  ] as const) {
    it(`${name}: rows longer than the register cache (2049, 5000) and a strided axis`, async () => {
      const data = new TestData(3);
      for (const op of OPS) {
        // One row per subgroup (lanes = subgroup size: 4 lanes on SwiftShader, 32 on NVIDIA).
        await matchesCpu(d(), op, data.f32([5, 32], -8, 8), 1, `${op} rows of 32`);
        await matchesCpu(d(), op, data.f32([3, 256], -8, 8), 1, `${op} rows of 256`);
        await matchesCpu(d(), op, data.f32([3, 1000], -8, 8), 1, `${op} rows of 1000 (cached)`);
        await matchesCpu(d(), op, data.f32([2, 2049], -8, 8), 1, `${op} rows of 2049 (looped)`);
        await matchesCpu(d(), op, data.f32([2, 5000], -8, 8), 1, `${op} rows of 5000`);
        await matchesCpu(d(), op, data.f32([3, 700, 5], -8, 8), 1, `${op} middle axis of 700`);
        await matchesCpu(d(), op, data.f32([63, 65], -8, 8), 0, `${op} outer axis`);
      }
    });

    it(`${name}: −Inf masks, +Inf and NaN rows of a long row`, async () => {
      const data = new TestData(4);
      const len = 2500;
      const rows = data.f32([5, len], -4, 4).data.slice();
      // Row 0 half masked (causal-style), row 1 fully masked (NaN), row 2 a +Inf, row 3 a NaN, row 4 huge.
      rows.fill(-Infinity, len / 2, len);
      rows.fill(-Infinity, len, 2 * len);
      rows[2 * len + 7] = Infinity;
      rows[4 * len - 1] = NaN;
      for (let i = 4 * len; i < 5 * len; i++) rows[i] = rows[i]! * 1e4;
      const x: HostTensor = { shape: [5, len], dtype: 'f32', data: rows };
      // The backward ops then see the NaN rows of those outputs.
      for (const op of OPS) await matchesCpu(d(), op, x, 1, `${op} special rows`);
    });
  }
});
