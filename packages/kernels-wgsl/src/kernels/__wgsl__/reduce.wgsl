// ---- reduce-combine:logsumexp:128x2c:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }
fn store_state(i: u32, s: vec2<f32>) { partials_set(2u * i, s.x); partials_set(2u * i + 1u, s.y); }
fn load_state(i: u32) -> vec2<f32> { return vec2<f32>(partials_get(2u * i), partials_get(2u * i + 1u)); }
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
fn reduce_row(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> { return lse_row(v, lid, sg_size, sg_id); }
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid % COLS;
  let lane = lid / COLS;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.out_rows;
  var acc = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, lse_finish(t)); }
}

// ---- reduce-combine:logsumexp:128x2l:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }
fn store_state(i: u32, s: vec2<f32>) { partials_set(2u * i, s.x); partials_set(2u * i + 1u, s.y); }
fn load_state(i: u32) -> vec2<f32> { return vec2<f32>(partials_get(2u * i), partials_get(2u * i + 1u)); }
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
fn reduce_row(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> { return lse_row(v, lid, sg_size, sg_id); }
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.out_rows;
  var acc = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, lse_finish(t)); }
}

// ---- reduce-combine:logsumexp:256x1c:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }
fn store_state(i: u32, s: vec2<f32>) { partials_set(2u * i, s.x); partials_set(2u * i + 1u, s.y); }
fn load_state(i: u32) -> vec2<f32> { return vec2<f32>(partials_get(2u * i), partials_get(2u * i + 1u)); }
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
fn reduce_row(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> { return lse_row(v, lid, sg_size, sg_id); }
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid % COLS;
  let lane = lid / COLS;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.out_rows;
  var acc = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, lse_finish(t)); }
}

// ---- reduce-combine:max:128x2c:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.out_rows;
  var acc = -f32_inf();
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce-combine:max:128x2l:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.out_rows;
  var acc = -f32_inf();
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce-combine:max:128x2l:wg|partials:i32:read_write,y:i32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<i32>;
fn partials_get(i: u32) -> i32 { return partials[i]; }
fn partials_set(i: u32, v: i32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: i32, b: i32) -> i32 { return max(a, b); }
fn store_state(i: u32, s: i32) { partials_set(i, s); }
fn load_state(i: u32) -> i32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.out_rows;
  var acc = bitcast<i32>(0x80000000u);
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce-combine:max:128x2l:wg|partials:u32:read_write,y:u32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<u32>;
fn partials_get(i: u32) -> u32 { return partials[i]; }
fn partials_set(i: u32, v: u32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: u32, b: u32) -> u32 { return max(a, b); }
fn store_state(i: u32, s: u32) { partials_set(i, s); }
fn load_state(i: u32) -> u32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.out_rows;
  var acc = 0u;
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce-combine:max:256x1c:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.out_rows;
  var acc = -f32_inf();
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce-combine:mean:128x2c:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.out_rows;
  var acc = f32(0);
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, select(t / f32(u.count), f32_nan(), u.count == 0u)); }
}

// ---- reduce-combine:mean:128x2l:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.out_rows;
  var acc = f32(0);
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, select(t / f32(u.count), f32_nan(), u.count == 0u)); }
}

// ---- reduce-combine:mean:256x1c:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.out_rows;
  var acc = f32(0);
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, select(t / f32(u.count), f32_nan(), u.count == 0u)); }
}

// ---- reduce-combine:min:128x2c:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return min(a, b);
}
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.out_rows;
  var acc = f32_inf();
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce-combine:min:128x2l:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return min(a, b);
}
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.out_rows;
  var acc = f32_inf();
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce-combine:min:128x2l:wg|partials:i32:read_write,y:i32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<i32>;
fn partials_get(i: u32) -> i32 { return partials[i]; }
fn partials_set(i: u32, v: i32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: i32, b: i32) -> i32 { return min(a, b); }
fn store_state(i: u32, s: i32) { partials_set(i, s); }
fn load_state(i: u32) -> i32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.out_rows;
  var acc = 2147483647i;
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce-combine:min:128x2l:wg|partials:u32:read_write,y:u32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<u32>;
fn partials_get(i: u32) -> u32 { return partials[i]; }
fn partials_set(i: u32, v: u32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: u32, b: u32) -> u32 { return min(a, b); }
fn store_state(i: u32, s: u32) { partials_set(i, s); }
fn load_state(i: u32) -> u32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.out_rows;
  var acc = 0xffffffffu;
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce-combine:min:256x1c:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return min(a, b);
}
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.out_rows;
  var acc = f32_inf();
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce-combine:sum:128x2c:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.out_rows;
  var acc = f32(0);
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce-combine:sum:128x2l:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.out_rows;
  var acc = f32(0);
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce-combine:sum:128x2l:wg|partials:i32:read_write,y:i32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<i32>;
fn partials_get(i: u32) -> i32 { return partials[i]; }
fn partials_set(i: u32, v: i32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: i32, b: i32) -> i32 { return a + b; }
fn store_state(i: u32, s: i32) { partials_set(i, s); }
fn load_state(i: u32) -> i32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.out_rows;
  var acc = i32(0);
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce-combine:sum:128x2l:wg|partials:u32:read_write,y:u32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<u32>;
fn partials_get(i: u32) -> u32 { return partials[i]; }
fn partials_set(i: u32, v: u32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: u32, b: u32) -> u32 { return a + b; }
fn store_state(i: u32, s: u32) { partials_set(i, s); }
fn load_state(i: u32) -> u32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.out_rows;
  var acc = u32(0);
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce-combine:sum:256x1c:wg|partials:f32:read_write,y:f32:read_write|y_offset:u32,out_rows:u32,count:u32,split:u32
struct Uniforms {
  y_offset: u32,
  out_rows: u32,
  count: u32,
  split: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.out_rows;
  var acc = f32(0);
  if (in_range) {
    for (var s = lane; s < u.split; s += LANES) { acc = red_combine(acc, load_state(s * u.out_rows + row)); }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:logsumexp:128x2c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
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
fn reduce_row(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> { return lse_row(v, lid, sg_size, sg_id); }
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid % COLS;
  let lane = lid / COLS;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = lse_push(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, lse_finish(t)); }
}

// ---- reduce:logsumexp:128x2l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
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
fn reduce_row(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> { return lse_row(v, lid, sg_size, sg_id); }
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = lse_push(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, lse_finish(t)); }
}

// ---- reduce:logsumexp:16x16l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
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
fn reduce_row(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> { return lse_row(v, lid, sg_size, sg_id); }
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = lse_push(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, lse_finish(t)); }
}

// ---- reduce:logsumexp:256x1c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
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
fn reduce_row(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> { return lse_row(v, lid, sg_size, sg_id); }
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid % COLS;
  let lane = lid / COLS;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = lse_push(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, lse_finish(t)); }
}

// ---- reduce:logsumexp:256x1l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
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
fn reduce_row(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> { return lse_row(v, lid, sg_size, sg_id); }
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = lse_push(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, lse_finish(t)); }
}

// ---- reduce:logsumexp:32x8l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
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
fn reduce_row(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> { return lse_row(v, lid, sg_size, sg_id); }
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = lse_push(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, lse_finish(t)); }
}

// ---- reduce:logsumexp:4x64l:1d:sg:partial|x:f32:read,partials:f32:read_write|x_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 4u;
const LANES = 64u;

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
fn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }
fn store_state(i: u32, s: vec2<f32>) { partials_set(2u * i, s.x); partials_set(2u * i + 1u, s.y); }
fn load_state(i: u32) -> vec2<f32> { return vec2<f32>(partials_get(2u * i), partials_get(2u * i + 1u)); }

fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
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
fn reduce_row(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> { return lse_row(v, lid, sg_size, sg_id); }
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = lse_push(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { store_state(row, t); }
}

// ---- reduce:logsumexp:64x4c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;

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
fn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
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
fn reduce_row(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> { return lse_row(v, lid, sg_size, sg_id); }
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid % COLS;
  let lane = lid / COLS;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = lse_push(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, lse_finish(t)); }
}

// ---- reduce:logsumexp:64x4l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;

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
fn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
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
fn reduce_row(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> { return lse_row(v, lid, sg_size, sg_id); }
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = lse_push(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, lse_finish(t)); }
}

// ---- reduce:logsumexp:64x4l:nd:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_rank:u32,red_shape:u32x8,red_strides:u32x8
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_rank: u32,
  red_shape: array<vec4<u32>, 2>,
  red_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;

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
fn red_combine(a: vec2<f32>, b: vec2<f32>) -> vec2<f32> { return lse_combine(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn red_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.red_rank) - 1; k >= 0; k--) {
    let d = u.red_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.red_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
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
fn reduce_row(v: vec2<f32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<f32> { return lse_row(v, lid, sg_size, sg_id); }
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let sg_size = 0u;
  let sg_id = 0u;
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = lse_push(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, lse_finish(t)); }
}

// ---- reduce:max:128x2c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = -f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:128x2l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = -f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:16x16l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = -f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:16x16l:1d:wg:whole|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: i32, b: i32) -> i32 { return max(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = bitcast<i32>(0x80000000u);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = max(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:16x16l:1d:wg:whole|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: u32, b: u32) -> u32 { return max(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = 0u;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = max(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:256x1c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = -f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:256x1c:1d:wg:whole|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: i32, b: i32) -> i32 { return max(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = bitcast<i32>(0x80000000u);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = max(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:256x1c:1d:wg:whole|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: u32, b: u32) -> u32 { return max(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = 0u;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = max(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:256x1l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = -f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:256x1l:1d:wg:whole|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: i32, b: i32) -> i32 { return max(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = bitcast<i32>(0x80000000u);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = max(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:256x1l:1d:wg:whole|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: u32, b: u32) -> u32 { return max(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = 0u;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = max(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:32x8l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = -f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:4x64l:1d:sg:partial|x:f32:read,partials:f32:read_write|x_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 4u;
const LANES = 64u;

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }

fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row_subgroup(v: f32, sg_size: u32) -> f32 {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = red_combine(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  let x = reduce_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { reduce_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = -f32_inf();
    if (lane < n) { y = reduce_row_buf[c * n + lane]; }
    y = reduce_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { reduce_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = reduce_row_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = -f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { store_state(row, t); }
}

// ---- reduce:max:4x64l:1d:sg:partial|x:i32:read,partials:i32:read_write|x_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> partials: array<i32>;
fn partials_get(i: u32) -> i32 { return partials[i]; }
fn partials_set(i: u32, v: i32) { partials[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 4u;
const LANES = 64u;
fn red_combine(a: i32, b: i32) -> i32 { return max(a, b); }
fn store_state(i: u32, s: i32) { partials_set(i, s); }
fn load_state(i: u32) -> i32 { return partials_get(i); }

fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row_subgroup(v: i32, sg_size: u32) -> i32 {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = red_combine(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  let x = reduce_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { reduce_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = bitcast<i32>(0x80000000u);
    if (lane < n) { y = reduce_row_buf[c * n + lane]; }
    y = reduce_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { reduce_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = reduce_row_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = bitcast<i32>(0x80000000u);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = max(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { store_state(row, t); }
}

// ---- reduce:max:4x64l:1d:sg:partial|x:u32:read,partials:u32:read_write|x_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> partials: array<u32>;
fn partials_get(i: u32) -> u32 { return partials[i]; }
fn partials_set(i: u32, v: u32) { partials[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 4u;
const LANES = 64u;
fn red_combine(a: u32, b: u32) -> u32 { return max(a, b); }
fn store_state(i: u32, s: u32) { partials_set(i, s); }
fn load_state(i: u32) -> u32 { return partials_get(i); }

fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row_subgroup(v: u32, sg_size: u32) -> u32 {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = red_combine(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  let x = reduce_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { reduce_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = 0u;
    if (lane < n) { y = reduce_row_buf[c * n + lane]; }
    y = reduce_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { reduce_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = reduce_row_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = 0u;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = max(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { store_state(row, t); }
}

// ---- reduce:max:64x4c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = -f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:64x4l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = -f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:64x4l:nd:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_rank:u32,red_shape:u32x8,red_strides:u32x8
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_rank: u32,
  red_shape: array<vec4<u32>, 2>,
  red_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return max(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn red_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.red_rank) - 1; k >= 0; k--) {
    let d = u.red_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.red_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = -f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:64x4l:nd:wg:whole|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_rank:u32,red_shape:u32x8,red_strides:u32x8
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_rank: u32,
  red_shape: array<vec4<u32>, 2>,
  red_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;
fn red_combine(a: i32, b: i32) -> i32 { return max(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn red_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.red_rank) - 1; k >= 0; k--) {
    let d = u.red_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.red_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = bitcast<i32>(0x80000000u);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = max(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:max:64x4l:nd:wg:whole|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_rank:u32,red_shape:u32x8,red_strides:u32x8
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_rank: u32,
  red_shape: array<vec4<u32>, 2>,
  red_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;
fn red_combine(a: u32, b: u32) -> u32 { return max(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn red_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.red_rank) - 1; k >= 0; k--) {
    let d = u.red_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.red_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = 0u;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = max(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:mean:128x2c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, select(t / f32(u.count), f32_nan(), u.count == 0u)); }
}

// ---- reduce:mean:128x2l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, select(t / f32(u.count), f32_nan(), u.count == 0u)); }
}

// ---- reduce:mean:16x16l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, select(t / f32(u.count), f32_nan(), u.count == 0u)); }
}

// ---- reduce:mean:256x1c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, select(t / f32(u.count), f32_nan(), u.count == 0u)); }
}

// ---- reduce:mean:256x1l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, select(t / f32(u.count), f32_nan(), u.count == 0u)); }
}

// ---- reduce:mean:32x8l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, select(t / f32(u.count), f32_nan(), u.count == 0u)); }
}

// ---- reduce:mean:4x64l:1d:sg:partial|x:f32:read,partials:f32:read_write|x_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 4u;
const LANES = 64u;
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }

fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row_subgroup(v: f32, sg_size: u32) -> f32 {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = red_combine(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  let x = reduce_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { reduce_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = f32(0);
    if (lane < n) { y = reduce_row_buf[c * n + lane]; }
    y = reduce_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { reduce_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = reduce_row_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { store_state(row, t); }
}

// ---- reduce:mean:64x4c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, select(t / f32(u.count), f32_nan(), u.count == 0u)); }
}

// ---- reduce:mean:64x4l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, select(t / f32(u.count), f32_nan(), u.count == 0u)); }
}

// ---- reduce:mean:64x4l:nd:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_rank:u32,red_shape:u32x8,red_strides:u32x8
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_rank: u32,
  red_shape: array<vec4<u32>, 2>,
  red_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn red_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.red_rank) - 1; k >= 0; k--) {
    let d = u.red_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.red_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, select(t / f32(u.count), f32_nan(), u.count == 0u)); }
}

// ---- reduce:min:128x2c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return min(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:128x2l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return min(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:16x16l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return min(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:16x16l:1d:wg:whole|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: i32, b: i32) -> i32 { return min(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = 2147483647i;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = min(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:16x16l:1d:wg:whole|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: u32, b: u32) -> u32 { return min(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = 0xffffffffu;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = min(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:256x1c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return min(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:256x1c:1d:wg:whole|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: i32, b: i32) -> i32 { return min(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = 2147483647i;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = min(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:256x1c:1d:wg:whole|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: u32, b: u32) -> u32 { return min(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = 0xffffffffu;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = min(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:256x1l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return min(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:256x1l:1d:wg:whole|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: i32, b: i32) -> i32 { return min(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = 2147483647i;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = min(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:256x1l:1d:wg:whole|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: u32, b: u32) -> u32 { return min(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = 0xffffffffu;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = min(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:32x8l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return min(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:4x64l:1d:sg:partial|x:f32:read,partials:f32:read_write|x_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 4u;
const LANES = 64u;

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return min(a, b);
}
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }

fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row_subgroup(v: f32, sg_size: u32) -> f32 {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = red_combine(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  let x = reduce_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { reduce_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = f32_inf();
    if (lane < n) { y = reduce_row_buf[c * n + lane]; }
    y = reduce_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { reduce_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = reduce_row_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { store_state(row, t); }
}

// ---- reduce:min:4x64l:1d:sg:partial|x:i32:read,partials:i32:read_write|x_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> partials: array<i32>;
fn partials_get(i: u32) -> i32 { return partials[i]; }
fn partials_set(i: u32, v: i32) { partials[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 4u;
const LANES = 64u;
fn red_combine(a: i32, b: i32) -> i32 { return min(a, b); }
fn store_state(i: u32, s: i32) { partials_set(i, s); }
fn load_state(i: u32) -> i32 { return partials_get(i); }

fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row_subgroup(v: i32, sg_size: u32) -> i32 {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = red_combine(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  let x = reduce_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { reduce_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = 2147483647i;
    if (lane < n) { y = reduce_row_buf[c * n + lane]; }
    y = reduce_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { reduce_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = reduce_row_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = 2147483647i;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = min(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { store_state(row, t); }
}

// ---- reduce:min:4x64l:1d:sg:partial|x:u32:read,partials:u32:read_write|x_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> partials: array<u32>;
fn partials_get(i: u32) -> u32 { return partials[i]; }
fn partials_set(i: u32, v: u32) { partials[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 4u;
const LANES = 64u;
fn red_combine(a: u32, b: u32) -> u32 { return min(a, b); }
fn store_state(i: u32, s: u32) { partials_set(i, s); }
fn load_state(i: u32) -> u32 { return partials_get(i); }

fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row_subgroup(v: u32, sg_size: u32) -> u32 {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = red_combine(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  let x = reduce_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { reduce_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = 0xffffffffu;
    if (lane < n) { y = reduce_row_buf[c * n + lane]; }
    y = reduce_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { reduce_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = reduce_row_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = 0xffffffffu;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = min(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { store_state(row, t); }
}

// ---- reduce:min:64x4c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return min(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:64x4l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return min(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:64x4l:nd:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_rank:u32,red_shape:u32x8,red_strides:u32x8
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_rank: u32,
  red_shape: array<vec4<u32>, 2>,
  red_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;

fn red_combine(a: f32, b: f32) -> f32 {
  if (is_nan(a) || is_nan(b)) { return f32_nan(); }
  return min(a, b);
}


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn red_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.red_rank) - 1; k >= 0; k--) {
    let d = u.red_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.red_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32_inf();
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = red_combine(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:64x4l:nd:wg:whole|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_rank:u32,red_shape:u32x8,red_strides:u32x8
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_rank: u32,
  red_shape: array<vec4<u32>, 2>,
  red_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;
fn red_combine(a: i32, b: i32) -> i32 { return min(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn red_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.red_rank) - 1; k >= 0; k--) {
    let d = u.red_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.red_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = 2147483647i;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = min(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:min:64x4l:nd:wg:whole|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_rank:u32,red_shape:u32x8,red_strides:u32x8
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_rank: u32,
  red_shape: array<vec4<u32>, 2>,
  red_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;
fn red_combine(a: u32, b: u32) -> u32 { return min(a, b); }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn red_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.red_rank) - 1; k >= 0; k--) {
    let d = u.red_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.red_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = 0xffffffffu;
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = min(acc, v);
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:128x2c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:128x2l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:16x16l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:16x16l:1d:wg:whole|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: i32, b: i32) -> i32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = i32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:16x16l:1d:wg:whole|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: u32, b: u32) -> u32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = u32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:256x1c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:256x1c:1d:wg:whole|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: i32, b: i32) -> i32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = i32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:256x1c:1d:wg:whole|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: u32, b: u32) -> u32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = u32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:256x1l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:256x1l:1d:wg:whole|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: i32, b: i32) -> i32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = i32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:256x1l:1d:wg:whole|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: u32, b: u32) -> u32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = u32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:32x8l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

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
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:4x64l:1d:sg:partial|x:f32:read,partials:f32:read_write|x_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> partials: array<f32>;
fn partials_get(i: u32) -> f32 { return partials[i]; }
fn partials_set(i: u32, v: f32) { partials[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 4u;
const LANES = 64u;
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }
fn store_state(i: u32, s: f32) { partials_set(i, s); }
fn load_state(i: u32) -> f32 { return partials_get(i); }

fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row_subgroup(v: f32, sg_size: u32) -> f32 {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = red_combine(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  let x = reduce_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { reduce_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = f32(0);
    if (lane < n) { y = reduce_row_buf[c * n + lane]; }
    y = reduce_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { reduce_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = reduce_row_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { store_state(row, t); }
}

// ---- reduce:sum:4x64l:1d:sg:partial|x:i32:read,partials:i32:read_write|x_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> partials: array<i32>;
fn partials_get(i: u32) -> i32 { return partials[i]; }
fn partials_set(i: u32, v: i32) { partials[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 4u;
const LANES = 64u;
fn red_combine(a: i32, b: i32) -> i32 { return a + b; }
fn store_state(i: u32, s: i32) { partials_set(i, s); }
fn load_state(i: u32) -> i32 { return partials_get(i); }

fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row_subgroup(v: i32, sg_size: u32) -> i32 {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = red_combine(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  let x = reduce_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { reduce_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = i32(0);
    if (lane < n) { y = reduce_row_buf[c * n + lane]; }
    y = reduce_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { reduce_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = reduce_row_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = i32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { store_state(row, t); }
}

// ---- reduce:sum:4x64l:1d:sg:partial|x:u32:read,partials:u32:read_write|x_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> partials: array<u32>;
fn partials_get(i: u32) -> u32 { return partials[i]; }
fn partials_set(i: u32, v: u32) { partials[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 4u;
const LANES = 64u;
fn red_combine(a: u32, b: u32) -> u32 { return a + b; }
fn store_state(i: u32, s: u32) { partials_set(i, s); }
fn load_state(i: u32) -> u32 { return partials_get(i); }

fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row_subgroup(v: u32, sg_size: u32) -> u32 {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = red_combine(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  let x = reduce_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { reduce_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = u32(0);
    if (lane < n) { y = reduce_row_buf[c * n + lane]; }
    y = reduce_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { reduce_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = reduce_row_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.vrows;
  var acc = u32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { store_state(row, t); }
}

// ---- reduce:sum:64x4c:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[lid % COLS];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:64x4l:1d:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_stride:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_stride: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn red_offset(r: u32) -> u32 { return r * u.red_stride; }
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:64x4l:nd:wg:whole|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_rank:u32,red_shape:u32x8,red_strides:u32x8
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_rank: u32,
  red_shape: array<vec4<u32>, 2>,
  red_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;
fn red_combine(a: f32, b: f32) -> f32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn red_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.red_rank) - 1; k >= 0; k--) {
    let d = u.red_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.red_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
var<workgroup> reduce_row_buf: array<f32, 256>;
fn reduce_row(v: f32, lid: u32, sg_size: u32, sg_id: u32) -> f32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = f32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:64x4l:nd:wg:whole|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_rank:u32,red_shape:u32x8,red_strides:u32x8
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_rank: u32,
  red_shape: array<vec4<u32>, 2>,
  red_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;
fn red_combine(a: i32, b: i32) -> i32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn red_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.red_rank) - 1; k >= 0; k--) {
    let d = u.red_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.red_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
var<workgroup> reduce_row_buf: array<i32, 256>;
fn reduce_row(v: i32, lid: u32, sg_size: u32, sg_id: u32) -> i32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = i32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}

// ---- reduce:sum:64x4l:nd:wg:whole|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,vrows:u32,out_rows:u32,count:u32,span:u32,kept_rank:u32,kept_shape:u32x8,kept_strides:u32x8,red_rank:u32,red_shape:u32x8,red_strides:u32x8
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  vrows: u32,
  out_rows: u32,
  count: u32,
  span: u32,
  kept_rank: u32,
  kept_shape: array<vec4<u32>, 2>,
  kept_strides: array<vec4<u32>, 2>,
  red_rank: u32,
  red_shape: array<vec4<u32>, 2>,
  red_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
const COLS = 64u;
const LANES = 4u;
fn red_combine(a: u32, b: u32) -> u32 { return a + b; }


fn kept_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.kept_rank) - 1; k >= 0; k--) {
    let d = u.kept_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.kept_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn red_offset(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.red_rank) - 1; k >= 0; k--) {
    let d = u.red_shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.red_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
var<workgroup> reduce_row_buf: array<u32, 256>;
fn reduce_row(v: u32, lid: u32, sg_size: u32, sg_id: u32) -> u32 {
  reduce_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { reduce_row_buf[lid] = red_combine(reduce_row_buf[lid], reduce_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = reduce_row_buf[(lid / LANES) * LANES];
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
  let in_range = row < u.vrows;
  var acc = u32(0);
  if (in_range) {
    let base = kept_offset(row % u.out_rows);
    let first = (row / u.out_rows) * u.span;
    let end = min(u.count, first + u.span);
    for (var r = first + lane; r < end; r += LANES) {
      let v = x_get(base + red_offset(r));
      acc = acc + v;
    }
  }
  let t = reduce_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, t); }
}
