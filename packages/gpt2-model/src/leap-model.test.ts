import * as ag from '@lightattn/autograd';
import type { LeapVariant } from '@lightattn/leap-attention';
import * as tc from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { generateAll } from './generate.js';
import { loadLeapPretrained, parseLeapConfig, saveLeapPretrained } from './leap-checkpoint.js';
import { LeapForCausalLM } from './leap-model.js';
import { maxRelativeError } from '@lightattn/tensor-core/testing';

const device = tc.getDefaultDevice();
const VARIANTS: LeapVariant[] = ['seed', 'v2'];

function leap(variant: LeapVariant, overrides: Record<string, unknown> = {}, seed = 2): LeapForCausalLM {
  return new LeapForCausalLM(
    {
      hidden_size: 16,
      vocab_size: 23,
      n_heads: 2,
      n_layer: 3,
      n_positions: 20,
      hidden_dropout_prob: 0,
      initializer_range: 0.3,
      variant,
      window_sizes: [2, 4, 20],
      ...overrides,
    },
    { device, generator: new tc.Generator(seed) },
  );
}

const ids = (rows: number[][]) => tc.fromArray(Int32Array.from(rows.flat()), { shape: [rows.length, rows[0]!.length], device });

/** The original package's LeapForCausalLM.state_dict() keys. */
function originalKeys(variant: LeapVariant, nLayer: number): string[] {
  const block = (i: number) => {
    const p = `leap_model.decoders.${i}.`;
    const norm = variant === 'seed' ? 'pre_norm' : 'attn_norm';
    const ff = variant === 'seed' ? ['boom.weight', 'unboom.weight'] : ['boom.weight', 'boom.bias', 'unboom.weight', 'unboom.bias'];
    return [`${norm}.weight`, `${norm}.bias`, 'projections.weight', ...ff, 'boom_norm.weight', 'boom_norm.bias'].map((n) => p + n);
  };
  return [
    'word_embedding.weight',
    'proj_logits.weight',
    ...Array.from({ length: nLayer }, (_, i) => block(i)).flat(),
    'leap_model.position_embeddings.weight',
    'last_norm.weight',
    'last_norm.bias',
  ];
}

describe('LeapForCausalLM', () => {
  for (const variant of VARIANTS) {
    it(`${variant}: has the original package's state-dict names, the head tied to the embedding`, () => {
      const model = leap(variant);
      expect(Object.keys(model.stateDict()).sort()).toEqual(originalKeys(variant, 3).sort());
      expect(model.proj_logits.weight).toBe(model.word_embedding.weight);
    });

    it(`${variant}: the recurrent state gives the parallel logits, token by token`, async () => {
      const model = leap(variant).eval();
      const tokens = [
        [3, 1, 4, 1, 5, 9, 2, 6, 5],
        [2, 7, 1, 8, 2, 8, 1, 8, 2],
      ];
      const parallel = await model.forward(ids(tokens)).logits!.toArray();
      const state = model.createDecodeState(2, 9);
      const steps = ag.noGrad(() => [
        // A prompt of 4, then one token at a time.
        model.forward(ids(tokens.map((r) => r.slice(0, 4))), { cache: state }).logits!,
        ...Array.from({ length: 5 }, (_, i) => model.forward(ids(tokens.map((r) => [r[4 + i]!])), { cache: state }).logits!),
      ]);
      const recurrent = await ag.noGrad(() => tc.concat(steps, 1)).toArray();
      expect(recurrent, `${variant} recurrent logits`).toBeAllClose(parallel, { rtol: 1e-4, atol: 1e-5 });
      expect(state.position).toBe(9);
      state.dispose();
    });

    it(`${variant}: the chunked loss equals the full loss, gradients included`, async () => {
      const model = leap(variant);
      const input = ids([
        [3, 1, 4, 1, 5, 9],
        [2, 7, 1, 8, 2, 8],
      ]);
      const full = model.forward(input, { labels: input });
      full.loss!.backward();
      const g = await model.word_embedding.weight.grad!.toArray();
      model.zeroGrad();
      const chunked = model.forward(input, { labels: input, lossChunkTokens: 5 });
      chunked.loss!.backward();
      expect(await chunked.loss!.item()).toBeCloseTo(await full.loss!.item(), 5);
      expect(maxRelativeError(await model.word_embedding.weight.grad!.toArray(), g)).toBeLessThan(1e-5);
    });

    it(`${variant}: checkpoints round-trip in the original format`, async () => {
      const model = leap(variant, {}, 9).eval();
      const files = await saveLeapPretrained(model);
      expect(JSON.parse(files.config)).toMatchObject({ model_type: 'LeapForCausalLM', n_heads: 2, window_sizes: [2, 4, 20] });
      const loaded = loadLeapPretrained(files, { device }).eval();
      expect(loaded.config.variant).toBe(variant);
      const input = ids([[1, 2, 3, 4, 5]]);
      expect(await loaded.forward(input).logits!.toArray()).toEqual(await model.forward(input).logits!.toArray());
    });

    it(`${variant}: the loader draws no random numbers and refuses a checkpoint without a weight`, async () => {
      const model = leap(variant, {}, 9).eval();
      const files = await saveLeapPretrained(model);
      const before = tc.getDefaultGenerator().getState();
      const loaded = loadLeapPretrained(files, { device }).eval();
      expect(tc.getDefaultGenerator().getState()).toEqual(before);
      const input = ids([[1, 2, 3, 4, 5]]);
      expect(await loaded.forward(input).logits!.toArray()).toEqual(await model.forward(input).logits!.toArray());
      for (const name of ['word_embedding.weight', 'leap_model.decoders.1.projections.weight', 'last_norm.bias']) {
        const entries = new Map(tc.parseSafetensors(files.weights).entries);
        entries.delete(name);
        const weights = tc.serializeSafetensors(new Map([...entries].map(([k, e]) => [k, { dtype: e.dtype, shape: [...e.shape], bytes: e.bytes.slice() }])));
        expect(() => loadLeapPretrained({ config: files.config, weights }, { device }), name).toThrow(
          new RegExp(`LEAP checkpoint: [\\s\\S]*missing: ${name.replace(/\./g, '\\.')}(\n|$)`),
        );
      }
    });

    it(`${variant}: generates with the recurrent state as without it`, async () => {
      const model = leap(variant);
      const opts = { maxNewTokens: 8, doSample: true, seed: 4, eosTokenId: null };
      const withState = await generateAll(model, [1, 2, 3], opts);
      expect(withState).toHaveLength(8);
      expect(await generateAll(model, [1, 2, 3], { ...opts, useCache: false })).toEqual(withState);
    });
  }

  it('ignores padded positions in the loss, as the original masks its labels', async () => {
    const model = leap('seed');
    const input = ids([[3, 1, 4, 1, 5, 9]]);
    const mask = ids([[1, 1, 1, 1, 0, 0]]);
    const masked = await model.forward(input, { labels: input, attentionMask: mask }).loss!.item();
    const byHand = await model.forward(input, { labels: ids([[3, 1, 4, 1, -100, -100]]), attentionMask: mask }).loss!.item();
    expect(masked).toBeCloseTo(byHand, 6);
  });

  it("reads the original's config.json spellings (n_head, rescale, global window_sizes) and refuses unknown fields", () => {
    const c = parseLeapConfig(
      {
        architectures: ['LeapForCausalLM'],
        model_type: 'LeapForCausalLM',
        hidden_size: 32,
        n_head: 4,
        rescale: 10,
        use_local_att: false,
        window_sizes: [8, 8],
        n_positions: 8,
        n_layer: 2,
        vocab_size: 50,
        rnn: false,
        transformers_version: '4.21.0',
      },
      'v2',
    );
    expect(c).toMatchObject({ n_heads: 4, rescale_value: 10, windows: ['global', 'global'], variant: 'v2' });
    expect(() => parseLeapConfig({ hiden_size: 32 })).toThrow(/unknown field "hiden_size" \(did you mean "hidden_size"\?\)/);
    expect(() => parseLeapConfig({ rnn: true })).toThrow(/LSTM baseline/);
  });
});
