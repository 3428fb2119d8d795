import { isGradEnabled, matmul } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import type { Tensor } from '@lightattn/tensor-core';
import { attentionShape, keepMask, mask4 } from './attention-mask.js';
import type { LightAttentionOptions } from './attention-options.js';
import { dropMatmul, type DropMatmulMaskStorage } from './drop-matmul.js';
import { attentionDropout, type AttentionDropout } from './dropout-rule.js';
import { consumingMaskedSoftmax, maskedSoftmax } from './light-softmax.js';
import { prescaleQK } from './prescale.js';

export interface LightCoreOptions {
  causal: boolean;
  /** The user's rank-4 mask for these query rows. */
  mask: Tensor | null;
  drop: AttentionDropout | null;
  /** These query rows are rows rowOffset … of `rows` (a chunk). */
  rowOffset: number;
  rows: number;
  maskStorage?: DropMatmulMaskStorage;
}

/**
 * Light attention of pre-scaled qs, ks: S = qs·ksᵀ (saves qs, ks), P = LightSoftmax(S) (saves P),
 * O = DropMatmul(P, v) (saves P again — the same storage — v, and the RNG seed or a packed mask). Without
 * recording, the scores are freed as soon as the softmax has read them.
 */
export function lightCore(qs: Tensor, ks: Tensor, v: Tensor, options: LightCoreOptions): Tensor {
  return tc.scope(() => {
    const Tq = qs.shape[2]!;
    const Tk = ks.shape[2]!;
    const keep = keepMask(Tq, Tk, qs.device, { causal: options.causal, mask: options.mask, rowOffset: options.rowOffset, rows: options.rows });
    const scores = matmul(qs, ks, { transB: true }); // (B, H, Tq, Tk)
    let probs: Tensor;
    if (isGradEnabled()) {
      probs = maskedSoftmax(scores, keep, 'light');
      scores.dispose();
    } else {
      probs = consumingMaskedSoftmax(scores, keep);
    }
    const { drop } = options;
    const out = drop
      ? dropMatmul(probs, v, drop.p, { ...drop.state, rowOffset: options.rowOffset, rows: options.rows, maskStorage: options.maskStorage })
      : matmul(probs, v); // (B, H, Tq, Dv)
    probs.dispose();
    return out;
  });
}

/**
 * LightSoftmax + DropMatmul + Q/K pre-scaling. Saved for backward: P (one [B, H, Tq, Tk] f32
 * tensor), the pre-scaled qs and ks, v, and the dropout mask bytes: 0 with 'rng' (the default), or
 * 4·⌈B·H·Tq·Tk/32⌉ with 'packed'. No scaled copy of the scores is allocated.
 */
export function lightAttention(q: Tensor, k: Tensor, v: Tensor, options: LightAttentionOptions = {}): Tensor {
  const shape = attentionShape('lightAttention', q, k, v, options.mask);
  const drop = attentionDropout('lightAttention', options.dropout, options.training, options);
  return tc.scope(() => {
    const [qs, ks] = prescaleQK(q, k, options.scale);
    return lightCore(qs, ks, v, { causal: !!options.causal, mask: mask4(options.mask), drop, rowOffset: 0, rows: shape.Tq, maskStorage: options.maskStorage });
  });
}
