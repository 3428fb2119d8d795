import { Module, moduleScope } from '@lightattn/autograd';
import type { Generator, Tensor } from '@lightattn/tensor-core';
import { LeapConfigError, type LeapVariant, type LeapWindow } from './config.js';
import { leapAttention, type LeapCoreResult } from './leap-core.js';

/** Options of {@link MultiheadLeap}: sizes, window, variant, rescale value, dropout and generator. */
export interface MultiheadLeapOptions {
  hiddenSize: number;
  nHeads: number;
  window: LeapWindow;
  /** Default 'seed'. */
  variant?: LeapVariant;
  /** c in the seed's ℓ = (c/d_h)·Norm(F1)·Norm(F2); default 8. */
  rescaleValue?: number;
  /** The seed's dropout on Norm(F1) and on V̄ (training mode only); default 0.1. */
  dropout?: number;
  generator?: Generator;
}

/**
 * LEAP attention over projected inputs, as the original `MultiheadLeap` (it has no parameters: the
 * projections belong to the block). forward(q, a, b, v, bias) with a = F1, b = F2 (seed) or a = F,
 * b = K (v2), all [B, T, hidden]; bias [B, T] is 0 for tokens and −10000 for padding (maskBias()).
 */
export class MultiheadLeap extends Module {
  readonly hiddenSize: number;
  readonly nHeads: number;
  readonly window: LeapWindow;
  readonly variant: LeapVariant;
  readonly rescaleValue: number;
  readonly dropout: number;
  private readonly generator: Generator | undefined;

  constructor(options: MultiheadLeapOptions) {
    super();
    const { hiddenSize, nHeads, window } = options;
    if (!Number.isSafeInteger(nHeads) || nHeads < 1 || hiddenSize % nHeads !== 0) {
      throw new LeapConfigError(`MultiheadLeap: hiddenSize ${hiddenSize} is not divisible by nHeads ${nHeads}`);
    }
    if (window !== 'global' && !(Number.isSafeInteger(window) && window >= 1)) {
      throw new LeapConfigError(`MultiheadLeap: window must be a positive integer or 'global', got ${String(window)}`);
    }
    this.hiddenSize = hiddenSize;
    this.nHeads = nHeads;
    this.window = window;
    this.variant = options.variant ?? 'seed';
    this.rescaleValue = options.rescaleValue ?? 8;
    this.dropout = options.dropout ?? 0.1;
    this.generator = options.generator;
  }

  /** LEAP on projected inputs q, a, b, v [B, T, d] with an optional padding bias → [B, T, d]. */
  override forward(q: Tensor, a: Tensor, b: Tensor, v: Tensor, bias: Tensor | null = null): Tensor {
    return this.run(q, a, b, v, bias, false).output;
  }

  /** forward, also returning the focus weights of every head and token (detached). */
  forwardWithFocus(q: Tensor, a: Tensor, b: Tensor, v: Tensor, bias: Tensor | null = null): LeapCoreResult {
    return moduleScope(this.path, () => this.run(q, a, b, v, bias, true));
  }

  private run(q: Tensor, a: Tensor, b: Tensor, v: Tensor, bias: Tensor | null, focus: boolean): LeapCoreResult {
    return leapAttention(q, a, b, v, {
      variant: this.variant,
      nHeads: this.nHeads,
      window: this.window,
      rescaleValue: this.rescaleValue,
      dropout: this.dropout,
      training: this.training,
      generator: this.generator,
      bias,
      focus,
    });
  }
}
