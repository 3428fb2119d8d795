// ---- layerNorm:16x16l:wg:cached|x:f32:read,w:f32:read,bias:f32:read,y:f32:read_write,mean:f32:read_write,rstd:f32:read_write|x_offset:u32,w_offset:u32,bias_offset:u32,y_offset:u32,mean_offset:u32,rstd_offset:u32,rows:u32,c:u32,eps:f32
struct Uniforms {
  x_offset: u32,
  w_offset: u32,
  bias_offset: u32,
  y_offset: u32,
  mean_offset: u32,
  rstd_offset: u32,
  rows: u32,
  c: u32,
  eps: f32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read> w: array<f32>;
fn w_get(i: u32) -> f32 { return w[u.w_offset + i]; }
@group(0) @binding(3) var<storage, read> bias: array<f32>;
fn bias_get(i: u32) -> f32 { return bias[u.bias_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }
@group(0) @binding(5) var<storage, read_write> mean: array<f32>;
fn mean_get(i: u32) -> f32 { return mean[u.mean_offset + i]; }
fn mean_set(i: u32, v: f32) { mean[u.mean_offset + i] = v; }
@group(0) @binding(6) var<storage, read_write> rstd: array<f32>;
fn rstd_get(i: u32) -> f32 { return rstd[u.rstd_offset + i]; }
fn rstd_set(i: u32, v: f32) { rstd[u.rstd_offset + i] = v; }

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
fn row_sum_add(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> row_sum_buf: array<f32, 256>;
fn row_sum(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  row_sum_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { row_sum_buf[lid] = row_sum_add(row_sum_buf[lid], row_sum_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = row_sum_buf[(lid / LANES) * LANES];
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
  let base = select(0u, row * u.c, in_range);
  let empty = u.c == 0u;
  var x_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[0] = x_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[1] = x_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[2] = x_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[3] = x_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[4] = x_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[5] = x_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[6] = x_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[7] = x_get(i); } }
  // Shifted by the row's first element: x − shift is exact for nearby values, so a mean far from
  // zero (|mean| ≫ std) costs no precision in the centred values.
  let shift = select(0.0, x_get(base), in_range && !empty);
  var acc = 0.0;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[0] - shift; } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[1] - shift; } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[2] - shift; } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[3] - shift; } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[4] - shift; } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[5] - shift; } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[6] - shift; } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[7] - shift; } }
  let mu = select(row_sum(acc, lid, sg_size, sg_id) / f32(u.c), f32_nan(), empty);
  acc = 0.0;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[0] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[1] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[2] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[3] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[4] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[5] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[6] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[7] - shift) - mu;
      acc += d * d; } }
  let rs = select(1.0 / sqrt(row_sum(acc, lid, sg_size, sg_id) / f32(u.c) + u.eps), f32_nan(), empty);
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[0] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[1] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[2] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[3] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[4] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[5] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[6] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[7] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  if (in_range && lane == 0u) {
    mean_set(row, shift + mu);
    rstd_set(row, rs);
  }
}

// ---- layerNorm:1x256l:sg:cached|x:f32:read,w:f32:read,bias:f32:read,y:f32:read_write,mean:f32:read_write,rstd:f32:read_write|x_offset:u32,w_offset:u32,bias_offset:u32,y_offset:u32,mean_offset:u32,rstd_offset:u32,rows:u32,c:u32,eps:f32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  w_offset: u32,
  bias_offset: u32,
  y_offset: u32,
  mean_offset: u32,
  rstd_offset: u32,
  rows: u32,
  c: u32,
  eps: f32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read> w: array<f32>;
fn w_get(i: u32) -> f32 { return w[u.w_offset + i]; }
@group(0) @binding(3) var<storage, read> bias: array<f32>;
fn bias_get(i: u32) -> f32 { return bias[u.bias_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }
@group(0) @binding(5) var<storage, read_write> mean: array<f32>;
fn mean_get(i: u32) -> f32 { return mean[u.mean_offset + i]; }
fn mean_set(i: u32, v: f32) { mean[u.mean_offset + i] = v; }
@group(0) @binding(6) var<storage, read_write> rstd: array<f32>;
fn rstd_get(i: u32) -> f32 { return rstd[u.rstd_offset + i]; }
fn rstd_set(i: u32, v: f32) { rstd[u.rstd_offset + i] = v; }

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
fn row_sum_add(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> row_sum_buf: array<f32, 256>;
fn row_sum_subgroup(v: f32, sg_size: u32) -> f32 {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = row_sum_add(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn row_sum(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  let x = row_sum_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { row_sum_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = f32(0.0);
    if (lane < n) { y = row_sum_buf[c * n + lane]; }
    y = row_sum_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { row_sum_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = row_sum_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.rows;
  let base = select(0u, row * u.c, in_range);
  let empty = u.c == 0u;
  var x_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[0] = x_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[1] = x_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[2] = x_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[3] = x_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[4] = x_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[5] = x_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[6] = x_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[7] = x_get(i); } }
  // Shifted by the row's first element: x − shift is exact for nearby values, so a mean far from
  // zero (|mean| ≫ std) costs no precision in the centred values.
  let shift = select(0.0, x_get(base), in_range && !empty);
  var acc = 0.0;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[0] - shift; } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[1] - shift; } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[2] - shift; } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[3] - shift; } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[4] - shift; } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[5] - shift; } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[6] - shift; } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[7] - shift; } }
  let mu = select(row_sum(acc, lid, sg_size, sg_id) / f32(u.c), f32_nan(), empty);
  acc = 0.0;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[0] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[1] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[2] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[3] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[4] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[5] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[6] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[7] - shift) - mu;
      acc += d * d; } }
  let rs = select(1.0 / sqrt(row_sum(acc, lid, sg_size, sg_id) / f32(u.c) + u.eps), f32_nan(), empty);
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[0] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[1] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[2] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[3] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[4] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[5] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[6] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[7] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  if (in_range && lane == 0u) {
    mean_set(row, shift + mu);
    rstd_set(row, rs);
  }
}

// ---- layerNorm:256x1l:wg:cached|x:f32:read,w:f32:read,bias:f32:read,y:f32:read_write,mean:f32:read_write,rstd:f32:read_write|x_offset:u32,w_offset:u32,bias_offset:u32,y_offset:u32,mean_offset:u32,rstd_offset:u32,rows:u32,c:u32,eps:f32
struct Uniforms {
  x_offset: u32,
  w_offset: u32,
  bias_offset: u32,
  y_offset: u32,
  mean_offset: u32,
  rstd_offset: u32,
  rows: u32,
  c: u32,
  eps: f32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read> w: array<f32>;
fn w_get(i: u32) -> f32 { return w[u.w_offset + i]; }
@group(0) @binding(3) var<storage, read> bias: array<f32>;
fn bias_get(i: u32) -> f32 { return bias[u.bias_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }
@group(0) @binding(5) var<storage, read_write> mean: array<f32>;
fn mean_get(i: u32) -> f32 { return mean[u.mean_offset + i]; }
fn mean_set(i: u32, v: f32) { mean[u.mean_offset + i] = v; }
@group(0) @binding(6) var<storage, read_write> rstd: array<f32>;
fn rstd_get(i: u32) -> f32 { return rstd[u.rstd_offset + i]; }
fn rstd_set(i: u32, v: f32) { rstd[u.rstd_offset + i] = v; }

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
fn row_sum_add(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> row_sum_buf: array<f32, 256>;
fn row_sum(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  row_sum_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { row_sum_buf[lid] = row_sum_add(row_sum_buf[lid], row_sum_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = row_sum_buf[(lid / LANES) * LANES];
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
  let base = select(0u, row * u.c, in_range);
  let empty = u.c == 0u;
  var x_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[0] = x_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[1] = x_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[2] = x_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[3] = x_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[4] = x_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[5] = x_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[6] = x_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[7] = x_get(i); } }
  // Shifted by the row's first element: x − shift is exact for nearby values, so a mean far from
  // zero (|mean| ≫ std) costs no precision in the centred values.
  let shift = select(0.0, x_get(base), in_range && !empty);
  var acc = 0.0;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[0] - shift; } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[1] - shift; } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[2] - shift; } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[3] - shift; } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[4] - shift; } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[5] - shift; } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[6] - shift; } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[7] - shift; } }
  let mu = select(row_sum(acc, lid, sg_size, sg_id) / f32(u.c), f32_nan(), empty);
  acc = 0.0;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[0] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[1] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[2] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[3] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[4] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[5] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[6] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[7] - shift) - mu;
      acc += d * d; } }
  let rs = select(1.0 / sqrt(row_sum(acc, lid, sg_size, sg_id) / f32(u.c) + u.eps), f32_nan(), empty);
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[0] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[1] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[2] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[3] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[4] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[5] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[6] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[7] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  if (in_range && lane == 0u) {
    mean_set(row, shift + mu);
    rstd_set(row, rs);
  }
}

// ---- layerNorm:32x8l:wg:cached|x:f32:read,w:f32:read,bias:f32:read,y:f32:read_write,mean:f32:read_write,rstd:f32:read_write|x_offset:u32,w_offset:u32,bias_offset:u32,y_offset:u32,mean_offset:u32,rstd_offset:u32,rows:u32,c:u32,eps:f32
struct Uniforms {
  x_offset: u32,
  w_offset: u32,
  bias_offset: u32,
  y_offset: u32,
  mean_offset: u32,
  rstd_offset: u32,
  rows: u32,
  c: u32,
  eps: f32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read> w: array<f32>;
fn w_get(i: u32) -> f32 { return w[u.w_offset + i]; }
@group(0) @binding(3) var<storage, read> bias: array<f32>;
fn bias_get(i: u32) -> f32 { return bias[u.bias_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }
@group(0) @binding(5) var<storage, read_write> mean: array<f32>;
fn mean_get(i: u32) -> f32 { return mean[u.mean_offset + i]; }
fn mean_set(i: u32, v: f32) { mean[u.mean_offset + i] = v; }
@group(0) @binding(6) var<storage, read_write> rstd: array<f32>;
fn rstd_get(i: u32) -> f32 { return rstd[u.rstd_offset + i]; }
fn rstd_set(i: u32, v: f32) { rstd[u.rstd_offset + i] = v; }

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
fn row_sum_add(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> row_sum_buf: array<f32, 256>;
fn row_sum(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  row_sum_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { row_sum_buf[lid] = row_sum_add(row_sum_buf[lid], row_sum_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = row_sum_buf[(lid / LANES) * LANES];
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
  let base = select(0u, row * u.c, in_range);
  let empty = u.c == 0u;
  var x_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[0] = x_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[1] = x_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[2] = x_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[3] = x_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[4] = x_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[5] = x_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[6] = x_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; x_c[7] = x_get(i); } }
  // Shifted by the row's first element: x − shift is exact for nearby values, so a mean far from
  // zero (|mean| ≫ std) costs no precision in the centred values.
  let shift = select(0.0, x_get(base), in_range && !empty);
  var acc = 0.0;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[0] - shift; } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[1] - shift; } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[2] - shift; } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[3] - shift; } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[4] - shift; } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[5] - shift; } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[6] - shift; } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; acc += x_c[7] - shift; } }
  let mu = select(row_sum(acc, lid, sg_size, sg_id) / f32(u.c), f32_nan(), empty);
  acc = 0.0;
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[0] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[1] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[2] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[3] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[4] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[5] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[6] - shift) - mu;
      acc += d * d; } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; let d = (x_c[7] - shift) - mu;
      acc += d * d; } }
  let rs = select(1.0 / sqrt(row_sum(acc, lid, sg_size, sg_id) / f32(u.c) + u.eps), f32_nan(), empty);
  { let k = lane + 0u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[0] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[1] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[2] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[3] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[4] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[5] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[6] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.c) { let i = base + k * 1u; y_set(i, ((x_c[7] - shift) - mu) * rs * w_get(k) + bias_get(k)); } }
  if (in_range && lane == 0u) {
    mean_set(row, shift + mu);
    rstd_set(row, rs);
  }
}
