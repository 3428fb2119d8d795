import type { BinaryFn, DType, Tensor, UnaryFn } from '@lightattn/tensor-core';
import { applyOp1 } from './apply-op.js';

// Differentiable elementwise ops: same names and signatures as tensor-core's, recorded on the tape.

/** Differentiable fn(x) for one of tensor-core's unary functions; the gradient rule saves x only when fn′ needs it. */
export const unary = (x: Tensor, fn: UnaryFn): Tensor => applyOp1('unary', [x], { fn });

/** Differentiable −x. */
export const neg = (x: Tensor) => unary(x, 'neg');
/** Differentiable |x| (gradient sign(x)·g). */
export const abs = (x: Tensor) => unary(x, 'abs');
/** sign(x); its gradient is 0 almost everywhere. */
export const sign = (x: Tensor) => unary(x, 'sign');
/** Differentiable x² (gradient 2x·g). */
export const square = (x: Tensor) => unary(x, 'square');
/** Differentiable √x. */
export const sqrt = (x: Tensor) => unary(x, 'sqrt');
/** Differentiable 1/√x. */
export const rsqrt = (x: Tensor) => unary(x, 'rsqrt');
/** Differentiable 1/x. */
export const reciprocal = (x: Tensor) => unary(x, 'reciprocal');
/** Differentiable eˣ. */
export const exp = (x: Tensor) => unary(x, 'exp');
/** Differentiable natural logarithm. */
export const log = (x: Tensor) => unary(x, 'log');
/** Differentiable log(1 + x). */
export const log1p = (x: Tensor) => unary(x, 'log1p');
/** Differentiable sin x. */
export const sin = (x: Tensor) => unary(x, 'sin');
/** Differentiable cos x. */
export const cos = (x: Tensor) => unary(x, 'cos');
/** Differentiable tanh x. */
export const tanh = (x: Tensor) => unary(x, 'tanh');
/** Differentiable σ(x) = 1/(1 + e⁻ˣ). */
export const sigmoid = (x: Tensor) => unary(x, 'sigmoid');
/** Differentiable max(x, 0). */
export const relu = (x: Tensor) => unary(x, 'relu');
/** GPT-2's GELU (tanh approximation, `gelu_new`). */
export const gelu = (x: Tensor) => unary(x, 'gelu');
/** The exact GELU x·Φ(x) = ½x(1 + erf(x/√2)) (PyTorch's `nn.GELU()`, Hugging Face's `"gelu"`), differentiable. */
export const geluErf = (x: Tensor) => unary(x, 'gelu_erf');
/** Differentiable ELU with α = 1: x for x > 0, eˣ − 1 otherwise. */
export const elu = (x: Tensor) => unary(x, 'elu');
/** Differentiable SiLU: x·σ(x). */
export const silu = (x: Tensor) => unary(x, 'silu');
/** ⌊x⌋; its gradient is 0 almost everywhere. */
export const floor = (x: Tensor) => unary(x, 'floor');
/** ⌈x⌉; its gradient is 0 almost everywhere. */
export const ceil = (x: Tensor) => unary(x, 'ceil');

/** fn(a, b) with broadcasting; a number operand is a scalar (no tensor is allocated for it). */
export function binary(a: Tensor | number, b: Tensor | number, fn: BinaryFn): Tensor {
  if (typeof a === 'number' && typeof b === 'number') throw new TypeError(`${fn}: at least one operand must be a tensor`);
  if (typeof b === 'number') return applyOp1('binaryScalar', [a as Tensor], { fn, scalar: b, reverse: false });
  if (typeof a === 'number') return applyOp1('binaryScalar', [b], { fn, scalar: a, reverse: true });
  return applyOp1('binary', [a, b], { fn });
}

/** Differentiable a + b with broadcasting; either operand may be a number. */
export const add = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'add');
/** Differentiable a − b with broadcasting; either operand may be a number. */
export const sub = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'sub');
/** Differentiable a · b with broadcasting; either operand may be a number. */
export const mul = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'mul');
/** Differentiable a / b with broadcasting; either operand may be a number. */
export const div = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'div');
/** Differentiable aᵇ with broadcasting; either operand may be a number. */
export const pow = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'pow');
/** Differentiable max(a, b) with broadcasting; a tie splits the gradient in half. */
export const maximum = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'maximum');
/** Differentiable min(a, b) with broadcasting; a tie splits the gradient in half. */
export const minimum = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'minimum');

/** cond ? a : b, elementwise with broadcasting; differentiable in a and b. */
export const where = (cond: Tensor, a: Tensor, b: Tensor): Tensor => applyOp1('where', [cond, a, b], {});

/** A copy in another dtype; only f32 → f32 carries a gradient. */
export const cast = (x: Tensor, dtype: DType): Tensor => applyOp1('cast', [x], { dtype });
/** A new tensor with a copy of x's elements (differentiable). */
export const clone = (x: Tensor): Tensor => applyOp1('copy', [x], {});
