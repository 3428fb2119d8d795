import * as ag from '@lightattn/autograd';
import { dropMatmul } from '@lightattn/light-ops';
import { createWebGPUDevice } from '@lightattn/kernels-wgsl';
import * as tc from '@lightattn/tensor-core';
import { maxRelativeError } from '@lightattn/tensor-core/testing';
import { openTestDevice } from '@lightattn/tensor-core/testing/vitest';
import { describe, expect, it } from 'vitest';
import { gpt2Config, type GPT2Config } from './config.js';
import { GPT2LMHeadModel } from './model.js';

// DropMatmul with dropout on, in the model: with attn_pdrop > 0 and training, `use_dropmatmul`
// must give what the vanilla path gives — eager dropout of the probabilities (a bool mask) and then
// P·V — for the same dropout generator, since both draw one (seed, offset) per attention call and
// build the mask by the same rule (light-ops' dropout-rule.ts). Outputs and every gradient.

const TOKENS = [
  [3, 1, 4, 1, 5, 9, 2, 6],
  [5, 3, 5, 8, 9, 7, 9, 3],
];

interface StepResult {
  loss: number;
  logits: Float32Array;
  grads: Float32Array[];
}

/** One training forward and backward of a tiny GPT-2 with every dropout on and a fixed dropout generator. */
async function step(device: tc.Device, overrides: Partial<GPT2Config>, dropoutSeed = 77): Promise<StepResult> {
  const config = gpt2Config('gpt2-tiny', {
    vocab_size: 37,
    n_positions: 16,
    initializer_range: 0.2,
    attn_pdrop: 0.3,
    resid_pdrop: 0.1,
    embd_pdrop: 0.1,
    ...overrides,
  });
  const model = new GPT2LMHeadModel(config, { device, generator: new tc.Generator(3), dropoutGenerator: new tc.Generator(dropoutSeed) });
  const input = tc.fromArray(Int32Array.from(TOKENS.flat()), { shape: [2, 8], device });
  const out = model.forward(input, { labels: input, logits: 'all' });
  out.loss!.backward();
  const result = {
    loss: await out.loss!.item(),
    logits: (await out.logits!.toArray()) as Float32Array,
    grads: (await Promise.all(model.parameters().map((p) => p.grad!.toArray()))) as Float32Array[],
  };
  model.dispose();
  input.dispose();
  return result;
}

const DROPMATMUL: { label: string; overrides: Partial<GPT2Config> }[] = [
  { label: 'use_dropmatmul (mask regenerated)', overrides: { use_dropmatmul: true, dropmatmul_mask: 'rng' } },
  { label: 'use_dropmatmul, packed mask', overrides: { use_dropmatmul: true, dropmatmul_mask: 'packed' } },
  { label: 'use_dropmatmul, bool mask', overrides: { use_dropmatmul: true, dropmatmul_mask: 'bool' } },
  { label: 'use_dropmatmul + use_lightsoftmax', overrides: { use_dropmatmul: true, use_lightsoftmax: true } },
];

async function expectParity(device: tc.Device, tol: { logits: number; grads: number }, variants = DROPMATMUL): Promise<void> {
  const vanilla = await step(device, { attn_impl: 'vanilla' });
  // Dropout is on: another dropout seed, or none, changes the result.
  expect((await step(device, { attn_impl: 'vanilla' }, 78)).loss).not.toBe(vanilla.loss);
  expect((await step(device, { attn_impl: 'vanilla', attn_pdrop: 0 })).loss).not.toBe(vanilla.loss);
  for (const { label, overrides } of variants) {
    const got = await step(device, { attn_impl: 'vanilla', ...overrides });
    expect(Math.abs(got.loss - vanilla.loss) / Math.abs(vanilla.loss), `${label}: loss`).toBeLessThan(tol.logits);
    expect(maxRelativeError(got.logits, vanilla.logits), `${label}: logits`).toBeLessThan(tol.logits);
    got.grads.forEach((g, i) => expect(maxRelativeError(g, vanilla.grads[i]!), `${label}: grad ${i}`).toBeLessThan(tol.grads));
  }
}

describe('DropMatmul with dropout on equals the vanilla path with the same mask', () => {
  it('on the CPU (f64): outputs and every gradient', async () => {
    await expectParity(tc.createCpuDevice({ precision: 'f64' }), { logits: 1e-12, grads: 1e-11 });
  });

  it('on the CPU (f32)', async () => {
    await expectParity(tc.createCpuDevice(), { logits: 1e-5, grads: 1e-4 });
  });

  // SwiftShader compiles every kernel variant on first use: the two regenerating variants only.
  it('on WebGPU (the mask regenerated in the kernels)', { timeout: 120_000 }, async (ctx) => {
    const { device, skip } = await openTestDevice({ name: 'webgpu', create: () => createWebGPUDevice() });
    if (!device) return ctx.skip(skip);
    await expectParity(device, { logits: 1e-5, grads: 1e-4 }, [DROPMATMUL[0]!, DROPMATMUL[3]!]);
  });

  it('the same (seed, offset) gives DropMatmul and eager dropout the same mask, op by op', async () => {
    const device = tc.createCpuDevice({ precision: 'f64' });
    const s = tc.rand([2, 3, 5, 5], { device, seed: 1 });
    const v = tc.randn([2, 3, 5, 4], { device, seed: 2 });
    const keep = tc.dropoutMask([2, 3, 5, 5], 0.4, { seed: 9, offset: 6, device });
    const byHand = tc.matmul(tc.where(keep, tc.mul(s, 1 / 0.6), tc.zeros([], { device })), v);
    const fused = ag.noGrad(() => dropMatmul(s, v, 0.4, { seed: 9, offset: 6 }));
    expect(maxRelativeError(await fused.toArray(), await byHand.toArray())).toBeLessThan(1e-14);
  });
});
