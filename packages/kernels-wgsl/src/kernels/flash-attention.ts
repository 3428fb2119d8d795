import { ceilDiv, WGSL_FLOAT_BITS, type WgslKernel } from '../kernel-api.js';
import { WGSL_ATTENTION_DROPOUT } from './attention-dropout.js';
import { flashAllowedWgsl, flashBuilder, flashGeometry, loadRowWgsl, ROWS, stageRowsWgsl, storeRowWgsl, tileRows, WGSL_FLASH_COMMON } from './flash-attention-common.js';

/** Keys whose scores are computed before one rescale of the running sums (a register array); at most the tile. */
const SUB = 16;

/**
 * Flash attention forward. A workgroup owns 64 query rows of one (b, h), one row per invocation,
 * with scale·q and the output accumulator in registers as vec4s (head sizes padded with zeros to
 * 16 … 256). Key and value tiles of `bc` rows are staged in workgroup memory as vec4s; for each 16
 * keys the invocation computes the scores, takes their max m′, rescales its running Σ exp and
 * accumulator by exp(m − m′) and adds exp(s − m′)·z·v — stages 1 and 2 of the method fused by the
 * online rescaling (FlashAttention-2). At the end o = acc / l and L = m + log l; a row with no
 * allowed key writes o = 0 and L = −Inf. Causal rows skip the key tiles past their last allowed key.
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
  // Loop bounds over keys as uniforms (equal to the constants the arrays are sized by): a constant
  // trip count makes compilers unroll the nested key loops, which cost SwiftShader seconds per pipeline.
  b.u32('q_tiles', qTiles).u32('tile', bc).u32('sub', Math.min(SUB, bc));
  const { db, dvb, dropout } = g;
  const [d4, dv4] = [db / 4, dvb / 4];
  return b.build(g.B * g.H * qTiles, (decls) => `${decls}
${WGSL_FLOAT_BITS}
${dropout ? WGSL_ATTENTION_DROPOUT : ''}
${WGSL_FLASH_COMMON}
${flashAllowedWgsl(g.maskScalar)}
var<workgroup> k_tile: array<vec4<f32>, ${bc * d4}>;
var<workgroup> v_tile: array<vec4<f32>, ${bc * dv4}>;

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
  let row = bh * u.tq + i;
  let m_base = mask_base(bh);
  let limit = last_key(i);

  var qr: array<vec4<f32>, ${d4}>;
  var acc: array<vec4<f32>, ${dv4}>;
  if (valid) {
    ${loadRowWgsl('qr', 'q', 'row * u.d', 'u.d', db, 'u.scale')}
  }
  var m = NEG_BIG;
  var l = 0.0;
  ${dropout ? 'var drop = drop_row(drop_global_row(bh, i));' : ''}

  for (var j0 = 0u; j0 < key_end; j0 += u.tile) {
    ${stageRowsWgsl({ tile: 'k_tile', src: 'k', base: 'k_base', r0: 'j0', n: 'u.tk', width: 'u.d', rows: bc, bucket: db })}
    ${stageRowsWgsl({ tile: 'v_tile', src: 'v', base: 'v_base', r0: 'j0', n: 'u.tk', width: 'u.dv', rows: bc, bucket: dvb })}
    workgroupBarrier();
    if (valid) {
      for (var s0 = 0u; s0 < u.tile; s0 += u.sub) {
        var s: array<f32, ${SUB}>;
        var live = 0u;
        var block_max = NEG_BIG;
        for (var jj = 0u; jj < u.sub; jj++) {
          if (!allowed(m_base, limit, i, j0 + s0 + jj)) { continue; }
          let kt = (s0 + jj) * ${d4}u;
          var score = 0.0;
          for (var c = 0u; c < ${d4}u; c++) { score += dot(qr[c], k_tile[kt + c]); }
          s[jj] = score;
          live |= 1u << jj;
          block_max = max(block_max, score);
        }
        if (live == 0u) { continue; }
        let m_new = max(m, block_max);
        // exp(m − m′) rescales what was summed against the old max (nothing yet while m is NEG_BIG).
        let correction = select(exp(m - m_new), 0.0, m == NEG_BIG);
        l *= correction;
        for (var c = 0u; c < ${dv4}u; c++) { acc[c] *= correction; }
        m = m_new;
        for (var jj = 0u; jj < u.sub; jj++) {
          if ((live & (1u << jj)) == 0u) { continue; }
          let p = exp(s[jj] - m);
          l += p;
          let w = p${dropout ? ' * drop_scale(&drop, j0 + s0 + jj)' : ''};
          let vt = (s0 + jj) * ${dv4}u;
          for (var c = 0u; c < ${dv4}u; c++) { acc[c] += w * v_tile[vt + c]; }
        }
      }
    }
    workgroupBarrier();
  }

  if (valid) {
    let has_keys = l > 0.0;
    let inv = select(0.0, 1.0 / l, has_keys);
    ${storeRowWgsl('o', 'acc', 'row * u.dv', 'u.dv', dvb, 'inv')}
    lse_set(row, select(-f32_inf(), m + log(l), has_keys));
  }
}`);
};
