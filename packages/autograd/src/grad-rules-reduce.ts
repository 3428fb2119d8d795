import * as tc from '@lightattn/tensor-core';
import { numel, type Tensor } from '@lightattn/tensor-core';
import { keepDimsShape, maskToFloat, sumToShape, type GradRule } from './grad-rule.js';

/**
 * y = reduce_fn(x) over `axes`; g is viewed with the reduced axes kept (gₖ) and broadcast back:
 *   sum: dx = gₖ · mean: dx = gₖ / n, n = elements per output ·
 *   max/min: dx = gₖ·[x = yₖ] / #ties (ties share the gradient evenly, as PyTorch's amax) ·
 *   logsumexp: dx = gₖ·exp(x − yₖ).
 * sum and mean save nothing; max, min and logsumexp save x and y.
 */
export const reduceRule: GradRule<'reduce'> = {
  save: (p) => (p.fn === 'sum' || p.fn === 'mean' ? {} : { inputs: [0], outputs: [0] }),
  backward: ({ params: { fn, axes }, inputs, saved }, [g]) => {
    const shape = inputs[0]!.shape;
    const kept = keepDimsShape(shape, axes);
    const gk = g!.view(kept);
    switch (fn) {
      case 'sum':
        return [tc.expand(gk, shape)];
      case 'mean':
        return [tc.expand(tc.div(gk, numel(shape) / Math.max(1, numel(kept))), shape)];
      case 'max':
      case 'min': {
        const x = saved.input(0);
        const mask = maskToFloat(tc.eq(x, saved.output(0).view(kept)));
        const ties = tc.sum(mask, { axes, keepDims: true });
        return [tc.mul(mask, tc.div(gk, ties))];
      }
      case 'logsumexp':
        return [tc.mul(tc.exp(tc.sub(saved.input(0), saved.output(0).view(kept))), gk)];
    }
  },
};

/**
 * y = cumsum(x) along an axis. Each xⱼ feeds every yᵢ at or after it (before it when reversed), so
 * dx is the cumulative sum of g in the other direction, with the same exclusivity. Saves nothing.
 */
export const cumsumRule: GradRule<'cumsum'> = {
  save: () => ({}),
  backward: ({ params: { axis, reverse, exclusive } }, [g]) => [tc.cumsum(g!, axis, { reverse: !reverse, exclusive })],
};

/**
 * out = Â·B̂ with Â = op(A), B̂ = op(B) (op a transpose of the last two axes when asked), batch axes
 * broadcast: dÂ = g·B̂ᵀ and dB̂ = Âᵀ·g, transposed back when the operand was, then summed over the
 * batch axes it was broadcast along. No transpose is ever materialised:
 *   dA = g·Bᵀ (A, B) · g·B (A, Bᵀ) · B·gᵀ (Aᵀ, B) · Bᵀ·gᵀ (Aᵀ, Bᵀ)
 *   dB = Aᵀ·g (A, B) · A·g (Aᵀ, B) · gᵀ·A (A, Bᵀ) · gᵀ·Aᵀ (Aᵀ, Bᵀ)
 * Saves B only if A needs a gradient, and A only if B does (frozen weights cost nothing extra).
 */
export const matmulRule: GradRule<'matmul'> = {
  save: (_p, [needA, needB]) => ({ inputs: [...(needB ? [0] : []), ...(needA ? [1] : [])] }),
  backward: ({ params: { transA, transB }, saved, inputs, needsInputGrad: [needA, needB] }, [g]) => {
    let da: Tensor | null = null;
    let db: Tensor | null = null;
    if (needA) {
      const b = saved.input(1);
      da = transA ? tc.matmul(b, g!, { transA: transB, transB: true }) : tc.matmul(g!, b, { transB: !transB });
    }
    if (needB) {
      const a = saved.input(0);
      db = transB ? tc.matmul(g!, a, { transA: true, transB: transA }) : tc.matmul(a, g!, { transA: !transA });
    }
    return [da && sumToShape(da, inputs[0]!.shape), db && sumToShape(db, inputs[1]!.shape)];
  },
};
