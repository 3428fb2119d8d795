// ---- layerNormBackward-columns|partials:f32:read_write,dw:f32:read_write,db:f32:read_write|dw_offset:u32,db_offset:u32,n:u32,c:u32,blocks:u32
struct Uniforms {
  dw_offset: u32,
  db_offset: u32,
  n: u32,
  c: u32,
  blocks: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> dw: array<f32>;
fn dw_get(i: u32) -> f32 { return dw[u.dw_offset + i]; }
fn dw_set(i: u32, v: f32) { dw[u.dw_offset + i] = v; }
@group(0) @binding(3) var<storage, read_write> db: array<f32>;
fn db_get(i: u32) -> f32 { return db[u.db_offset + i]; }
fn db_set(i: u32, v: f32) { db[u.db_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  var acc = vec2<f32>(0.0);
  for (var blk = 0u; blk < u.blocks; blk++) {
    acc += vec2<f32>(partials_get((blk * u.c + i) * 2u), partials_get((blk * u.c + i) * 2u + 1u));
  }
  dw_set(i, acc.x);
  db_set(i, acc.y);
}

// ---- layerNormBackward-dx:16x16l:wg:cached|g:f32:read,x:f32:read,w:f32:read,mean:f32:read,rstd:f32:read,dx:f32:read_write|g_offset:u32,x_offset:u32,w_offset:u32,mean_offset:u32,rstd_offset:u32,dx_offset:u32,rows:u32,c:u32
struct Uniforms {
  g_offset: u32,
  x_offset: u32,
  w_offset: u32,
  mean_offset: u32,
  rstd_offset: u32,
  dx_offset: u32,
  rows: u32,
  c: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(2) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(3) var<storage, read> w: array<f32>;
fn w_get(i: u32) -> f32 { return w[u.w_offset + i]; }
@group(0) @binding(4) var<storage, read> mean: array<f32>;
fn mean_get(i: u32) -> f32 { return mean[u.mean_offset + i]; }
@group(0) @binding(5) var<storage, read> rstd: array<f32>;
fn rstd_get(i: u32) -> f32 { return rstd[u.rstd_offset + i]; }
@group(0) @binding(6) var<storage, read_write> dx: array<f32>;
fn dx_get(i: u32) -> f32 { return dx[u.dx_offset + i]; }
fn dx_set(i: u32, v: f32) { dx[u.dx_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 16u;
const LANES = 16u;
fn row_sums_add(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return a + b; }
var<workgroup> row_sums_buf: array<vec2<f32>, 256>;
fn row_sums(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> {
  row_sums_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { row_sums_buf[lid] = row_sums_add(row_sums_buf[lid], row_sums_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = row_sums_buf[(lid / LANES) * LANES];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.rows;
  let r = select(0u, row, in_range);
  let base = r * u.c;
  let mu = mean_get(r);
  let rs = rstd_get(r);
  var g_c: array<f32, 8>;
  var x_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[0] = g_get(i); x_c[0] = x_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[1] = g_get(i); x_c[1] = x_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[2] = g_get(i); x_c[2] = x_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[3] = g_get(i); x_c[3] = x_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[4] = g_get(i); x_c[4] = x_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[5] = g_get(i); x_c[5] = x_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[6] = g_get(i); x_c[6] = x_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[7] = g_get(i); x_c[7] = x_get(i); } }
  var acc = vec2<f32>(0.0);
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[0] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[0] - mu) * rs); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[1] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[1] - mu) * rs); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[2] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[2] - mu) * rs); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[3] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[3] - mu) * rs); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[4] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[4] - mu) * rs); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[5] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[5] - mu) * rs); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[6] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[6] - mu) * rs); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[7] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[7] - mu) * rs); } }
  // (mean_C(ĝ), mean_C(ĝ·x̂))
  let m = row_sums(acc, lid, sg_size, sg_id) / f32(u.c);
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[0] - mu) * rs;
      dx_set(i, rs * (g_c[0] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[1] - mu) * rs;
      dx_set(i, rs * (g_c[1] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[2] - mu) * rs;
      dx_set(i, rs * (g_c[2] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[3] - mu) * rs;
      dx_set(i, rs * (g_c[3] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[4] - mu) * rs;
      dx_set(i, rs * (g_c[4] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[5] - mu) * rs;
      dx_set(i, rs * (g_c[5] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[6] - mu) * rs;
      dx_set(i, rs * (g_c[6] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[7] - mu) * rs;
      dx_set(i, rs * (g_c[7] * w_get(k) - m.x - xhat * m.y)); } }
}

// ---- layerNormBackward-dx:1x256l:sg:cached|g:f32:read,x:f32:read,w:f32:read,mean:f32:read,rstd:f32:read,dx:f32:read_write|g_offset:u32,x_offset:u32,w_offset:u32,mean_offset:u32,rstd_offset:u32,dx_offset:u32,rows:u32,c:u32
enable subgroups;
struct Uniforms {
  g_offset: u32,
  x_offset: u32,
  w_offset: u32,
  mean_offset: u32,
  rstd_offset: u32,
  dx_offset: u32,
  rows: u32,
  c: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(2) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(3) var<storage, read> w: array<f32>;
fn w_get(i: u32) -> f32 { return w[u.w_offset + i]; }
@group(0) @binding(4) var<storage, read> mean: array<f32>;
fn mean_get(i: u32) -> f32 { return mean[u.mean_offset + i]; }
@group(0) @binding(5) var<storage, read> rstd: array<f32>;
fn rstd_get(i: u32) -> f32 { return rstd[u.rstd_offset + i]; }
@group(0) @binding(6) var<storage, read_write> dx: array<f32>;
fn dx_get(i: u32) -> f32 { return dx[u.dx_offset + i]; }
fn dx_set(i: u32, v: f32) { dx[u.dx_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 1u;
const LANES = 256u;
fn row_sums_add(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return a + b; }
var<workgroup> row_sums_buf: array<vec2<f32>, 256>;
fn row_sums_subgroup(v: vec2<f32>, sg_size: u32) -> vec2<f32> {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = row_sums_add(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn row_sums(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> {
  let x = row_sums_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { row_sums_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = vec2<f32>(0.0);
    if (lane < n) { y = row_sums_buf[c * n + lane]; }
    y = row_sums_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { row_sums_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = row_sums_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.rows;
  let r = select(0u, row, in_range);
  let base = r * u.c;
  let mu = mean_get(r);
  let rs = rstd_get(r);
  var g_c: array<f32, 8>;
  var x_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[0] = g_get(i); x_c[0] = x_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[1] = g_get(i); x_c[1] = x_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[2] = g_get(i); x_c[2] = x_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[3] = g_get(i); x_c[3] = x_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[4] = g_get(i); x_c[4] = x_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[5] = g_get(i); x_c[5] = x_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[6] = g_get(i); x_c[6] = x_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[7] = g_get(i); x_c[7] = x_get(i); } }
  var acc = vec2<f32>(0.0);
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[0] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[0] - mu) * rs); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[1] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[1] - mu) * rs); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[2] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[2] - mu) * rs); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[3] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[3] - mu) * rs); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[4] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[4] - mu) * rs); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[5] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[5] - mu) * rs); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[6] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[6] - mu) * rs); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[7] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[7] - mu) * rs); } }
  // (mean_C(ĝ), mean_C(ĝ·x̂))
  let m = row_sums(acc, lid, sg_size, sg_id) / f32(u.c);
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[0] - mu) * rs;
      dx_set(i, rs * (g_c[0] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[1] - mu) * rs;
      dx_set(i, rs * (g_c[1] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[2] - mu) * rs;
      dx_set(i, rs * (g_c[2] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[3] - mu) * rs;
      dx_set(i, rs * (g_c[3] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[4] - mu) * rs;
      dx_set(i, rs * (g_c[4] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[5] - mu) * rs;
      dx_set(i, rs * (g_c[5] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[6] - mu) * rs;
      dx_set(i, rs * (g_c[6] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[7] - mu) * rs;
      dx_set(i, rs * (g_c[7] * w_get(k) - m.x - xhat * m.y)); } }
}

// ---- layerNormBackward-dx:256x1l:wg:cached|g:f32:read,x:f32:read,w:f32:read,mean:f32:read,rstd:f32:read,dx:f32:read_write|g_offset:u32,x_offset:u32,w_offset:u32,mean_offset:u32,rstd_offset:u32,dx_offset:u32,rows:u32,c:u32
struct Uniforms {
  g_offset: u32,
  x_offset: u32,
  w_offset: u32,
  mean_offset: u32,
  rstd_offset: u32,
  dx_offset: u32,
  rows: u32,
  c: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(2) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(3) var<storage, read> w: array<f32>;
fn w_get(i: u32) -> f32 { return w[u.w_offset + i]; }
@group(0) @binding(4) var<storage, read> mean: array<f32>;
fn mean_get(i: u32) -> f32 { return mean[u.mean_offset + i]; }
@group(0) @binding(5) var<storage, read> rstd: array<f32>;
fn rstd_get(i: u32) -> f32 { return rstd[u.rstd_offset + i]; }
@group(0) @binding(6) var<storage, read_write> dx: array<f32>;
fn dx_get(i: u32) -> f32 { return dx[u.dx_offset + i]; }
fn dx_set(i: u32, v: f32) { dx[u.dx_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 256u;
const LANES = 1u;
fn row_sums_add(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return a + b; }
var<workgroup> row_sums_buf: array<vec2<f32>, 256>;
fn row_sums(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> {
  row_sums_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { row_sums_buf[lid] = row_sums_add(row_sums_buf[lid], row_sums_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = row_sums_buf[(lid / LANES) * LANES];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.rows;
  let r = select(0u, row, in_range);
  let base = r * u.c;
  let mu = mean_get(r);
  let rs = rstd_get(r);
  var g_c: array<f32, 8>;
  var x_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[0] = g_get(i); x_c[0] = x_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[1] = g_get(i); x_c[1] = x_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[2] = g_get(i); x_c[2] = x_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[3] = g_get(i); x_c[3] = x_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[4] = g_get(i); x_c[4] = x_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[5] = g_get(i); x_c[5] = x_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[6] = g_get(i); x_c[6] = x_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[7] = g_get(i); x_c[7] = x_get(i); } }
  var acc = vec2<f32>(0.0);
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[0] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[0] - mu) * rs); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[1] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[1] - mu) * rs); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[2] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[2] - mu) * rs); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[3] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[3] - mu) * rs); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[4] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[4] - mu) * rs); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[5] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[5] - mu) * rs); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[6] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[6] - mu) * rs); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[7] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[7] - mu) * rs); } }
  // (mean_C(ĝ), mean_C(ĝ·x̂))
  let m = row_sums(acc, lid, sg_size, sg_id) / f32(u.c);
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[0] - mu) * rs;
      dx_set(i, rs * (g_c[0] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[1] - mu) * rs;
      dx_set(i, rs * (g_c[1] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[2] - mu) * rs;
      dx_set(i, rs * (g_c[2] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[3] - mu) * rs;
      dx_set(i, rs * (g_c[3] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[4] - mu) * rs;
      dx_set(i, rs * (g_c[4] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[5] - mu) * rs;
      dx_set(i, rs * (g_c[5] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[6] - mu) * rs;
      dx_set(i, rs * (g_c[6] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[7] - mu) * rs;
      dx_set(i, rs * (g_c[7] * w_get(k) - m.x - xhat * m.y)); } }
}

// ---- layerNormBackward-dx:32x8l:wg:cached|g:f32:read,x:f32:read,w:f32:read,mean:f32:read,rstd:f32:read,dx:f32:read_write|g_offset:u32,x_offset:u32,w_offset:u32,mean_offset:u32,rstd_offset:u32,dx_offset:u32,rows:u32,c:u32
struct Uniforms {
  g_offset: u32,
  x_offset: u32,
  w_offset: u32,
  mean_offset: u32,
  rstd_offset: u32,
  dx_offset: u32,
  rows: u32,
  c: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(2) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(3) var<storage, read> w: array<f32>;
fn w_get(i: u32) -> f32 { return w[u.w_offset + i]; }
@group(0) @binding(4) var<storage, read> mean: array<f32>;
fn mean_get(i: u32) -> f32 { return mean[u.mean_offset + i]; }
@group(0) @binding(5) var<storage, read> rstd: array<f32>;
fn rstd_get(i: u32) -> f32 { return rstd[u.rstd_offset + i]; }
@group(0) @binding(6) var<storage, read_write> dx: array<f32>;
fn dx_get(i: u32) -> f32 { return dx[u.dx_offset + i]; }
fn dx_set(i: u32, v: f32) { dx[u.dx_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 32u;
const LANES = 8u;
fn row_sums_add(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return a + b; }
var<workgroup> row_sums_buf: array<vec2<f32>, 256>;
fn row_sums(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> {
  row_sums_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { row_sums_buf[lid] = row_sums_add(row_sums_buf[lid], row_sums_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = row_sums_buf[(lid / LANES) * LANES];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.rows;
  let r = select(0u, row, in_range);
  let base = r * u.c;
  let mu = mean_get(r);
  let rs = rstd_get(r);
  var g_c: array<f32, 8>;
  var x_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[0] = g_get(i); x_c[0] = x_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[1] = g_get(i); x_c[1] = x_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[2] = g_get(i); x_c[2] = x_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[3] = g_get(i); x_c[3] = x_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[4] = g_get(i); x_c[4] = x_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[5] = g_get(i); x_c[5] = x_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[6] = g_get(i); x_c[6] = x_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; g_c[7] = g_get(i); x_c[7] = x_get(i); } }
  var acc = vec2<f32>(0.0);
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[0] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[0] - mu) * rs); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[1] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[1] - mu) * rs); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[2] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[2] - mu) * rs); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[3] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[3] - mu) * rs); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[4] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[4] - mu) * rs); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[5] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[5] - mu) * rs); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[6] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[6] - mu) * rs); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let gw = g_c[7] * w_get(k);
      acc += vec2<f32>(gw, gw * (x_c[7] - mu) * rs); } }
  // (mean_C(ĝ), mean_C(ĝ·x̂))
  let m = row_sums(acc, lid, sg_size, sg_id) / f32(u.c);
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[0] - mu) * rs;
      dx_set(i, rs * (g_c[0] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[1] - mu) * rs;
      dx_set(i, rs * (g_c[1] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[2] - mu) * rs;
      dx_set(i, rs * (g_c[2] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[3] - mu) * rs;
      dx_set(i, rs * (g_c[3] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[4] - mu) * rs;
      dx_set(i, rs * (g_c[4] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[5] - mu) * rs;
      dx_set(i, rs * (g_c[5] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[6] - mu) * rs;
      dx_set(i, rs * (g_c[6] * w_get(k) - m.x - xhat * m.y)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let xhat = (x_c[7] - mu) * rs;
      dx_set(i, rs * (g_c[7] * w_get(k) - m.x - xhat * m.y)); } }
}

// ---- layerNormBackward-partials|g:f32:read,x:f32:read,mean:f32:read,rstd:f32:read,partials:f32:read_write|g_offset:u32,x_offset:u32,mean_offset:u32,rstd_offset:u32,rows:u32,c:u32,rows_per_block:u32,col_chunks:u32
struct Uniforms {
  g_offset: u32,
  x_offset: u32,
  mean_offset: u32,
  rstd_offset: u32,
  rows: u32,
  c: u32,
  rows_per_block: u32,
  col_chunks: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(2) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(3) var<storage, read> mean: array<f32>;
fn mean_get(i: u32) -> f32 { return mean[u.mean_offset + i]; }
@group(0) @binding(4) var<storage, read> rstd: array<f32>;
fn rstd_get(i: u32) -> f32 { return rstd[u.rstd_offset + i]; }
@group(0) @binding(5) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let block = index / u.col_chunks;
  let col = (index % u.col_chunks) * 256u + lid;
  if (block * u.rows_per_block >= u.rows || col >= u.c) { return; }
  let end = min(u.rows, (block + 1u) * u.rows_per_block);
  var acc = vec2<f32>(0.0);
  for (var r = block * u.rows_per_block; r < end; r++) {
    let gv = g_get(r * u.c + col);
    acc += vec2<f32>(gv * (x_get(r * u.c + col) - mean_get(r)) * rstd_get(r), gv);
  }
  partials_set((block * u.c + col) * 2u, acc.x);
  partials_set((block * u.c + col) * 2u + 1u, acc.y);
}
