import { AdamW, constantSchedule, cosineDecay, linearDecay, linearWarmup, type Schedule } from '@lightattn/autograd';
import type { LanguageModel } from '../model-factory.js';

export type ScheduleName = 'constant' | 'cosine' | 'linear';
export const SCHEDULES: readonly ScheduleName[] = ['constant', 'cosine', 'linear'];

/**
 * AdamW as nanoGPT sets it up: weight decay on matrices (linear weights, embeddings), none on
 * vectors (biases, layer-norm gains), which decay would pull toward zero for no benefit.
 */
export function createOptimizer(lm: LanguageModel, options: { lr: number; weightDecay: number; betas?: [number, number] }): AdamW {
  const params = lm.model.parameters();
  const decay = params.filter((p) => p.rank >= 2);
  const noDecay = params.filter((p) => p.rank < 2);
  const betas = options.betas ?? [0.9, 0.95];
  return new AdamW(
    [
      { params: decay, weightDecay: options.weightDecay },
      { params: noDecay, weightDecay: 0 },
    ],
    { lr: options.lr, betas },
  );
}

/**
 * The learning-rate multiplier by step: linear warmup over `warmup` steps, then the named decay
 * to `minRatio` at `totalSteps`. Without a known end (a time-limited run) the rate stays constant
 * after warmup, since a decay needs its length.
 */
export function lrSchedule(name: ScheduleName, warmup: number, totalSteps: number | null, minRatio: number): Schedule {
  const decaySteps = totalSteps === null ? null : Math.max(1, totalSteps - warmup);
  const after =
    name === 'constant' || decaySteps === null
      ? constantSchedule()
      : name === 'cosine'
        ? cosineDecay(decaySteps, { minFactor: minRatio })
        : linearDecay(decaySteps, { minFactor: minRatio });
  return warmup > 0 ? linearWarmup(warmup, after) : after;
}

/** Sets each group's rate for `step` (0-based): initialLr · schedule(step). Stateless, so resuming needs only the step. */
export function applySchedule(optimizer: AdamW, schedule: Schedule, step: number): number {
  const f = schedule(step);
  for (const g of optimizer.paramGroups) g.lr = g.initialLr * f;
  return optimizer.paramGroups[0]!.lr;
}
