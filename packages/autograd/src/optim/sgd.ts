import * as tc from '@lightattn/tensor-core';
import { keep, scope, withMemoryTag, type Tensor } from '@lightattn/tensor-core';
import { noGrad } from '../grad-mode.js';
import { OptimizerStateError, Optimizer, type BaseHyperparameters, type ParamGroupInput } from './optimizer.js';

export interface SGDHyperparameters extends BaseHyperparameters {
  momentum: number;
  dampening: number;
  nesterov: boolean;
}

/**
 * SGD with momentum, torch.optim.SGD's arithmetic: g ← g + λp; b ← g on the first step, then
 * b ← μb + (1 − τ)g; g ← g + μb (nesterov) or b; p ← p − lr·g.
 */
export class SGD extends Optimizer<SGDHyperparameters> {
  readonly kind = 'SGD';

  constructor(params: readonly Tensor[] | readonly ParamGroupInput<SGDHyperparameters>[], options: Partial<SGDHyperparameters> & { lr: number }) {
    super(params, { momentum: 0, dampening: 0, nesterov: false, weightDecay: 0, ...options });
    this.checkHyperparameters('SGD');
    for (const g of this.paramGroups) {
      if (g.nesterov && (g.momentum <= 0 || g.dampening !== 0)) throw new OptimizerStateError('SGD: nesterov needs momentum > 0 and dampening 0');
    }
  }

  /** PyTorch's check: momentum ≥ 0 (and finite here, as dampening). */
  protected override checkGroup(g: SGDHyperparameters, fail: (name: string, value: unknown, rule: string) => never): void {
    if (typeof g.momentum !== 'number' || !Number.isFinite(g.momentum) || g.momentum < 0) fail('momentum', g.momentum, 'a finite number ≥ 0');
    if (typeof g.dampening !== 'number' || !Number.isFinite(g.dampening)) fail('dampening', g.dampening, 'a finite number');
  }

  step(): void {
    this.checkHyperparameters('SGD.step()');
    noGrad(() => {
      for (const group of this.paramGroups) {
        for (const p of group.params) {
          const grad = this.gradOf(p);
          if (!grad) continue;
          scope(() => {
            let g = group.weightDecay ? tc.add(grad, tc.mul(p, group.weightDecay)) : grad;
            if (group.momentum) {
              const s = this.state.get(p) ?? { step: 0, tensors: {} };
              this.state.set(p, s);
              const old = s.tensors.momentum_buffer;
              const buf = withMemoryTag('optimizer', () => keep(old ? tc.add(tc.mul(old, group.momentum), tc.mul(g, 1 - group.dampening)) : tc.clone(g)));
              old?.dispose();
              s.tensors.momentum_buffer = buf;
              s.step++;
              g = group.nesterov ? tc.add(g, tc.mul(buf, group.momentum)) : buf;
            }
            tc.setSlice(
              p,
              tc.sub(p, tc.mul(g, group.lr)),
              p.shape.map(() => 0),
            );
          });
        }
      }
    });
  }
}
