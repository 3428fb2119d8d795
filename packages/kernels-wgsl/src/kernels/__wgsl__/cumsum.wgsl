// ---- cumsum-add|y:f32:read_write,totals0:f32:read_write|y_offset:u32,lines:u32,len:u32,inner:u32,reverse:u32,n:u32,nb:u32,block:u32
struct Uniforms {
  y_offset: u32,
  lines: u32,
  len: u32,
  inner: u32,
  reverse: u32,
  n: u32,
  nb: u32,
  block: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }
@group(0) @binding(2) var<storage, read_write> totals0: array<f32>;
fn totals0_get(i: u32) -> f32 { return totals0[i]; }
fn totals0_set(i: u32, v: f32) { totals0[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn load(i: u32) -> f32 { return y_get(i); }
fn store(i: u32, v: f32) { y_set(i, v); }
fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let line = i / u.len;
  let k = i % u.len;
  let blk = k / u.block;
  if (blk == 0u) { return; }
  let a = addr(line, k);
  store(a, totals0_get(line * u.nb + blk) + load(a));
}

// ---- cumsum-add|y:i32:read_write,totals0:i32:read_write|y_offset:u32,lines:u32,len:u32,inner:u32,reverse:u32,n:u32,nb:u32,block:u32
struct Uniforms {
  y_offset: u32,
  lines: u32,
  len: u32,
  inner: u32,
  reverse: u32,
  n: u32,
  nb: u32,
  block: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }
@group(0) @binding(2) var<storage, read_write> totals0: array<i32>;
fn totals0_get(i: u32) -> i32 { return totals0[i]; }
fn totals0_set(i: u32, v: i32) { totals0[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn load(i: u32) -> i32 { return y_get(i); }
fn store(i: u32, v: i32) { y_set(i, v); }
fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let line = i / u.len;
  let k = i % u.len;
  let blk = k / u.block;
  if (blk == 0u) { return; }
  let a = addr(line, k);
  store(a, totals0_get(line * u.nb + blk) + load(a));
}

// ---- cumsum-block:128x2c:last|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,lines:u32,len:u32,inner:u32,reverse:u32,nb:u32,exclusive:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  lines: u32,
  len: u32,
  inner: u32,
  reverse: u32,
  nb: u32,
  exclusive: u32,
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
const COLS = 128u;
const LANES = 2u;
fn load(i: u32) -> f32 { return x_get(i); }
fn store(i: u32, v: f32) { y_set(i, v); }
fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}
var<workgroup> lane_sums: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let blk = index % u.nb;
  let c = lid % COLS;
  let lane = lid / COLS;
  let line = (index / u.nb) * COLS + c;
  let in_range = line < u.lines;
  let k0 = blk * 8u + lane * 4u;
  var v = vec4<f32>();
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) { v[e] = load(addr(line, k0 + e)); }
  }
  var sum = ((v.x + v.y) + v.z) + v.w;
  lane_sums[lid] = sum;
  workgroupBarrier();
  for (var offset = 1u; offset < LANES; offset = offset * 2u) {
    if (lane >= offset) { sum = lane_sums[lid - offset * COLS] + sum; }
    workgroupBarrier();
    lane_sums[lid] = sum;
    workgroupBarrier();
  }
  var running = f32(0);
  if (lane > 0u) { running = lane_sums[lid - COLS]; }
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) {
      let before = running;
      running = running + v[e];
      store(addr(line, k0 + e), select(running, before, u.exclusive != 0u));
    }
  }
  
}

// ---- cumsum-block:128x2l:last|totals0:f32:read_write|lines:u32,len:u32,inner:u32,reverse:u32,nb:u32,exclusive:u32
struct Uniforms {
  lines: u32,
  len: u32,
  inner: u32,
  reverse: u32,
  nb: u32,
  exclusive: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> totals0: array<f32>;
fn totals0_get(i: u32) -> f32 { return totals0[i]; }
fn totals0_set(i: u32, v: f32) { totals0[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
const COLS = 128u;
const LANES = 2u;
fn load(i: u32) -> f32 { return totals0_get(i); }
fn store(i: u32, v: f32) { totals0_set(i, v); }
fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}
var<workgroup> lane_sums: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let blk = index % u.nb;
  let c = lid / LANES;
  let lane = lid % LANES;
  let line = (index / u.nb) * COLS + c;
  let in_range = line < u.lines;
  let k0 = blk * 8u + lane * 4u;
  var v = vec4<f32>();
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) { v[e] = load(addr(line, k0 + e)); }
  }
  var sum = ((v.x + v.y) + v.z) + v.w;
  lane_sums[lid] = sum;
  workgroupBarrier();
  for (var offset = 1u; offset < LANES; offset = offset * 2u) {
    if (lane >= offset) { sum = lane_sums[lid - offset * 1u] + sum; }
    workgroupBarrier();
    lane_sums[lid] = sum;
    workgroupBarrier();
  }
  var running = f32(0);
  if (lane > 0u) { running = lane_sums[lid - 1u]; }
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) {
      let before = running;
      running = running + v[e];
      store(addr(line, k0 + e), select(running, before, u.exclusive != 0u));
    }
  }
  
}

// ---- cumsum-block:128x2l:last|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,lines:u32,len:u32,inner:u32,reverse:u32,nb:u32,exclusive:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  lines: u32,
  len: u32,
  inner: u32,
  reverse: u32,
  nb: u32,
  exclusive: u32,
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
const COLS = 128u;
const LANES = 2u;
fn load(i: u32) -> f32 { return x_get(i); }
fn store(i: u32, v: f32) { y_set(i, v); }
fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}
var<workgroup> lane_sums: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let blk = index % u.nb;
  let c = lid / LANES;
  let lane = lid % LANES;
  let line = (index / u.nb) * COLS + c;
  let in_range = line < u.lines;
  let k0 = blk * 8u + lane * 4u;
  var v = vec4<f32>();
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) { v[e] = load(addr(line, k0 + e)); }
  }
  var sum = ((v.x + v.y) + v.z) + v.w;
  lane_sums[lid] = sum;
  workgroupBarrier();
  for (var offset = 1u; offset < LANES; offset = offset * 2u) {
    if (lane >= offset) { sum = lane_sums[lid - offset * 1u] + sum; }
    workgroupBarrier();
    lane_sums[lid] = sum;
    workgroupBarrier();
  }
  var running = f32(0);
  if (lane > 0u) { running = lane_sums[lid - 1u]; }
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) {
      let before = running;
      running = running + v[e];
      store(addr(line, k0 + e), select(running, before, u.exclusive != 0u));
    }
  }
  
}

// ---- cumsum-block:128x2l:last|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,lines:u32,len:u32,inner:u32,reverse:u32,nb:u32,exclusive:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  lines: u32,
  len: u32,
  inner: u32,
  reverse: u32,
  nb: u32,
  exclusive: u32,
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
const COLS = 128u;
const LANES = 2u;
fn load(i: u32) -> u32 { return x_get(i); }
fn store(i: u32, v: u32) { y_set(i, v); }
fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}
var<workgroup> lane_sums: array<u32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let blk = index % u.nb;
  let c = lid / LANES;
  let lane = lid % LANES;
  let line = (index / u.nb) * COLS + c;
  let in_range = line < u.lines;
  let k0 = blk * 8u + lane * 4u;
  var v = vec4<u32>();
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) { v[e] = load(addr(line, k0 + e)); }
  }
  var sum = ((v.x + v.y) + v.z) + v.w;
  lane_sums[lid] = sum;
  workgroupBarrier();
  for (var offset = 1u; offset < LANES; offset = offset * 2u) {
    if (lane >= offset) { sum = lane_sums[lid - offset * 1u] + sum; }
    workgroupBarrier();
    lane_sums[lid] = sum;
    workgroupBarrier();
  }
  var running = u32(0);
  if (lane > 0u) { running = lane_sums[lid - 1u]; }
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) {
      let before = running;
      running = running + v[e];
      store(addr(line, k0 + e), select(running, before, u.exclusive != 0u));
    }
  }
  
}

// ---- cumsum-block:1x256l:totals|x:f32:read,y:f32:read_write,totals0:f32:read_write|x_offset:u32,y_offset:u32,lines:u32,len:u32,inner:u32,reverse:u32,nb:u32,exclusive:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  lines: u32,
  len: u32,
  inner: u32,
  reverse: u32,
  nb: u32,
  exclusive: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }
@group(0) @binding(3) var<storage, read_write> totals0: array<f32>;
fn totals0_get(i: u32) -> f32 { return totals0[i]; }
fn totals0_set(i: u32, v: f32) { totals0[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
const COLS = 1u;
const LANES = 256u;
fn load(i: u32) -> f32 { return x_get(i); }
fn store(i: u32, v: f32) { y_set(i, v); }
fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}
var<workgroup> lane_sums: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let blk = index % u.nb;
  let c = lid / LANES;
  let lane = lid % LANES;
  let line = (index / u.nb) * COLS + c;
  let in_range = line < u.lines;
  let k0 = blk * 1024u + lane * 4u;
  var v = vec4<f32>();
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) { v[e] = load(addr(line, k0 + e)); }
  }
  var sum = ((v.x + v.y) + v.z) + v.w;
  lane_sums[lid] = sum;
  workgroupBarrier();
  for (var offset = 1u; offset < LANES; offset = offset * 2u) {
    if (lane >= offset) { sum = lane_sums[lid - offset * 1u] + sum; }
    workgroupBarrier();
    lane_sums[lid] = sum;
    workgroupBarrier();
  }
  var running = f32(0);
  if (lane > 0u) { running = lane_sums[lid - 1u]; }
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) {
      let before = running;
      running = running + v[e];
      store(addr(line, k0 + e), select(running, before, u.exclusive != 0u));
    }
  }
  if (in_range && lane == LANES - 1u) { totals0_set(line * u.nb + blk, sum); }
}

// ---- cumsum-block:1x256l:totals|x:i32:read,y:i32:read_write,totals0:i32:read_write|x_offset:u32,y_offset:u32,lines:u32,len:u32,inner:u32,reverse:u32,nb:u32,exclusive:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  lines: u32,
  len: u32,
  inner: u32,
  reverse: u32,
  nb: u32,
  exclusive: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }
@group(0) @binding(3) var<storage, read_write> totals0: array<i32>;
fn totals0_get(i: u32) -> i32 { return totals0[i]; }
fn totals0_set(i: u32, v: i32) { totals0[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
const COLS = 1u;
const LANES = 256u;
fn load(i: u32) -> i32 { return x_get(i); }
fn store(i: u32, v: i32) { y_set(i, v); }
fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}
var<workgroup> lane_sums: array<i32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let blk = index % u.nb;
  let c = lid / LANES;
  let lane = lid % LANES;
  let line = (index / u.nb) * COLS + c;
  let in_range = line < u.lines;
  let k0 = blk * 1024u + lane * 4u;
  var v = vec4<i32>();
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) { v[e] = load(addr(line, k0 + e)); }
  }
  var sum = ((v.x + v.y) + v.z) + v.w;
  lane_sums[lid] = sum;
  workgroupBarrier();
  for (var offset = 1u; offset < LANES; offset = offset * 2u) {
    if (lane >= offset) { sum = lane_sums[lid - offset * 1u] + sum; }
    workgroupBarrier();
    lane_sums[lid] = sum;
    workgroupBarrier();
  }
  var running = i32(0);
  if (lane > 0u) { running = lane_sums[lid - 1u]; }
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) {
      let before = running;
      running = running + v[e];
      store(addr(line, k0 + e), select(running, before, u.exclusive != 0u));
    }
  }
  if (in_range && lane == LANES - 1u) { totals0_set(line * u.nb + blk, sum); }
}

// ---- cumsum-block:256x1l:last|totals0:f32:read_write|lines:u32,len:u32,inner:u32,reverse:u32,nb:u32,exclusive:u32
struct Uniforms {
  lines: u32,
  len: u32,
  inner: u32,
  reverse: u32,
  nb: u32,
  exclusive: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> totals0: array<f32>;
fn totals0_get(i: u32) -> f32 { return totals0[i]; }
fn totals0_set(i: u32, v: f32) { totals0[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
const COLS = 256u;
const LANES = 1u;
fn load(i: u32) -> f32 { return totals0_get(i); }
fn store(i: u32, v: f32) { totals0_set(i, v); }
fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}
var<workgroup> lane_sums: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let blk = index % u.nb;
  let c = lid / LANES;
  let lane = lid % LANES;
  let line = (index / u.nb) * COLS + c;
  let in_range = line < u.lines;
  let k0 = blk * 4u + lane * 4u;
  var v = vec4<f32>();
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) { v[e] = load(addr(line, k0 + e)); }
  }
  var sum = ((v.x + v.y) + v.z) + v.w;
  lane_sums[lid] = sum;
  workgroupBarrier();
  for (var offset = 1u; offset < LANES; offset = offset * 2u) {
    if (lane >= offset) { sum = lane_sums[lid - offset * 1u] + sum; }
    workgroupBarrier();
    lane_sums[lid] = sum;
    workgroupBarrier();
  }
  var running = f32(0);
  if (lane > 0u) { running = lane_sums[lid - 1u]; }
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) {
      let before = running;
      running = running + v[e];
      store(addr(line, k0 + e), select(running, before, u.exclusive != 0u));
    }
  }
  
}

// ---- cumsum-block:256x1l:last|totals0:i32:read_write|lines:u32,len:u32,inner:u32,reverse:u32,nb:u32,exclusive:u32
struct Uniforms {
  lines: u32,
  len: u32,
  inner: u32,
  reverse: u32,
  nb: u32,
  exclusive: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> totals0: array<i32>;
fn totals0_get(i: u32) -> i32 { return totals0[i]; }
fn totals0_set(i: u32, v: i32) { totals0[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
const COLS = 256u;
const LANES = 1u;
fn load(i: u32) -> i32 { return totals0_get(i); }
fn store(i: u32, v: i32) { totals0_set(i, v); }
fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}
var<workgroup> lane_sums: array<i32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let blk = index % u.nb;
  let c = lid / LANES;
  let lane = lid % LANES;
  let line = (index / u.nb) * COLS + c;
  let in_range = line < u.lines;
  let k0 = blk * 4u + lane * 4u;
  var v = vec4<i32>();
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) { v[e] = load(addr(line, k0 + e)); }
  }
  var sum = ((v.x + v.y) + v.z) + v.w;
  lane_sums[lid] = sum;
  workgroupBarrier();
  for (var offset = 1u; offset < LANES; offset = offset * 2u) {
    if (lane >= offset) { sum = lane_sums[lid - offset * 1u] + sum; }
    workgroupBarrier();
    lane_sums[lid] = sum;
    workgroupBarrier();
  }
  var running = i32(0);
  if (lane > 0u) { running = lane_sums[lid - 1u]; }
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) {
      let before = running;
      running = running + v[e];
      store(addr(line, k0 + e), select(running, before, u.exclusive != 0u));
    }
  }
  
}

// ---- cumsum-block:256x1l:last|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,lines:u32,len:u32,inner:u32,reverse:u32,nb:u32,exclusive:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  lines: u32,
  len: u32,
  inner: u32,
  reverse: u32,
  nb: u32,
  exclusive: u32,
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
const COLS = 256u;
const LANES = 1u;
fn load(i: u32) -> f32 { return x_get(i); }
fn store(i: u32, v: f32) { y_set(i, v); }
fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}
var<workgroup> lane_sums: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let blk = index % u.nb;
  let c = lid / LANES;
  let lane = lid % LANES;
  let line = (index / u.nb) * COLS + c;
  let in_range = line < u.lines;
  let k0 = blk * 4u + lane * 4u;
  var v = vec4<f32>();
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) { v[e] = load(addr(line, k0 + e)); }
  }
  var sum = ((v.x + v.y) + v.z) + v.w;
  lane_sums[lid] = sum;
  workgroupBarrier();
  for (var offset = 1u; offset < LANES; offset = offset * 2u) {
    if (lane >= offset) { sum = lane_sums[lid - offset * 1u] + sum; }
    workgroupBarrier();
    lane_sums[lid] = sum;
    workgroupBarrier();
  }
  var running = f32(0);
  if (lane > 0u) { running = lane_sums[lid - 1u]; }
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) {
      let before = running;
      running = running + v[e];
      store(addr(line, k0 + e), select(running, before, u.exclusive != 0u));
    }
  }
  
}

// ---- cumsum-block:2x128l:last|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,lines:u32,len:u32,inner:u32,reverse:u32,nb:u32,exclusive:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  lines: u32,
  len: u32,
  inner: u32,
  reverse: u32,
  nb: u32,
  exclusive: u32,
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
const COLS = 2u;
const LANES = 128u;
fn load(i: u32) -> f32 { return x_get(i); }
fn store(i: u32, v: f32) { y_set(i, v); }
fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}
var<workgroup> lane_sums: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let blk = index % u.nb;
  let c = lid / LANES;
  let lane = lid % LANES;
  let line = (index / u.nb) * COLS + c;
  let in_range = line < u.lines;
  let k0 = blk * 512u + lane * 4u;
  var v = vec4<f32>();
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) { v[e] = load(addr(line, k0 + e)); }
  }
  var sum = ((v.x + v.y) + v.z) + v.w;
  lane_sums[lid] = sum;
  workgroupBarrier();
  for (var offset = 1u; offset < LANES; offset = offset * 2u) {
    if (lane >= offset) { sum = lane_sums[lid - offset * 1u] + sum; }
    workgroupBarrier();
    lane_sums[lid] = sum;
    workgroupBarrier();
  }
  var running = f32(0);
  if (lane > 0u) { running = lane_sums[lid - 1u]; }
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) {
      let before = running;
      running = running + v[e];
      store(addr(line, k0 + e), select(running, before, u.exclusive != 0u));
    }
  }
  
}

// ---- cumsum-block:2x128l:last|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,lines:u32,len:u32,inner:u32,reverse:u32,nb:u32,exclusive:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  lines: u32,
  len: u32,
  inner: u32,
  reverse: u32,
  nb: u32,
  exclusive: u32,
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
const COLS = 2u;
const LANES = 128u;
fn load(i: u32) -> i32 { return x_get(i); }
fn store(i: u32, v: i32) { y_set(i, v); }
fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}
var<workgroup> lane_sums: array<i32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let blk = index % u.nb;
  let c = lid / LANES;
  let lane = lid % LANES;
  let line = (index / u.nb) * COLS + c;
  let in_range = line < u.lines;
  let k0 = blk * 512u + lane * 4u;
  var v = vec4<i32>();
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) { v[e] = load(addr(line, k0 + e)); }
  }
  var sum = ((v.x + v.y) + v.z) + v.w;
  lane_sums[lid] = sum;
  workgroupBarrier();
  for (var offset = 1u; offset < LANES; offset = offset * 2u) {
    if (lane >= offset) { sum = lane_sums[lid - offset * 1u] + sum; }
    workgroupBarrier();
    lane_sums[lid] = sum;
    workgroupBarrier();
  }
  var running = i32(0);
  if (lane > 0u) { running = lane_sums[lid - 1u]; }
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) {
      let before = running;
      running = running + v[e];
      store(addr(line, k0 + e), select(running, before, u.exclusive != 0u));
    }
  }
  
}

// ---- cumsum-block:4x64c:totals|x:f32:read,y:f32:read_write,totals0:f32:read_write|x_offset:u32,y_offset:u32,lines:u32,len:u32,inner:u32,reverse:u32,nb:u32,exclusive:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  lines: u32,
  len: u32,
  inner: u32,
  reverse: u32,
  nb: u32,
  exclusive: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }
@group(0) @binding(3) var<storage, read_write> totals0: array<f32>;
fn totals0_get(i: u32) -> f32 { return totals0[i]; }
fn totals0_set(i: u32, v: f32) { totals0[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
const COLS = 4u;
const LANES = 64u;
fn load(i: u32) -> f32 { return x_get(i); }
fn store(i: u32, v: f32) { y_set(i, v); }
fn addr(line: u32, k: u32) -> u32 {
  let p = select(k, u.len - 1u - k, u.reverse != 0u);
  return (line / u.inner) * u.len * u.inner + line % u.inner + p * u.inner;
}
var<workgroup> lane_sums: array<f32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let index = linear_workgroup(wid, nwg);
  let blk = index % u.nb;
  let c = lid % COLS;
  let lane = lid / COLS;
  let line = (index / u.nb) * COLS + c;
  let in_range = line < u.lines;
  let k0 = blk * 256u + lane * 4u;
  var v = vec4<f32>();
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) { v[e] = load(addr(line, k0 + e)); }
  }
  var sum = ((v.x + v.y) + v.z) + v.w;
  lane_sums[lid] = sum;
  workgroupBarrier();
  for (var offset = 1u; offset < LANES; offset = offset * 2u) {
    if (lane >= offset) { sum = lane_sums[lid - offset * COLS] + sum; }
    workgroupBarrier();
    lane_sums[lid] = sum;
    workgroupBarrier();
  }
  var running = f32(0);
  if (lane > 0u) { running = lane_sums[lid - COLS]; }
  for (var e = 0u; e < 4u; e++) {
    if (in_range && k0 + e < u.len) {
      let before = running;
      running = running + v[e];
      store(addr(line, k0 + e), select(running, before, u.exclusive != 0u));
    }
  }
  if (in_range && lane == LANES - 1u) { totals0_set(line * u.nb + blk, sum); }
}
