// ---- compare:eq:bb|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> bool { let j = u.lhs_offset + i; return ((lhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> bool { let j = u.rhs_offset + i; return ((rhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = select(0u, 1u, lhs_get(lhs_index(i)));
  let b = select(0u, 1u, rhs_get(rhs_index(i)));
  y_set(i, a == b);
}

// ---- compare:eq:bb|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a == b));
}

// ---- compare:eq:bc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a == b));
}

// ---- compare:eq:cb|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a == b));
}

// ---- compare:eq:cb|lhs:i32:read,rhs:i32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a == b);
}

// ---- compare:eq:cc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a == b));
}

// ---- compare:eq:cc|lhs:i32:read,rhs:i32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a == b);
}

// ---- compare:eq:cc|lhs:u32:read,rhs:u32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> u32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> u32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a == b);
}

// ---- compare:eq:cs|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a == b));
}

// ---- compare:eq:sc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return 0u; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a == b));
}

// ---- compare:ge:bb|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> bool { let j = u.lhs_offset + i; return ((lhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> bool { let j = u.rhs_offset + i; return ((rhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = select(0u, 1u, lhs_get(lhs_index(i)));
  let b = select(0u, 1u, rhs_get(rhs_index(i)));
  y_set(i, a >= b);
}

// ---- compare:ge:bb|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a >= b));
}

// ---- compare:ge:bc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a >= b));
}

// ---- compare:ge:cb|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a >= b));
}

// ---- compare:ge:cb|lhs:i32:read,rhs:i32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a >= b);
}

// ---- compare:ge:cc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a >= b));
}

// ---- compare:ge:cc|lhs:i32:read,rhs:i32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a >= b);
}

// ---- compare:ge:cc|lhs:u32:read,rhs:u32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> u32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> u32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a >= b);
}

// ---- compare:ge:cs|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a >= b));
}

// ---- compare:ge:sc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return 0u; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a >= b));
}

// ---- compare:gt:bb|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> bool { let j = u.lhs_offset + i; return ((lhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> bool { let j = u.rhs_offset + i; return ((rhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = select(0u, 1u, lhs_get(lhs_index(i)));
  let b = select(0u, 1u, rhs_get(rhs_index(i)));
  y_set(i, a > b);
}

// ---- compare:gt:bb|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a > b));
}

// ---- compare:gt:bc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a > b));
}

// ---- compare:gt:cb|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a > b));
}

// ---- compare:gt:cb|lhs:i32:read,rhs:i32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a > b);
}

// ---- compare:gt:cc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a > b));
}

// ---- compare:gt:cc|lhs:i32:read,rhs:i32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a > b);
}

// ---- compare:gt:cc|lhs:u32:read,rhs:u32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> u32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> u32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a > b);
}

// ---- compare:gt:cs|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a > b));
}

// ---- compare:gt:sc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return 0u; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a > b));
}

// ---- compare:le:bb|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> bool { let j = u.lhs_offset + i; return ((lhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> bool { let j = u.rhs_offset + i; return ((rhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = select(0u, 1u, lhs_get(lhs_index(i)));
  let b = select(0u, 1u, rhs_get(rhs_index(i)));
  y_set(i, a <= b);
}

// ---- compare:le:bb|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a <= b));
}

// ---- compare:le:bc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a <= b));
}

// ---- compare:le:cb|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a <= b));
}

// ---- compare:le:cb|lhs:i32:read,rhs:i32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a <= b);
}

// ---- compare:le:cc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a <= b));
}

// ---- compare:le:cc|lhs:i32:read,rhs:i32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a <= b);
}

// ---- compare:le:cc|lhs:u32:read,rhs:u32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> u32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> u32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a <= b);
}

// ---- compare:le:cs|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a <= b));
}

// ---- compare:le:sc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return 0u; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a <= b));
}

// ---- compare:lt:bb|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> bool { let j = u.lhs_offset + i; return ((lhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> bool { let j = u.rhs_offset + i; return ((rhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = select(0u, 1u, lhs_get(lhs_index(i)));
  let b = select(0u, 1u, rhs_get(rhs_index(i)));
  y_set(i, a < b);
}

// ---- compare:lt:bb|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a < b));
}

// ---- compare:lt:bc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a < b));
}

// ---- compare:lt:cb|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a < b));
}

// ---- compare:lt:cb|lhs:i32:read,rhs:i32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a < b);
}

// ---- compare:lt:cc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a < b));
}

// ---- compare:lt:cc|lhs:i32:read,rhs:i32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a < b);
}

// ---- compare:lt:cc|lhs:u32:read,rhs:u32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> u32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> u32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a < b);
}

// ---- compare:lt:cs|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a < b));
}

// ---- compare:lt:sc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return 0u; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, !is_nan(a) && !is_nan(b) && (a < b));
}

// ---- compare:ne:bb|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> bool { let j = u.lhs_offset + i; return ((lhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> bool { let j = u.rhs_offset + i; return ((rhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = select(0u, 1u, lhs_get(lhs_index(i)));
  let b = select(0u, 1u, rhs_get(rhs_index(i)));
  y_set(i, a != b);
}

// ---- compare:ne:bb|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, is_nan(a) || is_nan(b) || (a != b));
}

// ---- compare:ne:bc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn lhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.lhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, is_nan(a) || is_nan(b) || (a != b));
}

// ---- compare:ne:cb|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, is_nan(a) || is_nan(b) || (a != b));
}

// ---- compare:ne:cb|lhs:i32:read,rhs:i32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }

fn rhs_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.rhs_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a != b);
}

// ---- compare:ne:cc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, is_nan(a) || is_nan(b) || (a != b));
}

// ---- compare:ne:cc|lhs:i32:read,rhs:i32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a != b);
}

// ---- compare:ne:cc|lhs:u32:read,rhs:u32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> u32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> u32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a != b);
}

// ---- compare:ne:cs|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, is_nan(a) || is_nan(b) || (a != b));
}

// ---- compare:ne:sc|lhs:f32:read,rhs:f32:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(2) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
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

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }
fn lhs_index(i: u32) -> u32 { return 0u; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, is_nan(a) || is_nan(b) || (a != b));
}
