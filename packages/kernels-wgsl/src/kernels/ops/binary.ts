import { numel, shapesEqual, type BinaryFn, type DType } from '@lightattn/tensor-core';
import { ceilDiv, DispatchBuilder, elementwiseMain, WGSL_FLOAT_BITS, type WgslKernel } from '../../kernel-api.js';
import { elementBits, fromBits } from './creation.js';
import { contiguousMap } from '../wgsl/map.js';
import { broadcastIndexing } from '../wgsl/strided.js';

const WG = 256;

/**
 * pow as the CPU computes it (Math.pow, with 1^y = 1 for any y): GPU pow is exp2(y·log2 x) and only
 * defined for x > 0, so signs, zeros, infinities and NaN are handled here, and a negative base with an
 * integer exponent takes the sign of (−1)^y.
 */
const WGSL_POW = /* wgsl */ `
fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}`;

/** maximum/minimum propagate NaN (GPU max/min return the other operand); integer division truncates, x / 0 = x as in WGSL. */
function binaryExpr(fn: BinaryFn, type: DType): string {
  const float = type === 'f32';
  switch (fn) {
    case 'add':
      return 'a + b';
    case 'sub':
      return 'a - b';
    case 'mul':
      return 'a * b';
    case 'div':
      return 'a / b';
    case 'pow':
      return 'pow_f32(a, b)';
    case 'maximum':
      return float ? 'select(max(a, b), f32_nan(), is_nan(a) || is_nan(b))' : 'max(a, b)';
    case 'minimum':
      return float ? 'select(min(a, b), f32_nan(), is_nan(a) || is_nan(b))' : 'min(a, b)';
  }
}

function prelude(type: DType): string {
  return type === 'f32' ? `${WGSL_FLOAT_BITS}\n${WGSL_POW}` : '';
}

/** out = fn(a, b) with NumPy broadcasting (strides in uniforms); same-shape operands take the contiguous (vec4) path. */
export const binaryKernel: WgslKernel<'binary'> = (call) => {
  const { fn } = call.params;
  const [a, bT] = call.inputs;
  const out = call.outputs[0]!;
  const type = a!.dtype as 'f32' | 'i32' | 'u32';
  const apply = `${prelude(type)}\nfn apply(a: ${type}, b: ${type}) -> ${type} { return ${binaryExpr(fn, type)}; }`;
  if (shapesEqual(a!.shape, out.shape) && shapesEqual(bT!.shape, out.shape)) {
    return contiguousMap({
      call,
      name: 'binary',
      variant: [fn],
      inputs: [
        ['a', a!],
        ['b', bT!],
      ],
      output: ['y', out],
      type,
      apply,
    });
  }
  const b = new DispatchBuilder(call, 'binary', [fn]);
  b.input('a', a!);
  b.input('b', bT!);
  b.output('y', out);
  const n = numel(out.shape);
  b.u32('n', n);
  const index = broadcastIndexing(b, out.shape, [
    { name: 'a', shape: a!.shape },
    { name: 'b', shape: bT!.shape },
  ]);
  return b.build(ceilDiv(n, WG), (decls) => `${decls}\n${apply}\n${index}\n${elementwiseMain(WG, 'y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));')}`);
};

/**
 * out = fn(a, s) or fn(s, a). The scalar is passed as the element's bits: rounded to f32 for f32
 * tensors; for i32/u32 converted as an Int32Array/Uint32Array store would (truncate, wrap), like the CPU.
 */
export const binaryScalarKernel: WgslKernel<'binaryScalar'> = (call) => {
  const { fn, scalar, reverse } = call.params;
  const x = call.inputs[0]!;
  const type = x.dtype as 'f32' | 'i32' | 'u32';
  const bits = type === 'f32' ? elementBits(scalar, 'f32') : type === 'i32' ? (scalar | 0) >>> 0 : scalar >>> 0;
  const s = fromBits('u.scalar', type);
  const [lhs, rhs] = reverse ? [s, 'x'] : ['x', s];
  const apply = `${prelude(type)}
fn apply(x: ${type}) -> ${type} {
  let a = ${lhs};
  let b = ${rhs};
  return ${binaryExpr(fn, type)};
}`;
  return contiguousMap({
    call,
    name: 'binaryScalar',
    variant: [fn, reverse ? 'reverse' : 'forward'],
    inputs: [['x', x]],
    output: ['y', call.outputs[0]!],
    type,
    apply,
    uniforms: (b) => b.u32('scalar', bits),
  });
};
