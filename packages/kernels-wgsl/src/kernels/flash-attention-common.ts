import { DeviceError, type OpName } from '@lightattn/tensor-core';
import { DispatchBuilder, type KernelCall, type KernelDeviceInfo } from '../kernel-api.js';
import { dropoutUniforms } from './attention-dropout.js';

/**
 * What the flash-attention kernels share: head-size buckets, tile sizes from the device's workgroup
 * memory, the uniforms of the geometry, and the WGSL that decides whether key j takes part in query
 * row i (mask and causal limit).
 */

type FlashCall = KernelCall<'flashAttention'> | KernelCall<'flashAttentionBackward'>;

/** Invocations per workgroup; each owns one query row (forward, dq) or one key row (dk, dv). */
export const ROWS = 64;

const BUCKETS = [16, 32, 64, 128, 256] as const;

/** Head sizes are padded (with zeros) to a bucket, so register arrays and loops have compile-time sizes. */
export function headBucket(op: string, size: number): number {
  const bucket = BUCKETS.find((b) => size <= b);
  if (bucket === undefined) throw new DeviceError(`${op}: head size ${size} is over 256, the largest the WebGPU flash kernels support; use the 'light' or 'chunked' attention`);
  return bucket;
}

/**
 * Bytes of workgroup memory the staged tiles may use. Compile time on SwiftShader grows with it
 * (about a second per 8 KiB: the driver zero-initialises workgroup memory), and past 8 KiB a real
 * GPU gains little: 64 query rows already reuse each staged key 64 times.
 */
const TILE_BUDGET = 8192;

/** Rows per staged tile: the largest power of two ≤ 64 whose tiles fit the budget and the device. */
export function tileRows(info: KernelDeviceInfo, bytesPerRow: number): number {
  const fit = Math.floor(Math.min(TILE_BUDGET, info.limits.maxComputeWorkgroupStorageSize) / bytesPerRow);
  let rows = 1;
  while (rows * 2 <= Math.min(64, fit)) rows *= 2;
  return rows;
}

export interface FlashGeometry {
  B: number;
  H: number;
  Tq: number;
  Tk: number;
  D: number;
  Dv: number;
  /** Buckets of D and Dv. */
  db: number;
  dvb: number;
  dropout: boolean;
  /** The mask has one element (calls without a mask pass [1, 1, 1, 1]): read once, not per key. */
  maskScalar: boolean;
}

export function flashGeometry(call: FlashCall): FlashGeometry {
  const [B, H, Tq, D] = call.inputs[0]!.shape as [number, number, number, number];
  const Tk = call.inputs[1]!.shape[2]!;
  const Dv = call.inputs[2]!.shape[3]!;
  return { B, H, Tq, Tk, D, Dv, db: headBucket(call.op, D), dvb: headBucket(call.op, Dv), dropout: call.params.p > 0, maskScalar: call.inputs[3]!.shape.every((d) => d === 1) };
}

/** A builder with the geometry, mask strides, causal shift and dropout uniforms declared. */
export function flashBuilder(call: FlashCall, name: string, g: FlashGeometry, variant: (string | number)[]): DispatchBuilder {
  const b = new DispatchBuilder(call as KernelCall<OpName>, name, [`d${g.db}`, `dv${g.dvb}`, g.dropout ? 'dropout' : 'plain', g.maskScalar ? 'mask1' : 'mask', ...variant]);
  const p = call.params;
  b.u32('heads', g.H).u32('bh', g.B * g.H).u32('tq', g.Tq).u32('tk', g.Tk).u32('d', g.D).u32('dv', g.Dv);
  b.f32('scale', p.scale).u32('causal', p.causal ? 1 : 0).i32('shift', p.rowOffset + g.Tk - p.rows);
  b.u32('rows', p.rows).u32('row_offset', p.rowOffset);
  const ms = call.inputs[3]!.shape;
  const strides = [0, 0, 0, 0];
  let s = 1;
  for (let a = 3; a >= 0; a--) {
    strides[a] = ms[a] === 1 ? 0 : s;
    s *= ms[a]!;
  }
  b.u32('ms_b', strides[0]!).u32('ms_h', strides[1]!).u32('ms_i', strides[2]!).u32('ms_j', strides[3]!);
  if (g.dropout) dropoutUniforms(b, p, g.Tk);
  return b;
}

/**
 * WGSL staging rows r0 … r0 + rows − 1 of a row-major [n, width] region at element `base` of binding
 * `src` into the workgroup array `tile` of vec4s, `bucket` columns per row (zeros past `width` and
 * past row n), each multiplied by `scale`. All invocations of the workgroup take part.
 */
export function stageRowsWgsl(o: { tile: string; src: string; base: string; r0: string; n: string; width: string; rows: number; bucket: number; scale?: string }): string {
  const per = o.bucket / 4;
  return `for (var e = lid; e < ${o.rows * per}u; e += ${ROWS}u) {
      let r = ${o.r0} + e / ${per}u;
      let c = (e % ${per}u) * 4u;
      var x = vec4<f32>();
      if (r < ${o.n}) {
        for (var t = 0u; t < 4u; t++) {
          if (c + t < ${o.width}) { x[t] = ${o.src}_get(${o.base} + r * ${o.width} + c + t); }
        }
      }
      ${o.tile}[e] = ${o.scale ? `${o.scale} * ` : ''}x;
    }`;
}

/** WGSL filling the private vec4 array `dst` (`bucket` columns) with `width` elements of `src` from `start`, times `scale`. */
export function loadRowWgsl(dst: string, src: string, start: string, width: string, bucket: number, scale?: string): string {
  return `for (var c4 = 0u; c4 < ${bucket / 4}u; c4++) {
      var x = vec4<f32>();
      for (var t = 0u; t < 4u; t++) {
        if (c4 * 4u + t < ${width}) { x[t] = ${src}_get(${start} + c4 * 4u + t); }
      }
      ${dst}[c4] = ${scale ? `${scale} * ` : ''}x;
    }`;
}

/** WGSL writing the first `width` elements of the private vec4 array `src` to binding `dst` from `start`, times `scale`. */
export function storeRowWgsl(dst: string, src: string, start: string, width: string, bucket: number, scale?: string): string {
  return `for (var c4 = 0u; c4 < ${bucket / 4}u; c4++) {
      for (var t = 0u; t < 4u; t++) {
        if (c4 * 4u + t < ${width}) { ${dst}_set(${start} + c4 * 4u + t, ${scale ? `${scale} * ` : ''}${src}[c4][t]); }
      }
    }`;
}

/**
 * Which keys take part, in pieces hoisted out of the key loops:
 * `mask_base(bh)`: the mask offset of matrix bh (one division per invocation, not per key);
 * `last_key(i)`: one past the last key row i may see (the causal limit; 0 when a one-element mask is
 * false); `allowed(base, limit, i, j)`: key j takes part in row i given those two. With a
 * one-element mask (`MASK_SCALAR`, what calls without a mask pass) no key reads the mask.
 */
export function flashAllowedWgsl(maskScalar: boolean): string {
  return /* wgsl */ `
const MASK_SCALAR = ${maskScalar};

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}
`;
}

export const WGSL_FLASH_COMMON = /* wgsl */ `
// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;`;
