import { ceilDiv, WGSL_FLOAT_BITS, type WgslKernel } from '../kernel-api.js';
import { WGSL_ATTENTION_DROPOUT } from './attention-dropout.js';
import { flashBuilder, flashGeometry, ROWS, tileRows, WGSL_FLASH_ALLOWED } from './flash-attention-common.js';

/** Keys whose scores are computed before one rescale of the running sums (a register array). */
const SUB = 16;

/**
 * Flash attention forward. A workgroup owns 64 query rows of one (b, h), one row per invocation,
 * with scale·q and the output accumulator in registers (head sizes padded with zeros to 16 … 256).
 * Key and value tiles of `bc` rows are staged in workgroup memory; for each 16 keys the invocation
 * computes the scores, takes their max m′, rescales its running Σ exp and accumulator by
 * exp(m − m′) and adds exp(s − m′)·z·v — stages 1 and 2 of the method fused by the online rescaling
 * (FlashAttention-2). At the end o = acc / l and L = m + log l; a row with no allowed key writes
 * o = 0 and L = −Inf. Causal rows skip the key tiles past their last allowed key.
 */
export const flashAttentionKernel: WgslKernel<'flashAttention'> = (call) => {
  const g = flashGeometry(call);
  if (g.B * g.H * g.Tq === 0) return [];
  const bc = tileRows(call.device, 4 * (g.db + g.dvb));
  const b = flashBuilder(call, 'flashAttention', g, [`bc${bc}`]);
  b.input('q', call.inputs[0]!);
  b.input('k', call.inputs[1]!);
  b.input('v', call.inputs[2]!);
  b.input('mask', call.inputs[3]!);
  b.output('o', call.outputs[0]!);
  b.output('lse', call.outputs[1]!);
  const qTiles = ceilDiv(g.Tq, ROWS);
  // Loop bounds as uniforms (equal to the constants the arrays are sized by): a constant trip count
  // makes compilers unroll the nested key loops, which took SwiftShader seconds per pipeline.
  b.u32('q_tiles', qTiles).u32('tile', bc).u32('sub', SUB);
  const { db, dvb, dropout } = g;
  return b.build(g.B * g.H * qTiles, (decls) => `${decls}
${WGSL_FLOAT_BITS}
${dropout ? WGSL_ATTENTION_DROPOUT : ''}
${WGSL_FLASH_ALLOWED}
var<workgroup> k_tile: array<f32, ${bc * db}>;
var<workgroup> v_tile: array<f32, ${bc * dvb}>;

@compute @workgroup_size(${ROWS})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (wg % u.q_tiles) * ${ROWS}u;
  let i = i0 + lid;
  let valid = i < u.tq;
  // Keys past the last one any row of this tile may see are never loaded.
  let key_end = last_key(min(u.tq, i0 + ${ROWS}u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;

  var qr: array<f32, ${db}>;
  var acc: array<f32, ${dvb}>;
  if (valid) {
    for (var c = 0u; c < u.d; c++) { qr[c] = u.scale * q_get((bh * u.tq + i) * u.d + c); }
  }
  var m = NEG_BIG;
  var l = 0.0;
  ${dropout ? 'var drop = drop_row(drop_global_row(bh, i));' : ''}

  for (var j0 = 0u; j0 < key_end; j0 += ${bc}u) {
    for (var e = lid; e < ${bc * db}u; e += ${ROWS}u) {
      let j = j0 + e / ${db}u;
      let c = e % ${db}u;
      var x = 0.0;
      if (j < u.tk && c < u.d) { x = k_get(k_base + j * u.d + c); }
      k_tile[e] = x;
    }
    for (var e = lid; e < ${bc * dvb}u; e += ${ROWS}u) {
      let j = j0 + e / ${dvb}u;
      let c = e % ${dvb}u;
      var x = 0.0;
      if (j < u.tk && c < u.dv) { x = v_get(v_base + j * u.dv + c); }
      v_tile[e] = x;
    }
    workgroupBarrier();
    if (valid) {
      for (var s0 = 0u; s0 < u.tile; s0 += u.sub) {
        var s: array<f32, ${SUB}>;
        var live = 0u;
        var block_max = NEG_BIG;
        for (var jj = 0u; jj < u.sub; jj++) {
          let j = j0 + s0 + jj;
          if (!allowed(bh, i, j)) { continue; }
          var dot = 0.0;
          for (var c = 0u; c < ${db}u; c++) { dot += qr[c] * k_tile[(s0 + jj) * ${db}u + c]; }
          s[jj] = dot;
          live |= 1u << jj;
          block_max = max(block_max, dot);
        }
        if (live == 0u) { continue; }
        let m_new = max(m, block_max);
        // exp(m − m′) rescales what was summed against the old max (nothing yet while m is NEG_BIG).
        let correction = select(exp(m - m_new), 0.0, m == NEG_BIG);
        l *= correction;
        for (var c = 0u; c < ${dvb}u; c++) { acc[c] *= correction; }
        m = m_new;
        for (var jj = 0u; jj < u.sub; jj++) {
          if ((live & (1u << jj)) == 0u) { continue; }
          let p = exp(s[jj] - m);
          l += p;
          let w = p${dropout ? ' * drop_scale(&drop, j0 + s0 + jj)' : ''};
          for (var c = 0u; c < ${dvb}u; c++) { acc[c] += w * v_tile[(s0 + jj) * ${dvb}u + c]; }
        }
      }
    }
    workgroupBarrier();
  }

  if (valid) {
    let row = bh * u.tq + i;
    let has_keys = l > 0.0;
    let inv = select(0.0, 1.0 / l, has_keys);
    for (var c = 0u; c < u.dv; c++) { o_set(row * u.dv + c, acc[c] * inv); }
    lse_set(row, select(-f32_inf(), m + log(l), has_keys));
  }
}`);
};
