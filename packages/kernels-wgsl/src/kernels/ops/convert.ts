import { numel, type DType, type TensorRef } from '@lightattn/tensor-core';
import {
  canCopyBuffer,
  ceilDiv,
  DispatchBuilder,
  elementwiseMain,
  WGSL_FLOAT_BITS,
  type KernelCall,
  type KernelStep,
  type WgslKernel,
} from '../../kernel-api.js';

const WG = 256;

/**
 * cast's rules, as the CPU applies them: f32 → i32/u32 truncates toward zero, saturates and maps NaN
 * to 0 (explicit, since WGSL leaves NaN conversion undefined); anything → bool is x ≠ 0 (NaN → true);
 * bool → number is 0/1; i32 ↔ u32 reinterpret the bits (wrap mod 2³²); ints → f32 round to nearest.
 */
function castExpr(from: DType, to: DType): string {
  if (from === to) return 'x';
  if (from === 'bool') return to === 'f32' ? 'select(0.0, 1.0, x)' : to === 'i32' ? 'select(0i, 1i, x)' : 'select(0u, 1u, x)';
  if (to === 'bool') return from === 'f32' ? '(is_nan(x) || x != 0.0)' : from === 'i32' ? 'x != 0i' : 'x != 0u';
  if (from === 'f32') {
    return to === 'i32'
      ? 'select(select(select(i32(x), 2147483647i, x >= 2147483648.0), -2147483647i - 1i, x <= -2147483648.0), 0i, is_nan(x))'
      : 'select(select(select(u32(x), 4294967295u, x >= 4294967296.0), 0u, x <= 0.0), 0u, is_nan(x))';
  }
  if (to === 'f32') return 'f32(x)';
  return `bitcast<${to}>(x)`;
}

export const castKernel: WgslKernel<'cast'> = (call) => {
  const x = call.inputs[0]!;
  const out = call.outputs[0]!;
  if (x.dtype === out.dtype) return copySteps(call, x, out);
  const b = new DispatchBuilder(call, 'cast');
  b.input('x', x);
  b.output('y', out);
  const n = numel(x.shape);
  b.u32('n', n);
  return b.build(
    ceilDiv(n, WG),
    (decls) => `${decls}
${WGSL_FLOAT_BITS}
${elementwiseMain(WG, `let x = x_get(i);\n  y_set(i, ${castExpr(x.dtype, out.dtype)});`)}`,
  );
};

/**
 * A contiguous copy: a buffer-to-buffer copy when both ends are 4-byte aligned (always for 4-byte
 * dtypes), else (bools at odd offsets) a kernel.
 */
export function copySteps(call: KernelCall<'copy' | 'cast'>, x: TensorRef, out: TensorRef): KernelStep | readonly KernelStep[] {
  const n = numel(x.shape);
  if (n === 0) return [];
  if (canCopyBuffer(x, out, 0, 0, n)) return { kind: 'copy', src: x, dst: out, srcElement: 0, dstElement: 0, count: n };
  const b = new DispatchBuilder(call, 'copy');
  b.input('x', x);
  b.output('y', out);
  b.u32('n', n);
  return b.build(ceilDiv(n, WG), (decls) => `${decls}\n${elementwiseMain(WG, 'y_set(i, x_get(i));')}`);
}

export const copyKernel: WgslKernel<'copy'> = (call) => copySteps(call, call.inputs[0]!, call.outputs[0]!);
