import { DeviceError } from '@lightattn/tensor-core';
import type { OpName } from '@lightattn/tensor-core';
import { ceilDiv, WGSL_FLOAT_BITS, type KernelCall, type KernelDispatch } from '../../src/kernel-api.js';
import { WGSL_ATTENTION_DROPOUT } from '../../src/kernels/wgsl/attention-dropout.js';
import { flashAllowedWgsl, flashBuilder, flashFlops, flashGeometry, WGSL_DROP_AT, WGSL_FLASH_COMMON } from '../../src/kernels/flash/common.js';
import { queryBlockStartWgsl, TENSOR_CORE_MAX_HEAD, tileRowStatsWgsl } from './tensor-cores-two-stage.js';
import { LO_SCALE, MatrixEmitter, MMA, SUBGROUP, type MatrixOperand } from '../../src/kernels/wgsl/subgroup-matrix.js';
import { copyTileWgsl, elementsPerVec, stageCopyDispatch, stageCount, type StageCopy } from '../../src/kernels/flash/tensor-core-parts.js';
import { accumulateWgsl, crossAccumulator, wgslBlock, type Job } from '../../src/kernels/wgsl/matrix-accumulate.js';

/**
 * The tensor-core flash forward, second form: q·scale, k and v are first copied once into f16
 * (hi, and lo for split operands) in scratch buffers, zero-padded to whole tiles, so that the main
 * kernel loads every fragment straight from storage with no staging, no conversion and no bounds
 * checks. Workgroup memory then holds only each subgroup's own scores and probabilities, which is
 * what a subgroup matrix cannot give element-wise. Same two stages as lab/flash/tensor-cores-two-stage.ts:
 *   stage 1  L_i = log Σ_j exp(s_ij) (running max and sum per row, from the stored scores);
 *   stage 2  O_i = Σ_j exp(s_ij − L_i)·z_ij·v_j, accumulated in subgroup matrices never rescaled.
 * A subgroup owns `rows` (16 or 32) query rows and keeps their q fragments in registers; key tiles
 * are `bc` wide. Split products scale each accumulator by 2¹¹ around the cross terms of every
 * 16-key step (exact), so one accumulator serves hi·hi and the cross terms.
 *
 * With `onePass` the scores are taken once instead (online softmax, accumulators rescaled only when
 * a row maximum grows by more than RESCALE_MARGIN): the form devices created with `tensorCores` run
 * (flash/select.ts), one f16 per operand, k and v staged, 8 subgroups × 16 rows, 16 keys.
 *
 * On an H100 at T 4096 (B 4, H 12, D 64, causal; docs/benchmarks-history.md, "One pass") one pass takes
 * 2.26 ms with one f16 per operand (two passes 2.97, PyTorch's fp32 SDPA 3.37) and 5.69 ms with
 * split operands (two passes 7.11, the f32 kernel 6.23). Tests run it emulated;
 * bench/flash-attention-tensor-cores-bench.ts runs it for real.
 */

export interface DirectTile {
  readonly subgroups: number;
  /** Query rows per subgroup: 16 or 32. */
  readonly rows: number;
  /** Keys per tile: a multiple of 16. */
  readonly bc: number;
  /**
   * Where k and v fragments come from: `direct`, each subgroup loads them from the f16 copies in
   * storage (the caches catch the reuse); `staged`, the workgroup first copies each tile into
   * workgroup memory with 16-byte loads and all its subgroups read it there (the GEMM shape that
   * reached 129 TFLOP/s with f16 operands on an H100, docs/benchmarks.md). Default direct.
   */
  readonly kv?: 'direct' | 'staged';
  /**
   * Split operands only: accumulate the cross terms hi·lo + lo·hi in accumulators of their own and
   * add them (·2⁻¹¹) where the scores and outputs are read back from workgroup memory, instead of
   * scaling one accumulator by 2¹¹ and back around them at every 16-wide step. On an H100 this is
   * as accurate as the f32 kernel but not faster at T 4096 (docs/benchmarks.md).
   */
  readonly separateCross?: boolean;
  /**
   * One pass over the keys instead of two (onePassBody below): the scores are taken once, and the output
   * accumulators are rescaled, through workgroup memory, only when a row's maximum grows by more
   * than RESCALE_MARGIN.
   */
  readonly onePass?: boolean;
}

/**
 * One pass keeps P = exp(s − m) with m a row's reference maximum that may lag the true one by up to
 * this much (natural log units): P ≤ e⁸ ≈ 2981, well inside f16, and m moves (with a rescale of the
 * output accumulators) only on the tiles where the maximum grows by more, typically the first.
 */
export const RESCALE_MARGIN = 8;

export interface DirectOptions extends DirectTile {
  readonly emulate: boolean;
  readonly split: boolean;
}

/** Workgroup bytes of the main kernel. */
export function directForwardBytes(t: DirectTile, elemBytes: number, split: boolean, headBucket = 64): number {
  const parts = split ? 2 : 1;
  const s = t.subgroups * t.rows * (t.bc + 4) * 4;
  const p = t.subgroups * t.rows * (t.bc + 8) * elemBytes * parts;
  const stat = t.rows === 16 ? t.subgroups * SUBGROUP * 8 : 0;
  // One pass: the flag of a tile that raises some row's maximum (16 bytes, see the kernel).
  const flag = t.onePass ? 16 : 0;
  // Two passes stage k and v in turn in one array; one pass stages both at once in arrays of their own.
  const kv = t.kv === 'staged' ? t.bc * (headBucket + 8) * elemBytes * parts * (t.onePass ? 2 : 1) : 0;
  return s * (split && t.separateCross ? 2 : 1) + p + stat + kv + flag;
}

export function flashAttentionTensorCoreDirectSteps(call: KernelCall<'flashAttention'>, o: DirectOptions): KernelDispatch[] {
  const g = flashGeometry(call);
  if (g.B * g.H * g.Tq === 0) return [];
  if (Math.max(g.db, g.dvb) > TENSOR_CORE_MAX_HEAD)
    throw new DeviceError(`flashAttention (tensor cores): head sizes over ${TENSOR_CORE_MAX_HEAD} use the f32 kernels`);
  if (o.rows !== 16 && o.rows !== 32) throw new RangeError(`flashAttention (tensor cores): rows per subgroup must be 16 or 32, got ${o.rows}`);
  const e = new MatrixEmitter(o.emulate, o.split);
  if (directForwardBytes(o, e.elemBytes, o.split, Math.max(g.db, g.dvb)) > call.device.limits.maxComputeWorkgroupStorageSize) {
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

  const staged = o.kv === 'staged';
  // Workgroup arrays of the staged k and v tiles: one, taken in turn, in two passes; one each in one pass.
  const [kTile, vTile] = o.onePass ? ['k_tile', 'v_tile'] : ['kv', 'kv'];
  // Each tile array with its row width (the shared one fits both).
  const tileArrays: [string, number][] = o.onePass
    ? [
        [kTile, db],
        [vTile, dvb],
      ]
    : [[kTile, Math.max(db, dvb)]];
  const separate = o.split && !!o.separateCross;
  const b = flashBuilder(call, 'flashAttentionTCDirect', g, [
    o.emulate ? 'emulated' : 'subgroup-matrix',
    o.split ? 'split' : 'f16',
    `sg${subgroups}`,
    `r${R}`,
    `bc${bc}`,
    staged ? 'staged' : 'direct',
    separate ? 'cross' : 'scaled',
    o.onePass ? 'one-pass' : 'two-pass',
  ]);
  // S = q·kᵀ (twice with two passes) and O = P·v.
  b.expectFlops(flashFlops(call, g, o.onePass ? [g.D, g.Dv] : [g.D, g.D, g.Dv]));
  b.input('mask', call.inputs[3]!);
  b.output('o', call.outputs[0]!);
  b.output('lse', call.outputs[1]!);
  const parts = o.split ? (['hi', 'lo'] as const) : (['hi'] as const);
  // Staged, k and v are read 16 bytes at a time (copyTileWgsl).
  for (const c of copies) {
    const n = stageCount(g, c) * parts.length;
    if (staged && c.name !== 'qs') b.plainScratch(c.name, e.emulate ? 'vec4<f32>' : 'vec4<u32>', n / elementsPerVec(e));
    else b.plainScratch(c.name, e.emulate ? 'f32' : 'f16', n);
  }
  b.u32('q_tiles', qTiles).u32('tqp', tqp).u32('tkp', tkp);
  // Where the lo halves start in each scratch array (see stageCopyDispatch).
  for (const c of copies) b.u32(`${c.name}_lo`, stageCount(g, c));
  const lo = (which: string, p: string) => (p === 'lo' ? `u.${which}s_lo + ` : '');

  const ri = R / MMA;
  const lpr = SUBGROUP / R; // lanes per row: 2 (rows 16) or 1 (rows 32)
  const span = bc / lpr; // keys per lane per tile
  const ss = bc + 4; // S row stride (floats), 16-byte multiple
  const ps = bc + 8; // P row stride (halves), 16-byte multiple
  const sBase = `sid * ${R * ss}u`;
  const pBase = `sid * ${R * ps}u`;

  const accumulate = (jobs: Job[]) => accumulateWgsl(e, jobs, separate);
  const cross = crossAccumulator;
  const block = wgslBlock;
  const qLoads: string[] = [];
  for (const p of parts) {
    for (let i = 0; i < ri; i++) {
      for (let kk = 0; kk < db / MMA; kk++) {
        const op: MatrixOperand = { array: 'qs', offset: `${lo('q', p)}q_at + ${i * MMA * db + kk * MMA}u`, colMajor: false, stride: db };
        qLoads.push(e.loadLeft(`q_${p}_${i}_${kk}`, op));
      }
    }
  }
  const sAccs: string[] = [];
  for (let i = 0; i < ri; i++) for (let n = 0; n < bc / MMA; n++) sAccs.push(`acc_s_${i}_${n}`, ...(separate ? [`accx_s_${i}_${n}`] : []));
  // A score (or output) read back from workgroup memory: hi·hi plus, separate, the cross terms.
  const readS = (at: string) => (separate ? `(s_s[${at}] + s_x[${at}] * ${1 / LO_SCALE})` : `s_s[${at}]`);
  const storeBoth = (acc: string, at: string) => [e.store(acc, 's_s', at, ss), separate ? e.store(cross(acc), 's_x', at, ss) : ''].filter((x) => x !== '');
  // S = q·kᵀ for the tile at j0 into this subgroup's rows of s_s.
  const scores = (): string => {
    const lines: string[] = sAccs.map((a) => e.zeroAcc(a));
    for (let kk = 0; kk < db / MMA; kk++) {
      const step: string[] = [];
      // kᵀ: element (d, j) is k row j, column d: column-major with stride db.
      for (const p of parts) {
        for (let n = 0; n < bc / MMA; n++) {
          const op: MatrixOperand = staged
            ? { array: `${kTile}_${p}`, offset: `${n * MMA * (db + 8) + kk * MMA}u`, colMajor: true, stride: db + 8 }
            : { array: 'ks', offset: `${lo('k', p)}k_at + (j0 + ${n * MMA}u) * ${db}u + ${kk * MMA}u`, colMajor: true, stride: db };
          step.push(e.loadRight(`k_${p}_${n}`, op));
        }
      }
      const jobs: Job[] = [];
      for (let i = 0; i < ri; i++)
        for (let n = 0; n < bc / MMA; n++) jobs.push({ acc: `acc_s_${i}_${n}`, l: (p) => `q_${p}_${i}_${kk}`, r: (p) => `k_${p}_${n}` });
      lines.push(block([...step, ...accumulate(jobs)]));
    }
    for (let i = 0; i < ri; i++) for (let n = 0; n < bc / MMA; n++) lines.push(...storeBoth(`acc_s_${i}_${n}`, `${sBase} + ${i * MMA * ss + n * MMA}u`));
    return lines.join('\n    ');
  };
  const pv = (): string => {
    const lines: string[] = [];
    for (let kk = 0; kk < bc / MMA; kk++) {
      const step: string[] = [];
      for (const p of parts)
        for (let i = 0; i < ri; i++)
          step.push(e.loadLeft(`p_${p}_${i}`, { array: `p_${p}`, offset: `${pBase} + ${i * MMA * ps + kk * MMA}u`, colMajor: false, stride: ps }));
      for (const p of parts) {
        for (let n = 0; n < dvb / MMA; n++) {
          const op: MatrixOperand = staged
            ? { array: `${vTile}_${p}`, offset: `${kk * MMA * (dvb + 8) + n * MMA}u`, colMajor: false, stride: dvb + 8 }
            : { array: 'vs', offset: `${lo('v', p)}v_at + (j0 + ${kk * MMA}u) * ${dvb}u + ${n * MMA}u`, colMajor: false, stride: dvb };
          step.push(e.loadRight(`v_${p}_${n}`, op));
        }
      }
      const jobs: Job[] = [];
      for (let i = 0; i < ri; i++) for (let n = 0; n < dvb / MMA; n++) jobs.push({ acc: `acc_o_${i}_${n}`, l: (p) => `p_${p}_${i}`, r: (p) => `v_${p}_${n}` });
      lines.push(block([...step, ...accumulate(jobs)]));
    }
    return lines.join('\n    ');
  };
  // Staged: the tile's bc rows of k (or v) copied into kv_hi/kv_lo (one pass: k_tile_…, v_tile_…).
  const copyTile = (which: 'k' | 'v', width: number): string =>
    staged
      ? copyTileWgsl(e, { dst: which === 'k' ? kTile : vTile, src: `${which}s`, firstRow: 'bh * u.tkp + j0', rows: bc, width, threads: subgroups * SUBGROUP })
      : '';
  const oAccs: string[] = [];
  for (let i = 0; i < ri; i++)
    for (let n = 0; n < dvb / MMA; n++) oAccs.push(e.declareAcc(`acc_o_${i}_${n}`), ...(separate ? [e.declareAcc(`accx_o_${i}_${n}`)] : []));
  // This invocation's share of a row in the output's fragment column n, through its subgroup's
  // slice of s_s (and s_x): fragment i holds rows 16·i …, lane pairs (rows 16) or lanes (rows 32) a row each.
  const rowShare = (n: number, body: (at: string, col: string) => string) =>
    `for (var c = 0u; c < ${MMA / lpr}u; c++) { let col = ${n * MMA}u + part * ${MMA / lpr}u + c; let at = ${sBase} + lr * ${ss}u + part * ${MMA / lpr}u + c; ${body('at', 'col')} }`;
  const storeFragments = (n: number) => Array.from({ length: ri }, (_, i) => storeBoth(`acc_o_${i}_${n}`, `${sBase} + ${i * MMA * ss}u`)).flat();
  const onePass = !!o.onePass;
  const storeO: string[] = [];
  for (let n = 0; n < dvb / MMA; n++) {
    storeO.push('workgroupBarrier();', ...storeFragments(n), 'workgroupBarrier();');
    storeO.push(
      `if (row < u.tq) { ${rowShare(n, (at, col) => `if (${col} < u.dv) { o_set((bh * u.tq + row) * u.dv + ${col}, ${readS(at)}${onePass ? ' * o_norm' : ''}); }`)} }`,
    );
  }
  // One pass: the output accumulators times each row's factor alpha, through workgroup memory
  // (a subgroup matrix cannot be scaled row by row).
  const rescaleO: string[] = [];
  for (let n = 0; n < dvb / MMA; n++) {
    rescaleO.push('workgroupBarrier();', ...storeFragments(n), 'workgroupBarrier();');
    rescaleO.push(
      rowShare(n, (at) => `s_s[${at}] *= alpha;${separate ? ` s_x[${at}] *= alpha;` : ''}`),
      'workgroupBarrier();',
    );
    for (let i = 0; i < ri; i++) {
      rescaleO.push(e.loadAcc(`acc_o_${i}_${n}`, 's_s', `${sBase} + ${i * MMA * ss}u`, ss));
      if (separate) rescaleO.push(e.loadAcc(`accx_o_${i}_${n}`, 's_x', `${sBase} + ${i * MMA * ss}u`, ss));
    }
  }
  const z = dropout ? ' * drop_at(drop_row_g, j)' : '';
  const elem = e.elem;
  // Writes pz (an f32 WGSL name) as this row's f16 operand parts at column col of P.
  const storeP = `let ph = stage_hi(pz);
      p_hi[${pBase} + lr * ${ps}u + col] = ph;
      ${o.split ? `p_lo[${pBase} + lr * ${ps}u + col] = stage_lo(pz, ph);` : ''}`;
  const combine = (mine: string, theirs: string) => (lpr === 2 ? theirs : mine);
  // One pass, rows of 16: the value x of the other lane of this row (through stat_s).
  const pairOther = (x: string) => `pair_other(${x}, lid)`;

  const twoPass = () => `// Stage 1: running max m and Σ exp(s − m) of this invocation's keys.
  var m = NEG_BIG;
  var l = 0.0;
  for (var j0 = 0u; j0 < key_end; j0 += ${bc}u) {
    ${
      staged
        ? `${copyTile('k', db)}
    workgroupBarrier();`
        : ''
    }
    ${scores()}
    workgroupBarrier();
    ${tileRowStatsWgsl(`${sBase} + lr * ${ss}u`, 'part', span, readS)}
    workgroupBarrier();
  }
  ${combine(
    'let mm = m;\n  let ll = l;',
    `// Combine the two halves of each row: L = M + log(l·e^(m−M) + l′·e^(m′−M)).
  stat_s[lid] = vec2<f32>(m, l);
  workgroupBarrier();
  let other = stat_s[lid ^ 1u];
  let mm = max(m, other.x);
  let ll = l * exp(m - mm) + other.y * exp(other.x - mm);`,
  )}
  let lse_row = select(-f32_inf(), mm + log(ll), ll > 0.0);
  if (part == 0u && row < u.tq) { lse_set(bh * u.tq + row, lse_row); }

  // Stage 2: O = Σ exp(s − L)·z·v.
  ${oAccs.join('\n  ')}
  for (var j0 = 0u; j0 < key_end; j0 += ${bc}u) {
    ${
      staged
        ? `${copyTile('k', db)}
    workgroupBarrier();`
        : ''
    }
    ${scores()}
    workgroupBarrier();
    // Every subgroup is past its k loads: v may take k's place.
    ${copyTile('v', dvb)}
    for (var c = 0u; c < ${span}u; c++) {
      let col = part * ${span}u + c;
      let j = j0 + col;
      var pz = 0.0;
      if (allowed(m_base, limit, row, j)) { pz = exp(${readS(`${sBase} + lr * ${ss}u + col`)} - lse_row)${z}; }
      ${storeP}
    }
    workgroupBarrier();
    ${pv()}
    ${staged ? 'workgroupBarrier();' : ''}
  }`;

  // One pass: m is the row's reference maximum (the same in both lanes of a row), l this lane's
  // share of Σ exp(s − m), and the accumulators hold Σ exp(s − m)·keep·v with keep ∈ {0, 1} (the
  // dropout scale is applied at the end, so P stays ≤ e^RESCALE_MARGIN whatever p is). A tile whose
  // scores exceed some row's m by more than the margin raises m for every row of the workgroup
  // (a uniform decision: the rescale needs barriers) and multiplies l and the accumulators by
  // alpha = exp(m_old − m_new). At the end L = m + log l and O = keep_scale·acc / l.
  const keep = dropout ? ' * select(0.0, 1.0, drop_at(drop_row_g, j) > 0.0)' : '';
  const onePassBody = () => `var m = NEG_BIG;
  var l = 0.0;
  ${oAccs.join('\n  ')}
  for (var j0 = 0u; j0 < key_end; j0 += ${bc}u) {
    ${
      staged
        ? `${copyTile('k', db)}
    ${copyTile('v', dvb)}
    workgroupBarrier();`
        : ''
    }
    ${scores()}
    workgroupBarrier();
    var tmax = NEG_BIG;
    for (var c = 0u; c < ${span}u; c++) {
      let col = part * ${span}u + c;
      if (allowed(m_base, limit, row, j0 + col)) { tmax = max(tmax, ${readS(`${sBase} + lr * ${ss}u + col`)}); }
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
        let p = exp(${readS(`${sBase} + lr * ${ss}u + col`)} - m);
        l += p;
        pz = p${keep};
      }
      ${storeP}
    }
    if (raise != 0u) {
      ${rescaleO.join('\n      ')}
    }
    workgroupBarrier();
    // Every invocation has read the flag (before the barrier above); the next tile sets it after two more.
    if (lid == 0u) { atomicStore(&raise_flag[0], 0u); }
    ${pv()}
    ${staged ? 'workgroupBarrier();' : ''}
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
${separate ? `var<workgroup> s_x: array<f32, ${subgroups * R * ss}>;` : ''}
${parts.map((p) => `var<workgroup> p_${p}: array<${elem}, ${subgroups * R * ps}>;`).join('\n')}
${lpr === 2 ? `var<workgroup> stat_s: array<vec2<f32>, ${subgroups * SUBGROUP}>;` : ''}
${
  onePass && lpr === 2
    ? `// Called in uniform control flow only.
fn pair_other(x: f32, lid: u32) -> f32 {
  workgroupBarrier();
  stat_s[lid] = vec2<f32>(x, 0.0);
  workgroupBarrier();
  return stat_s[lid ^ 1u].x;
}`
    : ''
}
${staged ? tileArrays.flatMap(([t, width]) => parts.map((p) => `var<workgroup> ${t}_${p}: array<${elem}, ${bc * (width + 8)}>;`)).join('\n') : ''}
${
  onePass
    ? `// Four words, not one: on an H100 (driver 580.159) a 4-byte workgroup variable here left the
// staged k and v tiles misaligned for the subgroup-matrix loads, which then read the first two
// halves of every row wrong. Every workgroup array of these kernels is a multiple of 16 bytes.
var<workgroup> raise_flag: array<atomic<u32>, 4>;`
    : ''
}

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

  ${onePass ? onePassBody() : twoPass()}
  ${storeO.join('\n  ')}
}`,
    ),
  );
  return steps;
}
