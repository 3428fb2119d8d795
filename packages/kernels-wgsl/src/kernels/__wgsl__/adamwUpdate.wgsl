// ---- adamwUpdate:lerp-m|param:f32:read_write,grad:f32:read,exp_avg:f32:read_write,exp_avg_sq:f32:read_write|param_offset:u32,grad_offset:u32,exp_avg_offset:u32,exp_avg_sq_offset:u32,n:u32,decay:f32,w1:f32,one_minus_w1:f32,beta2:f32,w2:f32,neg_step_size:f32,bias2_sqrt:f32,eps:f32
struct Uniforms {
  param_offset: u32,
  grad_offset: u32,
  exp_avg_offset: u32,
  exp_avg_sq_offset: u32,
  n: u32,
  decay: f32,
  w1: f32,
  one_minus_w1: f32,
  beta2: f32,
  w2: f32,
  neg_step_size: f32,
  bias2_sqrt: f32,
  eps: f32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> param: array<f32>;
fn param_get(i: u32) -> f32 { return param[u.param_offset + i]; }
fn param_set(i: u32, v: f32) { param[u.param_offset + i] = v; }
@group(0) @binding(2) var<storage, read> grad: array<f32>;
fn grad_get(i: u32) -> f32 { return grad[u.grad_offset + i]; }
@group(0) @binding(3) var<storage, read_write> exp_avg: array<f32>;
fn exp_avg_get(i: u32) -> f32 { return exp_avg[u.exp_avg_offset + i]; }
fn exp_avg_set(i: u32, v: f32) { exp_avg[u.exp_avg_offset + i] = v; }
@group(0) @binding(4) var<storage, read_write> exp_avg_sq: array<f32>;
fn exp_avg_sq_get(i: u32) -> f32 { return exp_avg_sq[u.exp_avg_sq_offset + i]; }
fn exp_avg_sq_set(i: u32, v: f32) { exp_avg_sq[u.exp_avg_sq_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let g = grad_get(i);
  let p = param_get(i) * u.decay;
  let m0 = exp_avg_get(i);
  let m1 = m0 + u.w1 * (g - m0);
  let v1 = exp_avg_sq_get(i) * u.beta2 + u.w2 * g * g;
  exp_avg_set(i, m1);
  exp_avg_sq_set(i, v1);
  param_set(i, p + (u.neg_step_size * m1) / (sqrt(v1) / u.bias2_sqrt + u.eps));
}
