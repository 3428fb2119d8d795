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

const ints = (data: number[]): HostTensor => ({ shape: [data.length], dtype: 'i32', data });

/** Forward and backward against the CPU device (the backward from the CPU's lse). */
async function matchesCpu(d: Device, logits: HostTensor, targets: HostTensor, ignoreIndex: number, label: string): Promise<void> {
  const V = logits.shape[1]!;
  const params = { ignoreIndex };
  const fwd = await onCpu('crossEntropy', [logits, targets], params);
  await checkOp(d, { op: 'crossEntropy', params, inputs: [logits, targets], expected: fwd, tolerance: toleranceFor('crossEntropy', { k: V }), label });
  const inputs = [logits, targets, fwd[1]!, new TestData(V).f32([logits.shape[0]!], 0.1, 2)];
  await checkOp(d, {
    op: 'crossEntropyBackward',
    params,
    inputs,
    expected: await onCpu('crossEntropyBackward', inputs, params),
    tolerance: toleranceFor('crossEntropyBackward', { k: V }),
    label: `${label} backward`,
  });
}

describe.skipIf(!device)('cross-entropy on WebGPU', () => {
  afterAll(() => {
    noSubgroups?.destroy();
    device?.destroy();
  });

  // The default device runs these in ../op-suite.test.ts.
  for (const c of opTestCases({ ops: ['crossEntropy', 'crossEntropyBackward'] })) {
    it(`without subgroups: ${c.name}`, () => c.run(noSubgroups!));
  }

  for (const [name, d] of [
    ['subgroups', () => device!],
    ['no subgroups', () => noSubgroups!],
  ] as const) {
    it(`${name}: a GPT-2 vocabulary (V = 50257), ignored rows and special logits`, async () => {
      const data = new TestData(6);
      await matchesCpu(d(), data.f32([2, 50257], -6, 6), ints([50256, 0]), -100, 'V 50257');
      const logits = data.f32([4, 3000], -6, 6).data.slice();
      logits[5] = NaN;
      logits.fill(-Infinity, 3000, 6000);
      logits[6000 + 17] = Infinity;
      await matchesCpu(d(), { shape: [4, 3000], dtype: 'f32', data: logits }, ints([1, 2, 17, -100]), -100, 'NaN, −Inf, +Inf and ignored rows');
      await matchesCpu(d(), data.f32([5, 3000], -6, 6), ints([0, 1, 0, 2999, 0]), 0, 'ignoreIndex 0');
    });
  }

  it('reports an out-of-range target at the next read, naming the op and the class count', async () => {
    const logits = new TestData(7).f32([3, 10]);
    for (const bad of [10, -1]) {
      const [loss] = runOp(
        'crossEntropy',
        [fromArray(logits.data, { shape: [3, 10], device: device! }), fromArray([1, bad, -100], { shape: [3], dtype: 'i32', device: device! })],
        { ignoreIndex: -100 },
      );
      await expect(loss!.toArray()).rejects.toThrow(new RegExp(`crossEntropy: a target is out of range for 10 classes[\\s\\S]*got ${bad}`));
    }
    const x = fromArray(logits.data, { shape: [3, 10], device: device! });
    const lse = fromArray([1, 1, 1], { shape: [3], device: device! });
    const [dx] = runOp('crossEntropyBackward', [x, fromArray([3, 12, 0], { shape: [3], dtype: 'i32', device: device! }), lse, lse], { ignoreIndex: -100 });
    await expect(dx!.toArray()).rejects.toThrow(/crossEntropyBackward: a target is out of range for 10 classes[\s\S]*got 12/);
    // The error is consumed: the device works on.
    const [ok] = runOp('crossEntropy', [x, fromArray([0, 1, 2], { shape: [3], dtype: 'i32', device: device! })], { ignoreIndex: -100 });
    expect((await ok!.toArray()).length).toBe(3);
  });
});
