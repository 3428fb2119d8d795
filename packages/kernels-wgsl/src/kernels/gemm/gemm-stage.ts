import type { TensorRef } from '@lightattn/tensor-core';
import { DispatchBuilder, type CallIdentity, type KernelDispatch } from '../../kernel-api.js';
import type { MatrixEmitter } from '../wgsl/subgroup-matrix.js';

/**
 * The engine's pre-pass for one operand: an f16 copy (hi, and lo for split operands) of every matrix
 * of the operand, scaled by a power of two per matrix, laid out [matrix][rows][K] with K contiguous
 * (whatever the operand's transpose) and zero-padded to whole tiles, so the GEMM's main loop reads
 * 16-byte rows with no bounds checks and one layout serves all four transposes.
 *
 * Scale: s = 2^(14 − e) where 2^e ≤ max|x| < 2^(e+1) (e from the f32 exponent bits, so no log2
 * rounding can push a value past f16's 65504): the largest magnitude lands in [2^14, 2^15), and
 * elements down to 2⁻²⁹ of it stay f16 normals. 1 for an all-zero or non-finite matrix. Exact, so
 * dividing the result by sA·sB restores it bit for bit.
 */
export interface StagedOperand {
  /** Scratch of the copy: hi at [0, count), lo at [count, 2·count). */
  readonly name: string;
  readonly tensor: TensorRef;
  /** Matrices of the operand (its own batch dims, before broadcasting). */
  readonly matrices: number;
  /** Logical rows (M for A, N for B) and K, and their padded sizes. */
  readonly rows: number;
  readonly k: number;
  readonly rowsPadded: number;
  readonly kPadded: number;
  /** Stored [rows, K] (K contiguous), else [K, rows]. */
  readonly kContiguous: boolean;
  /** Where this operand's scales start in the `gemm_scales` scratch. */
  readonly scaleAt: number;
  readonly scaleCount: number;
}

/** Elements of one part (hi or lo) of a staged copy. */
export const stagedCount = (o: StagedOperand) => o.matrices * o.rowsPadded * o.kPadded;

/** Elements per workgroup of the max pass: enough workgroups to keep every SM streaming (a 4096² matrix gets 1024). */
const MAX_CHUNK = 16384;
const partsOf = (o: StagedOperand) => Math.max(1, Math.ceil((o.rows * o.k) / MAX_CHUNK));

const TILE = 32;

/**
 * The three dispatches staging one operand: max |x| per 16K-element chunk of each matrix, the
 * matrix's scale from those maxima, then the scaled f16 copy.
 */
export function stageOperandSteps(call: CallIdentity, e: MatrixEmitter, o: StagedOperand): KernelDispatch[] {
  const parts = partsOf(o);
  const partial = `${o.name}_partial`;
  const n = o.rows * o.k;
  const b1 = new DispatchBuilder(call, 'gemmMax', []);
  b1.input('src', o.tensor);
  b1.scratch(partial, 'f32', o.matrices * parts);
  b1.u32('count', o.matrices * parts)
    .u32('n', n)
    .u32('parts', parts);
  const level1 = b1.build(
    o.matrices * parts,
    (decls) => `${decls}
var<workgroup> part_max: array<f32, 256>;
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let w = linear_workgroup(wid, nwg);
  if (w >= u.count) { return; }
  let mat = w / u.parts;
  let end = min(u.n, (w % u.parts + 1u) * ${MAX_CHUNK}u);
  var m = 0.0;
  for (var i = (w % u.parts) * ${MAX_CHUNK}u + lid; i < end; i += 256u) { m = max(m, abs(src_get(mat * u.n + i))); }
  part_max[lid] = m;
  workgroupBarrier();
  for (var step = 128u; step > 0u; step >>= 1u) {
    if (lid < step) { part_max[lid] = max(part_max[lid], part_max[lid + step]); }
    workgroupBarrier();
  }
  if (lid == 0u) { ${partial}_set(w, part_max[0]); }
}`,
  );
  const bf = new DispatchBuilder(call, 'gemmScale', []);
  bf.scratch(partial, 'f32', o.matrices * parts);
  bf.scratch('gemm_scales', 'f32', o.scaleCount);
  bf.u32('matrices', o.matrices).u32('parts', parts).u32('scale_at', o.scaleAt);
  const fold = bf.build(
    o.matrices,
    (decls) => `${decls}
var<workgroup> part_max: array<f32, 256>;
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let mat = linear_workgroup(wid, nwg);
  if (mat >= u.matrices) { return; }
  var m = 0.0;
  for (var p = lid; p < u.parts; p += 256u) { m = max(m, ${partial}_get(mat * u.parts + p)); }
  part_max[lid] = m;
  workgroupBarrier();
  for (var step = 128u; step > 0u; step >>= 1u) {
    if (lid < step) { part_max[lid] = max(part_max[lid], part_max[lid + step]); }
    workgroupBarrier();
  }
  if (lid == 0u) {
    let top = part_max[0];
    let exponent = (bitcast<u32>(top) >> 23u) & 0xffu;
    var s = 1.0;
    if (top > 0.0 && exponent < 255u) { s = bitcast<f32>(u32(clamp(141 - i32(exponent), -126, 126) + 127) << 23u); }
    gemm_scales_set(u.scale_at + mat, s);
  }
}`,
  );

  const count = stagedCount(o);
  const tilesR = Math.ceil(o.rowsPadded / TILE);
  const tilesK = Math.ceil(o.kPadded / TILE);
  const b2 = new DispatchBuilder(call, 'gemmStage', [e.emulate ? 'emulated' : 'f16', e.split ? 'split' : 'hi', o.kContiguous ? 'k' : 't']);
  b2.input('src', o.tensor);
  b2.scratch('gemm_scales', 'f32', o.scaleCount);
  b2.plainScratch(o.name, e.emulate ? 'f32' : 'f16', count * (e.split ? 2 : 1));
  b2.u32('total', o.matrices * tilesR * tilesK)
    .u32('tiles_r', tilesR)
    .u32('tiles_k', tilesK);
  b2.u32('rows', o.rows).u32('k', o.k).u32('rp', o.rowsPadded).u32('kp', o.kPadded).u32('scale_at', o.scaleAt).u32('count', count);
  // The source is read along its contiguous dimension and written along K, through a 32×33 tile
  // (transposed operands would otherwise read one element per 32-byte sector).
  const [rr, kk] = o.kContiguous ? ['idx / 32u', 'idx % 32u'] : ['idx % 32u', 'idx / 32u'];
  const at = o.kContiguous ? 'r * u.k + k' : 'k * u.rows + r';
  const stage = b2.build(
    o.matrices * tilesR * tilesK,
    (decls) => `${e.enables()}${decls}
${e.helpers()}
var<workgroup> tile: array<f32, ${TILE * (TILE + 1)}>;
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let w = linear_workgroup(wid, nwg);
  if (w >= u.total) { return; }
  let per = u.tiles_r * u.tiles_k;
  let mat = w / per;
  let r0 = ((w % per) / u.tiles_k) * 32u;
  let k0 = (w % u.tiles_k) * 32u;
  let s = gemm_scales_get(u.scale_at + mat);
  for (var q = 0u; q < 4u; q++) {
    let idx = lid + q * 256u;
    let rr = ${rr};
    let kk = ${kk};
    let r = r0 + rr;
    let k = k0 + kk;
    var x = 0.0;
    if (r < u.rows && k < u.k) { x = src_get(mat * u.rows * u.k + ${at}) * s; }
    tile[rr * 33u + kk] = x;
  }
  workgroupBarrier();
  for (var q = 0u; q < 4u; q++) {
    let idx = lid + q * 256u;
    let r = r0 + idx / 32u;
    let k = k0 + idx % 32u;
    if (r < u.rp && k < u.kp) {
      let x = tile[(idx / 32u) * 33u + idx % 32u];
      let at = (mat * u.rp + r) * u.kp + k;
      let h = stage_hi(x);
      ${o.name}[at] = h;
      ${e.split ? `${o.name}[u.count + at] = stage_lo(x, h);` : ''}
    }
  }
}`,
  );
  return [level1, fold, stage];
}
