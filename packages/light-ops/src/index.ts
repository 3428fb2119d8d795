// @lightattn/light-ops: LightSoftmax, DropMatmul, Q/K pre-scaling, chunked and log-sum-exp tiled
// attention, each with what it saves for the backward stated and tested. Explicit named exports only.

export type {
  AttentionImpl,
  AttentionOptions,
  BaseAttentionOptions,
  VanillaAttentionOptions,
  LightAttentionOptions,
  ChunkedAttentionOptions,
  FlashAttentionOptions,
} from './attention-options.js';
export { attention, ATTENTION_IMPLS } from './attention.js';
export { vanillaAttention } from './vanilla-attention.js';
export { lightAttention } from './light-attention.js';
export type { ChunkPlan } from './chunked-attention.js';
export { chunkedAttention, chunkPlan } from './chunked-attention.js';
export { flashAttention } from './flash-attention.js';
export { lightSoftmax } from './light-softmax.js';
export type { DropMatmulOptions, DropMatmulMaskStorage } from './drop-matmul.js';
export { dropMatmul } from './drop-matmul.js';
export { prescaleQK, defaultScale } from './prescale.js';
export type { AttentionDropout, RngOptions } from './dropout-rule.js';
export { packBits, unpackBits } from './pack-bits.js';
export type { CausalSelfAttentionConfig, CausalSelfAttentionOptions } from './causal-self-attention.js';
export { CausalSelfAttention } from './causal-self-attention.js';
