import * as tc from '@lightattn/tensor-core';
import type { Tensor } from '@lightattn/tensor-core';
import { noGrad } from '../grad-mode.js';
import { Optimizer, type BaseHyperparameters, type ParamGroupInput } from './optimizer.js';

export interface AdamWHyperparameters extends BaseHyperparameters {
  betas: readonly [number, number];
  eps: number;
}

/**
 * AdamW (Loshchilov & Hutter), torch.optim.AdamW's arithmetic: decoupled decay p ← p·(1 − lr·λ),
 * m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², p ← p − (lr/(1 − β₁ᵗ))·m/(√v/√(1 − β₂ᵗ) + ε), with t
 * counted per parameter. One fused `adamwUpdate` kernel per parameter; m and v are tagged 'optimizer'.
 * Defaults are PyTorch's: lr 1e-3, betas (0.9, 0.999), eps 1e-8, weight decay 1e-2.
 */
export class AdamW extends Optimizer<AdamWHyperparameters> {
  readonly kind = 'AdamW';

  constructor(params: readonly Tensor[] | readonly ParamGroupInput<AdamWHyperparameters>[], options: Partial<AdamWHyperparameters> = {}) {
    super(params, { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 1e-2, ...options });
    this.checkHyperparameters('AdamW');
  }

  /** PyTorch's checks: 0 ≤ β₁, β₂ < 1 and ε ≥ 0 (and finite here). */
  protected override checkGroup(g: AdamWHyperparameters, fail: (name: string, value: unknown, rule: string) => never): void {
    if (!Array.isArray(g.betas) || g.betas.length !== 2) fail('betas', JSON.stringify(g.betas), 'a pair [β₁, β₂]');
    g.betas.forEach((b, i) => {
      if (typeof b !== 'number' || !(b >= 0 && b < 1)) fail(`betas[${i}]`, b, 'in [0, 1)');
    });
    if (typeof g.eps !== 'number' || !Number.isFinite(g.eps) || g.eps < 0) fail('eps', g.eps, 'a finite number ≥ 0');
  }

  step(): void {
    this.checkHyperparameters(`${this.kind}.step()`);
    noGrad(() => {
      for (const g of this.paramGroups) {
        for (const p of g.params) {
          const grad = this.gradOf(p);
          if (!grad) continue;
          const s = this.stateOf(p, ['exp_avg', 'exp_avg_sq']);
          s.step++;
          tc.adamwUpdate(p, grad, s.tensors.exp_avg!, s.tensors.exp_avg_sq!, {
            lr: g.lr,
            beta1: g.betas[0],
            beta2: g.betas[1],
            eps: g.eps,
            weightDecay: g.weightDecay,
            step: s.step,
          });
        }
      }
    });
  }
}
