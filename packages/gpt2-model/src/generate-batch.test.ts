import type { LeapVariant } from '@lightattn/leap-attention';
import * as tc from '@lightattn/tensor-core';
import { describe, expect, it } from 'vitest';
import { gpt2Config, type GPT2Config } from './config.js';
import { generateAll, generateBatch, type DecodeState, type DecodingModel, type GenerateOptions } from './generate.js';
import { LeapForCausalLM } from './leap-model.js';
import { GPT2LMHeadModel } from './model.js';

const device = tc.getDefaultDevice();
const VOCAB = 31;

function gpt2(overrides: Partial<GPT2Config> = {}): GPT2LMHeadModel {
  const config = gpt2Config('gpt2-tiny', { vocab_size: VOCAB, n_positions: 24, initializer_range: 0.3, ...overrides });
  return new GPT2LMHeadModel(config, { device, generator: new tc.Generator(11) });
}

function leap(variant: LeapVariant): LeapForCausalLM {
  const config = {
    hidden_size: 16,
    vocab_size: VOCAB,
    n_heads: 2,
    n_layer: 3,
    n_positions: 24,
    hidden_dropout_prob: 0,
    initializer_range: 0.3,
    variant,
    window_sizes: [2, 4, 24],
  };
  return new LeapForCausalLM(config, { device, generator: new tc.Generator(2) });
}

/** generateBatch's steps, as one token list per prompt. */
async function rowsOf<S extends DecodeState>(model: DecodingModel<S>, prompts: number[][], options: GenerateOptions): Promise<number[][]> {
  const rows = prompts.map((): number[] => []);
  for await (const step of generateBatch(model, prompts, options)) {
    expect(step).toHaveLength(prompts.length);
    step.forEach((t, b) => rows[b]!.push(t));
  }
  return rows;
}

// Lengths 1 to 7, out of order, with the shortest neither first nor last.
const PROMPTS = [[3, 1, 4, 1, 5], [9, 2, 6, 5, 3, 5, 8], [7], [2, 7, 1, 8]];

// Either model as generation sees it (each is a DecodingModel of its own state type).
const MODELS: [string, () => DecodingModel][] = [
  ['GPT-2 (vanilla)', () => gpt2() as DecodingModel],
  ['GPT-2 (flash)', () => gpt2({ attn_impl: 'flash' }) as DecodingModel],
  ['LEAP seed', () => leap('seed') as DecodingModel],
  ['LEAP v2', () => leap('v2') as DecodingModel],
];

describe('generateBatch with prompts of different lengths', () => {
  for (const [name, make] of MODELS) {
    for (const useCache of [true, false]) {
      it(`${name}, ${useCache ? 'with' : 'without'} the cache: each row is greedy decoding of its prompt alone`, async () => {
        const model = make();
        const options = { maxNewTokens: 6, eosTokenId: null, useCache };
        const rows = await rowsOf(model, PROMPTS, options);
        for (const [b, prompt] of PROMPTS.entries()) expect(rows[b], `prompt ${b}`).toEqual(await generateAll(model, prompt, options));
      });
    }
  }

  it('a row that reaches eos repeats it while the others go on; the batch ends with the last eos', async () => {
    const model = gpt2();
    const free = await rowsOf(model, PROMPTS, { maxNewTokens: 10, eosTokenId: null });
    const lengths: number[] = [];
    let staggered = false;
    // Each token the rows produce, as eos: each row cut after its first eos must be its run alone.
    for (const eos of new Set(free.flat())) {
      const rows = await rowsOf(model, PROMPTS, { maxNewTokens: 10, eosTokenId: eos });
      const alone: number[][] = [];
      for (const p of PROMPTS) alone.push(await generateAll(model, p, { maxNewTokens: 10, eosTokenId: eos }));
      for (const [b, row] of rows.entries()) {
        expect(row).toHaveLength(Math.max(...alone.map((a) => a.length)));
        expect(row.slice(0, alone[b]!.length), `eos ${eos}, row ${b}`).toEqual(alone[b]);
        expect(row.slice(alone[b]!.length).every((t) => t === eos)).toBe(true);
      }
      lengths.push(rows[0]!.length);
      staggered ||= alone.some((a) => a.length < rows[0]!.length);
    }
    // Both cases occurred: a batch that ended early (every row reached eos), and rows that ended before others.
    expect(Math.min(...lengths)).toBeLessThan(10);
    expect(staggered).toBe(true);
  });

  it('GPT-2: the batch stops when its longest prompt reaches n_positions', async () => {
    const model = gpt2({ n_positions: 10 });
    const prompts = [
      [1, 2],
      [1, 2, 3, 4, 5, 6, 7],
    ]; // room for 8 and for 3 new tokens
    for (const useCache of [true, false]) {
      const options = { maxNewTokens: 100, eosTokenId: null, useCache };
      const rows = await rowsOf(model, prompts, options);
      const short = await generateAll(model, prompts[0]!, options);
      expect(short).toHaveLength(8);
      expect(rows[0]).toEqual(short.slice(0, 3));
      expect(rows[1]).toEqual(await generateAll(model, prompts[1]!, options));
      expect(rows[1]).toHaveLength(3);
    }
    await expect(generateBatch(model, [[1], new Array(11).fill(1)], { maxNewTokens: 1 }).next()).rejects.toThrow(
      /prompt 1 has 11 tokens, more than n_positions 10/,
    );
    expect(await rowsOf(model, [[1], new Array(10).fill(1)], { maxNewTokens: 5 })).toEqual([[], []]);
  });

  it('sampling with a seed is deterministic and does not depend on the cache', async () => {
    const model = gpt2();
    const options = { maxNewTokens: 6, eosTokenId: null, doSample: true, temperature: 0.9, topK: 12, seed: 5 };
    const rows = await rowsOf(model, PROMPTS, options);
    expect(await rowsOf(model, PROMPTS, options)).toEqual(rows);
    expect(await rowsOf(model, PROMPTS, { ...options, useCache: false })).toEqual(rows);
  });

  it('still refuses an empty prompt or batch and ids outside the vocabulary', async () => {
    const model = gpt2();
    await expect(generateBatch(model, [[1, 2], []], { maxNewTokens: 1 }).next()).rejects.toThrow(/each with at least one token/);
    await expect(generateBatch(model, [], { maxNewTokens: 1 }).next()).rejects.toThrow(/at least one prompt/);
    await expect(generateBatch(model, [[1], [2, VOCAB]], { maxNewTokens: 1 }).next()).rejects.toThrow(/31 is not a token id of this model/);
  });
});

describe('overlapping generations on one model', () => {
  it('share eval mode: the first to end does not switch dropout back on under the other; the last restores training mode', async () => {
    const model = gpt2({ resid_pdrop: 0.5, embd_pdrop: 0.5, attn_pdrop: 0.5 });
    const options = { maxNewTokens: 8, eosTokenId: null };
    const expected = await Promise.all(PROMPTS.slice(0, 2).map((p) => generateAll(model, p, options))); // run side by side
    model.train();
    const first = generateBatch(model, [PROMPTS[0]!], options);
    const head = await first.next(); // the first run now holds eval mode
    expect(model.training).toBe(false);
    expect(await generateAll(model, PROMPTS[1]!, options)).toEqual(expected[1]); // a whole second run starts and ends
    expect(model.training).toBe(false); // … and leaves eval mode to the first
    const rest: number[] = [(head.value as number[])[0]!];
    for await (const step of { [Symbol.asyncIterator]: () => first }) rest.push(step[0]!);
    expect(rest).toEqual(expected[0]);
    expect(model.training).toBe(true);
  });
});
