import { runOp1 } from '../dispatch.js';
import type { DType } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import type { BinaryFn, CompareFn, LogicalFn, UnaryFn } from './op-params.js';

/** fn(x) elementwise for one of the {@link UnaryFn} functions; the named wrappers below call it. */
export const unary = (x: Tensor, fn: UnaryFn): Tensor => runOp1('unary', [x], { fn });
/** g · fn′(x), fused. */
export const unaryBackward = (x: Tensor, g: Tensor, fn: UnaryFn): Tensor => runOp1('unaryBackward', [x, g], { fn });

/** −x, elementwise (f32 or i32). */
export const neg = (x: Tensor) => unary(x, 'neg');
/** |x|, elementwise (f32, i32 or u32). */
export const abs = (x: Tensor) => unary(x, 'abs');
/** −1, 0 or 1 by the sign of x, elementwise (f32 or i32; NaN stays NaN). */
export const sign = (x: Tensor) => unary(x, 'sign');
/** x², elementwise (f32, i32 or u32). */
export const square = (x: Tensor) => unary(x, 'square');
/** √x, elementwise. */
export const sqrt = (x: Tensor) => unary(x, 'sqrt');
/** 1/√x, elementwise. */
export const rsqrt = (x: Tensor) => unary(x, 'rsqrt');
/** 1/x, elementwise. */
export const reciprocal = (x: Tensor) => unary(x, 'reciprocal');
/** eˣ, elementwise. */
export const exp = (x: Tensor) => unary(x, 'exp');
/** Natural logarithm, elementwise. */
export const log = (x: Tensor) => unary(x, 'log');
/** log(1 + x), elementwise, accurate near 0. */
export const log1p = (x: Tensor) => unary(x, 'log1p');
/** sin x, elementwise. */
export const sin = (x: Tensor) => unary(x, 'sin');
/** cos x, elementwise. */
export const cos = (x: Tensor) => unary(x, 'cos');
/** tanh x, elementwise. */
export const tanh = (x: Tensor) => unary(x, 'tanh');
/** σ(x) = 1/(1 + e⁻ˣ), elementwise. */
export const sigmoid = (x: Tensor) => unary(x, 'sigmoid');
/** max(x, 0), elementwise. */
export const relu = (x: Tensor) => unary(x, 'relu');
/** GPT-2's GELU (tanh approximation, `gelu_new`). */
export const gelu = (x: Tensor) => unary(x, 'gelu');
/** The exact GELU, x·Φ(x) = ½x(1 + erf(x/√2)) (PyTorch's `nn.GELU()`, Hugging Face's `"gelu"`). */
export const geluErf = (x: Tensor) => unary(x, 'gelu_erf');
/** ELU with α = 1: x for x > 0, eˣ − 1 otherwise. */
export const elu = (x: Tensor) => unary(x, 'elu');
/** SiLU (swish): x·σ(x), elementwise. */
export const silu = (x: Tensor) => unary(x, 'silu');
/** ⌊x⌋, elementwise. */
export const floor = (x: Tensor) => unary(x, 'floor');
/** ⌈x⌉, elementwise. */
export const ceil = (x: Tensor) => unary(x, 'ceil');

/** fn(a, b) with broadcasting; a number operand is applied as a scalar without allocating a tensor. */
export function binary(a: Tensor | number, b: Tensor | number, fn: BinaryFn): Tensor {
  if (typeof a === 'number' && typeof b === 'number') throw new TypeError(`${fn}: at least one operand must be a tensor`);
  if (typeof b === 'number') return runOp1('binaryScalar', [a as Tensor], { fn, scalar: b, reverse: false });
  if (typeof a === 'number') return runOp1('binaryScalar', [b], { fn, scalar: a, reverse: true });
  return runOp1('binary', [a, b], { fn });
}

/** a + b with broadcasting; either operand may be a number. */
export const add = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'add');
/** a − b with broadcasting; either operand may be a number. */
export const sub = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'sub');
/** a · b with broadcasting; either operand may be a number. */
export const mul = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'mul');
/** a / b with broadcasting; either operand may be a number (integer division truncates toward zero). */
export const div = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'div');
/** aᵇ with broadcasting (f32 only); either operand may be a number. */
export const pow = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'pow');
/** Elementwise max(a, b) with broadcasting; NaN propagates. */
export const maximum = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'maximum');
/** Elementwise min(a, b) with broadcasting; NaN propagates. */
export const minimum = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'minimum');

/** A bool tensor of fn(a, b) with broadcasting; NaN compares false except for `ne`. */
export const compare = (a: Tensor, b: Tensor, fn: CompareFn): Tensor => runOp1('compare', [a, b], { fn });
/** a = b, elementwise with broadcasting, as a bool tensor. */
export const eq = (a: Tensor, b: Tensor) => compare(a, b, 'eq');
/** a ≠ b, elementwise with broadcasting, as a bool tensor. */
export const ne = (a: Tensor, b: Tensor) => compare(a, b, 'ne');
/** a < b, elementwise with broadcasting, as a bool tensor. */
export const lt = (a: Tensor, b: Tensor) => compare(a, b, 'lt');
/** a ≤ b, elementwise with broadcasting, as a bool tensor. */
export const le = (a: Tensor, b: Tensor) => compare(a, b, 'le');
/** a > b, elementwise with broadcasting, as a bool tensor. */
export const gt = (a: Tensor, b: Tensor) => compare(a, b, 'gt');
/** a ≥ b, elementwise with broadcasting, as a bool tensor. */
export const ge = (a: Tensor, b: Tensor) => compare(a, b, 'ge');

/** fn(a, b) of two bool tensors with broadcasting. */
export const logical = (a: Tensor, b: Tensor, fn: LogicalFn): Tensor => runOp1('logical', [a, b], { fn });
/** a ∧ b of two bool tensors, with broadcasting. */
export const logicalAnd = (a: Tensor, b: Tensor) => logical(a, b, 'and');
/** a ∨ b of two bool tensors, with broadcasting. */
export const logicalOr = (a: Tensor, b: Tensor) => logical(a, b, 'or');
/** a ⊕ b of two bool tensors, with broadcasting. */
export const logicalXor = (a: Tensor, b: Tensor) => logical(a, b, 'xor');
/** ¬a of a bool tensor. */
export const logicalNot = (a: Tensor): Tensor => runOp1('logicalNot', [a], {});

/** cond ? a : b, elementwise with broadcasting. */
export const where = (cond: Tensor, a: Tensor, b: Tensor): Tensor => runOp1('where', [cond, a, b], {});

/** x converted to `dtype`: float → int truncates toward zero (NaN → 0), → bool is x ≠ 0, bool → number is 0/1. */
export const cast = (x: Tensor, dtype: DType): Tensor => runOp1('cast', [x], { dtype });
/** A new tensor with a copy of x's elements. */
export const clone = (x: Tensor): Tensor => runOp1('copy', [x], {});
