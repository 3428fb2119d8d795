import { ceilDiv, type KernelDispatch, type WgslKernel } from '../kernel-api.js';
import { WGSL_ATTENTION_DROPOUT } from './attention-dropout.js';
import { flashAllowedWgsl, flashBuilder, flashGeometry, loadRowWgsl, ROWS, stageRowsWgsl, storeRowWgsl, tileRows, WGSL_FLASH_COMMON, type FlashGeometry } from './flash-attention-common.js';

type Call = Parameters<WgslKernel<'flashAttentionBackward'>>[0];

/**
 * Flash attention backward from the saved L alone, in three dispatches (no atomics):
 *   1. D_i = Σ_c dO_ic·O_ic per query row, into a scratch buffer;
 *   2. dQ: one query row per invocation (as the forward), key/value tiles staged in workgroup memory:
 *      P = exp(s − L), dS = P ⊙ (z·dO·vᵀ − D), dQ = scale·Σ_j dS_ij k_j;
 *   3. dK, dV: one key row per invocation, query tiles (scale·q, dO, L, D) staged:
 *      dV_j = Σ_i P_ij z_ij dO_i, dK_j = Σ_i dS_ij·(scale·q_i).
 * Scores are recomputed in both 2 and 3 — the price of keeping no [Tq, Tk] tensor.
 */
export const flashAttentionBackwardKernel: WgslKernel<'flashAttentionBackward'> = (call) => {
  const g = flashGeometry(call);
  const steps: KernelDispatch[] = [];
  const rowsTotal = g.B * g.H * g.Tq;
  if (rowsTotal > 0) steps.push(deltaStep(call, g), dqStep(call, g));
  if (g.B * g.H * g.Tk > 0) steps.push(dkdvStep(call, g));
  return steps;
};

/** Binds the inputs the step reads, by name (q, k, v, mask, o, lse, g as inputs 0 … 6). */
function bind(b: ReturnType<typeof flashBuilder>, call: Call, names: readonly string[]): void {
  const order = ['q', 'k', 'v', 'mask', 'o', 'lse', 'g'];
  for (const name of names) b.input(name, call.inputs[order.indexOf(name)]!);
}

function deltaStep(call: Call, g: FlashGeometry): KernelDispatch {
  const b = flashBuilder(call, 'flashAttentionBackward-delta', g, []);
  bind(b, call, ['o', 'g']);
  const n = g.B * g.H * g.Tq;
  b.scratch('delta', 'f32', n);
  b.u32('n', n);
  return b.build(ceilDiv(n, ROWS), (decls) => `${decls}
@compute @workgroup_size(${ROWS})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = linear_workgroup(wid, nwg) * ${ROWS}u + lid;
  if (row >= u.n) { return; }
  var sum = 0.0;
  for (var c = 0u; c < u.dv; c++) { sum += g_get(row * u.dv + c) * o_get(row * u.dv + c); }
  delta_set(row, sum);
}`);
}

function dqStep(call: Call, g: FlashGeometry): KernelDispatch {
  const bc = tileRows(call.device, 4 * (g.db + g.dvb));
  const b = flashBuilder(call, 'flashAttentionBackward-dq', g, [`bc${bc}`]);
  bind(b, call, ['q', 'k', 'v', 'mask', 'lse', 'g']);
  b.scratch('delta', 'f32', g.B * g.H * g.Tq);
  b.output('dq', call.outputs[0]!);
  const qTiles = ceilDiv(g.Tq, ROWS);
  b.u32('q_tiles', qTiles).u32('tile', bc); // a uniform trip count: see flash-attention.ts
  const { db, dvb, dropout } = g;
  const [d4, dv4] = [db / 4, dvb / 4];
  return b.build(g.B * g.H * qTiles, (decls) => `${decls}
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
  let key_end = last_key(min(u.tq, i0 + ${ROWS}u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let row = bh * u.tq + i;
  let m_base = mask_base(bh);
  let limit = last_key(i);

  var qr: array<vec4<f32>, ${d4}>;
  var gr: array<vec4<f32>, ${dv4}>;
  var dq_acc: array<vec4<f32>, ${d4}>;
  var L = 0.0;
  var D = 0.0;
  if (valid) {
    ${loadRowWgsl('qr', 'q', 'row * u.d', 'u.d', db, 'u.scale')}
    ${loadRowWgsl('gr', 'g', 'row * u.dv', 'u.dv', dvb)}
    L = lse_get(row);
    D = delta_get(row);
  }
  ${dropout ? 'var drop = drop_row(drop_global_row(bh, i));' : ''}

  for (var j0 = 0u; j0 < key_end; j0 += u.tile) {
    ${stageRowsWgsl({ tile: 'k_tile', src: 'k', base: 'k_base', r0: 'j0', n: 'u.tk', width: 'u.d', rows: bc, bucket: db })}
    ${stageRowsWgsl({ tile: 'v_tile', src: 'v', base: 'v_base', r0: 'j0', n: 'u.tk', width: 'u.dv', rows: bc, bucket: dvb })}
    workgroupBarrier();
    if (valid) {
      for (var jj = 0u; jj < u.tile; jj++) {
        let j = j0 + jj;
        if (!allowed(m_base, limit, i, j)) { continue; }
        var s = 0.0;
        for (var c = 0u; c < ${d4}u; c++) { s += dot(qr[c], k_tile[jj * ${d4}u + c]); }
        var dp = 0.0;
        for (var c = 0u; c < ${dv4}u; c++) { dp += dot(gr[c], v_tile[jj * ${dv4}u + c]); }
        let p = exp(s - L);
        let ds = p * (dp${dropout ? ' * drop_scale(&drop, j)' : ''} - D);
        for (var c = 0u; c < ${d4}u; c++) { dq_acc[c] += ds * k_tile[jj * ${d4}u + c]; }
      }
    }
    workgroupBarrier();
  }
  if (valid) {
    ${storeRowWgsl('dq', 'dq_acc', 'row * u.d', 'u.d', db, 'u.scale')}
  }
}`);
}

function dkdvStep(call: Call, g: FlashGeometry): KernelDispatch {
  const br = tileRows(call.device, 4 * (g.db + g.dvb + 2));
  const b = flashBuilder(call, 'flashAttentionBackward-dkdv', g, [`br${br}`]);
  bind(b, call, ['q', 'k', 'v', 'mask', 'lse', 'g']);
  b.scratch('delta', 'f32', g.B * g.H * g.Tq);
  b.output('dk', call.outputs[1]!);
  b.output('dv', call.outputs[2]!);
  const kTiles = ceilDiv(g.Tk, ROWS);
  b.u32('k_tiles', kTiles).u32('tile', br);
  const { db, dvb, dropout } = g;
  const [d4, dv4] = [db / 4, dvb / 4];
  return b.build(g.B * g.H * kTiles, (decls) => `${decls}
${dropout ? WGSL_ATTENTION_DROPOUT : ''}
${WGSL_FLASH_COMMON}
${flashAllowedWgsl(g.maskScalar)}
var<workgroup> q_tile: array<vec4<f32>, ${br * d4}>;
var<workgroup> g_tile: array<vec4<f32>, ${br * dv4}>;
var<workgroup> l_tile: array<f32, ${br}>;
var<workgroup> d_tile: array<f32, ${br}>;

@compute @workgroup_size(${ROWS})
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * ${ROWS}u;
  let j = j0 + lid;
  let valid = j < u.tk;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see no key here.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / u.tile) * u.tile;
  let k_row = bh * u.tk + j;
  let m_base = mask_base(bh);
  let q_base = bh * u.tq * u.d;
  let g_base = bh * u.tq * u.dv;

  var kr: array<vec4<f32>, ${d4}>;
  var vr: array<vec4<f32>, ${dv4}>;
  var dk_acc: array<vec4<f32>, ${d4}>;
  var dv_acc: array<vec4<f32>, ${dv4}>;
  if (valid) {
    ${loadRowWgsl('kr', 'k', 'k_row * u.d', 'u.d', db)}
    ${loadRowWgsl('vr', 'v', 'k_row * u.dv', 'u.dv', dvb)}
  }

  for (var i0 = first; i0 < u.tq; i0 += u.tile) {
    ${stageRowsWgsl({ tile: 'q_tile', src: 'q', base: 'q_base', r0: 'i0', n: 'u.tq', width: 'u.d', rows: br, bucket: db, scale: 'u.scale' })}
    ${stageRowsWgsl({ tile: 'g_tile', src: 'g', base: 'g_base', r0: 'i0', n: 'u.tq', width: 'u.dv', rows: br, bucket: dvb })}
    for (var e = lid; e < ${br}u; e += ${ROWS}u) {
      let i = i0 + e;
      var lv = 0.0;
      var dd = 0.0;
      if (i < u.tq) {
        lv = lse_get(bh * u.tq + i);
        dd = delta_get(bh * u.tq + i);
      }
      l_tile[e] = lv;
      d_tile[e] = dd;
    }
    workgroupBarrier();
    if (valid) {
      for (var ii = 0u; ii < u.tile; ii++) {
        let i = i0 + ii;
        if (i >= u.tq || !allowed(m_base, last_key(i), i, j)) { continue; }
        var s = 0.0;
        for (var c = 0u; c < ${d4}u; c++) { s += dot(q_tile[ii * ${d4}u + c], kr[c]); }
        var dp = 0.0;
        for (var c = 0u; c < ${dv4}u; c++) { dp += dot(g_tile[ii * ${dv4}u + c], vr[c]); }
        let p = exp(s - l_tile[ii]);
        ${dropout ? 'var drop = drop_row(drop_global_row(bh, i));\n        let z = drop_scale(&drop, j);' : 'let z = 1.0;'}
        let pz = p * z;
        for (var c = 0u; c < ${dv4}u; c++) { dv_acc[c] += pz * g_tile[ii * ${dv4}u + c]; }
        let ds = p * (dp * z - d_tile[ii]);
        for (var c = 0u; c < ${d4}u; c++) { dk_acc[c] += ds * q_tile[ii * ${d4}u + c]; }
      }
    }
    workgroupBarrier();
  }
  if (valid) {
    ${storeRowWgsl('dk', 'dk_acc', 'k_row * u.d', 'u.d', db)}
    ${storeRowWgsl('dv', 'dv_acc', 'k_row * u.dv', 'u.dv', dvb)}
  }
}`);
}
