import { Generator, gradients } from '@lightattn/autograd';
import { createWebGPUDevice } from '@lightattn/kernels-wgsl';
import * as tc from '@lightattn/tensor-core';
import { createCpuDevice, type Device } from '@lightattn/tensor-core';
import { describeEachDevice } from '@lightattn/tensor-core/testing/vitest';
import { expect, it } from 'vitest';
import type { AttentionOptions } from './attention-options.js';
import { dropMatmul } from './drop-matmul.js';
import { lightSoftmax } from './light-softmax.js';
import { expectClose, makeInputs, randomValues, runAttention, type HostAttentionInputs, type Tolerances } from './testing/run-attention.js';

// The same attention, forward and backward, on the CPU reference device and on WebGPU (SwiftShader
// here: small shapes). Without an adapter the suite shows as skipped with the reason, and fails with CI=true.

const cpu = createCpuDevice();
/** f32 on both sides; GPU exp/log and summation order differ from the CPU's float64 sums. */
const GPU_TOL: Tolerances = { forward: { rtol: 2e-5, atol: 2e-5 }, backward: { rtol: 2e-4, atol: 1e-4 } };
const SLOW = 120_000; // first use compiles every pipeline on SwiftShader

const IMPLS: { name: string; options: AttentionOptions }[] = [
  { name: 'vanilla', options: { impl: 'vanilla' } },
  { name: 'vanilla + both flags', options: { impl: 'vanilla', useLightSoftmax: true, useDropMatmul: true } },
  { name: 'light', options: { impl: 'light' } },
  { name: 'light, packed mask', options: { impl: 'light', maskStorage: 'packed' } },
  { name: 'chunked, 3 chunks', options: { impl: 'chunked', maxChunkSizeMb: 0.0005 } },
  { name: 'flash', options: { impl: 'flash' } },
];

function padded(inputs: HostAttentionInputs, keys: number[][]): HostAttentionInputs {
  const data = new Uint8Array(inputs.B * inputs.Tk);
  for (let b = 0; b < inputs.B; b++) for (let j = 0; j < inputs.Tk; j++) data[b * inputs.Tk + j] = keys[b]!.includes(j) ? 0 : 1;
  return { ...inputs, mask: { data, shape: [inputs.B, 1, 1, inputs.Tk] } };
}

describeEachDevice('matches the CPU device', [{ name: 'webgpu', create: () => createWebGPUDevice() }], (device: Device) => {
  const settings: { label: string; inputs: HostAttentionInputs; options: AttentionOptions }[] = [
    { label: 'no mask', inputs: makeInputs(1, 2, 9, 9, 16, 21), options: {} },
    { label: 'causal', inputs: makeInputs(1, 2, 9, 9, 16, 22), options: { causal: true } },
    { label: 'causal + padding (a row with no key)', inputs: padded(makeInputs(2, 1, 7, 7, 16, 23), [[0], [5, 6]]), options: { causal: true } },
    { label: 'dropout 0.25, causal', inputs: makeInputs(1, 2, 9, 9, 16, 24), options: { causal: true, dropout: 0.25 } },
  ];
  for (const { label, inputs, options } of settings) {
    it(
      `every implementation, ${label}`,
      async () => {
        const reference = await runAttention(cpu, inputs, { ...options, impl: 'vanilla' });
        for (const impl of IMPLS) {
          const result = await runAttention(device, inputs, { ...options, ...impl.options });
          expectClose(result, reference, GPU_TOL, `${label}, ${impl.name} on WebGPU`);
        }
      },
      SLOW,
    );
  }

  it(
    'flash attention at head size 64 and 65 queries (several tiles)',
    async () => {
      const inputs = makeInputs(1, 1, 65, 65, 64, 25);
      const reference = await runAttention(cpu, inputs, { impl: 'flash', causal: true, dropout: 0.1 });
      expectClose(await runAttention(device, inputs, { impl: 'flash', causal: true, dropout: 0.1 }), reference, GPU_TOL, 'flash D 64');
    },
    SLOW,
  );

  it(
    'lightSoftmax and dropMatmul (rng and packed), forward and backward',
    async () => {
      const run = async (dev: Device) =>
        tc.scope(async () => {
          const x = tc.fromArray(randomValues(3 * 5 * 7, 31, -3, 3), { shape: [3, 5, 7], device: dev });
          const s = tc.fromArray(randomValues(2 * 6 * 9, 32, 0, 1), { shape: [2, 6, 9], device: dev });
          const v = tc.fromArray(randomValues(2 * 9 * 4, 33), { shape: [2, 9, 4], device: dev });
          for (const t of [x, s, v]) t.requiresGrad = true;
          const y = lightSoftmax(x, 1);
          const o1 = dropMatmul(s, v, 0.3, { generator: new Generator(3) });
          const o2 = dropMatmul(s, v, 0.3, { generator: new Generator(3), maskStorage: 'packed' });
          const outs = [y, o1, o2];
          const gs = outs.map((o, i) => tc.fromArray(randomValues(o.numel, 40 + i), { shape: o.shape, device: dev }));
          const grads = gradients(outs, [x, s, v], { gradOutputs: gs });
          return Promise.all([...outs, ...grads].map(async (t) => Array.from(await t.toArray())));
        });
      const [onCpu, onGpu] = [await run(cpu), await run(device)];
      onGpu.forEach((values, i) => expect(values, `tensor ${i}`).toBeAllClose(onCpu[i]!, { rtol: 1e-4, atol: 1e-5 }));
      // rng and packed masks give the same dropMatmul output.
      expect(onGpu[1]!).toBeAllClose(onGpu[2]!, { rtol: 1e-6, atol: 1e-6 });
    },
    SLOW,
  );
});
