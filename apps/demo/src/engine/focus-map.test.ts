import { CharTokenizer, LeapForCausalLM } from '@lightattn/gpt2-model';
import { createCpuDevice, Generator } from '@lightattn/tensor-core';
import { focusDistribution, leapConfig } from '@lightattn/leap-attention';
import { describe, expect, it } from 'vitest';
import { focusMap } from './focus-map.js';

const tokenizer = CharTokenizer.fromText('abcdefgh .');

function model(variant: 'seed' | 'v2', windowSizes: number[]) {
  const config = leapConfig({
    hidden_size: 16,
    n_heads: 2,
    n_layer: windowSizes.length,
    vocab_size: tokenizer.vocabSize,
    n_positions: 64,
    window_sizes: windowSizes,
    variant,
    hidden_dropout_prob: 0.2,
  });
  return new LeapForCausalLM(config, { device: createCpuDevice(), generator: new Generator(3) });
}

describe('focusMap', () => {
  it('gives every layer and head one weight in [0, 1] per token, 1 for a token alone in its window', async () => {
    const m = model('seed', [1, 3, 64]);
    const map = await focusMap(m, tokenizer, 'abc defg.');
    expect(map.tokens).toEqual([...'abc defg.']);
    expect(map.layers.map((l) => l.window)).toEqual([1, 3, 'global']);
    for (const layer of map.layers) {
      expect(layer.heads).toHaveLength(2);
      for (const head of layer.heads) {
        expect(head).toHaveLength(9);
        for (const v of head) expect(v >= 0 && v <= 1 + 1e-6).toBe(true);
        expect(head[0]).toBeCloseTo(1, 5); // the first token is alone in every window
      }
    }
    for (const v of map.layers[0]!.heads.flat()) expect(v).toBeCloseTo(1, 5); // a window of one
    expect(m.training, 'training mode restored').toBe(true);
  });

  it('agrees with the window distributions of leap-attention (v2, eval mode: no dropout)', async () => {
    const m = model('v2', [4, 64]);
    const map = await focusMap(m, tokenizer, 'hgfedcba');
    // Layer 0 by hand: the embeddings through block 0 with focus, as focusMap runs it.
    const { fromArray, arange, add, noGrad } = await import('@lightattn/tensor-core');
    m.eval();
    const ids = fromArray(Int32Array.from(tokenizer.encode('hgfedcba')), { shape: [1, 8], dtype: 'i32', device: m.device });
    // No gradient here (tensor-core's add refuses to cut a graph that is being recorded).
    const x = noGrad(() => add(m.word_embedding.forward(ids), m.leap_model.position_embeddings.forward(arange(0, 8, 1, { dtype: 'i32', device: m.device }))));
    const { focus } = [...m.leap_model.decoders][0]!.forwardWithFocus(x, null);
    for (let head = 0; head < 2; head++) {
      for (let t = 0; t < 8; t++) {
        const row = await focusDistribution(focus!, 0, head, t);
        expect(row.positions.at(-1)).toBe(t);
        expect(row.positions.length).toBe(Math.min(4, t + 1));
        expect(map.layers[0]!.heads[head]![t]).toBeCloseTo(row.weights.at(-1)!, 5);
      }
    }
  });

  it('explains what is wrong with the prompt', async () => {
    const m = model('seed', [2, 64]);
    await expect(focusMap(m, tokenizer, '')).rejects.toThrow(/the prompt is empty/);
    await expect(focusMap(m, tokenizer, 'a'.repeat(65))).rejects.toThrow(/65 tokens, more than the model's n_positions 64/);
    await expect(focusMap(m, tokenizer, 'xyz')).rejects.toThrow(/"x" .* is not in the 10-character vocabulary/);
  });
});
