import * as tc from '@lightattn/tensor-core';
import { IndexError, type Generator, type RngState, type Tensor } from '@lightattn/tensor-core';
import { defineFunction } from './function.js';
import { reshape } from './ops-layout.js';
import { drawRngState } from './rng.js';

/** 1/(1 − p), and 0 for p = 1 (PyTorch multiplies by zero then: NaN and ±Inf inputs stay NaN). */
const keepScale = (p: number) => (p === 1 ? 0 : 1 / (1 - p));

/** x ⊙ m / (1 − p) for a bool keep-mask m. */
function applyKeep(x: Tensor, keep: Tensor, p: number): Tensor {
  return tc.scope(() => tc.mul(tc.mul(x, tc.cast(keep, 'f32')), keepScale(p)));
}

/** x ⊙ m / (1 − p) with the keep-mask m regenerated from its Philox state. */
function applyMask(x: Tensor, p: number, state: RngState): Tensor {
  return tc.scope(() => applyKeep(x, tc.dropoutMask(x.shape, p, { ...state, device: x.device }), p));
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

/**
 * The same y and dx, keeping the bool mask m (1 byte per element) for the backward as PyTorch's
 * native_dropout does, instead of regenerating it. The mask is an auxiliary output, so the tape
 * holds it like layerNorm's mean and rstd.
 */
const storedMaskDropout = defineFunction({
  name: 'dropout (stored mask)',
  forward(ctx, x: Tensor, p: number, state: RngState): Tensor[] {
    const keep = tc.dropoutMask(x.shape, p, { ...state, device: x.device });
    ctx.save({ outputs: [1], values: { p } });
    ctx.markNonDifferentiable(1);
    return [applyKeep(x, keep, p), keep];
  },
  backward: ({ saved }, [g]) => [applyKeep(g!, saved.output(1), saved.value<number>('p')), null, null],
});

/**
 * What the backward keeps to rebuild the mask: 'regenerate' keeps only the Philox (seed, offset);
 * 'stored' keeps the bool mask, 1 byte per element, as eager PyTorch does. Same values either way.
 */
export type DropoutMaskMode = 'regenerate' | 'stored';
export const DROPOUT_MASK_MODES: readonly DropoutMaskMode[] = ['regenerate', 'stored'];

/** Options of {@link dropout}: training mode, the mask's generator and how the backward rebuilds the mask. */
export interface DropoutOptions {
  /** Off (identity) when false, as in eval mode. Default true. */
  training?: boolean;
  /** Where the mask's (seed, offset) comes from; the default generator when omitted. */
  generator?: Generator;
  /** Default 'regenerate' (see DropoutMaskMode). */
  mask?: DropoutMaskMode;
}

/**
 * Zeroes each element with probability p and scales the rest by 1/(1 − p). By default the mask is
 * never stored: backward (and checkpoint's recomputation) regenerates it from the saved RNG state;
 * `mask: 'stored'` keeps it instead (PyTorch's memory, for comparisons).
 */
export function dropout(x: Tensor, p: number, options: DropoutOptions = {}): Tensor {
  if (!(p >= 0 && p <= 1)) throw new IndexError(`dropout: probability ${p} is outside [0, 1]`);
  const mode = options.mask ?? 'regenerate';
  if (!DROPOUT_MASK_MODES.includes(mode))
    throw new IndexError(`dropout: mask must be one of ${DROPOUT_MASK_MODES.map((m) => `'${m}'`).join(', ')}, got ${JSON.stringify(mode)}`);
  if (options.training === false || p === 0) return reshape(x, x.shape);
  if (mode === 'regenerate') return dropoutFunction(x, p, drawRngState(options.generator));
  const [y, keep] = storedMaskDropout(x, p, drawRngState(options.generator));
  keep!.dispose(); // the tape holds its own reference while a backward needs it
  return y!;
}
