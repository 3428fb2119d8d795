import { createCpuDevice, fromArray, runOp, scope, type OpParams } from '@lightattn/tensor-core';
import { checkOp, TestData, toleranceFor, type HostTensor } from '@lightattn/tensor-core/testing';
import { afterAll, describe, it } from 'vitest';
import { webgpuTestDevice } from '../../test/webgpu-test-device.js';

const device = await webgpuTestDevice();
const cpu = createCpuDevice();

/** param, m and v after one CPU step (the op is in place on inputs 0, 2 and 3). */
const stepOnCpu = (inputs: readonly HostTensor[], params: OpParams<'adamwUpdate'>) =>
  scope(async () => {
    const ts = inputs.map((h) => fromArray(h.data, { shape: h.shape, dtype: h.dtype, device: cpu }));
    runOp('adamwUpdate', ts, params);
    return Promise.all(
      [ts[0]!, ts[2]!, ts[3]!].map(async (t): Promise<HostTensor> => ({ shape: t.shape, dtype: t.dtype, data: Array.from(await t.toArray()) })),
    );
  });

describe.skipIf(!device)('adamwUpdate on WebGPU', () => {
  const d = device!;
  afterAll(() => d.destroy());

  it('follows the CPU device over several steps, for both lerp branches, with and without weight decay', async () => {
    const data = new TestData(14);
    const n = 5000;
    // β1 = 0.9 lerps from m (weight 0.1 < 0.5); β1 = 0.3 from g (weight 0.7), as torch.lerp does.
    for (const [beta1, weightDecay] of [
      [0.9, 0.01],
      [0.3, 0],
      [0.5, 0.1],
    ] as const) {
      let state = [data.f32([n]), data.f32([n], -0.1, 0.1), data.f32([n], 0, 0.01)];
      for (let step = 1; step <= 3; step++) {
        const grad = data.f32([n]);
        const params = { lr: 3e-3, beta1, beta2: 0.95, eps: 1e-8, weightDecay, step };
        const inputs = [state[0]!, grad, state[1]!, state[2]!];
        const expected = await stepOnCpu(inputs, params);
        await checkOp(d, { op: 'adamwUpdate', params, inputs, expected, tolerance: toleranceFor('adamwUpdate'), label: `β1 ${beta1} step ${step}` });
        state = expected;
      }
    }
  });

  it('propagates a NaN or infinite gradient into that element only', async () => {
    const data = new TestData(15);
    const grad = { ...data.f32([6]), data: [0.5, NaN, -0.25, Infinity, 0.1, -Infinity] };
    const inputs = [data.f32([6]), grad, data.f32([6], -0.1, 0.1), data.f32([6], 0, 0.01)];
    const params = { lr: 1e-3, beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0.01, step: 2 };
    await checkOp(d, { op: 'adamwUpdate', params, inputs, expected: await stepOnCpu(inputs, params), tolerance: toleranceFor('adamwUpdate') });
  });
});
