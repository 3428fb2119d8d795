import * as ag from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import type { Tensor, UnaryFn } from '@lightattn/tensor-core';

// Selective recomputation (activation_recompute: 'selective'): two projections of a GPT-2 block
// whose inputs are cheap to rebuild from a tensor that is kept anyway. Each is one differentiable
// function that saves the cheaper tensor and recomputes the projection's input in the backward.

/** x [..., K] · W [K, N] (Conv1D layout) + b [N] given the projection's input, with its three gradients. */
function linearBackward(input: Tensor, weight: Tensor, g: Tensor, need: { input: boolean; weight: boolean; bias: boolean }) {
  const k = weight.shape[0]!;
  const n = weight.shape[1]!;
  const rows = tc.reshape(input, [-1, k]); // (N_rows, K)
  const grads = tc.reshape(g, [-1, n]); // (N_rows, N)
  return {
    dInput: need.input ? tc.matmul(g, weight, { transB: true }) : null, // (..., K) = g·Wᵀ
    dWeight: need.weight ? tc.matmul(rows, grads, { transA: true }) : null, // (K, N) = xᵀ·g
    dBias: need.bias ? tc.sum(grads, { axes: [0] }) : null, // (N,)
  };
}

/**
 * out = act(h)·W + b for the MLP's output projection, saving h (which act needs anyway) instead of
 * act(h) too: the backward recomputes a = act(h), then
 *   dW = aᵀ·g, db = Σ g, dh = act′(h) ⊙ (g·Wᵀ).
 * Saves B·T·n_inner·4 bytes per layer less than act then Linear.
 */
export const activationLinear = ag.defineFunction({
  name: 'activationLinear',
  forward(ctx, h: Tensor, weight: Tensor, bias: Tensor, fn: UnaryFn) {
    ctx.save({ inputs: [0, 1], values: { fn } });
    return tc.scope(() => tc.add(tc.matmul(tc.unary(h, fn), weight), bias)); // (..., N)
  },
  backward({ saved, needsInputGrad: [needH, needW, needB] }, [g]) {
    const h = saved.input(0);
    const fn = saved.value<UnaryFn>('fn');
    const { dInput, dWeight, dBias } = linearBackward(tc.unary(h, fn), saved.input(1), g!, { input: !!needH, weight: !!needW, bias: !!needB });
    return [dInput && tc.unaryBackward(h, dInput, fn), dWeight, dBias, null];
  },
});

/**
 * out = merge(o)·W + b for the attention's output projection, where merge turns the head-major
 * attention output o [B, H, T, D] into [B, T, H·D]. Saves o — which flash attention keeps for its
 * own backward, so the bytes are shared — instead of the merged copy; the backward re-merges:
 *   dW = merge(o)ᵀ·g, db = Σ g, do = split(g·Wᵀ).
 */
export const mergeHeadsLinear = ag.defineFunction({
  name: 'mergeHeadsLinear',
  forward(ctx, o: Tensor, weight: Tensor, bias: Tensor) {
    ctx.save({ inputs: [0, 1] });
    return tc.scope(() => tc.add(tc.matmul(merge(o), weight), bias)); // (B, T, C)
  },
  backward({ saved, needsInputGrad: [needO, needW, needB] }, [g]) {
    const o = saved.input(0);
    const [b, h, t, d] = o.shape as [number, number, number, number];
    const { dInput, dWeight, dBias } = linearBackward(merge(o), saved.input(1), g!, { input: !!needO, weight: !!needW, bias: !!needB });
    const dO = dInput && tc.permute(tc.reshape(dInput, [b, t, h, d]), [0, 2, 1, 3]); // (B, T, C) → (B, H, T, D)
    return [dO, dWeight, dBias];
  },
});

/** (B, H, T, D) → (B, T, H, D) → (B, T, H·D): one permuted copy. */
function merge(o: Tensor): Tensor {
  const [b, h, t, d] = o.shape as [number, number, number, number];
  return tc.reshape(tc.permute(o, [0, 2, 1, 3]), [b, t, h * d]);
}
