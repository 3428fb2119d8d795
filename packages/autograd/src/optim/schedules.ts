import type { Optimizer, BaseHyperparameters } from './optimizer.js';

/** A learning-rate multiplier as a function of the step (0-based); lr = initialLr · schedule(step). */
export type Schedule = (step: number) => number;

/** A schedule that keeps the learning rate at `factor` times the initial one. */
export const constantSchedule =
  (factor = 1): Schedule =>
  () =>
    factor;

/**
 * Linear warmup over `warmupSteps` steps to the full rate — (step + 1)/warmupSteps, so step 0 already
 * trains — then `after`, counted from the end of warmup (default constant 1).
 */
export function linearWarmup(warmupSteps: number, after: Schedule = constantSchedule()): Schedule {
  return (step) => (step < warmupSteps ? (step + 1) / warmupSteps : after(step - warmupSteps));
}

/** Cosine decay from 1 to `minFactor` over `decaySteps`, then `minFactor`: m + (1 − m)·½(1 + cos(π·step/decaySteps)). */
export function cosineDecay(decaySteps: number, options: { minFactor?: number } = {}): Schedule {
  const m = options.minFactor ?? 0;
  return (step) => (step >= decaySteps ? m : m + (1 - m) * 0.5 * (1 + Math.cos((Math.PI * step) / decaySteps)));
}

/** Linear decay from 1 to `minFactor` over `decaySteps`, then `minFactor`. */
export function linearDecay(decaySteps: number, options: { minFactor?: number } = {}): Schedule {
  const m = options.minFactor ?? 0;
  return (step) => (step >= decaySteps ? m : 1 - (1 - m) * (step / decaySteps));
}

/** Schedules one after another: each runs for its `steps` (the last one forever), counted from its own start. */
export function sequentialSchedule(...phases: readonly { schedule: Schedule; steps: number }[]): Schedule {
  return (step) => {
    let start = 0;
    for (const [i, p] of phases.entries()) {
      if (step < start + p.steps || i === phases.length - 1) return p.schedule(step - start);
      start += p.steps;
    }
    return 1;
  };
}

/** Sets each group's lr to initialLr · schedule(step): at construction (step 0), then at each `step()`. */
export class LRScheduler<H extends BaseHyperparameters = BaseHyperparameters> {
  private count = 0;

  constructor(
    readonly optimizer: Optimizer<H>,
    readonly schedule: Schedule,
  ) {
    this.apply();
  }

  /** Steps taken so far. */
  get stepCount(): number {
    return this.count;
  }

  /** Call after optimizer.step(). */
  step(): void {
    this.count++;
    this.apply();
  }

  /** The current lr of each group. */
  get lrs(): number[] {
    return this.optimizer.paramGroups.map((g) => g.lr);
  }

  private apply(): void {
    const f = this.schedule(this.count);
    for (const g of this.optimizer.paramGroups) g.lr = g.initialLr * f;
  }
}
