/**
 * WGSL shared by the passes of the leapScan kernel (leap-scan.ts): the online-softmax state and the
 * index arithmetic of one scan column.
 *
 * State (m, z, s) of one channel: m the largest logit folded in, z = Σ exp(ℓ − m), s = Σ exp(ℓ − m)·x.
 * Every weight is ≤ 1 and one is exactly 1, so z ≥ 1 once anything is in: no overflow whatever the
 * logits, and z never vanishes. z = 0 is the empty state; z = NaN is a poisoned one. WGSL may assume
 * floats are finite, so −Inf, +Inf and NaN are recognised by bit pattern (is_inf, is_nan), never by
 * arithmetic.
 */
export const LEAP_STATE_WGSL = /* wgsl */ `
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
`;

/**
 * Index arithmetic. A column is one channel of one scan line: col = ((o·inner) + n)·cc + c, channel
 * fastest so neighbouring invocations read neighbouring elements of x. Scan position p runs along the
 * axis (backwards with u.rev); blocks of u.block positions are scanned on their own, forwards for
 * prefixes and backwards (SUFFIX) for suffixes, in chunks of u.chunk positions per invocation.
 */
export function leapIndexWgsl(suffix: boolean): string {
  return /* wgsl */ `
const SUFFIX = ${suffix};
fn col_c(col: u32) -> u32 { return col % u.cc; }
fn col_n(col: u32) -> u32 { return (col / u.cc) % u.inner; }
fn col_o(col: u32) -> u32 { return (col / u.cc) / u.inner; }
fn block_len(g: u32) -> u32 { return min(u.block, u.t_len - g * u.block); }
fn chunk_count(g: u32) -> u32 { return (block_len(g) + u.chunk - 1u) / u.chunk; }
// Scan position of the r-th element of block g in this pass's direction.
fn block_pos(g: u32, r: u32) -> u32 { return g * u.block + select(r, block_len(g) - 1u - r, SUFFIX); }
fn time_of(p: u32) -> u32 { return select(p, u.t_len - 1u - p, u.rev != 0u); }
fn logit_index(col: u32, p: u32) -> u32 { return (col_o(col) * u.t_len + time_of(p)) * u.inner + col_n(col); }
`;
}

/** Channel c of x at logit index li (needs the `x` binding). */
export const LEAP_READ_X_WGSL = /* wgsl */ `
fn read_x(li: u32, c: u32) -> f32 {
  if (u.c_len == 0u) { return 0.0; }
  return x_get(li * u.c_len + c);
}`;

/** The chunk states in scratch (needs the agg_m, agg_z, agg_s bindings). */
export const LEAP_AGGREGATES_WGSL = /* wgsl */ `
fn agg_load(a: u32) -> St { return St(agg_m_get(a), agg_z_get(a), agg_s_get(a)); }
fn agg_store(a: u32, st: St) { agg_m_set(a, st.m); agg_z_set(a, st.z); agg_s_set(a, st.s); }`;
