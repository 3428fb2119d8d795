// ---- cast|x:bool:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> bool { let j = u.x_offset + i; return ((x[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x = x_get(i);
  y_set(i, select(0.0, 1.0, x));
}

// ---- cast|x:bool:read,y:i32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> bool { let j = u.x_offset + i; return ((x[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x = x_get(i);
  y_set(i, select(0i, 1i, x));
}

// ---- cast|x:bool:read,y:u32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> bool { let j = u.x_offset + i; return ((x[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x = x_get(i);
  y_set(i, select(0u, 1u, x));
}

// ---- cast|x:f32:read,y:bool:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<atomic<u32>>;
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x = x_get(i);
  y_set(i, (is_nan(x) || x != 0.0));
}

// ---- cast|x:f32:read,y:i32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x = x_get(i);
  y_set(i, select(select(select(i32(x), 2147483647i, x >= 2147483648.0), -2147483647i - 1i, x <= -2147483648.0), 0i, is_nan(x)));
}

// ---- cast|x:f32:read,y:u32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x = x_get(i);
  y_set(i, select(select(select(u32(x), 4294967295u, x >= 4294967296.0), 0u, x <= 0.0), 0u, is_nan(x)));
}

// ---- cast|x:i32:read,y:bool:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<atomic<u32>>;
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x = x_get(i);
  y_set(i, x != 0i);
}

// ---- cast|x:i32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x = x_get(i);
  y_set(i, f32(x));
}

// ---- cast|x:i32:read,y:u32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<i32>;
fn x_get(i: u32) -> i32 { return x[u.x_offset + i]; }
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x = x_get(i);
  y_set(i, bitcast<u32>(x));
}

// ---- cast|x:u32:read,y:bool:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read_write> y: array<atomic<u32>>;
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x = x_get(i);
  y_set(i, x != 0u);
}

// ---- cast|x:u32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> u32 { return x[u.x_offset + i]; }
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x = x_get(i);
  y_set(i, f32(x));
}

// ---- cast|x:u32:read,y:i32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x = x_get(i);
  y_set(i, bitcast<i32>(x));
}

// ---- copy|x:bool:read,y:bool:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<u32>;
fn x_get(i: u32) -> bool { let j = u.x_offset + i; return ((x[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read_write> y: array<atomic<u32>>;
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
  y_set(i, x_get(i));
}
