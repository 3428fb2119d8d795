import { ceilDiv, type KernelDispatch, type WgslKernel } from '../kernel-api.js';
import { WGSL_ATTENTION_DROPOUT } from './attention-dropout.js';
import { flashBuilder, flashGeometry, ROWS, tileRows, WGSL_FLASH_ALLOWED, type FlashGeometry } from './flash-attention-common.js';

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
  return b.build(g.B * g.H * qTiles, (decls) => `${decls}
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
  let key_end = last_key(min(u.tq, i0 + ${ROWS}u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let row = bh * u.tq + i;

  var qr: array<f32, ${db}>;
  var gr: array<f32, ${dvb}>;
  var dq_acc: array<f32, ${db}>;
  var L = 0.0;
  var D = 0.0;
  if (valid) {
    for (var c = 0u; c < u.d; c++) { qr[c] = u.scale * q_get(row * u.d + c); }
    for (var c = 0u; c < u.dv; c++) { gr[c] = g_get(row * u.dv + c); }
    L = lse_get(row);
    D = delta_get(row);
  }
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
      for (var jj = 0u; jj < u.tile; jj++) {
        let j = j0 + jj;
        if (!allowed(bh, i, j)) { continue; }
        var s = 0.0;
        for (var c = 0u; c < ${db}u; c++) { s += qr[c] * k_tile[jj * ${db}u + c]; }
        var dp = 0.0;
        for (var c = 0u; c < ${dvb}u; c++) { dp += gr[c] * v_tile[jj * ${dvb}u + c]; }
        let p = exp(s - L);
        let ds = p * (dp${dropout ? ' * drop_scale(&drop, j)' : ''} - D);
        for (var c = 0u; c < ${db}u; c++) { dq_acc[c] += ds * k_tile[jj * ${db}u + c]; }
      }
    }
    workgroupBarrier();
  }
  if (valid) {
    for (var c = 0u; c < u.d; c++) { dq_set(row * u.d + c, u.scale * dq_acc[c]); }
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
  return b.build(g.B * g.H * kTiles, (decls) => `${decls}
${dropout ? WGSL_ATTENTION_DROPOUT : ''}
${WGSL_FLASH_ALLOWED}
var<workgroup> q_tile: array<f32, ${br * db}>;
var<workgroup> g_tile: array<f32, ${br * dvb}>;
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
  first = (first / ${br}u) * ${br}u;
  let k_row = bh * u.tk + j;

  var kr: array<f32, ${db}>;
  var vr: array<f32, ${dvb}>;
  var dk_acc: array<f32, ${db}>;
  var dv_acc: array<f32, ${dvb}>;
  if (valid) {
    for (var c = 0u; c < u.d; c++) { kr[c] = k_get(k_row * u.d + c); }
    for (var c = 0u; c < u.dv; c++) { vr[c] = v_get(k_row * u.dv + c); }
  }

  for (var i0 = first; i0 < u.tq; i0 += ${br}u) {
    for (var e = lid; e < ${br * db}u; e += ${ROWS}u) {
      let i = i0 + e / ${db}u;
      let c = e % ${db}u;
      var x = 0.0;
      if (i < u.tq && c < u.d) { x = u.scale * q_get((bh * u.tq + i) * u.d + c); }
      q_tile[e] = x;
    }
    for (var e = lid; e < ${br * dvb}u; e += ${ROWS}u) {
      let i = i0 + e / ${dvb}u;
      let c = e % ${dvb}u;
      var x = 0.0;
      if (i < u.tq && c < u.dv) { x = g_get((bh * u.tq + i) * u.dv + c); }
      g_tile[e] = x;
    }
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
        if (i >= u.tq || !allowed(bh, i, j)) { continue; }
        var s = 0.0;
        for (var c = 0u; c < ${db}u; c++) { s += q_tile[ii * ${db}u + c] * kr[c]; }
        var dp = 0.0;
        for (var c = 0u; c < ${dvb}u; c++) { dp += g_tile[ii * ${dvb}u + c] * vr[c]; }
        let p = exp(s - l_tile[ii]);
        ${dropout ? 'var drop = drop_row(drop_global_row(bh, i));\n        let z = drop_scale(&drop, j);' : 'let z = 1.0;'}
        let pz = p * z;
        for (var c = 0u; c < ${dvb}u; c++) { dv_acc[c] += pz * g_tile[ii * ${dvb}u + c]; }
        let ds = p * (dp * z - d_tile[ii]);
        for (var c = 0u; c < ${db}u; c++) { dk_acc[c] += ds * q_tile[ii * ${db}u + c]; }
      }
    }
    workgroupBarrier();
  }
  if (valid) {
    for (var c = 0u; c < u.d; c++) { dk_set(k_row * u.d + c, dk_acc[c]); }
    for (var c = 0u; c < u.dv; c++) { dv_set(k_row * u.dv + c, dv_acc[c]); }
  }
}`);
}
