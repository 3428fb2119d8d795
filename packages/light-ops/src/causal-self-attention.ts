import { Dropout, Linear, Module, narrow, permute, reshape } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { formatShape, ShapeError, type Device, type Generator, type Tensor } from '@lightattn/tensor-core';
import { attention } from './attention.js';
import type { AttentionImpl } from './attention-options.js';

/** The attention part of a GPT-2 config, with Light Attention's flags. */
export interface CausalSelfAttentionConfig {
  nEmbd: number;
  nHead: number;
  /** Dropout on the attention probabilities. Default 0.1 (GPT-2). */
  attnPdrop?: number;
  /** Dropout on the output projection. Default 0.1. */
  residPdrop?: number;
  /** Light Attention's `use_lightsoftmax` (vanilla impl only; 'light' always uses it). Default false. */
  useLightsoftmax?: boolean;
  /** Light Attention's `use_dropmatmul` (vanilla impl only; 'light' always uses it). Default false. */
  useDropmatmul?: boolean;
  /** Default 'vanilla'. */
  attnImpl?: AttentionImpl;
  /** For 'chunked': the cap on the logits tensor in MB. Default Infinity. */
  maxChunkSizeMb?: number;
}

/** Options of {@link CausalSelfAttention}: device, init and dropout generators, init standard deviations. */
export interface CausalSelfAttentionOptions {
  device?: Device;
  /** Generator for the weight init. */
  generator?: Generator;
  /** Generator for both dropouts (the default generator when omitted). */
  dropoutGenerator?: Generator;
  /** Weight init N(0, std²): default 0.02 for c_attn and c_proj (GPT-2 scales c_proj by 1/√(2·n_layer) in the model). */
  initStd?: number;
  projInitStd?: number;
}

/**
 * GPT-2's attention block with HF parameter names: c_attn (Conv1D, weight [C, 3C], bias [3C]),
 * c_proj (weight [C, C], bias [C]), attn_dropout and resid_dropout. forward(x [B, T, C],
 * attentionMask [B, T] with 1 = keep) → [B, T, C]; the attention itself is `attention()` with the
 * configured implementation, causal, and the padding mask as a [B, 1, 1, T] key mask.
 */
export class CausalSelfAttention extends Module {
  readonly c_attn: Linear;
  readonly c_proj: Linear;
  readonly attn_dropout: Dropout;
  readonly resid_dropout: Dropout;
  readonly nHead: number;
  readonly nEmbd: number;

  constructor(
    readonly config: CausalSelfAttentionConfig,
    readonly options: CausalSelfAttentionOptions = {},
  ) {
    super();
    const { nEmbd: c, nHead: h } = config;
    if (!Number.isInteger(c) || !Number.isInteger(h) || h < 1 || c % h !== 0) {
      throw new ShapeError(`CausalSelfAttention: nEmbd ${c} must be a multiple of nHead ${h}`);
    }
    this.nEmbd = c;
    this.nHead = h;
    const base = { layout: 'in-out' as const, device: options.device, generator: options.generator };
    const std = options.initStd ?? 0.02;
    this.c_attn = this.module('c_attn', new Linear(c, 3 * c, { ...base, init: { std } }));
    this.c_proj = this.module('c_proj', new Linear(c, c, { ...base, init: { std: options.projInitStd ?? std } }));
    this.attn_dropout = this.module('attn_dropout', new Dropout(config.attnPdrop ?? 0.1, { generator: options.dropoutGenerator }));
    this.resid_dropout = this.module('resid_dropout', new Dropout(config.residPdrop ?? 0.1, { generator: options.dropoutGenerator }));
  }

  /** x [B, T, C] and an optional padding mask [B, T] (1 = keep) → [B, T, C]. */
  override forward(x: Tensor, attentionMask?: Tensor | null): Tensor {
    const { nEmbd: C, nHead: H } = this;
    if (x.rank !== 3 || x.shape[2] !== C) throw new ShapeError(`CausalSelfAttention: expected x [B, T, ${C}], got ${formatShape(x.shape)}`);
    const [B, T] = x.shape as [number, number, number];
    const D = C / H;
    return tc.scope(() => {
      const qkv = this.c_attn.forward(x); // (B, T, 3C)
      // (B, T, C) → (B, T, H, D) → (B, H, T, D), one copy per head tensor, so q, k and v are separate storages.
      const heads = (i: number) => permute(reshape(narrow(qkv, 2, i * C, C), [B, T, H, D]), [0, 2, 1, 3]);
      const [q, k, v] = [heads(0), heads(1), heads(2)];
      qkv.dispose();
      const y = attention(q, k, v, {
        impl: this.config.attnImpl ?? 'vanilla',
        causal: true,
        mask: attentionMask ? keyMask(attentionMask, B, T) : null,
        dropout: this.attn_dropout.p,
        training: this.attn_dropout.training,
        generator: this.options.dropoutGenerator,
        useLightSoftmax: this.config.useLightsoftmax ?? false,
        useDropMatmul: this.config.useDropmatmul ?? false,
        maxChunkSizeMb: this.config.maxChunkSizeMb,
      }); // (B, H, T, D)
      for (const t of [q, k, v]) t.dispose();
      const merged = reshape(permute(y, [0, 2, 1, 3]), [B, T, C]); // (B, H, T, D) → (B, T, H, D) → (B, T, C)
      return this.resid_dropout.forward(this.c_proj.forward(merged)); // (B, T, C)
    });
  }
}

/** attentionMask [B, T] (1 = keep, any dtype) → a bool key mask [B, 1, 1, T]. */
function keyMask(mask: Tensor, B: number, T: number): Tensor {
  if (!tc.shapesEqual(mask.shape, [B, T]))
    throw new ShapeError(`CausalSelfAttention: attentionMask must be [${B}, ${T}] (1 = keep), got ${formatShape(mask.shape)}`);
  const keep = mask.dtype === 'bool' ? mask : tc.ne(mask, tc.zeros([], { dtype: mask.dtype, device: mask.device }));
  return tc.reshape(keep, [B, 1, 1, T]);
}
