import * as ag from '@lightattn/autograd';
import * as tc from '@lightattn/tensor-core';
import { formatShape, ShapeError, type Tensor } from '@lightattn/tensor-core';

/** Options of the language-model loss: the ignored target id, the chunk size and the reduction. */
export interface LmLossOptions {
  /** Targets equal to this are skipped (HF and PyTorch: −100). */
  ignoreIndex?: number;
  /**
   * Rows (tokens) per chunk of logits. Omitted, or ≥ the number of rows, the logits are computed
   * whole ([N, V], saved for backward by the cross-entropy); otherwise only [chunk, V] exists at a time.
   */
  chunkTokens?: number;
  /** 'mean' over rows whose target is not ignored (NaN when all are), or 'sum'. Default 'mean'. */
  reduction?: 'mean' | 'sum';
  /** The head's bias b [V] (LEAP's original head has one): logits = hidden·Wᵀ + b. */
  bias?: Tensor;
}

/** Rows per chunk such that one chunk of f32 logits fits in `megabytes` (10⁶ bytes): at least 1. */
export function chunkTokensForBudget(vocabSize: number, megabytes: number): number {
  return Math.max(1, Math.floor((megabytes * 1e6) / (vocabSize * 4)));
}

/**
 * Cross-entropy of the LM head's logits without holding them: for rows i of `hidden` [N, C], the
 * head's weight W [V, C] and optional bias b [V], logitsᵢ = hiddenᵢ·Wᵀ + b and
 * lossᵢ = logsumexp(logitsᵢ) − logitsᵢ[targetᵢ].
 *
 * Forward: per chunk of rows, logits → per-row loss → summed; the chunk's logits are freed at once.
 * Backward recomputes each chunk's logits and lse (one extra head matmul, the price of never saving
 * N×V floats), then with gᵢ = g/count (mean) or g (sum):
 *   dlogits = gᵢ·(softmax(logitsᵢ) − onehot(targetᵢ))   (0 on ignored rows)
 *   dhidden_chunk = dlogits·W,   dW += dlogitsᵀ·hidden_chunk,   db += Σ_rows dlogits
 * Saves: hidden, targets and the count (W and b too, but parameters cost no activation memory).
 */
const chunkedLmLoss = ag.defineFunction({
  name: 'chunkedLmLoss',
  forward(ctx, hidden: Tensor, weight: Tensor, bias: Tensor | null, targets: Tensor, chunk: number, ignoreIndex: number, reduction: 'mean' | 'sum') {
    const n = hidden.shape[0]!;
    let total: Tensor = tc.zeros([], { device: hidden.device });
    for (const start of chunkStarts(n, chunk, !hidden.device.holdsData)) {
      const rows = Math.min(chunk, n - start);
      const next = tc.scope(() => {
        const logits = headLogits(tc.narrow(hidden, 0, start, rows), weight, bias); // (rows, V)
        const { loss } = tc.crossEntropy(logits, tc.narrow(targets, 0, start, rows), ignoreIndex);
        return tc.add(total, tc.sum(loss));
      });
      total.dispose();
      total = next;
    }
    // The divisor is a second, non-differentiable output so the tape can keep it (extra tensors
    // made in a forward must outlive it, and an output is owned by the caller).
    const divisor = reduction === 'mean' ? countTargets(targets, ignoreIndex) : tc.ones([], { device: hidden.device });
    ctx.save({ inputs: bias ? [0, 1, 2, 3] : [0, 1, 3], outputs: [1], values: { chunk, ignoreIndex } });
    ctx.markNonDifferentiable(1);
    const out = tc.div(total, divisor);
    total.dispose();
    return [out, divisor];
  },
  backward({ saved, inputs, needsInputGrad: [needHidden, needWeight, needBias] }, [g]) {
    const hidden = saved.input(0);
    const targets = saved.input(3);
    const weight = saved.input(1);
    const bias = inputs[2] ? saved.input(2) : null;
    const chunk = saved.value<number>('chunk');
    const ignoreIndex = saved.value<number>('ignoreIndex');
    const [n, c] = hidden.shape as [number, number];
    const perRow = tc.div(g!, saved.output(1)); // 0-d: g/count
    const dHidden = needHidden ? tc.zeros([n, c], { device: hidden.device }) : null;
    let dWeight: Tensor | null = null;
    let dBias: Tensor | null = null;
    for (const start of chunkStarts(n, chunk, !hidden.device.holdsData)) {
      const rows = Math.min(chunk, n - start);
      tc.scope(() => {
        const h = tc.narrow(hidden, 0, start, rows);
        const t = tc.narrow(targets, 0, start, rows);
        const logits = headLogits(h, weight, bias); // (rows, V), recomputed
        const { lse } = tc.crossEntropy(logits, t, ignoreIndex);
        const dLogits = tc.crossEntropyBackward(logits, t, lse, tc.expand(perRow, [rows]), ignoreIndex); // (rows, V)
        if (dHidden) tc.setSlice(dHidden, tc.matmul(dLogits, weight), [start, 0]); // (rows, C)
        if (needWeight) {
          const part = tc.matmul(dLogits, h, { transA: true }); // (V, C)
          const sum = dWeight ? tc.add(dWeight, part) : part;
          dWeight?.dispose();
          dWeight = tc.keep(sum);
        }
        if (bias && needBias) {
          const part = tc.sum(dLogits, { axes: [0] }); // (V,)
          const sum = dBias ? tc.add(dBias, part) : part;
          dBias?.dispose();
          dBias = tc.keep(sum);
        }
      });
    }
    return [dHidden, dWeight, dBias, null, null, null, null];
  },
});

/** hidden·Wᵀ (+ b): the head's logits for some rows. */
function headLogits(hidden: Tensor, weight: Tensor, bias: Tensor | null): Tensor {
  const logits = tc.matmul(hidden, weight, { transB: true });
  if (!bias) return logits;
  const out = tc.add(logits, bias);
  logits.dispose();
  return out;
}

/**
 * First rows of the chunks to run: every chunk, or with `bytesOnly` (a device that holds no data, where
 * only allocations are counted) the first two full chunks and the last, shorter one. The rest add
 * nothing: in the forward every chunk allocates the same transients at the same level (the running
 * total is a scalar replaced each time), and in the backward every full chunk after the first (which
 * creates dW) allocates the same transients and writes its rows into dHidden in place; skipping them
 * changes values, which such a device does not have, but no byte. O(1) work instead of O(N / chunk).
 */
function chunkStarts(n: number, chunk: number, bytesOnly: boolean): number[] {
  const full = Math.floor(n / chunk);
  const starts: number[] = [];
  for (let i = 0; i < (bytesOnly ? Math.min(full, 2) : full); i++) starts.push(i * chunk);
  if (n % chunk) starts.push(full * chunk);
  return starts;
}

/** Σ [target ≠ ignoreIndex] as a 0-d f32 tensor. */
function countTargets(targets: Tensor, ignoreIndex: number): Tensor {
  return tc.scope(() => tc.sum(tc.cast(tc.ne(targets, tc.full([], ignoreIndex, { dtype: 'i32', device: targets.device })), 'f32')));
}

/**
 * The language-model loss from the final hidden states: mean cross-entropy of hidden [..., C] · Wᵀ (+ b)
 * (W the head's [V, C] weight, b its optional [V] bias) against integer targets [...], as F.cross_entropy does. With
 * `chunkTokens` the B×T×V logits never exist (see chunkedLmLoss); gradients are the same.
 */
export function lmHeadLoss(hidden: Tensor, weight: Tensor, targets: Tensor, options: LmLossOptions = {}): Tensor {
  const ignoreIndex = options.ignoreIndex ?? -100;
  const reduction = options.reduction ?? 'mean';
  const c = hidden.shape[hidden.rank - 1]!;
  if (weight.rank !== 2 || weight.shape[1] !== c)
    throw new ShapeError(`lmHeadLoss: the head weight must be [V, ${c}] for hidden ${formatShape(hidden.shape)}, got ${formatShape(weight.shape)}`);
  if (targets.rank !== hidden.rank - 1 || targets.shape.some((d, i) => d !== hidden.shape[i])) {
    throw new ShapeError(`lmHeadLoss: targets ${formatShape(targets.shape)} must match hidden ${formatShape(hidden.shape)} without its last axis`);
  }
  if (targets.dtype !== 'i32') throw new ShapeError(`lmHeadLoss: targets must be i32 token ids, got ${targets.describe()}`);
  const bias = options.bias ?? null;
  if (bias && (bias.rank !== 1 || bias.shape[0] !== weight.shape[0]))
    throw new ShapeError(`lmHeadLoss: the head bias must be [${weight.shape[0]}] for weight ${formatShape(weight.shape)}, got ${formatShape(bias.shape)}`);
  const chunk = options.chunkTokens;
  if (chunk !== undefined && (!Number.isSafeInteger(chunk) || chunk < 1))
    throw new ShapeError(`lmHeadLoss: chunkTokens must be a positive integer, got ${chunk}`);
  return tc.scope(() => {
    const rows = ag.reshape(hidden, [-1, c]); // (N, C)
    const flatTargets = tc.reshape(targets, [-1]); // (N,)
    const n = rows.shape[0]!;
    if (chunk === undefined || chunk >= n) {
      const product = ag.matmul(rows, weight, { transB: true }); // (N, V)
      const logits = bias ? ag.add(product, bias) : product;
      return ag.crossEntropyLoss(logits, flatTargets, { ignoreIndex, reduction });
    }
    const [loss, divisor] = chunkedLmLoss(rows, weight, bias, flatTargets, chunk, ignoreIndex, reduction);
    divisor!.dispose();
    return loss!;
  });
}

/**
 * HF's causal-LM shift on the labels instead of the logits: position t is scored against label t+1
 * and the last position against nothing (−100). Identical loss to logits[:, :-1] vs labels[:, 1:],
 * without copying the logits. labels [B, T] i32 → [B, T] i32.
 */
export function shiftLabels(labels: Tensor, ignoreIndex = -100): Tensor {
  if (labels.rank !== 2) throw new ShapeError(`shiftLabels: labels must be [B, T], got ${formatShape(labels.shape)}`);
  const [b, t] = labels.shape as [number, number];
  return tc.scope(() => {
    const pad = tc.full([b, 1], ignoreIndex, { dtype: labels.dtype, device: labels.device });
    return t === 0 ? tc.clone(labels) : tc.concat([tc.slice(labels, [0, 1]), pad], 1); // (B, T)
  });
}
