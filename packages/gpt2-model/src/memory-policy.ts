import type { AttentionOptions } from '@lightattn/light-ops';
import type { Generator } from '@lightattn/tensor-core';
import type { GPT2Config } from './config.js';

/**
 * The memory policy of a GPT-2 config, kept apart from the architecture (model.ts): which attention
 * implementation runs and what it keeps for the backward, and what the backward recomputes instead
 * of keeping. Every choice here changes memory and speed, never the values (docs/model.md).
 */

/**
 * The options of the attention call of every layer: the configured implementation (`attn_impl`),
 * LightSoftmax and DropMatmul for 'vanilla', DropMatmul's mask storage, the chunk cap for 'chunked',
 * and attention dropout while training. The model adds the causal flag and its padding mask.
 */
export function attentionOptions(config: GPT2Config, training: boolean, generator?: Generator): AttentionOptions {
  return {
    impl: config.attn_impl,
    dropout: config.attn_pdrop,
    training,
    generator,
    useLightSoftmax: config.use_lightsoftmax,
    useDropMatmul: config.use_dropmatmul,
    maskStorage: config.dropmatmul_mask,
    maxChunkSizeMb: config.max_chunk_size_mb ?? undefined,
  };
}

/** What `activation_recompute` asks of the model, as the two places it acts. */
export interface RecomputePolicy {
  /** 'selective': the attention and MLP output projections keep their (smaller) inputs and recompute the rest (recompute.ts). */
  readonly projections: boolean;
  /** 'full': each block keeps only its input and runs again in the backward (autograd's checkpoint). */
  readonly blocks: boolean;
}

export function recomputePolicy(config: GPT2Config): RecomputePolicy {
  return { projections: config.activation_recompute === 'selective', blocks: config.activation_recompute === 'full' };
}
