import { numel } from '@lightattn/tensor-core';
import { ceilDiv, DispatchBuilder, elementwiseMain, type WgslKernel } from '../../kernel-api.js';

const WG = 256;

/**
 * One fused AdamW step in place on param, m and v (inputs 0, 2, 3; grad is input 1), one dispatch,
 * in the order of PyTorch's single-tensor AdamW:
 *
 *   param ← param·(1 − lr·wd)
 *   m ← lerp(m, g, 1 − β1)              m + w·(g − m) for w < 0.5, else g − (g − m)·(1 − w)
 *   v ← v·β2 + (1 − β2)·g²
 *   param ← param − (lr / (1 − β1^step)) · m / (√v / √(1 − β2^step) + eps)
 *
 * The scalar factors are computed once in float64 on the host (as Python does) and passed as f32
 * uniforms; the lerp branch is fixed by w, so it is a variant rather than a per-element select.
 */
export const adamwUpdateKernel: WgslKernel<'adamwUpdate'> = (call) => {
  const [param, grad, m, v] = call.inputs;
  const n = numel(param!.shape);
  if (n === 0) return [];
  const { lr, beta1, beta2, eps, weightDecay, step } = call.params;
  const w1 = 1 - beta1;
  const lerpFromM = w1 < 0.5;
  const b = new DispatchBuilder(call, 'adamwUpdate', [lerpFromM ? 'lerp-m' : 'lerp-g']);
  b.output('param', param!);
  b.input('grad', grad!);
  // Not `m`/`v`: accessor parameters are named v.
  b.output('exp_avg', m!);
  b.output('exp_avg_sq', v!);
  b.u32('n', n)
    .f32('decay', 1 - lr * weightDecay)
    .f32('w1', w1)
    .f32('one_minus_w1', 1 - w1)
    .f32('beta2', beta2)
    .f32('w2', 1 - beta2)
    .f32('neg_step_size', -lr / (1 - beta1 ** step))
    .f32('bias2_sqrt', Math.sqrt(1 - beta2 ** step))
    .f32('eps', eps);
  const lerp = lerpFromM ? 'm0 + u.w1 * (g - m0)' : 'g - (g - m0) * u.one_minus_w1';
  return b.build(
    ceilDiv(n, WG),
    (decls) => `${decls}
${elementwiseMain(
  WG,
  `let g = grad_get(i);
  let p = param_get(i) * u.decay;
  let m0 = exp_avg_get(i);
  let m1 = ${lerp};
  let v1 = exp_avg_sq_get(i) * u.beta2 + u.w2 * g * g;
  exp_avg_set(i, m1);
  exp_avg_sq_set(i, v1);
  param_set(i, p + (u.neg_step_size * m1) / (sqrt(v1) / u.bias2_sqrt + u.eps));`,
)}`,
  );
};
