import { runOp, runOp1 } from '../dispatch.js';
import { IndexError } from '../errors.js';
import { normalizeAxis } from '../shape.js';
import type { Tensor } from '../tensor.js';

/** Softmax along `axis` (default the last). */
export const softmax = (x: Tensor, axis = -1): Tensor => runOp1('softmax', [x], { axis: normalizeAxis(axis, x.rank, 'softmax') });
/** log softmax along `axis` (default the last). */
export const logSoftmax = (x: Tensor, axis = -1): Tensor => runOp1('logSoftmax', [x], { axis: normalizeAxis(axis, x.rank, 'logSoftmax') });
/** dx = y ⊙ (g − Σ g ⊙ y), from the softmax output alone (LightSoftmax's backward). */
export const softmaxBackward = (y: Tensor, g: Tensor, axis = -1): Tensor =>
  runOp1('softmaxBackward', [y, g], { axis: normalizeAxis(axis, y.rank, 'softmaxBackward') });
/** dx = g − softmax(x)·Σ g, from the log-softmax output y alone. */
export const logSoftmaxBackward = (y: Tensor, g: Tensor, axis = -1): Tensor =>
  runOp1('logSoftmaxBackward', [y, g], { axis: normalizeAxis(axis, y.rank, 'logSoftmaxBackward') });

/** The outputs of {@link layerNorm}: y and the per-row statistics its backward needs. */
export interface LayerNormResult {
  /** The normalised, scaled and shifted output. */
  y: Tensor;
  /** Per-row mean and 1/√(var + eps): what the backward needs. */
  mean: Tensor;
  /** Per-row 1/√(var + eps). */
  rstd: Tensor;
}

/** Layer norm over the last axis with weight and bias. */
export function layerNorm(x: Tensor, weight: Tensor, bias: Tensor, eps = 1e-5): LayerNormResult {
  const [y, mean, rstd] = runOp('layerNorm', [x, weight, bias], { eps });
  return { y: y!, mean: mean!, rstd: rstd! };
}

/** Gradients of {@link layerNorm} with respect to x, weight and bias, from the saved mean and rstd. */
export function layerNormBackward(g: Tensor, x: Tensor, weight: Tensor, mean: Tensor, rstd: Tensor): { dx: Tensor; dweight: Tensor; dbias: Tensor } {
  const [dx, dweight, dbias] = runOp('layerNormBackward', [g, x, weight, mean, rstd], {});
  return { dx: dx!, dweight: dweight!, dbias: dbias! };
}

/** Rows of `table` picked by integer `ids` (an embedding lookup): [...ids.shape, ...table.shape[1:]]. */
export const gather = (table: Tensor, ids: Tensor): Tensor => runOp1('gather', [table, ids], {});

/** The embedding backward: rows of `src` summed into a [numRows, ...] tensor at `ids`. */
export const scatterAdd = (ids: Tensor, src: Tensor, numRows: number): Tensor => runOp1('scatterAdd', [ids, src], { numRows });

/** The outputs of {@link crossEntropy}: per-row loss and logsumexp. */
export interface CrossEntropyResult {
  /** Per-row loss, 0 where the target is ignored. */
  loss: Tensor;
  /** Per-row logsumexp of the logits, kept for the backward. */
  lse: Tensor;
}

/** Per-row cross-entropy of logits [N, V] against integer targets [N]. */
export function crossEntropy(logits: Tensor, targets: Tensor, ignoreIndex = -100): CrossEntropyResult {
  if (!Number.isInteger(ignoreIndex)) throw new IndexError(`crossEntropy: ignoreIndex must be an integer, got ${ignoreIndex}`);
  const [loss, lse] = runOp('crossEntropy', [logits, targets], { ignoreIndex });
  return { loss: loss!, lse: lse! };
}

/** dlogits = g · (softmax(logits) − onehot(target)), zero on ignored rows, from the saved logsumexp. */
export const crossEntropyBackward = (logits: Tensor, targets: Tensor, lse: Tensor, g: Tensor, ignoreIndex = -100): Tensor =>
  runOp1('crossEntropyBackward', [logits, targets, lse, g], { ignoreIndex });
