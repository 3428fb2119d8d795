import { defineFunction, matmul, mul } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import type { RngState, Tensor } from '@lightattn/tensor-core';
import { attentionShape, keepMask, mask4 } from './attention-mask.js';
import type { VanillaAttentionOptions } from './attention-options.js';
import { dropMatmul } from './drop-matmul.js';
import { attentionDropout } from './dropout-rule.js';
import { maskedSoftmax } from './light-softmax.js';
import { defaultScale } from './prescale.js';

/** x ⊙ M/(1 − p) with M from dropoutMask(x.shape): the attention dropout rule for a whole [B, H, Tq, Tk] tensor. */
function applyKeep(x: Tensor, keep: Tensor, p: number): Tensor {
  return tc.scope(() => {
    const scaled = tc.mul(x, p >= 1 ? 0 : 1 / (1 - p));
    const out = tc.where(keep, scaled, tc.full([], 0, { device: x.device }));
    scaled.dispose();
    return out;
  });
}

/**
 * Dropout as eager PyTorch 1.10 ran it (`_fused_dropout`): the bool mask (1 byte per element) is kept
 * for the backward, dx = g ⊙ M/(1 − p). Used only by vanilla attention, to reproduce its memory.
 */
const eagerDropout = defineFunction({
  name: 'dropout (eager, saves mask)',
  forward(ctx, x: Tensor, p: number, state: RngState) {
    const keep = tc.dropoutMask(x.shape, p, { ...state, device: x.device });
    ctx.save({ outputs: [1], values: { p } });
    ctx.markNonDifferentiable(1);
    return [applyKeep(x, keep, p), keep];
  },
  backward: ({ saved }, [g]) => [applyKeep(g!, saved.output(1), saved.value<number>('p')), null, null],
});

/**
 * Attention as HF GPT-2 on eager PyTorch 1.10 computes it, keeping what that kept:
 *   S = q·kᵀ (saves q, k) → S·scale (a T×T product, saves nothing) → softmax (saves S and P) →
 *   dropout (saves its bool mask) → (P ⊙ M/(1 − p))·v (saves the dropped P and v).
 * Saved: three [B, H, Tq, Tk] f32 tensors + a 1-byte mask with dropout (two f32 without), plus q, k, v.
 * `useLightSoftmax` and `useDropMatmul` swap in LightSoftmax (saves P only) and DropMatmul (saves
 * P, v and the RNG seed) one at a time, as Light Attention's GPT-2 fork does. Masks are folded into the softmax
 * (−Inf before it, zeros after it for rows with no key), so no mask is saved.
 */
export function vanillaAttention(q: Tensor, k: Tensor, v: Tensor, options: VanillaAttentionOptions = {}): Tensor {
  const shape = attentionShape('vanillaAttention', q, k, v, options.mask);
  const drop = attentionDropout('vanillaAttention', options.dropout, options.training, options);
  return tc.scope(() => {
    const keep = keepMask(shape.Tq, shape.Tk, q.device, { causal: !!options.causal, mask: mask4(options.mask) });
    const raw = matmul(q, k, { transB: true }); // (B, H, Tq, Tk)
    const scores = mul(raw, options.scale ?? defaultScale(shape.D));
    raw.dispose();
    const probs = maskedSoftmax(scores, keep, options.useLightSoftmax ? 'light' : 'eager');
    scores.dispose();
    if (!drop) return matmul(probs, v); // (B, H, Tq, Dv)
    if (options.useDropMatmul) return dropMatmul(probs, v, drop.p, { seed: drop.state.seed, offset: drop.state.offset, maskStorage: options.maskStorage });
    const [dropped] = eagerDropout(probs, drop.p, drop.state);
    return matmul(dropped!, v);
  });
}
