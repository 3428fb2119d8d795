import { DeviceError } from '@lightattn/tensor-core';
import { ceilDiv, WGSL_FLOAT_BITS, type KernelCall, type KernelDeviceInfo, type KernelDispatch } from '../../src/kernel-api.js';
import { WGSL_ATTENTION_DROPOUT } from '../../src/kernels/wgsl/attention-dropout.js';
import { flashAllowedWgsl, flashBuilder, flashFlops, flashGeometry, WGSL_DROP_AT, WGSL_FLASH_COMMON } from '../../src/kernels/flash/common.js';
import { MatrixEmitter, MMA, SUBGROUP, type MatrixOperand } from '../../src/kernels/wgsl/subgroup-matrix.js';
import { queryBlockStartWgsl } from '../../src/kernels/flash/common.js';
import { TENSOR_CORE_MAX_HEAD, TENSOR_CORE_RANGE_MESSAGE } from '../../src/kernels/flash/tensor-core-parts.js';

/**
 * Flash attention forward on tensor cores (subgroup matrices, see subgroup-matrix.ts), in the
 * issue's two stages, which need no rescaling of the output accumulators (subgroup matrices cannot
 * be scaled row by row):
 *   stage 1  L_i = log Σ_j exp(s_ij) over the key tiles (a running max and sum per row);
 *   stage 2  O_i = Σ_j exp(s_ij − L_i)·z_ij·v_j, the accumulators never rescaled.
 * The scores are taken twice (3 products of T²·D/2 instead of 2); on tensor cores the products are
 * cheap and the per-score exp and staging are what cost.
 *
 * A workgroup is `subgroups` subgroups of 32; each owns 16 query rows (br = 16·subgroups) and walks
 * the keys in tiles of `bc`. Per tile: stage k (f32 → f16 hi/lo), S = (scale·q)·kᵀ per subgroup into
 * its slice of workgroup memory, then each pair of lanes handles one row (half the tile each).
 * Stage 2 writes P = exp(s − L)·z as hi/lo, stages v in k's place and accumulates P·v.
 *
 * A lab variant, not selected by any device: slower than the f32 kernel (src/kernels/flash/forward.ts)
 * on an H100, with split operands as accurate as it (docs/benchmarks.md, "Tensor cores through
 * WebGPU"). Its tests run it emulated (subgroup-matrix.ts); tensor-cores-forward-bench.ts runs it
 * for real. Keeps `TENSOR_CORE_MAX_HEAD` and `queryBlockStartWgsl` re-exported for the lab forms.
 */

export interface TensorCoreTile {
  readonly subgroups: number;
  /** Keys per tile (a multiple of 16). */
  readonly bc: number;
}

export interface TensorCoreOptions extends TensorCoreTile {
  readonly emulate: boolean;
  readonly split: boolean;
}

/** Workgroup bytes of the forward with this tile. */
export function tensorCoreForwardBytes(t: TensorCoreTile, db: number, dvb: number, elemBytes: number, split: boolean): number {
  const parts = split ? 2 : 1;
  const br = MMA * t.subgroups;
  const q = br * db * elemBytes * parts;
  const kv = t.bc * Math.max(db, dvb) * elemBytes * parts;
  const s = t.subgroups * MMA * (t.bc + 4) * 4;
  const p = t.subgroups * MMA * (t.bc + 8) * elemBytes * parts;
  const stat = t.subgroups * SUBGROUP * 8;
  return q + kv + s + p + stat;
}

/** The largest tile that fits the device: 4 subgroups (64 rows) and 32 keys where they fit. */
export function selectTensorCoreTile(db: number, dvb: number, elemBytes: number, split: boolean, info: KernelDeviceInfo): TensorCoreTile {
  for (const t of [
    { subgroups: 4, bc: 32 },
    { subgroups: 2, bc: 32 },
    { subgroups: 2, bc: 16 },
    { subgroups: 1, bc: 16 },
  ]) {
    if (
      SUBGROUP * t.subgroups <= info.limits.maxComputeInvocationsPerWorkgroup &&
      tensorCoreForwardBytes(t, db, dvb, elemBytes, split) <= info.limits.maxComputeWorkgroupStorageSize
    )
      return t;
  }
  throw new DeviceError(`flashAttention (tensor cores): head sizes ${db}/${dvb} do not fit this device's workgroup memory`);
}

/** WGSL staging `rows` rows of a [.., width] f32 tensor into hi (and lo) arrays of row stride `w`, zero-padded, with an f16 range check. */
function stageRows(
  e: MatrixEmitter,
  o: { dst: string; src: string; base: string; r0: string; n: string; width: string; w: number; rows: number; threads: number; scale?: string },
): string {
  const x = `${o.src}_get(${o.base} + (${o.r0} + sr) * ${o.width} + sc)${o.scale ? ` * ${o.scale}` : ''}`;
  return `for (var se = lid; se < ${o.rows * o.w}u; se += ${o.threads}u) {
    let sr = se / ${o.w}u;
    let sc = se % ${o.w}u;
    var sx = 0.0;
    if (${o.r0} + sr < ${o.n} && sc < ${o.width}) { sx = ${x}; }
    if (abs(sx) >= 65504.0) { report_error(bitcast<u32>(sx)); }
    let sh = stage_hi(sx);
    ${o.dst}_hi[se] = sh;
    ${e.split ? `${o.dst}_lo[se] = stage_lo(sx, sh);` : ''}
  }`;
}

/**
 * WGSL folding this invocation's `span` scores of the tile at j0 (`read` of `rowAt` + key, keys
 * `lane`·span …) into its running max m and sum l = Σ exp(s − m): the online log-sum-exp of stage 1.
 * Needs m, l, j0, m_base, limit and row in scope.
 */
export function tileRowStatsWgsl(rowAt: string, lane: string, span: number, read = (at: string) => `s_s[${at}]`): string {
  const at = read(`${rowAt} + ${lane} * ${span}u + c`);
  return `var tmax = NEG_BIG;
    for (var c = 0u; c < ${span}u; c++) {
      if (allowed(m_base, limit, row, j0 + ${lane} * ${span}u + c)) { tmax = max(tmax, ${at}); }
    }
    if (tmax > NEG_BIG) {
      let m_new = max(m, tmax);
      var sum = 0.0;
      for (var c = 0u; c < ${span}u; c++) {
        if (allowed(m_base, limit, row, j0 + ${lane} * ${span}u + c)) { sum += exp(${at} - m_new); }
      }
      l = l * exp(m - m_new) + sum;
      m = m_new;
    }`;
}

export function flashAttentionTensorCoreDispatch(call: KernelCall<'flashAttention'>, o: TensorCoreOptions): KernelDispatch | [] {
  const g = flashGeometry(call);
  if (g.B * g.H * g.Tq === 0) return [];
  if (Math.max(g.db, g.dvb) > TENSOR_CORE_MAX_HEAD)
    throw new DeviceError(`flashAttention (tensor cores): head sizes over ${TENSOR_CORE_MAX_HEAD} use the f32 kernels`);
  const e = new MatrixEmitter(o.emulate, o.split);
  const { subgroups, bc } = o;
  const br = MMA * subgroups;
  const threads = SUBGROUP * subgroups;
  if (tensorCoreForwardBytes(o, g.db, g.dvb, e.elemBytes, o.split) > call.device.limits.maxComputeWorkgroupStorageSize) {
    throw new DeviceError(`flashAttention (tensor cores): tile ${JSON.stringify(o)} does not fit this device's workgroup memory`);
  }
  // S = q·kᵀ in both stages and O = P·v.
  const b = flashBuilder(call, 'flashAttentionTC', g, [
    o.emulate ? 'emulated' : 'subgroup-matrix',
    o.split ? 'split' : 'f16',
    `sg${subgroups}`,
    `bc${bc}`,
  ]).expectFlops(flashFlops(call, g, [g.D, g.D, g.Dv]));
  b.input('q', call.inputs[0]!);
  b.input('k', call.inputs[1]!);
  b.input('v', call.inputs[2]!);
  b.input('mask', call.inputs[3]!);
  b.output('o', call.outputs[0]!);
  b.output('lse', call.outputs[1]!);
  b.errors(TENSOR_CORE_RANGE_MESSAGE);
  const qTiles = ceilDiv(g.Tq, br);
  b.u32('q_tiles', qTiles);
  const { db, dvb, dropout } = g;
  const kvw = Math.max(db, dvb);
  const parts = o.split ? ['hi', 'lo'] : ['hi'];
  const decl = (name: string, n: number) => parts.map((p) => `var<workgroup> ${name}_${p}: array<${e.elem}, ${n}>;`).join('\n');

  // S (f32) and P (f16) tiles of this subgroup: 16 rows × bc keys. Their row strides are padded
  // (bc + 4 floats, bc + 8 halves: 16-byte multiples, as subgroup-matrix strides must be) so the
  // 16 rows a subgroup's lanes read at once fall in different banks rather than one.
  const ss = bc + 4;
  const ps = bc + 8;
  const sBase = `sid * ${MMA * ss}u`;
  const pBase = `sid * ${MMA * ps}u`;
  const scores = (): string => {
    const lines: string[] = [];
    for (let n = 0; n < bc / MMA; n++) {
      lines.push(e.zeroAcc('acc_s'));
      lines.push(
        e.product(
          'acc_s',
          db / MMA,
          (part, kk): MatrixOperand => ({ array: `q_${part}`, offset: `(sid * ${MMA}u) * ${db}u + ${kk * MMA}u`, colMajor: false, stride: db }),
          // kᵀ: element (d, j) is k row j, column d: column-major with stride db.
          (part, kk): MatrixOperand => ({ array: `kv_${part}`, offset: `${n * MMA * db + kk * MMA}u`, colMajor: true, stride: db }),
        ),
      );
      lines.push(e.store('acc_s', 's_s', `${sBase} + ${n * MMA}u`, ss));
    }
    return lines.join('\n    ');
  };
  const pv = (): string => {
    const lines: string[] = [];
    for (let n = 0; n < dvb / MMA; n++) {
      lines.push(
        e.product(
          `acc_o${n}`,
          bc / MMA,
          (part, kk): MatrixOperand => ({ array: `p_${part}`, offset: `${pBase} + ${kk * MMA}u`, colMajor: false, stride: ps }),
          (part, kk): MatrixOperand => ({ array: `kv_${part}`, offset: `${kk * MMA * dvb + n * MMA}u`, colMajor: false, stride: dvb }),
        ),
      );
    }
    return lines.join('\n    ');
  };
  const storeO: string[] = [];
  for (let n = 0; n < dvb / MMA; n++) {
    storeO.push(
      `workgroupBarrier();`,
      e.store(`acc_o${n}`, 's_s', sBase, ss),
      `workgroupBarrier();`,
      `if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = ${n * MMA}u + half * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[${sBase} + lr * ${ss}u + half * 8u + c]); } } }`,
    );
  }
  const half = bc / 2;
  const z = dropout ? ' * drop_at(drop_row_g, j)' : '';
  const kStage = stageRows(e, { dst: 'kv', src: 'k', base: 'k_base', r0: 'j0', n: 'u.tk', width: 'u.d', w: db, rows: bc, threads });
  const vStage = stageRows(e, { dst: 'kv', src: 'v', base: 'v_base', r0: 'j0', n: 'u.tk', width: 'u.dv', w: dvb, rows: bc, threads });

  return b.build(
    g.B * g.H * qTiles,
    (decls) => `${e.enables()}${decls}
${WGSL_FLOAT_BITS}
${dropout ? WGSL_ATTENTION_DROPOUT + WGSL_DROP_AT : ''}
${WGSL_FLASH_COMMON}
${flashAllowedWgsl(g.maskScalar)}
${e.helpers()}
${decl('q', br * db)}
${decl('kv', bc * kvw)}
${decl('p', subgroups * MMA * ps)}
var<workgroup> s_s: array<f32, ${subgroups * MMA * ss}>;
var<workgroup> stat_s: array<vec2<f32>, ${subgroups * SUBGROUP}>;

@compute @workgroup_size(${threads})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32${e.entryParams()}) {
  ${e.prelude()}
  ${queryBlockStartWgsl(br)}
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  ${stageRows(e, { dst: 'q', src: 'q', base: 'bh * u.tq * u.d', r0: 'i0', n: 'u.tq', width: 'u.d', w: db, rows: br, threads, scale: 'u.scale' })}
  // This invocation's row (a pair of lanes per row, each half the key tile).
  let lane = lid % ${SUBGROUP}u;
  let lr = lane / 2u;
  let half = lane % 2u;
  let row = i0 + sid * ${MMA}u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  ${dropout ? 'let drop_row_g = drop_global_row(bh, row);' : ''}
  ${e.declareAcc('acc_s')}

  // Stage 1: the running max m and Σ exp(s − m) of this lane's half of each tile.
  var m = NEG_BIG;
  var l = 0.0;
  for (var j0 = 0u; j0 < key_end; j0 += ${bc}u) {
    workgroupBarrier();
    ${kStage}
    workgroupBarrier();
    ${scores()}
    workgroupBarrier();
    ${tileRowStatsWgsl(`${sBase} + lr * ${ss}u`, 'half', half)}
  }
  // Combine the two halves of each row: L = M + log(l·e^(m−M) + l′·e^(m′−M)).
  stat_s[lid] = vec2<f32>(m, l);
  workgroupBarrier();
  let other = stat_s[lid ^ 1u];
  let mm = max(m, other.x);
  let ll = l * exp(m - mm) + other.y * exp(other.x - mm);
  let lse_row = select(-f32_inf(), mm + log(ll), ll > 0.0);
  if (half == 0u && row < u.tq) { lse_set(bh * u.tq + row, lse_row); }

  // Stage 2: O = Σ exp(s − L)·z·v.
  ${Array.from({ length: dvb / MMA }, (_, n) => e.declareAcc(`acc_o${n}`)).join('\n  ')}
  for (var j0 = 0u; j0 < key_end; j0 += ${bc}u) {
    workgroupBarrier();
    ${kStage}
    workgroupBarrier();
    ${scores()}
    workgroupBarrier();
    for (var c = 0u; c < ${half}u; c++) {
      let j = j0 + half * ${half}u + c;
      let col = half * ${half}u + c;
      var pz = 0.0;
      if (allowed(m_base, limit, row, j)) { pz = exp(s_s[${sBase} + lr * ${ss}u + col] - lse_row)${z}; }
      let ph = stage_hi(pz);
      p_hi[${pBase} + lr * ${ps}u + col] = ph;
      ${o.split ? `p_lo[${pBase} + lr * ${ps}u + col] = stage_lo(pz, ph);` : ''}
    }
    ${vStage}
    workgroupBarrier();
    ${pv()}
  }
  ${storeO.join('\n  ')}
}`,
  );
}

export { queryBlockStartWgsl, TENSOR_CORE_MAX_HEAD };
