// ---- randomNormal:affine|y:f32:read_write|y_offset:u32,seed_lo:u32,seed_hi:u32,offset_lo:u32,offset_hi:u32,mean:f32,stddev:f32,n:u32
struct Uniforms {
  y_offset: u32,
  seed_lo: u32,
  seed_hi: u32,
  offset_lo: u32,
  offset_hi: u32,
  mean: f32,
  stddev: f32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn mulhi32(a: u32, b: u32) -> u32 {
  let a_lo = a & 0xffffu;
  let a_hi = a >> 16u;
  let b_lo = b & 0xffffu;
  let b_hi = b >> 16u;
  let lo_hi = a_lo * b_hi;
  let hi_lo = a_hi * b_lo;
  // The middle column: carries of (a_lo·b_lo)'s high half and the low halves of the cross products (< 3·2^16).
  let mid = ((a_lo * b_lo) >> 16u) + (hi_lo & 0xffffu) + (lo_hi & 0xffffu);
  return a_hi * b_hi + (hi_lo >> 16u) + (lo_hi >> 16u) + (mid >> 16u);
}

fn philox4x32_10(key: vec2<u32>, counter: vec4<u32>) -> vec4<u32> {
  var k0 = key.x;
  var k1 = key.y;
  var c = counter;
  for (var r = 0u; r < 10u; r++) {
    let hi0 = mulhi32(0xd2511f53u, c.x);
    let lo0 = 0xd2511f53u * c.x;
    let hi1 = mulhi32(0xcd9e8d57u, c.z);
    let lo1 = 0xcd9e8d57u * c.z;
    c = vec4<u32>(hi1 ^ c.y ^ k0, lo1, hi0 ^ c.w ^ k1, lo0);
    k0 += 0x9e3779b9u;
    k1 += 0xbb67ae85u;
  }
  return c;
}

fn philox4x32(seed_lo: u32, seed_hi: u32, block: u32, offset_lo: u32, offset_hi: u32) -> vec4<u32> {
  return philox4x32_10(vec2<u32>(seed_lo, seed_hi), vec4<u32>(block, 0u, offset_lo, offset_hi));
}


fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}
fn ln_unit(m: u32) -> f32 {
  var e = i32(firstLeadingBit(m));
  var f = f32(m) / f32(1u << u32(e));
  if (f > 1.41421356) {
    f = f * 0.5;
    e += 1;
  }
  let s = (f - 1.0) / (f + 1.0);
  let s2 = s * s;
  let series = 1.0 + s2 * (1.0 / 3.0 + s2 * (1.0 / 5.0 + s2 * (1.0 / 7.0 + s2 * (1.0 / 9.0 + s2 * (1.0 / 11.0)))));
  // ln 2 split so that (e − 24)·LN2_HI is exact: 0.693145751953125 has 16 significant bits.
  let k = f32(e - 24);
  return 2.0 * s * series + (k * 0.693145751953125 + k * 1.4286068202862268e-6);
}

fn cos_turns(k: u32) -> f32 {
  let quadrant = k >> 22u;
  let r = k & 0x3fffffu;
  // θ = 2π·r·2^-24 ∈ [0, π/2); past π/4 use the complement π/2 − θ and swap sin and cos.
  let folded = r > 0x200000u;
  let t = f32(select(r, 0x400000u - r, folded)) * 3.7450702829239286e-7;
  var c = cos_poly(t);
  var s = sin_poly(t);
  if (folded) {
    let tmp = c;
    c = s;
    s = tmp;
  }
  switch quadrant {
    case 0u: { return c; }
    case 1u: { return -s; }
    case 2u: { return -c; }
    default: { return s; }
  }
}

/** Box–Muller, cos branch: √(−2·ln u1)·cos(2π·u2), u1 = ((w1 >> 8) + 1)·2^-24, u2 = (w2 >> 8)·2^-24. */
fn box_muller(w1: u32, w2: u32) -> f32 {
  let radius = sqrt(max(0.0, -2.0 * ln_unit((w1 >> 8u) + 1u)));
  return radius * cos_turns(w2 >> 8u);
}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let block = linear_workgroup(wid, nwg) * 64u + lid;
  let first = block * 2u;
  if (first >= u.n) { return; }
  let words = philox4x32(u.seed_lo, u.seed_hi, block, u.offset_lo, u.offset_hi);
  for (var j = 0u; j < 2u && first + j < u.n; j++) {
    let z = box_muller(words[2u * j], words[2u * j + 1u]);
    y_set(first + j, u.mean + u.stddev * z);
  }
}
