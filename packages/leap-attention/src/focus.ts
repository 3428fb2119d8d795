import * as tc from '@lightattn/tensor-core';
import { IndexError, type Tensor } from '@lightattn/tensor-core';
import type { LeapVariant, LeapWindow } from './config.js';

/**
 * What LEAP's focus explains, per batch row, head and token (all [B, H, T], detached):
 * every output t is a weighted mean over its window W(t) with weights w_j / N_t, where
 * - w_j = exp(ℓ_j) (seed) or elu(ℓ_j) + 1 (v2) is the focus token j asks for (padding included as
 *   m_j = −10000), and
 * - N_t = Σ_{j∈W(t)} w_j (seed) or that sum + 1e-5 (v2) normalises within the window.
 */
export interface FocusWeights {
  readonly variant: LeapVariant;
  readonly window: LeapWindow;
  /** log w_j. */
  readonly logWeights: Tensor;
  /** log N_t. */
  readonly logNormalizer: Tensor;
  /**
   * w_t / N_t: the weight token t receives, normalised within its window (the window that ends at t,
   * where the token first enters). Each is in [0, 1]; a token alone in its window gets 1 (v2: 1 − O(1e-5)).
   */
  readonly weights: Tensor;
}

/** FocusWeights from the layer's log-weights and window log-sums, both [B, T, H]; no gradient. */
export function focusWeightsOf(variant: LeapVariant, window: LeapWindow, logWeights: Tensor, lse: Tensor): FocusWeights {
  // A diagnostic of values the layer computed: nothing here is part of the graph.
  return tc.noGrad(() =>
    tc.scope(() => {
      const toBHT = (t: Tensor) => tc.permute(t, [0, 2, 1]); // (B, T, H) → (B, H, T)
      const lw = toBHT(logWeights);
      const lz = toBHT(lse);
      // v2: log(Z + ε) = logaddexp(log Z, log ε), finite even for an empty window (log Z = −Inf).
      const logNormalizer = variant === 'seed' ? lz : logAddExpScalar(lz, Math.log(1e-5));
      return { variant, window, logWeights: lw, logNormalizer, weights: tc.exp(tc.sub(lw, logNormalizer)) };
    }),
  );
}

/** log(exp(a) + exp(s)) for a tensor a and a finite scalar s: max + log1p(exp(−|a − s|)). */
function logAddExpScalar(a: Tensor, s: number): Tensor {
  return tc.add(tc.maximum(a, s), tc.log1p(tc.exp(tc.neg(tc.abs(tc.sub(a, s))))));
}

/** The weights one output averages with: positions j ∈ W(t) and their weights w_j / N_t. */
export interface FocusRow {
  readonly positions: number[];
  readonly weights: number[];
}

/**
 * The full focus distribution of output `position` (batch row `batch`, head `head`): which tokens it
 * reads and how much. O(window) values, read from the device.
 */
export async function focusDistribution(focus: FocusWeights, batch: number, head: number, position: number): Promise<FocusRow> {
  const [B, H, T] = focus.logWeights.shape as [number, number, number];
  if (!(batch >= 0 && batch < B && head >= 0 && head < H && position >= 0 && position < T)) {
    throw new IndexError(`focusDistribution: (batch ${batch}, head ${head}, position ${position}) is outside [${B}, ${H}, ${T}]`);
  }
  const row = (batch * H + head) * T;
  const lw = await focus.logWeights.toArray();
  const lz = (await focus.logNormalizer.toArray())[row + position]!;
  const first = focus.window === 'global' ? 0 : Math.max(0, position - focus.window + 1);
  const positions = Array.from({ length: position - first + 1 }, (_, k) => first + k);
  return { positions, weights: positions.map((j) => Math.exp(lw[row + j]! - lz)) };
}

/** Frees the tensors of a FocusWeights. */
export function disposeFocus(focus: FocusWeights | null | undefined): void {
  if (!focus) return;
  for (const t of [focus.logWeights, focus.logNormalizer, focus.weights]) t.dispose();
}
