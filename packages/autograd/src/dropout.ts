import * as tc from '@lightattn/tensor-core';
import { IndexError, type Generator, type RngState, type Tensor } from '@lightattn/tensor-core';
import { defineFunction } from './function.js';
import { reshape } from './ops-layout.js';
import { drawRngState } from './rng.js';

/** 1/(1 − p), and 0 for p = 1 (PyTorch multiplies by zero then: NaN and ±Inf inputs stay NaN). */
const keepScale = (p: number) => (p === 1 ? 0 : 1 / (1 - p));

/** x ⊙ m / (1 − p) with the keep-mask m regenerated from its Philox state. */
function applyMask(x: Tensor, p: number, state: RngState): Tensor {
  return tc.scope(() => {
    const keep = tc.cast(tc.dropoutMask(x.shape, p, { ...state, device: x.device }), 'f32');
    return tc.mul(tc.mul(x, keep), keepScale(p));
  });
}

/**
 * y = x ⊙ m/(1 − p), m ~ Bernoulli(1 − p) from Philox at a saved (seed, offset): dx = g ⊙ m/(1 − p)
 * with the same mask regenerated. Saves only p and the RNG state: no mask, no x.
 */
const dropoutFunction = defineFunction({
  name: 'dropout',
  forward(ctx, x: Tensor, p: number, state: RngState) {
    ctx.save({ values: { p }, rng: state });
    return applyMask(x, p, state);
  },
  backward: ({ saved }, [g]) => [applyMask(g!, saved.value<number>('p'), saved.rng), null, null],
});

export interface DropoutOptions {
  /** Off (identity) when false, as in eval mode. Default true. */
  training?: boolean;
  /** Where the mask's (seed, offset) comes from; the default generator when omitted. */
  generator?: Generator;
}

/**
 * Zeroes each element with probability p and scales the rest by 1/(1 − p). The mask is never
 * stored: backward (and checkpoint's recomputation) regenerates it from the saved RNG state.
 */
export function dropout(x: Tensor, p: number, options: DropoutOptions = {}): Tensor {
  if (!(p >= 0 && p <= 1)) throw new IndexError(`dropout: probability ${p} is outside [0, 1]`);
  if (options.training === false || p === 0) return reshape(x, x.shape);
  return dropoutFunction(x, p, drawRngState(options.generator));
}
