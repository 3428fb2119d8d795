// ---- binary:add:bb|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a + b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:add:bb|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a + b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:add:bb|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a + b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:add:bc|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a + b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn b_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:add:cb|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a + b; }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:add:cb|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a + b; }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:add:cb|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a + b; }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:add:cs|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a + b; }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:add:cs|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a + b; }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:add:cs|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a + b; }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:add:sc|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a + b; }
fn a_index(i: u32) -> u32 { return 0u; }
fn b_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:add|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a + b; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:add|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a + b; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:add|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a + b; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:div:bb|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a / b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:div:bb|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a / b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:div:bb|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a / b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:div:bc|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a / b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn b_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:div:cb|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a / b; }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:div:cb|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a / b; }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:div:cb|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a / b; }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:div:cs|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a / b; }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:div:cs|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a / b; }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:div:cs|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a / b; }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:div:sc|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a / b; }
fn a_index(i: u32) -> u32 { return 0u; }
fn b_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:div|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a / b; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:div|a:f32:read:vec4,b:f32:read:vec4,y:f32:read_write:vec4|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<vec4<f32>>;
fn a_get4(j: u32) -> vec4<f32> { return a[u.a_offset + j]; }
@group(0) @binding(2) var<storage, read> b: array<vec4<f32>>;
fn b_get4(j: u32) -> vec4<f32> { return b[u.b_offset + j]; }
@group(0) @binding(3) var<storage, read_write> y: array<vec4<f32>>;
fn y_get4(j: u32) -> vec4<f32> { return y[u.y_offset + j]; }
fn y_set4(j: u32, v: vec4<f32>) { y[u.y_offset + j] = v; }

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
fn apply(a: f32, b: f32) -> f32 { return a / b; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a4 = a_get4(i);
  let b4 = b_get4(i);
  y_set4(i, vec4<f32>(apply(a4.x, b4.x), apply(a4.y, b4.y), apply(a4.z, b4.z), apply(a4.w, b4.w)));
}

// ---- binary:div|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a / b; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:div|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a / b; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:maximum:bb|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return select(max(a, b), f32_nan(), is_nan(a) || is_nan(b)); }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:maximum:bb|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return max(a, b); }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:maximum:bb|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return max(a, b); }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:maximum:bc|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return select(max(a, b), f32_nan(), is_nan(a) || is_nan(b)); }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn b_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:maximum:cb|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return select(max(a, b), f32_nan(), is_nan(a) || is_nan(b)); }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:maximum:cb|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return max(a, b); }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:maximum:cb|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return max(a, b); }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:maximum:cs|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return select(max(a, b), f32_nan(), is_nan(a) || is_nan(b)); }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:maximum:cs|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return max(a, b); }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:maximum:cs|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return max(a, b); }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:maximum:sc|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return select(max(a, b), f32_nan(), is_nan(a) || is_nan(b)); }
fn a_index(i: u32) -> u32 { return 0u; }
fn b_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:maximum|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return select(max(a, b), f32_nan(), is_nan(a) || is_nan(b)); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:maximum|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return max(a, b); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:maximum|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return max(a, b); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:minimum:bb|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return select(min(a, b), f32_nan(), is_nan(a) || is_nan(b)); }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:minimum:bb|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return min(a, b); }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:minimum:bb|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return min(a, b); }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:minimum:bc|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return select(min(a, b), f32_nan(), is_nan(a) || is_nan(b)); }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn b_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:minimum:cb|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return select(min(a, b), f32_nan(), is_nan(a) || is_nan(b)); }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:minimum:cb|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return min(a, b); }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:minimum:cb|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return min(a, b); }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:minimum:cs|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return select(min(a, b), f32_nan(), is_nan(a) || is_nan(b)); }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:minimum:cs|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return min(a, b); }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:minimum:cs|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return min(a, b); }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:minimum:sc|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return select(min(a, b), f32_nan(), is_nan(a) || is_nan(b)); }
fn a_index(i: u32) -> u32 { return 0u; }
fn b_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:minimum|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return select(min(a, b), f32_nan(), is_nan(a) || is_nan(b)); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:minimum|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return min(a, b); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:minimum|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return min(a, b); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:mul:bb|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a * b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:mul:bb|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a * b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:mul:bb|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a * b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:mul:bc|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a * b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn b_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:mul:cb|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a * b; }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:mul:cb|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a * b; }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:mul:cb|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a * b; }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:mul:cs|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a * b; }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:mul:cs|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a * b; }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:mul:cs|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a * b; }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:mul:sc|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a * b; }
fn a_index(i: u32) -> u32 { return 0u; }
fn b_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:mul|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a * b; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:mul|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a * b; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:mul|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a * b; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:pow:bb|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return pow_f32(a, b); }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:pow:bc|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return pow_f32(a, b); }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn b_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:pow:cb|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return pow_f32(a, b); }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:pow:cs|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return pow_f32(a, b); }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:pow:sc|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return pow_f32(a, b); }
fn a_index(i: u32) -> u32 { return 0u; }
fn b_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:pow|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return pow_f32(a, b); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:pow|a:f32:read:vec4,b:f32:read:vec4,y:f32:read_write:vec4|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<vec4<f32>>;
fn a_get4(j: u32) -> vec4<f32> { return a[u.a_offset + j]; }
@group(0) @binding(2) var<storage, read> b: array<vec4<f32>>;
fn b_get4(j: u32) -> vec4<f32> { return b[u.b_offset + j]; }
@group(0) @binding(3) var<storage, read_write> y: array<vec4<f32>>;
fn y_get4(j: u32) -> vec4<f32> { return y[u.y_offset + j]; }
fn y_set4(j: u32, v: vec4<f32>) { y[u.y_offset + j] = v; }

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
fn apply(a: f32, b: f32) -> f32 { return pow_f32(a, b); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let a4 = a_get4(i);
  let b4 = b_get4(i);
  y_set4(i, vec4<f32>(apply(a4.x, b4.x), apply(a4.y, b4.y), apply(a4.z, b4.z), apply(a4.w, b4.w)));
}

// ---- binary:sub:bb|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a - b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:sub:bb|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a - b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:sub:bb|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a - b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:sub:bc|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,a_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a - b; }

fn a_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.a_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}
fn b_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:sub:cb|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a - b; }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:sub:cb|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a - b; }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:sub:cb|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32,rank:u32,shape:u32x8,b_strides:u32x8
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
  rank: u32,
  shape: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a - b; }
fn a_index(i: u32) -> u32 { return i; }

fn b_index(i: u32) -> u32 {
  var rest = i;
  var off = 0u;
  for (var k = i32(u.rank) - 1; k >= 0; k--) {
    let d = u.shape[(u32(k)) >> 2u][(u32(k)) & 3u];
    off += (rest % d) * u.b_strides[(u32(k)) >> 2u][(u32(k)) & 3u];
    rest = rest / d;
  }
  return off;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:sub:cs|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a - b; }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:sub:cs|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a - b; }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:sub:cs|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a - b; }
fn a_index(i: u32) -> u32 { return i; }
fn b_index(i: u32) -> u32 { return 0u; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:sub:sc|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a - b; }
fn a_index(i: u32) -> u32 { return 0u; }
fn b_index(i: u32) -> u32 { return i; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(a_index(i)), b_get(b_index(i))));
}

// ---- binary:sub|a:f32:read,b:f32:read,y:f32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
fn a_get(i: u32) -> f32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<f32>;
fn b_get(i: u32) -> f32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
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
fn apply(a: f32, b: f32) -> f32 { return a - b; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:sub|a:i32:read,b:i32:read,y:i32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<i32>;
fn a_get(i: u32) -> i32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<i32>;
fn b_get(i: u32) -> i32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: i32, b: i32) -> i32 { return a - b; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}

// ---- binary:sub|a:u32:read,b:u32:read,y:u32:read_write|a_offset:u32,b_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  a_offset: u32,
  b_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<u32>;
fn a_get(i: u32) -> u32 { return a[u.a_offset + i]; }
@group(0) @binding(2) var<storage, read> b: array<u32>;
fn b_get(i: u32) -> u32 { return b[u.b_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<u32>;
fn y_get(i: u32) -> u32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: u32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn apply(a: u32, b: u32) -> u32 { return a - b; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(a_get(i), b_get(i)));
}
