import * as ag from '@lightattn/autograd';
import { createWasmDevice } from '@lightattn/kernels-wasm';
import * as tc from '@lightattn/tensor-core';
import { afterAll, describe, expect, it } from 'vitest';
import { loadPretrained } from './checkpoint.js';
import type { GPT2Config } from './config.js';
import { generateAll, generateBatch } from './generate.js';
import type { GPT2LMHeadModel } from './model.js';
import { readPretrainedDir } from './node.js';
import { maxRelativeError } from '@lightattn/tensor-core/testing';
import { GOLDEN_COMMAND, loadGolden, type Golden } from './testing/golden.js';
import { createWebGPUDevice } from '@lightattn/kernels-wgsl';
import { describeEachDevice } from '@lightattn/tensor-core/testing/vitest';

// Parity with transformers' GPT2LMHeadModel (float64 goldens from scripts/goldens/gpt2.py): logits
// and loss within 1e-4 relative, every parameter gradient within 1e-3, for every attn_impl.

const LOGITS_RTOL = 1e-4;
const GRAD_RTOL = 1e-3;

const VARIANTS: { label: string; overrides: Partial<GPT2Config>; lossChunkTokens?: number }[] = [
  { label: 'vanilla', overrides: { attn_impl: 'vanilla' } },
  { label: 'vanilla + LightSoftmax + DropMatmul', overrides: { attn_impl: 'vanilla', use_lightsoftmax: true, use_dropmatmul: true } },
  { label: 'light', overrides: { attn_impl: 'light' } },
  // A cap far below one head's logits forces one query row per chunk.
  { label: 'chunked', overrides: { attn_impl: 'chunked', max_chunk_size_mb: 1e-6 } },
  { label: 'flash', overrides: { attn_impl: 'flash' } },
  { label: 'flash + chunked loss', overrides: { attn_impl: 'flash' }, lossChunkTokens: 5 },
];

function tensor(g: Golden, name: string, device: tc.Device): tc.Tensor {
  const { data, shape } = g.get(name);
  return tc.fromArray(data instanceof Int32Array ? data : Float32Array.from(data), { shape, device });
}

function expectRelative(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol: number, label: string): void {
  const err = maxRelativeError(actual, expected);
  expect(err, `${label}: relative error ${err.toExponential(2)} > ${rtol}`).toBeLessThanOrEqual(rtol);
}

/** Loads the golden's HF checkpoint folder onto `device` with this variant's overrides. */
function load(g: Golden, device: tc.Device, overrides: Partial<GPT2Config>): GPT2LMHeadModel {
  return loadPretrained(readPretrainedDir(g.dir), { device, overrides });
}

async function checkForwardBackward(g: Golden, device: tc.Device, variant: (typeof VARIANTS)[number]): Promise<void> {
  const model = load(g, device, variant.overrides);
  const input = tensor(g, 'input_ids', device);
  const labels = tensor(g, 'labels', device);
  const { logits, loss } = model.forward(input, { labels, lossChunkTokens: variant.lossChunkTokens, logits: 'all' });
  expectRelative(await logits!.toArray(), g.get('logits').data, LOGITS_RTOL, `${g.name} ${variant.label} logits`);
  expectRelative([await loss!.item()], g.get('loss').data, LOGITS_RTOL, `${g.name} ${variant.label} loss`);
  loss!.backward();
  const named = model.namedParameters();
  expect(named.map(([n]) => n)).toEqual(g.meta.parameter_names);
  for (const [name, p] of named) expectRelative(await p.grad!.toArray(), g.get(`grad.${name}`).data, GRAD_RTOL, `${g.name} ${variant.label} grad ${name}`);

  model.zeroGrad();
  const masked = ag.noGrad(() =>
    model.forward(input, {
      labels: tensor(g, 'labels_masked', device),
      attentionMask: tensor(g, 'attention_mask', device),
      lossChunkTokens: variant.lossChunkTokens,
      logits: 'all',
    }),
  );
  expectRelative(await masked.logits!.toArray(), g.get('logits_masked').data, LOGITS_RTOL, `${g.name} ${variant.label} masked logits`);
  expectRelative([await masked.loss!.item()], g.get('loss_masked').data, LOGITS_RTOL, `${g.name} ${variant.label} masked loss`);
  model.dispose();
}

async function checkAdamW(g: Golden, device: tc.Device, overrides: Partial<GPT2Config>, lossChunkTokens?: number): Promise<void> {
  const model = load(g, device, overrides);
  const { lr, betas, eps, weight_decay, steps } = g.meta.adamw;
  const opt = new ag.AdamW(model.parameters(), { lr, betas, eps, weightDecay: weight_decay });
  const input = tensor(g, 'input_ids', device);
  const labels = tensor(g, 'labels', device);
  const losses: number[] = [];
  for (let step = 0; step <= steps; step++) {
    opt.zeroGrad();
    const { loss } = model.forward(input, { labels, lossChunkTokens, logits: 'none' });
    losses.push(await loss!.item());
    if (step === steps) break;
    loss!.backward();
    opt.step();
  }
  const expected = g.get('adamw_losses').data;
  for (let i = 0; i < losses.length; i++) expectRelative([losses[i]!], [expected[i]!], LOGITS_RTOL, `${g.name} AdamW loss after ${i} steps`);
  model.dispose();
}

async function checkGenerate(g: Golden, device: tc.Device, overrides: Partial<GPT2Config>): Promise<void> {
  const model = load(g, device, overrides);
  const prompt = Array.from(g.get('prompt').data);
  const expected = Array.from(g.get('generated').data);
  for (const useCache of [true, false])
    expect(await generateAll(model, prompt, { maxNewTokens: expected.length, useCache }), `useCache ${useCache}`).toEqual(expected);
  model.dispose();
}

for (const name of ['tiny', 'small']) {
  const g = loadGolden(name);
  describe(`parity with transformers: gpt2-${name} on the CPU`, () => {
    const device = tc.createCpuDevice();
    it(`the golden files are present (regenerate them with ${GOLDEN_COMMAND})`, () => {
      expect(g).toBeTruthy();
    });
    it("has HF's state-dict keys", () => {
      const model = load(g!, device, {});
      expect(Object.keys(model.stateDict())).toEqual([
        ...g!.meta.state_dict_keys,
        ...(g!.meta.state_dict_keys.includes('lm_head.weight') ? [] : ['lm_head.weight']),
      ]);
    });
    for (const variant of VARIANTS) it(`logits, loss and every gradient: ${variant.label}`, () => checkForwardBackward(g!, device, variant));
    it('the losses of AdamW steps (vanilla)', () => checkAdamW(g!, device, { attn_impl: 'vanilla' }));
    it('the losses of AdamW steps (flash, chunked loss)', () => checkAdamW(g!, device, { attn_impl: 'flash' }, 7));
    it('greedy generation, with and without the KV cache', () => checkGenerate(g!, device, { attn_impl: 'flash' }));
  });
}

const tiny = loadGolden('tiny');
// SwiftShader compiles a pipeline per kernel variant on first use: allow a minute per test.
describeEachDevice(
  'parity with transformers: gpt2-tiny',
  [{ name: 'webgpu', create: () => createWebGPUDevice() }],
  (device) => {
    for (const variant of [VARIANTS[0]!, VARIANTS[2]!, VARIANTS[5]!]) {
      it(`logits, loss and every gradient: ${variant.label}`, async () => {
        await checkForwardBackward(tiny!, device, variant);
      });
    }
    it('greedy generation with the KV cache', async () => {
      const model = load(tiny!, device, { attn_impl: 'flash' });
      const expected = Array.from(tiny!.get('generated').data);
      expect(await generateAll(model, Array.from(tiny!.get('prompt').data), { maxNewTokens: expected.length })).toEqual(expected);
    });
    it('greedy generation of a batch of prompts of different lengths, as each prompt alone', async () => {
      const model = load(tiny!, device, { attn_impl: 'flash' });
      const prompt = Array.from(tiny!.get('prompt').data);
      const prompts = [prompt.slice(0, 2), prompt, prompt.slice(1, 4)];
      for (const useCache of [true, false]) {
        const options = { maxNewTokens: 5, eosTokenId: null, useCache };
        const rows = prompts.map((): number[] => []);
        for await (const step of generateBatch(model, prompts, options)) step.forEach((t, b) => rows[b]!.push(t));
        for (const [b, p] of prompts.entries()) expect(rows[b], `useCache ${useCache}, prompt ${b}`).toEqual(await generateAll(model, p, options));
      }
    });
  },
  { timeout: 60_000 },
);

// The WebAssembly CPU device computes in f32 (SIMD matmul, softmax, layer norm, gelu, binary ops)
// against the same float64 goldens and tolerances, on one thread and on two.
for (const threads of [1, 2]) {
  describe(`parity with transformers: gpt2-tiny and gpt2-small on the WebAssembly device, ${threads} thread(s)`, { timeout: 60_000 }, async () => {
    const device = await createWasmDevice({ threads, name: `wasm-parity-${threads}` });
    afterAll(() => device.destroy());
    for (const name of ['tiny', 'small']) {
      const g = loadGolden(name)!;
      for (const variant of VARIANTS) it(`${name}: logits, loss and every gradient: ${variant.label}`, () => checkForwardBackward(g, device, variant));
      it(`${name}: the losses of AdamW steps (vanilla)`, () => checkAdamW(g, device, { attn_impl: 'vanilla' }));
      it(`${name}: greedy generation, with and without the KV cache`, () => checkGenerate(g, device, { attn_impl: 'flash' }));
    }
  });
}
