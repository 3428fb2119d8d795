// ---- binaryScalar:add:forward|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}
fn apply(x: f32) -> f32 {
  let a = x;
  let b = bitcast<f32>(u.scalar);
  return a + b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:add:forward|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: i32) -> i32 {
  let a = x;
  let b = bitcast<i32>(u.scalar);
  return a + b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:add:forward|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: u32) -> u32 {
  let a = x;
  let b = u.scalar;
  return a + b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:add:reverse|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}
fn apply(x: f32) -> f32 {
  let a = bitcast<f32>(u.scalar);
  let b = x;
  return a + b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:add:reverse|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: i32) -> i32 {
  let a = bitcast<i32>(u.scalar);
  let b = x;
  return a + b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:add:reverse|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: u32) -> u32 {
  let a = u.scalar;
  let b = x;
  return a + b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:div:forward|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}
fn apply(x: f32) -> f32 {
  let a = x;
  let b = bitcast<f32>(u.scalar);
  return a / b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:div:forward|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: i32) -> i32 {
  let a = x;
  let b = bitcast<i32>(u.scalar);
  return a / b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:div:forward|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: u32) -> u32 {
  let a = x;
  let b = u.scalar;
  return a / b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:div:reverse|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}
fn apply(x: f32) -> f32 {
  let a = bitcast<f32>(u.scalar);
  let b = x;
  return a / b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:div:reverse|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: i32) -> i32 {
  let a = bitcast<i32>(u.scalar);
  let b = x;
  return a / b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:div:reverse|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: u32) -> u32 {
  let a = u.scalar;
  let b = x;
  return a / b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:maximum:forward|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}
fn apply(x: f32) -> f32 {
  let a = x;
  let b = bitcast<f32>(u.scalar);
  return select(max(a, b), f32_nan(), is_nan(a) || is_nan(b));
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:maximum:forward|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: i32) -> i32 {
  let a = x;
  let b = bitcast<i32>(u.scalar);
  return max(a, b);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:maximum:forward|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: u32) -> u32 {
  let a = x;
  let b = u.scalar;
  return max(a, b);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:maximum:reverse|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}
fn apply(x: f32) -> f32 {
  let a = bitcast<f32>(u.scalar);
  let b = x;
  return select(max(a, b), f32_nan(), is_nan(a) || is_nan(b));
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:maximum:reverse|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: i32) -> i32 {
  let a = bitcast<i32>(u.scalar);
  let b = x;
  return max(a, b);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:maximum:reverse|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: u32) -> u32 {
  let a = u.scalar;
  let b = x;
  return max(a, b);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:minimum:forward|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}
fn apply(x: f32) -> f32 {
  let a = x;
  let b = bitcast<f32>(u.scalar);
  return select(min(a, b), f32_nan(), is_nan(a) || is_nan(b));
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:minimum:forward|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: i32) -> i32 {
  let a = x;
  let b = bitcast<i32>(u.scalar);
  return min(a, b);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:minimum:forward|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: u32) -> u32 {
  let a = x;
  let b = u.scalar;
  return min(a, b);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:minimum:reverse|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}
fn apply(x: f32) -> f32 {
  let a = bitcast<f32>(u.scalar);
  let b = x;
  return select(min(a, b), f32_nan(), is_nan(a) || is_nan(b));
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:minimum:reverse|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: i32) -> i32 {
  let a = bitcast<i32>(u.scalar);
  let b = x;
  return min(a, b);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:minimum:reverse|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: u32) -> u32 {
  let a = u.scalar;
  let b = x;
  return min(a, b);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:mul:forward|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}
fn apply(x: f32) -> f32 {
  let a = x;
  let b = bitcast<f32>(u.scalar);
  return a * b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:mul:forward|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: i32) -> i32 {
  let a = x;
  let b = bitcast<i32>(u.scalar);
  return a * b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:mul:forward|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: u32) -> u32 {
  let a = x;
  let b = u.scalar;
  return a * b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:mul:reverse|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}
fn apply(x: f32) -> f32 {
  let a = bitcast<f32>(u.scalar);
  let b = x;
  return a * b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:mul:reverse|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: i32) -> i32 {
  let a = bitcast<i32>(u.scalar);
  let b = x;
  return a * b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:mul:reverse|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: u32) -> u32 {
  let a = u.scalar;
  let b = x;
  return a * b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:pow:forward|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}
fn apply(x: f32) -> f32 {
  let a = x;
  let b = bitcast<f32>(u.scalar);
  return pow_f32(a, b);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:pow:reverse|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}
fn apply(x: f32) -> f32 {
  let a = bitcast<f32>(u.scalar);
  let b = x;
  return pow_f32(a, b);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:sub:forward|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}
fn apply(x: f32) -> f32 {
  let a = x;
  let b = bitcast<f32>(u.scalar);
  return a - b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:sub:forward|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: i32) -> i32 {
  let a = x;
  let b = bitcast<i32>(u.scalar);
  return a - b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:sub:forward|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: u32) -> u32 {
  let a = x;
  let b = u.scalar;
  return a - b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:sub:reverse|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn pow_f32(x: f32, y: f32) -> f32 {
  if (x == 1.0 || y == 0.0) { return 1.0; }
  if (is_nan(x) || is_nan(y)) { return f32_nan(); }
  let ax = abs(x);
  if (is_inf(y)) {
    if (ax == 1.0) { return f32_nan(); }
    return select(0.0, f32_inf(), (ax > 1.0) == (y > 0.0));
  }
  let y_int = floor(y) == y;
  // Every f32 of magnitude ≥ 2^24 is an even integer.
  let y_odd = y_int && abs(y) < 16777216.0 && (i32(abs(y)) & 1) == 1;
  if (x < 0.0 && !y_int && !is_inf(x)) { return f32_nan(); }
  var r: f32;
  if (ax == 0.0) {
    r = select(f32_inf(), 0.0, y > 0.0);
  } else if (is_inf(ax)) {
    r = select(0.0, f32_inf(), y > 0.0);
  } else {
    r = exp2(y * log2(ax));
  }
  return select(r, -r, sign_bit(x) && y_odd);
}
fn apply(x: f32) -> f32 {
  let a = bitcast<f32>(u.scalar);
  let b = x;
  return a - b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:sub:reverse|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: i32) -> i32 {
  let a = bitcast<i32>(u.scalar);
  let b = x;
  return a - b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- binaryScalar:sub:reverse|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,scalar:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  scalar: u32,
  n: u32,
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

fn apply(x: u32) -> u32 {
  let a = u.scalar;
  let b = x;
  return a - b;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}
