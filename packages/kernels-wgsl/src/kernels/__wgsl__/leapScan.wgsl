// ---- leap-scan-aggregate:global|l:f32:read,x:f32:read,agg_m:f32:read_write,agg_z:f32:read_write,agg_s:f32:read_write|l_offset:u32,x_offset:u32,n:u32,t_len:u32,inner:u32,c_len:u32,cc:u32,cols:u32,block:u32,cps:u32,chunk:u32,rev:u32
struct Uniforms {
  l_offset: u32,
  x_offset: u32,
  n: u32,
  t_len: u32,
  inner: u32,
  c_len: u32,
  cc: u32,
  cols: u32,
  block: u32,
  cps: u32,
  chunk: u32,
  rev: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> l: array<f32>;
fn l_get(i: u32) -> f32 { return l[u.l_offset + i]; }
@group(0) @binding(2) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(3) var<storage, read_write> agg_m: array<f32>;
fn agg_m_get(i: u32) -> f32 { return agg_m[i]; }
fn agg_m_set(i: u32, v: f32) { agg_m[i] = v; }
@group(0) @binding(4) var<storage, read_write> agg_z: array<f32>;
fn agg_z_get(i: u32) -> f32 { return agg_z[i]; }
fn agg_z_set(i: u32, v: f32) { agg_z[i] = v; }
@group(0) @binding(5) var<storage, read_write> agg_s: array<f32>;
fn agg_s_get(i: u32) -> f32 { return agg_s[i]; }
fn agg_s_set(i: u32, v: f32) { agg_s[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

struct St { m: f32, z: f32, s: f32 }

fn st_empty() -> St { return St(0.0, 0.0, 0.0); }
fn st_nan() -> St { return St(0.0, f32_nan(), f32_nan()); }

// Folds in weight exp(l) on value x. −Inf weighs nothing; NaN and +Inf poison the state.
fn st_push(a: St, l: f32, x: f32) -> St {
  if (is_inf(l) && sign_bit(l)) { return a; }
  if (is_nan(a.z)) { return a; }
  if (is_nan(l) || is_inf(l)) { return st_nan(); }
  var r: St;
  if (a.z == 0.0) {
    r = St(l, 1.0, x);
  } else if (l > a.m) {
    // A new maximum: rescale what is there so every weight stays ≤ 1.
    let k = exp(a.m - l);
    r = St(l, a.z * k + 1.0, a.s * k + x);
  } else {
    let k = exp(l - a.m);
    r = St(a.m, a.z + k, a.s + k * x);
  }
  if (is_nan(a.s) || is_nan(x)) { r.s = f32_nan(); }
  return r;
}

// The state of the union of two disjoint ranges (order does not matter).
fn st_merge(a: St, b: St) -> St {
  if (is_nan(a.z) || is_nan(b.z)) { return st_nan(); }
  if (b.z == 0.0) { return a; }
  if (a.z == 0.0) { return b; }
  let m = max(a.m, b.m);
  let ka = exp(a.m - m);
  let kb = exp(b.m - m);
  var r = St(m, a.z * ka + b.z * kb, a.s * ka + b.s * kb);
  if (is_nan(a.s) || is_nan(b.s)) { r.s = f32_nan(); }
  return r;
}

fn st_lse(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return -f32_inf(); }
  return a.m + log(a.z);
}

fn st_mean(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return 0.0; }
  return a.s / a.z;
}

// Back from a stored (lse, mean): the same range as one weight exp(lse) on the mean.
fn st_from(lse: f32, mean: f32) -> St {
  if (is_nan(lse)) { return st_nan(); }
  if (is_inf(lse) && sign_bit(lse)) { return st_empty(); }
  return St(lse, 1.0, mean);
}


const SUFFIX = false;
fn col_c(col: u32) -> u32 { return col % u.cc; }
fn col_n(col: u32) -> u32 { return (col / u.cc) % u.inner; }
fn col_o(col: u32) -> u32 { return (col / u.cc) / u.inner; }
fn block_len(g: u32) -> u32 { return min(u.block, u.t_len - g * u.block); }
fn chunk_count(g: u32) -> u32 { return (block_len(g) + u.chunk - 1u) / u.chunk; }
// Scan position of the r-th element of block g in this pass's direction.
fn block_pos(g: u32, r: u32) -> u32 { return g * u.block + select(r, block_len(g) - 1u - r, SUFFIX); }
fn time_of(p: u32) -> u32 { return select(p, u.t_len - 1u - p, u.rev != 0u); }
fn logit_index(col: u32, p: u32) -> u32 { return (col_o(col) * u.t_len + time_of(p)) * u.inner + col_n(col); }


fn read_x(li: u32, c: u32) -> f32 {
  if (u.c_len == 0u) { return 0.0; }
  return x_get(li * u.c_len + c);
}

fn agg_load(a: u32) -> St { return St(agg_m_get(a), agg_z_get(a), agg_s_get(a)); }
fn agg_store(a: u32, st: St) { agg_m_set(a, st.m); agg_z_set(a, st.z); agg_s_set(a, st.s); }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 64u + lid;
  if (i >= u.n) { return; }
  let col = i % u.cols;
  let gj = i / u.cols;
  let j = gj % u.cps;
  let g = gj / u.cps;
  let len = block_len(g);
  let r0 = j * u.chunk;
  if (r0 + u.chunk >= len) { return; }
  var st = st_empty();
  for (var r = r0; r < r0 + u.chunk; r++) {
    let li = logit_index(col, block_pos(g, r));
    st = st_push(st, l_get(li), read_x(li, col_c(col)));
  }
  agg_store(gj * u.cols + col, st);
}

// ---- leap-scan-aggregate:prefix|l:f32:read,x:f32:read,agg_m:f32:read_write,agg_z:f32:read_write,agg_s:f32:read_write|l_offset:u32,x_offset:u32,n:u32,t_len:u32,inner:u32,c_len:u32,cc:u32,cols:u32,block:u32,cps:u32,chunk:u32,rev:u32
struct Uniforms {
  l_offset: u32,
  x_offset: u32,
  n: u32,
  t_len: u32,
  inner: u32,
  c_len: u32,
  cc: u32,
  cols: u32,
  block: u32,
  cps: u32,
  chunk: u32,
  rev: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> l: array<f32>;
fn l_get(i: u32) -> f32 { return l[u.l_offset + i]; }
@group(0) @binding(2) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(3) var<storage, read_write> agg_m: array<f32>;
fn agg_m_get(i: u32) -> f32 { return agg_m[i]; }
fn agg_m_set(i: u32, v: f32) { agg_m[i] = v; }
@group(0) @binding(4) var<storage, read_write> agg_z: array<f32>;
fn agg_z_get(i: u32) -> f32 { return agg_z[i]; }
fn agg_z_set(i: u32, v: f32) { agg_z[i] = v; }
@group(0) @binding(5) var<storage, read_write> agg_s: array<f32>;
fn agg_s_get(i: u32) -> f32 { return agg_s[i]; }
fn agg_s_set(i: u32, v: f32) { agg_s[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

struct St { m: f32, z: f32, s: f32 }

fn st_empty() -> St { return St(0.0, 0.0, 0.0); }
fn st_nan() -> St { return St(0.0, f32_nan(), f32_nan()); }

// Folds in weight exp(l) on value x. −Inf weighs nothing; NaN and +Inf poison the state.
fn st_push(a: St, l: f32, x: f32) -> St {
  if (is_inf(l) && sign_bit(l)) { return a; }
  if (is_nan(a.z)) { return a; }
  if (is_nan(l) || is_inf(l)) { return st_nan(); }
  var r: St;
  if (a.z == 0.0) {
    r = St(l, 1.0, x);
  } else if (l > a.m) {
    // A new maximum: rescale what is there so every weight stays ≤ 1.
    let k = exp(a.m - l);
    r = St(l, a.z * k + 1.0, a.s * k + x);
  } else {
    let k = exp(l - a.m);
    r = St(a.m, a.z + k, a.s + k * x);
  }
  if (is_nan(a.s) || is_nan(x)) { r.s = f32_nan(); }
  return r;
}

// The state of the union of two disjoint ranges (order does not matter).
fn st_merge(a: St, b: St) -> St {
  if (is_nan(a.z) || is_nan(b.z)) { return st_nan(); }
  if (b.z == 0.0) { return a; }
  if (a.z == 0.0) { return b; }
  let m = max(a.m, b.m);
  let ka = exp(a.m - m);
  let kb = exp(b.m - m);
  var r = St(m, a.z * ka + b.z * kb, a.s * ka + b.s * kb);
  if (is_nan(a.s) || is_nan(b.s)) { r.s = f32_nan(); }
  return r;
}

fn st_lse(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return -f32_inf(); }
  return a.m + log(a.z);
}

fn st_mean(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return 0.0; }
  return a.s / a.z;
}

// Back from a stored (lse, mean): the same range as one weight exp(lse) on the mean.
fn st_from(lse: f32, mean: f32) -> St {
  if (is_nan(lse)) { return st_nan(); }
  if (is_inf(lse) && sign_bit(lse)) { return st_empty(); }
  return St(lse, 1.0, mean);
}


const SUFFIX = false;
fn col_c(col: u32) -> u32 { return col % u.cc; }
fn col_n(col: u32) -> u32 { return (col / u.cc) % u.inner; }
fn col_o(col: u32) -> u32 { return (col / u.cc) / u.inner; }
fn block_len(g: u32) -> u32 { return min(u.block, u.t_len - g * u.block); }
fn chunk_count(g: u32) -> u32 { return (block_len(g) + u.chunk - 1u) / u.chunk; }
// Scan position of the r-th element of block g in this pass's direction.
fn block_pos(g: u32, r: u32) -> u32 { return g * u.block + select(r, block_len(g) - 1u - r, SUFFIX); }
fn time_of(p: u32) -> u32 { return select(p, u.t_len - 1u - p, u.rev != 0u); }
fn logit_index(col: u32, p: u32) -> u32 { return (col_o(col) * u.t_len + time_of(p)) * u.inner + col_n(col); }


fn read_x(li: u32, c: u32) -> f32 {
  if (u.c_len == 0u) { return 0.0; }
  return x_get(li * u.c_len + c);
}

fn agg_load(a: u32) -> St { return St(agg_m_get(a), agg_z_get(a), agg_s_get(a)); }
fn agg_store(a: u32, st: St) { agg_m_set(a, st.m); agg_z_set(a, st.z); agg_s_set(a, st.s); }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 64u + lid;
  if (i >= u.n) { return; }
  let col = i % u.cols;
  let gj = i / u.cols;
  let j = gj % u.cps;
  let g = gj / u.cps;
  let len = block_len(g);
  let r0 = j * u.chunk;
  if (r0 + u.chunk >= len) { return; }
  var st = st_empty();
  for (var r = r0; r < r0 + u.chunk; r++) {
    let li = logit_index(col, block_pos(g, r));
    st = st_push(st, l_get(li), read_x(li, col_c(col)));
  }
  agg_store(gj * u.cols + col, st);
}

// ---- leap-scan-aggregate:suffix|l:f32:read,x:f32:read,agg_m:f32:read_write,agg_z:f32:read_write,agg_s:f32:read_write|l_offset:u32,x_offset:u32,n:u32,t_len:u32,inner:u32,c_len:u32,cc:u32,cols:u32,block:u32,cps:u32,chunk:u32,rev:u32
struct Uniforms {
  l_offset: u32,
  x_offset: u32,
  n: u32,
  t_len: u32,
  inner: u32,
  c_len: u32,
  cc: u32,
  cols: u32,
  block: u32,
  cps: u32,
  chunk: u32,
  rev: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> l: array<f32>;
fn l_get(i: u32) -> f32 { return l[u.l_offset + i]; }
@group(0) @binding(2) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(3) var<storage, read_write> agg_m: array<f32>;
fn agg_m_get(i: u32) -> f32 { return agg_m[i]; }
fn agg_m_set(i: u32, v: f32) { agg_m[i] = v; }
@group(0) @binding(4) var<storage, read_write> agg_z: array<f32>;
fn agg_z_get(i: u32) -> f32 { return agg_z[i]; }
fn agg_z_set(i: u32, v: f32) { agg_z[i] = v; }
@group(0) @binding(5) var<storage, read_write> agg_s: array<f32>;
fn agg_s_get(i: u32) -> f32 { return agg_s[i]; }
fn agg_s_set(i: u32, v: f32) { agg_s[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

struct St { m: f32, z: f32, s: f32 }

fn st_empty() -> St { return St(0.0, 0.0, 0.0); }
fn st_nan() -> St { return St(0.0, f32_nan(), f32_nan()); }

// Folds in weight exp(l) on value x. −Inf weighs nothing; NaN and +Inf poison the state.
fn st_push(a: St, l: f32, x: f32) -> St {
  if (is_inf(l) && sign_bit(l)) { return a; }
  if (is_nan(a.z)) { return a; }
  if (is_nan(l) || is_inf(l)) { return st_nan(); }
  var r: St;
  if (a.z == 0.0) {
    r = St(l, 1.0, x);
  } else if (l > a.m) {
    // A new maximum: rescale what is there so every weight stays ≤ 1.
    let k = exp(a.m - l);
    r = St(l, a.z * k + 1.0, a.s * k + x);
  } else {
    let k = exp(l - a.m);
    r = St(a.m, a.z + k, a.s + k * x);
  }
  if (is_nan(a.s) || is_nan(x)) { r.s = f32_nan(); }
  return r;
}

// The state of the union of two disjoint ranges (order does not matter).
fn st_merge(a: St, b: St) -> St {
  if (is_nan(a.z) || is_nan(b.z)) { return st_nan(); }
  if (b.z == 0.0) { return a; }
  if (a.z == 0.0) { return b; }
  let m = max(a.m, b.m);
  let ka = exp(a.m - m);
  let kb = exp(b.m - m);
  var r = St(m, a.z * ka + b.z * kb, a.s * ka + b.s * kb);
  if (is_nan(a.s) || is_nan(b.s)) { r.s = f32_nan(); }
  return r;
}

fn st_lse(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return -f32_inf(); }
  return a.m + log(a.z);
}

fn st_mean(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return 0.0; }
  return a.s / a.z;
}

// Back from a stored (lse, mean): the same range as one weight exp(lse) on the mean.
fn st_from(lse: f32, mean: f32) -> St {
  if (is_nan(lse)) { return st_nan(); }
  if (is_inf(lse) && sign_bit(lse)) { return st_empty(); }
  return St(lse, 1.0, mean);
}


const SUFFIX = true;
fn col_c(col: u32) -> u32 { return col % u.cc; }
fn col_n(col: u32) -> u32 { return (col / u.cc) % u.inner; }
fn col_o(col: u32) -> u32 { return (col / u.cc) / u.inner; }
fn block_len(g: u32) -> u32 { return min(u.block, u.t_len - g * u.block); }
fn chunk_count(g: u32) -> u32 { return (block_len(g) + u.chunk - 1u) / u.chunk; }
// Scan position of the r-th element of block g in this pass's direction.
fn block_pos(g: u32, r: u32) -> u32 { return g * u.block + select(r, block_len(g) - 1u - r, SUFFIX); }
fn time_of(p: u32) -> u32 { return select(p, u.t_len - 1u - p, u.rev != 0u); }
fn logit_index(col: u32, p: u32) -> u32 { return (col_o(col) * u.t_len + time_of(p)) * u.inner + col_n(col); }


fn read_x(li: u32, c: u32) -> f32 {
  if (u.c_len == 0u) { return 0.0; }
  return x_get(li * u.c_len + c);
}

fn agg_load(a: u32) -> St { return St(agg_m_get(a), agg_z_get(a), agg_s_get(a)); }
fn agg_store(a: u32, st: St) { agg_m_set(a, st.m); agg_z_set(a, st.z); agg_s_set(a, st.s); }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 64u + lid;
  if (i >= u.n) { return; }
  let col = i % u.cols;
  let gj = i / u.cols;
  let j = gj % u.cps;
  let g = gj / u.cps;
  let len = block_len(g);
  let r0 = j * u.chunk;
  if (r0 + u.chunk >= len) { return; }
  var st = st_empty();
  for (var r = r0; r < r0 + u.chunk; r++) {
    let li = logit_index(col, block_pos(g, r));
    st = st_push(st, l_get(li), read_x(li, col_c(col)));
  }
  agg_store(gj * u.cols + col, st);
}

// ---- leap-scan-carry:global|agg_m:f32:read_write,agg_z:f32:read_write,agg_s:f32:read_write|n:u32,t_len:u32,inner:u32,c_len:u32,cc:u32,cols:u32,block:u32,cps:u32,chunk:u32,rev:u32
struct Uniforms {
  n: u32,
  t_len: u32,
  inner: u32,
  c_len: u32,
  cc: u32,
  cols: u32,
  block: u32,
  cps: u32,
  chunk: u32,
  rev: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> agg_m: array<f32>;
fn agg_m_get(i: u32) -> f32 { return agg_m[i]; }
fn agg_m_set(i: u32, v: f32) { agg_m[i] = v; }
@group(0) @binding(2) var<storage, read_write> agg_z: array<f32>;
fn agg_z_get(i: u32) -> f32 { return agg_z[i]; }
fn agg_z_set(i: u32, v: f32) { agg_z[i] = v; }
@group(0) @binding(3) var<storage, read_write> agg_s: array<f32>;
fn agg_s_get(i: u32) -> f32 { return agg_s[i]; }
fn agg_s_set(i: u32, v: f32) { agg_s[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

struct St { m: f32, z: f32, s: f32 }

fn st_empty() -> St { return St(0.0, 0.0, 0.0); }
fn st_nan() -> St { return St(0.0, f32_nan(), f32_nan()); }

// Folds in weight exp(l) on value x. −Inf weighs nothing; NaN and +Inf poison the state.
fn st_push(a: St, l: f32, x: f32) -> St {
  if (is_inf(l) && sign_bit(l)) { return a; }
  if (is_nan(a.z)) { return a; }
  if (is_nan(l) || is_inf(l)) { return st_nan(); }
  var r: St;
  if (a.z == 0.0) {
    r = St(l, 1.0, x);
  } else if (l > a.m) {
    // A new maximum: rescale what is there so every weight stays ≤ 1.
    let k = exp(a.m - l);
    r = St(l, a.z * k + 1.0, a.s * k + x);
  } else {
    let k = exp(l - a.m);
    r = St(a.m, a.z + k, a.s + k * x);
  }
  if (is_nan(a.s) || is_nan(x)) { r.s = f32_nan(); }
  return r;
}

// The state of the union of two disjoint ranges (order does not matter).
fn st_merge(a: St, b: St) -> St {
  if (is_nan(a.z) || is_nan(b.z)) { return st_nan(); }
  if (b.z == 0.0) { return a; }
  if (a.z == 0.0) { return b; }
  let m = max(a.m, b.m);
  let ka = exp(a.m - m);
  let kb = exp(b.m - m);
  var r = St(m, a.z * ka + b.z * kb, a.s * ka + b.s * kb);
  if (is_nan(a.s) || is_nan(b.s)) { r.s = f32_nan(); }
  return r;
}

fn st_lse(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return -f32_inf(); }
  return a.m + log(a.z);
}

fn st_mean(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return 0.0; }
  return a.s / a.z;
}

// Back from a stored (lse, mean): the same range as one weight exp(lse) on the mean.
fn st_from(lse: f32, mean: f32) -> St {
  if (is_nan(lse)) { return st_nan(); }
  if (is_inf(lse) && sign_bit(lse)) { return st_empty(); }
  return St(lse, 1.0, mean);
}


const SUFFIX = false;
fn col_c(col: u32) -> u32 { return col % u.cc; }
fn col_n(col: u32) -> u32 { return (col / u.cc) % u.inner; }
fn col_o(col: u32) -> u32 { return (col / u.cc) / u.inner; }
fn block_len(g: u32) -> u32 { return min(u.block, u.t_len - g * u.block); }
fn chunk_count(g: u32) -> u32 { return (block_len(g) + u.chunk - 1u) / u.chunk; }
// Scan position of the r-th element of block g in this pass's direction.
fn block_pos(g: u32, r: u32) -> u32 { return g * u.block + select(r, block_len(g) - 1u - r, SUFFIX); }
fn time_of(p: u32) -> u32 { return select(p, u.t_len - 1u - p, u.rev != 0u); }
fn logit_index(col: u32, p: u32) -> u32 { return (col_o(col) * u.t_len + time_of(p)) * u.inner + col_n(col); }



fn agg_load(a: u32) -> St { return St(agg_m_get(a), agg_z_get(a), agg_s_get(a)); }
fn agg_store(a: u32, st: St) { agg_m_set(a, st.m); agg_z_set(a, st.z); agg_s_set(a, st.s); }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 64u + lid;
  if (i >= u.n) { return; }
  let col = i % u.cols;
  let g = i / u.cols;
  let count = chunk_count(g);
  var carry = st_empty();
  for (var j = 0u; j < count; j++) {
    let a = (g * u.cps + j) * u.cols + col;
    var total = st_empty();
    if (j + 1u < count) { total = agg_load(a); }
    agg_store(a, carry);
    carry = st_merge(carry, total);
  }
}

// ---- leap-scan-carry:prefix|agg_m:f32:read_write,agg_z:f32:read_write,agg_s:f32:read_write|n:u32,t_len:u32,inner:u32,c_len:u32,cc:u32,cols:u32,block:u32,cps:u32,chunk:u32,rev:u32
struct Uniforms {
  n: u32,
  t_len: u32,
  inner: u32,
  c_len: u32,
  cc: u32,
  cols: u32,
  block: u32,
  cps: u32,
  chunk: u32,
  rev: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> agg_m: array<f32>;
fn agg_m_get(i: u32) -> f32 { return agg_m[i]; }
fn agg_m_set(i: u32, v: f32) { agg_m[i] = v; }
@group(0) @binding(2) var<storage, read_write> agg_z: array<f32>;
fn agg_z_get(i: u32) -> f32 { return agg_z[i]; }
fn agg_z_set(i: u32, v: f32) { agg_z[i] = v; }
@group(0) @binding(3) var<storage, read_write> agg_s: array<f32>;
fn agg_s_get(i: u32) -> f32 { return agg_s[i]; }
fn agg_s_set(i: u32, v: f32) { agg_s[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

struct St { m: f32, z: f32, s: f32 }

fn st_empty() -> St { return St(0.0, 0.0, 0.0); }
fn st_nan() -> St { return St(0.0, f32_nan(), f32_nan()); }

// Folds in weight exp(l) on value x. −Inf weighs nothing; NaN and +Inf poison the state.
fn st_push(a: St, l: f32, x: f32) -> St {
  if (is_inf(l) && sign_bit(l)) { return a; }
  if (is_nan(a.z)) { return a; }
  if (is_nan(l) || is_inf(l)) { return st_nan(); }
  var r: St;
  if (a.z == 0.0) {
    r = St(l, 1.0, x);
  } else if (l > a.m) {
    // A new maximum: rescale what is there so every weight stays ≤ 1.
    let k = exp(a.m - l);
    r = St(l, a.z * k + 1.0, a.s * k + x);
  } else {
    let k = exp(l - a.m);
    r = St(a.m, a.z + k, a.s + k * x);
  }
  if (is_nan(a.s) || is_nan(x)) { r.s = f32_nan(); }
  return r;
}

// The state of the union of two disjoint ranges (order does not matter).
fn st_merge(a: St, b: St) -> St {
  if (is_nan(a.z) || is_nan(b.z)) { return st_nan(); }
  if (b.z == 0.0) { return a; }
  if (a.z == 0.0) { return b; }
  let m = max(a.m, b.m);
  let ka = exp(a.m - m);
  let kb = exp(b.m - m);
  var r = St(m, a.z * ka + b.z * kb, a.s * ka + b.s * kb);
  if (is_nan(a.s) || is_nan(b.s)) { r.s = f32_nan(); }
  return r;
}

fn st_lse(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return -f32_inf(); }
  return a.m + log(a.z);
}

fn st_mean(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return 0.0; }
  return a.s / a.z;
}

// Back from a stored (lse, mean): the same range as one weight exp(lse) on the mean.
fn st_from(lse: f32, mean: f32) -> St {
  if (is_nan(lse)) { return st_nan(); }
  if (is_inf(lse) && sign_bit(lse)) { return st_empty(); }
  return St(lse, 1.0, mean);
}


const SUFFIX = false;
fn col_c(col: u32) -> u32 { return col % u.cc; }
fn col_n(col: u32) -> u32 { return (col / u.cc) % u.inner; }
fn col_o(col: u32) -> u32 { return (col / u.cc) / u.inner; }
fn block_len(g: u32) -> u32 { return min(u.block, u.t_len - g * u.block); }
fn chunk_count(g: u32) -> u32 { return (block_len(g) + u.chunk - 1u) / u.chunk; }
// Scan position of the r-th element of block g in this pass's direction.
fn block_pos(g: u32, r: u32) -> u32 { return g * u.block + select(r, block_len(g) - 1u - r, SUFFIX); }
fn time_of(p: u32) -> u32 { return select(p, u.t_len - 1u - p, u.rev != 0u); }
fn logit_index(col: u32, p: u32) -> u32 { return (col_o(col) * u.t_len + time_of(p)) * u.inner + col_n(col); }



fn agg_load(a: u32) -> St { return St(agg_m_get(a), agg_z_get(a), agg_s_get(a)); }
fn agg_store(a: u32, st: St) { agg_m_set(a, st.m); agg_z_set(a, st.z); agg_s_set(a, st.s); }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 64u + lid;
  if (i >= u.n) { return; }
  let col = i % u.cols;
  let g = i / u.cols;
  let count = chunk_count(g);
  var carry = st_empty();
  for (var j = 0u; j < count; j++) {
    let a = (g * u.cps + j) * u.cols + col;
    var total = st_empty();
    if (j + 1u < count) { total = agg_load(a); }
    agg_store(a, carry);
    carry = st_merge(carry, total);
  }
}

// ---- leap-scan-carry:suffix|agg_m:f32:read_write,agg_z:f32:read_write,agg_s:f32:read_write|n:u32,t_len:u32,inner:u32,c_len:u32,cc:u32,cols:u32,block:u32,cps:u32,chunk:u32,rev:u32
struct Uniforms {
  n: u32,
  t_len: u32,
  inner: u32,
  c_len: u32,
  cc: u32,
  cols: u32,
  block: u32,
  cps: u32,
  chunk: u32,
  rev: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> agg_m: array<f32>;
fn agg_m_get(i: u32) -> f32 { return agg_m[i]; }
fn agg_m_set(i: u32, v: f32) { agg_m[i] = v; }
@group(0) @binding(2) var<storage, read_write> agg_z: array<f32>;
fn agg_z_get(i: u32) -> f32 { return agg_z[i]; }
fn agg_z_set(i: u32, v: f32) { agg_z[i] = v; }
@group(0) @binding(3) var<storage, read_write> agg_s: array<f32>;
fn agg_s_get(i: u32) -> f32 { return agg_s[i]; }
fn agg_s_set(i: u32, v: f32) { agg_s[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

struct St { m: f32, z: f32, s: f32 }

fn st_empty() -> St { return St(0.0, 0.0, 0.0); }
fn st_nan() -> St { return St(0.0, f32_nan(), f32_nan()); }

// Folds in weight exp(l) on value x. −Inf weighs nothing; NaN and +Inf poison the state.
fn st_push(a: St, l: f32, x: f32) -> St {
  if (is_inf(l) && sign_bit(l)) { return a; }
  if (is_nan(a.z)) { return a; }
  if (is_nan(l) || is_inf(l)) { return st_nan(); }
  var r: St;
  if (a.z == 0.0) {
    r = St(l, 1.0, x);
  } else if (l > a.m) {
    // A new maximum: rescale what is there so every weight stays ≤ 1.
    let k = exp(a.m - l);
    r = St(l, a.z * k + 1.0, a.s * k + x);
  } else {
    let k = exp(l - a.m);
    r = St(a.m, a.z + k, a.s + k * x);
  }
  if (is_nan(a.s) || is_nan(x)) { r.s = f32_nan(); }
  return r;
}

// The state of the union of two disjoint ranges (order does not matter).
fn st_merge(a: St, b: St) -> St {
  if (is_nan(a.z) || is_nan(b.z)) { return st_nan(); }
  if (b.z == 0.0) { return a; }
  if (a.z == 0.0) { return b; }
  let m = max(a.m, b.m);
  let ka = exp(a.m - m);
  let kb = exp(b.m - m);
  var r = St(m, a.z * ka + b.z * kb, a.s * ka + b.s * kb);
  if (is_nan(a.s) || is_nan(b.s)) { r.s = f32_nan(); }
  return r;
}

fn st_lse(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return -f32_inf(); }
  return a.m + log(a.z);
}

fn st_mean(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return 0.0; }
  return a.s / a.z;
}

// Back from a stored (lse, mean): the same range as one weight exp(lse) on the mean.
fn st_from(lse: f32, mean: f32) -> St {
  if (is_nan(lse)) { return st_nan(); }
  if (is_inf(lse) && sign_bit(lse)) { return st_empty(); }
  return St(lse, 1.0, mean);
}


const SUFFIX = true;
fn col_c(col: u32) -> u32 { return col % u.cc; }
fn col_n(col: u32) -> u32 { return (col / u.cc) % u.inner; }
fn col_o(col: u32) -> u32 { return (col / u.cc) / u.inner; }
fn block_len(g: u32) -> u32 { return min(u.block, u.t_len - g * u.block); }
fn chunk_count(g: u32) -> u32 { return (block_len(g) + u.chunk - 1u) / u.chunk; }
// Scan position of the r-th element of block g in this pass's direction.
fn block_pos(g: u32, r: u32) -> u32 { return g * u.block + select(r, block_len(g) - 1u - r, SUFFIX); }
fn time_of(p: u32) -> u32 { return select(p, u.t_len - 1u - p, u.rev != 0u); }
fn logit_index(col: u32, p: u32) -> u32 { return (col_o(col) * u.t_len + time_of(p)) * u.inner + col_n(col); }



fn agg_load(a: u32) -> St { return St(agg_m_get(a), agg_z_get(a), agg_s_get(a)); }
fn agg_store(a: u32, st: St) { agg_m_set(a, st.m); agg_z_set(a, st.z); agg_s_set(a, st.s); }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 64u + lid;
  if (i >= u.n) { return; }
  let col = i % u.cols;
  let g = i / u.cols;
  let count = chunk_count(g);
  var carry = st_empty();
  for (var j = 0u; j < count; j++) {
    let a = (g * u.cps + j) * u.cols + col;
    var total = st_empty();
    if (j + 1u < count) { total = agg_load(a); }
    agg_store(a, carry);
    carry = st_merge(carry, total);
  }
}

// ---- leap-scan-combine:prefix|mean:f32:read_write,lse:f32:read_write,pre_lse:f32:read_write,suf_lse:f32:read_write,suf_mean:f32:read_write|lse_offset:u32,n:u32,t_len:u32,inner:u32,c_len:u32,cc:u32,cols:u32,block:u32,cps:u32,chunk:u32,rev:u32
struct Uniforms {
  lse_offset: u32,
  n: u32,
  t_len: u32,
  inner: u32,
  c_len: u32,
  cc: u32,
  cols: u32,
  block: u32,
  cps: u32,
  chunk: u32,
  rev: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> mean: array<f32>;
fn mean_get(i: u32) -> f32 { return mean[i]; }
fn mean_set(i: u32, v: f32) { mean[i] = v; }
@group(0) @binding(2) var<storage, read_write> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
fn lse_set(i: u32, v: f32) { lse[u.lse_offset + i] = v; }
@group(0) @binding(3) var<storage, read_write> pre_lse: array<f32>;
fn pre_lse_get(i: u32) -> f32 { return pre_lse[i]; }
fn pre_lse_set(i: u32, v: f32) { pre_lse[i] = v; }
@group(0) @binding(4) var<storage, read_write> suf_lse: array<f32>;
fn suf_lse_get(i: u32) -> f32 { return suf_lse[i]; }
fn suf_lse_set(i: u32, v: f32) { suf_lse[i] = v; }
@group(0) @binding(5) var<storage, read_write> suf_mean: array<f32>;
fn suf_mean_get(i: u32) -> f32 { return suf_mean[i]; }
fn suf_mean_set(i: u32, v: f32) { suf_mean[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

struct St { m: f32, z: f32, s: f32 }

fn st_empty() -> St { return St(0.0, 0.0, 0.0); }
fn st_nan() -> St { return St(0.0, f32_nan(), f32_nan()); }

// Folds in weight exp(l) on value x. −Inf weighs nothing; NaN and +Inf poison the state.
fn st_push(a: St, l: f32, x: f32) -> St {
  if (is_inf(l) && sign_bit(l)) { return a; }
  if (is_nan(a.z)) { return a; }
  if (is_nan(l) || is_inf(l)) { return st_nan(); }
  var r: St;
  if (a.z == 0.0) {
    r = St(l, 1.0, x);
  } else if (l > a.m) {
    // A new maximum: rescale what is there so every weight stays ≤ 1.
    let k = exp(a.m - l);
    r = St(l, a.z * k + 1.0, a.s * k + x);
  } else {
    let k = exp(l - a.m);
    r = St(a.m, a.z + k, a.s + k * x);
  }
  if (is_nan(a.s) || is_nan(x)) { r.s = f32_nan(); }
  return r;
}

// The state of the union of two disjoint ranges (order does not matter).
fn st_merge(a: St, b: St) -> St {
  if (is_nan(a.z) || is_nan(b.z)) { return st_nan(); }
  if (b.z == 0.0) { return a; }
  if (a.z == 0.0) { return b; }
  let m = max(a.m, b.m);
  let ka = exp(a.m - m);
  let kb = exp(b.m - m);
  var r = St(m, a.z * ka + b.z * kb, a.s * ka + b.s * kb);
  if (is_nan(a.s) || is_nan(b.s)) { r.s = f32_nan(); }
  return r;
}

fn st_lse(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return -f32_inf(); }
  return a.m + log(a.z);
}

fn st_mean(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return 0.0; }
  return a.s / a.z;
}

// Back from a stored (lse, mean): the same range as one weight exp(lse) on the mean.
fn st_from(lse: f32, mean: f32) -> St {
  if (is_nan(lse)) { return st_nan(); }
  if (is_inf(lse) && sign_bit(lse)) { return st_empty(); }
  return St(lse, 1.0, mean);
}


const SUFFIX = false;
fn col_c(col: u32) -> u32 { return col % u.cc; }
fn col_n(col: u32) -> u32 { return (col / u.cc) % u.inner; }
fn col_o(col: u32) -> u32 { return (col / u.cc) / u.inner; }
fn block_len(g: u32) -> u32 { return min(u.block, u.t_len - g * u.block); }
fn chunk_count(g: u32) -> u32 { return (block_len(g) + u.chunk - 1u) / u.chunk; }
// Scan position of the r-th element of block g in this pass's direction.
fn block_pos(g: u32, r: u32) -> u32 { return g * u.block + select(r, block_len(g) - 1u - r, SUFFIX); }
fn time_of(p: u32) -> u32 { return select(p, u.t_len - 1u - p, u.rev != 0u); }
fn logit_index(col: u32, p: u32) -> u32 { return (col_o(col) * u.t_len + time_of(p)) * u.inner + col_n(col); }




@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let col = i % u.cols;
  let p = i / u.cols;
  let q = p % u.block;
  let c = col_c(col);
  let li = logit_index(col, p);
  var prefix_mean = 0.0;
  if (u.c_len > 0u) { prefix_mean = mean_get(li * u.c_len + c); }
  var st = st_from(pre_lse_get(li), prefix_mean);
  if (p >= u.block && q + 1u < u.block) {
    let ls = logit_index(col, p - u.block + 1u);
    st = st_merge(st, st_from(suf_lse_get(ls), suf_mean_get(ls * u.cc + c)));
  }
  if (u.c_len > 0u) { mean_set(li * u.c_len + c, st_mean(st)); }
  if (c == 0u) { lse_set(li, st_lse(st)); }
}

// ---- leap-scan-combine:prefix|mean:f32:read_write,lse:f32:read_write,pre_lse:f32:read_write,suf_lse:f32:read_write,suf_mean:f32:read_write|mean_offset:u32,lse_offset:u32,n:u32,t_len:u32,inner:u32,c_len:u32,cc:u32,cols:u32,block:u32,cps:u32,chunk:u32,rev:u32
struct Uniforms {
  mean_offset: u32,
  lse_offset: u32,
  n: u32,
  t_len: u32,
  inner: u32,
  c_len: u32,
  cc: u32,
  cols: u32,
  block: u32,
  cps: u32,
  chunk: u32,
  rev: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> mean: array<f32>;
fn mean_get(i: u32) -> f32 { return mean[u.mean_offset + i]; }
fn mean_set(i: u32, v: f32) { mean[u.mean_offset + i] = v; }
@group(0) @binding(2) var<storage, read_write> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
fn lse_set(i: u32, v: f32) { lse[u.lse_offset + i] = v; }
@group(0) @binding(3) var<storage, read_write> pre_lse: array<f32>;
fn pre_lse_get(i: u32) -> f32 { return pre_lse[i]; }
fn pre_lse_set(i: u32, v: f32) { pre_lse[i] = v; }
@group(0) @binding(4) var<storage, read_write> suf_lse: array<f32>;
fn suf_lse_get(i: u32) -> f32 { return suf_lse[i]; }
fn suf_lse_set(i: u32, v: f32) { suf_lse[i] = v; }
@group(0) @binding(5) var<storage, read_write> suf_mean: array<f32>;
fn suf_mean_get(i: u32) -> f32 { return suf_mean[i]; }
fn suf_mean_set(i: u32, v: f32) { suf_mean[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

struct St { m: f32, z: f32, s: f32 }

fn st_empty() -> St { return St(0.0, 0.0, 0.0); }
fn st_nan() -> St { return St(0.0, f32_nan(), f32_nan()); }

// Folds in weight exp(l) on value x. −Inf weighs nothing; NaN and +Inf poison the state.
fn st_push(a: St, l: f32, x: f32) -> St {
  if (is_inf(l) && sign_bit(l)) { return a; }
  if (is_nan(a.z)) { return a; }
  if (is_nan(l) || is_inf(l)) { return st_nan(); }
  var r: St;
  if (a.z == 0.0) {
    r = St(l, 1.0, x);
  } else if (l > a.m) {
    // A new maximum: rescale what is there so every weight stays ≤ 1.
    let k = exp(a.m - l);
    r = St(l, a.z * k + 1.0, a.s * k + x);
  } else {
    let k = exp(l - a.m);
    r = St(a.m, a.z + k, a.s + k * x);
  }
  if (is_nan(a.s) || is_nan(x)) { r.s = f32_nan(); }
  return r;
}

// The state of the union of two disjoint ranges (order does not matter).
fn st_merge(a: St, b: St) -> St {
  if (is_nan(a.z) || is_nan(b.z)) { return st_nan(); }
  if (b.z == 0.0) { return a; }
  if (a.z == 0.0) { return b; }
  let m = max(a.m, b.m);
  let ka = exp(a.m - m);
  let kb = exp(b.m - m);
  var r = St(m, a.z * ka + b.z * kb, a.s * ka + b.s * kb);
  if (is_nan(a.s) || is_nan(b.s)) { r.s = f32_nan(); }
  return r;
}

fn st_lse(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return -f32_inf(); }
  return a.m + log(a.z);
}

fn st_mean(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return 0.0; }
  return a.s / a.z;
}

// Back from a stored (lse, mean): the same range as one weight exp(lse) on the mean.
fn st_from(lse: f32, mean: f32) -> St {
  if (is_nan(lse)) { return st_nan(); }
  if (is_inf(lse) && sign_bit(lse)) { return st_empty(); }
  return St(lse, 1.0, mean);
}


const SUFFIX = false;
fn col_c(col: u32) -> u32 { return col % u.cc; }
fn col_n(col: u32) -> u32 { return (col / u.cc) % u.inner; }
fn col_o(col: u32) -> u32 { return (col / u.cc) / u.inner; }
fn block_len(g: u32) -> u32 { return min(u.block, u.t_len - g * u.block); }
fn chunk_count(g: u32) -> u32 { return (block_len(g) + u.chunk - 1u) / u.chunk; }
// Scan position of the r-th element of block g in this pass's direction.
fn block_pos(g: u32, r: u32) -> u32 { return g * u.block + select(r, block_len(g) - 1u - r, SUFFIX); }
fn time_of(p: u32) -> u32 { return select(p, u.t_len - 1u - p, u.rev != 0u); }
fn logit_index(col: u32, p: u32) -> u32 { return (col_o(col) * u.t_len + time_of(p)) * u.inner + col_n(col); }




@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let col = i % u.cols;
  let p = i / u.cols;
  let q = p % u.block;
  let c = col_c(col);
  let li = logit_index(col, p);
  var prefix_mean = 0.0;
  if (u.c_len > 0u) { prefix_mean = mean_get(li * u.c_len + c); }
  var st = st_from(pre_lse_get(li), prefix_mean);
  if (p >= u.block && q + 1u < u.block) {
    let ls = logit_index(col, p - u.block + 1u);
    st = st_merge(st, st_from(suf_lse_get(ls), suf_mean_get(ls * u.cc + c)));
  }
  if (u.c_len > 0u) { mean_set(li * u.c_len + c, st_mean(st)); }
  if (c == 0u) { lse_set(li, st_lse(st)); }
}

// ---- leap-scan-scan:global|l:f32:read,x:f32:read,agg_m:f32:read_write,agg_z:f32:read_write,agg_s:f32:read_write,mean:f32:read_write,lse:f32:read_write|l_offset:u32,x_offset:u32,mean_offset:u32,lse_offset:u32,n:u32,t_len:u32,inner:u32,c_len:u32,cc:u32,cols:u32,block:u32,cps:u32,chunk:u32,rev:u32
struct Uniforms {
  l_offset: u32,
  x_offset: u32,
  mean_offset: u32,
  lse_offset: u32,
  n: u32,
  t_len: u32,
  inner: u32,
  c_len: u32,
  cc: u32,
  cols: u32,
  block: u32,
  cps: u32,
  chunk: u32,
  rev: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> l: array<f32>;
fn l_get(i: u32) -> f32 { return l[u.l_offset + i]; }
@group(0) @binding(2) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(3) var<storage, read_write> agg_m: array<f32>;
fn agg_m_get(i: u32) -> f32 { return agg_m[i]; }
fn agg_m_set(i: u32, v: f32) { agg_m[i] = v; }
@group(0) @binding(4) var<storage, read_write> agg_z: array<f32>;
fn agg_z_get(i: u32) -> f32 { return agg_z[i]; }
fn agg_z_set(i: u32, v: f32) { agg_z[i] = v; }
@group(0) @binding(5) var<storage, read_write> agg_s: array<f32>;
fn agg_s_get(i: u32) -> f32 { return agg_s[i]; }
fn agg_s_set(i: u32, v: f32) { agg_s[i] = v; }
@group(0) @binding(6) var<storage, read_write> mean: array<f32>;
fn mean_get(i: u32) -> f32 { return mean[u.mean_offset + i]; }
fn mean_set(i: u32, v: f32) { mean[u.mean_offset + i] = v; }
@group(0) @binding(7) var<storage, read_write> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
fn lse_set(i: u32, v: f32) { lse[u.lse_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

struct St { m: f32, z: f32, s: f32 }

fn st_empty() -> St { return St(0.0, 0.0, 0.0); }
fn st_nan() -> St { return St(0.0, f32_nan(), f32_nan()); }

// Folds in weight exp(l) on value x. −Inf weighs nothing; NaN and +Inf poison the state.
fn st_push(a: St, l: f32, x: f32) -> St {
  if (is_inf(l) && sign_bit(l)) { return a; }
  if (is_nan(a.z)) { return a; }
  if (is_nan(l) || is_inf(l)) { return st_nan(); }
  var r: St;
  if (a.z == 0.0) {
    r = St(l, 1.0, x);
  } else if (l > a.m) {
    // A new maximum: rescale what is there so every weight stays ≤ 1.
    let k = exp(a.m - l);
    r = St(l, a.z * k + 1.0, a.s * k + x);
  } else {
    let k = exp(l - a.m);
    r = St(a.m, a.z + k, a.s + k * x);
  }
  if (is_nan(a.s) || is_nan(x)) { r.s = f32_nan(); }
  return r;
}

// The state of the union of two disjoint ranges (order does not matter).
fn st_merge(a: St, b: St) -> St {
  if (is_nan(a.z) || is_nan(b.z)) { return st_nan(); }
  if (b.z == 0.0) { return a; }
  if (a.z == 0.0) { return b; }
  let m = max(a.m, b.m);
  let ka = exp(a.m - m);
  let kb = exp(b.m - m);
  var r = St(m, a.z * ka + b.z * kb, a.s * ka + b.s * kb);
  if (is_nan(a.s) || is_nan(b.s)) { r.s = f32_nan(); }
  return r;
}

fn st_lse(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return -f32_inf(); }
  return a.m + log(a.z);
}

fn st_mean(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return 0.0; }
  return a.s / a.z;
}

// Back from a stored (lse, mean): the same range as one weight exp(lse) on the mean.
fn st_from(lse: f32, mean: f32) -> St {
  if (is_nan(lse)) { return st_nan(); }
  if (is_inf(lse) && sign_bit(lse)) { return st_empty(); }
  return St(lse, 1.0, mean);
}


const SUFFIX = false;
fn col_c(col: u32) -> u32 { return col % u.cc; }
fn col_n(col: u32) -> u32 { return (col / u.cc) % u.inner; }
fn col_o(col: u32) -> u32 { return (col / u.cc) / u.inner; }
fn block_len(g: u32) -> u32 { return min(u.block, u.t_len - g * u.block); }
fn chunk_count(g: u32) -> u32 { return (block_len(g) + u.chunk - 1u) / u.chunk; }
// Scan position of the r-th element of block g in this pass's direction.
fn block_pos(g: u32, r: u32) -> u32 { return g * u.block + select(r, block_len(g) - 1u - r, SUFFIX); }
fn time_of(p: u32) -> u32 { return select(p, u.t_len - 1u - p, u.rev != 0u); }
fn logit_index(col: u32, p: u32) -> u32 { return (col_o(col) * u.t_len + time_of(p)) * u.inner + col_n(col); }


fn read_x(li: u32, c: u32) -> f32 {
  if (u.c_len == 0u) { return 0.0; }
  return x_get(li * u.c_len + c);
}

fn agg_load(a: u32) -> St { return St(agg_m_get(a), agg_z_get(a), agg_s_get(a)); }
fn agg_store(a: u32, st: St) { agg_m_set(a, st.m); agg_z_set(a, st.z); agg_s_set(a, st.s); }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 64u + lid;
  if (i >= u.n) { return; }
  let col = i % u.cols;
  let gj = i / u.cols;
  let j = gj % u.cps;
  let g = gj / u.cps;
  let len = block_len(g);
  let r0 = j * u.chunk;
  if (r0 >= len) { return; }
  let c = col_c(col);
  var st = st_empty();
  if (u.cps > 1u) { st = agg_load(gj * u.cols + col); }
  for (var r = r0; r < min(r0 + u.chunk, len); r++) {
    let li = logit_index(col, block_pos(g, r));
    st = st_push(st, l_get(li), read_x(li, c));
    if (u.c_len > 0u) { mean_set(li * u.c_len + c, st_mean(st)); }
    if (c == 0u) { lse_set(li, st_lse(st)); }
  }
}

// ---- leap-scan-scan:prefix|l:f32:read,x:f32:read_write,agg_m:f32:read_write,agg_z:f32:read_write,agg_s:f32:read_write,mean:f32:read_write,pre_lse:f32:read_write|l_offset:u32,n:u32,t_len:u32,inner:u32,c_len:u32,cc:u32,cols:u32,block:u32,cps:u32,chunk:u32,rev:u32
struct Uniforms {
  l_offset: u32,
  n: u32,
  t_len: u32,
  inner: u32,
  c_len: u32,
  cc: u32,
  cols: u32,
  block: u32,
  cps: u32,
  chunk: u32,
  rev: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> l: array<f32>;
fn l_get(i: u32) -> f32 { return l[u.l_offset + i]; }
@group(0) @binding(2) var<storage, read_write> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[i]; }
fn x_set(i: u32, v: f32) { x[i] = v; }
@group(0) @binding(3) var<storage, read_write> agg_m: array<f32>;
fn agg_m_get(i: u32) -> f32 { return agg_m[i]; }
fn agg_m_set(i: u32, v: f32) { agg_m[i] = v; }
@group(0) @binding(4) var<storage, read_write> agg_z: array<f32>;
fn agg_z_get(i: u32) -> f32 { return agg_z[i]; }
fn agg_z_set(i: u32, v: f32) { agg_z[i] = v; }
@group(0) @binding(5) var<storage, read_write> agg_s: array<f32>;
fn agg_s_get(i: u32) -> f32 { return agg_s[i]; }
fn agg_s_set(i: u32, v: f32) { agg_s[i] = v; }
@group(0) @binding(6) var<storage, read_write> mean: array<f32>;
fn mean_get(i: u32) -> f32 { return mean[i]; }
fn mean_set(i: u32, v: f32) { mean[i] = v; }
@group(0) @binding(7) var<storage, read_write> pre_lse: array<f32>;
fn pre_lse_get(i: u32) -> f32 { return pre_lse[i]; }
fn pre_lse_set(i: u32, v: f32) { pre_lse[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

struct St { m: f32, z: f32, s: f32 }

fn st_empty() -> St { return St(0.0, 0.0, 0.0); }
fn st_nan() -> St { return St(0.0, f32_nan(), f32_nan()); }

// Folds in weight exp(l) on value x. −Inf weighs nothing; NaN and +Inf poison the state.
fn st_push(a: St, l: f32, x: f32) -> St {
  if (is_inf(l) && sign_bit(l)) { return a; }
  if (is_nan(a.z)) { return a; }
  if (is_nan(l) || is_inf(l)) { return st_nan(); }
  var r: St;
  if (a.z == 0.0) {
    r = St(l, 1.0, x);
  } else if (l > a.m) {
    // A new maximum: rescale what is there so every weight stays ≤ 1.
    let k = exp(a.m - l);
    r = St(l, a.z * k + 1.0, a.s * k + x);
  } else {
    let k = exp(l - a.m);
    r = St(a.m, a.z + k, a.s + k * x);
  }
  if (is_nan(a.s) || is_nan(x)) { r.s = f32_nan(); }
  return r;
}

// The state of the union of two disjoint ranges (order does not matter).
fn st_merge(a: St, b: St) -> St {
  if (is_nan(a.z) || is_nan(b.z)) { return st_nan(); }
  if (b.z == 0.0) { return a; }
  if (a.z == 0.0) { return b; }
  let m = max(a.m, b.m);
  let ka = exp(a.m - m);
  let kb = exp(b.m - m);
  var r = St(m, a.z * ka + b.z * kb, a.s * ka + b.s * kb);
  if (is_nan(a.s) || is_nan(b.s)) { r.s = f32_nan(); }
  return r;
}

fn st_lse(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return -f32_inf(); }
  return a.m + log(a.z);
}

fn st_mean(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return 0.0; }
  return a.s / a.z;
}

// Back from a stored (lse, mean): the same range as one weight exp(lse) on the mean.
fn st_from(lse: f32, mean: f32) -> St {
  if (is_nan(lse)) { return st_nan(); }
  if (is_inf(lse) && sign_bit(lse)) { return st_empty(); }
  return St(lse, 1.0, mean);
}


const SUFFIX = false;
fn col_c(col: u32) -> u32 { return col % u.cc; }
fn col_n(col: u32) -> u32 { return (col / u.cc) % u.inner; }
fn col_o(col: u32) -> u32 { return (col / u.cc) / u.inner; }
fn block_len(g: u32) -> u32 { return min(u.block, u.t_len - g * u.block); }
fn chunk_count(g: u32) -> u32 { return (block_len(g) + u.chunk - 1u) / u.chunk; }
// Scan position of the r-th element of block g in this pass's direction.
fn block_pos(g: u32, r: u32) -> u32 { return g * u.block + select(r, block_len(g) - 1u - r, SUFFIX); }
fn time_of(p: u32) -> u32 { return select(p, u.t_len - 1u - p, u.rev != 0u); }
fn logit_index(col: u32, p: u32) -> u32 { return (col_o(col) * u.t_len + time_of(p)) * u.inner + col_n(col); }


fn read_x(li: u32, c: u32) -> f32 {
  if (u.c_len == 0u) { return 0.0; }
  return x_get(li * u.c_len + c);
}

fn agg_load(a: u32) -> St { return St(agg_m_get(a), agg_z_get(a), agg_s_get(a)); }
fn agg_store(a: u32, st: St) { agg_m_set(a, st.m); agg_z_set(a, st.z); agg_s_set(a, st.s); }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 64u + lid;
  if (i >= u.n) { return; }
  let col = i % u.cols;
  let gj = i / u.cols;
  let j = gj % u.cps;
  let g = gj / u.cps;
  let len = block_len(g);
  let r0 = j * u.chunk;
  if (r0 >= len) { return; }
  let c = col_c(col);
  var st = st_empty();
  if (u.cps > 1u) { st = agg_load(gj * u.cols + col); }
  for (var r = r0; r < min(r0 + u.chunk, len); r++) {
    let li = logit_index(col, block_pos(g, r));
    st = st_push(st, l_get(li), read_x(li, c));
    if (u.c_len > 0u) { mean_set(li * u.c_len + c, st_mean(st)); }
    if (c == 0u) { pre_lse_set(li, st_lse(st)); }
  }
}

// ---- leap-scan-scan:prefix|l:f32:read,x:f32:read,agg_m:f32:read_write,agg_z:f32:read_write,agg_s:f32:read_write,mean:f32:read_write,pre_lse:f32:read_write|l_offset:u32,x_offset:u32,mean_offset:u32,n:u32,t_len:u32,inner:u32,c_len:u32,cc:u32,cols:u32,block:u32,cps:u32,chunk:u32,rev:u32
struct Uniforms {
  l_offset: u32,
  x_offset: u32,
  mean_offset: u32,
  n: u32,
  t_len: u32,
  inner: u32,
  c_len: u32,
  cc: u32,
  cols: u32,
  block: u32,
  cps: u32,
  chunk: u32,
  rev: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> l: array<f32>;
fn l_get(i: u32) -> f32 { return l[u.l_offset + i]; }
@group(0) @binding(2) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(3) var<storage, read_write> agg_m: array<f32>;
fn agg_m_get(i: u32) -> f32 { return agg_m[i]; }
fn agg_m_set(i: u32, v: f32) { agg_m[i] = v; }
@group(0) @binding(4) var<storage, read_write> agg_z: array<f32>;
fn agg_z_get(i: u32) -> f32 { return agg_z[i]; }
fn agg_z_set(i: u32, v: f32) { agg_z[i] = v; }
@group(0) @binding(5) var<storage, read_write> agg_s: array<f32>;
fn agg_s_get(i: u32) -> f32 { return agg_s[i]; }
fn agg_s_set(i: u32, v: f32) { agg_s[i] = v; }
@group(0) @binding(6) var<storage, read_write> mean: array<f32>;
fn mean_get(i: u32) -> f32 { return mean[u.mean_offset + i]; }
fn mean_set(i: u32, v: f32) { mean[u.mean_offset + i] = v; }
@group(0) @binding(7) var<storage, read_write> pre_lse: array<f32>;
fn pre_lse_get(i: u32) -> f32 { return pre_lse[i]; }
fn pre_lse_set(i: u32, v: f32) { pre_lse[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

struct St { m: f32, z: f32, s: f32 }

fn st_empty() -> St { return St(0.0, 0.0, 0.0); }
fn st_nan() -> St { return St(0.0, f32_nan(), f32_nan()); }

// Folds in weight exp(l) on value x. −Inf weighs nothing; NaN and +Inf poison the state.
fn st_push(a: St, l: f32, x: f32) -> St {
  if (is_inf(l) && sign_bit(l)) { return a; }
  if (is_nan(a.z)) { return a; }
  if (is_nan(l) || is_inf(l)) { return st_nan(); }
  var r: St;
  if (a.z == 0.0) {
    r = St(l, 1.0, x);
  } else if (l > a.m) {
    // A new maximum: rescale what is there so every weight stays ≤ 1.
    let k = exp(a.m - l);
    r = St(l, a.z * k + 1.0, a.s * k + x);
  } else {
    let k = exp(l - a.m);
    r = St(a.m, a.z + k, a.s + k * x);
  }
  if (is_nan(a.s) || is_nan(x)) { r.s = f32_nan(); }
  return r;
}

// The state of the union of two disjoint ranges (order does not matter).
fn st_merge(a: St, b: St) -> St {
  if (is_nan(a.z) || is_nan(b.z)) { return st_nan(); }
  if (b.z == 0.0) { return a; }
  if (a.z == 0.0) { return b; }
  let m = max(a.m, b.m);
  let ka = exp(a.m - m);
  let kb = exp(b.m - m);
  var r = St(m, a.z * ka + b.z * kb, a.s * ka + b.s * kb);
  if (is_nan(a.s) || is_nan(b.s)) { r.s = f32_nan(); }
  return r;
}

fn st_lse(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return -f32_inf(); }
  return a.m + log(a.z);
}

fn st_mean(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return 0.0; }
  return a.s / a.z;
}

// Back from a stored (lse, mean): the same range as one weight exp(lse) on the mean.
fn st_from(lse: f32, mean: f32) -> St {
  if (is_nan(lse)) { return st_nan(); }
  if (is_inf(lse) && sign_bit(lse)) { return st_empty(); }
  return St(lse, 1.0, mean);
}


const SUFFIX = false;
fn col_c(col: u32) -> u32 { return col % u.cc; }
fn col_n(col: u32) -> u32 { return (col / u.cc) % u.inner; }
fn col_o(col: u32) -> u32 { return (col / u.cc) / u.inner; }
fn block_len(g: u32) -> u32 { return min(u.block, u.t_len - g * u.block); }
fn chunk_count(g: u32) -> u32 { return (block_len(g) + u.chunk - 1u) / u.chunk; }
// Scan position of the r-th element of block g in this pass's direction.
fn block_pos(g: u32, r: u32) -> u32 { return g * u.block + select(r, block_len(g) - 1u - r, SUFFIX); }
fn time_of(p: u32) -> u32 { return select(p, u.t_len - 1u - p, u.rev != 0u); }
fn logit_index(col: u32, p: u32) -> u32 { return (col_o(col) * u.t_len + time_of(p)) * u.inner + col_n(col); }


fn read_x(li: u32, c: u32) -> f32 {
  if (u.c_len == 0u) { return 0.0; }
  return x_get(li * u.c_len + c);
}

fn agg_load(a: u32) -> St { return St(agg_m_get(a), agg_z_get(a), agg_s_get(a)); }
fn agg_store(a: u32, st: St) { agg_m_set(a, st.m); agg_z_set(a, st.z); agg_s_set(a, st.s); }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 64u + lid;
  if (i >= u.n) { return; }
  let col = i % u.cols;
  let gj = i / u.cols;
  let j = gj % u.cps;
  let g = gj / u.cps;
  let len = block_len(g);
  let r0 = j * u.chunk;
  if (r0 >= len) { return; }
  let c = col_c(col);
  var st = st_empty();
  if (u.cps > 1u) { st = agg_load(gj * u.cols + col); }
  for (var r = r0; r < min(r0 + u.chunk, len); r++) {
    let li = logit_index(col, block_pos(g, r));
    st = st_push(st, l_get(li), read_x(li, c));
    if (u.c_len > 0u) { mean_set(li * u.c_len + c, st_mean(st)); }
    if (c == 0u) { pre_lse_set(li, st_lse(st)); }
  }
}

// ---- leap-scan-scan:suffix|l:f32:read,x:f32:read_write,agg_m:f32:read_write,agg_z:f32:read_write,agg_s:f32:read_write,suf_lse:f32:read_write,suf_mean:f32:read_write|l_offset:u32,n:u32,t_len:u32,inner:u32,c_len:u32,cc:u32,cols:u32,block:u32,cps:u32,chunk:u32,rev:u32
struct Uniforms {
  l_offset: u32,
  n: u32,
  t_len: u32,
  inner: u32,
  c_len: u32,
  cc: u32,
  cols: u32,
  block: u32,
  cps: u32,
  chunk: u32,
  rev: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> l: array<f32>;
fn l_get(i: u32) -> f32 { return l[u.l_offset + i]; }
@group(0) @binding(2) var<storage, read_write> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[i]; }
fn x_set(i: u32, v: f32) { x[i] = v; }
@group(0) @binding(3) var<storage, read_write> agg_m: array<f32>;
fn agg_m_get(i: u32) -> f32 { return agg_m[i]; }
fn agg_m_set(i: u32, v: f32) { agg_m[i] = v; }
@group(0) @binding(4) var<storage, read_write> agg_z: array<f32>;
fn agg_z_get(i: u32) -> f32 { return agg_z[i]; }
fn agg_z_set(i: u32, v: f32) { agg_z[i] = v; }
@group(0) @binding(5) var<storage, read_write> agg_s: array<f32>;
fn agg_s_get(i: u32) -> f32 { return agg_s[i]; }
fn agg_s_set(i: u32, v: f32) { agg_s[i] = v; }
@group(0) @binding(6) var<storage, read_write> suf_lse: array<f32>;
fn suf_lse_get(i: u32) -> f32 { return suf_lse[i]; }
fn suf_lse_set(i: u32, v: f32) { suf_lse[i] = v; }
@group(0) @binding(7) var<storage, read_write> suf_mean: array<f32>;
fn suf_mean_get(i: u32) -> f32 { return suf_mean[i]; }
fn suf_mean_set(i: u32, v: f32) { suf_mean[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

struct St { m: f32, z: f32, s: f32 }

fn st_empty() -> St { return St(0.0, 0.0, 0.0); }
fn st_nan() -> St { return St(0.0, f32_nan(), f32_nan()); }

// Folds in weight exp(l) on value x. −Inf weighs nothing; NaN and +Inf poison the state.
fn st_push(a: St, l: f32, x: f32) -> St {
  if (is_inf(l) && sign_bit(l)) { return a; }
  if (is_nan(a.z)) { return a; }
  if (is_nan(l) || is_inf(l)) { return st_nan(); }
  var r: St;
  if (a.z == 0.0) {
    r = St(l, 1.0, x);
  } else if (l > a.m) {
    // A new maximum: rescale what is there so every weight stays ≤ 1.
    let k = exp(a.m - l);
    r = St(l, a.z * k + 1.0, a.s * k + x);
  } else {
    let k = exp(l - a.m);
    r = St(a.m, a.z + k, a.s + k * x);
  }
  if (is_nan(a.s) || is_nan(x)) { r.s = f32_nan(); }
  return r;
}

// The state of the union of two disjoint ranges (order does not matter).
fn st_merge(a: St, b: St) -> St {
  if (is_nan(a.z) || is_nan(b.z)) { return st_nan(); }
  if (b.z == 0.0) { return a; }
  if (a.z == 0.0) { return b; }
  let m = max(a.m, b.m);
  let ka = exp(a.m - m);
  let kb = exp(b.m - m);
  var r = St(m, a.z * ka + b.z * kb, a.s * ka + b.s * kb);
  if (is_nan(a.s) || is_nan(b.s)) { r.s = f32_nan(); }
  return r;
}

fn st_lse(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return -f32_inf(); }
  return a.m + log(a.z);
}

fn st_mean(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return 0.0; }
  return a.s / a.z;
}

// Back from a stored (lse, mean): the same range as one weight exp(lse) on the mean.
fn st_from(lse: f32, mean: f32) -> St {
  if (is_nan(lse)) { return st_nan(); }
  if (is_inf(lse) && sign_bit(lse)) { return st_empty(); }
  return St(lse, 1.0, mean);
}


const SUFFIX = true;
fn col_c(col: u32) -> u32 { return col % u.cc; }
fn col_n(col: u32) -> u32 { return (col / u.cc) % u.inner; }
fn col_o(col: u32) -> u32 { return (col / u.cc) / u.inner; }
fn block_len(g: u32) -> u32 { return min(u.block, u.t_len - g * u.block); }
fn chunk_count(g: u32) -> u32 { return (block_len(g) + u.chunk - 1u) / u.chunk; }
// Scan position of the r-th element of block g in this pass's direction.
fn block_pos(g: u32, r: u32) -> u32 { return g * u.block + select(r, block_len(g) - 1u - r, SUFFIX); }
fn time_of(p: u32) -> u32 { return select(p, u.t_len - 1u - p, u.rev != 0u); }
fn logit_index(col: u32, p: u32) -> u32 { return (col_o(col) * u.t_len + time_of(p)) * u.inner + col_n(col); }


fn read_x(li: u32, c: u32) -> f32 {
  if (u.c_len == 0u) { return 0.0; }
  return x_get(li * u.c_len + c);
}

fn agg_load(a: u32) -> St { return St(agg_m_get(a), agg_z_get(a), agg_s_get(a)); }
fn agg_store(a: u32, st: St) { agg_m_set(a, st.m); agg_z_set(a, st.z); agg_s_set(a, st.s); }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 64u + lid;
  if (i >= u.n) { return; }
  let col = i % u.cols;
  let gj = i / u.cols;
  let j = gj % u.cps;
  let g = gj / u.cps;
  let len = block_len(g);
  let r0 = j * u.chunk;
  if (r0 >= len) { return; }
  let c = col_c(col);
  var st = st_empty();
  if (u.cps > 1u) { st = agg_load(gj * u.cols + col); }
  for (var r = r0; r < min(r0 + u.chunk, len); r++) {
    let li = logit_index(col, block_pos(g, r));
    st = st_push(st, l_get(li), read_x(li, c));
    suf_mean_set(li * u.cc + c, st_mean(st));
    if (c == 0u) { suf_lse_set(li, st_lse(st)); }
  }
}

// ---- leap-scan-scan:suffix|l:f32:read,x:f32:read,agg_m:f32:read_write,agg_z:f32:read_write,agg_s:f32:read_write,suf_lse:f32:read_write,suf_mean:f32:read_write|l_offset:u32,x_offset:u32,n:u32,t_len:u32,inner:u32,c_len:u32,cc:u32,cols:u32,block:u32,cps:u32,chunk:u32,rev:u32
struct Uniforms {
  l_offset: u32,
  x_offset: u32,
  n: u32,
  t_len: u32,
  inner: u32,
  c_len: u32,
  cc: u32,
  cols: u32,
  block: u32,
  cps: u32,
  chunk: u32,
  rev: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> l: array<f32>;
fn l_get(i: u32) -> f32 { return l[u.l_offset + i]; }
@group(0) @binding(2) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(3) var<storage, read_write> agg_m: array<f32>;
fn agg_m_get(i: u32) -> f32 { return agg_m[i]; }
fn agg_m_set(i: u32, v: f32) { agg_m[i] = v; }
@group(0) @binding(4) var<storage, read_write> agg_z: array<f32>;
fn agg_z_get(i: u32) -> f32 { return agg_z[i]; }
fn agg_z_set(i: u32, v: f32) { agg_z[i] = v; }
@group(0) @binding(5) var<storage, read_write> agg_s: array<f32>;
fn agg_s_get(i: u32) -> f32 { return agg_s[i]; }
fn agg_s_set(i: u32, v: f32) { agg_s[i] = v; }
@group(0) @binding(6) var<storage, read_write> suf_lse: array<f32>;
fn suf_lse_get(i: u32) -> f32 { return suf_lse[i]; }
fn suf_lse_set(i: u32, v: f32) { suf_lse[i] = v; }
@group(0) @binding(7) var<storage, read_write> suf_mean: array<f32>;
fn suf_mean_get(i: u32) -> f32 { return suf_mean[i]; }
fn suf_mean_set(i: u32, v: f32) { suf_mean[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

struct St { m: f32, z: f32, s: f32 }

fn st_empty() -> St { return St(0.0, 0.0, 0.0); }
fn st_nan() -> St { return St(0.0, f32_nan(), f32_nan()); }

// Folds in weight exp(l) on value x. −Inf weighs nothing; NaN and +Inf poison the state.
fn st_push(a: St, l: f32, x: f32) -> St {
  if (is_inf(l) && sign_bit(l)) { return a; }
  if (is_nan(a.z)) { return a; }
  if (is_nan(l) || is_inf(l)) { return st_nan(); }
  var r: St;
  if (a.z == 0.0) {
    r = St(l, 1.0, x);
  } else if (l > a.m) {
    // A new maximum: rescale what is there so every weight stays ≤ 1.
    let k = exp(a.m - l);
    r = St(l, a.z * k + 1.0, a.s * k + x);
  } else {
    let k = exp(l - a.m);
    r = St(a.m, a.z + k, a.s + k * x);
  }
  if (is_nan(a.s) || is_nan(x)) { r.s = f32_nan(); }
  return r;
}

// The state of the union of two disjoint ranges (order does not matter).
fn st_merge(a: St, b: St) -> St {
  if (is_nan(a.z) || is_nan(b.z)) { return st_nan(); }
  if (b.z == 0.0) { return a; }
  if (a.z == 0.0) { return b; }
  let m = max(a.m, b.m);
  let ka = exp(a.m - m);
  let kb = exp(b.m - m);
  var r = St(m, a.z * ka + b.z * kb, a.s * ka + b.s * kb);
  if (is_nan(a.s) || is_nan(b.s)) { r.s = f32_nan(); }
  return r;
}

fn st_lse(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return -f32_inf(); }
  return a.m + log(a.z);
}

fn st_mean(a: St) -> f32 {
  if (is_nan(a.z)) { return f32_nan(); }
  if (a.z == 0.0) { return 0.0; }
  return a.s / a.z;
}

// Back from a stored (lse, mean): the same range as one weight exp(lse) on the mean.
fn st_from(lse: f32, mean: f32) -> St {
  if (is_nan(lse)) { return st_nan(); }
  if (is_inf(lse) && sign_bit(lse)) { return st_empty(); }
  return St(lse, 1.0, mean);
}


const SUFFIX = true;
fn col_c(col: u32) -> u32 { return col % u.cc; }
fn col_n(col: u32) -> u32 { return (col / u.cc) % u.inner; }
fn col_o(col: u32) -> u32 { return (col / u.cc) / u.inner; }
fn block_len(g: u32) -> u32 { return min(u.block, u.t_len - g * u.block); }
fn chunk_count(g: u32) -> u32 { return (block_len(g) + u.chunk - 1u) / u.chunk; }
// Scan position of the r-th element of block g in this pass's direction.
fn block_pos(g: u32, r: u32) -> u32 { return g * u.block + select(r, block_len(g) - 1u - r, SUFFIX); }
fn time_of(p: u32) -> u32 { return select(p, u.t_len - 1u - p, u.rev != 0u); }
fn logit_index(col: u32, p: u32) -> u32 { return (col_o(col) * u.t_len + time_of(p)) * u.inner + col_n(col); }


fn read_x(li: u32, c: u32) -> f32 {
  if (u.c_len == 0u) { return 0.0; }
  return x_get(li * u.c_len + c);
}

fn agg_load(a: u32) -> St { return St(agg_m_get(a), agg_z_get(a), agg_s_get(a)); }
fn agg_store(a: u32, st: St) { agg_m_set(a, st.m); agg_z_set(a, st.z); agg_s_set(a, st.s); }

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 64u + lid;
  if (i >= u.n) { return; }
  let col = i % u.cols;
  let gj = i / u.cols;
  let j = gj % u.cps;
  let g = gj / u.cps;
  let len = block_len(g);
  let r0 = j * u.chunk;
  if (r0 >= len) { return; }
  let c = col_c(col);
  var st = st_empty();
  if (u.cps > 1u) { st = agg_load(gj * u.cols + col); }
  for (var r = r0; r < min(r0 + u.chunk, len); r++) {
    let li = logit_index(col, block_pos(g, r));
    st = st_push(st, l_get(li), read_x(li, c));
    suf_mean_set(li * u.cc + c, st_mean(st));
    if (c == 0u) { suf_lse_set(li, st_lse(st)); }
  }
}
