// ---- softmaxBackward:16x16c:wg:cached|y:f32:read,g:f32:read,out:f32:read_write|y_offset:u32,g_offset:u32,out_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  y_offset: u32,
  g_offset: u32,
  out_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
@group(0) @binding(2) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
fn out_get(i: u32) -> f32 { return out[u.out_offset + i]; }
fn out_set(i: u32, v: f32) { out[u.out_offset + i] = v; }

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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }

fn exp_nan(x: f32) -> f32 { return select(exp(x), x, is_nan(x)); }
fn add_f32(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> sum_row_buf: array<f32, 256>;
fn sum_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  sum_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { sum_row_buf[lid] = add_f32(sum_row_buf[lid], sum_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = sum_row_buf[lid % COLS];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid % COLS;
  let lane = lid / COLS;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.rows;
  let base = select(0u, row_base(row), in_range);
  var y_c: array<f32, 8>;
  var g_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[0] = y_get(i); g_c[0] = g_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[1] = y_get(i); g_c[1] = g_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[2] = y_get(i); g_c[2] = g_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[3] = y_get(i); g_c[3] = g_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[4] = y_get(i); g_c[4] = g_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[5] = y_get(i); g_c[5] = g_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[6] = y_get(i); g_c[6] = g_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[7] = y_get(i); g_c[7] = g_get(i); } }
  var acc = 0.0;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[0] * y_c[0]; } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[1] * y_c[1]; } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[2] * y_c[2]; } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[3] * y_c[3]; } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[4] * y_c[4]; } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[5] * y_c[5]; } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[6] * y_c[6]; } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[7] * y_c[7]; } }
  let dot = sum_row(acc, lid, sg_size, sg_id);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[0] * (g_c[0] - dot)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[1] * (g_c[1] - dot)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[2] * (g_c[2] - dot)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[3] * (g_c[3] - dot)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[4] * (g_c[4] - dot)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[5] * (g_c[5] - dot)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[6] * (g_c[6] - dot)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[7] * (g_c[7] - dot)); } }
}

// ---- softmaxBackward:16x16l:wg:cached|y:f32:read,g:f32:read,out:f32:read_write|y_offset:u32,g_offset:u32,out_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  y_offset: u32,
  g_offset: u32,
  out_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
@group(0) @binding(2) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
fn out_get(i: u32) -> f32 { return out[u.out_offset + i]; }
fn out_set(i: u32, v: f32) { out[u.out_offset + i] = v; }

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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }

fn exp_nan(x: f32) -> f32 { return select(exp(x), x, is_nan(x)); }
fn add_f32(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> sum_row_buf: array<f32, 256>;
fn sum_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  sum_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { sum_row_buf[lid] = add_f32(sum_row_buf[lid], sum_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = sum_row_buf[(lid / LANES) * LANES];
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
  let base = select(0u, row_base(row), in_range);
  var y_c: array<f32, 8>;
  var g_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[0] = y_get(i); g_c[0] = g_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[1] = y_get(i); g_c[1] = g_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[2] = y_get(i); g_c[2] = g_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[3] = y_get(i); g_c[3] = g_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[4] = y_get(i); g_c[4] = g_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[5] = y_get(i); g_c[5] = g_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[6] = y_get(i); g_c[6] = g_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[7] = y_get(i); g_c[7] = g_get(i); } }
  var acc = 0.0;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[0] * y_c[0]; } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[1] * y_c[1]; } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[2] * y_c[2]; } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[3] * y_c[3]; } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[4] * y_c[4]; } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[5] * y_c[5]; } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[6] * y_c[6]; } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[7] * y_c[7]; } }
  let dot = sum_row(acc, lid, sg_size, sg_id);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[0] * (g_c[0] - dot)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[1] * (g_c[1] - dot)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[2] * (g_c[2] - dot)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[3] * (g_c[3] - dot)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[4] * (g_c[4] - dot)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[5] * (g_c[5] - dot)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[6] * (g_c[6] - dot)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[7] * (g_c[7] - dot)); } }
}

// ---- softmaxBackward:1x256l:sg:cached|y:f32:read,g:f32:read,out:f32:read_write|y_offset:u32,g_offset:u32,out_offset:u32,rows:u32,size:u32,inner:u32
enable subgroups;
struct Uniforms {
  y_offset: u32,
  g_offset: u32,
  out_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
@group(0) @binding(2) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
fn out_get(i: u32) -> f32 { return out[u.out_offset + i]; }
fn out_set(i: u32, v: f32) { out[u.out_offset + i] = v; }

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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }

fn exp_nan(x: f32) -> f32 { return select(exp(x), x, is_nan(x)); }
fn add_f32(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> sum_row_buf: array<f32, 256>;
fn sum_row_subgroup(v: f32, sg_size: u32) -> f32 {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = add_f32(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn sum_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  let x = sum_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { sum_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = 0.0;
    if (lane < n) { y = sum_row_buf[c * n + lane]; }
    y = sum_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { sum_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = sum_row_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.rows;
  let base = select(0u, row_base(row), in_range);
  var y_c: array<f32, 8>;
  var g_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[0] = y_get(i); g_c[0] = g_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[1] = y_get(i); g_c[1] = g_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[2] = y_get(i); g_c[2] = g_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[3] = y_get(i); g_c[3] = g_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[4] = y_get(i); g_c[4] = g_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[5] = y_get(i); g_c[5] = g_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[6] = y_get(i); g_c[6] = g_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[7] = y_get(i); g_c[7] = g_get(i); } }
  var acc = 0.0;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[0] * y_c[0]; } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[1] * y_c[1]; } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[2] * y_c[2]; } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[3] * y_c[3]; } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[4] * y_c[4]; } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[5] * y_c[5]; } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[6] * y_c[6]; } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[7] * y_c[7]; } }
  let dot = sum_row(acc, lid, sg_size, sg_id);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[0] * (g_c[0] - dot)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[1] * (g_c[1] - dot)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[2] * (g_c[2] - dot)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[3] * (g_c[3] - dot)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[4] * (g_c[4] - dot)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[5] * (g_c[5] - dot)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[6] * (g_c[6] - dot)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[7] * (g_c[7] - dot)); } }
}

// ---- softmaxBackward:256x1c:wg:cached|y:f32:read,g:f32:read,out:f32:read_write|y_offset:u32,g_offset:u32,out_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  y_offset: u32,
  g_offset: u32,
  out_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
@group(0) @binding(2) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
fn out_get(i: u32) -> f32 { return out[u.out_offset + i]; }
fn out_set(i: u32, v: f32) { out[u.out_offset + i] = v; }

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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }

fn exp_nan(x: f32) -> f32 { return select(exp(x), x, is_nan(x)); }
fn add_f32(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> sum_row_buf: array<f32, 256>;
fn sum_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  sum_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { sum_row_buf[lid] = add_f32(sum_row_buf[lid], sum_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = sum_row_buf[lid % COLS];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid % COLS;
  let lane = lid / COLS;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.rows;
  let base = select(0u, row_base(row), in_range);
  var y_c: array<f32, 8>;
  var g_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[0] = y_get(i); g_c[0] = g_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[1] = y_get(i); g_c[1] = g_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[2] = y_get(i); g_c[2] = g_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[3] = y_get(i); g_c[3] = g_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[4] = y_get(i); g_c[4] = g_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[5] = y_get(i); g_c[5] = g_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[6] = y_get(i); g_c[6] = g_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[7] = y_get(i); g_c[7] = g_get(i); } }
  var acc = 0.0;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[0] * y_c[0]; } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[1] * y_c[1]; } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[2] * y_c[2]; } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[3] * y_c[3]; } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[4] * y_c[4]; } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[5] * y_c[5]; } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[6] * y_c[6]; } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[7] * y_c[7]; } }
  let dot = sum_row(acc, lid, sg_size, sg_id);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[0] * (g_c[0] - dot)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[1] * (g_c[1] - dot)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[2] * (g_c[2] - dot)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[3] * (g_c[3] - dot)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[4] * (g_c[4] - dot)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[5] * (g_c[5] - dot)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[6] * (g_c[6] - dot)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[7] * (g_c[7] - dot)); } }
}

// ---- softmaxBackward:256x1l:wg:cached|y:f32:read,g:f32:read,out:f32:read_write|y_offset:u32,g_offset:u32,out_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  y_offset: u32,
  g_offset: u32,
  out_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
@group(0) @binding(2) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
fn out_get(i: u32) -> f32 { return out[u.out_offset + i]; }
fn out_set(i: u32, v: f32) { out[u.out_offset + i] = v; }

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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }

fn exp_nan(x: f32) -> f32 { return select(exp(x), x, is_nan(x)); }
fn add_f32(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> sum_row_buf: array<f32, 256>;
fn sum_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  sum_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { sum_row_buf[lid] = add_f32(sum_row_buf[lid], sum_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = sum_row_buf[(lid / LANES) * LANES];
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
  let base = select(0u, row_base(row), in_range);
  var y_c: array<f32, 8>;
  var g_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[0] = y_get(i); g_c[0] = g_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[1] = y_get(i); g_c[1] = g_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[2] = y_get(i); g_c[2] = g_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[3] = y_get(i); g_c[3] = g_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[4] = y_get(i); g_c[4] = g_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[5] = y_get(i); g_c[5] = g_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[6] = y_get(i); g_c[6] = g_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; y_c[7] = y_get(i); g_c[7] = g_get(i); } }
  var acc = 0.0;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[0] * y_c[0]; } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[1] * y_c[1]; } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[2] * y_c[2]; } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[3] * y_c[3]; } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[4] * y_c[4]; } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[5] * y_c[5]; } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[6] * y_c[6]; } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; acc += g_c[7] * y_c[7]; } }
  let dot = sum_row(acc, lid, sg_size, sg_id);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[0] * (g_c[0] - dot)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[1] * (g_c[1] - dot)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[2] * (g_c[2] - dot)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[3] * (g_c[3] - dot)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[4] * (g_c[4] - dot)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[5] * (g_c[5] - dot)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[6] * (g_c[6] - dot)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, y_c[7] * (g_c[7] - dot)); } }
}

// ---- softmaxBackward:2x128c:wg:looped|y:f32:read,g:f32:read,out:f32:read_write|y_offset:u32,g_offset:u32,out_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  y_offset: u32,
  g_offset: u32,
  out_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
@group(0) @binding(2) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
fn out_get(i: u32) -> f32 { return out[u.out_offset + i]; }
fn out_set(i: u32, v: f32) { out[u.out_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 2u;
const LANES = 128u;
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }

fn exp_nan(x: f32) -> f32 { return select(exp(x), x, is_nan(x)); }
fn add_f32(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> sum_row_buf: array<f32, 256>;
fn sum_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  sum_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { sum_row_buf[lid] = add_f32(sum_row_buf[lid], sum_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = sum_row_buf[lid % COLS];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid % COLS;
  let lane = lid / COLS;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.rows;
  let base = select(0u, row_base(row), in_range);
  
  var acc = 0.0;
  if (in_range) {
    for (var k = lane; k < u.size; k += LANES) {
      let i = base + k * u.inner;
      acc += g_get(i) * y_get(i);
    }
  }
  let dot = sum_row(acc, lid, sg_size, sg_id);
  if (in_range) {
    for (var k = lane; k < u.size; k += LANES) {
      let i = base + k * u.inner;
      out_set(i, y_get(i) * (g_get(i) - dot));
    }
  }
}
