import { runOp } from '../dispatch.js';
import type { Tensor } from '../tensor.js';
import type { OpParams } from './op-params.js';

/** One fused AdamW step, in place on param, m and v (PyTorch's torch.optim.AdamW arithmetic). */
export function adamwUpdate(param: Tensor, grad: Tensor, m: Tensor, v: Tensor, options: OpParams<'adamwUpdate'>): void {
  runOp('adamwUpdate', [param, grad, m, v], options);
}
