// ---- argReduce:argmax:16x16l:wg|x:f32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<f32>(a.x);
  let vb = bitcast<f32>(b.x);
  let na = is_nan(va);
  let nb = is_nan(vb);
  if (na && nb) { return select(b, a, a.y < b.y); }
  if (na) { return a; }
  if (nb) { return b; }
  if (va > vb) { return a; }
  if (vb > va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  arg_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { arg_row_buf[lid] = arg_combine(arg_row_buf[lid], arg_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = arg_row_buf[(lid / LANES) * LANES];
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
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmax:16x16l:wg|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<i32>(a.x);
  let vb = bitcast<i32>(b.x);
  
  if (va > vb) { return a; }
  if (vb > va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  arg_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { arg_row_buf[lid] = arg_combine(arg_row_buf[lid], arg_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = arg_row_buf[(lid / LANES) * LANES];
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
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmax:16x16l:wg|x:u32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<u32>(a.x);
  let vb = bitcast<u32>(b.x);
  
  if (va > vb) { return a; }
  if (vb > va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  arg_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { arg_row_buf[lid] = arg_combine(arg_row_buf[lid], arg_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = arg_row_buf[(lid / LANES) * LANES];
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
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmax:1x256l:sg|x:f32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
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
const COLS = 1u;
const LANES = 256u;
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<f32>(a.x);
  let vb = bitcast<f32>(b.x);
  let na = is_nan(va);
  let nb = is_nan(vb);
  if (na && nb) { return select(b, a, a.y < b.y); }
  if (na) { return a; }
  if (nb) { return b; }
  if (va > vb) { return a; }
  if (vb > va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row_subgroup(v: vec2<u32>, sg_size: u32) -> vec2<u32> {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = arg_combine(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  let x = arg_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { arg_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = vec2<u32>(0u, 0xffffffffu);
    if (lane < n) { y = arg_row_buf[c * n + lane]; }
    y = arg_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { arg_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = arg_row_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.rows;
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmax:256x1c:wg|x:f32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<f32>(a.x);
  let vb = bitcast<f32>(b.x);
  let na = is_nan(va);
  let nb = is_nan(vb);
  if (na && nb) { return select(b, a, a.y < b.y); }
  if (na) { return a; }
  if (nb) { return b; }
  if (va > vb) { return a; }
  if (vb > va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  arg_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { arg_row_buf[lid] = arg_combine(arg_row_buf[lid], arg_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = arg_row_buf[lid % COLS];
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
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmax:256x1c:wg|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<i32>(a.x);
  let vb = bitcast<i32>(b.x);
  
  if (va > vb) { return a; }
  if (vb > va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  arg_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { arg_row_buf[lid] = arg_combine(arg_row_buf[lid], arg_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = arg_row_buf[lid % COLS];
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
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmax:256x1l:wg|x:f32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<f32>(a.x);
  let vb = bitcast<f32>(b.x);
  let na = is_nan(va);
  let nb = is_nan(vb);
  if (na && nb) { return select(b, a, a.y < b.y); }
  if (na) { return a; }
  if (nb) { return b; }
  if (va > vb) { return a; }
  if (vb > va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  arg_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { arg_row_buf[lid] = arg_combine(arg_row_buf[lid], arg_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = arg_row_buf[(lid / LANES) * LANES];
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
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmax:4x64c:wg|x:f32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
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
const COLS = 4u;
const LANES = 64u;
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<f32>(a.x);
  let vb = bitcast<f32>(b.x);
  let na = is_nan(va);
  let nb = is_nan(vb);
  if (na && nb) { return select(b, a, a.y < b.y); }
  if (na) { return a; }
  if (nb) { return b; }
  if (va > vb) { return a; }
  if (vb > va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  arg_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { arg_row_buf[lid] = arg_combine(arg_row_buf[lid], arg_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = arg_row_buf[lid % COLS];
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
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmin:16x16l:wg|x:f32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<f32>(a.x);
  let vb = bitcast<f32>(b.x);
  let na = is_nan(va);
  let nb = is_nan(vb);
  if (na && nb) { return select(b, a, a.y < b.y); }
  if (na) { return a; }
  if (nb) { return b; }
  if (va < vb) { return a; }
  if (vb < va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  arg_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { arg_row_buf[lid] = arg_combine(arg_row_buf[lid], arg_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = arg_row_buf[(lid / LANES) * LANES];
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
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmin:16x16l:wg|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<i32>(a.x);
  let vb = bitcast<i32>(b.x);
  
  if (va < vb) { return a; }
  if (vb < va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  arg_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { arg_row_buf[lid] = arg_combine(arg_row_buf[lid], arg_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = arg_row_buf[(lid / LANES) * LANES];
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
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmin:16x16l:wg|x:u32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<u32>(a.x);
  let vb = bitcast<u32>(b.x);
  
  if (va < vb) { return a; }
  if (vb < va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  arg_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { arg_row_buf[lid] = arg_combine(arg_row_buf[lid], arg_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = arg_row_buf[(lid / LANES) * LANES];
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
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmin:1x256l:sg|x:f32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
enable subgroups;
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
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
const COLS = 1u;
const LANES = 256u;
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<f32>(a.x);
  let vb = bitcast<f32>(b.x);
  let na = is_nan(va);
  let nb = is_nan(vb);
  if (na && nb) { return select(b, a, a.y < b.y); }
  if (na) { return a; }
  if (nb) { return b; }
  if (va < vb) { return a; }
  if (vb < va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row_subgroup(v: vec2<u32>, sg_size: u32) -> vec2<u32> {
  var x = v;
  for (var o = sg_size / 2u; o > 0u; o = o / 2u) { x = arg_combine(x, subgroupShuffleXor(x, o)); }
  return x;
}
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  let x = arg_row_subgroup(v, sg_size);
  if (LANES == sg_size) { return x; }
  let c = lid / LANES;
  let lane = lid % LANES;
  if (sg_id == 0u) { arg_row_buf[lid / sg_size] = x; }
  workgroupBarrier();
  for (var n = LANES / sg_size; n > 1u; n = (n + sg_size - 1u) / sg_size) {
    var y = vec2<u32>(0u, 0xffffffffu);
    if (lane < n) { y = arg_row_buf[c * n + lane]; }
    y = arg_row_subgroup(y, sg_size);
    workgroupBarrier();
    if (sg_id == 0u && lane < n) { arg_row_buf[c * ((n + sg_size - 1u) / sg_size) + lane / sg_size] = y; }
    workgroupBarrier();
  }
  let r = arg_row_buf[c];
  workgroupBarrier();
  return r;
}
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_size) sg_size: u32, @builtin(subgroup_invocation_id) sg_id: u32) {
  
  let c = lid / LANES;
  let lane = lid % LANES;
  let row = linear_workgroup(wid, nwg) * COLS + c;
  let in_range = row < u.rows;
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmin:256x1c:wg|x:f32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<f32>(a.x);
  let vb = bitcast<f32>(b.x);
  let na = is_nan(va);
  let nb = is_nan(vb);
  if (na && nb) { return select(b, a, a.y < b.y); }
  if (na) { return a; }
  if (nb) { return b; }
  if (va < vb) { return a; }
  if (vb < va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  arg_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { arg_row_buf[lid] = arg_combine(arg_row_buf[lid], arg_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = arg_row_buf[lid % COLS];
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
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmin:256x1c:wg|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<i32>(a.x);
  let vb = bitcast<i32>(b.x);
  
  if (va < vb) { return a; }
  if (vb < va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  arg_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { arg_row_buf[lid] = arg_combine(arg_row_buf[lid], arg_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = arg_row_buf[lid % COLS];
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
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmin:256x1l:wg|x:f32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
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
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<f32>(a.x);
  let vb = bitcast<f32>(b.x);
  let na = is_nan(va);
  let nb = is_nan(vb);
  if (na && nb) { return select(b, a, a.y < b.y); }
  if (na) { return a; }
  if (nb) { return b; }
  if (va < vb) { return a; }
  if (vb < va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  arg_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid % LANES;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { arg_row_buf[lid] = arg_combine(arg_row_buf[lid], arg_row_buf[lid + s * 1u]); }
    workgroupBarrier();
  }
  let r = arg_row_buf[(lid / LANES) * LANES];
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
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}

// ---- argReduce:argmin:4x64c:wg|x:f32:read,y:i32:read_write|x_offset:u32,y_offset:u32,rows:u32,size:u32,inner:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  rows: u32,
  size: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
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
const COLS = 4u;
const LANES = 64u;
fn row_base(row: u32) -> u32 { return (row / u.inner) * u.size * u.inner + row % u.inner; }
fn arg_combine(a: vec2<u32>, b: vec2<u32>) -> vec2<u32> {
  if (a.y == 0xffffffffu) { return b; }
  if (b.y == 0xffffffffu) { return a; }
  let va = bitcast<f32>(a.x);
  let vb = bitcast<f32>(b.x);
  let na = is_nan(va);
  let nb = is_nan(vb);
  if (na && nb) { return select(b, a, a.y < b.y); }
  if (na) { return a; }
  if (nb) { return b; }
  if (va < vb) { return a; }
  if (vb < va) { return b; }
  return select(b, a, a.y < b.y);
}
var<workgroup> arg_row_buf: array<vec2<u32>, 256>;
fn arg_row(v: vec2<u32>, lid: u32, sg_size: u32, sg_id: u32) -> vec2<u32> {
  arg_row_buf[lid] = v;
  workgroupBarrier();
  let lane = lid / COLS;
  for (var s = LANES / 2u; s > 0u; s = s / 2u) {
    if (lane < s) { arg_row_buf[lid] = arg_combine(arg_row_buf[lid], arg_row_buf[lid + s * COLS]); }
    workgroupBarrier();
  }
  let r = arg_row_buf[lid % COLS];
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
  var acc = vec2<u32>(0u, 0xffffffffu);
  if (in_range) {
    let base = row_base(row);
    for (var k = lane; k < u.size; k += LANES) {
      acc = arg_combine(acc, vec2<u32>(bitcast<u32>(x_get(base + k * u.inner)), k));
    }
  }
  let best = arg_row(acc, lid, sg_size, sg_id);
  if (in_range && lane == 0u) { y_set(row, i32(best.y)); }
}
