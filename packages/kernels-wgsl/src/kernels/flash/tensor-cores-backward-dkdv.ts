import { ceilDiv, type KernelDispatch } from '../../kernel-api.js';
import { MMA, SUBGROUP, type MatrixEmitter } from '../wgsl/subgroup-matrix.js';
import { flashFlops, type FlashGeometry } from './common.js';
import { copyTileWgsl, TENSOR_CORE_GRADIENT_RANGE_MESSAGE, type StageCopy } from './tensor-core-parts.js';
import { builder, emitters, header, ROWS, type Call, type TensorCoreBackwardOptions } from './tensor-cores-backward-parts.js';

/** dK and dV of the tensor-core backward (see tensor-cores-backward.ts): a workgroup per block of key rows, walking the query tiles. */
export function dkdvStep(
  call: Call,
  g: FlashGeometry,
  e: MatrixEmitter,
  o: TensorCoreBackwardOptions,
  copies: StageCopy[],
  tqp: number,
  tkp: number,
): KernelDispatch {
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
  return b.build(
    g.B * g.H * kTiles,
    (decls) => `${header(e, g, decls)}
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
}`,
  );
}
