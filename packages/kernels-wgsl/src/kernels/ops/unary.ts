import { WGSL_FLOAT_BITS, type WgslKernel } from '../../kernel-api.js';
import { contiguousMap } from '../wgsl/map.js';
import { integerUnaryWgsl, UNARY_WGSL, WGSL_UNARY_HELPERS } from '../wgsl/unary-fns.js';

/** out = fn(x); f32 computes in f32 with the edges of unary-fns.ts (NaN in, NaN out), i32/u32 wrap. */
export const unaryKernel: WgslKernel<'unary'> = (call) => {
  const { fn } = call.params;
  const x = call.inputs[0]!;
  const type = x.dtype as 'f32' | 'i32' | 'u32';
  const apply =
    type === 'f32'
      ? `${WGSL_FLOAT_BITS}
${WGSL_UNARY_HELPERS}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return ${UNARY_WGSL[fn].f};
}`
      : `fn apply(x: ${type}) -> ${type} { return ${integerUnaryWgsl(fn, type)}; }`;
  return contiguousMap({ call, name: 'unary', variant: [fn], inputs: [['x', x]], output: ['y', call.outputs[0]!], type, apply });
};

/** dx = g · fn′(x), fused (one pass, allocates only dx). */
export const unaryBackwardKernel: WgslKernel<'unaryBackward'> = (call) => {
  const { fn } = call.params;
  const { df, dfAtNaN } = UNARY_WGSL[fn];
  const apply = `${WGSL_FLOAT_BITS}
${WGSL_UNARY_HELPERS}
fn apply(x: f32, g: f32) -> f32 {
  var d: f32;
  if (is_nan(x)) { d = ${dfAtNaN ?? 'f32_nan()'}; } else { d = ${df}; }
  // Kept explicit: compilers may fold g·0 to 0, but NaN·0 and ∞·0 are NaN on the CPU.
  if (is_nan(g) || is_nan(d) || (d == 0.0 && is_inf(g)) || (g == 0.0 && is_inf(d))) { return f32_nan(); }
  return g * d;
}`;
  const [x, g] = call.inputs;
  return contiguousMap({
    call,
    name: 'unaryBackward',
    variant: [fn],
    inputs: [
      ['x', x!],
      ['g', g!],
    ],
    output: ['dx', call.outputs[0]!],
    type: 'f32',
    apply,
  });
};
