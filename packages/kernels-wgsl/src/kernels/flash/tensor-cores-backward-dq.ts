import { ceilDiv, type KernelDispatch } from '../../kernel-api.js';
import { MMA, SUBGROUP, type MatrixEmitter } from '../wgsl/subgroup-matrix.js';
import { flashFlops, queryBlockStartWgsl, type FlashGeometry } from './common.js';
import { copyTileWgsl, TENSOR_CORE_GRADIENT_RANGE_MESSAGE, type StageCopy } from './tensor-core-parts.js';
import { builder, emitters, header, ROWS, type Call, type TensorCoreBackwardOptions } from './tensor-cores-backward-parts.js';

/** dQ of the tensor-core backward (see tensor-cores-backward.ts): a workgroup per block of query rows, walking the key tiles. */
export function dqStep(
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
  return b.build(
    g.B * g.H * qTiles,
    (decls) => `${header(e, g, decls)}
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
}`,
  );
}
