import * as tc from '@lightattn/tensor-core';
import { keep, scope, withMemoryTag, type Tensor } from '@lightattn/tensor-core';
import { noGrad } from '../grad-mode.js';

/**
 * torch.nn.utils.clip_grad_norm_: the global L2 norm ‖g‖ = √(Σ_p Σ g²) over every gradient, and
 * each gradient scaled by min(1, maxNorm/(‖g‖ + 1e-6)). Everything stays on the device (no read
 * back): returns the total norm as a 0-d tensor — `await norm.item()` when you need the number.
 */
export function clipGradNorm(params: readonly Tensor[], maxNorm: number): Tensor {
  return noGrad(() =>
    withMemoryTag('gradient', () => {
      const withGrad = params.filter((p) => p.grad);
      if (!withGrad.length) return tc.zeros([], { device: params[0]?.device });
      const total = scope(() => tc.sqrt(withGrad.map((p) => tc.sum(tc.square(p.grad!))).reduce((a, b) => tc.add(a, b))));
      scope(() => {
        const coef = tc.minimum(tc.div(maxNorm, tc.add(total, 1e-6)), 1);
        for (const p of withGrad) {
          const clipped = keep(tc.mul(p.grad!, coef));
          p.grad!.dispose();
          p.grad = clipped;
        }
      });
      return total;
    }),
  );
}
