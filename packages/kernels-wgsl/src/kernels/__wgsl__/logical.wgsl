// ---- logical:and:bb|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
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
  y_set(i, a && b);
}

// ---- logical:and:bc|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8
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
  y_set(i, a && b);
}

// ---- logical:and:cb|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
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
  y_set(i, a && b);
}

// ---- logical:and:cc|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
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
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a && b);
}

// ---- logical:and:cs|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
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
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a && b);
}

// ---- logical:and:sc|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
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
fn lhs_index(i: u32) -> u32 { return 0u; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a && b);
}

// ---- logical:or:bb|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
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
  y_set(i, a || b);
}

// ---- logical:or:bc|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8
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
  y_set(i, a || b);
}

// ---- logical:or:cb|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
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
  y_set(i, a || b);
}

// ---- logical:or:cc|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
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
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a || b);
}

// ---- logical:or:cs|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
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
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a || b);
}

// ---- logical:or:sc|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
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
fn lhs_index(i: u32) -> u32 { return 0u; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a || b);
}

// ---- logical:xor:bb|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8,rhs_strides:u32x8
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
  y_set(i, a != b);
}

// ---- logical:xor:bc|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,lhs_strides:u32x8
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
  y_set(i, a != b);
}

// ---- logical:xor:cb|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,rhs_strides:u32x8
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

// ---- logical:xor:cc|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
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

// ---- logical:xor:cs|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
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
fn lhs_index(i: u32) -> u32 { return i; }
fn rhs_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a != b);
}

// ---- logical:xor:sc|lhs:bool:read,rhs:bool:read,y:bool:read_write|lhs_offset:u32,rhs_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  lhs_offset: u32,
  rhs_offset: u32,
  y_offset: u32,
  n: u32,
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
fn lhs_index(i: u32) -> u32 { return 0u; }
fn rhs_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a = lhs_get(lhs_index(i));
  let b = rhs_get(rhs_index(i));
  y_set(i, a != b);
}
