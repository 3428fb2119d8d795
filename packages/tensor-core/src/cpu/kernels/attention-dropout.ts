import { philoxUniformFill } from '../../rng/philox.js';

/**
 * The attention dropout rule, shared by every device and every attention implementation: the keep
 * mask of a [B, H, T, Tk] probability tensor is, at element (b, h, i, j),
 *
 *   keep = philoxUniform(seed, offset, ((b·H + h)·T + i)·Tk + j) ≥ p
 *
 * — exactly `dropoutMask([B, H, T, Tk], p, { seed, offset })` at its flat index. A call that holds
 * only query rows rowOffset … rowOffset + M − 1 of the `rows` = T rows (a chunk) reads the same
 * elements, so chunked, tiled and whole-matrix attention drop the same probabilities. Kept values
 * are scaled by 1/(1 − p); p = 1 drops everything (scale 0, as PyTorch).
 */

/** 1/(1 − p), and 0 for p = 1. */
export const keepScale = (p: number): number => (p >= 1 ? 0 : 1 / (1 - p));

/** Flat mask index of element (batch, i, 0): batch counts B·H matrices, i is the row within the call. */
export const maskRowStart = (batch: number, i: number, rows: number, rowOffset: number, columns: number): number => (batch * rows + rowOffset + i) * columns;

/**
 * out[j] = z(first + j) for j < n: 1/(1 − p) where the element is kept, 0 where dropped; p = 0 keeps
 * everything without drawing. `u` is scratch of at least n doubles.
 */
export function fillDropoutRow(out: Float64Array, u: Float64Array, n: number, first: number, seed: number, offset: number, p: number): void {
  if (p <= 0) {
    out.fill(1, 0, n);
    return;
  }
  const scale = keepScale(p);
  const draws = n === u.length ? u : u.subarray(0, n);
  philoxUniformFill(seed, offset, draws, first);
  for (let j = 0; j < n; j++) out[j] = draws[j]! >= p ? scale : 0;
}
