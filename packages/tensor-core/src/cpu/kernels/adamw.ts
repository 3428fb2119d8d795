import type { CpuKernel } from '../cpu-tensor.js';
import type { Elements } from './strided-runs.js';

/**
 * One AdamW step in place on param (inputs[0]), m (inputs[2]) and v (inputs[3]), in the order of
 * PyTorch's single-tensor torch.optim.AdamW (foreach=False, amsgrad=False, maximize=False):
 *
 *   param.mul_(1 − lr·wd)
 *   m.lerp_(g, 1 − β1)                    m + w·(g − m) for w < 0.5, else g − (g − m)·(1 − w)
 *   v.mul_(β2).addcmul_(g, g, 1 − β2)     v·β2 + (1 − β2)·g·g
 *   denom = √v / √(1 − β2^step) + eps
 *   param.addcdiv_(m, denom, −lr / (1 − β1^step))
 *
 * lerp is β1·m + (1 − β1)·g in exact arithmetic; the lerp form is what PyTorch rounds. The scalar
 * factors are computed once in float64, as Python does; each element's chain then runs in float64
 * and is rounded once, by the stores (PyTorch rounds to f32 after every op, so f32 results can differ
 * from it in the last bit; on the float64 device this is the exact arithmetic).
 */
export const adamwUpdateKernel: CpuKernel<'adamwUpdate'> = ([paramT, gradT, mT, vT], _outputs, { lr, beta1, beta2, eps, weightDecay, step }) => {
  const param = paramT!.data as Elements;
  const grad = gradT!.data as Elements;
  const m = mT!.data as Elements;
  const v = vT!.data as Elements;
  const decay = 1 - lr * weightDecay;
  const w1 = 1 - beta1;
  const w2 = 1 - beta2;
  const stepSize = lr / (1 - beta1 ** step);
  const bias2Sqrt = Math.sqrt(1 - beta2 ** step);
  for (let i = 0; i < param.length; i++) {
    const g = grad[i]!;
    // PyTorch skips the multiply when weightDecay is 0; multiplying by exactly 1 changes nothing.
    const p = param[i]! * decay;
    const m0 = m[i]!;
    const m1 = w1 < 0.5 ? m0 + w1 * (g - m0) : g - (g - m0) * (1 - w1);
    const v1 = v[i]! * beta2 + w2 * g * g;
    m[i] = m1;
    v[i] = v1;
    param[i] = p + (-stepSize * m1) / (Math.sqrt(v1) / bias2Sqrt + eps);
  }
};
