import { runOp1 } from '../dispatch.js';
import type { DType } from '../dtype.js';
import type { Tensor } from '../tensor.js';
import type { BinaryFn, CompareFn, LogicalFn, UnaryFn } from './op-params.js';

export const unary = (x: Tensor, fn: UnaryFn): Tensor => runOp1('unary', [x], { fn });
/** g · fn′(x), fused. */
export const unaryBackward = (x: Tensor, g: Tensor, fn: UnaryFn): Tensor => runOp1('unaryBackward', [x, g], { fn });

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

/** fn(a, b) with broadcasting; a number operand is applied as a scalar without allocating a tensor. */
export function binary(a: Tensor | number, b: Tensor | number, fn: BinaryFn): Tensor {
  if (typeof a === 'number' && typeof b === 'number') throw new TypeError(`${fn}: at least one operand must be a tensor`);
  if (typeof b === 'number') return runOp1('binaryScalar', [a as Tensor], { fn, scalar: b, reverse: false });
  if (typeof a === 'number') return runOp1('binaryScalar', [b], { fn, scalar: a, reverse: true });
  return runOp1('binary', [a, b], { fn });
}

export const add = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'add');
export const sub = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'sub');
export const mul = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'mul');
export const div = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'div');
export const pow = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'pow');
export const maximum = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'maximum');
export const minimum = (a: Tensor | number, b: Tensor | number) => binary(a, b, 'minimum');

export const compare = (a: Tensor, b: Tensor, fn: CompareFn): Tensor => runOp1('compare', [a, b], { fn });
export const eq = (a: Tensor, b: Tensor) => compare(a, b, 'eq');
export const ne = (a: Tensor, b: Tensor) => compare(a, b, 'ne');
export const lt = (a: Tensor, b: Tensor) => compare(a, b, 'lt');
export const le = (a: Tensor, b: Tensor) => compare(a, b, 'le');
export const gt = (a: Tensor, b: Tensor) => compare(a, b, 'gt');
export const ge = (a: Tensor, b: Tensor) => compare(a, b, 'ge');

export const logical = (a: Tensor, b: Tensor, fn: LogicalFn): Tensor => runOp1('logical', [a, b], { fn });
export const logicalAnd = (a: Tensor, b: Tensor) => logical(a, b, 'and');
export const logicalOr = (a: Tensor, b: Tensor) => logical(a, b, 'or');
export const logicalXor = (a: Tensor, b: Tensor) => logical(a, b, 'xor');
export const logicalNot = (a: Tensor): Tensor => runOp1('logicalNot', [a], {});

/** cond ? a : b, elementwise with broadcasting. */
export const where = (cond: Tensor, a: Tensor, b: Tensor): Tensor => runOp1('where', [cond, a, b], {});

export const cast = (x: Tensor, dtype: DType): Tensor => runOp1('cast', [x], { dtype });
/** A new tensor with a copy of x's elements. */
export const clone = (x: Tensor): Tensor => runOp1('copy', [x], {});
