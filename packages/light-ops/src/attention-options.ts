import type { Generator, Tensor } from '@lightattn/tensor-core';
import type { DropMatmulMaskStorage } from './drop-matmul.js';

/** Options every attention implementation takes. q, k, v are [B, H, T, D]. */
export interface BaseAttentionOptions {
  /** Query row i sees keys j ≤ i + (Tk − Tq) (GPT-2's mask; with Tq = Tk, j ≤ i). Default false. */
  causal?: boolean;
  /**
   * Bool mask broadcastable to [B, H, Tq, Tk], true = attend (a padding mask is [B, 1, 1, Tk]).
   * Query rows with no key left give zeros (never NaN) in every implementation.
   */
  mask?: Tensor | null;
  /** Dropout probability on the attention probabilities. Default 0. */
  dropout?: number;
  /** Dropout applies only when training (default true). */
  training?: boolean;
  /** Source of the dropout's (seed, offset); the default generator when omitted. */
  generator?: Generator;
  /** Score scale; default 1/√D. */
  scale?: number;
}

export interface VanillaAttentionOptions extends BaseAttentionOptions {
  /** Softmax that saves only its output (LightSoftmax) instead of input and output. Default false. */
  useLightSoftmax?: boolean;
  /** Fused DropMatmul instead of dropout (saving a bool mask) then matmul. Default false. */
  useDropMatmul?: boolean;
  /** With useDropMatmul: how DropMatmul keeps its mask (see LightAttentionOptions). Default 'rng'. */
  maskStorage?: DropMatmulMaskStorage;
}

export interface LightAttentionOptions extends BaseAttentionOptions {
  /** How DropMatmul keeps the mask: 'rng' (default, nothing but the RNG seed), 'packed' (1 bit per element) or 'bool' (1 byte, as Light Attention). */
  maskStorage?: DropMatmulMaskStorage;
}

export interface ChunkedAttentionOptions extends BaseAttentionOptions {
  /**
   * Cap on the attention logits tensor in MB (10⁶ bytes): num_chunks = ⌊B·H·Tq·Tk·4 / (MB·10⁶)⌋ + 1
   * chunks over the query axis (dm-haiku PR 679). Default Infinity (one chunk).
   */
  maxChunkSizeMb?: number;
}

/** Options of {@link flashAttention}: those shared by every implementation. */
export type FlashAttentionOptions = BaseAttentionOptions;

/** Every attention implementation, in the order the docs present them. */
export const ATTENTION_IMPLS = ['vanilla', 'light', 'chunked', 'flash'] as const;
/** The attention implementations; all give the same values and differ in what they keep for the backward. */
export type AttentionImpl = (typeof ATTENTION_IMPLS)[number];

export interface AttentionOptions extends VanillaAttentionOptions, LightAttentionOptions, ChunkedAttentionOptions {
  /** Default 'vanilla'. */
  impl?: AttentionImpl;
}
