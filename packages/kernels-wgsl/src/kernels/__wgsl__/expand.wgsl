// ---- strided-copy|src:bool:read,dst:bool:read_write|src_offset:u32,dst_offset:u32,n:u32,rank:u32,src_base:u32,dst_base:u32,shape:u32x8,dst_strides:u32x8,src_strides:u32x8
struct Uniforms {
  src_offset: u32,
  dst_offset: u32,
  n: u32,
  rank: u32,
  src_base: u32,
  dst_base: u32,
  shape: array<vec4<u32>, 2>,
  dst_strides: array<vec4<u32>, 2>,
  src_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> src: array<u32>;
fn src_get(i: u32) -> bool { let j = u.src_offset + i; return ((src[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read_write> dst: array<atomic<u32>>;
fn dst_get(i: u32) -> bool { let j = u.dst_offset + i; return ((atomicLoad(&dst[j >> 2u]) >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
fn dst_set(i: u32, v: bool) {
  let j = u.dst_offset + i;
  let shift = (j & 3u) * 8u;
  atomicAnd(&dst[j >> 2u], ~(0xffu << shift));
  if (v) { atomicOr(&dst[j >> 2u], 1u << shift); }
}

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn dst_walk(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.dst_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn src_walk(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.src_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn dst_index(i: u32) -> u32 { return u.dst_base + dst_walk(i); }
fn src_index(i: u32) -> u32 { return u.src_base + src_walk(i); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  dst_set(dst_index(i), src_get(src_index(i)));
}

// ---- strided-copy|src:f32:read,dst:f32:read_write|src_offset:u32,dst_offset:u32,n:u32,rank:u32,src_base:u32,dst_base:u32,shape:u32x8,dst_strides:u32x8,src_strides:u32x8
struct Uniforms {
  src_offset: u32,
  dst_offset: u32,
  n: u32,
  rank: u32,
  src_base: u32,
  dst_base: u32,
  shape: array<vec4<u32>, 2>,
  dst_strides: array<vec4<u32>, 2>,
  src_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> src: array<f32>;
fn src_get(i: u32) -> f32 { return src[u.src_offset + i]; }
@group(0) @binding(2) var<storage, read_write> dst: array<f32>;
fn dst_get(i: u32) -> f32 { return dst[u.dst_offset + i]; }
fn dst_set(i: u32, v: f32) { dst[u.dst_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn dst_walk(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.dst_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn src_walk(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.src_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn dst_index(i: u32) -> u32 { return u.dst_base + dst_walk(i); }
fn src_index(i: u32) -> u32 { return u.src_base + src_walk(i); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  dst_set(dst_index(i), src_get(src_index(i)));
}

// ---- strided-copy|src:i32:read,dst:i32:read_write|src_offset:u32,dst_offset:u32,n:u32,rank:u32,src_base:u32,dst_base:u32,shape:u32x8,dst_strides:u32x8,src_strides:u32x8
struct Uniforms {
  src_offset: u32,
  dst_offset: u32,
  n: u32,
  rank: u32,
  src_base: u32,
  dst_base: u32,
  shape: array<vec4<u32>, 2>,
  dst_strides: array<vec4<u32>, 2>,
  src_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> src: array<i32>;
fn src_get(i: u32) -> i32 { return src[u.src_offset + i]; }
@group(0) @binding(2) var<storage, read_write> dst: array<i32>;
fn dst_get(i: u32) -> i32 { return dst[u.dst_offset + i]; }
fn dst_set(i: u32, v: i32) { dst[u.dst_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn dst_walk(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.dst_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn src_walk(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.src_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn dst_index(i: u32) -> u32 { return u.dst_base + dst_walk(i); }
fn src_index(i: u32) -> u32 { return u.src_base + src_walk(i); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  dst_set(dst_index(i), src_get(src_index(i)));
}

// ---- strided-copy|src:u32:read,dst:u32:read_write|src_offset:u32,dst_offset:u32,n:u32,rank:u32,src_base:u32,dst_base:u32,shape:u32x8,dst_strides:u32x8,src_strides:u32x8
struct Uniforms {
  src_offset: u32,
  dst_offset: u32,
  n: u32,
  rank: u32,
  src_base: u32,
  dst_base: u32,
  shape: array<vec4<u32>, 2>,
  dst_strides: array<vec4<u32>, 2>,
  src_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> src: array<u32>;
fn src_get(i: u32) -> u32 { return src[u.src_offset + i]; }
@group(0) @binding(2) var<storage, read_write> dst: array<u32>;
fn dst_get(i: u32) -> u32 { return dst[u.dst_offset + i]; }
fn dst_set(i: u32, v: u32) { dst[u.dst_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn dst_walk(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.dst_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn src_walk(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.src_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn dst_index(i: u32) -> u32 { return u.dst_base + dst_walk(i); }
fn src_index(i: u32) -> u32 { return u.src_base + src_walk(i); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  dst_set(dst_index(i), src_get(src_index(i)));
}
