// ---- softmax:128x2l:wg:cached|x:f32:read,out:f32:read_write|x_offset:u32,out_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  out_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
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
const COLS = 128u;
const LANES = 2u;
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }

fn lse_push(st: vec2<f32>, x: f32) -> vec2<f32> {
  if (is_nan(x) || is_nan(st.x)) { return vec2<f32>(f32_nan(), 0.0); }
  if (x > st.x) {
    if (is_inf(x)) { return vec2<f32>(x, 0.0); }
    if (is_inf(st.x)) { return vec2<f32>(x, 1.0); }
    return vec2<f32>(x, st.y * exp(st.x - x) + 1.0);
  }
  if (is_inf(st.x)) { return st; }
  return vec2<f32>(st.x, st.y + exp(x - st.x));
}
fn lse_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  if (is_nan(a.x) || is_nan(b.x)) { return vec2<f32>(f32_nan(), 0.0); }
  let m = max(a.x, b.x);
  if (is_inf(m)) { return vec2<f32>(m, 0.0); }
  let sa = select(a.y * exp(a.x - m), 0.0, is_inf(a.x));
  let sb = select(b.y * exp(b.x - m), 0.0, is_inf(b.x));
  return vec2<f32>(m, sa + sb);
}
fn lse_finish(st: vec2<f32>) -> f32 {
  if (is_nan(st.x) || is_inf(st.x)) { return st.x; }
  return st.x + log(st.y);
}
fn lse_max(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}
fn lse_add(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> lse_max_row_buf: array<f32, 256>;
fn lse_max_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  lse_max_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { lse_max_row_buf[lid] = lse_max(lse_max_row_buf[lid], lse_max_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = lse_max_row_buf[(lid / LANES) * LANES];
  workgroupBarrier();
  return r;
}
var<workgroup> lse_sum_row_buf: array<f32, 256>;
fn lse_sum_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  lse_sum_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { lse_sum_row_buf[lid] = lse_add(lse_sum_row_buf[lid], lse_sum_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = lse_sum_row_buf[(lid / LANES) * LANES];
  workgroupBarrier();
  return r;
}
fn lse_row(st: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> {
  let m = lse_max_row(st.x, lid, sg_size, sg_id);
  let finite = !(is_nan(m) || is_inf(m));
  let own = select(0.0, st.y * exp(st.x - m), finite && !is_inf(st.x));
  return vec2<f32>(m, lse_sum_row(own, lid, sg_size, sg_id));
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
  var x_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[0] = x_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[1] = x_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[2] = x_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[3] = x_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[4] = x_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[5] = x_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[6] = x_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[7] = x_get(i); } }
  var st = vec2<f32>(-f32_inf(), 0.0);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[0]); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[1]); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[2]); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[3]); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[4]); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[5]); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[6]); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[7]); } }
  let t = lse_row(st, lid, sg_size, sg_id);
  // A row of −Inf (0/0), a +Inf (∞/∞) or a NaN gives a NaN row, as on the CPU device.
  let bad = is_nan(t.x) || is_inf(t.x);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[0] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[1] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[2] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[3] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[4] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[5] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[6] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[7] - t.x) / t.y, f32_nan(), bad)); } }
}

// ---- softmax:16x16c:wg:cached|x:f32:read,out:f32:read_write|x_offset:u32,out_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  out_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
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

fn lse_push(st: vec2<f32>, x: f32) -> vec2<f32> {
  if (is_nan(x) || is_nan(st.x)) { return vec2<f32>(f32_nan(), 0.0); }
  if (x > st.x) {
    if (is_inf(x)) { return vec2<f32>(x, 0.0); }
    if (is_inf(st.x)) { return vec2<f32>(x, 1.0); }
    return vec2<f32>(x, st.y * exp(st.x - x) + 1.0);
  }
  if (is_inf(st.x)) { return st; }
  return vec2<f32>(st.x, st.y + exp(x - st.x));
}
fn lse_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  if (is_nan(a.x) || is_nan(b.x)) { return vec2<f32>(f32_nan(), 0.0); }
  let m = max(a.x, b.x);
  if (is_inf(m)) { return vec2<f32>(m, 0.0); }
  let sa = select(a.y * exp(a.x - m), 0.0, is_inf(a.x));
  let sb = select(b.y * exp(b.x - m), 0.0, is_inf(b.x));
  return vec2<f32>(m, sa + sb);
}
fn lse_finish(st: vec2<f32>) -> f32 {
  if (is_nan(st.x) || is_inf(st.x)) { return st.x; }
  return st.x + log(st.y);
}
fn lse_max(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}
fn lse_add(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> lse_max_row_buf: array<f32, 256>;
fn lse_max_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  lse_max_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { lse_max_row_buf[lid] = lse_max(lse_max_row_buf[lid], lse_max_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = lse_max_row_buf[lid % COLS];
  workgroupBarrier();
  return r;
}
var<workgroup> lse_sum_row_buf: array<f32, 256>;
fn lse_sum_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  lse_sum_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { lse_sum_row_buf[lid] = lse_add(lse_sum_row_buf[lid], lse_sum_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = lse_sum_row_buf[lid % COLS];
  workgroupBarrier();
  return r;
}
fn lse_row(st: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> {
  let m = lse_max_row(st.x, lid, sg_size, sg_id);
  let finite = !(is_nan(m) || is_inf(m));
  let own = select(0.0, st.y * exp(st.x - m), finite && !is_inf(st.x));
  return vec2<f32>(m, lse_sum_row(own, lid, sg_size, sg_id));
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
  var x_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[0] = x_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[1] = x_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[2] = x_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[3] = x_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[4] = x_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[5] = x_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[6] = x_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[7] = x_get(i); } }
  var st = vec2<f32>(-f32_inf(), 0.0);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[0]); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[1]); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[2]); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[3]); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[4]); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[5]); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[6]); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[7]); } }
  let t = lse_row(st, lid, sg_size, sg_id);
  // A row of −Inf (0/0), a +Inf (∞/∞) or a NaN gives a NaN row, as on the CPU device.
  let bad = is_nan(t.x) || is_inf(t.x);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[0] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[1] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[2] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[3] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[4] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[5] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[6] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[7] - t.x) / t.y, f32_nan(), bad)); } }
}

// ---- softmax:16x16l:wg:cached|x:f32:read,out:f32:read_write|x_offset:u32,out_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  out_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
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

fn lse_push(st: vec2<f32>, x: f32) -> vec2<f32> {
  if (is_nan(x) || is_nan(st.x)) { return vec2<f32>(f32_nan(), 0.0); }
  if (x > st.x) {
    if (is_inf(x)) { return vec2<f32>(x, 0.0); }
    if (is_inf(st.x)) { return vec2<f32>(x, 1.0); }
    return vec2<f32>(x, st.y * exp(st.x - x) + 1.0);
  }
  if (is_inf(st.x)) { return st; }
  return vec2<f32>(st.x, st.y + exp(x - st.x));
}
fn lse_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  if (is_nan(a.x) || is_nan(b.x)) { return vec2<f32>(f32_nan(), 0.0); }
  let m = max(a.x, b.x);
  if (is_inf(m)) { return vec2<f32>(m, 0.0); }
  let sa = select(a.y * exp(a.x - m), 0.0, is_inf(a.x));
  let sb = select(b.y * exp(b.x - m), 0.0, is_inf(b.x));
  return vec2<f32>(m, sa + sb);
}
fn lse_finish(st: vec2<f32>) -> f32 {
  if (is_nan(st.x) || is_inf(st.x)) { return st.x; }
  return st.x + log(st.y);
}
fn lse_max(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}
fn lse_add(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> lse_max_row_buf: array<f32, 256>;
fn lse_max_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  lse_max_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { lse_max_row_buf[lid] = lse_max(lse_max_row_buf[lid], lse_max_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = lse_max_row_buf[(lid / LANES) * LANES];
  workgroupBarrier();
  return r;
}
var<workgroup> lse_sum_row_buf: array<f32, 256>;
fn lse_sum_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  lse_sum_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { lse_sum_row_buf[lid] = lse_add(lse_sum_row_buf[lid], lse_sum_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = lse_sum_row_buf[(lid / LANES) * LANES];
  workgroupBarrier();
  return r;
}
fn lse_row(st: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> {
  let m = lse_max_row(st.x, lid, sg_size, sg_id);
  let finite = !(is_nan(m) || is_inf(m));
  let own = select(0.0, st.y * exp(st.x - m), finite && !is_inf(st.x));
  return vec2<f32>(m, lse_sum_row(own, lid, sg_size, sg_id));
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
  var x_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[0] = x_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[1] = x_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[2] = x_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[3] = x_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[4] = x_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[5] = x_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[6] = x_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[7] = x_get(i); } }
  var st = vec2<f32>(-f32_inf(), 0.0);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[0]); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[1]); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[2]); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[3]); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[4]); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[5]); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[6]); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[7]); } }
  let t = lse_row(st, lid, sg_size, sg_id);
  // A row of −Inf (0/0), a +Inf (∞/∞) or a NaN gives a NaN row, as on the CPU device.
  let bad = is_nan(t.x) || is_inf(t.x);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[0] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[1] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[2] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[3] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[4] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[5] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[6] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[7] - t.x) / t.y, f32_nan(), bad)); } }
}

// ---- softmax:1x256l:sg:cached|x:f32:read,out:f32:read_write|x_offset:u32,out_offset:u32,rows:u32,size:u32,inner:u32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  out_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
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

fn lse_push(st: vec2<f32>, x: f32) -> vec2<f32> {
  if (is_nan(x) || is_nan(st.x)) { return vec2<f32>(f32_nan(), 0.0); }
  if (x > st.x) {
    if (is_inf(x)) { return vec2<f32>(x, 0.0); }
    if (is_inf(st.x)) { return vec2<f32>(x, 1.0); }
    return vec2<f32>(x, st.y * exp(st.x - x) + 1.0);
  }
  if (is_inf(st.x)) { return st; }
  return vec2<f32>(st.x, st.y + exp(x - st.x));
}
fn lse_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  if (is_nan(a.x) || is_nan(b.x)) { return vec2<f32>(f32_nan(), 0.0); }
  let m = max(a.x, b.x);
  if (is_inf(m)) { return vec2<f32>(m, 0.0); }
  let sa = select(a.y * exp(a.x - m), 0.0, is_inf(a.x));
  let sb = select(b.y * exp(b.x - m), 0.0, is_inf(b.x));
  return vec2<f32>(m, sa + sb);
}
fn lse_finish(st: vec2<f32>) -> f32 {
  if (is_nan(st.x) || is_inf(st.x)) { return st.x; }
  return st.x + log(st.y);
}
fn lse_max(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}
fn lse_add(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> lse_max_row_buf: array<f32, 256>;
fn lse_max_row_subgroup(v: f32, sg_size: u32) -> f32 {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = lse_max(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn lse_max_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  let x = lse_max_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { lse_max_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = -f32_inf();
    if (lane < n) { y = lse_max_row_buf[c * n + lane]; }
    y = lse_max_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { lse_max_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = lse_max_row_buf[c];
  workgroupBarrier();
  return r;
}
var<workgroup> lse_sum_row_buf: array<f32, 256>;
fn lse_sum_row_subgroup(v: f32, sg_size: u32) -> f32 {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = lse_add(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn lse_sum_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  let x = lse_sum_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { lse_sum_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = 0.0;
    if (lane < n) { y = lse_sum_row_buf[c * n + lane]; }
    y = lse_sum_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { lse_sum_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = lse_sum_row_buf[c];
  workgroupBarrier();
  return r;
}
fn lse_row(st: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> {
  let m = lse_max_row(st.x, lid, sg_size, sg_id);
  let finite = !(is_nan(m) || is_inf(m));
  let own = select(0.0, st.y * exp(st.x - m), finite && !is_inf(st.x));
  return vec2<f32>(m, lse_sum_row(own, lid, sg_size, sg_id));
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.rows;
  let base = select(0u, row_base(row), in_range);
  var x_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[0] = x_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[1] = x_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[2] = x_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[3] = x_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[4] = x_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[5] = x_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[6] = x_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[7] = x_get(i); } }
  var st = vec2<f32>(-f32_inf(), 0.0);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[0]); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[1]); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[2]); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[3]); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[4]); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[5]); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[6]); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[7]); } }
  let t = lse_row(st, lid, sg_size, sg_id);
  // A row of −Inf (0/0), a +Inf (∞/∞) or a NaN gives a NaN row, as on the CPU device.
  let bad = is_nan(t.x) || is_inf(t.x);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[0] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[1] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[2] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[3] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[4] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[5] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[6] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[7] - t.x) / t.y, f32_nan(), bad)); } }
}

// ---- softmax:256x1c:wg:cached|x:f32:read,out:f32:read_write|x_offset:u32,out_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  out_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
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

fn lse_push(st: vec2<f32>, x: f32) -> vec2<f32> {
  if (is_nan(x) || is_nan(st.x)) { return vec2<f32>(f32_nan(), 0.0); }
  if (x > st.x) {
    if (is_inf(x)) { return vec2<f32>(x, 0.0); }
    if (is_inf(st.x)) { return vec2<f32>(x, 1.0); }
    return vec2<f32>(x, st.y * exp(st.x - x) + 1.0);
  }
  if (is_inf(st.x)) { return st; }
  return vec2<f32>(st.x, st.y + exp(x - st.x));
}
fn lse_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  if (is_nan(a.x) || is_nan(b.x)) { return vec2<f32>(f32_nan(), 0.0); }
  let m = max(a.x, b.x);
  if (is_inf(m)) { return vec2<f32>(m, 0.0); }
  let sa = select(a.y * exp(a.x - m), 0.0, is_inf(a.x));
  let sb = select(b.y * exp(b.x - m), 0.0, is_inf(b.x));
  return vec2<f32>(m, sa + sb);
}
fn lse_finish(st: vec2<f32>) -> f32 {
  if (is_nan(st.x) || is_inf(st.x)) { return st.x; }
  return st.x + log(st.y);
}
fn lse_max(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}
fn lse_add(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> lse_max_row_buf: array<f32, 256>;
fn lse_max_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  lse_max_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { lse_max_row_buf[lid] = lse_max(lse_max_row_buf[lid], lse_max_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = lse_max_row_buf[lid % COLS];
  workgroupBarrier();
  return r;
}
var<workgroup> lse_sum_row_buf: array<f32, 256>;
fn lse_sum_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  lse_sum_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { lse_sum_row_buf[lid] = lse_add(lse_sum_row_buf[lid], lse_sum_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = lse_sum_row_buf[lid % COLS];
  workgroupBarrier();
  return r;
}
fn lse_row(st: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> {
  let m = lse_max_row(st.x, lid, sg_size, sg_id);
  let finite = !(is_nan(m) || is_inf(m));
  let own = select(0.0, st.y * exp(st.x - m), finite && !is_inf(st.x));
  return vec2<f32>(m, lse_sum_row(own, lid, sg_size, sg_id));
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
  var x_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[0] = x_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[1] = x_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[2] = x_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[3] = x_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[4] = x_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[5] = x_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[6] = x_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[7] = x_get(i); } }
  var st = vec2<f32>(-f32_inf(), 0.0);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[0]); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[1]); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[2]); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[3]); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[4]); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[5]); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[6]); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[7]); } }
  let t = lse_row(st, lid, sg_size, sg_id);
  // A row of −Inf (0/0), a +Inf (∞/∞) or a NaN gives a NaN row, as on the CPU device.
  let bad = is_nan(t.x) || is_inf(t.x);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[0] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[1] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[2] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[3] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[4] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[5] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[6] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[7] - t.x) / t.y, f32_nan(), bad)); } }
}

// ---- softmax:256x1l:wg:cached|x:f32:read,out:f32:read_write|x_offset:u32,out_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  out_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
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

fn lse_push(st: vec2<f32>, x: f32) -> vec2<f32> {
  if (is_nan(x) || is_nan(st.x)) { return vec2<f32>(f32_nan(), 0.0); }
  if (x > st.x) {
    if (is_inf(x)) { return vec2<f32>(x, 0.0); }
    if (is_inf(st.x)) { return vec2<f32>(x, 1.0); }
    return vec2<f32>(x, st.y * exp(st.x - x) + 1.0);
  }
  if (is_inf(st.x)) { return st; }
  return vec2<f32>(st.x, st.y + exp(x - st.x));
}
fn lse_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  if (is_nan(a.x) || is_nan(b.x)) { return vec2<f32>(f32_nan(), 0.0); }
  let m = max(a.x, b.x);
  if (is_inf(m)) { return vec2<f32>(m, 0.0); }
  let sa = select(a.y * exp(a.x - m), 0.0, is_inf(a.x));
  let sb = select(b.y * exp(b.x - m), 0.0, is_inf(b.x));
  return vec2<f32>(m, sa + sb);
}
fn lse_finish(st: vec2<f32>) -> f32 {
  if (is_nan(st.x) || is_inf(st.x)) { return st.x; }
  return st.x + log(st.y);
}
fn lse_max(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}
fn lse_add(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> lse_max_row_buf: array<f32, 256>;
fn lse_max_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  lse_max_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { lse_max_row_buf[lid] = lse_max(lse_max_row_buf[lid], lse_max_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = lse_max_row_buf[(lid / LANES) * LANES];
  workgroupBarrier();
  return r;
}
var<workgroup> lse_sum_row_buf: array<f32, 256>;
fn lse_sum_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  lse_sum_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { lse_sum_row_buf[lid] = lse_add(lse_sum_row_buf[lid], lse_sum_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = lse_sum_row_buf[(lid / LANES) * LANES];
  workgroupBarrier();
  return r;
}
fn lse_row(st: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> {
  let m = lse_max_row(st.x, lid, sg_size, sg_id);
  let finite = !(is_nan(m) || is_inf(m));
  let own = select(0.0, st.y * exp(st.x - m), finite && !is_inf(st.x));
  return vec2<f32>(m, lse_sum_row(own, lid, sg_size, sg_id));
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
  var x_c: array<f32, 8>;
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[0] = x_get(i); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[1] = x_get(i); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[2] = x_get(i); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[3] = x_get(i); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[4] = x_get(i); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[5] = x_get(i); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[6] = x_get(i); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; x_c[7] = x_get(i); } }
  var st = vec2<f32>(-f32_inf(), 0.0);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[0]); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[1]); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[2]); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[3]); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[4]); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[5]); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[6]); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; st = lse_push(st, x_c[7]); } }
  let t = lse_row(st, lid, sg_size, sg_id);
  // A row of −Inf (0/0), a +Inf (∞/∞) or a NaN gives a NaN row, as on the CPU device.
  let bad = is_nan(t.x) || is_inf(t.x);
  { let k = lane + 0u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[0] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 1u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[1] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 2u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[2] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 3u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[3] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 4u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[4] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 5u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[5] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 6u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[6] - t.x) / t.y, f32_nan(), bad)); } }
  { let k = lane + 7u * LANES; if (in_range && k < u.size) { let i = base + k * u.inner; out_set(i, select(exp(x_c[7] - t.x) / t.y, f32_nan(), bad)); } }
}

// ---- softmax:2x128c:wg:looped|x:f32:read,out:f32:read_write|x_offset:u32,out_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  out_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
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

fn lse_push(st: vec2<f32>, x: f32) -> vec2<f32> {
  if (is_nan(x) || is_nan(st.x)) { return vec2<f32>(f32_nan(), 0.0); }
  if (x > st.x) {
    if (is_inf(x)) { return vec2<f32>(x, 0.0); }
    if (is_inf(st.x)) { return vec2<f32>(x, 1.0); }
    return vec2<f32>(x, st.y * exp(st.x - x) + 1.0);
  }
  if (is_inf(st.x)) { return st; }
  return vec2<f32>(st.x, st.y + exp(x - st.x));
}
fn lse_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> {
  if (is_nan(a.x) || is_nan(b.x)) { return vec2<f32>(f32_nan(), 0.0); }
  let m = max(a.x, b.x);
  if (is_inf(m)) { return vec2<f32>(m, 0.0); }
  let sa = select(a.y * exp(a.x - m), 0.0, is_inf(a.x));
  let sb = select(b.y * exp(b.x - m), 0.0, is_inf(b.x));
  return vec2<f32>(m, sa + sb);
}
fn lse_finish(st: vec2<f32>) -> f32 {
  if (is_nan(st.x) || is_inf(st.x)) { return st.x; }
  return st.x + log(st.y);
}
fn lse_max(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}
fn lse_add(a: f32, b: f32) -> f32 { return a + b; }
var<workgroup> lse_max_row_buf: array<f32, 256>;
fn lse_max_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  lse_max_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { lse_max_row_buf[lid] = lse_max(lse_max_row_buf[lid], lse_max_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = lse_max_row_buf[lid % COLS];
  workgroupBarrier();
  return r;
}
var<workgroup> lse_sum_row_buf: array<f32, 256>;
fn lse_sum_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  lse_sum_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { lse_sum_row_buf[lid] = lse_add(lse_sum_row_buf[lid], lse_sum_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = lse_sum_row_buf[lid % COLS];
  workgroupBarrier();
  return r;
}
fn lse_row(st: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> {
  let m = lse_max_row(st.x, lid, sg_size, sg_id);
  let finite = !(is_nan(m) || is_inf(m));
  let own = select(0.0, st.y * exp(st.x - m), finite && !is_inf(st.x));
  return vec2<f32>(m, lse_sum_row(own, lid, sg_size, sg_id));
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
  
  var st = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) {
    for (var k = lane; k < u.size; k += LANES) {
      let i = base + k * u.inner;
      st = lse_push(st, x_get(i));
    }
  }
  let t = lse_row(st, lid, sg_size, sg_id);
  // A row of −Inf (0/0), a +Inf (∞/∞) or a NaN gives a NaN row, as on the CPU device.
  let bad = is_nan(t.x) || is_inf(t.x);
  if (in_range) {
    for (var k = lane; k < u.size; k += LANES) {
      let i = base + k * u.inner;
      out_set(i, select(exp(x_get(i) - t.x) / t.y, f32_nan(), bad));
    }
  }
}
