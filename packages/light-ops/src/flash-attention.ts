import { defineFunction } from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { runOp, type OpParams, type Tensor } from '@lightattn/tensor-core';
import { attentionShape, mask4 } from './attention-mask.js';
import type { FlashAttentionOptions } from './attention-options.js';
import { attentionDropout } from './dropout-rule.js';
import { defaultScale } from './prescale.js';

type Params = OpParams<'flashAttention'>;

/** A [1, 1, 1, 1] true mask for calls without one (the op always takes a mask; this one costs a byte, never saved). */
const allKeys = (device: tc.Device) => tc.full([1, 1, 1, 1], 1, { dtype: 'bool', device });

/**
 * Log-sum-exp tiled attention as one differentiable function over tensor-core's fused
 * `flashAttention` / `flashAttentionBackward` ops. Saves q, k, v, the output O, L = logsumexp per
 * query row (B·H·Tq floats), the mask if one was given, and the dropout's (seed, offset): never a
 * [Tq, Tk] tensor. The backward recomputes P = exp(S − L) tile by tile:
 *   D = rowsum(dO ⊙ O), dV = (P ⊙ Z)ᵀ·dO, dS = P ⊙ (Z ⊙ (dO·Vᵀ) − D), dQ = dS·K·scale, dK = dSᵀ·Q·scale.
 */
const flashFunction = defineFunction({
  name: 'flashAttention',
  forward(ctx, q: Tensor, k: Tensor, v: Tensor, mask: Tensor | null, params: Params): Tensor[] {
    ctx.save({
      inputs: mask ? [0, 1, 2, 3] : [0, 1, 2],
      outputs: [0, 1],
      values: { params, masked: !!mask },
      rng: { seed: params.seed, offset: params.offset },
    });
    ctx.markNonDifferentiable(1);
    return tc.scope(() => runOp('flashAttention', [q, k, v, mask ?? allKeys(q.device)], params));
  },
  backward({ saved, needsInputGrad }, [g]) {
    const q = saved.input(0);
    const mask = saved.value<boolean>('masked') ? saved.input(3) : allKeys(q.device);
    const params = { ...saved.value<Params>('params'), ...saved.rng };
    const [dq, dk, dv] = runOp('flashAttentionBackward', [q, saved.input(1), saved.input(2), mask, saved.output(0), saved.output(1), g!], params);
    return [needsInputGrad[0] ? dq : null, needsInputGrad[1] ? dk : null, needsInputGrad[2] ? dv : null, null, null];
  },
});

/**
 * Flash attention: O = softmax(scale·q·kᵀ masked)·v computed tile by tile from L = logsumexp per
 * query row, with O(T) saved memory: 4·(B·H·Tq·D + B·H·Tk·D + B·H·Tk·Dv + B·H·Tq·Dv + B·H·Tq)
 * bytes plus the mask. Any T and head size; rows with no key give zeros.
 */
export function flashAttention(q: Tensor, k: Tensor, v: Tensor, options: FlashAttentionOptions = {}): Tensor {
  const shape = attentionShape('flashAttention', q, k, v, options.mask);
  const drop = attentionDropout('flashAttention', options.dropout, options.training, options);
  const params: Params = {
    causal: !!options.causal,
    scale: options.scale ?? defaultScale(shape.D),
    p: drop?.p ?? 0,
    seed: drop?.state.seed ?? 0,
    offset: drop?.state.offset ?? 0,
    rowOffset: 0,
    rows: shape.Tq,
  };
  return tc.scope(() => {
    const [o, lse] = flashFunction(q, k, v, mask4(options.mask), params);
    lse!.dispose(); // kept by the tape for the backward while it needs it
    return o!;
  });
}
