import { noGrad } from '@lightattn/autograd';
import { fromArray } from '@lightattn/tensor-core';
import { evalWindows } from '../data/batch-loader.js';
import { forwardLoss, type LanguageModel } from '../model-factory.js';

export interface EvalResult {
  /** Mean negative log-likelihood per predicted token (nats). */
  loss: number;
  /** exp(loss). */
  perplexity: number;
  /** Tokens predicted. */
  tokens: number;
  windows: number;
}

/**
 * The mean token loss over consecutive windows of `seq` tokens (each window predicts its tokens
 * 2 … seq from the ones before), in eval mode (no dropout) and without recording a graph. Each
 * batch's mean is weighted by its number of targets, so a short last batch counts by its size.
 */
export async function evaluateLoss(
  lm: LanguageModel,
  tokens: Int32Array,
  options: { seq: number; batch: number; maxBatches?: number; lossChunkTokens?: number | null },
): Promise<EvalResult> {
  const { seq, batch } = options;
  const device = lm.model.device;
  const wasTraining = lm.model.training;
  lm.model.eval();
  let sum = 0;
  let count = 0;
  let windows = 0;
  try {
    for (const { ids, rows } of evalWindows(tokens, seq, batch, options.maxBatches ?? Infinity)) {
      const input = fromArray(ids, { shape: [rows, seq], device });
      const loss = noGrad(() => forwardLoss(lm, input, options.lossChunkTokens ?? null));
      const value = await loss.item();
      loss.dispose();
      input.dispose();
      const targets = rows * (seq - 1);
      sum += value * targets;
      count += targets;
      windows += rows;
    }
  } finally {
    lm.model.train(wasTraining);
  }
  if (!count) return { loss: NaN, perplexity: NaN, tokens: 0, windows: 0 };
  const loss = sum / count;
  return { loss, perplexity: Math.exp(loss), tokens: count, windows };
}
