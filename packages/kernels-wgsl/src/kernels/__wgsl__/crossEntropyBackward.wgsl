// ---- crossEntropyBackward|x:f32:read,targets:i32:read,lse:f32:read,g:f32:read,dx:f32:read_write,errors|x_offset:u32,targets_offset:u32,lse_offset:u32,g_offset:u32,dx_offset:u32,error_tag:u32,n:u32,v:u32,ignore_index:i32
struct Uniforms {
  x_offset: u32,
  targets_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dx_offset: u32,
  error_tag: u32,
  n: u32,
  v: u32,
  ignore_index: i32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> x: array<f32>;
fn x_get(i: u32) -> f32 { return x[u.x_offset + i]; }
@group(0) @binding(2) var<storage, read> targets: array<i32>;
fn targets_get(i: u32) -> i32 { return targets[u.targets_offset + i]; }
@group(0) @binding(3) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(4) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(5) var<storage, read_write> dx: array<f32>;
fn dx_get(i: u32) -> f32 { return dx[u.dx_offset + i]; }
fn dx_set(i: u32, v: f32) { dx[u.dx_offset + i] = v; }
@group(0) @binding(6) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
// Words: [0] lowest error tag seen (0xffffffff: none), [1] count, [2] a bad value.
fn report_error(bad_value: u32) {
  atomicMin(&lightattn_errors[0], u.error_tag);
  atomicAdd(&lightattn_errors[1], 1u);
  atomicStore(&lightattn_errors[2], bad_value);
}

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
fn sign_bit(x: f32) -> bool { return (bitcast<u32>(x) & 0x80000000u) != 0u; }
fn f32_nan() -> f32 { var bits = 0x7fc00000u; return bitcast<f32>(bits); }
fn f32_inf() -> f32 { var bits = 0x7f800000u; return bitcast<f32>(bits); }

fn exp_nan(x: f32) -> f32 { return select(exp(x), x, is_nan(x)); }
fn bad_target(t: i32) -> bool { return t != u.ignore_index && (t < 0 || u32(t) >= u.v); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let r = i / u.v;
  let j = i % u.v;
  let t = targets_get(r);
  if (t == u.ignore_index) {
    dx_set(i, 0.0);
  } else if (bad_target(t)) {
    if (j == 0u) { report_error(bitcast<u32>(t)); }
    dx_set(i, f32_nan());
  } else {
    let p = exp_nan(x_get(i) - lse_get(r));
    dx_set(i, g_get(r) * select(p, p - 1.0, j == u32(t)));
  }
}
