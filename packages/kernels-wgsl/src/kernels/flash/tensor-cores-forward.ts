import { DeviceError, type OpName } from '@lightattn/tensor-core';
import { ceilDiv, WGSL_FLOAT_BITS, type KernelCall, type KernelDispatch } from '../../kernel-api.js';
import { WGSL_ATTENTION_DROPOUT } from '../wgsl/attention-dropout.js';
import { MatrixEmitter, MMA, SUBGROUP, type MatrixOperand } from '../wgsl/subgroup-matrix.js';
import { flashAllowedWgsl, flashBuilder, flashFlops, flashGeometry, queryBlockStartWgsl, WGSL_DROP_AT, WGSL_FLASH_COMMON } from './common.js';
import { copyTileWgsl, elementsPerVec, stageCopyDispatch, stageCount, TENSOR_CORE_MAX_HEAD, type StageCopy } from './tensor-core-parts.js';
import { accumulateWgsl, wgslBlock, type Job } from '../wgsl/matrix-accumulate.js';

/**
 * The tensor-core flash forward that devices created with `tensorCores` run (select.ts): one f16 per
 * operand, one pass over the keys with an online softmax.
 *
 * q·scale, k and v are first copied once into f16 scratch buffers, zero-padded to whole tiles
 * (tensor-core-parts.ts), so the main kernel needs no conversion and no bounds checks. A subgroup owns
 * `rows` (16 or 32) query rows and keeps their q fragments in registers; each key tile of `bc` keys is
 * staged into workgroup memory with 16-byte loads and read there by every subgroup. Per tile:
 *   S = q·kᵀ into the subgroup's slice of workgroup memory (a subgroup matrix cannot be read
 *   element-wise), then per row m_new = max(m, max_j s_ij) only when it exceeds m by RESCALE_MARGIN,
 *   P = exp(s − m)·keep, l += Σ P, and O += P·v in subgroup matrices (rescaled by exp(m_old − m_new),
 *   through workgroup memory, on the tiles that raise m).
 * At the end L = m + log l and O = keep_scale·O / l; a row with no key gives zeros and L = −Inf.
 *
 * lab/flash/tensor-cores-direct.ts keeps the other forms this one was chosen from (two passes, split
 * hi/lo operands, k and v loaded from storage, separate cross-term accumulators) with their bench;
 * docs/benchmarks.md has the measurements. Tests run this kernel emulated (subgroup-matrix.ts).
 */

export interface TensorCoreForwardTile {
  readonly subgroups: number;
  /** Query rows per subgroup: 16 or 32. */
  readonly rows: number;
  /** Keys per tile: a multiple of 16. */
  readonly bc: number;
}

export interface TensorCoreForwardOptions extends TensorCoreForwardTile {
  /** Emulate subgroup matrices with plain f32 WGSL (tests on devices without them). */
  readonly emulate: boolean;
}

/**
 * P = exp(s − m) with m a row's reference maximum that may lag the true one by up to this much
 * (natural log units): P ≤ e⁸ ≈ 2981, well inside f16, and m moves (with a rescale of the output
 * accumulators) only on the tiles where the maximum grows by more, typically the first.
 */
export const RESCALE_MARGIN = 8;

/** Workgroup bytes of the main kernel for head-size bucket `headBucket`. */
export function tensorCoreForwardBytes(t: TensorCoreForwardTile, elemBytes: number, headBucket = 64): number {
  const s = t.subgroups * t.rows * (t.bc + 4) * 4;
  const p = t.subgroups * t.rows * (t.bc + 8) * elemBytes;
  const stat = t.rows === 16 ? t.subgroups * SUBGROUP * 8 : 0;
  // The flag of a tile that raises some row's maximum (16 bytes, see the kernel).
  const flag = 16;
  // The staged k and v tiles, one array each.
  const kv = t.bc * (headBucket + 8) * elemBytes * 2;
  return s + p + stat + kv + flag;
}

export function flashAttentionTensorCoreForwardSteps(call: KernelCall<'flashAttention'>, o: TensorCoreForwardOptions): KernelDispatch[] {
  const g = flashGeometry(call);
  if (g.B * g.H * g.Tq === 0) return [];
  if (Math.max(g.db, g.dvb) > TENSOR_CORE_MAX_HEAD)
    throw new DeviceError(`flashAttention (tensor cores): head sizes over ${TENSOR_CORE_MAX_HEAD} use the f32 kernels`);
  if (o.rows !== 16 && o.rows !== 32) throw new RangeError(`flashAttention (tensor cores): rows per subgroup must be 16 or 32, got ${o.rows}`);
  const e = new MatrixEmitter(o.emulate, false);
  if (tensorCoreForwardBytes(o, e.elemBytes, Math.max(g.db, g.dvb)) > call.device.limits.maxComputeWorkgroupStorageSize) {
    throw new DeviceError(`flashAttention (tensor cores): tile ${JSON.stringify(o)} does not fit this device's workgroup memory`);
  }
  const { subgroups, rows: R, bc } = o;
  const { db, dvb, dropout } = g;
  const br = subgroups * R;
  const qTiles = ceilDiv(g.Tq, br);
  const tqp = qTiles * br;
  const tkp = ceilDiv(g.Tk, bc) * bc;
  const copies: StageCopy[] = [
    { name: 'qs', input: 0, rows: g.Tq, width: g.D, padded: tqp, bucket: db, scale: call.params.scale },
    { name: 'ks', input: 1, rows: g.Tk, width: g.D, padded: tkp, bucket: db, scale: 1 },
    { name: 'vs', input: 2, rows: g.Tk, width: g.Dv, padded: tkp, bucket: dvb, scale: 1 },
  ];
  const steps = copies.map((c) => stageCopyDispatch(call as KernelCall<OpName>, e, g, c));

  // The key names the lab form's variant dimensions, at the point shipped here (see lab/flash/tensor-cores-direct.ts).
  const b = flashBuilder(call, 'flashAttentionTCDirect', g, [
    o.emulate ? 'emulated' : 'subgroup-matrix',
    'f16',
    `sg${subgroups}`,
    `r${R}`,
    `bc${bc}`,
    'staged',
    'scaled',
    'one-pass',
  ]);
  // S = q·kᵀ and O = P·v.
  b.expectFlops(flashFlops(call, g, [g.D, g.Dv]));
  b.input('mask', call.inputs[3]!);
  b.output('o', call.outputs[0]!);
  b.output('lse', call.outputs[1]!);
  // q is read a fragment at a time; k and v are staged 16 bytes at a time (copyTileWgsl).
  for (const c of copies) {
    const n = stageCount(g, c);
    if (c.name !== 'qs') b.plainScratch(c.name, e.emulate ? 'vec4<f32>' : 'vec4<u32>', n / elementsPerVec(e));
    else b.plainScratch(c.name, e.emulate ? 'f32' : 'f16', n);
  }
  b.u32('q_tiles', qTiles).u32('tqp', tqp).u32('tkp', tkp);
  // Where the lo halves of split copies would start (stageCopyDispatch's layout; unused with one f16).
  for (const c of copies) b.u32(`${c.name}_lo`, stageCount(g, c));

  const ri = R / MMA;
  const lpr = SUBGROUP / R; // lanes per row: 2 (rows 16) or 1 (rows 32)
  const span = bc / lpr; // keys per lane per tile
  const ss = bc + 4; // S row stride (floats), 16-byte multiple
  const ps = bc + 8; // P row stride (halves), 16-byte multiple
  const sBase = `sid * ${R * ss}u`;
  const pBase = `sid * ${R * ps}u`;

  const qLoads: string[] = [];
  for (let i = 0; i < ri; i++) {
    for (let kk = 0; kk < db / MMA; kk++) {
      const op: MatrixOperand = { array: 'qs', offset: `q_at + ${i * MMA * db + kk * MMA}u`, colMajor: false, stride: db };
      qLoads.push(e.loadLeft(`q_hi_${i}_${kk}`, op));
    }
  }
  const sAccs: string[] = [];
  for (let i = 0; i < ri; i++) for (let n = 0; n < bc / MMA; n++) sAccs.push(`acc_s_${i}_${n}`);
  // S = q·kᵀ for the tile at j0 into this subgroup's rows of s_s.
  const scores = (): string => {
    const lines: string[] = sAccs.map((a) => e.zeroAcc(a));
    for (let kk = 0; kk < db / MMA; kk++) {
      // kᵀ: element (d, j) is k row j, column d: column-major in the staged tile.
      const step: string[] = [];
      for (let n = 0; n < bc / MMA; n++)
        step.push(e.loadRight(`k_hi_${n}`, { array: 'k_tile_hi', offset: `${n * MMA * (db + 8) + kk * MMA}u`, colMajor: true, stride: db + 8 }));
      const jobs: Job[] = [];
      for (let i = 0; i < ri; i++) for (let n = 0; n < bc / MMA; n++) jobs.push({ acc: `acc_s_${i}_${n}`, l: () => `q_hi_${i}_${kk}`, r: () => `k_hi_${n}` });
      lines.push(wgslBlock([...step, ...accumulateWgsl(e, jobs)]));
    }
    for (let i = 0; i < ri; i++) for (let n = 0; n < bc / MMA; n++) lines.push(e.store(`acc_s_${i}_${n}`, 's_s', `${sBase} + ${i * MMA * ss + n * MMA}u`, ss));
    return lines.join('\n    ');
  };
  // O += P·v for the tile.
  const pv = (): string => {
    const lines: string[] = [];
    for (let kk = 0; kk < bc / MMA; kk++) {
      const step: string[] = [];
      for (let i = 0; i < ri; i++)
        step.push(e.loadLeft(`p_hi_${i}`, { array: 'p_hi', offset: `${pBase} + ${i * MMA * ps + kk * MMA}u`, colMajor: false, stride: ps }));
      for (let n = 0; n < dvb / MMA; n++)
        step.push(e.loadRight(`v_hi_${n}`, { array: 'v_tile_hi', offset: `${kk * MMA * (dvb + 8) + n * MMA}u`, colMajor: false, stride: dvb + 8 }));
      const jobs: Job[] = [];
      for (let i = 0; i < ri; i++) for (let n = 0; n < dvb / MMA; n++) jobs.push({ acc: `acc_o_${i}_${n}`, l: () => `p_hi_${i}`, r: () => `v_hi_${n}` });
      lines.push(wgslBlock([...step, ...accumulateWgsl(e, jobs)]));
    }
    return lines.join('\n    ');
  };
  // The tile's bc rows of k (or v) copied into k_tile_hi (v_tile_hi).
  const copyTile = (which: 'k' | 'v', width: number): string =>
    copyTileWgsl(e, { dst: `${which}_tile`, src: `${which}s`, firstRow: 'bh * u.tkp + j0', rows: bc, width, threads: subgroups * SUBGROUP });
  const oAccs: string[] = [];
  for (let i = 0; i < ri; i++) for (let n = 0; n < dvb / MMA; n++) oAccs.push(e.declareAcc(`acc_o_${i}_${n}`));
  // This invocation's share of a row in the output's fragment column n, through its subgroup's
  // slice of s_s: fragment i holds rows 16·i …, lane pairs (rows 16) or lanes (rows 32) a row each.
  const rowShare = (n: number, body: (at: string, col: string) => string) =>
    `for (var c = 0u; c < ${MMA / lpr}u; c++) { let col = ${n * MMA}u + part * ${MMA / lpr}u + c; let at = ${sBase} + lr * ${ss}u + part * ${MMA / lpr}u + c; ${body('at', 'col')} }`;
  const storeFragments = (n: number) => Array.from({ length: ri }, (_, i) => e.store(`acc_o_${i}_${n}`, 's_s', `${sBase} + ${i * MMA * ss}u`, ss));
  const storeO: string[] = [];
  for (let n = 0; n < dvb / MMA; n++) {
    storeO.push('workgroupBarrier();', ...storeFragments(n), 'workgroupBarrier();');
    storeO.push(`if (row < u.tq) { ${rowShare(n, (at, col) => `if (${col} < u.dv) { o_set((bh * u.tq + row) * u.dv + ${col}, s_s[${at}] * o_norm); }`)} }`);
  }
  // The output accumulators times each row's factor alpha, through workgroup memory (a subgroup
  // matrix cannot be scaled row by row).
  const rescaleO: string[] = [];
  for (let n = 0; n < dvb / MMA; n++) {
    rescaleO.push('workgroupBarrier();', ...storeFragments(n), 'workgroupBarrier();');
    rescaleO.push(
      rowShare(n, (at) => `s_s[${at}] *= alpha;`),
      'workgroupBarrier();',
    );
    for (let i = 0; i < ri; i++) rescaleO.push(e.loadAcc(`acc_o_${i}_${n}`, 's_s', `${sBase} + ${i * MMA * ss}u`, ss));
  }
  // With lane pairs (rows 16), the value x of the other lane of this row (through stat_s).
  const combine = (mine: string, theirs: string) => (lpr === 2 ? theirs : mine);
  const pairOther = (x: string) => `pair_other(${x}, lid)`;

  // m is the row's reference maximum (the same in both lanes of a row), l this lane's share of
  // Σ exp(s − m), and the accumulators hold Σ exp(s − m)·keep·v with keep ∈ {0, 1} (the dropout
  // scale is applied at the end, so P stays ≤ e^RESCALE_MARGIN whatever p is). A tile whose scores
  // exceed some row's m by more than the margin raises m for every row of the workgroup (a uniform
  // decision: the rescale needs barriers) and multiplies l and the accumulators by alpha.
  const keep = dropout ? ' * select(0.0, 1.0, drop_at(drop_row_g, j) > 0.0)' : '';
  const body = `var m = NEG_BIG;
  var l = 0.0;
  ${oAccs.join('\n  ')}
  for (var j0 = 0u; j0 < key_end; j0 += ${bc}u) {
    ${copyTile('k', db)}
    ${copyTile('v', dvb)}
    workgroupBarrier();
    ${scores()}
    workgroupBarrier();
    var tmax = NEG_BIG;
    for (var c = 0u; c < ${span}u; c++) {
      let col = part * ${span}u + c;
      if (allowed(m_base, limit, row, j0 + col)) { tmax = max(tmax, s_s[${sBase} + lr * ${ss}u + col]); }
    }
    if (tmax > m + ${RESCALE_MARGIN}.0) { atomicStore(&raise_flag[0], 1u); }
    let raise = workgroupUniformLoad(&raise_flag[0]);
    var alpha = 1.0;
    if (raise != 0u) {
      ${combine('let row_max = tmax;', `let row_max = max(tmax, ${pairOther('tmax')});`)}
      let m_new = max(m, row_max);
      alpha = exp(m - m_new);
      l *= alpha;
      m = m_new;
    }
    for (var c = 0u; c < ${span}u; c++) {
      let col = part * ${span}u + c;
      let j = j0 + col;
      var pz = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[${sBase} + lr * ${ss}u + col] - m);
        l += p;
        pz = p${keep};
      }
      let ph = stage_hi(pz);
      p_hi[${pBase} + lr * ${ps}u + col] = ph;
      
    }
    if (raise != 0u) {
      ${rescaleO.join('\n      ')}
    }
    workgroupBarrier();
    // Every invocation has read the flag (before the barrier above); the next tile sets it after two more.
    if (lid == 0u) { atomicStore(&raise_flag[0], 0u); }
    ${pv()}
    workgroupBarrier();
  }
  ${combine(
    'let ll = l;',
    `// Both halves of each row share m: their sums add.
  let ll = l + ${pairOther('l')};`,
  )}
  let lse_row = select(-f32_inf(), m + log(ll), ll > 0.0);
  if (part == 0u && row < u.tq) { lse_set(bh * u.tq + row, lse_row); }
  let o_norm = select(0.0, ${dropout ? 'u.keep_scale' : '1.0'} / ll, ll > 0.0);`;

  steps.push(
    b.build(
      g.B * g.H * qTiles,
      (decls) => `${e.enables()}${decls}
${WGSL_FLOAT_BITS}
${dropout ? WGSL_ATTENTION_DROPOUT + WGSL_DROP_AT : ''}
${WGSL_FLASH_COMMON}
${flashAllowedWgsl(g.maskScalar)}
${e.helpers()}
var<workgroup> s_s: array<f32, ${subgroups * R * ss}>;

var<workgroup> p_hi: array<${e.elem}, ${subgroups * R * ps}>;
${lpr === 2 ? `var<workgroup> stat_s: array<vec2<f32>, ${subgroups * SUBGROUP}>;` : ''}
${
  lpr === 2
    ? `// Called in uniform control flow only.
fn pair_other(x: f32, lid: u32) -> f32 {
  workgroupBarrier();
  stat_s[lid] = vec2<f32>(x, 0.0);
  workgroupBarrier();
  return stat_s[lid ^ 1u].x;
}`
    : ''
}
${[`k_tile_hi: array<${e.elem}, ${bc * (db + 8)}>`, `v_tile_hi: array<${e.elem}, ${bc * (dvb + 8)}>`].map((d) => `var<workgroup> ${d};`).join('\n')}
// Four words, not one: on an H100 (driver 580.159) a 4-byte workgroup variable here left the
// staged k and v tiles misaligned for the subgroup-matrix loads, which then read the first two
// halves of every row wrong. Every workgroup array of these kernels is a multiple of 16 bytes.
var<workgroup> raise_flag: array<atomic<u32>, 4>;

@compute @workgroup_size(${subgroups * SUBGROUP})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32${e.entryParams()}) {
  ${e.prelude()}
  ${queryBlockStartWgsl(br)}
  let q_at = (bh * u.tqp + i0 + sid * ${R}u) * ${db}u;
  let k_at = bh * u.tkp * ${db}u;
  let v_at = bh * u.tkp * ${dvb}u;
  let m_base = mask_base(bh);
  // This invocation's row, and which ${span} keys of each tile it reads.
  let lane = lid % ${SUBGROUP}u;
  let lr = lane / ${lpr}u;
  let part = lane % ${lpr}u;
  let row = i0 + sid * ${R}u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  ${dropout ? 'let drop_row_g = drop_global_row(bh, row);' : ''}
  ${qLoads.filter((x) => x !== '').join('\n  ')}
  ${sAccs.map((a) => e.declareAcc(a)).join('\n  ')}

  ${body}
  ${storeO.join('\n  ')}
}`,
    ),
  );
  return steps;
}
