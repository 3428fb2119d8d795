import * as ag from '@lightattn/autograd';
import type { LeapForCausalLM, Tokenizer } from '@lightattn/gpt2-model';
import type { LeapWindow } from '@lightattn/leap-attention';
import * as tc from '@lightattn/tensor-core';
import { LightattnError, type Tensor } from '@lightattn/tensor-core';

export interface FocusLayer {
  layer: number;
  window: LeapWindow;
  /** [head][token]: w_t / N_t, the focus weight token t receives, normalised within its window (in [0, 1]). */
  heads: number[][];
}

export interface FocusMap {
  /** The prompt's tokens as text, one per column. */
  tokens: string[];
  layers: FocusLayer[];
}

/**
 * The focus weight every token of `prompt` receives, per layer and head: LEAP's parallel forward
 * in eval mode, each block through `forwardWithFocus`. A large value means the later tokens of its
 * window average this token's value with a large weight.
 */
export async function focusMap(model: LeapForCausalLM, tokenizer: Tokenizer, prompt: string): Promise<FocusMap> {
  const ids = tokenizer.encode(prompt);
  const limit = model.config.n_positions;
  if (!ids.length) throw new LightattnError('LEAP explained: the prompt is empty; type a few words');
  if (ids.length > limit)
    throw new LightattnError(`LEAP explained: the prompt has ${ids.length} tokens, more than the model's n_positions ${limit}; shorten it`);
  const device = model.device;
  const t = ids.length;
  const wasTraining = model.training;
  model.eval();
  let weights: Tensor[] = [];
  try {
    weights = ag.noGrad(() =>
      tc.scope(() => {
        const input = tc.fromArray(Int32Array.from(ids), { shape: [1, t], dtype: 'i32', device }); // (1, T)
        const positions = tc.arange(0, t, 1, { dtype: 'i32', device }); // (T,)
        let x = tc.add(model.word_embedding.forward(input), model.leap_model.position_embeddings.forward(positions)); // (1, T, d)
        const out: Tensor[] = [];
        for (const block of model.leap_model.decoders) {
          const { output, focus } = block.forwardWithFocus(x, null);
          out.push(focus!.weights); // (1, H, T)
          x = output;
        }
        return out;
      }),
    );
    const layers: FocusLayer[] = [];
    const blocks = [...model.leap_model.decoders];
    for (const [layer, w] of weights.entries()) {
      const values = await w.toArray();
      const h = w.shape[1]!;
      layers.push({
        layer,
        window: blocks[layer]!.window,
        heads: Array.from({ length: h }, (_, head) => Array.from(values.subarray(head * t, (head + 1) * t))),
      });
    }
    return { tokens: ids.map((id) => tokenizer.decode([id])), layers };
  } finally {
    for (const w of weights) w.dispose();
    model.train(wasTraining);
  }
}
