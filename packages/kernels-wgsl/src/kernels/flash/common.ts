import { DeviceError, type OpName } from '@lightattn/tensor-core';
import { DispatchBuilder, vec4Aligned, type KernelCall } from '../../kernel-api.js';
import { dropoutUniforms } from '../wgsl/attention-dropout.js';

/**
 * What the flash-attention kernels share: head-size buckets, the uniforms of the geometry, and the
 * WGSL that decides whether key j takes part in query row i (mask and causal limit). Tile sizes are
 * in flash/config.ts, the register-blocked products in flash/tiles.ts.
 */

type FlashCall = KernelCall<'flashAttention'> | KernelCall<'flashAttentionBackward'>;

const BUCKETS = [16, 32, 64, 128, 256] as const;

/** Head sizes are padded (with zeros) to a bucket, so staged tiles and register blocks have compile-time sizes. */
export function headBucket(op: string, size: number): number {
  const bucket = BUCKETS.find((b) => size <= b);
  if (bucket === undefined)
    throw new DeviceError(`${op}: head size ${size} is over 256, the largest the WebGPU flash kernels support; use the 'light' or 'chunked' attention`);
  return bucket;
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
  /** D and Dv multiples of 4 and every [.., D] tensor at an offset that is: bound as vec4s. */
  vec: boolean;
}

export function flashGeometry(call: FlashCall): FlashGeometry {
  const [B, H, Tq, D] = call.inputs[0]!.shape as [number, number, number, number];
  const Tk = call.inputs[1]!.shape[2]!;
  const Dv = call.inputs[2]!.shape[3]!;
  const rowTensors = [...call.inputs.filter((_, i) => i !== 3 && i !== 5), ...call.outputs.filter((t) => t.shape.length === 4)];
  const vec = D % 4 === 0 && Dv % 4 === 0 && rowTensors.every((t) => vec4Aligned(t));
  return {
    B,
    H,
    Tq,
    Tk,
    D,
    Dv,
    db: headBucket(call.op, D),
    dvb: headBucket(call.op, Dv),
    dropout: call.params.p > 0,
    maskScalar: call.inputs[3]!.shape.every((d) => d === 1),
    vec,
  };
}

/**
 * Floating-point operations of a flash kernel that takes one product of each width in `widths` over
 * every (query, key) pair — [D, Dv] for S = q·kᵀ and O = P·v — halved when causal: what it declares
 * through DispatchBuilder.expectFlops, so that the device submits long ones at once.
 */
export function flashFlops(call: FlashCall, g: FlashGeometry, widths: readonly number[]): number {
  const pairs = g.B * g.H * g.Tq * g.Tk * (call.params.causal ? 0.5 : 1);
  return 2 * pairs * widths.reduce((sum, w) => sum + w, 0);
}

/** A builder with the geometry, mask strides, causal shift and dropout uniforms declared. */
export function flashBuilder(call: FlashCall, name: string, g: FlashGeometry, variant: (string | number)[]): DispatchBuilder {
  const b = new DispatchBuilder(call as KernelCall<OpName>, name, [
    `d${g.db}`,
    `dv${g.dvb}`,
    g.dropout ? 'dropout' : 'plain',
    g.maskScalar ? 'mask1' : 'mask',
    g.vec ? 'vec4' : 'scalar',
    ...variant,
  ]);
  const p = call.params;
  b.u32('heads', g.H)
    .u32('bh', g.B * g.H)
    .u32('tq', g.Tq)
    .u32('tk', g.Tk)
    .u32('d', g.D)
    .u32('dv', g.Dv);
  // Quads of a row that hold data (the rest of a head-size bucket is never read).
  b.u32('d4', Math.ceil(g.D / 4)).u32('dv4', Math.ceil(g.Dv / 4));
  b.f32('scale', p.scale)
    .u32('causal', p.causal ? 1 : 0)
    .i32('shift', p.rowOffset + g.Tk - p.rows);
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

/** z for key j of global dropout row `drop_g`, stateless (for keys visited out of order); needs WGSL_ATTENTION_DROPOUT. */
export const WGSL_DROP_AT = /* wgsl */ `
fn drop_at(drop_g: u32, j: u32) -> f32 {
  var walk = drop_row(drop_g);
  return drop_scale(&walk, j);
}`;

/**
 * WGSL opening a kernel with a workgroup per `br` query rows of one (batch, head) matrix: bh, its
 * first row i0 and key_end, one past the last key its last row sees (uniform, so barriers in loops
 * up to it are too). Last query blocks first: under a causal mask they see the most keys. Needs the
 * uniform q_tiles (blocks per matrix).
 */
export function queryBlockStartWgsl(br: number): string {
  return `let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * ${br}u;
  let key_end = last_key(min(u.tq, i0 + ${br}u) - 1u);`;
}
