import { runOp1 } from '../dispatch.js';
import { ShapeError } from '../errors.js';
import { formatShape } from '../shape.js';
import type { Tensor } from '../tensor.js';

/** Options of `matmul`: transposed operands, read without copying. */
export interface MatmulOptions {
  /** Use aᵀ (of the last two axes) without materialising it. */
  transA?: boolean;
  transB?: boolean;
}

/**
 * Batched matrix product with broadcast batch dimensions: [..., M, K] · [..., K, N] → [..., M, N].
 * A 1-D operand is treated as a row (a) or column (b) vector and that axis is dropped from the result.
 */
export function matmul(a: Tensor, b: Tensor, options: MatmulOptions = {}): Tensor {
  if (a.rank === 0 || b.rank === 0) throw new ShapeError(`matmul: scalars are not matrices (got ${formatShape(a.shape)} and ${formatShape(b.shape)})`);
  const a2 = a.rank === 1 ? a.view([1, a.shape[0]!]) : a;
  const b2 = b.rank === 1 ? b.view([b.shape[0]!, 1]) : b;
  const out = runOp1('matmul', [a2, b2], { transA: a.rank === 1 ? false : !!options.transA, transB: b.rank === 1 ? false : !!options.transB });
  if (a2 !== a) a2.dispose();
  if (b2 !== b) b2.dispose();
  if (a.rank > 1 && b.rank > 1) return out;
  const shape = [...out.shape];
  if (b.rank === 1) shape.splice(shape.length - 1, 1);
  if (a.rank === 1) shape.splice(shape.length - (b.rank === 1 ? 1 : 2), 1);
  const v = out.view(shape);
  out.dispose();
  return v;
}
