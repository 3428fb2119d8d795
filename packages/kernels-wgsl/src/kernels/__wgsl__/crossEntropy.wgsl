// ---- crossEntropy:16x16l:wg|x:f32:read,targets:i32:read,loss:f32:read_write,lse:f32:read_write,errors|x_offset:u32,targets_offset:u32,loss_offset:u32,lse_offset:u32,error_tag:u32,rows:u32,v:u32,ignore_index:i32
struct Uniforms {
  x_offset: u32,
  targets_offset: u32,
  loss_offset: u32,
  lse_offset: u32,
  error_tag: u32,
  rows: u32,
  v: u32,
  ignore_index: i32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read> targets: array<i32>;
fn targets_get(i: u32) -> i32 { return targets[u.targets_offset + i]; }
@group(0) @binding(3) var<storage, read_write> loss: array<f32>;
fn loss_get(i: u32) -> f32 { return loss[u.loss_offset + i]; }
fn loss_set(i: u32, v: f32) { loss[u.loss_offset + i] = v; }
@group(0) @binding(4) var<storage, read_write> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
fn lse_set(i: u32, v: f32) { lse[u.lse_offset + i] = v; }
@group(0) @binding(5) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
// Words: [0] lowest error tag seen (0xffffffff: none), [1] count, [2] a bad value.
fn report_error(bad_value: u32) {
  atomicMin(&lightattn_errors[0], u.error_tag);
  atomicAdd(&lightattn_errors[1], 1u);
  atomicStore(&lightattn_errors[2], bad_value);
}

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
fn bad_target(t: i32) -> bool { return t != u.ignore_index && (t < 0 || u32(t) >= u.v); }
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
  let base = select(0u, row * u.v, in_range);
  var st = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) { for (var k = lane; k < u.v; k += LANES) { st = lse_push(st, x_get(base + k)); } }
  let lse = lse_finish(lse_row(st, lid, sg_size, sg_id));
  if (in_range && lane == 0u) {
    lse_set(row, lse);
    let t = targets_get(row);
    if (t == u.ignore_index) {
      loss_set(row, 0.0);
    } else if (bad_target(t)) {
      report_error(bitcast<u32>(t));
      loss_set(row, f32_nan());
    } else {
      loss_set(row, lse - x_get(base + u32(t)));
    }
  }
}

// ---- crossEntropy:1x256l:sg|x:f32:read,targets:i32:read,loss:f32:read_write,lse:f32:read_write,errors|x_offset:u32,targets_offset:u32,loss_offset:u32,lse_offset:u32,error_tag:u32,rows:u32,v:u32,ignore_index:i32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  targets_offset: u32,
  loss_offset: u32,
  lse_offset: u32,
  error_tag: u32,
  rows: u32,
  v: u32,
  ignore_index: i32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read> targets: array<i32>;
fn targets_get(i: u32) -> i32 { return targets[u.targets_offset + i]; }
@group(0) @binding(3) var<storage, read_write> loss: array<f32>;
fn loss_get(i: u32) -> f32 { return loss[u.loss_offset + i]; }
fn loss_set(i: u32, v: f32) { loss[u.loss_offset + i] = v; }
@group(0) @binding(4) var<storage, read_write> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
fn lse_set(i: u32, v: f32) { lse[u.lse_offset + i] = v; }
@group(0) @binding(5) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
// Words: [0] lowest error tag seen (0xffffffff: none), [1] count, [2] a bad value.
fn report_error(bad_value: u32) {
  atomicMin(&lightattn_errors[0], u.error_tag);
  atomicAdd(&lightattn_errors[1], 1u);
  atomicStore(&lightattn_errors[2], bad_value);
}

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
fn bad_target(t: i32) -> bool { return t != u.ignore_index && (t < 0 || u32(t) >= u.v); }
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
  let base = select(0u, row * u.v, in_range);
  var st = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) { for (var k = lane; k < u.v; k += LANES) { st = lse_push(st, x_get(base + k)); } }
  let lse = lse_finish(lse_row(st, lid, sg_size, sg_id));
  if (in_range && lane == 0u) {
    lse_set(row, lse);
    let t = targets_get(row);
    if (t == u.ignore_index) {
      loss_set(row, 0.0);
    } else if (bad_target(t)) {
      report_error(bitcast<u32>(t));
      loss_set(row, f32_nan());
    } else {
      loss_set(row, lse - x_get(base + u32(t)));
    }
  }
}

// ---- crossEntropy:256x1l:wg|x:f32:read,targets:i32:read,loss:f32:read_write,lse:f32:read_write,errors|x_offset:u32,targets_offset:u32,loss_offset:u32,lse_offset:u32,error_tag:u32,rows:u32,v:u32,ignore_index:i32
struct Uniforms {
  x_offset: u32,
  targets_offset: u32,
  loss_offset: u32,
  lse_offset: u32,
  error_tag: u32,
  rows: u32,
  v: u32,
  ignore_index: i32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read> targets: array<i32>;
fn targets_get(i: u32) -> i32 { return targets[u.targets_offset + i]; }
@group(0) @binding(3) var<storage, read_write> loss: array<f32>;
fn loss_get(i: u32) -> f32 { return loss[u.loss_offset + i]; }
fn loss_set(i: u32, v: f32) { loss[u.loss_offset + i] = v; }
@group(0) @binding(4) var<storage, read_write> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
fn lse_set(i: u32, v: f32) { lse[u.lse_offset + i] = v; }
@group(0) @binding(5) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
// Words: [0] lowest error tag seen (0xffffffff: none), [1] count, [2] a bad value.
fn report_error(bad_value: u32) {
  atomicMin(&lightattn_errors[0], u.error_tag);
  atomicAdd(&lightattn_errors[1], 1u);
  atomicStore(&lightattn_errors[2], bad_value);
}

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
fn bad_target(t: i32) -> bool { return t != u.ignore_index && (t < 0 || u32(t) >= u.v); }
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
  let base = select(0u, row * u.v, in_range);
  var st = vec2<f32>(-f32_inf(), 0.0);
  if (in_range) { for (var k = lane; k < u.v; k += LANES) { st = lse_push(st, x_get(base + k)); } }
  let lse = lse_finish(lse_row(st, lid, sg_size, sg_id));
  if (in_range && lane == 0u) {
    lse_set(row, lse);
    let t = targets_get(row);
    if (t == u.ignore_index) {
      loss_set(row, 0.0);
    } else if (bad_target(t)) {
      report_error(bitcast<u32>(t));
      loss_set(row, f32_nan());
    } else {
      loss_set(row, lse - x_get(base + u32(t)));
    }
  }
}
