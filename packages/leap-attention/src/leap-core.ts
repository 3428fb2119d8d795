import * as ag from '@lightattn/autograd';
import { formatShape, ShapeError, type Generator, type Tensor } from '@lightattn/tensor-core';
import type { LeapVariant, LeapWindow } from './config.js';
import { focusWeightsOf, type FocusWeights } from './focus.js';
import { focusScan } from './focus-scan.js';

/** Z/(Z + 1e-5) in v2's K̄ = Σ w·K / (Z + 1e-5): applied as sigmoid(log Z − log 1e-5). */
export const V2_EPS = 1e-5;
/** Norm(u) = (u − mean u) / (std u + 1e-5), std unbiased (seed variant). */
export const NORM_EPS = 1e-5;
/** The additive mask for padding positions. */
export const PAD_BIAS = -10000;

/** Options of {@link leapAttention}: variant, heads, window, rescale value, dropout and whether to return focus weights. */
export interface LeapCoreOptions {
  variant: LeapVariant;
  nHeads: number;
  window: LeapWindow;
  /** c of the seed's ℓ = (c/d_h)·Drop(Norm(F1))·Norm(F2). Default 8. */
  rescaleValue?: number;
  /** Dropout probability (seed: on Norm(F1) and on V̄). Default 0. */
  dropout?: number;
  /** Dropout on (training mode). Default false. */
  training?: boolean;
  generator?: Generator;
  /** Additive bias m [B, T] on the focus logits: 0 to keep, PAD_BIAS for padding (see maskBias()). */
  bias?: Tensor | null;
  /** Also return the focus weights (detached). */
  focus?: boolean;
}

/** The output of one LEAP layer and, when asked for, its focus weights. */
export interface LeapCoreResult {
  /** The output, [B, T, d]: heads concatenated, no output projection. */
  output: Tensor;
  focus: FocusWeights | null;
}

/** m_i = (1 − mask_i)·(−10000) from a 1 (keep) / 0 (pad) mask [B, T] of any dtype. */
export function maskBias(attentionMask: Tensor): Tensor {
  return ag.mul(ag.sub(ag.cast(attentionMask, 'f32'), 1), -PAD_BIAS);
}

export const byHeads = (t: Tensor, H: number) => ag.reshape(t, [t.shape[0]!, t.shape[1]!, H, t.shape[2]! / H]); // (B, T, H, dh)
const dot = (a: Tensor, b: Tensor) => ag.sum(ag.mul(a, b), { axes: -1 }); // (B, T, H)

/** Norm over the head features: (u − μ)/(σ + 1e-5) with the unbiased σ, no affine. */
function headNorm(u: Tensor): Tensor {
  const dh = u.shape[u.rank - 1]!;
  const centred = ag.sub(u, ag.mean(u, { axes: -1, keepDims: true }));
  const std = ag.sqrt(ag.div(ag.sum(ag.square(centred), { axes: -1, keepDims: true }), dh - 1));
  return ag.div(centred, ag.add(std, NORM_EPS));
}

/** log(elu(ℓ) + 1) without forming exp(ℓ): ℓ for ℓ ≤ 0, log1p(ℓ) above. */
export function v2LogWeights(l: Tensor): Tensor {
  return ag.add(ag.minimum(l, 0), ag.log1p(ag.relu(l)));
}

/** What a layer scans: per-position log-weights [B, T, H] and the values to average [B, T, H, C]. */
export interface FocusInputs {
  /** log w: ℓ (seed) or log(elu(ℓ) + 1) (v2), the mask bias included. */
  logWeights: Tensor;
  /** V (seed) or [K | V] (v2), by heads. */
  values: Tensor;
}

type Drop = (t: Tensor) => Tensor;

/**
 * The focus logits and scanned values from q, a, b, v by heads ([B, T, H, d_h]); bias [B, T] or null.
 * seed: ℓ = (c/d_h)·Drop(Norm(F1))·Norm(F2) + m.   v2: ℓ = F·K/√d_h + m, scanned as log(elu(ℓ) + 1).
 */
export function focusInputs(variant: LeapVariant, a4: Tensor, b4: Tensor, v4: Tensor, bias: Tensor | null, rescaleValue: number, drop: Drop): FocusInputs {
  const dh = a4.shape[3]!;
  const withBias = (l: Tensor) => (bias ? ag.add(l, ag.unsqueeze(bias, -1)) : l);
  if (variant === 'seed') return { logWeights: withBias(ag.mul(dot(drop(headNorm(a4)), headNorm(b4)), rescaleValue / dh)), values: v4 };
  return { logWeights: v2LogWeights(withBias(ag.div(dot(a4, b4), Math.sqrt(dh)))), values: ag.concat([b4, v4], -1) };
}

/**
 * The gated output by heads from the scan's mean [B, T, H, C] and log-sum lse [B, T, H]:
 * seed: V̄ = Drop(mean), out = σ(Q·V̄/√d_h)·V̄.
 * v2: [K̄ | V̄] = mean · Z/(Z + 1e-5) with Z/(Z + 1e-5) = σ(lse − log 1e-5), out = σ(Q·K̄/√d_h)·V̄.
 */
export function gatedOutput(variant: LeapVariant, q4: Tensor, mean: Tensor, lse: Tensor, drop: Drop): Tensor {
  const dh = q4.shape[3]!;
  if (variant === 'seed') {
    const vBar = drop(mean);
    return ag.mul(ag.unsqueeze(ag.sigmoid(ag.div(dot(q4, vBar), Math.sqrt(dh))), -1), vBar);
  }
  const shrink = ag.unsqueeze(ag.sigmoid(ag.sub(lse, Math.log(V2_EPS))), -1);
  const kBar = ag.mul(ag.narrow(mean, -1, 0, dh), shrink);
  const vBar = ag.mul(ag.narrow(mean, -1, dh, dh), shrink);
  return ag.mul(ag.unsqueeze(ag.sigmoid(ag.div(dot(q4, kBar), Math.sqrt(dh))), -1), vBar);
}

/** Checks q, a, b, v [B, T, d] and returns d_h. */
export function headSize(q: Tensor, a: Tensor, b: Tensor, v: Tensor, H: number, op: string): number {
  for (const [name, t] of [
    ['a', a],
    ['b', b],
    ['v', v],
  ] as const) {
    if (q.rank !== 3 || t.rank !== 3 || t.shape.some((d, i) => d !== q.shape[i]))
      throw new ShapeError(`${op}: q ${formatShape(q.shape)} and ${name} ${formatShape(t.shape)} must both be [B, T, d]`);
  }
  const d = q.shape[2]!;
  if (d % H !== 0) throw new ShapeError(`${op}: d = ${d} is not divisible by nHeads = ${H}`);
  return d / H;
}

/** Dropout as the layer applies it (identity unless training with p > 0). */
export const dropper =
  (options: Pick<LeapCoreOptions, 'dropout' | 'training' | 'generator'>): Drop =>
  (t) =>
    ag.dropout(t, options.dropout ?? 0, { training: options.training ?? false, generator: options.generator });

/**
 * One LEAP attention layer on projected inputs q, a, b, v [B, T, d] (seed: a = F1, b = F2; v2: a = F,
 * b = K), per head of size d_h = d / nHeads:
 *
 * seed: ℓ = (c/d_h)·Drop(Norm(F1))·Norm(F2) + m;  V̄ = Drop(Σ_W e^ℓ V / Σ_W e^ℓ);  out = σ(Q·V̄/√d_h)·V̄
 * v2:   ℓ = F·K/√d_h + m;  w = elu(ℓ) + 1;  K̄, V̄ = Σ_W w·(K, V) / (Σ_W w + 1e-5);  out = σ(Q·K̄/√d_h)·V̄
 *
 * Both windowed sums are one focus scan (log-weights ℓ, or log w), so memory is O(B·T·d).
 */
export function leapAttention(q: Tensor, a: Tensor, b: Tensor, v: Tensor, options: LeapCoreOptions): LeapCoreResult {
  const { variant, nHeads: H, window } = options;
  headSize(q, a, b, v, H, 'leapAttention');
  const drop = dropper(options);
  const { logWeights, values } = focusInputs(variant, byHeads(a, H), byHeads(b, H), byHeads(v, H), options.bias ?? null, options.rescaleValue ?? 8, drop);
  const { mean, lse } = focusScan(logWeights, values, 1, window);
  const out4 = gatedOutput(variant, byHeads(q, H), mean, lse, drop);
  const output = ag.reshape(out4, [q.shape[0]!, q.shape[1]!, q.shape[2]!]);
  const focus = options.focus ? focusWeightsOf(variant, window, logWeights, lse) : null;
  return { output, focus };
}
