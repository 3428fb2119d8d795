import type { BinaryFn, DType, Tensor, UnaryFn } from '@lightattn/tensor-core';
import { applyOp1 } from './apply-op.js';

// Differentiable elementwise ops: same names and signatures as tensor-core's, recorded on the tape.

export const unary = (x: Tensor, fn: UnaryFn): Tensor => applyOp1('unary', [x], { fn });

export const neg = (x: Tensor) => unary(x, 'neg');
export const abs = (x: Tensor) => unary(x, 'abs');
export const sign = (x: Tensor) => unary(x, 'sign');
export const square = (x: Tensor) => unary(x, 'square');
export const sqrt = (x: Tensor) => unary(x, 'sqrt');
export const rsqrt = (x: Tensor) => unary(x, 'rsqrt');
export const reciprocal = (x: Tensor) => unary(x, 'reciprocal');
export const exp = (x: Tensor) => unary(x, 'exp');
export const log = (x: Tensor) => unary(x, 'log');
export const log1p = (x: Tensor) => unary(x, 'log1p');
export const sin = (x: Tensor) => unary(x, 'sin');
export const cos = (x: Tensor) => unary(x, 'cos');
export const tanh = (x: Tensor) => unary(x, 'tanh');
export const sigmoid = (x: Tensor) => unary(x, 'sigmoid');
export const relu = (x: Tensor) => unary(x, 'relu');
/** GPT-2's GELU (tanh approximation, `gelu_new`). */
export const gelu = (x: Tensor) => unary(x, 'gelu');
export const elu = (x: Tensor) => unary(x, 'elu');
export const silu = (x: Tensor) => unary(x, 'silu');
export const floor = (x: Tensor) => unary(x, 'floor');
export const ceil = (x: Tensor) => unary(x, 'ceil');

/** fn(a, b) with broadcasting; a number operand is a scalar (no tensor is allocated for it). */
export function binary(a: Tensor | number, b: Tensor | number, fn: BinaryFn): Tensor {
  if (typeof a === 'number' && typeof b === 'number') throw new TypeError(`${fn}: at least one operand must be a tensor`);
  if (typeof b === 'number') return applyOp1('binaryScalar', [a as Tensor], { fn, scalar: b, reverse: false });
  if (typeof a === 'number') return applyOp1('binaryScalar', [b], { fn, scalar: a, reverse: true });
  return applyOp1('binary', [a, b], { fn });
}

export const add = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'add');
export const sub = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'sub');
export const mul = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'mul');
export const div = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'div');
export const pow = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'pow');
export const maximum = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'maximum');
export const minimum = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'minimum');

/** cond ? a : b, elementwise with broadcasting; differentiable in a and b. */
export const where = (cond: Tensor, a: Tensor, b: Tensor): Tensor => applyOp1('where', [cond, a, b], {});

/** A copy in another dtype; only f32 → f32 carries a gradient. */
export const cast = (x: Tensor, dtype: DType): Tensor => applyOp1('cast', [x], { dtype });
/** A new tensor with a copy of x's elements (differentiable). */
export const clone = (x: Tensor): Tensor => applyOp1('copy', [x], {});
