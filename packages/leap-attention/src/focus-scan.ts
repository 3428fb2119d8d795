import * as tc from '@lightattn/tensor-core';
import { normalizeAxis, runOp, type Tensor } from '@lightattn/tensor-core';
import { defineFunction } from '@lightattn/autograd';
import type { LeapWindow } from './config.js';

/** The scan op's window parameter: 0 is unbounded. */
export const scanWindow = (window: LeapWindow): number => (window === 'global' ? 0 : window);

/** tensor-core's leapScan op (no gradient): [mean, lse]. */
export function leapScanOp(logits: Tensor, x: Tensor, axis: number, window: LeapWindow, reverse = false): [Tensor, Tensor] {
  const [mean, lse] = runOp('leapScan', [logits, x], { axis: normalizeAxis(axis, logits.rank, 'leapScan'), window: scanWindow(window), reverse });
  return [mean!, lse!];
}

/**
 * Backward of the focus scan, with P_ij = exp(ℓ_j − lse_i) for j ∈ W(i) (0 elsewhere):
 *   mean_i = Σ_j P_ij x_j, lse_i = log Σ_{j∈W(i)} exp(ℓ_j)
 *   dx_j = Σ_i P_ij gMean_i
 *   dℓ_j = Σ_i P_ij (gMean_i·x_j − D_i + gLse_i),   D_i = gMean_i·mean_i
 * Both are sums over {i : j ∈ W(i)}, the window of j in the other direction, of exp(ℓ_j − lse_i)·y_i:
 * one reverse leapScan with log-weights −lse_i over y = [gMean, D − gLse] gives
 *   Σ_i exp(−lse_i)·y_i = exp(r_j)·m_j   (r: its lse, m: its mean),
 * so with f_j = exp(ℓ_j + r_j) (≤ the window size, since every P_ij ≤ 1):
 *   dx_j = f_j·m_j[:C],   dℓ_j = f_j·(x_j·m_j[:C] − m_j[C]).
 * The reverse scan is as stable as the forward one; nothing T×T is formed. A window with no weight
 * (lse_i = −Inf) passes no gradient: its log-weight is −Inf, not +Inf.
 */
function focusScanBackward(
  logits: Tensor,
  x: Tensor,
  mean: Tensor,
  lse: Tensor,
  gMean: Tensor,
  gLse: Tensor,
  axis: number,
  window: LeapWindow,
  wanted: readonly boolean[],
): (Tensor | null)[] {
  const C = x.shape[x.rank - 1]!;
  const d = tc.sum(tc.mul(gMean, mean), { axes: -1 });
  const y = tc.concat([gMean, tc.unsqueeze(tc.sub(d, gLse), -1)], -1);
  const negLse = tc.neg(lse);
  const reverseLogWeights = tc.where(tc.eq(negLse, tc.full([], Infinity, { device: lse.device })), tc.full([], -Infinity, { device: lse.device }), negLse);
  const [m, r] = leapScanOp(reverseLogWeights, y, axis, window, true);
  const f = tc.unsqueeze(tc.exp(tc.add(logits, r)), -1);
  const mx = tc.narrow(m, -1, 0, C);
  const dx = wanted[1] ? tc.mul(mx, f) : null;
  const dLogits = wanted[0] ? tc.squeeze(tc.mul(f, tc.sub(tc.sum(tc.mul(x, mx), { axes: -1, keepDims: true }), tc.narrow(m, -1, C, 1))), -1) : null;
  return [dLogits, dx];
}

const focusScanFunction = defineFunction({
  name: 'leapScan',
  forward(ctx, logits: Tensor, x: Tensor, axis: number, window: LeapWindow) {
    const [mean, lse] = leapScanOp(logits, x, axis, window);
    // What the backward reads: both inputs and both outputs (all O(B·T·d)), and two plain values.
    ctx.save({ inputs: [0, 1], outputs: [0, 1], values: { axis, window } });
    return [mean, lse] as const;
  },
  backward: ({ saved, needsInputGrad }, [gMean, gLse]) => [
    ...focusScanBackward(
      saved.input(0),
      saved.input(1),
      saved.output(0),
      saved.output(1),
      gMean!,
      gLse!,
      saved.value<number>('axis'),
      saved.value<LeapWindow>('window'),
      needsInputGrad,
    ),
    null,
    null,
  ],
});

/** The output of {@link focusScan}: the windowed softmax-weighted mean and the log-normaliser. */
export interface FocusScanResult {
  /** Σ_{j∈W(t)} softmax_W(t)(ℓ)_j · x_j: x's shape. */
  mean: Tensor;
  /** log Σ_{j∈W(t)} exp(ℓ_j): the logits' shape. */
  lse: Tensor;
}

/**
 * The differentiable focus scan: a causal softmax-weighted mean of x along `axis` of the logits, over
 * windows of `window` positions (or all earlier ones). logits [...L], x [...L, C]. Saves logits, x,
 * mean and lse; the backward is one reverse scan (see focusScanBackward).
 */
export function focusScan(logits: Tensor, x: Tensor, axis: number, window: LeapWindow): FocusScanResult {
  const [mean, lse] = focusScanFunction(logits, x, normalizeAxis(axis, logits.rank, 'focusScan'), window);
  return { mean: mean!, lse: lse! };
}
