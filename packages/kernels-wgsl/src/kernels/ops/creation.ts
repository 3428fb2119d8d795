import { numel, type DType } from '@lightattn/tensor-core';
import { ceilDiv, DispatchBuilder, elementwiseMain, type KernelCall, type KernelStep, type WgslKernel } from '../../kernel-api.js';

const WG = 256;

/**
 * A float value as the element `dtype` stores it, as the CPU device converts it (cast's rule):
 * i32/u32 truncate toward zero and saturate, NaN → 0; bool is value ≠ 0.
 */
export function convertFloat(x: number, dtype: DType): number {
  if (dtype === 'f32') return Math.fround(x);
  if (dtype === 'bool') return x !== 0 ? 1 : 0;
  if (Number.isNaN(x)) return 0;
  if (dtype === 'i32') return x <= -2147483648 ? -2147483648 : x >= 2147483647 ? 2147483647 : Math.trunc(x);
  return x <= 0 ? 0 : x >= 4294967295 ? 4294967295 : Math.trunc(x);
}

/** The element's 32-bit pattern (f32 bits, i32 two's complement, u32, bool 0/1), for a u32 uniform. */
export function elementBits(x: number, dtype: DType): number {
  const v = convertFloat(x, dtype);
  if (dtype === 'f32') return new Uint32Array(Float32Array.of(v).buffer)[0]!;
  return v >>> 0;
}

/** WGSL turning a u32 bit pattern into a value of the dtype's WGSL type. */
export function fromBits(expr: string, dtype: DType): string {
  switch (dtype) {
    case 'f32':
      return `bitcast<f32>(${expr})`;
    case 'i32':
      return `bitcast<i32>(${expr})`;
    case 'u32':
      return expr;
    case 'bool':
      return `(${expr} != 0u)`;
  }
}

/** Every element of `out` set to `value` (converted for the dtype); shared by fill and pad. */
export function fillDispatch(call: KernelCall<'fill' | 'pad'>, out: KernelCall<'fill'>['outputs'][number], value: number): KernelStep {
  const b = new DispatchBuilder(call, 'fill');
  const y = b.output('y', out);
  const n = numel(out.shape);
  b.u32('n', n).u32('value', elementBits(value, y.dtype));
  return b.build(ceilDiv(n, WG), (decls) => `${decls}\n${elementwiseMain(WG, `y_set(i, ${fromBits('u.value', y.dtype)});`)}`);
}

export const fillKernel: WgslKernel<'fill'> = (call) => fillDispatch(call, call.outputs[0]!, call.params.value);

/**
 * out[i] = start + i·step, defined in float64 then converted. When start, step and every value are
 * integers that i32 arithmetic (wrapping) reproduces exactly, the GPU computes it; otherwise (a
 * fractional f32 range) the host computes the float64 values and the step writes them in stream
 * order: f32 arithmetic on the GPU would round differently from the reference.
 */
export const arangeKernel: WgslKernel<'arange'> = (call) => {
  const { n, start, step, dtype } = call.params;
  const out = call.outputs[0]!;
  if (n === 0) return [];
  const last = start + (n - 1) * step;
  const integral = Number.isInteger(start) && Number.isInteger(step);
  const range = dtype === 'f32' ? 2 ** 24 : dtype === 'i32' ? 2 ** 31 : 2 ** 32;
  const inRange = (v: number) => (dtype === 'u32' ? v >= 0 && v < range : v >= -range && v < range);
  if (integral && inRange(start) && inRange(last) && Math.abs(step) < 2 ** 32) {
    const b = new DispatchBuilder(call, 'arange');
    b.output('y', out);
    // Wrapping u32 arithmetic gives start + i·step mod 2³², which is the value itself when it is in range.
    b.u32('n', n)
      .u32('start', start >>> 0)
      .u32('step', step >>> 0);
    const value = dtype === 'f32' ? 'f32(bitcast<i32>(v))' : dtype === 'i32' ? 'bitcast<i32>(v)' : 'v';
    return b.build(ceilDiv(n, WG), (decls) => `${decls}\n${elementwiseMain(WG, `let v = u.start + i * u.step;\n  y_set(i, ${value});`)}`);
  }
  const values = dtype === 'f32' ? new Float32Array(n) : dtype === 'i32' ? new Int32Array(n) : new Uint32Array(n);
  for (let i = 0; i < n; i++) values[i] = convertFloat(start + i * step, dtype);
  return { kind: 'write', tensor: out, data: new Uint8Array(values.buffer) };
};
