import type { DType, TensorRef } from '@lightattn/tensor-core';

/** Helpers and WGSL snippets shared by kernels (re-exported by kernel-api.ts, which documents the API). */

/** The largest rank the uniform arrays hold (shapes, strides). */
export const MAX_RANK = 8;

/** ⌈a / b⌉ for positive integers, e.g. a workgroup count. */
export function ceilDiv(a: number, b: number): number {
  return Math.floor((a + b - 1) / b);
}

/** Bytes of one element as stored (bool: 1, packed four to a word). */
export function elementBytes(dtype: DType): number {
  return dtype === 'bool' ? 1 : 4;
}

/** The WGSL type a kernel computes an element in (`bool` for bool tensors). */
export function wgslType(dtype: DType): 'f32' | 'i32' | 'u32' | 'bool' {
  return dtype;
}

/** Whether a `KernelCopy` of these elements is legal (4-byte aligned source, destination and size). */
export function canCopyBuffer(src: TensorRef, dst: TensorRef, srcElement: number, dstElement: number, count: number): boolean {
  const s = elementBytes(src.dtype);
  const d = elementBytes(dst.dtype);
  return ((src.offset + srcElement) * s) % 4 === 0 && ((dst.offset + dstElement) * d) % 4 === 0 && (count * s) % 4 === 0;
}

/** WGSL for `u.<field>[k]` of a uniform array declared with `UniformBuilder.u32Array` / `i32Array`. */
export function arrayAt(field: string, k: string): string {
  return `u.${field}[(${k}) >> 2u][(${k}) & 3u]`;
}

/**
 * The flat workgroup index, whatever 2-D/3-D grid the device mapped a linear count to. Defined by
 * every `DispatchBuilder` declaration block.
 */
export const WGSL_LINEAR_WORKGROUP = /* wgsl */ `
fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}`;

/**
 * A 1-D entry point over `u.n` elements: `i` is the element index, threads past `u.n` return.
 * Needs a uniform `n`.
 */
export function elementwiseMain(workgroupSize: number, body: string): string {
  return /* wgsl */ `
@compute @workgroup_size(${workgroupSize})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * ${workgroupSize}u + lid;
  if (i >= u.n) { return; }
  ${body}
}`;
}

/**
 * WGSL `fn <name>(i: u32) -> u32`: the element offset, under `strides`, of the i-th element (row-major)
 * of a tensor of shape `shape` and rank `rank` (uniform fields). With broadcast strides (0 on stretched
 * axes) this reads an input at an output index.
 */
export function stridedOffsetFn(name: string, rankField: string, shapeField: string, stridesField: string): string {
  return /* wgsl */ `
fn ${name}(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.${rankField}) - 1; k >= 0; k--) {
    let d = ${arrayAt(shapeField, 'u32(k)')};
    off += (rest % d) * ${arrayAt(stridesField, 'u32(k)')};
    rest = rest / d;
  }
  return off;
}`;
}

/** WGSL keywords and reserved words (WGSL §15.2–15.3): not usable as uniform or binding names. */
const WGSL_RESERVED = new Set(
  (
    'alias break case const const_assert continue continuing default diagnostic discard else enable false fn for if let loop ' +
    'override requires return struct switch true var while NULL Self abstract active alignas alignof as asm asm_fragment async ' +
    'attribute auto await become cast catch class co_await co_return co_yield coherent column_major common compile ' +
    'compile_fragment concept const_cast consteval constexpr constinit crate debugger decltype delete demote ' +
    'demote_to_helper do dynamic_cast enum explicit export extends extern external fallthrough filter final finally friend ' +
    'from fxgroup get goto groupshared highp impl implements import inline instanceof interface layout lowp macro ' +
    'macro_rules match mediump meta mod module move mut mutable namespace new nil noexcept noinline nointerpolation ' +
    'non_coherent noncoherent noperspective null nullptr of operator package packoffset partition pass patch ' +
    'pixelfragment precise precision premerge priv protected pub public readonly ref regardless register ' +
    'reinterpret_cast require resource restrict self set shared sizeof smooth snorm static static_assert static_cast std ' +
    'subroutine super target template this thread_local throw trait try type typedef typeid typename typeof union unless ' +
    'unorm unsafe unsized use using varying virtual volatile wgsl where with writeonly yield'
  ).split(' '),
);

export function checkIdentifier(what: string, name: string): void {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new RangeError(`${what} ${JSON.stringify(name)} is not a snake_case WGSL identifier`);
  if (WGSL_RESERVED.has(name)) throw new RangeError(`${what} ${JSON.stringify(name)} is a reserved word in WGSL; pick another name`);
}

/**
 * NaN and infinity by bit pattern. WGSL lets implementations assume floats are finite, so `x != x`
 * and comparisons with NaN cannot be trusted, and a constant NaN is a compile error; these can.
 * Kernels that must propagate NaN (max/min, reductions) test with `is_nan` and produce `f32_nan()`.
 */
export const WGSL_FLOAT_BITS = /* wgsl */ `
fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }`;
