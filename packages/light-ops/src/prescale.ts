import { mul } from '@lightattn/autograd';
import { ShapeError, type Tensor } from '@lightattn/tensor-core';

/** The default attention scale 1/√d for head size d. */
export const defaultScale = (headSize: number): number => 1 / Math.sqrt(headSize);

/**
 * Q/K pre-scaling: (q·√scale, k·√scale), by default q·d^(−1/4) and k·d^(−1/4), so that
 * (q·√scale)·(k·√scale)ᵀ = scale·q·kᵀ without a scaled copy of the T×T scores: the scale costs two
 * [B, H, T, d] products and saves nothing (multiplying by a constant keeps nothing for backward).
 * Splitting the factor evenly also keeps q and k in the same range, which matters in fp16.
 */
export function prescaleQK(q: Tensor, k: Tensor, scale?: number): [Tensor, Tensor] {
  const d = q.shape[q.rank - 1]!;
  const s = scale ?? defaultScale(d);
  if (!(s > 0) || !Number.isFinite(s)) throw new ShapeError(`prescaleQK: scale must be a positive finite number to be split as √scale·√scale, got ${s}`);
  const factor = Math.sqrt(s);
  return [mul(q, factor), mul(k, factor)];
}
