// ---- unary:abs|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return abs(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:abs|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return abs(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:abs|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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
fn apply(x: i32) -> i32 { return abs(x); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:abs|x:i32:read:vec4,y:i32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<i32>>;
fn x_get4(j: u32) -> vec4<i32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<i32>>;
fn y_get4(j: u32) -> vec4<i32> { return y[u.y_offset + j]; }
fn y_set4(j: u32, v: vec4<i32>) { y[u.y_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn apply(x: i32) -> i32 { return abs(x); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<i32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:abs|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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
fn apply(x: u32) -> u32 { return x; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:ceil|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return ceil(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:ceil|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return ceil(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:cos|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_cos(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:cos|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_cos(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:elu|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return select(safe_exp(x) - 1.0, x, x > 0.0);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:elu|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return select(safe_exp(x) - 1.0, x, x > 0.0);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:exp|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_exp(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:exp|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_exp(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:floor|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return floor(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:floor|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return floor(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:gelu_erf|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return gelu_erf(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:gelu_erf|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return gelu_erf(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:gelu|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return gelu(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:gelu|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return gelu(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:log|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_log(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:log|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_log(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:log1p|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_log1p(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:log1p|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_log1p(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:neg|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return -x;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:neg|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return -x;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:neg|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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
fn apply(x: i32) -> i32 { return -x; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:neg|x:i32:read:vec4,y:i32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<i32>>;
fn x_get4(j: u32) -> vec4<i32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<i32>>;
fn y_get4(j: u32) -> vec4<i32> { return y[u.y_offset + j]; }
fn y_set4(j: u32, v: vec4<i32>) { y[u.y_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn apply(x: i32) -> i32 { return -x; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<i32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:reciprocal|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_reciprocal(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:reciprocal|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_reciprocal(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:relu|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return select(0.0, x, x > 0.0);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:relu|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return select(0.0, x, x > 0.0);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:rsqrt|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_rsqrt(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:rsqrt|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_rsqrt(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:sigmoid|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return sigmoid(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:sigmoid|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return sigmoid(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:sign|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return select(select(x, -1.0, x < 0.0), 1.0, x > 0.0);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:sign|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return select(select(x, -1.0, x < 0.0), 1.0, x > 0.0);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:sign|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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
fn apply(x: i32) -> i32 { return select(select(0i, -1i, x < 0i), 1i, x > 0i); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:sign|x:i32:read:vec4,y:i32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<i32>>;
fn x_get4(j: u32) -> vec4<i32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<i32>>;
fn y_get4(j: u32) -> vec4<i32> { return y[u.y_offset + j]; }
fn y_set4(j: u32, v: vec4<i32>) { y[u.y_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn apply(x: i32) -> i32 { return select(select(0i, -1i, x < 0i), 1i, x > 0i); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<i32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:silu|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return silu(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:silu|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return silu(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:sin|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_sin(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:sin|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_sin(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:sqrt|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_sqrt(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:sqrt|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_sqrt(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:square|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return x * x;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:square|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return x * x;
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:square|x:i32:read,y:i32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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
fn apply(x: i32) -> i32 { return x * x; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:square|x:i32:read:vec4,y:i32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<i32>>;
fn x_get4(j: u32) -> vec4<i32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<i32>>;
fn y_get4(j: u32) -> vec4<i32> { return y[u.y_offset + j]; }
fn y_set4(j: u32, v: vec4<i32>) { y[u.y_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
fn apply(x: i32) -> i32 { return x * x; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<i32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}

// ---- unary:square|x:u32:read,y:u32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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
fn apply(x: u32) -> u32 { return x * x; }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:tanh|x:f32:read,y:f32:read_write|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_tanh(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, apply(x_get(i)));
}

// ---- unary:tanh|x:f32:read:vec4,y:f32:read_write:vec4|x_offset:u32,y_offset:u32,n:u32
struct Uniforms {
  x_offset: u32,
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<vec4<f32>>;
fn x_get4(j: u32) -> vec4<f32> { return x[u.x_offset + j]; }
@group(0) @binding(2) var<storage, read_write> y: array<vec4<f32>>;
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


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn safe_exp(x: f32) -> f32 {
  if (x > 88.8) { return f32_inf(); }
  if (x < -104.0) { return 0.0; }
  return exp(x);
}
fn safe_log(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (x == 0.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  return log(x);
}
fn safe_tanh(x: f32) -> f32 {
  if (abs(x) > 10.0) { return select(-1.0, 1.0, x > 0.0); }
  return tanh(x);
}
fn safe_sqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  if (is_inf(x)) { return x; }
  return sqrt(x);
}
fn safe_rsqrt(x: f32) -> f32 {
  if (x < 0.0) { return f32_nan(); }
  // 1/√(±0) = ±Inf, as 1 / Math.sqrt(-0) = −Inf on the CPU.
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return 0.0; }
  return inverseSqrt(x);
}
fn safe_reciprocal(x: f32) -> f32 {
  if (x == 0.0) { return select(f32_inf(), -f32_inf(), sign_bit(x)); }
  if (is_inf(x)) { return select(0.0, -0.0, sign_bit(x)); }
  return 1.0 / x;
}
fn safe_log1p(x: f32) -> f32 {
  if (x < -1.0) { return f32_nan(); }
  if (x == -1.0) { return -f32_inf(); }
  if (is_inf(x)) { return x; }
  // log(1 + x) loses x's low bits when 1 + x rounds; log(u)·x/(u − 1) puts them back (Goldberg).
  let u = 1.0 + x;
  if (u == 1.0) { return x; }
  return log(u) * x / (u - 1.0);
}
// sin and cos of x = k·π/2 + r, |r| ≤ π/4, with π/2 split in three (Cody–Waite, Cephes' constants) so
// r is accurate for |x| up to ~1e5; WGSL's builtins promise only 2^-11 absolute, SwiftShader's are that coarse.
fn quarter_turns(x: f32) -> f32 {
  return round(x * 0.6366197723675814);
}
fn quarter_rest(x: f32, k: f32) -> f32 {
  return ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
}
fn safe_sin(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return sin_poly(r); }
    case 1: { return cos_poly(r); }
    case 2: { return -sin_poly(r); }
    default: { return -cos_poly(r); }
  }
}
fn safe_cos(x: f32) -> f32 {
  if (is_inf(x)) { return f32_nan(); }
  let k = quarter_turns(x);
  let r = quarter_rest(x, k);
  switch (i32(k) & 3) {
    case 0: { return cos_poly(r); }
    case 1: { return -sin_poly(r); }
    case 2: { return -cos_poly(r); }
    default: { return sin_poly(r); }
  }
}
// σ(x) with exp only of a non-positive argument.
fn sigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return 1.0 / (1.0 + safe_exp(-x)); }
  let e = safe_exp(x);
  return e / (1.0 + e);
}
fn gelu_inner(x: f32) -> f32 {
  return safe_tanh(0.7978845608028654 * (x + 0.044715 * x * x * x));
}
fn gelu(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return 0.5 * x * (1.0 + gelu_inner(x));
}
fn gelu_grad(x: f32) -> f32 {
  let t = gelu_inner(x);
  let sech2 = 1.0 - t * t;
  // Where tanh saturated sech² is 0 and so is the second term (x² may be ∞ there).
  var second = 0.0;
  if (sech2 != 0.0) { second = 0.5 * x * sech2 * 0.7978845608028654 * (1.0 + 3.0 * 0.044715 * x * x); }
  return 0.5 * (1.0 + t) + second;
}
// Φ(x) = ½·erfc(−x/√2), the standard normal distribution function, for the exact GELU. erfc by
// Numerical Recipes' erfcc (Press et al., §6.2): a Chebyshev fit of erfc(z)·e^(z²) in t = 1/(1 + z/2),
// relative error below 1.2e-7 for every z ≥ 0 (1.05e-7 at worst against a float64 erfc); A&S 7.1.26
// (2.5e-5 absolute) would be too coarse for gradients. The Gaussian factor e^(−z²) = e^(−x²/2) is taken
// from x itself, split as e^(−h²/2)·e^(−(a − h)(a + h)/2), a = |x|, h = a rounded down to 1/16, so
// h² is exact in f32: forming z = x/√2 or x² in f32 first would cost x²·6e-8 relative (3e-6 at
// x = −7). A float32 emulation of this code (with correctly rounded exp) keeps x·Φ(x) within
// 4.6e-7 relative of the float64 value for every x down to −13, where Φ underflows f32; on
// SwiftShader, whose exp is less accurate, gelu-erf.test.ts holds it to 1e-6 down to −6.
fn normal_cdf(x: f32) -> f32 {
  let a = abs(x);
  var tail = 0.0;
  if (a < 14.0) {
    let t = 1.0 / (1.0 + 0.35355339059327373 * a);
    let p = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
      + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    let h = floor(a * 16.0) / 16.0;
    tail = 0.5 * t * safe_exp(p) * safe_exp(-0.5 * h * h) * safe_exp(-0.5 * (a - h) * (a + h));
  }
  return select(1.0 - tail, tail, x < 0.0);
}
// The exact GELU x·Φ(x) and its derivative Φ(x) + x·φ(x), φ(x) = e^(−x²/2)/√(2π).
fn gelu_erf(x: f32) -> f32 {
  if (x == -f32_inf()) { return -0.0; }
  return x * normal_cdf(x);
}
fn gelu_erf_grad(x: f32) -> f32 {
  let density = 0.3989422804014327 * safe_exp(-0.5 * x * x);
  // Where φ has underflowed the second term is 0 (x may be ∞ there).
  var second = 0.0;
  if (density != 0.0) { second = x * density; }
  return normal_cdf(x) + second;
}
fn silu(x: f32) -> f32 {
  let s = sigmoid(x);
  if (s == 0.0) { return -0.0; }
  return x * s;
}
fn silu_grad(x: f32) -> f32 {
  let s = sigmoid(x);
  let t = s * (1.0 - s);
  if (t == 0.0) { return s; }
  return s + x * t;
}
fn apply(x: f32) -> f32 {
  if (is_nan(x)) { return x; }
  return safe_tanh(x);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let x4 = x_get4(i);
  y_set4(i, vec4<f32>(apply(x4.x), apply(x4.y), apply(x4.z), apply(x4.w)));
}
