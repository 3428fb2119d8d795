import { drawRngState } from '@lightattn/autograd';
import { IndexError, type Generator, type RngState } from '@lightattn/tensor-core';

/**
 * The attention dropout rule, one for every implementation and device. Element (b, h, i, j) of the
 * keep mask of the [B, H, Tq, Tk] attention probabilities is
 *
 *   keep = philoxUniform(seed, offset, ((b·H + h)·Tq + i)·Tk + j) ≥ p,
 *
 * the element at that flat index of `dropoutMask([B, H, Tq, Tk], p, { seed, offset })`; kept
 * probabilities are scaled by 1/(1 − p). Vanilla attention draws exactly that mask; light
 * (DropMatmul), chunked (a block of query rows at its row offset) and flash (inside the tiles)
 * regenerate the same elements, so with the same (seed, offset) every implementation drops the same
 * probabilities and gives the same result. One (seed, offset) is drawn per attention call.
 */
export interface AttentionDropout {
  /** Drop probability in [0, 1]. */
  p: number;
  /** The Philox state the mask comes from. */
  state: RngState;
}

/** Where a dropout mask's Philox (seed, offset) comes from: a generator, or an explicit state. */
export interface RngOptions {
  /** Where (seed, offset) is drawn from; the default generator when omitted. */
  generator?: Generator;
  /** An explicit state instead of a generator (offset defaults to 0). */
  seed?: number;
  offset?: number;
}

export function checkProbability(op: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new IndexError(`${op}: dropout probability ${p} is outside [0, 1]`);
}

/**
 * The dropout of one attention call, or null when it is off (p = 0 or not training). Draws from the
 * generator only when dropout is on, so runs with and without dropout keep the same generator state
 * elsewhere. Draws through autograd's `drawRngState`, so `checkpoint` replays it.
 */
export function attentionDropout(op: string, p: number | undefined, training: boolean | undefined, rng: RngOptions): AttentionDropout | null {
  const prob = p ?? 0;
  checkProbability(op, prob);
  if (prob === 0 || training === false) return null;
  return { p: prob, state: resolveRng(rng) };
}

/** An explicit (seed, offset), or the next state of the generator. */
export function resolveRng(rng: RngOptions): RngState {
  if (rng.seed !== undefined) return { seed: rng.seed, offset: rng.offset ?? 0 };
  return drawRngState(rng.generator);
}
