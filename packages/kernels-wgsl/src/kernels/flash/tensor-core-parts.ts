import type { OpName } from '@lightattn/tensor-core';
import { ceilDiv, DispatchBuilder, type KernelCall, type KernelDispatch } from '../../kernel-api.js';
import { elementwiseMain } from '../../wgsl-helpers.js';
import type { FlashGeometry } from './common.js';
import type { MatrixEmitter } from '../wgsl/subgroup-matrix.js';

/**
 * What the tensor-core attention kernels share (forward: tensor-cores-forward.ts; backward:
 * tensor-cores-backward.ts; and the lab forms in lab/flash/): the head-size limit, the pre-pass that copies an f32 tensor into f16 hi (and lo) scratch, zero-padded to whole tiles;
 * and the copy of a tile of such a scratch
 * into workgroup memory.
 */

/** Head sizes the tensor-core kernels take (buckets up to 128; 256 stays on the f32 kernels). */
export const TENSOR_CORE_MAX_HEAD = 128;

export const TENSOR_CORE_GRADIENT_RANGE_MESSAGE =
  'flashAttentionBackward on tensor cores: a score gradient dS (scaled with dO) reached magnitude 65504, outside f16, in which tensor cores take their operands; create the WebGPU device without `tensorCores` for these inputs';

export const TENSOR_CORE_RANGE_MESSAGE =
  'flashAttention on tensor cores: q·scale, k, v or the output gradient has an element of magnitude ≥ 65504, outside f16, in which tensor cores take their operands; create the WebGPU device without `tensorCores` for such inputs';

export interface StageCopy {
  /** Scratch name (its lo half starts at element `count`, the uniform `<name>_lo` of the kernels reading it). */
  readonly name: string;
  /** Index of the [B, H, rows, width] f32 input in the call. */
  readonly input: number;
  readonly rows: number;
  readonly width: number;
  /** Rows and row width of the copy (whole tiles, a head-size bucket). */
  readonly padded: number;
  readonly bucket: number;
  readonly scale: number;
  /** A scratch of one f32 per (batch, head) matrix to multiply by as well (see matrixScaleDispatch). */
  readonly matrixScale?: string;
}

/** Elements of one part (hi or lo) of a stage copy. */
export function stageCount(g: FlashGeometry, s: Pick<StageCopy, 'padded' | 'bucket'>): number {
  return g.B * g.H * s.padded * s.bucket;
}

/** Copies input·scale into f16 hi/lo scratch [BH, padded, bucket] (zeros outside), reporting values beyond f16. */
export function stageCopyDispatch(call: KernelCall<OpName>, e: MatrixEmitter, g: FlashGeometry, s: StageCopy): KernelDispatch {
  const b = new DispatchBuilder(call, 'flashAttentionTCStage', [e.emulate ? 'emulated' : 'f16', e.split ? 'split' : 'hi', s.name, s.matrixScale ?? 'unscaled']);
  b.input('src', call.inputs[s.input]!);
  if (s.matrixScale) b.scratch(s.matrixScale, 'f32', g.B * g.H);
  // One scratch array per tensor: hi at [0, n), lo at [n, 2n).
  const n = stageCount(g, s);
  b.plainScratch(s.name, e.emulate ? 'f32' : 'f16', n * (e.split ? 2 : 1));
  b.errors(TENSOR_CORE_RANGE_MESSAGE);
  b.u32('n', n).u32('t', s.rows).u32('width', s.width).u32('padded', s.padded).u32('bucket', s.bucket).f32('scale', s.scale);
  return b.build(
    ceilDiv(n, 256),
    (decls) => `${e.enables()}${decls}
${e.helpers()}
${elementwiseMain(
  256,
  `let c = i % u.bucket;
  let t = (i / u.bucket) % u.padded;
  let bh = i / (u.bucket * u.padded);
  var x = 0.0;
  if (t < u.t && c < u.width) { x = src_get((bh * u.t + t) * u.width + c) * u.scale${s.matrixScale ? ` * ${s.matrixScale}_get(bh)` : ''}; }
  if (abs(x) >= 65504.0) { report_error(bitcast<u32>(x)); }
  let h = stage_hi(x);
  ${s.name}[i] = h;
  ${e.split ? `${s.name}[u.n + i] = stage_lo(x, h);` : ''}`,
)}`,
  );
}

/** Halves (floats emulated) per 16-byte read of a stage copy bound as vec4. */
export function elementsPerVec(e: MatrixEmitter): number {
  return e.emulate ? 4 : 8;
}

/**
 * WGSL copying `rows` rows of a stage copy (bound as vec4, see elementsPerVec), starting at scratch
 * row `firstRow`, into workgroup arrays `<dst>_hi`/`<dst>_lo` with row stride width + 8 (a 16-byte
 * multiple, as subgroup-matrix loads need). Needs `lid`.
 */
export function copyTileWgsl(e: MatrixEmitter, o: { dst: string; src: string; firstRow: string; rows: number; width: number; threads: number }): string {
  const per = elementsPerVec(e);
  const lines: string[] = [];
  for (const p of e.split ? ['hi', 'lo'] : ['hi']) {
    const unpack = e.emulate
      ? [0, 1, 2, 3].map((t) => `${o.dst}_${p}[at + ${t}u] = w[${t}];`).join(' ')
      : [0, 1, 2, 3]
          .map((t) => `let h${t} = bitcast<vec2<f16>>(w[${t}]); ${o.dst}_${p}[at + ${2 * t}u] = h${t}.x; ${o.dst}_${p}[at + ${2 * t + 1}u] = h${t}.y;`)
          .join(' ');
    lines.push(`for (var ce = lid; ce < ${(o.rows * o.width) / per}u; ce += ${o.threads}u) {
      let cr = ce / ${o.width / per}u;
      let cc = (ce % ${o.width / per}u) * ${per}u;
      let w = ${o.src}[(${p === 'lo' ? `u.${o.src}_lo + ` : ''}(${o.firstRow} + cr) * ${o.width}u + cc) / ${per}u];
      let at = cr * ${o.width + 8}u + cc;
      ${unpack}
    }`);
  }
  return lines.join('\n    ');
}

/**
 * One power of two per (batch, head) matrix of a [B, H, rows, width] input, into the f32 scratch
 * `name`: 2^(4 − ⌈log2 max|x|⌉), so that x·scale has its largest magnitude in (8, 16] — elements
 * down to 10⁻⁵ of it stay f16 normals (6·10⁻⁵), and the products made from it keep room below 65504
 * (dP = dO·vᵀ sums D of them: |v| up to about 60 at D 64 in the worst case). The output gradient needs it: in training dO is about 1/(B·T) and would mostly
 * underflow in f16, as mixed-precision training's loss scaling knows. Exact powers of two, so
 * unscaling after the products loses nothing; 1 for an all-zero matrix.
 */
export function matrixScaleSteps(
  call: KernelCall<OpName>,
  g: FlashGeometry,
  o: { name: string; input: number; rows: number; width: number },
): KernelDispatch[] {
  const bh = g.B * g.H;
  const n = o.rows * o.width;
  // Level 1: `parts` workgroups per matrix, each the max |x| of its share; level 2: one invocation
  // per matrix folds them and writes the scale.
  const parts = Math.max(1, Math.min(64, Math.ceil(n / 16384)));
  const partial = `${o.name}_partial`;
  const b1 = new DispatchBuilder(call, 'flashAttentionTCScale', [o.name, 'partial']);
  b1.input('src', call.inputs[o.input]!);
  b1.scratch(partial, 'f32', bh * parts);
  b1.u32('bh', bh).u32('n', n).u32('parts', parts);
  const level1 = b1.build(
    bh * parts,
    (decls) => `${decls}
var<workgroup> part_max: array<f32, 256>;
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let w = linear_workgroup(wid, nwg);
  if (w >= u.bh * u.parts) { return; }
  let m0 = w / u.parts;
  var m = 0.0;
  for (var i = (w % u.parts) * 256u + lid; i < u.n; i += u.parts * 256u) { m = max(m, abs(src_get(m0 * u.n + i))); }
  part_max[lid] = m;
  workgroupBarrier();
  for (var step = 128u; step > 0u; step >>= 1u) {
    if (lid < step) { part_max[lid] = max(part_max[lid], part_max[lid + step]); }
    workgroupBarrier();
  }
  if (lid == 0u) { ${partial}_set(w, part_max[0]); }
}`,
  );
  const b2 = new DispatchBuilder(call, 'flashAttentionTCScale', [o.name, 'fold']);
  b2.scratch(partial, 'f32', bh * parts);
  b2.scratch(o.name, 'f32', bh);
  b2.u32('bh', bh).u32('parts', parts);
  const level2 = b2.build(
    Math.ceil(bh / 64),
    (decls) => `${decls}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let m0 = linear_workgroup(wid, nwg) * 64u + lid;
  if (m0 >= u.bh) { return; }
  var top = 0.0;
  for (var p = 0u; p < u.parts; p++) { top = max(top, ${partial}_get(m0 * u.parts + p)); }
  var s = 1.0;
  // Non-finite or zero maxima keep 1 (the range check of the copy reports the former).
  if (top > 0.0 && top < 3.0e38) { s = exp2(clamp(4.0 - ceil(log2(top)), -100.0, 100.0)); }
  ${o.name}_set(m0, s);
}`,
  );
  return [level1, level2];
}
