// ---- where:bbb|cond:bool:read,lhs:bool:read,rhs:bool:read,y:bool:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,cond_strides:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  cond_strides: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> bool { let j = u.lhs_offset + i; return ((lhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(3) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> bool { let j = u.rhs_offset + i; return ((rhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(4) var<storage, read_write> y: array<atomic<u32>>;
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

fn cond_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.cond_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

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
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:bbb|cond:bool:read,lhs:f32:read,rhs:f32:read,y:f32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,cond_strides:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  cond_strides: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn cond_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.cond_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

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
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:bbb|cond:bool:read,lhs:i32:read,rhs:i32:read,y:i32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,cond_strides:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  cond_strides: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn cond_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.cond_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

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
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:bbb|cond:bool:read,lhs:u32:read,rhs:u32:read,y:u32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,cond_strides:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  cond_strides: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> u32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> u32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn cond_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.cond_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

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
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:bbs|cond:bool:read,lhs:bool:read,rhs:bool:read,y:bool:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,cond_strides:u32x8,lhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  cond_strides: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> bool { let j = u.lhs_offset + i; return ((lhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(3) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> bool { let j = u.rhs_offset + i; return ((rhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(4) var<storage, read_write> y: array<atomic<u32>>;
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

fn cond_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.cond_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

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
fn rhs_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:bbs|cond:bool:read,lhs:f32:read,rhs:f32:read,y:f32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,cond_strides:u32x8,lhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  cond_strides: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn cond_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.cond_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

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
fn rhs_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:bbs|cond:bool:read,lhs:i32:read,rhs:i32:read,y:i32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,cond_strides:u32x8,lhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  cond_strides: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn cond_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.cond_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

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
fn rhs_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:bbs|cond:bool:read,lhs:u32:read,rhs:u32:read,y:u32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,cond_strides:u32x8,lhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  cond_strides: array<vec4<u32>, 2>,
  lhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> u32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> u32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn cond_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.cond_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

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
fn rhs_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:cbb|cond:bool:read,lhs:bool:read,rhs:bool:read,y:bool:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
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
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> bool { let j = u.lhs_offset + i; return ((lhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(3) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> bool { let j = u.rhs_offset + i; return ((rhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(4) var<storage, read_write> y: array<atomic<u32>>;
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
fn cond_index(i: u32) -> u32 { return i; }

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
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:cbb|cond:bool:read,lhs:f32:read,rhs:f32:read,y:f32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
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
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn cond_index(i: u32) -> u32 { return i; }

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
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:cbb|cond:bool:read,lhs:i32:read,rhs:i32:read,y:i32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
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
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn cond_index(i: u32) -> u32 { return i; }

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
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:cbb|cond:bool:read,lhs:u32:read,rhs:u32:read,y:u32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
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
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> u32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> u32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn cond_index(i: u32) -> u32 { return i; }

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
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:ccb|cond:bool:read,lhs:bool:read,rhs:bool:read,y:bool:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> bool { let j = u.lhs_offset + i; return ((lhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(3) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> bool { let j = u.rhs_offset + i; return ((rhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(4) var<storage, read_write> y: array<atomic<u32>>;
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
fn cond_index(i: u32) -> u32 { return i; }
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
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:ccb|cond:bool:read,lhs:f32:read,rhs:f32:read,y:f32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn cond_index(i: u32) -> u32 { return i; }
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
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:ccb|cond:bool:read,lhs:i32:read,rhs:i32:read,y:i32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn cond_index(i: u32) -> u32 { return i; }
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
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:ccb|cond:bool:read,lhs:u32:read,rhs:u32:read,y:u32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  rhs_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> u32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> u32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn cond_index(i: u32) -> u32 { return i; }
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
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:ccc|cond:bool:read,lhs:bool:read,rhs:bool:read,y:bool:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> bool { let j = u.lhs_offset + i; return ((lhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(3) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> bool { let j = u.rhs_offset + i; return ((rhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(4) var<storage, read_write> y: array<atomic<u32>>;
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
fn cond_index(i: u32) -> u32 { return i; }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:ccc|cond:bool:read,lhs:f32:read,rhs:f32:read,y:f32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn cond_index(i: u32) -> u32 { return i; }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:ccc|cond:bool:read,lhs:i32:read,rhs:i32:read,y:i32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn cond_index(i: u32) -> u32 { return i; }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:ccc|cond:bool:read,lhs:u32:read,rhs:u32:read,y:u32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> u32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> u32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn cond_index(i: u32) -> u32 { return i; }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:scc|cond:bool:read,lhs:bool:read,rhs:bool:read,y:bool:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> bool { let j = u.lhs_offset + i; return ((lhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(3) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> bool { let j = u.rhs_offset + i; return ((rhs[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(4) var<storage, read_write> y: array<atomic<u32>>;
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
fn cond_index(i: u32) -> u32 { return 0u; }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:scc|cond:bool:read,lhs:f32:read,rhs:f32:read,y:f32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<f32>;
fn lhs_get(i: u32) -> f32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<f32>;
fn rhs_get(i: u32) -> f32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn cond_index(i: u32) -> u32 { return 0u; }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:scc|cond:bool:read,lhs:i32:read,rhs:i32:read,y:i32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<i32>;
fn lhs_get(i: u32) -> i32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<i32>;
fn rhs_get(i: u32) -> i32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn cond_index(i: u32) -> u32 { return 0u; }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}

// ---- where:scc|cond:bool:read,lhs:u32:read,rhs:u32:read,y:u32:read_write|cond_offset:u32,lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  cond_offset: u32,
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> cond: array<u32>;
fn cond_get(i: u32) -> bool { let j = u.cond_offset + i; return ((cond[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lhs: array<u32>;
fn lhs_get(i: u32) -> u32 { return lhs[u.lhs_offset + i]; }
@group(0) @binding(3) var<storage, read> rhs: array<u32>;
fn rhs_get(i: u32) -> u32 { return rhs[u.rhs_offset + i]; }
@group(0) @binding(4) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn cond_index(i: u32) -> u32 { return 0u; }
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, select(rhs_get(rhs_index(i)), lhs_get(lhs_index(i)), cond_get(cond_index(i))));
}
