import * as tc from '@lightattn/tensor-core';
import { IndexError, normalizeAxis, ShapeError, formatShape, type Tensor } from '@lightattn/tensor-core';
import { applyOp, applyOp1 } from './apply-op.js';
import { div, square, sub } from './ops-elementwise.js';
import { reshape } from './ops-layout.js';
import { mean, sum } from './ops-reduce.js';

// Differentiable nn ops. layerNorm and crossEntropy return only their differentiable output: the
// auxiliary mean/rstd and lse are kept by the tape for the backward and freed with it.

/** Differentiable softmax along `axis`; it saves its output only. */
export const softmax = (x: Tensor, axis = -1): Tensor => applyOp1('softmax', [x], { axis: normalizeAxis(axis, x.rank, 'softmax') });
/** Differentiable log softmax along `axis`; it saves its output only. */
export const logSoftmax = (x: Tensor, axis = -1): Tensor => applyOp1('logSoftmax', [x], { axis: normalizeAxis(axis, x.rank, 'logSoftmax') });

/** Layer norm over the last axis with weight and bias: y = (x − mean)/√(var + eps)·w + b. Returns y. */
export function layerNorm(x: Tensor, weight: Tensor, bias: Tensor, eps = 1e-5): Tensor {
  const [y, mean, rstd] = applyOp('layerNorm', [x, weight, bias], { eps });
  mean!.dispose();
  rstd!.dispose();
  return y!;
}

/** Rows of `table` picked by integer `ids` (an embedding lookup): [...ids.shape, ...table.shape[1:]]. */
export const gather = (table: Tensor, ids: Tensor): Tensor => applyOp1('gather', [table, ids], {});

/** Rows of `src` summed into a [numRows, ...] tensor at `ids`. */
export const scatterAdd = (ids: Tensor, src: Tensor, numRows: number): Tensor => applyOp1('scatterAdd', [ids, src], { numRows });

/** Per-row cross-entropy of logits [N, V] against integer targets [N]: [N], 0 where the target is `ignoreIndex`. */
export function crossEntropy(logits: Tensor, targets: Tensor, ignoreIndex = -100): Tensor {
  if (!Number.isInteger(ignoreIndex)) throw new IndexError(`crossEntropy: ignoreIndex must be an integer, got ${ignoreIndex}`);
  const [loss, lse] = applyOp('crossEntropy', [logits, targets], { ignoreIndex });
  lse!.dispose();
  return loss!;
}

/** Options of {@link crossEntropyLoss}: the ignored target id and the reduction. */
export interface CrossEntropyLossOptions {
  ignoreIndex?: number;
  /** 'mean' over rows whose target is not ignored (PyTorch's default; NaN if all are), 'sum', or 'none' ([...]). */
  reduction?: 'mean' | 'sum' | 'none';
}

/**
 * F.cross_entropy for logits [..., V] and targets [...]: flattens to rows, then reduces. With
 * 'mean', the divisor counts only rows whose target is not `ignoreIndex`, as PyTorch does.
 */
export function crossEntropyLoss(logits: Tensor, targets: Tensor, options: CrossEntropyLossOptions = {}): Tensor {
  const ignoreIndex = options.ignoreIndex ?? -100;
  const reduction = options.reduction ?? 'mean';
  if (logits.rank < 1 || targets.rank !== logits.rank - 1 || targets.shape.some((d, i) => d !== logits.shape[i])) {
    throw new ShapeError(
      `crossEntropyLoss: expected logits [..., V] and targets [...] with the same leading shape, got ${formatShape(logits.shape)} and ${formatShape(targets.shape)}`,
    );
  }
  return tc.scope(() => {
    const v = logits.shape[logits.rank - 1]!;
    const rows = crossEntropy(reshape(logits, [-1, v]), tc.reshape(targets, [-1]), ignoreIndex);
    if (reduction === 'none') return reshape(rows, targets.shape);
    const total = sum(rows);
    if (reduction === 'sum') return total;
    const counted = tc.sum(tc.cast(tc.ne(targets, tc.full([], ignoreIndex, { dtype: 'i32', device: targets.device })), 'f32'));
    return div(total, counted);
  });
}

/** Mean squared error: mean((prediction − target)²), with broadcasting. */
export function mseLoss(prediction: Tensor, target: Tensor): Tensor {
  return tc.scope(() => mean(square(sub(prediction, target))));
}
