import * as tc from '@lightattn/tensor-core';
import type { GradRule } from './grad-rule.js';

/** y = softmax(x): dx = y ⊙ (g − Σ g⊙y) (the light softmax backward): saves the output y only, never x. */
export const softmaxRule: GradRule<'softmax'> = {
  save: () => ({ outputs: [0] }),
  backward: ({ params, saved }, [g]) => [tc.softmaxBackward(saved.output(0), g!, params.axis)],
};

/** y = log_softmax(x): dx = g − exp(y)·Σ g, from the output y alone. */
export const logSoftmaxRule: GradRule<'logSoftmax'> = {
  save: () => ({ outputs: [0] }),
  backward: ({ params, saved }, [g]) => [tc.logSoftmaxBackward(saved.output(0), g!, params.axis)],
};

/**
 * y = x̂·w + b, x̂ = (x − mean)·rstd over the last axis: with gw = g·w,
 *   dx = rstd·(gw − mean_C(gw) − x̂·mean_C(gw·x̂)), dw = Σ_rows g·x̂, db = Σ_rows g.
 * Saves x, weight, and the per-row mean and rstd the forward produced (two floats per row), not y.
 */
export const layerNormRule: GradRule<'layerNorm'> = {
  differentiableOutputs: [0],
  save: () => ({ inputs: [0, 1], outputs: [1, 2] }),
  backward: ({ saved, needsInputGrad: [needX, needW, needB] }, [g]) => {
    const { dx, dweight, dbias } = tc.layerNormBackward(g!, saved.input(0), saved.input(1), saved.output(1), saved.output(2));
    return [needX ? dx : null, needW ? dweight : null, needB ? dbias : null];
  },
};

/** out[i] = table[ids[i]]: dtable = scatterAdd(ids, g) (rows picked twice get both gradients); saves ids. */
export const gatherRule: GradRule<'gather'> = {
  save: () => ({ inputs: [1] }),
  backward: ({ saved, inputs }, [g]) => [tc.scatterAdd(saved.input(1), g!, inputs[0]!.shape[0]!), null],
};

/** out[ids[i]] += src[i]: dsrc[i] = g[ids[i]] = gather(g, ids); saves ids. */
export const scatterAddRule: GradRule<'scatterAdd'> = {
  save: () => ({ inputs: [0] }),
  backward: ({ saved }, [g]) => [null, tc.gather(g!, saved.input(0))],
};

/**
 * loss = lse − logits[target] per row, lse = logsumexp(row): dlogits = g·(softmax(logits) − onehot(target)),
 * with softmax = exp(logits − lse) recomputed in the fused backward; 0 on ignored rows.
 * Saves logits, targets and lse (what crossEntropyBackward reads); lse is not differentiable.
 */
export const crossEntropyRule: GradRule<'crossEntropy'> = {
  differentiableOutputs: [0],
  save: () => ({ inputs: [0, 1], outputs: [1] }),
  backward: ({ params, saved }, [g]) => [tc.crossEntropyBackward(saved.input(0), saved.input(1), saved.output(1), g!, params.ignoreIndex), null],
};
