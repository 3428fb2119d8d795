// ---- fill|y:bool:read_write|y_offset:u32,n:u32,value:u32
struct Uniforms {
  y_offset: u32,
  n: u32,
  value: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> y: array<atomic<u32>>;
fn y_get(i: u32) -> bool { let j = u.y_offset + i; return ((atomicLoad(&y[j >> 2u]) >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
fn y_set(i: u32, v: bool) {
  let j = u.y_offset + i;
  let shift = (j & 3u) * 8u;
  atomicAnd(&y[j >> 2u], ~(0xffu << shift));
  if (v) { atomicOr(&y[j >> 2u], 1u << shift); }
}

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, (u.value != 0u));
}

// ---- fill|y:f32:read_write|y_offset:u32,n:u32,value:u32
struct Uniforms {
  y_offset: u32,
  n: u32,
  value: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, bitcast<f32>(u.value));
}

// ---- fill|y:i32:read_write|y_offset:u32,n:u32,value:u32
struct Uniforms {
  y_offset: u32,
  n: u32,
  value: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, bitcast<i32>(u.value));
}

// ---- fill|y:u32:read_write|y_offset:u32,n:u32,value:u32
struct Uniforms {
  y_offset: u32,
  n: u32,
  value: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, u.value);
}
