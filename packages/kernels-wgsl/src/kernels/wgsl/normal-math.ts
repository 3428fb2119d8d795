/**
 * ln and cos for Box–Muller, accurate to about 1e-7: WGSL's builtins promise much less (cos only
 * 2^-11 absolute), and normal draws are checked against the CPU to 1e-6. Both exploit that the
 * inputs are 24-bit integers times 2^-24, so range reduction is exact integer arithmetic.
 *
 * ln(u1), u1 = m·2^-24, m ∈ [1, 2^24]: m = f·2^e with f ∈ [√½, √2), ln f = 2·atanh(s),
 * s = (f − 1)/(f + 1), |s| ≤ 0.172, by its odd series to s^11 (next term < 1e-10).
 * cos(2π·k·2^-24), k ∈ [0, 2^24): the top two bits of k are the quadrant, the rest an angle in
 * [0, π/2) folded to [0, π/4] by symmetry, where Taylor series to x^11 / x^12 are below 1e-11.
 */
/** Taylor series of sin and cos, accurate to < 1e-11 (before f32 rounding) on [−π/4, π/4]. */
export const WGSL_SIN_COS_POLY = /* wgsl */ `
fn sin_poly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 + x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 + x2 * (-1.0 / 5040.0 + x2 * (1.0 / 362880.0 + x2 * (-1.0 / 39916800.0))))));
}

fn cos_poly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 + x2 * (-0.5 + x2 * (1.0 / 24.0 + x2 * (-1.0 / 720.0 + x2 * (1.0 / 40320.0 + x2 * (-1.0 / 3628800.0 + x2 * (1.0 / 479001600.0))))));
}`;

export const WGSL_NORMAL_MATH = /* wgsl */ `
${WGSL_SIN_COS_POLY}
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
}`;
