import { createCpuDevice, fromArray, runOp, scope, type Device, type OpName, type OpParams } from '@lightattn/tensor-core';
import { checkOp, opTestCases, TestData, toleranceFor, type HostTensor } from '@lightattn/tensor-core/testing';
import { afterAll, describe, expect, it } from 'vitest';
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

/** Forward and backward on one shape, each against the CPU device (the backward from the CPU's mean and rstd). */
async function matchesCpu(d: Device, shape: number[], low: number, high: number, label: string): Promise<void> {
  const data = new TestData(shape.reduce((a, b) => a * 31 + b, 7));
  const c = shape[shape.length - 1]!;
  const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  const x = data.f32(shape, low, high);
  const w = data.f32([c], 0.5, 1.5);
  const b = data.f32([c], -0.5, 0.5);
  const eps = 1e-5;
  const fwd = await onCpu('layerNorm', [x, w, b], { eps });
  await checkOp(d, { op: 'layerNorm', params: { eps }, inputs: [x, w, b], expected: fwd, tolerance: toleranceFor('layerNorm', { k: c }), label });
  const g = data.f32(shape);
  const inputs = [g, x, w, fwd[1]!, fwd[2]!];
  const tolerance = toleranceFor('layerNormBackward', { k: Math.max(rows, c) });
  await checkOp(d, {
    op: 'layerNormBackward',
    params: {},
    inputs,
    expected: await onCpu('layerNormBackward', inputs, {}),
    tolerance,
    label: `${label} backward`,
  });
}

describe.skipIf(!device)('layer norm on WebGPU', () => {
  afterAll(() => {
    noSubgroups?.destroy();
    device?.destroy();
  });

  // The default device runs these in ../op-suite.test.ts.
  for (const c of opTestCases({ ops: ['layerNorm', 'layerNormBackward'] })) {
    it(`without subgroups: ${c.name}`, () => c.run(noSubgroups!));
  }

  for (const [name, d] of [
    ['subgroups', () => device!],
    ['no subgroups', () => noSubgroups!],
  ] as const) {
    it(`${name}: long rows, many short rows (column partials over several blocks) and an offset mean`, async () => {
      await matchesCpu(d(), [3, 2049], -2, 2, 'rows of 2049 (looped)');
      await matchesCpu(d(), [2, 3000], -2, 2, 'rows of 3000');
      await matchesCpu(d(), [4, 768], -2, 2, 'GPT-2 width');
      await matchesCpu(d(), [1000, 3], -2, 2, '1000 rows of 3');
      await matchesCpu(d(), [7, 9, 65], 1000, 1001, 'mean 1000, std 0.3');
    });
  }

  it('gives the same dweight and dbias bits on every run (no atomics)', async () => {
    const data = new TestData(5);
    const shape = [600, 40];
    const [g, x] = [data.f32(shape), data.f32(shape)];
    const w = data.f32([40]);
    const [mean, rstd] = (await onCpu('layerNorm', [x, w, data.f32([40])], { eps: 1e-5 })).slice(1);
    const run = () =>
      scope(async () => {
        const inputs = [g, x, w, mean!, rstd!].map((h) => fromArray(h.data, { shape: h.shape, dtype: h.dtype, device: device! }));
        const [, dw, db] = runOp('layerNormBackward', inputs, {});
        return [...(await dw!.toArray()), ...(await db!.toArray())];
      });
    const first = await run();
    for (let i = 0; i < 3; i++) expect(await run()).toEqual(first);
  });
});
