import { DeviceError, type OpName } from '@lightattn/tensor-core';
import { ceilDiv, WGSL_FLOAT_BITS, type KernelCall, type KernelDispatch } from '../../kernel-api.js';
import { WGSL_ATTENTION_DROPOUT } from '../wgsl/attention-dropout.js';
import { deltaStep } from './backward.js';
import { flashAllowedWgsl, flashBuilder, flashFlops, flashGeometry, WGSL_DROP_AT, WGSL_FLASH_COMMON, type FlashGeometry } from './common.js';
import { MatrixEmitter, MMA, SUBGROUP, type MatrixOperand } from '../wgsl/subgroup-matrix.js';
import {
  accumulateWgsl,
  copyTileWgsl,
  elementsPerVec,
  matrixScaleSteps,
  queryBlockStartWgsl,
  stageCopyDispatch,
  stageCount,
  TENSOR_CORE_GRADIENT_RANGE_MESSAGE,
  TENSOR_CORE_MAX_HEAD,
  wgslBlock,
  type Job,
  type StageCopy,
} from './tensor-core-parts.js';

type Call = KernelCall<'flashAttentionBackward'>;

/**
 * Flash attention backward on tensor cores, in the direct form of the forward
 * (flash-attention-tensor-cores-direct.ts): f16 copies of scale·q, k, v and dO first, then
 *   D_i = Σ_c dO_ic·O_ic (the f32 backward's step); dO's copy is scaled by a power of two s per
 *       matrix (matrixScaleSteps: in training dO is about 1/(B·T), mostly below f16's normals), dS
 *       is formed as s·dS = P ⊙ (z·dP_s − s·D) so that it stays in f16's range too, and the
 *       gradients are unscaled (exactly) when stored;
 *   dQ: 16 query rows per subgroup, their q and dO fragments in registers, over key tiles of `bc`
 *       staged once per workgroup: S = (scale·q)·kᵀ and dP = dO·vᵀ into workgroup memory,
 *       dS = P ⊙ (z·dP − D) with P = exp(S − L) written back as f16 operands, dQ += dS·k; dq = scale·dQ;
 *   dK, dV: 16 key rows per subgroup, their k and v fragments in registers, over query tiles of
 *       `bc` (from the first that sees them): Sᵀ = k·(scale·q)ᵀ and dPᵀ = v·dOᵀ, then
 *       dV += (P·z)ᵀ·dO and dK += dSᵀ·(scale·q).
 * Split operands (hi + lo·2⁻¹¹) keep the products fp32-accurate; one f16 per operand is TF32-like.
 * On an H100 at T 4096 (B 4, H 12, D 64, causal) split takes 19.5 ms against the f32 kernels' 17.9
 * and PyTorch's 8.3; one f16 per operand 7.7 ms (docs/benchmarks.md, "Backward on tensor cores").
 * Devices created with `tensorCores` run the f16 form (flash-attention-select.ts).
 */
export interface TensorCoreBackwardOptions {
  readonly emulate: boolean;
  readonly split: boolean;
  /** Subgroups per workgroup, each owning 16 rows (queries for dQ, keys for dK/dV). */
  readonly subgroups: number;
  /** Width of the tiles walked (keys for dQ, queries for dK/dV): a multiple of 16. */
  readonly bc: number;
}

const ROWS = MMA;

/** Workgroup bytes of the larger of the two kernels (dK/dV). */
export function tensorCoreBackwardBytes(o: Pick<TensorCoreBackwardOptions, 'subgroups' | 'bc'>, elemBytes: number, split: boolean, db = 64, dvb = 64): number {
  const parts = split ? 2 : 1;
  const tiles = o.bc * (db + dvb + 16) * elemBytes * parts;
  const scores = 2 * o.subgroups * ROWS * (o.bc + 4) * 4;
  const operands = 2 * o.subgroups * ROWS * (o.bc + 8) * elemBytes * parts;
  return tiles + scores + operands + 2 * o.bc * 4;
}

export function flashAttentionTensorCoreBackwardSteps(call: Call, o: TensorCoreBackwardOptions): KernelDispatch[] {
  const g = flashGeometry(call);
  if (Math.max(g.db, g.dvb) > TENSOR_CORE_MAX_HEAD) throw new DeviceError(`flashAttentionBackward (tensor cores): head sizes over ${TENSOR_CORE_MAX_HEAD} use the f32 kernels`);
  const e = new MatrixEmitter(o.emulate, o.split);
  if (tensorCoreBackwardBytes(o, e.elemBytes, o.split, g.db, g.dvb) > call.device.limits.maxComputeWorkgroupStorageSize) {
    throw new DeviceError(`flashAttentionBackward (tensor cores): tile ${JSON.stringify(o)} does not fit this device's workgroup memory`);
  }
  if (g.B * g.H * g.Tq === 0 && g.B * g.H * g.Tk === 0) return [];
  // Both lengths padded to whole row blocks and whole tiles (powers of two times 16: the larger divides by the smaller).
  const pad = Math.max(ROWS * o.subgroups, o.bc);
  const tqp = Math.max(1, ceilDiv(g.Tq, pad)) * pad;
  const tkp = Math.max(1, ceilDiv(g.Tk, pad)) * pad;
  const copies: StageCopy[] = [
    { name: 'qs', input: 0, rows: g.Tq, width: g.D, padded: tqp, bucket: g.db, scale: call.params.scale },
    { name: 'ks', input: 1, rows: g.Tk, width: g.D, padded: tkp, bucket: g.db, scale: 1 },
    { name: 'vs', input: 2, rows: g.Tk, width: g.Dv, padded: tkp, bucket: g.dvb, scale: 1 },
    // dO times a power of two per matrix (gscale), so that its f16 copy neither underflows nor overflows.
    { name: 'gs', input: 6, rows: g.Tq, width: g.Dv, padded: tqp, bucket: g.dvb, scale: 1, matrixScale: 'gscale' },
  ];
  const steps: KernelDispatch[] = matrixScaleSteps(call as KernelCall<OpName>, g, { name: 'gscale', input: 6, rows: g.Tq, width: g.Dv });
  steps.push(...copies.map((c) => stageCopyDispatch(call as KernelCall<OpName>, e, g, c)));
  if (g.B * g.H * g.Tq > 0) steps.push(deltaStep(call, g), dqStep(call, g, e, o, copies, tqp, tkp));
  if (g.B * g.H * g.Tk > 0) steps.push(dkdvStep(call, g, e, o, copies, tqp, tkp));
  return steps;
}

/** The shared declarations and bindings of both kernels; `staged` copies are bound as vec4 (copyTileWgsl), the others as f16 fragment sources. */
function builder(call: Call, g: FlashGeometry, e: MatrixEmitter, o: TensorCoreBackwardOptions, name: string, copies: StageCopy[], staged: string[], tqp: number, tkp: number) {
  const b = flashBuilder(call, name, g, [o.emulate ? 'emulated' : 'subgroup-matrix', o.split ? 'split' : 'f16', `sg${o.subgroups}`, `bc${o.bc}`]);
  b.input('mask', call.inputs[3]!);
  b.input('lse', call.inputs[5]!);
  b.scratch('delta', 'f32', g.B * g.H * g.Tq);
  b.scratch('gscale', 'f32', g.B * g.H);
  const parts = o.split ? 2 : 1;
  for (const c of copies) {
    const n = stageCount(g, c) * parts;
    if (staged.includes(c.name)) b.plainScratch(c.name, e.emulate ? 'vec4<f32>' : 'vec4<u32>', n / elementsPerVec(e));
    else b.plainScratch(c.name, e.emulate ? 'f32' : 'f16', n);
  }
  for (const c of copies) b.u32(`${c.name}_lo`, stageCount(g, c));
  b.u32('tqp', tqp).u32('tkp', tkp);
  return b;
}

/** The WGSL header both kernels share (enables, bindings, helpers). */
function header(e: MatrixEmitter, g: FlashGeometry, decls: string): string {
  return `${e.enables()}${decls}
${WGSL_FLOAT_BITS}
${g.dropout ? WGSL_ATTENTION_DROPOUT + WGSL_DROP_AT : ''}
${WGSL_FLASH_COMMON}
${flashAllowedWgsl(g.maskScalar)}
${e.helpers()}`;
}

/** Generator of the fragments, products and stores of one kernel (names per part: hi, lo). */
function emitters(e: MatrixEmitter, bc: number) {
  const parts = e.split ? ['hi', 'lo'] : ['hi'];
  const ss = bc + 4; // f32 score rows, 16-byte multiple
  const ps = bc + 8; // f16 operand rows, 16-byte multiple
  return {
    parts,
    ss,
    ps,
    /** Fragments of a [rows, width] f16 copy at `at` (row stride width) for every 16 columns: left operands named `<name>_<part>_<kk>`. */
    rowFragments: (name: string, src: string, at: string, width: number) =>
      parts.flatMap((p) => Array.from({ length: width / MMA }, (_, kk) => e.loadLeft(`${name}_${p}_${kk}`, { array: src, offset: `${p === 'lo' ? `u.${src}_lo + ` : ''}${at} + ${kk * MMA}u`, colMajor: false, stride: width }))),
    /** acc_<name>_n (n < bc/16) = Σ_kk <left>_kk · tileᵀ: the tile's rows are the columns of the result (column-major loads). */
    transposedProduct: (acc: string, left: string, tile: string, width: number): string[] => {
      const lines = Array.from({ length: bc / MMA }, (_, n) => e.zeroAcc(`${acc}_${n}`));
      for (let kk = 0; kk < width / MMA; kk++) {
        const step: string[] = [];
        for (const p of parts) {
          for (let n = 0; n < bc / MMA; n++) {
            const op: MatrixOperand = { array: `${tile}_${p}`, offset: `${n * MMA * (width + 8) + kk * MMA}u`, colMajor: true, stride: width + 8 };
            step.push(e.loadRight(`t_${p}_${n}`, op));
          }
        }
        const jobs: Job[] = Array.from({ length: bc / MMA }, (_, n) => ({ acc: `${acc}_${n}`, l: (p: string) => `${left}_${p}_${kk}`, r: (p: string) => `t_${p}_${n}` }));
        lines.push(wgslBlock([...step, ...accumulateWgsl(e, jobs)]));
      }
      return lines;
    },
    /** For each 16-wide step kk of the tile: the operand rows of `operand` (left) times the tile's rows (right, row-major) into acc_<name>_n. */
    tileProduct: (acc: string, operand: string, pBase: string, tile: string, width: number): string[] => {
      const lines: string[] = [];
      for (let kk = 0; kk < bc / MMA; kk++) {
        const step = parts.map((p) => e.loadLeft(`l_${p}`, { array: `${operand}_${p}`, offset: `${pBase} + ${kk * MMA}u`, colMajor: false, stride: ps }));
        for (const p of parts) for (let n = 0; n < width / MMA; n++) step.push(e.loadRight(`r_${p}_${n}`, { array: `${tile}_${p}`, offset: `${kk * MMA * (width + 8) + n * MMA}u`, colMajor: false, stride: width + 8 }));
        const jobs: Job[] = Array.from({ length: width / MMA }, (_, n) => ({ acc: `${acc}_${n}`, l: (p: string) => `l_${p}`, r: (p: string) => `r_${p}_${n}` }));
        lines.push(wgslBlock([...step, ...accumulateWgsl(e, jobs)]));
      }
      return lines;
    },
    storeScores: (acc: string, array: string, sBase: string) => Array.from({ length: bc / MMA }, (_, n) => e.store(`${acc}_${n}`, array, `${sBase} + ${n * MMA}u`, ss)),
    declare: (acc: string, count: number) => Array.from({ length: count }, (_, n) => e.declareAcc(`${acc}_${n}`)),
    /** An f32 value v stored as this element's f16 operand parts. */
    storeOperand: (array: string, at: string, v: string) => `{ let h = stage_hi(${v}); ${array}_hi[${at}] = h; ${e.split ? `${array}_lo[${at}] = stage_lo(${v}, h);` : ''} }`,
    /** Writes accumulators acc_<name>_n (16 rows × width) to a tensor through the score area: `set(row, col, value)` for the pair-of-lanes layout. */
    storeRows: (acc: string, width: number, sBase: string, write: (col: string, value: string) => string): string[] => {
      const out: string[] = [];
      for (let n = 0; n < width / MMA; n++) {
        out.push('workgroupBarrier();', e.store(`${acc}_${n}`, 's_s', sBase, ss), 'workgroupBarrier();');
        out.push(`for (var c = 0u; c < 8u; c++) { ${write(`${n * MMA}u + part * 8u + c`, `s_s[${sBase} + lr * ${ss}u + part * 8u + c]`)} }`);
      }
      return out;
    },
  };
}

function dqStep(call: Call, g: FlashGeometry, e: MatrixEmitter, o: TensorCoreBackwardOptions, copies: StageCopy[], tqp: number, tkp: number): KernelDispatch {
  const { subgroups, bc } = o;
  const { db, dvb, dropout } = g;
  const br = subgroups * ROWS;
  const threads = subgroups * SUBGROUP;
  // S, dP and dQ += dS·k.
  const b = builder(call, g, e, o, 'flashAttentionBackwardTC-dq', copies, ['ks', 'vs'], tqp, tkp).expectFlops(flashFlops(call, g, [g.D, g.Dv, g.D]));
  b.output('dq', call.outputs[0]!);
  // Last: the error binding takes the number after every other (DispatchBuilder numbers them in order).
  b.errors(TENSOR_CORE_GRADIENT_RANGE_MESSAGE);
  const qTiles = ceilDiv(g.Tq, br);
  b.u32('q_tiles', qTiles);
  const m = emitters(e, bc);
  const { ss, ps } = m;
  const span = bc / 2;
  return b.build(g.B * g.H * qTiles, (decls) => `${header(e, g, decls)}
${m.parts.map((p) => `var<workgroup> k_${p}: array<${e.elem}, ${bc * (db + 8)}>;\nvar<workgroup> v_${p}: array<${e.elem}, ${bc * (dvb + 8)}>;\nvar<workgroup> ds_${p}: array<${e.elem}, ${subgroups * ROWS * ps}>;`).join('\n')}
var<workgroup> s_s: array<f32, ${subgroups * ROWS * ss}>;
var<workgroup> dp_s: array<f32, ${subgroups * ROWS * ss}>;

@compute @workgroup_size(${threads})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32${e.entryParams()}) {
  ${e.prelude()}
  ${queryBlockStartWgsl(br)}
  let first_row = bh * u.tqp + i0 + sid * ${ROWS}u;
  let m_base = mask_base(bh);
  // A pair of lanes per row, each half of every key tile.
  let lane = lid % ${SUBGROUP}u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * ${ROWS}u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  var lse_row = 0.0;
  var d_row = 0.0;
  if (row < u.tq) { lse_row = lse_get(bh * u.tq + row); d_row = delta_get(bh * u.tq + row); }
  // dP comes from dO·s (s = gscale, a power of two): dS is kept scaled by s too, since in training
  // it is as small as dO; dq is unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  ${dropout ? 'let drop_row_g = drop_global_row(bh, row);' : ''}
  let s_base = sid * ${ROWS * ss}u;
  let p_base = sid * ${ROWS * ps}u;
  ${m.rowFragments('q', 'qs', `first_row * ${db}u`, db).filter(Boolean).join('\n  ')}
  ${m.rowFragments('g', 'gs', `first_row * ${dvb}u`, dvb).filter(Boolean).join('\n  ')}
  ${m.declare('acc_dq', db / MMA).join('\n  ')}
  ${m.declare('acc_s', bc / MMA).join('\n  ')}
  ${m.declare('acc_dp', bc / MMA).join('\n  ')}
  for (var j0 = 0u; j0 < key_end; j0 += ${bc}u) {
    ${copyTileWgsl(e, { dst: 'k', src: 'ks', firstRow: 'bh * u.tkp + j0', rows: bc, width: db, threads })}
    ${copyTileWgsl(e, { dst: 'v', src: 'vs', firstRow: 'bh * u.tkp + j0', rows: bc, width: dvb, threads })}
    workgroupBarrier();
    ${m.transposedProduct('acc_s', 'q', 'k', db).join('\n    ')}
    ${m.transposedProduct('acc_dp', 'g', 'v', dvb).join('\n    ')}
    ${m.storeScores('acc_s', 's_s', 's_base').join('\n    ')}
    ${m.storeScores('acc_dp', 'dp_s', 's_base').join('\n    ')}
    workgroupBarrier();
    // dS = P ⊙ (z·dP − D), P = exp(S − L).
    for (var c = 0u; c < ${span}u; c++) {
      let col = part * ${span}u + c;
      let j = j0 + col;
      var ds = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[s_base + lr * ${ss}u + col] - lse_row);
        ${dropout ? 'let z = drop_at(drop_row_g, j);' : 'let z = 1.0;'}
        ds = p * (z * dp_s[s_base + lr * ${ss}u + col] - d_row * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      ${m.storeOperand('ds', `p_base + lr * ${ps}u + col`, 'ds')}
    }
    workgroupBarrier();
    ${m.tileProduct('acc_dq', 'ds', 'p_base', 'k', db).join('\n    ')}
    workgroupBarrier();
  }
  ${m.storeRows('acc_dq', db, 's_base', (col, value) => `let cq = ${col}; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * ${value}); }`).join('\n  ')}
}`);
}

function dkdvStep(call: Call, g: FlashGeometry, e: MatrixEmitter, o: TensorCoreBackwardOptions, copies: StageCopy[], tqp: number, tkp: number): KernelDispatch {
  const { subgroups, bc } = o;
  const { db, dvb, dropout } = g;
  const bk = subgroups * ROWS;
  const threads = subgroups * SUBGROUP;
  // Sᵀ, dPᵀ, dV += (P·z)ᵀ·dO and dK += dSᵀ·q.
  const b = builder(call, g, e, o, 'flashAttentionBackwardTC-dkdv', copies, ['qs', 'gs'], tqp, tkp).expectFlops(flashFlops(call, g, [g.D, g.Dv, g.Dv, g.D]));
  b.output('dk', call.outputs[1]!);
  b.output('dv', call.outputs[2]!);
  b.errors(TENSOR_CORE_GRADIENT_RANGE_MESSAGE);
  const kTiles = ceilDiv(g.Tk, bk);
  b.u32('k_tiles', kTiles);
  const m = emitters(e, bc);
  const { ss, ps } = m;
  const span = bc / 2;
  return b.build(g.B * g.H * kTiles, (decls) => `${header(e, g, decls)}
${m.parts.map((p) => `var<workgroup> q_${p}: array<${e.elem}, ${bc * (db + 8)}>;\nvar<workgroup> g_${p}: array<${e.elem}, ${bc * (dvb + 8)}>;\nvar<workgroup> pz_${p}: array<${e.elem}, ${subgroups * ROWS * ps}>;\nvar<workgroup> ds_${p}: array<${e.elem}, ${subgroups * ROWS * ps}>;`).join('\n')}
var<workgroup> s_s: array<f32, ${subgroups * ROWS * ss}>;
var<workgroup> dp_s: array<f32, ${subgroups * ROWS * ss}>;
var<workgroup> l_s: array<f32, ${bc}>;
var<workgroup> d_s: array<f32, ${bc}>;

@compute @workgroup_size(${threads})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32${e.entryParams()}) {
  ${e.prelude()}
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * ${bk}u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see none of these keys.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / ${bc}u) * ${bc}u;
  let first_key = bh * u.tkp + j0 + sid * ${ROWS}u;
  let m_base = mask_base(bh);
  // A pair of lanes per key row, each half of every query tile.
  let lane = lid % ${SUBGROUP}u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let key = j0 + sid * ${ROWS}u + lr;
  let s_base = sid * ${ROWS * ss}u;
  let p_base = sid * ${ROWS * ps}u;
  // dPᵀ and dV come from dO·s (s = gscale, a power of two), and dSᵀ is kept scaled by s; dk and dv
  // are unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  ${m.rowFragments('k', 'ks', `first_key * ${db}u`, db).filter(Boolean).join('\n  ')}
  ${m.rowFragments('v', 'vs', `first_key * ${dvb}u`, dvb).filter(Boolean).join('\n  ')}
  ${m.declare('acc_dk', db / MMA).join('\n  ')}
  ${m.declare('acc_dv', dvb / MMA).join('\n  ')}
  ${m.declare('acc_st', bc / MMA).join('\n  ')}
  ${m.declare('acc_dpt', bc / MMA).join('\n  ')}
  for (var i0 = first; i0 < u.tq; i0 += ${bc}u) {
    ${copyTileWgsl(e, { dst: 'q', src: 'qs', firstRow: 'bh * u.tqp + i0', rows: bc, width: db, threads })}
    ${copyTileWgsl(e, { dst: 'g', src: 'gs', firstRow: 'bh * u.tqp + i0', rows: bc, width: dvb, threads })}
    for (var t = lid; t < ${bc}u; t += ${threads}u) {
      var lt = 0.0;
      var dt = 0.0;
      if (i0 + t < u.tq) { lt = lse_get(bh * u.tq + i0 + t); dt = delta_get(bh * u.tq + i0 + t); }
      l_s[t] = lt;
      d_s[t] = dt;
    }
    workgroupBarrier();
    ${m.transposedProduct('acc_st', 'k', 'q', db).join('\n    ')}
    ${m.transposedProduct('acc_dpt', 'v', 'g', dvb).join('\n    ')}
    ${m.storeScores('acc_st', 's_s', 's_base').join('\n    ')}
    ${m.storeScores('acc_dpt', 'dp_s', 's_base').join('\n    ')}
    workgroupBarrier();
    // (P·z)ᵀ and dSᵀ = Pᵀ ⊙ (z·dPᵀ − D) for this key row and half of the query tile.
    for (var c = 0u; c < ${span}u; c++) {
      let col = part * ${span}u + c;
      let i = i0 + col;
      var pz = 0.0;
      var ds = 0.0;
      if (i < u.tq && allowed(m_base, last_key(i), i, key)) {
        let p = exp(s_s[s_base + lr * ${ss}u + col] - l_s[col]);
        ${dropout ? 'let z = drop_at(drop_global_row(bh, i), key);' : 'let z = 1.0;'}
        pz = p * z;
        ds = p * (z * dp_s[s_base + lr * ${ss}u + col] - d_s[col] * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      ${m.storeOperand('pz', `p_base + lr * ${ps}u + col`, 'pz')}
      ${m.storeOperand('ds', `p_base + lr * ${ps}u + col`, 'ds')}
    }
    workgroupBarrier();
    ${m.tileProduct('acc_dv', 'pz', 'p_base', 'g', dvb).join('\n    ')}
    ${m.tileProduct('acc_dk', 'ds', 'p_base', 'q', db).join('\n    ')}
    workgroupBarrier();
  }
  ${m.storeRows('acc_dk', db, 's_base', (col, value) => `let ck = ${col}; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * ${value}); }`).join('\n  ')}
  ${m.storeRows('acc_dv', dvb, 's_base', (col, value) => `let cv = ${col}; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * ${value}); }`).join('\n  ')}
}`);
}
