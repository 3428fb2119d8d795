import * as ag from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { gpt2Config, type GPT2Config } from './config.js';
import { generate, generateAll, generateBatch, streamText } from './generate.js';
import { GPT2LMHeadModel } from './model.js';
import { CharTokenizer } from './tokenizer.js';

const device = tc.getDefaultDevice();
const tokenizer = CharTokenizer.fromText('abcdefghijklmnopqrstuvwxyz .!🤗é', { eos: true });

function model(overrides: Partial<GPT2Config> = {}, seed = 11): GPT2LMHeadModel {
  const config = gpt2Config('gpt2-tiny', {
    vocab_size: tokenizer.vocabSize,
    eos_token_id: tokenizer.eosTokenId,
    n_positions: 24,
    initializer_range: 0.3,
    ...overrides,
  });
  return new GPT2LMHeadModel(config, { device, generator: new tc.Generator(seed) });
}

const sample = { doSample: true, temperature: 0.9, topK: 12, topP: 0.95 };

/** A meta device that records every op it is asked to run, with its shapes. */
class RecordingMeta extends tc.MetaDevice {
  log: string[] = [];
  override run<K extends tc.OpName>(op: K, inputs: readonly tc.TensorRef[], outputs: readonly tc.TensorRef[], params: tc.OpParams<K>): void {
    this.log.push(`${op} ${inputs.map((t) => tc.formatShape(t.shape)).join(' ')} → ${outputs.map((t) => tc.formatShape(t.shape)).join(' ')}`);
    super.run(op, inputs, outputs, params);
  }
}

describe('generation', () => {
  it('the KV cache gives the logits of the full forward at every step', async () => {
    for (const attn_impl of ['vanilla', 'flash'] as const) {
      const m = model({ attn_impl }).eval();
      const tokens = [3, 1, 4, 1, 5, 9, 2, 6];
      const full = (await m.forward(tc.fromArray(Int32Array.from(tokens), { shape: [1, 8], device })).logits!.toArray()) as Float32Array;
      const cache = m.createDecodeState(1, 8);
      const steps: Float32Array[] = [];
      ag.noGrad(() => {
        // A prefill of 3 tokens, then one token at a time.
        const first = m.forward(tc.fromArray(Int32Array.from(tokens.slice(0, 3)), { shape: [1, 3], device }), { cache }).logits!;
        steps.push(first.toArraySync() as Float32Array);
        for (let t = 3; t < 8; t++)
          steps.push(m.forward(tc.fromArray(Int32Array.from([tokens[t]!]), { shape: [1, 1], device }), { cache }).logits!.toArraySync() as Float32Array);
      });
      const cached = new Float32Array(steps.reduce((n, s) => n + s.length, 0));
      let at = 0;
      for (const s of steps) {
        cached.set(s, at);
        at += s.length;
      }
      expect(cached, `${attn_impl} cached logits`).toBeAllClose(full, { rtol: 1e-5, atol: 1e-5 });
      expect(cache.length).toBe(8);
      expect(() => ag.noGrad(() => m.forward(tc.zeros([1, 1], { dtype: 'i32', device }), { cache }))).toThrow(/1 new tokens do not fit: 8 of 8 slots are used/);
    }
  });

  it('sampling with a seed is deterministic, and the cache does not change the tokens', async () => {
    const m = model({ attn_impl: 'light' });
    const prompt = tokenizer.encode('hello');
    const a = await generateAll(m, prompt, { ...sample, maxNewTokens: 12, seed: 5, eosTokenId: null });
    expect(a).toHaveLength(12);
    expect(await generateAll(m, prompt, { ...sample, maxNewTokens: 12, seed: 5, eosTokenId: null })).toEqual(a);
    expect(await generateAll(m, prompt, { ...sample, maxNewTokens: 12, seed: 5, eosTokenId: null, useCache: false })).toEqual(a);
    expect(await generateAll(m, prompt, { ...sample, maxNewTokens: 12, seed: 6, eosTokenId: null })).not.toEqual(a);
    const greedy = await generateAll(m, prompt, { maxNewTokens: 12, eosTokenId: null });
    expect(await generateAll(m, prompt, { maxNewTokens: 12, eosTokenId: null, useCache: false })).toEqual(greedy);
  });

  it('each decoding step after the prefill runs the same ops on the same shapes, whatever the prefix', () => {
    const meta = new RecordingMeta();
    const m = new GPT2LMHeadModel(gpt2Config('gpt2-tiny', { vocab_size: 50, n_positions: 64 }), { device: meta }).eval();
    const cache = m.createDecodeState(2, 64);
    const stepOps: string[][] = [];
    ag.noGrad(() => {
      m.forward(tc.zeros([2, 5], { dtype: 'i32', device: meta }), { cache, logits: 'last' });
      for (let t = 5; t < 40; t++) {
        meta.log = [];
        m.forward(tc.zeros([2, 1], { dtype: 'i32', device: meta }), { cache, logits: 'last' });
        stepOps.push(meta.log);
      }
    });
    expect(stepOps[0]!.some((op) => op.startsWith('matmul') && op.includes('[2, 2, 64, 16]'))).toBe(true);
    for (const ops of stepOps.slice(1)) expect(ops).toEqual(stepOps[0]);
  });

  it('streams tokens through an async iterator and stops at eos', async () => {
    const eos = tokenizer.eosTokenId!;
    // ln_f(x) = 0·x̂ + 1 = 1 everywhere, and only the eos row of an untied head is non-zero:
    // the eos logit is 32, every other logit 0.
    const biased = model({ tie_word_embeddings: false });
    ag.noGrad(() => {
      tc.setSlice(biased.transformer.ln_f.weight, tc.zeros([32], { device }), [0]);
      tc.setSlice(biased.transformer.ln_f.bias, tc.ones([32], { device }), [0]);
      tc.setSlice(biased.lm_head.weight, tc.zeros(biased.lm_head.weight.shape, { device }), [0, 0]);
      tc.setSlice(biased.lm_head.weight, tc.ones([1, 32], { device }), [eos, 0]);
    });
    const seen: number[] = [];
    for await (const token of generate(biased, [1, 2, 3], { maxNewTokens: 10 })) seen.push(token);
    expect(seen).toEqual([eos]);
    expect(await generateAll(biased, [1, 2, 3], { maxNewTokens: 10, eosTokenId: null })).toEqual(new Array(10).fill(eos));
  });

  it('stops at maxNewTokens and at n_positions, and restores the training mode', async () => {
    const m = model({ n_positions: 8 }).train();
    expect(await generateAll(m, [1, 2, 3], { maxNewTokens: 0 })).toEqual([]);
    expect(await generateAll(m, [1, 2, 3], { maxNewTokens: 3, eosTokenId: null })).toHaveLength(3);
    expect(await generateAll(m, [1, 2, 3], { maxNewTokens: 100, eosTokenId: null })).toHaveLength(5);
    expect(m.training).toBe(true);
    expect(m.transformer.h.at(1).attn.training).toBe(true);
    await expect(generateAll(m, new Array(9).fill(1), { maxNewTokens: 1 })).rejects.toThrow(/9 tokens, more than n_positions 8/);
    await expect(generateAll(m, [99], { maxNewTokens: 1 })).rejects.toThrow(/99 is not a token id of this model/);
    await expect(generateAll(m, [1], { maxNewTokens: 1, doSample: true, temperature: 0 })).rejects.toThrow(/temperature must be a positive number/);
  });

  it('a batch of prompts decodes like each prompt alone', async () => {
    const m = model();
    const prompts = [tokenizer.encode('abc'), tokenizer.encode('xyz')];
    const rows: number[][] = [[], []];
    for await (const step of generateBatch(m, prompts, { maxNewTokens: 6, eosTokenId: null })) step.forEach((t, b) => rows[b]!.push(t));
    for (const [b, p] of prompts.entries()) expect(rows[b]).toEqual(await generateAll(m, p, { maxNewTokens: 6, eosTokenId: null }));
    // Prompts of different lengths: generate-batch.test.ts.
  });

  it('streamText yields text pieces that join to the decoded tokens', async () => {
    const m = model();
    const pieces: string[] = [];
    for await (const piece of streamText(m, tokenizer, 'héllo 🤗', { ...sample, seed: 3, maxNewTokens: 10 })) pieces.push(piece);
    const tokens = await generateAll(m, tokenizer.encode('héllo 🤗'), { ...sample, seed: 3, maxNewTokens: 10 });
    const text = tokenizer.decode(tokens.filter((t) => t !== tokenizer.eosTokenId));
    expect(pieces.join('')).toBe(tokens.includes(tokenizer.eosTokenId!) ? tokenizer.decode(tokens.slice(0, tokens.indexOf(tokenizer.eosTokenId!))) : text);
  });
});
