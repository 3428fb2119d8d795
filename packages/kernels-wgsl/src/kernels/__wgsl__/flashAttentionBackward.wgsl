// ---- flashAttentionBackward-delta:d128:dv128:plain:mask1:vec4|o:f32:read:vec4,g:f32:read:vec4,delta:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,o_offset:u32,g_offset:u32,n:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  o_offset: u32,
  g_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
@group(0) @binding(2) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = linear_workgroup(wid, nwg) * 64u + lid;
  if (row >= u.n) { return; }
  var sum = 0.0;
  for (var c4 = 0u; c4 < u.dv4; c4++) { sum += dot(g_get4(row * u.dv4 + c4), o_get4(row * u.dv4 + c4)); }
  delta_set(row, sum);
}

// ---- flashAttentionBackward-delta:d16:dv16:dropout:mask1:vec4|o:f32:read:vec4,g:f32:read:vec4,delta:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,seed_lo:u32,seed_hi:u32,offset_lo:u32,offset_hi:u32,threshold:u32,keep_scale:f32,drop_cols:u32,o_offset:u32,g_offset:u32,n:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  seed_lo: u32,
  seed_hi: u32,
  offset_lo: u32,
  offset_hi: u32,
  threshold: u32,
  keep_scale: f32,
  drop_cols: u32,
  o_offset: u32,
  g_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
@group(0) @binding(2) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = linear_workgroup(wid, nwg) * 64u + lid;
  if (row >= u.n) { return; }
  var sum = 0.0;
  for (var c4 = 0u; c4 < u.dv4; c4++) { sum += dot(g_get4(row * u.dv4 + c4), o_get4(row * u.dv4 + c4)); }
  delta_set(row, sum);
}

// ---- flashAttentionBackward-delta:d16:dv16:plain:mask:vec4|o:f32:read:vec4,g:f32:read:vec4,delta:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,o_offset:u32,g_offset:u32,n:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  o_offset: u32,
  g_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
@group(0) @binding(2) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = linear_workgroup(wid, nwg) * 64u + lid;
  if (row >= u.n) { return; }
  var sum = 0.0;
  for (var c4 = 0u; c4 < u.dv4; c4++) { sum += dot(g_get4(row * u.dv4 + c4), o_get4(row * u.dv4 + c4)); }
  delta_set(row, sum);
}

// ---- flashAttentionBackward-delta:d16:dv16:plain:mask1:scalar|o:f32:read,g:f32:read,delta:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,o_offset:u32,g_offset:u32,n:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  o_offset: u32,
  g_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> o: array<f32>;
fn o_get(i: u32) -> f32 { return o[u.o_offset + i]; }
@group(0) @binding(2) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = linear_workgroup(wid, nwg) * 64u + lid;
  if (row >= u.n) { return; }
  var sum = 0.0;
  for (var c = 0u; c < u.dv; c++) { sum += g_get(row * u.dv + c) * o_get(row * u.dv + c); }
  delta_set(row, sum);
}

// ---- flashAttentionBackward-delta:d16:dv16:plain:mask1:vec4|o:f32:read:vec4,g:f32:read:vec4,delta:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,o_offset:u32,g_offset:u32,n:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  o_offset: u32,
  g_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
@group(0) @binding(2) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = linear_workgroup(wid, nwg) * 64u + lid;
  if (row >= u.n) { return; }
  var sum = 0.0;
  for (var c4 = 0u; c4 < u.dv4; c4++) { sum += dot(g_get4(row * u.dv4 + c4), o_get4(row * u.dv4 + c4)); }
  delta_set(row, sum);
}

// ---- flashAttentionBackward-delta:d16:dv32:plain:mask:vec4|o:f32:read:vec4,g:f32:read:vec4,delta:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,o_offset:u32,g_offset:u32,n:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  o_offset: u32,
  g_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
@group(0) @binding(2) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = linear_workgroup(wid, nwg) * 64u + lid;
  if (row >= u.n) { return; }
  var sum = 0.0;
  for (var c4 = 0u; c4 < u.dv4; c4++) { sum += dot(g_get4(row * u.dv4 + c4), o_get4(row * u.dv4 + c4)); }
  delta_set(row, sum);
}

// ---- flashAttentionBackward-delta:d256:dv256:plain:mask1:vec4|o:f32:read:vec4,g:f32:read:vec4,delta:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,o_offset:u32,g_offset:u32,n:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  o_offset: u32,
  g_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
@group(0) @binding(2) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = linear_workgroup(wid, nwg) * 64u + lid;
  if (row >= u.n) { return; }
  var sum = 0.0;
  for (var c4 = 0u; c4 < u.dv4; c4++) { sum += dot(g_get4(row * u.dv4 + c4), o_get4(row * u.dv4 + c4)); }
  delta_set(row, sum);
}

// ---- flashAttentionBackward-delta:d32:dv32:plain:mask1:vec4|o:f32:read:vec4,g:f32:read:vec4,delta:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,o_offset:u32,g_offset:u32,n:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  o_offset: u32,
  g_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
@group(0) @binding(2) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = linear_workgroup(wid, nwg) * 64u + lid;
  if (row >= u.n) { return; }
  var sum = 0.0;
  for (var c4 = 0u; c4 < u.dv4; c4++) { sum += dot(g_get4(row * u.dv4 + c4), o_get4(row * u.dv4 + c4)); }
  delta_set(row, sum);
}

// ---- flashAttentionBackward-delta:d64:dv64:plain:mask1:vec4|o:f32:read:vec4,g:f32:read:vec4,delta:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,o_offset:u32,g_offset:u32,n:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  o_offset: u32,
  g_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
@group(0) @binding(2) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let row = linear_workgroup(wid, nwg) * 64u + lid;
  if (row >= u.n) { return; }
  var sum = 0.0;
  for (var c4 = 0u; c4 < u.dv4; c4++) { sum += dot(g_get4(row * u.dv4 + c4), o_get4(row * u.dv4 + c4)); }
  delta_set(row, sum);
}

// ---- flashAttentionBackward-dkdv:d128:dv128:plain:mask1:vec4:br16:bc16:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dk:f32:read_write:vec4,dv:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dk_offset:u32,dv_offset:u32,k_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dk_offset: u32,
  dv_offset: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dk: array<vec4<f32>>;
fn dk_get4(j: u32) -> vec4<f32> { return dk[u.dk_offset + j]; }
fn dk_set4(j: u32, v: vec4<f32>) { dk[u.dk_offset + j] = v; }
@group(0) @binding(9) var<storage, read_write> dv: array<vec4<f32>>;
fn dv_get4(j: u32) -> vec4<f32> { return dv[u.dv_offset + j]; }
fn dv_set4(j: u32, v: vec4<f32>) { dv[u.dv_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> k_s: array<vec4<f32>, 528>;
var<workgroup> v_s: array<vec4<f32>, 528>;
var<workgroup> q_s: array<vec4<f32>, 528>;
var<workgroup> g_s: array<vec4<f32>, 528>;
var<workgroup> pz_s: array<vec4<f32>, 80>;
var<workgroup> ds_s: array<vec4<f32>, 80>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 16u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see no key here.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 16u) * 16u;
  let m_base = mask_base(bh);
  let q_base = bh * u.tq * u.d;
  let g_base = bh * u.tq * u.dv;
  for (var e = lid; e < 512u; e += 128u) {
      let c4 = e % 32u;
      let r = e / 32u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.d4) { x = k_get4((bh * u.tk * u.d + gr * u.d) / 4u + c4); }
      k_s[r * 33u + c4] = x;
    }
  for (var e = lid; e < 512u; e += 128u) {
      let c4 = e % 32u;
      let r = e / 32u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.dv4) { x = v_get4((bh * u.tk * u.dv + gr * u.dv) / 4u + c4); }
      v_s[r * 33u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  var s_0_0 = 0.0; var s_0_1 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0;
  let t_at = lid / 32u;
  let t_bt = lid % 32u;
  var dk_0_0 = vec4<f32>(); var dk_1_0 = vec4<f32>(); var dk_2_0 = vec4<f32>(); var dk_3_0 = vec4<f32>();
  var dv_0_0 = vec4<f32>(); var dv_1_0 = vec4<f32>(); var dv_2_0 = vec4<f32>(); var dv_3_0 = vec4<f32>();
  var pq0 = vec4<f32>(); var pq1 = vec4<f32>(); var pq2 = vec4<f32>(); var pq3 = vec4<f32>();
  var pg0 = vec4<f32>(); var pg1 = vec4<f32>(); var pg2 = vec4<f32>(); var pg3 = vec4<f32>();
  { let c4 = (lid + 0u) % 32u; let gr = first + (lid + 0u) / 32u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq0 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 32u; let gr = first + (lid + 128u) / 32u; pq1 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq1 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 256u) % 32u; let gr = first + (lid + 256u) / 32u; pq2 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq2 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 384u) % 32u; let gr = first + (lid + 384u) / 32u; pq3 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq3 = q_get4((q_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 32u; let gr = first + (lid + 0u) / 32u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg0 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 32u; let gr = first + (lid + 128u) / 32u; pg1 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg1 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 256u) % 32u; let gr = first + (lid + 256u) / 32u; pg2 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg2 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 384u) % 32u; let gr = first + (lid + 384u) / 32u; pg3 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg3 = g_get4((g_base + gr * u.dv) / 4u + c4); } }

  for (var i0 = first; i0 < u.tq; i0 += 16u) {
    let rn = min(16u, u.tq - i0);
    { q_s[((lid + 0u) / 32u) * 33u + (lid + 0u) % 32u] = u.scale * pq0; }
    { q_s[((lid + 128u) / 32u) * 33u + (lid + 128u) % 32u] = u.scale * pq1; }
    { q_s[((lid + 256u) / 32u) * 33u + (lid + 256u) % 32u] = u.scale * pq2; }
    { q_s[((lid + 384u) / 32u) * 33u + (lid + 384u) % 32u] = u.scale * pq3; }
    { g_s[((lid + 0u) / 32u) * 33u + (lid + 0u) % 32u] = pg0; }
    { g_s[((lid + 128u) / 32u) * 33u + (lid + 128u) % 32u] = pg1; }
    { g_s[((lid + 256u) / 32u) * 33u + (lid + 256u) % 32u] = pg2; }
    { g_s[((lid + 384u) / 32u) * 33u + (lid + 384u) % 32u] = pg3; }
    workgroupBarrier();
    if (i0 + 16u < u.tq) { { let c4 = (lid + 0u) % 32u; let gr = i0 + 16u + (lid + 0u) / 32u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq0 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 32u; let gr = i0 + 16u + (lid + 128u) / 32u; pq1 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq1 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 256u) % 32u; let gr = i0 + 16u + (lid + 256u) / 32u; pq2 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq2 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 384u) % 32u; let gr = i0 + 16u + (lid + 384u) / 32u; pq3 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq3 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 0u) % 32u; let gr = i0 + 16u + (lid + 0u) / 32u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg0 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 32u; let gr = i0 + 16u + (lid + 128u) / 32u; pg1 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg1 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 256u) % 32u; let gr = i0 + 16u + (lid + 256u) / 32u; pg2 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg2 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 384u) % 32u; let gr = i0 + 16u + (lid + 384u) / 32u; pg3 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg3 = g_get4((g_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      let live0 = (i0 + (n_at + 0u)) < u.tq;
      let limit0 = select(0u, last_key((i0 + (n_at + 0u))), live0);
      var L0 = 0.0;
      var D0 = 0.0;
      if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_at + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_at + 0u))); }
      s_0_0 = 0.0; s_0_1 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0;
      let s_ao0 = (n_at + 0u) * 33u;
    let s_bo0 = (n_bt + 0u) * 33u;
    let s_bo1 = (n_bt + 8u) * 33u;
    for (var k4 = 0u; k4 < 32u; k4++) {
      let s_a0 = q_s[s_ao0 + k4];
      let s_b0 = k_s[s_bo0 + k4];
      let s_b1 = k_s[s_bo1 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
    }
      let dp_ao0 = (n_at + 0u) * 33u;
    let dp_bo0 = (n_bt + 0u) * 33u;
    let dp_bo1 = (n_bt + 8u) * 33u;
    for (var k4 = 0u; k4 < 32u; k4++) {
      let dp_a0 = g_s[dp_ao0 + k4];
      let dp_b0 = v_s[dp_bo0 + k4];
      let dp_b1 = v_s[dp_bo1 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        pz_s[((n_at + 0u)) * 5u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 5u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 8u))) {
          p = exp(s_0_1 - L0);
          
        }
        let dp = dp_0_1;
        pz_s[((n_at + 0u)) * 5u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 5u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D0);
      }
    }
    workgroupBarrier();
    if (lid < 128u) {
      for (var k = 0u; k < 16u; k++) {
      let dv_a0 = pz_s[k * 5u + t_at + 0u];
      let dv_b0 = g_s[k * 33u + t_bt + 0u];
      dv_0_0 = fma(vec4<f32>(dv_a0[0]), dv_b0, dv_0_0);
      dv_1_0 = fma(vec4<f32>(dv_a0[1]), dv_b0, dv_1_0);
      dv_2_0 = fma(vec4<f32>(dv_a0[2]), dv_b0, dv_2_0);
      dv_3_0 = fma(vec4<f32>(dv_a0[3]), dv_b0, dv_3_0);
      let dk_a0 = ds_s[k * 5u + t_at + 0u];
      let dk_b0 = q_s[k * 33u + t_bt + 0u];
      dk_0_0 = fma(vec4<f32>(dk_a0[0]), dk_b0, dk_0_0);
      dk_1_0 = fma(vec4<f32>(dk_a0[1]), dk_b0, dk_1_0);
      dk_2_0 = fma(vec4<f32>(dk_a0[2]), dk_b0, dk_2_0);
      dk_3_0 = fma(vec4<f32>(dk_a0[3]), dk_b0, dk_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 128u) {
    let dk_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dk_row0 < u.tk) {
    let dk_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row0 * u.d) / 4u + (t_bt + 0u), dk_row0_scale * dk_0_0); }
  }
  let dk_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dk_row1 < u.tk) {
    let dk_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row1 * u.d) / 4u + (t_bt + 0u), dk_row1_scale * dk_1_0); }
  }
  let dk_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dk_row2 < u.tk) {
    let dk_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row2 * u.d) / 4u + (t_bt + 0u), dk_row2_scale * dk_2_0); }
  }
  let dk_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dk_row3 < u.tk) {
    let dk_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row3 * u.d) / 4u + (t_bt + 0u), dk_row3_scale * dk_3_0); }
  }
    let dv_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dv_row0 < u.tk) {
    let dv_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row0 * u.dv) / 4u + (t_bt + 0u), dv_row0_scale * dv_0_0); }
  }
  let dv_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dv_row1 < u.tk) {
    let dv_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row1 * u.dv) / 4u + (t_bt + 0u), dv_row1_scale * dv_1_0); }
  }
  let dv_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dv_row2 < u.tk) {
    let dv_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row2 * u.dv) / 4u + (t_bt + 0u), dv_row2_scale * dv_2_0); }
  }
  let dv_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dv_row3 < u.tk) {
    let dv_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row3 * u.dv) / 4u + (t_bt + 0u), dv_row3_scale * dv_3_0); }
  }
  }
}

// ---- flashAttentionBackward-dkdv:d16:dv16:dropout:mask1:vec4:br32:bc32:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dk:f32:read_write:vec4,dv:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,seed_lo:u32,seed_hi:u32,offset_lo:u32,offset_hi:u32,threshold:u32,keep_scale:f32,drop_cols:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dk_offset:u32,dv_offset:u32,k_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  seed_lo: u32,
  seed_hi: u32,
  offset_lo: u32,
  offset_hi: u32,
  threshold: u32,
  keep_scale: f32,
  drop_cols: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dk_offset: u32,
  dv_offset: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dk: array<vec4<f32>>;
fn dk_get4(j: u32) -> vec4<f32> { return dk[u.dk_offset + j]; }
fn dk_set4(j: u32, v: vec4<f32>) { dk[u.dk_offset + j] = v; }
@group(0) @binding(9) var<storage, read_write> dv: array<vec4<f32>>;
fn dv_get4(j: u32) -> vec4<f32> { return dv[u.dv_offset + j]; }
fn dv_set4(j: u32, v: vec4<f32>) { dv[u.dv_offset + j] = v; }

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

/** Philox4x32-10 of a 64-bit block number (block_lo, block_hi) in this call's stream. */
fn philox_block(block_lo: u32, block_hi: u32) -> vec4<u32> {
  return philox4x32_10(vec2<u32>(u.seed_lo, u.seed_hi), vec4<u32>(block_lo, block_hi, u.offset_lo, u.offset_hi));
}

fn keep_of(word: u32) -> f32 { return select(0.0, u.keep_scale, (word >> 8u) >= u.threshold); }

/** A walk along one mask row: the words of the last Philox block are reused for the next three columns. */
struct DropRow {
  start_lo: u32,
  start_hi: u32,
  block_lo: u32,
  block_hi: u32,
  words: vec4<u32>,
  valid: bool,
}

/** The walk of global mask row g (= b·rows + rowOffset + i): index g·N + j. */
fn drop_row(g: u32) -> DropRow {
  return DropRow(g * u.drop_cols, mulhi32(g, u.drop_cols), 0u, 0u, vec4<u32>(), false);
}

/** z = 1/(1 − p) or 0 for column j of the row. */
fn drop_scale(row: ptr<function, DropRow>, j: u32) -> f32 {
  let lo = (*row).start_lo + j;
  let hi = (*row).start_hi + select(0u, 1u, lo < (*row).start_lo);
  let block_lo = (lo >> 2u) | (hi << 30u);
  let block_hi = hi >> 2u;
  if (!(*row).valid || block_lo != (*row).block_lo || block_hi != (*row).block_hi) {
    (*row).words = philox_block(block_lo, block_hi);
    (*row).block_lo = block_lo;
    (*row).block_hi = block_hi;
    (*row).valid = true;
  }
  return keep_of((*row).words[lo & 3u]);
}

/** z for columns j … j + 3 of global mask row g, from at most two Philox blocks. */
fn drop_scale4(g: u32, j: u32) -> vec4<f32> {
  let start_lo = g * u.drop_cols;
  let start_hi = mulhi32(g, u.drop_cols);
  let lo = start_lo + j;
  let hi = start_hi + select(0u, 1u, lo < start_lo);
  let block_lo = (lo >> 2u) | (hi << 30u);
  let block_hi = hi >> 2u;
  let first = lo & 3u;
  let w0 = philox_block(block_lo, block_hi);
  var w1 = w0;
  if (first != 0u) {
    let next_lo = block_lo + 1u;
    w1 = philox_block(next_lo, block_hi + select(0u, 1u, next_lo == 0u));
  }
  var z = vec4<f32>();
  for (var q = 0u; q < 4u; q++) {
    let e = first + q;
    var w = 0u;
    if (e < 4u) { w = w0[e]; } else { w = w1[e - 4u]; }
    z[q] = keep_of(w);
  }
  return z;
}
fn drop_at(drop_g: u32, j: u32) -> f32 {
  var walk = drop_row(drop_g);
  return drop_scale(&walk, j);
}

// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> k_s: array<vec4<f32>, 160>;
var<workgroup> v_s: array<vec4<f32>, 160>;
var<workgroup> q_s: array<vec4<f32>, 160>;
var<workgroup> g_s: array<vec4<f32>, 160>;
var<workgroup> pz_s: array<vec4<f32>, 288>;
var<workgroup> ds_s: array<vec4<f32>, 288>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 32u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see no key here.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 32u) * 32u;
  let m_base = mask_base(bh);
  let q_base = bh * u.tq * u.d;
  let g_base = bh * u.tq * u.dv;
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.d4) { x = k_get4((bh * u.tk * u.d + gr * u.d) / 4u + c4); }
      k_s[r * 5u + c4] = x;
    }
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.dv4) { x = v_get4((bh * u.tk * u.dv + gr * u.dv) / 4u + c4); }
      v_s[r * 5u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0; var dp_0_2 = 0.0; var dp_0_3 = 0.0; var dp_1_0 = 0.0; var dp_1_1 = 0.0; var dp_1_2 = 0.0; var dp_1_3 = 0.0;
  let t_at = lid / 4u;
  let t_bt = lid % 4u;
  var dk_0_0 = vec4<f32>(); var dk_1_0 = vec4<f32>(); var dk_2_0 = vec4<f32>(); var dk_3_0 = vec4<f32>();
  var dv_0_0 = vec4<f32>(); var dv_1_0 = vec4<f32>(); var dv_2_0 = vec4<f32>(); var dv_3_0 = vec4<f32>();
  var pq0 = vec4<f32>();
  var pg0 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = first + (lid + 0u) / 4u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq0 = q_get4((q_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 4u; let gr = first + (lid + 0u) / 4u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg0 = g_get4((g_base + gr * u.dv) / 4u + c4); } }

  for (var i0 = first; i0 < u.tq; i0 += 32u) {
    let rn = min(32u, u.tq - i0);
    { q_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = u.scale * pq0; }
    { g_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pg0; }
    workgroupBarrier();
    if (i0 + 32u < u.tq) { { let c4 = (lid + 0u) % 4u; let gr = i0 + 32u + (lid + 0u) / 4u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq0 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 0u) % 4u; let gr = i0 + 32u + (lid + 0u) / 4u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg0 = g_get4((g_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      let live0 = (i0 + (n_at + 0u)) < u.tq;
      let limit0 = select(0u, last_key((i0 + (n_at + 0u))), live0);
      var L0 = 0.0;
      var D0 = 0.0;
      if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_at + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_at + 0u))); }
      let live1 = (i0 + (n_at + 16u)) < u.tq;
      let limit1 = select(0u, last_key((i0 + (n_at + 16u))), live1);
      var L1 = 0.0;
      var D1 = 0.0;
      if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_at + 16u))); D1 = delta_get(bh * u.tq + (i0 + (n_at + 16u))); }
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0; dp_0_2 = 0.0; dp_0_3 = 0.0; dp_1_0 = 0.0; dp_1_1 = 0.0; dp_1_2 = 0.0; dp_1_3 = 0.0;
      let s_ao0 = (n_at + 0u) * 5u;
    let s_ao1 = (n_at + 16u) * 5u;
    let s_bo0 = (n_bt + 0u) * 5u;
    let s_bo1 = (n_bt + 8u) * 5u;
    let s_bo2 = (n_bt + 16u) * 5u;
    let s_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = q_s[s_ao0 + k4];
      let s_a1 = q_s[s_ao1 + k4];
      let s_b0 = k_s[s_bo0 + k4];
      let s_b1 = k_s[s_bo1 + k4];
      let s_b2 = k_s[s_bo2 + k4];
      let s_b3 = k_s[s_bo3 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_0_2 = fma(s_a0.w, s_b2.w, fma(s_a0.z, s_b2.z, fma(s_a0.y, s_b2.y, fma(s_a0.x, s_b2.x, s_0_2))));
      s_0_3 = fma(s_a0.w, s_b3.w, fma(s_a0.z, s_b3.z, fma(s_a0.y, s_b3.y, fma(s_a0.x, s_b3.x, s_0_3))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
      s_1_2 = fma(s_a1.w, s_b2.w, fma(s_a1.z, s_b2.z, fma(s_a1.y, s_b2.y, fma(s_a1.x, s_b2.x, s_1_2))));
      s_1_3 = fma(s_a1.w, s_b3.w, fma(s_a1.z, s_b3.z, fma(s_a1.y, s_b3.y, fma(s_a1.x, s_b3.x, s_1_3))));
    }
      let dp_ao0 = (n_at + 0u) * 5u;
    let dp_ao1 = (n_at + 16u) * 5u;
    let dp_bo0 = (n_bt + 0u) * 5u;
    let dp_bo1 = (n_bt + 8u) * 5u;
    let dp_bo2 = (n_bt + 16u) * 5u;
    let dp_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let dp_a0 = g_s[dp_ao0 + k4];
      let dp_a1 = g_s[dp_ao1 + k4];
      let dp_b0 = v_s[dp_bo0 + k4];
      let dp_b1 = v_s[dp_bo1 + k4];
      let dp_b2 = v_s[dp_bo2 + k4];
      let dp_b3 = v_s[dp_bo3 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
      dp_0_2 = fma(dp_a0.w, dp_b2.w, fma(dp_a0.z, dp_b2.z, fma(dp_a0.y, dp_b2.y, fma(dp_a0.x, dp_b2.x, dp_0_2))));
      dp_0_3 = fma(dp_a0.w, dp_b3.w, fma(dp_a0.z, dp_b3.z, fma(dp_a0.y, dp_b3.y, fma(dp_a0.x, dp_b3.x, dp_0_3))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
      dp_1_1 = fma(dp_a1.w, dp_b1.w, fma(dp_a1.z, dp_b1.z, fma(dp_a1.y, dp_b1.y, fma(dp_a1.x, dp_b1.x, dp_1_1))));
      dp_1_2 = fma(dp_a1.w, dp_b2.w, fma(dp_a1.z, dp_b2.z, fma(dp_a1.y, dp_b2.y, fma(dp_a1.x, dp_b2.x, dp_1_2))));
      dp_1_3 = fma(dp_a1.w, dp_b3.w, fma(dp_a1.z, dp_b3.z, fma(dp_a1.y, dp_b3.y, fma(dp_a1.x, dp_b3.x, dp_1_3))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 0u))) {
          p = exp(s_0_0 - L0);
          z = drop_at(drop_global_row(bh, i0 + (n_at + 0u)), j0 + (n_bt + 0u));
        }
        let dp = dp_0_0;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 8u))) {
          p = exp(s_0_1 - L0);
          z = drop_at(drop_global_row(bh, i0 + (n_at + 0u)), j0 + (n_bt + 8u));
        }
        let dp = dp_0_1;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 16u))) {
          p = exp(s_0_2 - L0);
          z = drop_at(drop_global_row(bh, i0 + (n_at + 0u)), j0 + (n_bt + 16u));
        }
        let dp = dp_0_2;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 24u))) {
          p = exp(s_0_3 - L0);
          z = drop_at(drop_global_row(bh, i0 + (n_at + 0u)), j0 + (n_bt + 24u));
        }
        let dp = dp_0_3;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 0u))) {
          p = exp(s_1_0 - L1);
          z = drop_at(drop_global_row(bh, i0 + (n_at + 16u)), j0 + (n_bt + 0u));
        }
        let dp = dp_1_0;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 8u))) {
          p = exp(s_1_1 - L1);
          z = drop_at(drop_global_row(bh, i0 + (n_at + 16u)), j0 + (n_bt + 8u));
        }
        let dp = dp_1_1;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 16u))) {
          p = exp(s_1_2 - L1);
          z = drop_at(drop_global_row(bh, i0 + (n_at + 16u)), j0 + (n_bt + 16u));
        }
        let dp = dp_1_2;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 24u))) {
          p = exp(s_1_3 - L1);
          z = drop_at(drop_global_row(bh, i0 + (n_at + 16u)), j0 + (n_bt + 24u));
        }
        let dp = dp_1_3;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D1);
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      for (var k = 0u; k < 32u; k++) {
      let dv_a0 = pz_s[k * 9u + t_at + 0u];
      let dv_b0 = g_s[k * 5u + t_bt + 0u];
      dv_0_0 = fma(vec4<f32>(dv_a0[0]), dv_b0, dv_0_0);
      dv_1_0 = fma(vec4<f32>(dv_a0[1]), dv_b0, dv_1_0);
      dv_2_0 = fma(vec4<f32>(dv_a0[2]), dv_b0, dv_2_0);
      dv_3_0 = fma(vec4<f32>(dv_a0[3]), dv_b0, dv_3_0);
      let dk_a0 = ds_s[k * 9u + t_at + 0u];
      let dk_b0 = q_s[k * 5u + t_bt + 0u];
      dk_0_0 = fma(vec4<f32>(dk_a0[0]), dk_b0, dk_0_0);
      dk_1_0 = fma(vec4<f32>(dk_a0[1]), dk_b0, dk_1_0);
      dk_2_0 = fma(vec4<f32>(dk_a0[2]), dk_b0, dk_2_0);
      dk_3_0 = fma(vec4<f32>(dk_a0[3]), dk_b0, dk_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 32u) {
    let dk_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dk_row0 < u.tk) {
    let dk_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row0 * u.d) / 4u + (t_bt + 0u), dk_row0_scale * dk_0_0); }
  }
  let dk_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dk_row1 < u.tk) {
    let dk_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row1 * u.d) / 4u + (t_bt + 0u), dk_row1_scale * dk_1_0); }
  }
  let dk_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dk_row2 < u.tk) {
    let dk_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row2 * u.d) / 4u + (t_bt + 0u), dk_row2_scale * dk_2_0); }
  }
  let dk_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dk_row3 < u.tk) {
    let dk_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row3 * u.d) / 4u + (t_bt + 0u), dk_row3_scale * dk_3_0); }
  }
    let dv_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dv_row0 < u.tk) {
    let dv_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row0 * u.dv) / 4u + (t_bt + 0u), dv_row0_scale * dv_0_0); }
  }
  let dv_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dv_row1 < u.tk) {
    let dv_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row1 * u.dv) / 4u + (t_bt + 0u), dv_row1_scale * dv_1_0); }
  }
  let dv_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dv_row2 < u.tk) {
    let dv_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row2 * u.dv) / 4u + (t_bt + 0u), dv_row2_scale * dv_2_0); }
  }
  let dv_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dv_row3 < u.tk) {
    let dv_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row3 * u.dv) / 4u + (t_bt + 0u), dv_row3_scale * dv_3_0); }
  }
  }
}

// ---- flashAttentionBackward-dkdv:d16:dv16:plain:mask:vec4:br32:bc32:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dk:f32:read_write:vec4,dv:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dk_offset:u32,dv_offset:u32,k_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dk_offset: u32,
  dv_offset: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dk: array<vec4<f32>>;
fn dk_get4(j: u32) -> vec4<f32> { return dk[u.dk_offset + j]; }
fn dk_set4(j: u32, v: vec4<f32>) { dk[u.dk_offset + j] = v; }
@group(0) @binding(9) var<storage, read_write> dv: array<vec4<f32>>;
fn dv_get4(j: u32) -> vec4<f32> { return dv[u.dv_offset + j]; }
fn dv_set4(j: u32, v: vec4<f32>) { dv[u.dv_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = false;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> k_s: array<vec4<f32>, 160>;
var<workgroup> v_s: array<vec4<f32>, 160>;
var<workgroup> q_s: array<vec4<f32>, 160>;
var<workgroup> g_s: array<vec4<f32>, 160>;
var<workgroup> pz_s: array<vec4<f32>, 288>;
var<workgroup> ds_s: array<vec4<f32>, 288>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 32u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see no key here.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 32u) * 32u;
  let m_base = mask_base(bh);
  let q_base = bh * u.tq * u.d;
  let g_base = bh * u.tq * u.dv;
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.d4) { x = k_get4((bh * u.tk * u.d + gr * u.d) / 4u + c4); }
      k_s[r * 5u + c4] = x;
    }
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.dv4) { x = v_get4((bh * u.tk * u.dv + gr * u.dv) / 4u + c4); }
      v_s[r * 5u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0; var dp_0_2 = 0.0; var dp_0_3 = 0.0; var dp_1_0 = 0.0; var dp_1_1 = 0.0; var dp_1_2 = 0.0; var dp_1_3 = 0.0;
  let t_at = lid / 4u;
  let t_bt = lid % 4u;
  var dk_0_0 = vec4<f32>(); var dk_1_0 = vec4<f32>(); var dk_2_0 = vec4<f32>(); var dk_3_0 = vec4<f32>();
  var dv_0_0 = vec4<f32>(); var dv_1_0 = vec4<f32>(); var dv_2_0 = vec4<f32>(); var dv_3_0 = vec4<f32>();
  var pq0 = vec4<f32>();
  var pg0 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = first + (lid + 0u) / 4u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq0 = q_get4((q_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 4u; let gr = first + (lid + 0u) / 4u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg0 = g_get4((g_base + gr * u.dv) / 4u + c4); } }

  for (var i0 = first; i0 < u.tq; i0 += 32u) {
    let rn = min(32u, u.tq - i0);
    { q_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = u.scale * pq0; }
    { g_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pg0; }
    workgroupBarrier();
    if (i0 + 32u < u.tq) { { let c4 = (lid + 0u) % 4u; let gr = i0 + 32u + (lid + 0u) / 4u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq0 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 0u) % 4u; let gr = i0 + 32u + (lid + 0u) / 4u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg0 = g_get4((g_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      let live0 = (i0 + (n_at + 0u)) < u.tq;
      let limit0 = select(0u, last_key((i0 + (n_at + 0u))), live0);
      var L0 = 0.0;
      var D0 = 0.0;
      if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_at + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_at + 0u))); }
      let live1 = (i0 + (n_at + 16u)) < u.tq;
      let limit1 = select(0u, last_key((i0 + (n_at + 16u))), live1);
      var L1 = 0.0;
      var D1 = 0.0;
      if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_at + 16u))); D1 = delta_get(bh * u.tq + (i0 + (n_at + 16u))); }
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0; dp_0_2 = 0.0; dp_0_3 = 0.0; dp_1_0 = 0.0; dp_1_1 = 0.0; dp_1_2 = 0.0; dp_1_3 = 0.0;
      let s_ao0 = (n_at + 0u) * 5u;
    let s_ao1 = (n_at + 16u) * 5u;
    let s_bo0 = (n_bt + 0u) * 5u;
    let s_bo1 = (n_bt + 8u) * 5u;
    let s_bo2 = (n_bt + 16u) * 5u;
    let s_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = q_s[s_ao0 + k4];
      let s_a1 = q_s[s_ao1 + k4];
      let s_b0 = k_s[s_bo0 + k4];
      let s_b1 = k_s[s_bo1 + k4];
      let s_b2 = k_s[s_bo2 + k4];
      let s_b3 = k_s[s_bo3 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_0_2 = fma(s_a0.w, s_b2.w, fma(s_a0.z, s_b2.z, fma(s_a0.y, s_b2.y, fma(s_a0.x, s_b2.x, s_0_2))));
      s_0_3 = fma(s_a0.w, s_b3.w, fma(s_a0.z, s_b3.z, fma(s_a0.y, s_b3.y, fma(s_a0.x, s_b3.x, s_0_3))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
      s_1_2 = fma(s_a1.w, s_b2.w, fma(s_a1.z, s_b2.z, fma(s_a1.y, s_b2.y, fma(s_a1.x, s_b2.x, s_1_2))));
      s_1_3 = fma(s_a1.w, s_b3.w, fma(s_a1.z, s_b3.z, fma(s_a1.y, s_b3.y, fma(s_a1.x, s_b3.x, s_1_3))));
    }
      let dp_ao0 = (n_at + 0u) * 5u;
    let dp_ao1 = (n_at + 16u) * 5u;
    let dp_bo0 = (n_bt + 0u) * 5u;
    let dp_bo1 = (n_bt + 8u) * 5u;
    let dp_bo2 = (n_bt + 16u) * 5u;
    let dp_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let dp_a0 = g_s[dp_ao0 + k4];
      let dp_a1 = g_s[dp_ao1 + k4];
      let dp_b0 = v_s[dp_bo0 + k4];
      let dp_b1 = v_s[dp_bo1 + k4];
      let dp_b2 = v_s[dp_bo2 + k4];
      let dp_b3 = v_s[dp_bo3 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
      dp_0_2 = fma(dp_a0.w, dp_b2.w, fma(dp_a0.z, dp_b2.z, fma(dp_a0.y, dp_b2.y, fma(dp_a0.x, dp_b2.x, dp_0_2))));
      dp_0_3 = fma(dp_a0.w, dp_b3.w, fma(dp_a0.z, dp_b3.z, fma(dp_a0.y, dp_b3.y, fma(dp_a0.x, dp_b3.x, dp_0_3))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
      dp_1_1 = fma(dp_a1.w, dp_b1.w, fma(dp_a1.z, dp_b1.z, fma(dp_a1.y, dp_b1.y, fma(dp_a1.x, dp_b1.x, dp_1_1))));
      dp_1_2 = fma(dp_a1.w, dp_b2.w, fma(dp_a1.z, dp_b2.z, fma(dp_a1.y, dp_b2.y, fma(dp_a1.x, dp_b2.x, dp_1_2))));
      dp_1_3 = fma(dp_a1.w, dp_b3.w, fma(dp_a1.z, dp_b3.z, fma(dp_a1.y, dp_b3.y, fma(dp_a1.x, dp_b3.x, dp_1_3))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 8u))) {
          p = exp(s_0_1 - L0);
          
        }
        let dp = dp_0_1;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 16u))) {
          p = exp(s_0_2 - L0);
          
        }
        let dp = dp_0_2;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 24u))) {
          p = exp(s_0_3 - L0);
          
        }
        let dp = dp_0_3;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 0u))) {
          p = exp(s_1_0 - L1);
          
        }
        let dp = dp_1_0;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 8u))) {
          p = exp(s_1_1 - L1);
          
        }
        let dp = dp_1_1;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 16u))) {
          p = exp(s_1_2 - L1);
          
        }
        let dp = dp_1_2;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 24u))) {
          p = exp(s_1_3 - L1);
          
        }
        let dp = dp_1_3;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D1);
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      for (var k = 0u; k < 32u; k++) {
      let dv_a0 = pz_s[k * 9u + t_at + 0u];
      let dv_b0 = g_s[k * 5u + t_bt + 0u];
      dv_0_0 = fma(vec4<f32>(dv_a0[0]), dv_b0, dv_0_0);
      dv_1_0 = fma(vec4<f32>(dv_a0[1]), dv_b0, dv_1_0);
      dv_2_0 = fma(vec4<f32>(dv_a0[2]), dv_b0, dv_2_0);
      dv_3_0 = fma(vec4<f32>(dv_a0[3]), dv_b0, dv_3_0);
      let dk_a0 = ds_s[k * 9u + t_at + 0u];
      let dk_b0 = q_s[k * 5u + t_bt + 0u];
      dk_0_0 = fma(vec4<f32>(dk_a0[0]), dk_b0, dk_0_0);
      dk_1_0 = fma(vec4<f32>(dk_a0[1]), dk_b0, dk_1_0);
      dk_2_0 = fma(vec4<f32>(dk_a0[2]), dk_b0, dk_2_0);
      dk_3_0 = fma(vec4<f32>(dk_a0[3]), dk_b0, dk_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 32u) {
    let dk_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dk_row0 < u.tk) {
    let dk_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row0 * u.d) / 4u + (t_bt + 0u), dk_row0_scale * dk_0_0); }
  }
  let dk_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dk_row1 < u.tk) {
    let dk_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row1 * u.d) / 4u + (t_bt + 0u), dk_row1_scale * dk_1_0); }
  }
  let dk_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dk_row2 < u.tk) {
    let dk_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row2 * u.d) / 4u + (t_bt + 0u), dk_row2_scale * dk_2_0); }
  }
  let dk_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dk_row3 < u.tk) {
    let dk_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row3 * u.d) / 4u + (t_bt + 0u), dk_row3_scale * dk_3_0); }
  }
    let dv_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dv_row0 < u.tk) {
    let dv_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row0 * u.dv) / 4u + (t_bt + 0u), dv_row0_scale * dv_0_0); }
  }
  let dv_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dv_row1 < u.tk) {
    let dv_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row1 * u.dv) / 4u + (t_bt + 0u), dv_row1_scale * dv_1_0); }
  }
  let dv_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dv_row2 < u.tk) {
    let dv_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row2 * u.dv) / 4u + (t_bt + 0u), dv_row2_scale * dv_2_0); }
  }
  let dv_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dv_row3 < u.tk) {
    let dv_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row3 * u.dv) / 4u + (t_bt + 0u), dv_row3_scale * dv_3_0); }
  }
  }
}

// ---- flashAttentionBackward-dkdv:d16:dv16:plain:mask1:scalar:br32:bc32:t128:unrolled:prefetch|q:f32:read,k:f32:read,v:f32:read,mask:bool:read,lse:f32:read,g:f32:read,delta:f32:read_write,dk:f32:read_write,dv:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dk_offset:u32,dv_offset:u32,k_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dk_offset: u32,
  dv_offset: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<f32>;
fn q_get(i: u32) -> f32 { return q[u.q_offset + i]; }
@group(0) @binding(2) var<storage, read> k: array<f32>;
fn k_get(i: u32) -> f32 { return k[u.k_offset + i]; }
@group(0) @binding(3) var<storage, read> v: array<f32>;
fn v_get(i: u32) -> f32 { return v[u.v_offset + i]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dk: array<f32>;
fn dk_get(i: u32) -> f32 { return dk[u.dk_offset + i]; }
fn dk_set(i: u32, v: f32) { dk[u.dk_offset + i] = v; }
@group(0) @binding(9) var<storage, read_write> dv: array<f32>;
fn dv_get(i: u32) -> f32 { return dv[u.dv_offset + i]; }
fn dv_set(i: u32, v: f32) { dv[u.dv_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> k_s: array<vec4<f32>, 160>;
var<workgroup> v_s: array<vec4<f32>, 160>;
var<workgroup> q_s: array<vec4<f32>, 160>;
var<workgroup> g_s: array<vec4<f32>, 160>;
var<workgroup> pz_s: array<vec4<f32>, 288>;
var<workgroup> ds_s: array<vec4<f32>, 288>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 32u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see no key here.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 32u) * 32u;
  let m_base = mask_base(bh);
  let q_base = bh * u.tq * u.d;
  let g_base = bh * u.tq * u.dv;
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.d4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.d) { x[t] = k_get(bh * u.tk * u.d + gr * u.d + c4 * 4u + t); } } }
      k_s[r * 5u + c4] = x;
    }
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.dv4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.dv) { x[t] = v_get(bh * u.tk * u.dv + gr * u.dv + c4 * 4u + t); } } }
      v_s[r * 5u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0; var dp_0_2 = 0.0; var dp_0_3 = 0.0; var dp_1_0 = 0.0; var dp_1_1 = 0.0; var dp_1_2 = 0.0; var dp_1_3 = 0.0;
  let t_at = lid / 4u;
  let t_bt = lid % 4u;
  var dk_0_0 = vec4<f32>(); var dk_1_0 = vec4<f32>(); var dk_2_0 = vec4<f32>(); var dk_3_0 = vec4<f32>();
  var dv_0_0 = vec4<f32>(); var dv_1_0 = vec4<f32>(); var dv_2_0 = vec4<f32>(); var dv_3_0 = vec4<f32>();
  var pq0 = vec4<f32>();
  var pg0 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = first + (lid + 0u) / 4u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.d) { pq0[t] = q_get(q_base + gr * u.d + c4 * 4u + t); } } } }
  { let c4 = (lid + 0u) % 4u; let gr = first + (lid + 0u) / 4u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.dv) { pg0[t] = g_get(g_base + gr * u.dv + c4 * 4u + t); } } } }

  for (var i0 = first; i0 < u.tq; i0 += 32u) {
    let rn = min(32u, u.tq - i0);
    { q_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = u.scale * pq0; }
    { g_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pg0; }
    workgroupBarrier();
    if (i0 + 32u < u.tq) { { let c4 = (lid + 0u) % 4u; let gr = i0 + 32u + (lid + 0u) / 4u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.d) { pq0[t] = q_get(q_base + gr * u.d + c4 * 4u + t); } } } }
    { let c4 = (lid + 0u) % 4u; let gr = i0 + 32u + (lid + 0u) / 4u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.dv) { pg0[t] = g_get(g_base + gr * u.dv + c4 * 4u + t); } } } } }
    if (lid < 128u) {
      let live0 = (i0 + (n_at + 0u)) < u.tq;
      let limit0 = select(0u, last_key((i0 + (n_at + 0u))), live0);
      var L0 = 0.0;
      var D0 = 0.0;
      if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_at + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_at + 0u))); }
      let live1 = (i0 + (n_at + 16u)) < u.tq;
      let limit1 = select(0u, last_key((i0 + (n_at + 16u))), live1);
      var L1 = 0.0;
      var D1 = 0.0;
      if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_at + 16u))); D1 = delta_get(bh * u.tq + (i0 + (n_at + 16u))); }
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0; dp_0_2 = 0.0; dp_0_3 = 0.0; dp_1_0 = 0.0; dp_1_1 = 0.0; dp_1_2 = 0.0; dp_1_3 = 0.0;
      let s_ao0 = (n_at + 0u) * 5u;
    let s_ao1 = (n_at + 16u) * 5u;
    let s_bo0 = (n_bt + 0u) * 5u;
    let s_bo1 = (n_bt + 8u) * 5u;
    let s_bo2 = (n_bt + 16u) * 5u;
    let s_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = q_s[s_ao0 + k4];
      let s_a1 = q_s[s_ao1 + k4];
      let s_b0 = k_s[s_bo0 + k4];
      let s_b1 = k_s[s_bo1 + k4];
      let s_b2 = k_s[s_bo2 + k4];
      let s_b3 = k_s[s_bo3 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_0_2 = fma(s_a0.w, s_b2.w, fma(s_a0.z, s_b2.z, fma(s_a0.y, s_b2.y, fma(s_a0.x, s_b2.x, s_0_2))));
      s_0_3 = fma(s_a0.w, s_b3.w, fma(s_a0.z, s_b3.z, fma(s_a0.y, s_b3.y, fma(s_a0.x, s_b3.x, s_0_3))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
      s_1_2 = fma(s_a1.w, s_b2.w, fma(s_a1.z, s_b2.z, fma(s_a1.y, s_b2.y, fma(s_a1.x, s_b2.x, s_1_2))));
      s_1_3 = fma(s_a1.w, s_b3.w, fma(s_a1.z, s_b3.z, fma(s_a1.y, s_b3.y, fma(s_a1.x, s_b3.x, s_1_3))));
    }
      let dp_ao0 = (n_at + 0u) * 5u;
    let dp_ao1 = (n_at + 16u) * 5u;
    let dp_bo0 = (n_bt + 0u) * 5u;
    let dp_bo1 = (n_bt + 8u) * 5u;
    let dp_bo2 = (n_bt + 16u) * 5u;
    let dp_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let dp_a0 = g_s[dp_ao0 + k4];
      let dp_a1 = g_s[dp_ao1 + k4];
      let dp_b0 = v_s[dp_bo0 + k4];
      let dp_b1 = v_s[dp_bo1 + k4];
      let dp_b2 = v_s[dp_bo2 + k4];
      let dp_b3 = v_s[dp_bo3 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
      dp_0_2 = fma(dp_a0.w, dp_b2.w, fma(dp_a0.z, dp_b2.z, fma(dp_a0.y, dp_b2.y, fma(dp_a0.x, dp_b2.x, dp_0_2))));
      dp_0_3 = fma(dp_a0.w, dp_b3.w, fma(dp_a0.z, dp_b3.z, fma(dp_a0.y, dp_b3.y, fma(dp_a0.x, dp_b3.x, dp_0_3))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
      dp_1_1 = fma(dp_a1.w, dp_b1.w, fma(dp_a1.z, dp_b1.z, fma(dp_a1.y, dp_b1.y, fma(dp_a1.x, dp_b1.x, dp_1_1))));
      dp_1_2 = fma(dp_a1.w, dp_b2.w, fma(dp_a1.z, dp_b2.z, fma(dp_a1.y, dp_b2.y, fma(dp_a1.x, dp_b2.x, dp_1_2))));
      dp_1_3 = fma(dp_a1.w, dp_b3.w, fma(dp_a1.z, dp_b3.z, fma(dp_a1.y, dp_b3.y, fma(dp_a1.x, dp_b3.x, dp_1_3))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 8u))) {
          p = exp(s_0_1 - L0);
          
        }
        let dp = dp_0_1;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 16u))) {
          p = exp(s_0_2 - L0);
          
        }
        let dp = dp_0_2;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 24u))) {
          p = exp(s_0_3 - L0);
          
        }
        let dp = dp_0_3;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 0u))) {
          p = exp(s_1_0 - L1);
          
        }
        let dp = dp_1_0;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 8u))) {
          p = exp(s_1_1 - L1);
          
        }
        let dp = dp_1_1;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 16u))) {
          p = exp(s_1_2 - L1);
          
        }
        let dp = dp_1_2;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 24u))) {
          p = exp(s_1_3 - L1);
          
        }
        let dp = dp_1_3;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D1);
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      for (var k = 0u; k < 32u; k++) {
      let dv_a0 = pz_s[k * 9u + t_at + 0u];
      let dv_b0 = g_s[k * 5u + t_bt + 0u];
      dv_0_0 = fma(vec4<f32>(dv_a0[0]), dv_b0, dv_0_0);
      dv_1_0 = fma(vec4<f32>(dv_a0[1]), dv_b0, dv_1_0);
      dv_2_0 = fma(vec4<f32>(dv_a0[2]), dv_b0, dv_2_0);
      dv_3_0 = fma(vec4<f32>(dv_a0[3]), dv_b0, dv_3_0);
      let dk_a0 = ds_s[k * 9u + t_at + 0u];
      let dk_b0 = q_s[k * 5u + t_bt + 0u];
      dk_0_0 = fma(vec4<f32>(dk_a0[0]), dk_b0, dk_0_0);
      dk_1_0 = fma(vec4<f32>(dk_a0[1]), dk_b0, dk_1_0);
      dk_2_0 = fma(vec4<f32>(dk_a0[2]), dk_b0, dk_2_0);
      dk_3_0 = fma(vec4<f32>(dk_a0[3]), dk_b0, dk_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 32u) {
    let dk_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dk_row0 < u.tk) {
    let dk_row0_scale = 1.0;
    for (var t = 0u; t < 4u; t++) { if ((t_bt + 0u) * 4u + t < u.d) { dk_set(bh * u.tk * u.d + dk_row0 * u.d + (t_bt + 0u) * 4u + t, (dk_row0_scale * dk_0_0)[t]); } }
  }
  let dk_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dk_row1 < u.tk) {
    let dk_row1_scale = 1.0;
    for (var t = 0u; t < 4u; t++) { if ((t_bt + 0u) * 4u + t < u.d) { dk_set(bh * u.tk * u.d + dk_row1 * u.d + (t_bt + 0u) * 4u + t, (dk_row1_scale * dk_1_0)[t]); } }
  }
  let dk_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dk_row2 < u.tk) {
    let dk_row2_scale = 1.0;
    for (var t = 0u; t < 4u; t++) { if ((t_bt + 0u) * 4u + t < u.d) { dk_set(bh * u.tk * u.d + dk_row2 * u.d + (t_bt + 0u) * 4u + t, (dk_row2_scale * dk_2_0)[t]); } }
  }
  let dk_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dk_row3 < u.tk) {
    let dk_row3_scale = 1.0;
    for (var t = 0u; t < 4u; t++) { if ((t_bt + 0u) * 4u + t < u.d) { dk_set(bh * u.tk * u.d + dk_row3 * u.d + (t_bt + 0u) * 4u + t, (dk_row3_scale * dk_3_0)[t]); } }
  }
    let dv_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dv_row0 < u.tk) {
    let dv_row0_scale = 1.0;
    for (var t = 0u; t < 4u; t++) { if ((t_bt + 0u) * 4u + t < u.dv) { dv_set(bh * u.tk * u.dv + dv_row0 * u.dv + (t_bt + 0u) * 4u + t, (dv_row0_scale * dv_0_0)[t]); } }
  }
  let dv_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dv_row1 < u.tk) {
    let dv_row1_scale = 1.0;
    for (var t = 0u; t < 4u; t++) { if ((t_bt + 0u) * 4u + t < u.dv) { dv_set(bh * u.tk * u.dv + dv_row1 * u.dv + (t_bt + 0u) * 4u + t, (dv_row1_scale * dv_1_0)[t]); } }
  }
  let dv_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dv_row2 < u.tk) {
    let dv_row2_scale = 1.0;
    for (var t = 0u; t < 4u; t++) { if ((t_bt + 0u) * 4u + t < u.dv) { dv_set(bh * u.tk * u.dv + dv_row2 * u.dv + (t_bt + 0u) * 4u + t, (dv_row2_scale * dv_2_0)[t]); } }
  }
  let dv_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dv_row3 < u.tk) {
    let dv_row3_scale = 1.0;
    for (var t = 0u; t < 4u; t++) { if ((t_bt + 0u) * 4u + t < u.dv) { dv_set(bh * u.tk * u.dv + dv_row3 * u.dv + (t_bt + 0u) * 4u + t, (dv_row3_scale * dv_3_0)[t]); } }
  }
  }
}

// ---- flashAttentionBackward-dkdv:d16:dv16:plain:mask1:vec4:br32:bc32:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dk:f32:read_write:vec4,dv:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dk_offset:u32,dv_offset:u32,k_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dk_offset: u32,
  dv_offset: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dk: array<vec4<f32>>;
fn dk_get4(j: u32) -> vec4<f32> { return dk[u.dk_offset + j]; }
fn dk_set4(j: u32, v: vec4<f32>) { dk[u.dk_offset + j] = v; }
@group(0) @binding(9) var<storage, read_write> dv: array<vec4<f32>>;
fn dv_get4(j: u32) -> vec4<f32> { return dv[u.dv_offset + j]; }
fn dv_set4(j: u32, v: vec4<f32>) { dv[u.dv_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> k_s: array<vec4<f32>, 160>;
var<workgroup> v_s: array<vec4<f32>, 160>;
var<workgroup> q_s: array<vec4<f32>, 160>;
var<workgroup> g_s: array<vec4<f32>, 160>;
var<workgroup> pz_s: array<vec4<f32>, 288>;
var<workgroup> ds_s: array<vec4<f32>, 288>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 32u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see no key here.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 32u) * 32u;
  let m_base = mask_base(bh);
  let q_base = bh * u.tq * u.d;
  let g_base = bh * u.tq * u.dv;
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.d4) { x = k_get4((bh * u.tk * u.d + gr * u.d) / 4u + c4); }
      k_s[r * 5u + c4] = x;
    }
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.dv4) { x = v_get4((bh * u.tk * u.dv + gr * u.dv) / 4u + c4); }
      v_s[r * 5u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0; var dp_0_2 = 0.0; var dp_0_3 = 0.0; var dp_1_0 = 0.0; var dp_1_1 = 0.0; var dp_1_2 = 0.0; var dp_1_3 = 0.0;
  let t_at = lid / 4u;
  let t_bt = lid % 4u;
  var dk_0_0 = vec4<f32>(); var dk_1_0 = vec4<f32>(); var dk_2_0 = vec4<f32>(); var dk_3_0 = vec4<f32>();
  var dv_0_0 = vec4<f32>(); var dv_1_0 = vec4<f32>(); var dv_2_0 = vec4<f32>(); var dv_3_0 = vec4<f32>();
  var pq0 = vec4<f32>();
  var pg0 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = first + (lid + 0u) / 4u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq0 = q_get4((q_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 4u; let gr = first + (lid + 0u) / 4u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg0 = g_get4((g_base + gr * u.dv) / 4u + c4); } }

  for (var i0 = first; i0 < u.tq; i0 += 32u) {
    let rn = min(32u, u.tq - i0);
    { q_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = u.scale * pq0; }
    { g_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pg0; }
    workgroupBarrier();
    if (i0 + 32u < u.tq) { { let c4 = (lid + 0u) % 4u; let gr = i0 + 32u + (lid + 0u) / 4u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq0 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 0u) % 4u; let gr = i0 + 32u + (lid + 0u) / 4u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg0 = g_get4((g_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      let live0 = (i0 + (n_at + 0u)) < u.tq;
      let limit0 = select(0u, last_key((i0 + (n_at + 0u))), live0);
      var L0 = 0.0;
      var D0 = 0.0;
      if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_at + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_at + 0u))); }
      let live1 = (i0 + (n_at + 16u)) < u.tq;
      let limit1 = select(0u, last_key((i0 + (n_at + 16u))), live1);
      var L1 = 0.0;
      var D1 = 0.0;
      if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_at + 16u))); D1 = delta_get(bh * u.tq + (i0 + (n_at + 16u))); }
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0; dp_0_2 = 0.0; dp_0_3 = 0.0; dp_1_0 = 0.0; dp_1_1 = 0.0; dp_1_2 = 0.0; dp_1_3 = 0.0;
      let s_ao0 = (n_at + 0u) * 5u;
    let s_ao1 = (n_at + 16u) * 5u;
    let s_bo0 = (n_bt + 0u) * 5u;
    let s_bo1 = (n_bt + 8u) * 5u;
    let s_bo2 = (n_bt + 16u) * 5u;
    let s_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = q_s[s_ao0 + k4];
      let s_a1 = q_s[s_ao1 + k4];
      let s_b0 = k_s[s_bo0 + k4];
      let s_b1 = k_s[s_bo1 + k4];
      let s_b2 = k_s[s_bo2 + k4];
      let s_b3 = k_s[s_bo3 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_0_2 = fma(s_a0.w, s_b2.w, fma(s_a0.z, s_b2.z, fma(s_a0.y, s_b2.y, fma(s_a0.x, s_b2.x, s_0_2))));
      s_0_3 = fma(s_a0.w, s_b3.w, fma(s_a0.z, s_b3.z, fma(s_a0.y, s_b3.y, fma(s_a0.x, s_b3.x, s_0_3))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
      s_1_2 = fma(s_a1.w, s_b2.w, fma(s_a1.z, s_b2.z, fma(s_a1.y, s_b2.y, fma(s_a1.x, s_b2.x, s_1_2))));
      s_1_3 = fma(s_a1.w, s_b3.w, fma(s_a1.z, s_b3.z, fma(s_a1.y, s_b3.y, fma(s_a1.x, s_b3.x, s_1_3))));
    }
      let dp_ao0 = (n_at + 0u) * 5u;
    let dp_ao1 = (n_at + 16u) * 5u;
    let dp_bo0 = (n_bt + 0u) * 5u;
    let dp_bo1 = (n_bt + 8u) * 5u;
    let dp_bo2 = (n_bt + 16u) * 5u;
    let dp_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let dp_a0 = g_s[dp_ao0 + k4];
      let dp_a1 = g_s[dp_ao1 + k4];
      let dp_b0 = v_s[dp_bo0 + k4];
      let dp_b1 = v_s[dp_bo1 + k4];
      let dp_b2 = v_s[dp_bo2 + k4];
      let dp_b3 = v_s[dp_bo3 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
      dp_0_2 = fma(dp_a0.w, dp_b2.w, fma(dp_a0.z, dp_b2.z, fma(dp_a0.y, dp_b2.y, fma(dp_a0.x, dp_b2.x, dp_0_2))));
      dp_0_3 = fma(dp_a0.w, dp_b3.w, fma(dp_a0.z, dp_b3.z, fma(dp_a0.y, dp_b3.y, fma(dp_a0.x, dp_b3.x, dp_0_3))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
      dp_1_1 = fma(dp_a1.w, dp_b1.w, fma(dp_a1.z, dp_b1.z, fma(dp_a1.y, dp_b1.y, fma(dp_a1.x, dp_b1.x, dp_1_1))));
      dp_1_2 = fma(dp_a1.w, dp_b2.w, fma(dp_a1.z, dp_b2.z, fma(dp_a1.y, dp_b2.y, fma(dp_a1.x, dp_b2.x, dp_1_2))));
      dp_1_3 = fma(dp_a1.w, dp_b3.w, fma(dp_a1.z, dp_b3.z, fma(dp_a1.y, dp_b3.y, fma(dp_a1.x, dp_b3.x, dp_1_3))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 8u))) {
          p = exp(s_0_1 - L0);
          
        }
        let dp = dp_0_1;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 16u))) {
          p = exp(s_0_2 - L0);
          
        }
        let dp = dp_0_2;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 24u))) {
          p = exp(s_0_3 - L0);
          
        }
        let dp = dp_0_3;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 0u))) {
          p = exp(s_1_0 - L1);
          
        }
        let dp = dp_1_0;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 8u))) {
          p = exp(s_1_1 - L1);
          
        }
        let dp = dp_1_1;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 16u))) {
          p = exp(s_1_2 - L1);
          
        }
        let dp = dp_1_2;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 24u))) {
          p = exp(s_1_3 - L1);
          
        }
        let dp = dp_1_3;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D1);
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      for (var k = 0u; k < 32u; k++) {
      let dv_a0 = pz_s[k * 9u + t_at + 0u];
      let dv_b0 = g_s[k * 5u + t_bt + 0u];
      dv_0_0 = fma(vec4<f32>(dv_a0[0]), dv_b0, dv_0_0);
      dv_1_0 = fma(vec4<f32>(dv_a0[1]), dv_b0, dv_1_0);
      dv_2_0 = fma(vec4<f32>(dv_a0[2]), dv_b0, dv_2_0);
      dv_3_0 = fma(vec4<f32>(dv_a0[3]), dv_b0, dv_3_0);
      let dk_a0 = ds_s[k * 9u + t_at + 0u];
      let dk_b0 = q_s[k * 5u + t_bt + 0u];
      dk_0_0 = fma(vec4<f32>(dk_a0[0]), dk_b0, dk_0_0);
      dk_1_0 = fma(vec4<f32>(dk_a0[1]), dk_b0, dk_1_0);
      dk_2_0 = fma(vec4<f32>(dk_a0[2]), dk_b0, dk_2_0);
      dk_3_0 = fma(vec4<f32>(dk_a0[3]), dk_b0, dk_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 32u) {
    let dk_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dk_row0 < u.tk) {
    let dk_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row0 * u.d) / 4u + (t_bt + 0u), dk_row0_scale * dk_0_0); }
  }
  let dk_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dk_row1 < u.tk) {
    let dk_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row1 * u.d) / 4u + (t_bt + 0u), dk_row1_scale * dk_1_0); }
  }
  let dk_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dk_row2 < u.tk) {
    let dk_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row2 * u.d) / 4u + (t_bt + 0u), dk_row2_scale * dk_2_0); }
  }
  let dk_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dk_row3 < u.tk) {
    let dk_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row3 * u.d) / 4u + (t_bt + 0u), dk_row3_scale * dk_3_0); }
  }
    let dv_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dv_row0 < u.tk) {
    let dv_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row0 * u.dv) / 4u + (t_bt + 0u), dv_row0_scale * dv_0_0); }
  }
  let dv_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dv_row1 < u.tk) {
    let dv_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row1 * u.dv) / 4u + (t_bt + 0u), dv_row1_scale * dv_1_0); }
  }
  let dv_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dv_row2 < u.tk) {
    let dv_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row2 * u.dv) / 4u + (t_bt + 0u), dv_row2_scale * dv_2_0); }
  }
  let dv_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dv_row3 < u.tk) {
    let dv_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row3 * u.dv) / 4u + (t_bt + 0u), dv_row3_scale * dv_3_0); }
  }
  }
}

// ---- flashAttentionBackward-dkdv:d16:dv32:plain:mask:vec4:br32:bc32:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dk:f32:read_write:vec4,dv:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dk_offset:u32,dv_offset:u32,k_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dk_offset: u32,
  dv_offset: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dk: array<vec4<f32>>;
fn dk_get4(j: u32) -> vec4<f32> { return dk[u.dk_offset + j]; }
fn dk_set4(j: u32, v: vec4<f32>) { dk[u.dk_offset + j] = v; }
@group(0) @binding(9) var<storage, read_write> dv: array<vec4<f32>>;
fn dv_get4(j: u32) -> vec4<f32> { return dv[u.dv_offset + j]; }
fn dv_set4(j: u32, v: vec4<f32>) { dv[u.dv_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = false;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> k_s: array<vec4<f32>, 160>;
var<workgroup> v_s: array<vec4<f32>, 288>;
var<workgroup> q_s: array<vec4<f32>, 160>;
var<workgroup> g_s: array<vec4<f32>, 288>;
var<workgroup> pz_s: array<vec4<f32>, 288>;
var<workgroup> ds_s: array<vec4<f32>, 288>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 32u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see no key here.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 32u) * 32u;
  let m_base = mask_base(bh);
  let q_base = bh * u.tq * u.d;
  let g_base = bh * u.tq * u.dv;
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.d4) { x = k_get4((bh * u.tk * u.d + gr * u.d) / 4u + c4); }
      k_s[r * 5u + c4] = x;
    }
  for (var e = lid; e < 256u; e += 128u) {
      let c4 = e % 8u;
      let r = e / 8u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.dv4) { x = v_get4((bh * u.tk * u.dv + gr * u.dv) / 4u + c4); }
      v_s[r * 9u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0; var dp_0_2 = 0.0; var dp_0_3 = 0.0; var dp_1_0 = 0.0; var dp_1_1 = 0.0; var dp_1_2 = 0.0; var dp_1_3 = 0.0;
  let t_at = lid / 4u;
  let t_bt = lid % 4u;
  var dk_0_0 = vec4<f32>(); var dk_1_0 = vec4<f32>(); var dk_2_0 = vec4<f32>(); var dk_3_0 = vec4<f32>();
  var dv_0_0 = vec4<f32>(); var dv_0_1 = vec4<f32>(); var dv_1_0 = vec4<f32>(); var dv_1_1 = vec4<f32>(); var dv_2_0 = vec4<f32>(); var dv_2_1 = vec4<f32>(); var dv_3_0 = vec4<f32>(); var dv_3_1 = vec4<f32>();
  var pq0 = vec4<f32>();
  var pg0 = vec4<f32>(); var pg1 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = first + (lid + 0u) / 4u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq0 = q_get4((q_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 8u; let gr = first + (lid + 0u) / 8u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg0 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = first + (lid + 128u) / 8u; pg1 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg1 = g_get4((g_base + gr * u.dv) / 4u + c4); } }

  for (var i0 = first; i0 < u.tq; i0 += 32u) {
    let rn = min(32u, u.tq - i0);
    { q_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = u.scale * pq0; }
    { g_s[((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = pg0; }
    { g_s[((lid + 128u) / 8u) * 9u + (lid + 128u) % 8u] = pg1; }
    workgroupBarrier();
    if (i0 + 32u < u.tq) { { let c4 = (lid + 0u) % 4u; let gr = i0 + 32u + (lid + 0u) / 4u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq0 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 0u) % 8u; let gr = i0 + 32u + (lid + 0u) / 8u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg0 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = i0 + 32u + (lid + 128u) / 8u; pg1 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg1 = g_get4((g_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      let live0 = (i0 + (n_at + 0u)) < u.tq;
      let limit0 = select(0u, last_key((i0 + (n_at + 0u))), live0);
      var L0 = 0.0;
      var D0 = 0.0;
      if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_at + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_at + 0u))); }
      let live1 = (i0 + (n_at + 16u)) < u.tq;
      let limit1 = select(0u, last_key((i0 + (n_at + 16u))), live1);
      var L1 = 0.0;
      var D1 = 0.0;
      if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_at + 16u))); D1 = delta_get(bh * u.tq + (i0 + (n_at + 16u))); }
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0; dp_0_2 = 0.0; dp_0_3 = 0.0; dp_1_0 = 0.0; dp_1_1 = 0.0; dp_1_2 = 0.0; dp_1_3 = 0.0;
      let s_ao0 = (n_at + 0u) * 5u;
    let s_ao1 = (n_at + 16u) * 5u;
    let s_bo0 = (n_bt + 0u) * 5u;
    let s_bo1 = (n_bt + 8u) * 5u;
    let s_bo2 = (n_bt + 16u) * 5u;
    let s_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = q_s[s_ao0 + k4];
      let s_a1 = q_s[s_ao1 + k4];
      let s_b0 = k_s[s_bo0 + k4];
      let s_b1 = k_s[s_bo1 + k4];
      let s_b2 = k_s[s_bo2 + k4];
      let s_b3 = k_s[s_bo3 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_0_2 = fma(s_a0.w, s_b2.w, fma(s_a0.z, s_b2.z, fma(s_a0.y, s_b2.y, fma(s_a0.x, s_b2.x, s_0_2))));
      s_0_3 = fma(s_a0.w, s_b3.w, fma(s_a0.z, s_b3.z, fma(s_a0.y, s_b3.y, fma(s_a0.x, s_b3.x, s_0_3))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
      s_1_2 = fma(s_a1.w, s_b2.w, fma(s_a1.z, s_b2.z, fma(s_a1.y, s_b2.y, fma(s_a1.x, s_b2.x, s_1_2))));
      s_1_3 = fma(s_a1.w, s_b3.w, fma(s_a1.z, s_b3.z, fma(s_a1.y, s_b3.y, fma(s_a1.x, s_b3.x, s_1_3))));
    }
      let dp_ao0 = (n_at + 0u) * 9u;
    let dp_ao1 = (n_at + 16u) * 9u;
    let dp_bo0 = (n_bt + 0u) * 9u;
    let dp_bo1 = (n_bt + 8u) * 9u;
    let dp_bo2 = (n_bt + 16u) * 9u;
    let dp_bo3 = (n_bt + 24u) * 9u;
    for (var k4 = 0u; k4 < 8u; k4++) {
      let dp_a0 = g_s[dp_ao0 + k4];
      let dp_a1 = g_s[dp_ao1 + k4];
      let dp_b0 = v_s[dp_bo0 + k4];
      let dp_b1 = v_s[dp_bo1 + k4];
      let dp_b2 = v_s[dp_bo2 + k4];
      let dp_b3 = v_s[dp_bo3 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
      dp_0_2 = fma(dp_a0.w, dp_b2.w, fma(dp_a0.z, dp_b2.z, fma(dp_a0.y, dp_b2.y, fma(dp_a0.x, dp_b2.x, dp_0_2))));
      dp_0_3 = fma(dp_a0.w, dp_b3.w, fma(dp_a0.z, dp_b3.z, fma(dp_a0.y, dp_b3.y, fma(dp_a0.x, dp_b3.x, dp_0_3))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
      dp_1_1 = fma(dp_a1.w, dp_b1.w, fma(dp_a1.z, dp_b1.z, fma(dp_a1.y, dp_b1.y, fma(dp_a1.x, dp_b1.x, dp_1_1))));
      dp_1_2 = fma(dp_a1.w, dp_b2.w, fma(dp_a1.z, dp_b2.z, fma(dp_a1.y, dp_b2.y, fma(dp_a1.x, dp_b2.x, dp_1_2))));
      dp_1_3 = fma(dp_a1.w, dp_b3.w, fma(dp_a1.z, dp_b3.z, fma(dp_a1.y, dp_b3.y, fma(dp_a1.x, dp_b3.x, dp_1_3))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 8u))) {
          p = exp(s_0_1 - L0);
          
        }
        let dp = dp_0_1;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 16u))) {
          p = exp(s_0_2 - L0);
          
        }
        let dp = dp_0_2;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 24u))) {
          p = exp(s_0_3 - L0);
          
        }
        let dp = dp_0_3;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 0u))) {
          p = exp(s_1_0 - L1);
          
        }
        let dp = dp_1_0;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 8u))) {
          p = exp(s_1_1 - L1);
          
        }
        let dp = dp_1_1;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 16u))) {
          p = exp(s_1_2 - L1);
          
        }
        let dp = dp_1_2;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 24u))) {
          p = exp(s_1_3 - L1);
          
        }
        let dp = dp_1_3;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D1);
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      for (var k = 0u; k < 32u; k++) {
      let dv_a0 = pz_s[k * 9u + t_at + 0u];
      let dv_b0 = g_s[k * 9u + t_bt + 0u];
      let dv_b1 = g_s[k * 9u + t_bt + 4u];
      dv_0_0 = fma(vec4<f32>(dv_a0[0]), dv_b0, dv_0_0);
      dv_0_1 = fma(vec4<f32>(dv_a0[0]), dv_b1, dv_0_1);
      dv_1_0 = fma(vec4<f32>(dv_a0[1]), dv_b0, dv_1_0);
      dv_1_1 = fma(vec4<f32>(dv_a0[1]), dv_b1, dv_1_1);
      dv_2_0 = fma(vec4<f32>(dv_a0[2]), dv_b0, dv_2_0);
      dv_2_1 = fma(vec4<f32>(dv_a0[2]), dv_b1, dv_2_1);
      dv_3_0 = fma(vec4<f32>(dv_a0[3]), dv_b0, dv_3_0);
      dv_3_1 = fma(vec4<f32>(dv_a0[3]), dv_b1, dv_3_1);
      let dk_a0 = ds_s[k * 9u + t_at + 0u];
      let dk_b0 = q_s[k * 5u + t_bt + 0u];
      dk_0_0 = fma(vec4<f32>(dk_a0[0]), dk_b0, dk_0_0);
      dk_1_0 = fma(vec4<f32>(dk_a0[1]), dk_b0, dk_1_0);
      dk_2_0 = fma(vec4<f32>(dk_a0[2]), dk_b0, dk_2_0);
      dk_3_0 = fma(vec4<f32>(dk_a0[3]), dk_b0, dk_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 32u) {
    let dk_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dk_row0 < u.tk) {
    let dk_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row0 * u.d) / 4u + (t_bt + 0u), dk_row0_scale * dk_0_0); }
  }
  let dk_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dk_row1 < u.tk) {
    let dk_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row1 * u.d) / 4u + (t_bt + 0u), dk_row1_scale * dk_1_0); }
  }
  let dk_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dk_row2 < u.tk) {
    let dk_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row2 * u.d) / 4u + (t_bt + 0u), dk_row2_scale * dk_2_0); }
  }
  let dk_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dk_row3 < u.tk) {
    let dk_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row3 * u.d) / 4u + (t_bt + 0u), dk_row3_scale * dk_3_0); }
  }
    let dv_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dv_row0 < u.tk) {
    let dv_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row0 * u.dv) / 4u + (t_bt + 0u), dv_row0_scale * dv_0_0); }
    if ((t_bt + 4u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row0 * u.dv) / 4u + (t_bt + 4u), dv_row0_scale * dv_0_1); }
  }
  let dv_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dv_row1 < u.tk) {
    let dv_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row1 * u.dv) / 4u + (t_bt + 0u), dv_row1_scale * dv_1_0); }
    if ((t_bt + 4u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row1 * u.dv) / 4u + (t_bt + 4u), dv_row1_scale * dv_1_1); }
  }
  let dv_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dv_row2 < u.tk) {
    let dv_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row2 * u.dv) / 4u + (t_bt + 0u), dv_row2_scale * dv_2_0); }
    if ((t_bt + 4u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row2 * u.dv) / 4u + (t_bt + 4u), dv_row2_scale * dv_2_1); }
  }
  let dv_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dv_row3 < u.tk) {
    let dv_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row3 * u.dv) / 4u + (t_bt + 0u), dv_row3_scale * dv_3_0); }
    if ((t_bt + 4u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row3 * u.dv) / 4u + (t_bt + 4u), dv_row3_scale * dv_3_1); }
  }
  }
}

// ---- flashAttentionBackward-dkdv:d256:dv256:plain:mask1:vec4:br8:bc8:t32:unrolled:direct|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dk:f32:read_write:vec4,dv:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dk_offset:u32,dv_offset:u32,k_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dk_offset: u32,
  dv_offset: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dk: array<vec4<f32>>;
fn dk_get4(j: u32) -> vec4<f32> { return dk[u.dk_offset + j]; }
fn dk_set4(j: u32, v: vec4<f32>) { dk[u.dk_offset + j] = v; }
@group(0) @binding(9) var<storage, read_write> dv: array<vec4<f32>>;
fn dv_get4(j: u32) -> vec4<f32> { return dv[u.dv_offset + j]; }
fn dv_set4(j: u32, v: vec4<f32>) { dv[u.dv_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> k_s: array<vec4<f32>, 520>;
var<workgroup> v_s: array<vec4<f32>, 520>;
var<workgroup> q_s: array<vec4<f32>, 520>;
var<workgroup> g_s: array<vec4<f32>, 520>;
var<workgroup> pz_s: array<vec4<f32>, 24>;
var<workgroup> ds_s: array<vec4<f32>, 24>;

@compute @workgroup_size(32)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 8u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see no key here.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 8u) * 8u;
  let m_base = mask_base(bh);
  let q_base = bh * u.tq * u.d;
  let g_base = bh * u.tq * u.dv;
  for (var e = lid; e < 512u; e += 32u) {
      let c4 = e % 64u;
      let r = e / 64u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.d4) { x = k_get4((bh * u.tk * u.d + gr * u.d) / 4u + c4); }
      k_s[r * 65u + c4] = x;
    }
  for (var e = lid; e < 512u; e += 32u) {
      let c4 = e % 64u;
      let r = e / 64u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.dv4) { x = v_get4((bh * u.tk * u.dv + gr * u.dv) / 4u + c4); }
      v_s[r * 65u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  var s_0_0 = 0.0; var s_1_0 = 0.0;
  var dp_0_0 = 0.0; var dp_1_0 = 0.0;
  let t_at = lid / 16u;
  let t_bt = lid % 16u;
  var dk_0_0 = vec4<f32>(); var dk_0_1 = vec4<f32>(); var dk_0_2 = vec4<f32>(); var dk_0_3 = vec4<f32>(); var dk_1_0 = vec4<f32>(); var dk_1_1 = vec4<f32>(); var dk_1_2 = vec4<f32>(); var dk_1_3 = vec4<f32>(); var dk_2_0 = vec4<f32>(); var dk_2_1 = vec4<f32>(); var dk_2_2 = vec4<f32>(); var dk_2_3 = vec4<f32>(); var dk_3_0 = vec4<f32>(); var dk_3_1 = vec4<f32>(); var dk_3_2 = vec4<f32>(); var dk_3_3 = vec4<f32>();
  var dv_0_0 = vec4<f32>(); var dv_0_1 = vec4<f32>(); var dv_0_2 = vec4<f32>(); var dv_0_3 = vec4<f32>(); var dv_1_0 = vec4<f32>(); var dv_1_1 = vec4<f32>(); var dv_1_2 = vec4<f32>(); var dv_1_3 = vec4<f32>(); var dv_2_0 = vec4<f32>(); var dv_2_1 = vec4<f32>(); var dv_2_2 = vec4<f32>(); var dv_2_3 = vec4<f32>(); var dv_3_0 = vec4<f32>(); var dv_3_1 = vec4<f32>(); var dv_3_2 = vec4<f32>(); var dv_3_3 = vec4<f32>();
  

  for (var i0 = first; i0 < u.tq; i0 += 8u) {
    let rn = min(8u, u.tq - i0);
    for (var e = lid; e < 512u; e += 32u) {
      let c4 = e % 64u;
      let r = e / 64u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((q_base + gr * u.d) / 4u + c4); }
      q_s[r * 65u + c4] = u.scale * x;
    }
    for (var e = lid; e < 512u; e += 32u) {
      let c4 = e % 64u;
      let r = e / 64u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.dv4) { x = g_get4((g_base + gr * u.dv) / 4u + c4); }
      g_s[r * 65u + c4] = x;
    }
    workgroupBarrier();
    
    if (lid < 32u) {
      let live0 = (i0 + (n_at + 0u)) < u.tq;
      let limit0 = select(0u, last_key((i0 + (n_at + 0u))), live0);
      var L0 = 0.0;
      var D0 = 0.0;
      if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_at + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_at + 0u))); }
      let live1 = (i0 + (n_at + 4u)) < u.tq;
      let limit1 = select(0u, last_key((i0 + (n_at + 4u))), live1);
      var L1 = 0.0;
      var D1 = 0.0;
      if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_at + 4u))); D1 = delta_get(bh * u.tq + (i0 + (n_at + 4u))); }
      s_0_0 = 0.0; s_1_0 = 0.0;
      dp_0_0 = 0.0; dp_1_0 = 0.0;
      let s_ao0 = (n_at + 0u) * 65u;
    let s_ao1 = (n_at + 4u) * 65u;
    let s_bo0 = (n_bt + 0u) * 65u;
    for (var k4 = 0u; k4 < 64u; k4++) {
      let s_a0 = q_s[s_ao0 + k4];
      let s_a1 = q_s[s_ao1 + k4];
      let s_b0 = k_s[s_bo0 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
    }
      let dp_ao0 = (n_at + 0u) * 65u;
    let dp_ao1 = (n_at + 4u) * 65u;
    let dp_bo0 = (n_bt + 0u) * 65u;
    for (var k4 = 0u; k4 < 64u; k4++) {
      let dp_a0 = g_s[dp_ao0 + k4];
      let dp_a1 = g_s[dp_ao1 + k4];
      let dp_b0 = v_s[dp_bo0 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        pz_s[((n_at + 0u)) * 3u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 3u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 4u), j0 + (n_bt + 0u))) {
          p = exp(s_1_0 - L1);
          
        }
        let dp = dp_1_0;
        pz_s[((n_at + 4u)) * 3u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 4u)) * 3u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D1);
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      for (var k = 0u; k < 8u; k++) {
      let dv_a0 = pz_s[k * 3u + t_at + 0u];
      let dv_b0 = g_s[k * 65u + t_bt + 0u];
      let dv_b1 = g_s[k * 65u + t_bt + 16u];
      let dv_b2 = g_s[k * 65u + t_bt + 32u];
      let dv_b3 = g_s[k * 65u + t_bt + 48u];
      dv_0_0 = fma(vec4<f32>(dv_a0[0]), dv_b0, dv_0_0);
      dv_0_1 = fma(vec4<f32>(dv_a0[0]), dv_b1, dv_0_1);
      dv_0_2 = fma(vec4<f32>(dv_a0[0]), dv_b2, dv_0_2);
      dv_0_3 = fma(vec4<f32>(dv_a0[0]), dv_b3, dv_0_3);
      dv_1_0 = fma(vec4<f32>(dv_a0[1]), dv_b0, dv_1_0);
      dv_1_1 = fma(vec4<f32>(dv_a0[1]), dv_b1, dv_1_1);
      dv_1_2 = fma(vec4<f32>(dv_a0[1]), dv_b2, dv_1_2);
      dv_1_3 = fma(vec4<f32>(dv_a0[1]), dv_b3, dv_1_3);
      dv_2_0 = fma(vec4<f32>(dv_a0[2]), dv_b0, dv_2_0);
      dv_2_1 = fma(vec4<f32>(dv_a0[2]), dv_b1, dv_2_1);
      dv_2_2 = fma(vec4<f32>(dv_a0[2]), dv_b2, dv_2_2);
      dv_2_3 = fma(vec4<f32>(dv_a0[2]), dv_b3, dv_2_3);
      dv_3_0 = fma(vec4<f32>(dv_a0[3]), dv_b0, dv_3_0);
      dv_3_1 = fma(vec4<f32>(dv_a0[3]), dv_b1, dv_3_1);
      dv_3_2 = fma(vec4<f32>(dv_a0[3]), dv_b2, dv_3_2);
      dv_3_3 = fma(vec4<f32>(dv_a0[3]), dv_b3, dv_3_3);
      let dk_a0 = ds_s[k * 3u + t_at + 0u];
      let dk_b0 = q_s[k * 65u + t_bt + 0u];
      let dk_b1 = q_s[k * 65u + t_bt + 16u];
      let dk_b2 = q_s[k * 65u + t_bt + 32u];
      let dk_b3 = q_s[k * 65u + t_bt + 48u];
      dk_0_0 = fma(vec4<f32>(dk_a0[0]), dk_b0, dk_0_0);
      dk_0_1 = fma(vec4<f32>(dk_a0[0]), dk_b1, dk_0_1);
      dk_0_2 = fma(vec4<f32>(dk_a0[0]), dk_b2, dk_0_2);
      dk_0_3 = fma(vec4<f32>(dk_a0[0]), dk_b3, dk_0_3);
      dk_1_0 = fma(vec4<f32>(dk_a0[1]), dk_b0, dk_1_0);
      dk_1_1 = fma(vec4<f32>(dk_a0[1]), dk_b1, dk_1_1);
      dk_1_2 = fma(vec4<f32>(dk_a0[1]), dk_b2, dk_1_2);
      dk_1_3 = fma(vec4<f32>(dk_a0[1]), dk_b3, dk_1_3);
      dk_2_0 = fma(vec4<f32>(dk_a0[2]), dk_b0, dk_2_0);
      dk_2_1 = fma(vec4<f32>(dk_a0[2]), dk_b1, dk_2_1);
      dk_2_2 = fma(vec4<f32>(dk_a0[2]), dk_b2, dk_2_2);
      dk_2_3 = fma(vec4<f32>(dk_a0[2]), dk_b3, dk_2_3);
      dk_3_0 = fma(vec4<f32>(dk_a0[3]), dk_b0, dk_3_0);
      dk_3_1 = fma(vec4<f32>(dk_a0[3]), dk_b1, dk_3_1);
      dk_3_2 = fma(vec4<f32>(dk_a0[3]), dk_b2, dk_3_2);
      dk_3_3 = fma(vec4<f32>(dk_a0[3]), dk_b3, dk_3_3);
    }
    }
    workgroupBarrier();
  }
  if (lid < 32u) {
    let dk_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dk_row0 < u.tk) {
    let dk_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row0 * u.d) / 4u + (t_bt + 0u), dk_row0_scale * dk_0_0); }
    if ((t_bt + 16u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row0 * u.d) / 4u + (t_bt + 16u), dk_row0_scale * dk_0_1); }
    if ((t_bt + 32u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row0 * u.d) / 4u + (t_bt + 32u), dk_row0_scale * dk_0_2); }
    if ((t_bt + 48u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row0 * u.d) / 4u + (t_bt + 48u), dk_row0_scale * dk_0_3); }
  }
  let dk_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dk_row1 < u.tk) {
    let dk_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row1 * u.d) / 4u + (t_bt + 0u), dk_row1_scale * dk_1_0); }
    if ((t_bt + 16u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row1 * u.d) / 4u + (t_bt + 16u), dk_row1_scale * dk_1_1); }
    if ((t_bt + 32u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row1 * u.d) / 4u + (t_bt + 32u), dk_row1_scale * dk_1_2); }
    if ((t_bt + 48u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row1 * u.d) / 4u + (t_bt + 48u), dk_row1_scale * dk_1_3); }
  }
  let dk_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dk_row2 < u.tk) {
    let dk_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row2 * u.d) / 4u + (t_bt + 0u), dk_row2_scale * dk_2_0); }
    if ((t_bt + 16u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row2 * u.d) / 4u + (t_bt + 16u), dk_row2_scale * dk_2_1); }
    if ((t_bt + 32u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row2 * u.d) / 4u + (t_bt + 32u), dk_row2_scale * dk_2_2); }
    if ((t_bt + 48u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row2 * u.d) / 4u + (t_bt + 48u), dk_row2_scale * dk_2_3); }
  }
  let dk_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dk_row3 < u.tk) {
    let dk_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row3 * u.d) / 4u + (t_bt + 0u), dk_row3_scale * dk_3_0); }
    if ((t_bt + 16u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row3 * u.d) / 4u + (t_bt + 16u), dk_row3_scale * dk_3_1); }
    if ((t_bt + 32u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row3 * u.d) / 4u + (t_bt + 32u), dk_row3_scale * dk_3_2); }
    if ((t_bt + 48u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row3 * u.d) / 4u + (t_bt + 48u), dk_row3_scale * dk_3_3); }
  }
    let dv_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dv_row0 < u.tk) {
    let dv_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row0 * u.dv) / 4u + (t_bt + 0u), dv_row0_scale * dv_0_0); }
    if ((t_bt + 16u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row0 * u.dv) / 4u + (t_bt + 16u), dv_row0_scale * dv_0_1); }
    if ((t_bt + 32u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row0 * u.dv) / 4u + (t_bt + 32u), dv_row0_scale * dv_0_2); }
    if ((t_bt + 48u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row0 * u.dv) / 4u + (t_bt + 48u), dv_row0_scale * dv_0_3); }
  }
  let dv_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dv_row1 < u.tk) {
    let dv_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row1 * u.dv) / 4u + (t_bt + 0u), dv_row1_scale * dv_1_0); }
    if ((t_bt + 16u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row1 * u.dv) / 4u + (t_bt + 16u), dv_row1_scale * dv_1_1); }
    if ((t_bt + 32u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row1 * u.dv) / 4u + (t_bt + 32u), dv_row1_scale * dv_1_2); }
    if ((t_bt + 48u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row1 * u.dv) / 4u + (t_bt + 48u), dv_row1_scale * dv_1_3); }
  }
  let dv_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dv_row2 < u.tk) {
    let dv_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row2 * u.dv) / 4u + (t_bt + 0u), dv_row2_scale * dv_2_0); }
    if ((t_bt + 16u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row2 * u.dv) / 4u + (t_bt + 16u), dv_row2_scale * dv_2_1); }
    if ((t_bt + 32u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row2 * u.dv) / 4u + (t_bt + 32u), dv_row2_scale * dv_2_2); }
    if ((t_bt + 48u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row2 * u.dv) / 4u + (t_bt + 48u), dv_row2_scale * dv_2_3); }
  }
  let dv_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dv_row3 < u.tk) {
    let dv_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row3 * u.dv) / 4u + (t_bt + 0u), dv_row3_scale * dv_3_0); }
    if ((t_bt + 16u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row3 * u.dv) / 4u + (t_bt + 16u), dv_row3_scale * dv_3_1); }
    if ((t_bt + 32u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row3 * u.dv) / 4u + (t_bt + 32u), dv_row3_scale * dv_3_2); }
    if ((t_bt + 48u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row3 * u.dv) / 4u + (t_bt + 48u), dv_row3_scale * dv_3_3); }
  }
  }
}

// ---- flashAttentionBackward-dkdv:d32:dv32:plain:mask1:vec4:br32:bc32:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dk:f32:read_write:vec4,dv:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dk_offset:u32,dv_offset:u32,k_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dk_offset: u32,
  dv_offset: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dk: array<vec4<f32>>;
fn dk_get4(j: u32) -> vec4<f32> { return dk[u.dk_offset + j]; }
fn dk_set4(j: u32, v: vec4<f32>) { dk[u.dk_offset + j] = v; }
@group(0) @binding(9) var<storage, read_write> dv: array<vec4<f32>>;
fn dv_get4(j: u32) -> vec4<f32> { return dv[u.dv_offset + j]; }
fn dv_set4(j: u32, v: vec4<f32>) { dv[u.dv_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> k_s: array<vec4<f32>, 288>;
var<workgroup> v_s: array<vec4<f32>, 288>;
var<workgroup> q_s: array<vec4<f32>, 288>;
var<workgroup> g_s: array<vec4<f32>, 288>;
var<workgroup> pz_s: array<vec4<f32>, 288>;
var<workgroup> ds_s: array<vec4<f32>, 288>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 32u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see no key here.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 32u) * 32u;
  let m_base = mask_base(bh);
  let q_base = bh * u.tq * u.d;
  let g_base = bh * u.tq * u.dv;
  for (var e = lid; e < 256u; e += 128u) {
      let c4 = e % 8u;
      let r = e / 8u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.d4) { x = k_get4((bh * u.tk * u.d + gr * u.d) / 4u + c4); }
      k_s[r * 9u + c4] = x;
    }
  for (var e = lid; e < 256u; e += 128u) {
      let c4 = e % 8u;
      let r = e / 8u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.dv4) { x = v_get4((bh * u.tk * u.dv + gr * u.dv) / 4u + c4); }
      v_s[r * 9u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0; var dp_0_2 = 0.0; var dp_0_3 = 0.0; var dp_1_0 = 0.0; var dp_1_1 = 0.0; var dp_1_2 = 0.0; var dp_1_3 = 0.0;
  let t_at = lid / 8u;
  let t_bt = lid % 8u;
  var dk_0_0 = vec4<f32>(); var dk_1_0 = vec4<f32>(); var dk_2_0 = vec4<f32>(); var dk_3_0 = vec4<f32>();
  var dv_0_0 = vec4<f32>(); var dv_1_0 = vec4<f32>(); var dv_2_0 = vec4<f32>(); var dv_3_0 = vec4<f32>();
  var pq0 = vec4<f32>(); var pq1 = vec4<f32>();
  var pg0 = vec4<f32>(); var pg1 = vec4<f32>();
  { let c4 = (lid + 0u) % 8u; let gr = first + (lid + 0u) / 8u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq0 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = first + (lid + 128u) / 8u; pq1 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq1 = q_get4((q_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 8u; let gr = first + (lid + 0u) / 8u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg0 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = first + (lid + 128u) / 8u; pg1 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg1 = g_get4((g_base + gr * u.dv) / 4u + c4); } }

  for (var i0 = first; i0 < u.tq; i0 += 32u) {
    let rn = min(32u, u.tq - i0);
    { q_s[((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = u.scale * pq0; }
    { q_s[((lid + 128u) / 8u) * 9u + (lid + 128u) % 8u] = u.scale * pq1; }
    { g_s[((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = pg0; }
    { g_s[((lid + 128u) / 8u) * 9u + (lid + 128u) % 8u] = pg1; }
    workgroupBarrier();
    if (i0 + 32u < u.tq) { { let c4 = (lid + 0u) % 8u; let gr = i0 + 32u + (lid + 0u) / 8u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq0 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = i0 + 32u + (lid + 128u) / 8u; pq1 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq1 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 0u) % 8u; let gr = i0 + 32u + (lid + 0u) / 8u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg0 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = i0 + 32u + (lid + 128u) / 8u; pg1 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg1 = g_get4((g_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      let live0 = (i0 + (n_at + 0u)) < u.tq;
      let limit0 = select(0u, last_key((i0 + (n_at + 0u))), live0);
      var L0 = 0.0;
      var D0 = 0.0;
      if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_at + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_at + 0u))); }
      let live1 = (i0 + (n_at + 16u)) < u.tq;
      let limit1 = select(0u, last_key((i0 + (n_at + 16u))), live1);
      var L1 = 0.0;
      var D1 = 0.0;
      if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_at + 16u))); D1 = delta_get(bh * u.tq + (i0 + (n_at + 16u))); }
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0; dp_0_2 = 0.0; dp_0_3 = 0.0; dp_1_0 = 0.0; dp_1_1 = 0.0; dp_1_2 = 0.0; dp_1_3 = 0.0;
      let s_ao0 = (n_at + 0u) * 9u;
    let s_ao1 = (n_at + 16u) * 9u;
    let s_bo0 = (n_bt + 0u) * 9u;
    let s_bo1 = (n_bt + 8u) * 9u;
    let s_bo2 = (n_bt + 16u) * 9u;
    let s_bo3 = (n_bt + 24u) * 9u;
    for (var k4 = 0u; k4 < 8u; k4++) {
      let s_a0 = q_s[s_ao0 + k4];
      let s_a1 = q_s[s_ao1 + k4];
      let s_b0 = k_s[s_bo0 + k4];
      let s_b1 = k_s[s_bo1 + k4];
      let s_b2 = k_s[s_bo2 + k4];
      let s_b3 = k_s[s_bo3 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_0_2 = fma(s_a0.w, s_b2.w, fma(s_a0.z, s_b2.z, fma(s_a0.y, s_b2.y, fma(s_a0.x, s_b2.x, s_0_2))));
      s_0_3 = fma(s_a0.w, s_b3.w, fma(s_a0.z, s_b3.z, fma(s_a0.y, s_b3.y, fma(s_a0.x, s_b3.x, s_0_3))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
      s_1_2 = fma(s_a1.w, s_b2.w, fma(s_a1.z, s_b2.z, fma(s_a1.y, s_b2.y, fma(s_a1.x, s_b2.x, s_1_2))));
      s_1_3 = fma(s_a1.w, s_b3.w, fma(s_a1.z, s_b3.z, fma(s_a1.y, s_b3.y, fma(s_a1.x, s_b3.x, s_1_3))));
    }
      let dp_ao0 = (n_at + 0u) * 9u;
    let dp_ao1 = (n_at + 16u) * 9u;
    let dp_bo0 = (n_bt + 0u) * 9u;
    let dp_bo1 = (n_bt + 8u) * 9u;
    let dp_bo2 = (n_bt + 16u) * 9u;
    let dp_bo3 = (n_bt + 24u) * 9u;
    for (var k4 = 0u; k4 < 8u; k4++) {
      let dp_a0 = g_s[dp_ao0 + k4];
      let dp_a1 = g_s[dp_ao1 + k4];
      let dp_b0 = v_s[dp_bo0 + k4];
      let dp_b1 = v_s[dp_bo1 + k4];
      let dp_b2 = v_s[dp_bo2 + k4];
      let dp_b3 = v_s[dp_bo3 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
      dp_0_2 = fma(dp_a0.w, dp_b2.w, fma(dp_a0.z, dp_b2.z, fma(dp_a0.y, dp_b2.y, fma(dp_a0.x, dp_b2.x, dp_0_2))));
      dp_0_3 = fma(dp_a0.w, dp_b3.w, fma(dp_a0.z, dp_b3.z, fma(dp_a0.y, dp_b3.y, fma(dp_a0.x, dp_b3.x, dp_0_3))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
      dp_1_1 = fma(dp_a1.w, dp_b1.w, fma(dp_a1.z, dp_b1.z, fma(dp_a1.y, dp_b1.y, fma(dp_a1.x, dp_b1.x, dp_1_1))));
      dp_1_2 = fma(dp_a1.w, dp_b2.w, fma(dp_a1.z, dp_b2.z, fma(dp_a1.y, dp_b2.y, fma(dp_a1.x, dp_b2.x, dp_1_2))));
      dp_1_3 = fma(dp_a1.w, dp_b3.w, fma(dp_a1.z, dp_b3.z, fma(dp_a1.y, dp_b3.y, fma(dp_a1.x, dp_b3.x, dp_1_3))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 8u))) {
          p = exp(s_0_1 - L0);
          
        }
        let dp = dp_0_1;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 16u))) {
          p = exp(s_0_2 - L0);
          
        }
        let dp = dp_0_2;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 24u))) {
          p = exp(s_0_3 - L0);
          
        }
        let dp = dp_0_3;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 0u))) {
          p = exp(s_1_0 - L1);
          
        }
        let dp = dp_1_0;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 8u))) {
          p = exp(s_1_1 - L1);
          
        }
        let dp = dp_1_1;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 16u))) {
          p = exp(s_1_2 - L1);
          
        }
        let dp = dp_1_2;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 24u))) {
          p = exp(s_1_3 - L1);
          
        }
        let dp = dp_1_3;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D1);
      }
    }
    workgroupBarrier();
    if (lid < 64u) {
      for (var k = 0u; k < 32u; k++) {
      let dv_a0 = pz_s[k * 9u + t_at + 0u];
      let dv_b0 = g_s[k * 9u + t_bt + 0u];
      dv_0_0 = fma(vec4<f32>(dv_a0[0]), dv_b0, dv_0_0);
      dv_1_0 = fma(vec4<f32>(dv_a0[1]), dv_b0, dv_1_0);
      dv_2_0 = fma(vec4<f32>(dv_a0[2]), dv_b0, dv_2_0);
      dv_3_0 = fma(vec4<f32>(dv_a0[3]), dv_b0, dv_3_0);
      let dk_a0 = ds_s[k * 9u + t_at + 0u];
      let dk_b0 = q_s[k * 9u + t_bt + 0u];
      dk_0_0 = fma(vec4<f32>(dk_a0[0]), dk_b0, dk_0_0);
      dk_1_0 = fma(vec4<f32>(dk_a0[1]), dk_b0, dk_1_0);
      dk_2_0 = fma(vec4<f32>(dk_a0[2]), dk_b0, dk_2_0);
      dk_3_0 = fma(vec4<f32>(dk_a0[3]), dk_b0, dk_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 64u) {
    let dk_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dk_row0 < u.tk) {
    let dk_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row0 * u.d) / 4u + (t_bt + 0u), dk_row0_scale * dk_0_0); }
  }
  let dk_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dk_row1 < u.tk) {
    let dk_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row1 * u.d) / 4u + (t_bt + 0u), dk_row1_scale * dk_1_0); }
  }
  let dk_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dk_row2 < u.tk) {
    let dk_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row2 * u.d) / 4u + (t_bt + 0u), dk_row2_scale * dk_2_0); }
  }
  let dk_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dk_row3 < u.tk) {
    let dk_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row3 * u.d) / 4u + (t_bt + 0u), dk_row3_scale * dk_3_0); }
  }
    let dv_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dv_row0 < u.tk) {
    let dv_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row0 * u.dv) / 4u + (t_bt + 0u), dv_row0_scale * dv_0_0); }
  }
  let dv_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dv_row1 < u.tk) {
    let dv_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row1 * u.dv) / 4u + (t_bt + 0u), dv_row1_scale * dv_1_0); }
  }
  let dv_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dv_row2 < u.tk) {
    let dv_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row2 * u.dv) / 4u + (t_bt + 0u), dv_row2_scale * dv_2_0); }
  }
  let dv_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dv_row3 < u.tk) {
    let dv_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row3 * u.dv) / 4u + (t_bt + 0u), dv_row3_scale * dv_3_0); }
  }
  }
}

// ---- flashAttentionBackward-dkdv:d64:dv64:plain:mask1:vec4:br32:bc32:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dk:f32:read_write:vec4,dv:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dk_offset:u32,dv_offset:u32,k_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dk_offset: u32,
  dv_offset: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dk: array<vec4<f32>>;
fn dk_get4(j: u32) -> vec4<f32> { return dk[u.dk_offset + j]; }
fn dk_set4(j: u32, v: vec4<f32>) { dk[u.dk_offset + j] = v; }
@group(0) @binding(9) var<storage, read_write> dv: array<vec4<f32>>;
fn dv_get4(j: u32) -> vec4<f32> { return dv[u.dv_offset + j]; }
fn dv_set4(j: u32, v: vec4<f32>) { dv[u.dv_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> k_s: array<vec4<f32>, 544>;
var<workgroup> v_s: array<vec4<f32>, 544>;
var<workgroup> q_s: array<vec4<f32>, 544>;
var<workgroup> g_s: array<vec4<f32>, 544>;
var<workgroup> pz_s: array<vec4<f32>, 288>;
var<workgroup> ds_s: array<vec4<f32>, 288>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 32u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see no key here.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 32u) * 32u;
  let m_base = mask_base(bh);
  let q_base = bh * u.tq * u.d;
  let g_base = bh * u.tq * u.dv;
  for (var e = lid; e < 512u; e += 128u) {
      let c4 = e % 16u;
      let r = e / 16u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.d4) { x = k_get4((bh * u.tk * u.d + gr * u.d) / 4u + c4); }
      k_s[r * 17u + c4] = x;
    }
  for (var e = lid; e < 512u; e += 128u) {
      let c4 = e % 16u;
      let r = e / 16u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.dv4) { x = v_get4((bh * u.tk * u.dv + gr * u.dv) / 4u + c4); }
      v_s[r * 17u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0; var dp_0_2 = 0.0; var dp_0_3 = 0.0; var dp_1_0 = 0.0; var dp_1_1 = 0.0; var dp_1_2 = 0.0; var dp_1_3 = 0.0;
  let t_at = lid / 16u;
  let t_bt = lid % 16u;
  var dk_0_0 = vec4<f32>(); var dk_1_0 = vec4<f32>(); var dk_2_0 = vec4<f32>(); var dk_3_0 = vec4<f32>();
  var dv_0_0 = vec4<f32>(); var dv_1_0 = vec4<f32>(); var dv_2_0 = vec4<f32>(); var dv_3_0 = vec4<f32>();
  var pq0 = vec4<f32>(); var pq1 = vec4<f32>(); var pq2 = vec4<f32>(); var pq3 = vec4<f32>();
  var pg0 = vec4<f32>(); var pg1 = vec4<f32>(); var pg2 = vec4<f32>(); var pg3 = vec4<f32>();
  { let c4 = (lid + 0u) % 16u; let gr = first + (lid + 0u) / 16u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq0 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 16u; let gr = first + (lid + 128u) / 16u; pq1 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq1 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 256u) % 16u; let gr = first + (lid + 256u) / 16u; pq2 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq2 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 384u) % 16u; let gr = first + (lid + 384u) / 16u; pq3 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq3 = q_get4((q_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 16u; let gr = first + (lid + 0u) / 16u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg0 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 16u; let gr = first + (lid + 128u) / 16u; pg1 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg1 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 256u) % 16u; let gr = first + (lid + 256u) / 16u; pg2 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg2 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 384u) % 16u; let gr = first + (lid + 384u) / 16u; pg3 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg3 = g_get4((g_base + gr * u.dv) / 4u + c4); } }

  for (var i0 = first; i0 < u.tq; i0 += 32u) {
    let rn = min(32u, u.tq - i0);
    { q_s[((lid + 0u) / 16u) * 17u + (lid + 0u) % 16u] = u.scale * pq0; }
    { q_s[((lid + 128u) / 16u) * 17u + (lid + 128u) % 16u] = u.scale * pq1; }
    { q_s[((lid + 256u) / 16u) * 17u + (lid + 256u) % 16u] = u.scale * pq2; }
    { q_s[((lid + 384u) / 16u) * 17u + (lid + 384u) % 16u] = u.scale * pq3; }
    { g_s[((lid + 0u) / 16u) * 17u + (lid + 0u) % 16u] = pg0; }
    { g_s[((lid + 128u) / 16u) * 17u + (lid + 128u) % 16u] = pg1; }
    { g_s[((lid + 256u) / 16u) * 17u + (lid + 256u) % 16u] = pg2; }
    { g_s[((lid + 384u) / 16u) * 17u + (lid + 384u) % 16u] = pg3; }
    workgroupBarrier();
    if (i0 + 32u < u.tq) { { let c4 = (lid + 0u) % 16u; let gr = i0 + 32u + (lid + 0u) / 16u; pq0 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq0 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 16u; let gr = i0 + 32u + (lid + 128u) / 16u; pq1 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq1 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 256u) % 16u; let gr = i0 + 32u + (lid + 256u) / 16u; pq2 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq2 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 384u) % 16u; let gr = i0 + 32u + (lid + 384u) / 16u; pq3 = vec4<f32>(); if (gr < u.tq && c4 < u.d4) { pq3 = q_get4((q_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 0u) % 16u; let gr = i0 + 32u + (lid + 0u) / 16u; pg0 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg0 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 16u; let gr = i0 + 32u + (lid + 128u) / 16u; pg1 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg1 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 256u) % 16u; let gr = i0 + 32u + (lid + 256u) / 16u; pg2 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg2 = g_get4((g_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 384u) % 16u; let gr = i0 + 32u + (lid + 384u) / 16u; pg3 = vec4<f32>(); if (gr < u.tq && c4 < u.dv4) { pg3 = g_get4((g_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      let live0 = (i0 + (n_at + 0u)) < u.tq;
      let limit0 = select(0u, last_key((i0 + (n_at + 0u))), live0);
      var L0 = 0.0;
      var D0 = 0.0;
      if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_at + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_at + 0u))); }
      let live1 = (i0 + (n_at + 16u)) < u.tq;
      let limit1 = select(0u, last_key((i0 + (n_at + 16u))), live1);
      var L1 = 0.0;
      var D1 = 0.0;
      if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_at + 16u))); D1 = delta_get(bh * u.tq + (i0 + (n_at + 16u))); }
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0; dp_0_2 = 0.0; dp_0_3 = 0.0; dp_1_0 = 0.0; dp_1_1 = 0.0; dp_1_2 = 0.0; dp_1_3 = 0.0;
      let s_ao0 = (n_at + 0u) * 17u;
    let s_ao1 = (n_at + 16u) * 17u;
    let s_bo0 = (n_bt + 0u) * 17u;
    let s_bo1 = (n_bt + 8u) * 17u;
    let s_bo2 = (n_bt + 16u) * 17u;
    let s_bo3 = (n_bt + 24u) * 17u;
    for (var k4 = 0u; k4 < 16u; k4++) {
      let s_a0 = q_s[s_ao0 + k4];
      let s_a1 = q_s[s_ao1 + k4];
      let s_b0 = k_s[s_bo0 + k4];
      let s_b1 = k_s[s_bo1 + k4];
      let s_b2 = k_s[s_bo2 + k4];
      let s_b3 = k_s[s_bo3 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_0_2 = fma(s_a0.w, s_b2.w, fma(s_a0.z, s_b2.z, fma(s_a0.y, s_b2.y, fma(s_a0.x, s_b2.x, s_0_2))));
      s_0_3 = fma(s_a0.w, s_b3.w, fma(s_a0.z, s_b3.z, fma(s_a0.y, s_b3.y, fma(s_a0.x, s_b3.x, s_0_3))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
      s_1_2 = fma(s_a1.w, s_b2.w, fma(s_a1.z, s_b2.z, fma(s_a1.y, s_b2.y, fma(s_a1.x, s_b2.x, s_1_2))));
      s_1_3 = fma(s_a1.w, s_b3.w, fma(s_a1.z, s_b3.z, fma(s_a1.y, s_b3.y, fma(s_a1.x, s_b3.x, s_1_3))));
    }
      let dp_ao0 = (n_at + 0u) * 17u;
    let dp_ao1 = (n_at + 16u) * 17u;
    let dp_bo0 = (n_bt + 0u) * 17u;
    let dp_bo1 = (n_bt + 8u) * 17u;
    let dp_bo2 = (n_bt + 16u) * 17u;
    let dp_bo3 = (n_bt + 24u) * 17u;
    for (var k4 = 0u; k4 < 16u; k4++) {
      let dp_a0 = g_s[dp_ao0 + k4];
      let dp_a1 = g_s[dp_ao1 + k4];
      let dp_b0 = v_s[dp_bo0 + k4];
      let dp_b1 = v_s[dp_bo1 + k4];
      let dp_b2 = v_s[dp_bo2 + k4];
      let dp_b3 = v_s[dp_bo3 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
      dp_0_2 = fma(dp_a0.w, dp_b2.w, fma(dp_a0.z, dp_b2.z, fma(dp_a0.y, dp_b2.y, fma(dp_a0.x, dp_b2.x, dp_0_2))));
      dp_0_3 = fma(dp_a0.w, dp_b3.w, fma(dp_a0.z, dp_b3.z, fma(dp_a0.y, dp_b3.y, fma(dp_a0.x, dp_b3.x, dp_0_3))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
      dp_1_1 = fma(dp_a1.w, dp_b1.w, fma(dp_a1.z, dp_b1.z, fma(dp_a1.y, dp_b1.y, fma(dp_a1.x, dp_b1.x, dp_1_1))));
      dp_1_2 = fma(dp_a1.w, dp_b2.w, fma(dp_a1.z, dp_b2.z, fma(dp_a1.y, dp_b2.y, fma(dp_a1.x, dp_b2.x, dp_1_2))));
      dp_1_3 = fma(dp_a1.w, dp_b3.w, fma(dp_a1.z, dp_b3.z, fma(dp_a1.y, dp_b3.y, fma(dp_a1.x, dp_b3.x, dp_1_3))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 8u))) {
          p = exp(s_0_1 - L0);
          
        }
        let dp = dp_0_1;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 16u))) {
          p = exp(s_0_2 - L0);
          
        }
        let dp = dp_0_2;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_at + 0u), j0 + (n_bt + 24u))) {
          p = exp(s_0_3 - L0);
          
        }
        let dp = dp_0_3;
        pz_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * z;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 0u))) {
          p = exp(s_1_0 - L1);
          
        }
        let dp = dp_1_0;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 8u))) {
          p = exp(s_1_1 - L1);
          
        }
        let dp = dp_1_1;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 16u))) {
          p = exp(s_1_2 - L1);
          
        }
        let dp = dp_1_2;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_at + 16u), j0 + (n_bt + 24u))) {
          p = exp(s_1_3 - L1);
          
        }
        let dp = dp_1_3;
        pz_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * z;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D1);
      }
    }
    workgroupBarrier();
    if (lid < 128u) {
      for (var k = 0u; k < 32u; k++) {
      let dv_a0 = pz_s[k * 9u + t_at + 0u];
      let dv_b0 = g_s[k * 17u + t_bt + 0u];
      dv_0_0 = fma(vec4<f32>(dv_a0[0]), dv_b0, dv_0_0);
      dv_1_0 = fma(vec4<f32>(dv_a0[1]), dv_b0, dv_1_0);
      dv_2_0 = fma(vec4<f32>(dv_a0[2]), dv_b0, dv_2_0);
      dv_3_0 = fma(vec4<f32>(dv_a0[3]), dv_b0, dv_3_0);
      let dk_a0 = ds_s[k * 9u + t_at + 0u];
      let dk_b0 = q_s[k * 17u + t_bt + 0u];
      dk_0_0 = fma(vec4<f32>(dk_a0[0]), dk_b0, dk_0_0);
      dk_1_0 = fma(vec4<f32>(dk_a0[1]), dk_b0, dk_1_0);
      dk_2_0 = fma(vec4<f32>(dk_a0[2]), dk_b0, dk_2_0);
      dk_3_0 = fma(vec4<f32>(dk_a0[3]), dk_b0, dk_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 128u) {
    let dk_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dk_row0 < u.tk) {
    let dk_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row0 * u.d) / 4u + (t_bt + 0u), dk_row0_scale * dk_0_0); }
  }
  let dk_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dk_row1 < u.tk) {
    let dk_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row1 * u.d) / 4u + (t_bt + 0u), dk_row1_scale * dk_1_0); }
  }
  let dk_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dk_row2 < u.tk) {
    let dk_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row2 * u.d) / 4u + (t_bt + 0u), dk_row2_scale * dk_2_0); }
  }
  let dk_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dk_row3 < u.tk) {
    let dk_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.d) { dk_set4((bh * u.tk * u.d + dk_row3 * u.d) / 4u + (t_bt + 0u), dk_row3_scale * dk_3_0); }
  }
    let dv_row0 = j0 + ((t_at + 0u) * 4u + 0u);
  if (dv_row0 < u.tk) {
    let dv_row0_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row0 * u.dv) / 4u + (t_bt + 0u), dv_row0_scale * dv_0_0); }
  }
  let dv_row1 = j0 + ((t_at + 0u) * 4u + 1u);
  if (dv_row1 < u.tk) {
    let dv_row1_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row1 * u.dv) / 4u + (t_bt + 0u), dv_row1_scale * dv_1_0); }
  }
  let dv_row2 = j0 + ((t_at + 0u) * 4u + 2u);
  if (dv_row2 < u.tk) {
    let dv_row2_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row2 * u.dv) / 4u + (t_bt + 0u), dv_row2_scale * dv_2_0); }
  }
  let dv_row3 = j0 + ((t_at + 0u) * 4u + 3u);
  if (dv_row3 < u.tk) {
    let dv_row3_scale = 1.0;
    if ((t_bt + 0u) * 4u < u.dv) { dv_set4((bh * u.tk * u.dv + dv_row3 * u.dv) / 4u + (t_bt + 0u), dv_row3_scale * dv_3_0); }
  }
  }
}

// ---- flashAttentionBackward-dq:d128:dv128:plain:mask1:vec4:br16:bc16:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dq:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dq_offset:u32,q_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dq_offset: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dq: array<vec4<f32>>;
fn dq_get4(j: u32) -> vec4<f32> { return dq[u.dq_offset + j]; }
fn dq_set4(j: u32, v: vec4<f32>) { dq[u.dq_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> q_s: array<vec4<f32>, 528>;
var<workgroup> g_s: array<vec4<f32>, 528>;
var<workgroup> k_s: array<vec4<f32>, 528>;
var<workgroup> v_s: array<vec4<f32>, 528>;
var<workgroup> ds_s: array<vec4<f32>, 80>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 16u;
  let key_end = last_key(min(u.tq, i0 + 16u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 512u; e += 128u) {
      let c4 = e % 32u;
      let r = e / 32u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 33u + c4] = u.scale * x;
    }
  for (var e = lid; e < 512u; e += 128u) {
      let c4 = e % 32u;
      let r = e / 32u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.dv4) { x = g_get4((bh * u.tq * u.dv + gr * u.dv) / 4u + c4); }
      g_s[r * 33u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  let live0 = (i0 + (n_bt + 0u)) < u.tq;
  let limit0 = select(0u, last_key((i0 + (n_bt + 0u))), live0);
  var L0 = 0.0;
  var D0 = 0.0;
  if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_bt + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_bt + 0u))); }
  let live1 = (i0 + (n_bt + 8u)) < u.tq;
  let limit1 = select(0u, last_key((i0 + (n_bt + 8u))), live1);
  var L1 = 0.0;
  var D1 = 0.0;
  if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_bt + 8u))); D1 = delta_get(bh * u.tq + (i0 + (n_bt + 8u))); }
  var s_0_0 = 0.0; var s_0_1 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0;
  let t_at = lid / 32u;
  let t_bt = lid % 32u;
  var dq_0_0 = vec4<f32>(); var dq_1_0 = vec4<f32>(); var dq_2_0 = vec4<f32>(); var dq_3_0 = vec4<f32>();
  var pk0 = vec4<f32>(); var pk1 = vec4<f32>(); var pk2 = vec4<f32>(); var pk3 = vec4<f32>();
  var pv0 = vec4<f32>(); var pv1 = vec4<f32>(); var pv2 = vec4<f32>(); var pv3 = vec4<f32>();
  { let c4 = (lid + 0u) % 32u; let gr = 0u + (lid + 0u) / 32u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 32u; let gr = 0u + (lid + 128u) / 32u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 256u) % 32u; let gr = 0u + (lid + 256u) / 32u; pk2 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk2 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 384u) % 32u; let gr = 0u + (lid + 384u) / 32u; pk3 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk3 = k_get4((k_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 32u; let gr = 0u + (lid + 0u) / 32u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 32u; let gr = 0u + (lid + 128u) / 32u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 256u) % 32u; let gr = 0u + (lid + 256u) / 32u; pv2 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv2 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 384u) % 32u; let gr = 0u + (lid + 384u) / 32u; pv3 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv3 = v_get4((v_base + gr * u.dv) / 4u + c4); } }

  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    let kn = min(16u, key_end - j0);
    { k_s[((lid + 0u) / 32u) * 33u + (lid + 0u) % 32u] = pk0; }
    { k_s[((lid + 128u) / 32u) * 33u + (lid + 128u) % 32u] = pk1; }
    { k_s[((lid + 256u) / 32u) * 33u + (lid + 256u) % 32u] = pk2; }
    { k_s[((lid + 384u) / 32u) * 33u + (lid + 384u) % 32u] = pk3; }
    { v_s[((lid + 0u) / 32u) * 33u + (lid + 0u) % 32u] = pv0; }
    { v_s[((lid + 128u) / 32u) * 33u + (lid + 128u) % 32u] = pv1; }
    { v_s[((lid + 256u) / 32u) * 33u + (lid + 256u) % 32u] = pv2; }
    { v_s[((lid + 384u) / 32u) * 33u + (lid + 384u) % 32u] = pv3; }
    workgroupBarrier();
    if (j0 + 16u < key_end) { { let c4 = (lid + 0u) % 32u; let gr = j0 + 16u + (lid + 0u) / 32u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 32u; let gr = j0 + 16u + (lid + 128u) / 32u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 256u) % 32u; let gr = j0 + 16u + (lid + 256u) / 32u; pk2 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk2 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 384u) % 32u; let gr = j0 + 16u + (lid + 384u) / 32u; pk3 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk3 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 0u) % 32u; let gr = j0 + 16u + (lid + 0u) / 32u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 32u; let gr = j0 + 16u + (lid + 128u) / 32u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 256u) % 32u; let gr = j0 + 16u + (lid + 256u) / 32u; pv2 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv2 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 384u) % 32u; let gr = j0 + 16u + (lid + 384u) / 32u; pv3 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv3 = v_get4((v_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      s_0_0 = 0.0; s_0_1 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0;
      let s_ao0 = (n_at + 0u) * 33u;
    let s_bo0 = (n_bt + 0u) * 33u;
    let s_bo1 = (n_bt + 8u) * 33u;
    for (var k4 = 0u; k4 < 32u; k4++) {
      let s_a0 = k_s[s_ao0 + k4];
      let s_b0 = q_s[s_bo0 + k4];
      let s_b1 = q_s[s_bo1 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
    }
      let dp_ao0 = (n_at + 0u) * 33u;
    let dp_bo0 = (n_bt + 0u) * 33u;
    let dp_bo1 = (n_bt + 8u) * 33u;
    for (var k4 = 0u; k4 < 32u; k4++) {
      let dp_a0 = v_s[dp_ao0 + k4];
      let dp_b0 = g_s[dp_bo0 + k4];
      let dp_b1 = g_s[dp_bo1 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        ds_s[((n_at + 0u)) * 5u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 0u))) {
          p = exp(s_0_1 - L1);
          
        }
        let dp = dp_0_1;
        ds_s[((n_at + 0u)) * 5u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
    }
    workgroupBarrier();
    if (lid < 128u) {
      for (var k = 0u; k < 16u; k++) {
      let dq_a0 = ds_s[k * 5u + t_at + 0u];
      let dq_b0 = k_s[k * 33u + t_bt + 0u];
      dq_0_0 = fma(vec4<f32>(dq_a0[0]), dq_b0, dq_0_0);
      dq_1_0 = fma(vec4<f32>(dq_a0[1]), dq_b0, dq_1_0);
      dq_2_0 = fma(vec4<f32>(dq_a0[2]), dq_b0, dq_2_0);
      dq_3_0 = fma(vec4<f32>(dq_a0[3]), dq_b0, dq_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 128u) {
    let dq_row0 = i0 + ((t_at + 0u) * 4u + 0u);
  if (dq_row0 < u.tq) {
    let dq_row0_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row0 * u.d) / 4u + (t_bt + 0u), dq_row0_scale * dq_0_0); }
  }
  let dq_row1 = i0 + ((t_at + 0u) * 4u + 1u);
  if (dq_row1 < u.tq) {
    let dq_row1_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row1 * u.d) / 4u + (t_bt + 0u), dq_row1_scale * dq_1_0); }
  }
  let dq_row2 = i0 + ((t_at + 0u) * 4u + 2u);
  if (dq_row2 < u.tq) {
    let dq_row2_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row2 * u.d) / 4u + (t_bt + 0u), dq_row2_scale * dq_2_0); }
  }
  let dq_row3 = i0 + ((t_at + 0u) * 4u + 3u);
  if (dq_row3 < u.tq) {
    let dq_row3_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row3 * u.d) / 4u + (t_bt + 0u), dq_row3_scale * dq_3_0); }
  }
  }
}

// ---- flashAttentionBackward-dq:d16:dv16:dropout:mask1:vec4:br32:bc32:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dq:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,seed_lo:u32,seed_hi:u32,offset_lo:u32,offset_hi:u32,threshold:u32,keep_scale:f32,drop_cols:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dq_offset:u32,q_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  seed_lo: u32,
  seed_hi: u32,
  offset_lo: u32,
  offset_hi: u32,
  threshold: u32,
  keep_scale: f32,
  drop_cols: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dq_offset: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dq: array<vec4<f32>>;
fn dq_get4(j: u32) -> vec4<f32> { return dq[u.dq_offset + j]; }
fn dq_set4(j: u32, v: vec4<f32>) { dq[u.dq_offset + j] = v; }

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

/** Philox4x32-10 of a 64-bit block number (block_lo, block_hi) in this call's stream. */
fn philox_block(block_lo: u32, block_hi: u32) -> vec4<u32> {
  return philox4x32_10(vec2<u32>(u.seed_lo, u.seed_hi), vec4<u32>(block_lo, block_hi, u.offset_lo, u.offset_hi));
}

fn keep_of(word: u32) -> f32 { return select(0.0, u.keep_scale, (word >> 8u) >= u.threshold); }

/** A walk along one mask row: the words of the last Philox block are reused for the next three columns. */
struct DropRow {
  start_lo: u32,
  start_hi: u32,
  block_lo: u32,
  block_hi: u32,
  words: vec4<u32>,
  valid: bool,
}

/** The walk of global mask row g (= b·rows + rowOffset + i): index g·N + j. */
fn drop_row(g: u32) -> DropRow {
  return DropRow(g * u.drop_cols, mulhi32(g, u.drop_cols), 0u, 0u, vec4<u32>(), false);
}

/** z = 1/(1 − p) or 0 for column j of the row. */
fn drop_scale(row: ptr<function, DropRow>, j: u32) -> f32 {
  let lo = (*row).start_lo + j;
  let hi = (*row).start_hi + select(0u, 1u, lo < (*row).start_lo);
  let block_lo = (lo >> 2u) | (hi << 30u);
  let block_hi = hi >> 2u;
  if (!(*row).valid || block_lo != (*row).block_lo || block_hi != (*row).block_hi) {
    (*row).words = philox_block(block_lo, block_hi);
    (*row).block_lo = block_lo;
    (*row).block_hi = block_hi;
    (*row).valid = true;
  }
  return keep_of((*row).words[lo & 3u]);
}

/** z for columns j … j + 3 of global mask row g, from at most two Philox blocks. */
fn drop_scale4(g: u32, j: u32) -> vec4<f32> {
  let start_lo = g * u.drop_cols;
  let start_hi = mulhi32(g, u.drop_cols);
  let lo = start_lo + j;
  let hi = start_hi + select(0u, 1u, lo < start_lo);
  let block_lo = (lo >> 2u) | (hi << 30u);
  let block_hi = hi >> 2u;
  let first = lo & 3u;
  let w0 = philox_block(block_lo, block_hi);
  var w1 = w0;
  if (first != 0u) {
    let next_lo = block_lo + 1u;
    w1 = philox_block(next_lo, block_hi + select(0u, 1u, next_lo == 0u));
  }
  var z = vec4<f32>();
  for (var q = 0u; q < 4u; q++) {
    let e = first + q;
    var w = 0u;
    if (e < 4u) { w = w0[e]; } else { w = w1[e - 4u]; }
    z[q] = keep_of(w);
  }
  return z;
}
fn drop_at(drop_g: u32, j: u32) -> f32 {
  var walk = drop_row(drop_g);
  return drop_scale(&walk, j);
}

// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> q_s: array<vec4<f32>, 160>;
var<workgroup> g_s: array<vec4<f32>, 160>;
var<workgroup> k_s: array<vec4<f32>, 160>;
var<workgroup> v_s: array<vec4<f32>, 160>;
var<workgroup> ds_s: array<vec4<f32>, 288>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 32u;
  let key_end = last_key(min(u.tq, i0 + 32u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 5u + c4] = u.scale * x;
    }
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.dv4) { x = g_get4((bh * u.tq * u.dv + gr * u.dv) / 4u + c4); }
      g_s[r * 5u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  let live0 = (i0 + (n_bt + 0u)) < u.tq;
  let limit0 = select(0u, last_key((i0 + (n_bt + 0u))), live0);
  var L0 = 0.0;
  var D0 = 0.0;
  if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_bt + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_bt + 0u))); }
  let live1 = (i0 + (n_bt + 8u)) < u.tq;
  let limit1 = select(0u, last_key((i0 + (n_bt + 8u))), live1);
  var L1 = 0.0;
  var D1 = 0.0;
  if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_bt + 8u))); D1 = delta_get(bh * u.tq + (i0 + (n_bt + 8u))); }
  let live2 = (i0 + (n_bt + 16u)) < u.tq;
  let limit2 = select(0u, last_key((i0 + (n_bt + 16u))), live2);
  var L2 = 0.0;
  var D2 = 0.0;
  if (live2) { L2 = lse_get(bh * u.tq + (i0 + (n_bt + 16u))); D2 = delta_get(bh * u.tq + (i0 + (n_bt + 16u))); }
  let live3 = (i0 + (n_bt + 24u)) < u.tq;
  let limit3 = select(0u, last_key((i0 + (n_bt + 24u))), live3);
  var L3 = 0.0;
  var D3 = 0.0;
  if (live3) { L3 = lse_get(bh * u.tq + (i0 + (n_bt + 24u))); D3 = delta_get(bh * u.tq + (i0 + (n_bt + 24u))); }
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0; var dp_0_2 = 0.0; var dp_0_3 = 0.0; var dp_1_0 = 0.0; var dp_1_1 = 0.0; var dp_1_2 = 0.0; var dp_1_3 = 0.0;
  let t_at = lid / 4u;
  let t_bt = lid % 4u;
  var dq_0_0 = vec4<f32>(); var dq_1_0 = vec4<f32>(); var dq_2_0 = vec4<f32>(); var dq_3_0 = vec4<f32>();
  var pk0 = vec4<f32>();
  var pv0 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    { k_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pk0; }
    { v_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pv0; }
    workgroupBarrier();
    if (j0 + 32u < key_end) { { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0; dp_0_2 = 0.0; dp_0_3 = 0.0; dp_1_0 = 0.0; dp_1_1 = 0.0; dp_1_2 = 0.0; dp_1_3 = 0.0;
      let s_ao0 = (n_at + 0u) * 5u;
    let s_ao1 = (n_at + 16u) * 5u;
    let s_bo0 = (n_bt + 0u) * 5u;
    let s_bo1 = (n_bt + 8u) * 5u;
    let s_bo2 = (n_bt + 16u) * 5u;
    let s_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = k_s[s_ao0 + k4];
      let s_a1 = k_s[s_ao1 + k4];
      let s_b0 = q_s[s_bo0 + k4];
      let s_b1 = q_s[s_bo1 + k4];
      let s_b2 = q_s[s_bo2 + k4];
      let s_b3 = q_s[s_bo3 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_0_2 = fma(s_a0.w, s_b2.w, fma(s_a0.z, s_b2.z, fma(s_a0.y, s_b2.y, fma(s_a0.x, s_b2.x, s_0_2))));
      s_0_3 = fma(s_a0.w, s_b3.w, fma(s_a0.z, s_b3.z, fma(s_a0.y, s_b3.y, fma(s_a0.x, s_b3.x, s_0_3))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
      s_1_2 = fma(s_a1.w, s_b2.w, fma(s_a1.z, s_b2.z, fma(s_a1.y, s_b2.y, fma(s_a1.x, s_b2.x, s_1_2))));
      s_1_3 = fma(s_a1.w, s_b3.w, fma(s_a1.z, s_b3.z, fma(s_a1.y, s_b3.y, fma(s_a1.x, s_b3.x, s_1_3))));
    }
      let dp_ao0 = (n_at + 0u) * 5u;
    let dp_ao1 = (n_at + 16u) * 5u;
    let dp_bo0 = (n_bt + 0u) * 5u;
    let dp_bo1 = (n_bt + 8u) * 5u;
    let dp_bo2 = (n_bt + 16u) * 5u;
    let dp_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let dp_a0 = v_s[dp_ao0 + k4];
      let dp_a1 = v_s[dp_ao1 + k4];
      let dp_b0 = g_s[dp_bo0 + k4];
      let dp_b1 = g_s[dp_bo1 + k4];
      let dp_b2 = g_s[dp_bo2 + k4];
      let dp_b3 = g_s[dp_bo3 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
      dp_0_2 = fma(dp_a0.w, dp_b2.w, fma(dp_a0.z, dp_b2.z, fma(dp_a0.y, dp_b2.y, fma(dp_a0.x, dp_b2.x, dp_0_2))));
      dp_0_3 = fma(dp_a0.w, dp_b3.w, fma(dp_a0.z, dp_b3.z, fma(dp_a0.y, dp_b3.y, fma(dp_a0.x, dp_b3.x, dp_0_3))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
      dp_1_1 = fma(dp_a1.w, dp_b1.w, fma(dp_a1.z, dp_b1.z, fma(dp_a1.y, dp_b1.y, fma(dp_a1.x, dp_b1.x, dp_1_1))));
      dp_1_2 = fma(dp_a1.w, dp_b2.w, fma(dp_a1.z, dp_b2.z, fma(dp_a1.y, dp_b2.y, fma(dp_a1.x, dp_b2.x, dp_1_2))));
      dp_1_3 = fma(dp_a1.w, dp_b3.w, fma(dp_a1.z, dp_b3.z, fma(dp_a1.y, dp_b3.y, fma(dp_a1.x, dp_b3.x, dp_1_3))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 0u))) {
          p = exp(s_0_0 - L0);
          z = drop_at(drop_global_row(bh, i0 + (n_bt + 0u)), j0 + (n_at + 0u));
        }
        let dp = dp_0_0;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 0u))) {
          p = exp(s_0_1 - L1);
          z = drop_at(drop_global_row(bh, i0 + (n_bt + 8u)), j0 + (n_at + 0u));
        }
        let dp = dp_0_1;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit2, i0 + (n_bt + 16u), j0 + (n_at + 0u))) {
          p = exp(s_0_2 - L2);
          z = drop_at(drop_global_row(bh, i0 + (n_bt + 16u)), j0 + (n_at + 0u));
        }
        let dp = dp_0_2;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D2);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit3, i0 + (n_bt + 24u), j0 + (n_at + 0u))) {
          p = exp(s_0_3 - L3);
          z = drop_at(drop_global_row(bh, i0 + (n_bt + 24u)), j0 + (n_at + 0u));
        }
        let dp = dp_0_3;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D3);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 16u))) {
          p = exp(s_1_0 - L0);
          z = drop_at(drop_global_row(bh, i0 + (n_bt + 0u)), j0 + (n_at + 16u));
        }
        let dp = dp_1_0;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 16u))) {
          p = exp(s_1_1 - L1);
          z = drop_at(drop_global_row(bh, i0 + (n_bt + 8u)), j0 + (n_at + 16u));
        }
        let dp = dp_1_1;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit2, i0 + (n_bt + 16u), j0 + (n_at + 16u))) {
          p = exp(s_1_2 - L2);
          z = drop_at(drop_global_row(bh, i0 + (n_bt + 16u)), j0 + (n_at + 16u));
        }
        let dp = dp_1_2;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D2);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit3, i0 + (n_bt + 24u), j0 + (n_at + 16u))) {
          p = exp(s_1_3 - L3);
          z = drop_at(drop_global_row(bh, i0 + (n_bt + 24u)), j0 + (n_at + 16u));
        }
        let dp = dp_1_3;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D3);
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      for (var k = 0u; k < 32u; k++) {
      let dq_a0 = ds_s[k * 9u + t_at + 0u];
      let dq_b0 = k_s[k * 5u + t_bt + 0u];
      dq_0_0 = fma(vec4<f32>(dq_a0[0]), dq_b0, dq_0_0);
      dq_1_0 = fma(vec4<f32>(dq_a0[1]), dq_b0, dq_1_0);
      dq_2_0 = fma(vec4<f32>(dq_a0[2]), dq_b0, dq_2_0);
      dq_3_0 = fma(vec4<f32>(dq_a0[3]), dq_b0, dq_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 32u) {
    let dq_row0 = i0 + ((t_at + 0u) * 4u + 0u);
  if (dq_row0 < u.tq) {
    let dq_row0_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row0 * u.d) / 4u + (t_bt + 0u), dq_row0_scale * dq_0_0); }
  }
  let dq_row1 = i0 + ((t_at + 0u) * 4u + 1u);
  if (dq_row1 < u.tq) {
    let dq_row1_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row1 * u.d) / 4u + (t_bt + 0u), dq_row1_scale * dq_1_0); }
  }
  let dq_row2 = i0 + ((t_at + 0u) * 4u + 2u);
  if (dq_row2 < u.tq) {
    let dq_row2_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row2 * u.d) / 4u + (t_bt + 0u), dq_row2_scale * dq_2_0); }
  }
  let dq_row3 = i0 + ((t_at + 0u) * 4u + 3u);
  if (dq_row3 < u.tq) {
    let dq_row3_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row3 * u.d) / 4u + (t_bt + 0u), dq_row3_scale * dq_3_0); }
  }
  }
}

// ---- flashAttentionBackward-dq:d16:dv16:plain:mask:vec4:br32:bc32:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dq:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dq_offset:u32,q_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dq_offset: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dq: array<vec4<f32>>;
fn dq_get4(j: u32) -> vec4<f32> { return dq[u.dq_offset + j]; }
fn dq_set4(j: u32, v: vec4<f32>) { dq[u.dq_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = false;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> q_s: array<vec4<f32>, 160>;
var<workgroup> g_s: array<vec4<f32>, 160>;
var<workgroup> k_s: array<vec4<f32>, 160>;
var<workgroup> v_s: array<vec4<f32>, 160>;
var<workgroup> ds_s: array<vec4<f32>, 288>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 32u;
  let key_end = last_key(min(u.tq, i0 + 32u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 5u + c4] = u.scale * x;
    }
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.dv4) { x = g_get4((bh * u.tq * u.dv + gr * u.dv) / 4u + c4); }
      g_s[r * 5u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  let live0 = (i0 + (n_bt + 0u)) < u.tq;
  let limit0 = select(0u, last_key((i0 + (n_bt + 0u))), live0);
  var L0 = 0.0;
  var D0 = 0.0;
  if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_bt + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_bt + 0u))); }
  let live1 = (i0 + (n_bt + 8u)) < u.tq;
  let limit1 = select(0u, last_key((i0 + (n_bt + 8u))), live1);
  var L1 = 0.0;
  var D1 = 0.0;
  if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_bt + 8u))); D1 = delta_get(bh * u.tq + (i0 + (n_bt + 8u))); }
  let live2 = (i0 + (n_bt + 16u)) < u.tq;
  let limit2 = select(0u, last_key((i0 + (n_bt + 16u))), live2);
  var L2 = 0.0;
  var D2 = 0.0;
  if (live2) { L2 = lse_get(bh * u.tq + (i0 + (n_bt + 16u))); D2 = delta_get(bh * u.tq + (i0 + (n_bt + 16u))); }
  let live3 = (i0 + (n_bt + 24u)) < u.tq;
  let limit3 = select(0u, last_key((i0 + (n_bt + 24u))), live3);
  var L3 = 0.0;
  var D3 = 0.0;
  if (live3) { L3 = lse_get(bh * u.tq + (i0 + (n_bt + 24u))); D3 = delta_get(bh * u.tq + (i0 + (n_bt + 24u))); }
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0; var dp_0_2 = 0.0; var dp_0_3 = 0.0; var dp_1_0 = 0.0; var dp_1_1 = 0.0; var dp_1_2 = 0.0; var dp_1_3 = 0.0;
  let t_at = lid / 4u;
  let t_bt = lid % 4u;
  var dq_0_0 = vec4<f32>(); var dq_1_0 = vec4<f32>(); var dq_2_0 = vec4<f32>(); var dq_3_0 = vec4<f32>();
  var pk0 = vec4<f32>();
  var pv0 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    { k_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pk0; }
    { v_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pv0; }
    workgroupBarrier();
    if (j0 + 32u < key_end) { { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0; dp_0_2 = 0.0; dp_0_3 = 0.0; dp_1_0 = 0.0; dp_1_1 = 0.0; dp_1_2 = 0.0; dp_1_3 = 0.0;
      let s_ao0 = (n_at + 0u) * 5u;
    let s_ao1 = (n_at + 16u) * 5u;
    let s_bo0 = (n_bt + 0u) * 5u;
    let s_bo1 = (n_bt + 8u) * 5u;
    let s_bo2 = (n_bt + 16u) * 5u;
    let s_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = k_s[s_ao0 + k4];
      let s_a1 = k_s[s_ao1 + k4];
      let s_b0 = q_s[s_bo0 + k4];
      let s_b1 = q_s[s_bo1 + k4];
      let s_b2 = q_s[s_bo2 + k4];
      let s_b3 = q_s[s_bo3 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_0_2 = fma(s_a0.w, s_b2.w, fma(s_a0.z, s_b2.z, fma(s_a0.y, s_b2.y, fma(s_a0.x, s_b2.x, s_0_2))));
      s_0_3 = fma(s_a0.w, s_b3.w, fma(s_a0.z, s_b3.z, fma(s_a0.y, s_b3.y, fma(s_a0.x, s_b3.x, s_0_3))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
      s_1_2 = fma(s_a1.w, s_b2.w, fma(s_a1.z, s_b2.z, fma(s_a1.y, s_b2.y, fma(s_a1.x, s_b2.x, s_1_2))));
      s_1_3 = fma(s_a1.w, s_b3.w, fma(s_a1.z, s_b3.z, fma(s_a1.y, s_b3.y, fma(s_a1.x, s_b3.x, s_1_3))));
    }
      let dp_ao0 = (n_at + 0u) * 5u;
    let dp_ao1 = (n_at + 16u) * 5u;
    let dp_bo0 = (n_bt + 0u) * 5u;
    let dp_bo1 = (n_bt + 8u) * 5u;
    let dp_bo2 = (n_bt + 16u) * 5u;
    let dp_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let dp_a0 = v_s[dp_ao0 + k4];
      let dp_a1 = v_s[dp_ao1 + k4];
      let dp_b0 = g_s[dp_bo0 + k4];
      let dp_b1 = g_s[dp_bo1 + k4];
      let dp_b2 = g_s[dp_bo2 + k4];
      let dp_b3 = g_s[dp_bo3 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
      dp_0_2 = fma(dp_a0.w, dp_b2.w, fma(dp_a0.z, dp_b2.z, fma(dp_a0.y, dp_b2.y, fma(dp_a0.x, dp_b2.x, dp_0_2))));
      dp_0_3 = fma(dp_a0.w, dp_b3.w, fma(dp_a0.z, dp_b3.z, fma(dp_a0.y, dp_b3.y, fma(dp_a0.x, dp_b3.x, dp_0_3))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
      dp_1_1 = fma(dp_a1.w, dp_b1.w, fma(dp_a1.z, dp_b1.z, fma(dp_a1.y, dp_b1.y, fma(dp_a1.x, dp_b1.x, dp_1_1))));
      dp_1_2 = fma(dp_a1.w, dp_b2.w, fma(dp_a1.z, dp_b2.z, fma(dp_a1.y, dp_b2.y, fma(dp_a1.x, dp_b2.x, dp_1_2))));
      dp_1_3 = fma(dp_a1.w, dp_b3.w, fma(dp_a1.z, dp_b3.z, fma(dp_a1.y, dp_b3.y, fma(dp_a1.x, dp_b3.x, dp_1_3))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 0u))) {
          p = exp(s_0_1 - L1);
          
        }
        let dp = dp_0_1;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit2, i0 + (n_bt + 16u), j0 + (n_at + 0u))) {
          p = exp(s_0_2 - L2);
          
        }
        let dp = dp_0_2;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D2);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit3, i0 + (n_bt + 24u), j0 + (n_at + 0u))) {
          p = exp(s_0_3 - L3);
          
        }
        let dp = dp_0_3;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D3);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 16u))) {
          p = exp(s_1_0 - L0);
          
        }
        let dp = dp_1_0;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 16u))) {
          p = exp(s_1_1 - L1);
          
        }
        let dp = dp_1_1;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit2, i0 + (n_bt + 16u), j0 + (n_at + 16u))) {
          p = exp(s_1_2 - L2);
          
        }
        let dp = dp_1_2;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D2);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit3, i0 + (n_bt + 24u), j0 + (n_at + 16u))) {
          p = exp(s_1_3 - L3);
          
        }
        let dp = dp_1_3;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D3);
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      for (var k = 0u; k < 32u; k++) {
      let dq_a0 = ds_s[k * 9u + t_at + 0u];
      let dq_b0 = k_s[k * 5u + t_bt + 0u];
      dq_0_0 = fma(vec4<f32>(dq_a0[0]), dq_b0, dq_0_0);
      dq_1_0 = fma(vec4<f32>(dq_a0[1]), dq_b0, dq_1_0);
      dq_2_0 = fma(vec4<f32>(dq_a0[2]), dq_b0, dq_2_0);
      dq_3_0 = fma(vec4<f32>(dq_a0[3]), dq_b0, dq_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 32u) {
    let dq_row0 = i0 + ((t_at + 0u) * 4u + 0u);
  if (dq_row0 < u.tq) {
    let dq_row0_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row0 * u.d) / 4u + (t_bt + 0u), dq_row0_scale * dq_0_0); }
  }
  let dq_row1 = i0 + ((t_at + 0u) * 4u + 1u);
  if (dq_row1 < u.tq) {
    let dq_row1_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row1 * u.d) / 4u + (t_bt + 0u), dq_row1_scale * dq_1_0); }
  }
  let dq_row2 = i0 + ((t_at + 0u) * 4u + 2u);
  if (dq_row2 < u.tq) {
    let dq_row2_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row2 * u.d) / 4u + (t_bt + 0u), dq_row2_scale * dq_2_0); }
  }
  let dq_row3 = i0 + ((t_at + 0u) * 4u + 3u);
  if (dq_row3 < u.tq) {
    let dq_row3_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row3 * u.d) / 4u + (t_bt + 0u), dq_row3_scale * dq_3_0); }
  }
  }
}

// ---- flashAttentionBackward-dq:d16:dv16:plain:mask1:scalar:br32:bc32:t128:unrolled:prefetch|q:f32:read,k:f32:read,v:f32:read,mask:bool:read,lse:f32:read,g:f32:read,delta:f32:read_write,dq:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dq_offset:u32,q_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dq_offset: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<f32>;
fn q_get(i: u32) -> f32 { return q[u.q_offset + i]; }
@group(0) @binding(2) var<storage, read> k: array<f32>;
fn k_get(i: u32) -> f32 { return k[u.k_offset + i]; }
@group(0) @binding(3) var<storage, read> v: array<f32>;
fn v_get(i: u32) -> f32 { return v[u.v_offset + i]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dq: array<f32>;
fn dq_get(i: u32) -> f32 { return dq[u.dq_offset + i]; }
fn dq_set(i: u32, v: f32) { dq[u.dq_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> q_s: array<vec4<f32>, 160>;
var<workgroup> g_s: array<vec4<f32>, 160>;
var<workgroup> k_s: array<vec4<f32>, 160>;
var<workgroup> v_s: array<vec4<f32>, 160>;
var<workgroup> ds_s: array<vec4<f32>, 288>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 32u;
  let key_end = last_key(min(u.tq, i0 + 32u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.d) { x[t] = q_get(bh * u.tq * u.d + gr * u.d + c4 * 4u + t); } } }
      q_s[r * 5u + c4] = u.scale * x;
    }
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.dv4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.dv) { x[t] = g_get(bh * u.tq * u.dv + gr * u.dv + c4 * 4u + t); } } }
      g_s[r * 5u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  let live0 = (i0 + (n_bt + 0u)) < u.tq;
  let limit0 = select(0u, last_key((i0 + (n_bt + 0u))), live0);
  var L0 = 0.0;
  var D0 = 0.0;
  if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_bt + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_bt + 0u))); }
  let live1 = (i0 + (n_bt + 8u)) < u.tq;
  let limit1 = select(0u, last_key((i0 + (n_bt + 8u))), live1);
  var L1 = 0.0;
  var D1 = 0.0;
  if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_bt + 8u))); D1 = delta_get(bh * u.tq + (i0 + (n_bt + 8u))); }
  let live2 = (i0 + (n_bt + 16u)) < u.tq;
  let limit2 = select(0u, last_key((i0 + (n_bt + 16u))), live2);
  var L2 = 0.0;
  var D2 = 0.0;
  if (live2) { L2 = lse_get(bh * u.tq + (i0 + (n_bt + 16u))); D2 = delta_get(bh * u.tq + (i0 + (n_bt + 16u))); }
  let live3 = (i0 + (n_bt + 24u)) < u.tq;
  let limit3 = select(0u, last_key((i0 + (n_bt + 24u))), live3);
  var L3 = 0.0;
  var D3 = 0.0;
  if (live3) { L3 = lse_get(bh * u.tq + (i0 + (n_bt + 24u))); D3 = delta_get(bh * u.tq + (i0 + (n_bt + 24u))); }
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0; var dp_0_2 = 0.0; var dp_0_3 = 0.0; var dp_1_0 = 0.0; var dp_1_1 = 0.0; var dp_1_2 = 0.0; var dp_1_3 = 0.0;
  let t_at = lid / 4u;
  let t_bt = lid % 4u;
  var dq_0_0 = vec4<f32>(); var dq_1_0 = vec4<f32>(); var dq_2_0 = vec4<f32>(); var dq_3_0 = vec4<f32>();
  var pk0 = vec4<f32>();
  var pv0 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.d) { pk0[t] = k_get(k_base + gr * u.d + c4 * 4u + t); } } } }
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.dv) { pv0[t] = v_get(v_base + gr * u.dv + c4 * 4u + t); } } } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    { k_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pk0; }
    { v_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pv0; }
    workgroupBarrier();
    if (j0 + 32u < key_end) { { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.d) { pk0[t] = k_get(k_base + gr * u.d + c4 * 4u + t); } } } }
    { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.dv) { pv0[t] = v_get(v_base + gr * u.dv + c4 * 4u + t); } } } } }
    if (lid < 128u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0; dp_0_2 = 0.0; dp_0_3 = 0.0; dp_1_0 = 0.0; dp_1_1 = 0.0; dp_1_2 = 0.0; dp_1_3 = 0.0;
      let s_ao0 = (n_at + 0u) * 5u;
    let s_ao1 = (n_at + 16u) * 5u;
    let s_bo0 = (n_bt + 0u) * 5u;
    let s_bo1 = (n_bt + 8u) * 5u;
    let s_bo2 = (n_bt + 16u) * 5u;
    let s_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = k_s[s_ao0 + k4];
      let s_a1 = k_s[s_ao1 + k4];
      let s_b0 = q_s[s_bo0 + k4];
      let s_b1 = q_s[s_bo1 + k4];
      let s_b2 = q_s[s_bo2 + k4];
      let s_b3 = q_s[s_bo3 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_0_2 = fma(s_a0.w, s_b2.w, fma(s_a0.z, s_b2.z, fma(s_a0.y, s_b2.y, fma(s_a0.x, s_b2.x, s_0_2))));
      s_0_3 = fma(s_a0.w, s_b3.w, fma(s_a0.z, s_b3.z, fma(s_a0.y, s_b3.y, fma(s_a0.x, s_b3.x, s_0_3))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
      s_1_2 = fma(s_a1.w, s_b2.w, fma(s_a1.z, s_b2.z, fma(s_a1.y, s_b2.y, fma(s_a1.x, s_b2.x, s_1_2))));
      s_1_3 = fma(s_a1.w, s_b3.w, fma(s_a1.z, s_b3.z, fma(s_a1.y, s_b3.y, fma(s_a1.x, s_b3.x, s_1_3))));
    }
      let dp_ao0 = (n_at + 0u) * 5u;
    let dp_ao1 = (n_at + 16u) * 5u;
    let dp_bo0 = (n_bt + 0u) * 5u;
    let dp_bo1 = (n_bt + 8u) * 5u;
    let dp_bo2 = (n_bt + 16u) * 5u;
    let dp_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let dp_a0 = v_s[dp_ao0 + k4];
      let dp_a1 = v_s[dp_ao1 + k4];
      let dp_b0 = g_s[dp_bo0 + k4];
      let dp_b1 = g_s[dp_bo1 + k4];
      let dp_b2 = g_s[dp_bo2 + k4];
      let dp_b3 = g_s[dp_bo3 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
      dp_0_2 = fma(dp_a0.w, dp_b2.w, fma(dp_a0.z, dp_b2.z, fma(dp_a0.y, dp_b2.y, fma(dp_a0.x, dp_b2.x, dp_0_2))));
      dp_0_3 = fma(dp_a0.w, dp_b3.w, fma(dp_a0.z, dp_b3.z, fma(dp_a0.y, dp_b3.y, fma(dp_a0.x, dp_b3.x, dp_0_3))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
      dp_1_1 = fma(dp_a1.w, dp_b1.w, fma(dp_a1.z, dp_b1.z, fma(dp_a1.y, dp_b1.y, fma(dp_a1.x, dp_b1.x, dp_1_1))));
      dp_1_2 = fma(dp_a1.w, dp_b2.w, fma(dp_a1.z, dp_b2.z, fma(dp_a1.y, dp_b2.y, fma(dp_a1.x, dp_b2.x, dp_1_2))));
      dp_1_3 = fma(dp_a1.w, dp_b3.w, fma(dp_a1.z, dp_b3.z, fma(dp_a1.y, dp_b3.y, fma(dp_a1.x, dp_b3.x, dp_1_3))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 0u))) {
          p = exp(s_0_1 - L1);
          
        }
        let dp = dp_0_1;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit2, i0 + (n_bt + 16u), j0 + (n_at + 0u))) {
          p = exp(s_0_2 - L2);
          
        }
        let dp = dp_0_2;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D2);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit3, i0 + (n_bt + 24u), j0 + (n_at + 0u))) {
          p = exp(s_0_3 - L3);
          
        }
        let dp = dp_0_3;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D3);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 16u))) {
          p = exp(s_1_0 - L0);
          
        }
        let dp = dp_1_0;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 16u))) {
          p = exp(s_1_1 - L1);
          
        }
        let dp = dp_1_1;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit2, i0 + (n_bt + 16u), j0 + (n_at + 16u))) {
          p = exp(s_1_2 - L2);
          
        }
        let dp = dp_1_2;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D2);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit3, i0 + (n_bt + 24u), j0 + (n_at + 16u))) {
          p = exp(s_1_3 - L3);
          
        }
        let dp = dp_1_3;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D3);
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      for (var k = 0u; k < 32u; k++) {
      let dq_a0 = ds_s[k * 9u + t_at + 0u];
      let dq_b0 = k_s[k * 5u + t_bt + 0u];
      dq_0_0 = fma(vec4<f32>(dq_a0[0]), dq_b0, dq_0_0);
      dq_1_0 = fma(vec4<f32>(dq_a0[1]), dq_b0, dq_1_0);
      dq_2_0 = fma(vec4<f32>(dq_a0[2]), dq_b0, dq_2_0);
      dq_3_0 = fma(vec4<f32>(dq_a0[3]), dq_b0, dq_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 32u) {
    let dq_row0 = i0 + ((t_at + 0u) * 4u + 0u);
  if (dq_row0 < u.tq) {
    let dq_row0_scale = u.scale;
    for (var t = 0u; t < 4u; t++) { if ((t_bt + 0u) * 4u + t < u.d) { dq_set(bh * u.tq * u.d + dq_row0 * u.d + (t_bt + 0u) * 4u + t, (dq_row0_scale * dq_0_0)[t]); } }
  }
  let dq_row1 = i0 + ((t_at + 0u) * 4u + 1u);
  if (dq_row1 < u.tq) {
    let dq_row1_scale = u.scale;
    for (var t = 0u; t < 4u; t++) { if ((t_bt + 0u) * 4u + t < u.d) { dq_set(bh * u.tq * u.d + dq_row1 * u.d + (t_bt + 0u) * 4u + t, (dq_row1_scale * dq_1_0)[t]); } }
  }
  let dq_row2 = i0 + ((t_at + 0u) * 4u + 2u);
  if (dq_row2 < u.tq) {
    let dq_row2_scale = u.scale;
    for (var t = 0u; t < 4u; t++) { if ((t_bt + 0u) * 4u + t < u.d) { dq_set(bh * u.tq * u.d + dq_row2 * u.d + (t_bt + 0u) * 4u + t, (dq_row2_scale * dq_2_0)[t]); } }
  }
  let dq_row3 = i0 + ((t_at + 0u) * 4u + 3u);
  if (dq_row3 < u.tq) {
    let dq_row3_scale = u.scale;
    for (var t = 0u; t < 4u; t++) { if ((t_bt + 0u) * 4u + t < u.d) { dq_set(bh * u.tq * u.d + dq_row3 * u.d + (t_bt + 0u) * 4u + t, (dq_row3_scale * dq_3_0)[t]); } }
  }
  }
}

// ---- flashAttentionBackward-dq:d16:dv16:plain:mask1:vec4:br32:bc32:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dq:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dq_offset:u32,q_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dq_offset: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dq: array<vec4<f32>>;
fn dq_get4(j: u32) -> vec4<f32> { return dq[u.dq_offset + j]; }
fn dq_set4(j: u32, v: vec4<f32>) { dq[u.dq_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> q_s: array<vec4<f32>, 160>;
var<workgroup> g_s: array<vec4<f32>, 160>;
var<workgroup> k_s: array<vec4<f32>, 160>;
var<workgroup> v_s: array<vec4<f32>, 160>;
var<workgroup> ds_s: array<vec4<f32>, 288>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 32u;
  let key_end = last_key(min(u.tq, i0 + 32u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 5u + c4] = u.scale * x;
    }
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.dv4) { x = g_get4((bh * u.tq * u.dv + gr * u.dv) / 4u + c4); }
      g_s[r * 5u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  let live0 = (i0 + (n_bt + 0u)) < u.tq;
  let limit0 = select(0u, last_key((i0 + (n_bt + 0u))), live0);
  var L0 = 0.0;
  var D0 = 0.0;
  if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_bt + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_bt + 0u))); }
  let live1 = (i0 + (n_bt + 8u)) < u.tq;
  let limit1 = select(0u, last_key((i0 + (n_bt + 8u))), live1);
  var L1 = 0.0;
  var D1 = 0.0;
  if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_bt + 8u))); D1 = delta_get(bh * u.tq + (i0 + (n_bt + 8u))); }
  let live2 = (i0 + (n_bt + 16u)) < u.tq;
  let limit2 = select(0u, last_key((i0 + (n_bt + 16u))), live2);
  var L2 = 0.0;
  var D2 = 0.0;
  if (live2) { L2 = lse_get(bh * u.tq + (i0 + (n_bt + 16u))); D2 = delta_get(bh * u.tq + (i0 + (n_bt + 16u))); }
  let live3 = (i0 + (n_bt + 24u)) < u.tq;
  let limit3 = select(0u, last_key((i0 + (n_bt + 24u))), live3);
  var L3 = 0.0;
  var D3 = 0.0;
  if (live3) { L3 = lse_get(bh * u.tq + (i0 + (n_bt + 24u))); D3 = delta_get(bh * u.tq + (i0 + (n_bt + 24u))); }
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0; var dp_0_2 = 0.0; var dp_0_3 = 0.0; var dp_1_0 = 0.0; var dp_1_1 = 0.0; var dp_1_2 = 0.0; var dp_1_3 = 0.0;
  let t_at = lid / 4u;
  let t_bt = lid % 4u;
  var dq_0_0 = vec4<f32>(); var dq_1_0 = vec4<f32>(); var dq_2_0 = vec4<f32>(); var dq_3_0 = vec4<f32>();
  var pk0 = vec4<f32>();
  var pv0 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    { k_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pk0; }
    { v_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pv0; }
    workgroupBarrier();
    if (j0 + 32u < key_end) { { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0; dp_0_2 = 0.0; dp_0_3 = 0.0; dp_1_0 = 0.0; dp_1_1 = 0.0; dp_1_2 = 0.0; dp_1_3 = 0.0;
      let s_ao0 = (n_at + 0u) * 5u;
    let s_ao1 = (n_at + 16u) * 5u;
    let s_bo0 = (n_bt + 0u) * 5u;
    let s_bo1 = (n_bt + 8u) * 5u;
    let s_bo2 = (n_bt + 16u) * 5u;
    let s_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = k_s[s_ao0 + k4];
      let s_a1 = k_s[s_ao1 + k4];
      let s_b0 = q_s[s_bo0 + k4];
      let s_b1 = q_s[s_bo1 + k4];
      let s_b2 = q_s[s_bo2 + k4];
      let s_b3 = q_s[s_bo3 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_0_2 = fma(s_a0.w, s_b2.w, fma(s_a0.z, s_b2.z, fma(s_a0.y, s_b2.y, fma(s_a0.x, s_b2.x, s_0_2))));
      s_0_3 = fma(s_a0.w, s_b3.w, fma(s_a0.z, s_b3.z, fma(s_a0.y, s_b3.y, fma(s_a0.x, s_b3.x, s_0_3))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
      s_1_2 = fma(s_a1.w, s_b2.w, fma(s_a1.z, s_b2.z, fma(s_a1.y, s_b2.y, fma(s_a1.x, s_b2.x, s_1_2))));
      s_1_3 = fma(s_a1.w, s_b3.w, fma(s_a1.z, s_b3.z, fma(s_a1.y, s_b3.y, fma(s_a1.x, s_b3.x, s_1_3))));
    }
      let dp_ao0 = (n_at + 0u) * 5u;
    let dp_ao1 = (n_at + 16u) * 5u;
    let dp_bo0 = (n_bt + 0u) * 5u;
    let dp_bo1 = (n_bt + 8u) * 5u;
    let dp_bo2 = (n_bt + 16u) * 5u;
    let dp_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let dp_a0 = v_s[dp_ao0 + k4];
      let dp_a1 = v_s[dp_ao1 + k4];
      let dp_b0 = g_s[dp_bo0 + k4];
      let dp_b1 = g_s[dp_bo1 + k4];
      let dp_b2 = g_s[dp_bo2 + k4];
      let dp_b3 = g_s[dp_bo3 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
      dp_0_2 = fma(dp_a0.w, dp_b2.w, fma(dp_a0.z, dp_b2.z, fma(dp_a0.y, dp_b2.y, fma(dp_a0.x, dp_b2.x, dp_0_2))));
      dp_0_3 = fma(dp_a0.w, dp_b3.w, fma(dp_a0.z, dp_b3.z, fma(dp_a0.y, dp_b3.y, fma(dp_a0.x, dp_b3.x, dp_0_3))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
      dp_1_1 = fma(dp_a1.w, dp_b1.w, fma(dp_a1.z, dp_b1.z, fma(dp_a1.y, dp_b1.y, fma(dp_a1.x, dp_b1.x, dp_1_1))));
      dp_1_2 = fma(dp_a1.w, dp_b2.w, fma(dp_a1.z, dp_b2.z, fma(dp_a1.y, dp_b2.y, fma(dp_a1.x, dp_b2.x, dp_1_2))));
      dp_1_3 = fma(dp_a1.w, dp_b3.w, fma(dp_a1.z, dp_b3.z, fma(dp_a1.y, dp_b3.y, fma(dp_a1.x, dp_b3.x, dp_1_3))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 0u))) {
          p = exp(s_0_1 - L1);
          
        }
        let dp = dp_0_1;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit2, i0 + (n_bt + 16u), j0 + (n_at + 0u))) {
          p = exp(s_0_2 - L2);
          
        }
        let dp = dp_0_2;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D2);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit3, i0 + (n_bt + 24u), j0 + (n_at + 0u))) {
          p = exp(s_0_3 - L3);
          
        }
        let dp = dp_0_3;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D3);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 16u))) {
          p = exp(s_1_0 - L0);
          
        }
        let dp = dp_1_0;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 16u))) {
          p = exp(s_1_1 - L1);
          
        }
        let dp = dp_1_1;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit2, i0 + (n_bt + 16u), j0 + (n_at + 16u))) {
          p = exp(s_1_2 - L2);
          
        }
        let dp = dp_1_2;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D2);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit3, i0 + (n_bt + 24u), j0 + (n_at + 16u))) {
          p = exp(s_1_3 - L3);
          
        }
        let dp = dp_1_3;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D3);
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      for (var k = 0u; k < 32u; k++) {
      let dq_a0 = ds_s[k * 9u + t_at + 0u];
      let dq_b0 = k_s[k * 5u + t_bt + 0u];
      dq_0_0 = fma(vec4<f32>(dq_a0[0]), dq_b0, dq_0_0);
      dq_1_0 = fma(vec4<f32>(dq_a0[1]), dq_b0, dq_1_0);
      dq_2_0 = fma(vec4<f32>(dq_a0[2]), dq_b0, dq_2_0);
      dq_3_0 = fma(vec4<f32>(dq_a0[3]), dq_b0, dq_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 32u) {
    let dq_row0 = i0 + ((t_at + 0u) * 4u + 0u);
  if (dq_row0 < u.tq) {
    let dq_row0_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row0 * u.d) / 4u + (t_bt + 0u), dq_row0_scale * dq_0_0); }
  }
  let dq_row1 = i0 + ((t_at + 0u) * 4u + 1u);
  if (dq_row1 < u.tq) {
    let dq_row1_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row1 * u.d) / 4u + (t_bt + 0u), dq_row1_scale * dq_1_0); }
  }
  let dq_row2 = i0 + ((t_at + 0u) * 4u + 2u);
  if (dq_row2 < u.tq) {
    let dq_row2_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row2 * u.d) / 4u + (t_bt + 0u), dq_row2_scale * dq_2_0); }
  }
  let dq_row3 = i0 + ((t_at + 0u) * 4u + 3u);
  if (dq_row3 < u.tq) {
    let dq_row3_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row3 * u.d) / 4u + (t_bt + 0u), dq_row3_scale * dq_3_0); }
  }
  }
}

// ---- flashAttentionBackward-dq:d16:dv32:plain:mask:vec4:br32:bc32:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dq:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dq_offset:u32,q_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dq_offset: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dq: array<vec4<f32>>;
fn dq_get4(j: u32) -> vec4<f32> { return dq[u.dq_offset + j]; }
fn dq_set4(j: u32, v: vec4<f32>) { dq[u.dq_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = false;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> q_s: array<vec4<f32>, 160>;
var<workgroup> g_s: array<vec4<f32>, 288>;
var<workgroup> k_s: array<vec4<f32>, 160>;
var<workgroup> v_s: array<vec4<f32>, 288>;
var<workgroup> ds_s: array<vec4<f32>, 288>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 32u;
  let key_end = last_key(min(u.tq, i0 + 32u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 128u; e += 128u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 5u + c4] = u.scale * x;
    }
  for (var e = lid; e < 256u; e += 128u) {
      let c4 = e % 8u;
      let r = e / 8u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.dv4) { x = g_get4((bh * u.tq * u.dv + gr * u.dv) / 4u + c4); }
      g_s[r * 9u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  let live0 = (i0 + (n_bt + 0u)) < u.tq;
  let limit0 = select(0u, last_key((i0 + (n_bt + 0u))), live0);
  var L0 = 0.0;
  var D0 = 0.0;
  if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_bt + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_bt + 0u))); }
  let live1 = (i0 + (n_bt + 8u)) < u.tq;
  let limit1 = select(0u, last_key((i0 + (n_bt + 8u))), live1);
  var L1 = 0.0;
  var D1 = 0.0;
  if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_bt + 8u))); D1 = delta_get(bh * u.tq + (i0 + (n_bt + 8u))); }
  let live2 = (i0 + (n_bt + 16u)) < u.tq;
  let limit2 = select(0u, last_key((i0 + (n_bt + 16u))), live2);
  var L2 = 0.0;
  var D2 = 0.0;
  if (live2) { L2 = lse_get(bh * u.tq + (i0 + (n_bt + 16u))); D2 = delta_get(bh * u.tq + (i0 + (n_bt + 16u))); }
  let live3 = (i0 + (n_bt + 24u)) < u.tq;
  let limit3 = select(0u, last_key((i0 + (n_bt + 24u))), live3);
  var L3 = 0.0;
  var D3 = 0.0;
  if (live3) { L3 = lse_get(bh * u.tq + (i0 + (n_bt + 24u))); D3 = delta_get(bh * u.tq + (i0 + (n_bt + 24u))); }
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0; var dp_0_2 = 0.0; var dp_0_3 = 0.0; var dp_1_0 = 0.0; var dp_1_1 = 0.0; var dp_1_2 = 0.0; var dp_1_3 = 0.0;
  let t_at = lid / 4u;
  let t_bt = lid % 4u;
  var dq_0_0 = vec4<f32>(); var dq_1_0 = vec4<f32>(); var dq_2_0 = vec4<f32>(); var dq_3_0 = vec4<f32>();
  var pk0 = vec4<f32>();
  var pv0 = vec4<f32>(); var pv1 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 8u; let gr = 0u + (lid + 0u) / 8u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = 0u + (lid + 128u) / 8u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    { k_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pk0; }
    { v_s[((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = pv0; }
    { v_s[((lid + 128u) / 8u) * 9u + (lid + 128u) % 8u] = pv1; }
    workgroupBarrier();
    if (j0 + 32u < key_end) { { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 0u) % 8u; let gr = j0 + 32u + (lid + 0u) / 8u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = j0 + 32u + (lid + 128u) / 8u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0; dp_0_2 = 0.0; dp_0_3 = 0.0; dp_1_0 = 0.0; dp_1_1 = 0.0; dp_1_2 = 0.0; dp_1_3 = 0.0;
      let s_ao0 = (n_at + 0u) * 5u;
    let s_ao1 = (n_at + 16u) * 5u;
    let s_bo0 = (n_bt + 0u) * 5u;
    let s_bo1 = (n_bt + 8u) * 5u;
    let s_bo2 = (n_bt + 16u) * 5u;
    let s_bo3 = (n_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = k_s[s_ao0 + k4];
      let s_a1 = k_s[s_ao1 + k4];
      let s_b0 = q_s[s_bo0 + k4];
      let s_b1 = q_s[s_bo1 + k4];
      let s_b2 = q_s[s_bo2 + k4];
      let s_b3 = q_s[s_bo3 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_0_2 = fma(s_a0.w, s_b2.w, fma(s_a0.z, s_b2.z, fma(s_a0.y, s_b2.y, fma(s_a0.x, s_b2.x, s_0_2))));
      s_0_3 = fma(s_a0.w, s_b3.w, fma(s_a0.z, s_b3.z, fma(s_a0.y, s_b3.y, fma(s_a0.x, s_b3.x, s_0_3))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
      s_1_2 = fma(s_a1.w, s_b2.w, fma(s_a1.z, s_b2.z, fma(s_a1.y, s_b2.y, fma(s_a1.x, s_b2.x, s_1_2))));
      s_1_3 = fma(s_a1.w, s_b3.w, fma(s_a1.z, s_b3.z, fma(s_a1.y, s_b3.y, fma(s_a1.x, s_b3.x, s_1_3))));
    }
      let dp_ao0 = (n_at + 0u) * 9u;
    let dp_ao1 = (n_at + 16u) * 9u;
    let dp_bo0 = (n_bt + 0u) * 9u;
    let dp_bo1 = (n_bt + 8u) * 9u;
    let dp_bo2 = (n_bt + 16u) * 9u;
    let dp_bo3 = (n_bt + 24u) * 9u;
    for (var k4 = 0u; k4 < 8u; k4++) {
      let dp_a0 = v_s[dp_ao0 + k4];
      let dp_a1 = v_s[dp_ao1 + k4];
      let dp_b0 = g_s[dp_bo0 + k4];
      let dp_b1 = g_s[dp_bo1 + k4];
      let dp_b2 = g_s[dp_bo2 + k4];
      let dp_b3 = g_s[dp_bo3 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
      dp_0_2 = fma(dp_a0.w, dp_b2.w, fma(dp_a0.z, dp_b2.z, fma(dp_a0.y, dp_b2.y, fma(dp_a0.x, dp_b2.x, dp_0_2))));
      dp_0_3 = fma(dp_a0.w, dp_b3.w, fma(dp_a0.z, dp_b3.z, fma(dp_a0.y, dp_b3.y, fma(dp_a0.x, dp_b3.x, dp_0_3))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
      dp_1_1 = fma(dp_a1.w, dp_b1.w, fma(dp_a1.z, dp_b1.z, fma(dp_a1.y, dp_b1.y, fma(dp_a1.x, dp_b1.x, dp_1_1))));
      dp_1_2 = fma(dp_a1.w, dp_b2.w, fma(dp_a1.z, dp_b2.z, fma(dp_a1.y, dp_b2.y, fma(dp_a1.x, dp_b2.x, dp_1_2))));
      dp_1_3 = fma(dp_a1.w, dp_b3.w, fma(dp_a1.z, dp_b3.z, fma(dp_a1.y, dp_b3.y, fma(dp_a1.x, dp_b3.x, dp_1_3))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 0u))) {
          p = exp(s_0_1 - L1);
          
        }
        let dp = dp_0_1;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit2, i0 + (n_bt + 16u), j0 + (n_at + 0u))) {
          p = exp(s_0_2 - L2);
          
        }
        let dp = dp_0_2;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D2);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit3, i0 + (n_bt + 24u), j0 + (n_at + 0u))) {
          p = exp(s_0_3 - L3);
          
        }
        let dp = dp_0_3;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D3);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 16u))) {
          p = exp(s_1_0 - L0);
          
        }
        let dp = dp_1_0;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 16u))) {
          p = exp(s_1_1 - L1);
          
        }
        let dp = dp_1_1;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit2, i0 + (n_bt + 16u), j0 + (n_at + 16u))) {
          p = exp(s_1_2 - L2);
          
        }
        let dp = dp_1_2;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D2);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit3, i0 + (n_bt + 24u), j0 + (n_at + 16u))) {
          p = exp(s_1_3 - L3);
          
        }
        let dp = dp_1_3;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D3);
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      for (var k = 0u; k < 32u; k++) {
      let dq_a0 = ds_s[k * 9u + t_at + 0u];
      let dq_b0 = k_s[k * 5u + t_bt + 0u];
      dq_0_0 = fma(vec4<f32>(dq_a0[0]), dq_b0, dq_0_0);
      dq_1_0 = fma(vec4<f32>(dq_a0[1]), dq_b0, dq_1_0);
      dq_2_0 = fma(vec4<f32>(dq_a0[2]), dq_b0, dq_2_0);
      dq_3_0 = fma(vec4<f32>(dq_a0[3]), dq_b0, dq_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 32u) {
    let dq_row0 = i0 + ((t_at + 0u) * 4u + 0u);
  if (dq_row0 < u.tq) {
    let dq_row0_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row0 * u.d) / 4u + (t_bt + 0u), dq_row0_scale * dq_0_0); }
  }
  let dq_row1 = i0 + ((t_at + 0u) * 4u + 1u);
  if (dq_row1 < u.tq) {
    let dq_row1_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row1 * u.d) / 4u + (t_bt + 0u), dq_row1_scale * dq_1_0); }
  }
  let dq_row2 = i0 + ((t_at + 0u) * 4u + 2u);
  if (dq_row2 < u.tq) {
    let dq_row2_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row2 * u.d) / 4u + (t_bt + 0u), dq_row2_scale * dq_2_0); }
  }
  let dq_row3 = i0 + ((t_at + 0u) * 4u + 3u);
  if (dq_row3 < u.tq) {
    let dq_row3_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row3 * u.d) / 4u + (t_bt + 0u), dq_row3_scale * dq_3_0); }
  }
  }
}

// ---- flashAttentionBackward-dq:d256:dv256:plain:mask1:vec4:br8:bc8:t32:unrolled:direct|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dq:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dq_offset:u32,q_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dq_offset: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dq: array<vec4<f32>>;
fn dq_get4(j: u32) -> vec4<f32> { return dq[u.dq_offset + j]; }
fn dq_set4(j: u32, v: vec4<f32>) { dq[u.dq_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> q_s: array<vec4<f32>, 520>;
var<workgroup> g_s: array<vec4<f32>, 520>;
var<workgroup> k_s: array<vec4<f32>, 520>;
var<workgroup> v_s: array<vec4<f32>, 520>;
var<workgroup> ds_s: array<vec4<f32>, 24>;

@compute @workgroup_size(32)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 8u;
  let key_end = last_key(min(u.tq, i0 + 8u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 512u; e += 32u) {
      let c4 = e % 64u;
      let r = e / 64u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 65u + c4] = u.scale * x;
    }
  for (var e = lid; e < 512u; e += 32u) {
      let c4 = e % 64u;
      let r = e / 64u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.dv4) { x = g_get4((bh * u.tq * u.dv + gr * u.dv) / 4u + c4); }
      g_s[r * 65u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  let live0 = (i0 + (n_bt + 0u)) < u.tq;
  let limit0 = select(0u, last_key((i0 + (n_bt + 0u))), live0);
  var L0 = 0.0;
  var D0 = 0.0;
  if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_bt + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_bt + 0u))); }
  var s_0_0 = 0.0; var s_1_0 = 0.0;
  var dp_0_0 = 0.0; var dp_1_0 = 0.0;
  let t_at = lid / 16u;
  let t_bt = lid % 16u;
  var dq_0_0 = vec4<f32>(); var dq_0_1 = vec4<f32>(); var dq_0_2 = vec4<f32>(); var dq_0_3 = vec4<f32>(); var dq_1_0 = vec4<f32>(); var dq_1_1 = vec4<f32>(); var dq_1_2 = vec4<f32>(); var dq_1_3 = vec4<f32>(); var dq_2_0 = vec4<f32>(); var dq_2_1 = vec4<f32>(); var dq_2_2 = vec4<f32>(); var dq_2_3 = vec4<f32>(); var dq_3_0 = vec4<f32>(); var dq_3_1 = vec4<f32>(); var dq_3_2 = vec4<f32>(); var dq_3_3 = vec4<f32>();
  

  for (var j0 = 0u; j0 < key_end; j0 += 8u) {
    let kn = min(8u, key_end - j0);
    for (var e = lid; e < 512u; e += 32u) {
      let c4 = e % 64u;
      let r = e / 64u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.d4) { x = k_get4((k_base + gr * u.d) / 4u + c4); }
      k_s[r * 65u + c4] = x;
    }
    for (var e = lid; e < 512u; e += 32u) {
      let c4 = e % 64u;
      let r = e / 64u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.dv4) { x = v_get4((v_base + gr * u.dv) / 4u + c4); }
      v_s[r * 65u + c4] = x;
    }
    workgroupBarrier();
    
    if (lid < 32u) {
      s_0_0 = 0.0; s_1_0 = 0.0;
      dp_0_0 = 0.0; dp_1_0 = 0.0;
      let s_ao0 = (n_at + 0u) * 65u;
    let s_ao1 = (n_at + 4u) * 65u;
    let s_bo0 = (n_bt + 0u) * 65u;
    for (var k4 = 0u; k4 < 64u; k4++) {
      let s_a0 = k_s[s_ao0 + k4];
      let s_a1 = k_s[s_ao1 + k4];
      let s_b0 = q_s[s_bo0 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
    }
      let dp_ao0 = (n_at + 0u) * 65u;
    let dp_ao1 = (n_at + 4u) * 65u;
    let dp_bo0 = (n_bt + 0u) * 65u;
    for (var k4 = 0u; k4 < 64u; k4++) {
      let dp_a0 = v_s[dp_ao0 + k4];
      let dp_a1 = v_s[dp_ao1 + k4];
      let dp_b0 = g_s[dp_bo0 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        ds_s[((n_at + 0u)) * 3u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 4u))) {
          p = exp(s_1_0 - L0);
          
        }
        let dp = dp_1_0;
        ds_s[((n_at + 4u)) * 3u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      for (var k = 0u; k < 8u; k++) {
      let dq_a0 = ds_s[k * 3u + t_at + 0u];
      let dq_b0 = k_s[k * 65u + t_bt + 0u];
      let dq_b1 = k_s[k * 65u + t_bt + 16u];
      let dq_b2 = k_s[k * 65u + t_bt + 32u];
      let dq_b3 = k_s[k * 65u + t_bt + 48u];
      dq_0_0 = fma(vec4<f32>(dq_a0[0]), dq_b0, dq_0_0);
      dq_0_1 = fma(vec4<f32>(dq_a0[0]), dq_b1, dq_0_1);
      dq_0_2 = fma(vec4<f32>(dq_a0[0]), dq_b2, dq_0_2);
      dq_0_3 = fma(vec4<f32>(dq_a0[0]), dq_b3, dq_0_3);
      dq_1_0 = fma(vec4<f32>(dq_a0[1]), dq_b0, dq_1_0);
      dq_1_1 = fma(vec4<f32>(dq_a0[1]), dq_b1, dq_1_1);
      dq_1_2 = fma(vec4<f32>(dq_a0[1]), dq_b2, dq_1_2);
      dq_1_3 = fma(vec4<f32>(dq_a0[1]), dq_b3, dq_1_3);
      dq_2_0 = fma(vec4<f32>(dq_a0[2]), dq_b0, dq_2_0);
      dq_2_1 = fma(vec4<f32>(dq_a0[2]), dq_b1, dq_2_1);
      dq_2_2 = fma(vec4<f32>(dq_a0[2]), dq_b2, dq_2_2);
      dq_2_3 = fma(vec4<f32>(dq_a0[2]), dq_b3, dq_2_3);
      dq_3_0 = fma(vec4<f32>(dq_a0[3]), dq_b0, dq_3_0);
      dq_3_1 = fma(vec4<f32>(dq_a0[3]), dq_b1, dq_3_1);
      dq_3_2 = fma(vec4<f32>(dq_a0[3]), dq_b2, dq_3_2);
      dq_3_3 = fma(vec4<f32>(dq_a0[3]), dq_b3, dq_3_3);
    }
    }
    workgroupBarrier();
  }
  if (lid < 32u) {
    let dq_row0 = i0 + ((t_at + 0u) * 4u + 0u);
  if (dq_row0 < u.tq) {
    let dq_row0_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row0 * u.d) / 4u + (t_bt + 0u), dq_row0_scale * dq_0_0); }
    if ((t_bt + 16u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row0 * u.d) / 4u + (t_bt + 16u), dq_row0_scale * dq_0_1); }
    if ((t_bt + 32u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row0 * u.d) / 4u + (t_bt + 32u), dq_row0_scale * dq_0_2); }
    if ((t_bt + 48u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row0 * u.d) / 4u + (t_bt + 48u), dq_row0_scale * dq_0_3); }
  }
  let dq_row1 = i0 + ((t_at + 0u) * 4u + 1u);
  if (dq_row1 < u.tq) {
    let dq_row1_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row1 * u.d) / 4u + (t_bt + 0u), dq_row1_scale * dq_1_0); }
    if ((t_bt + 16u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row1 * u.d) / 4u + (t_bt + 16u), dq_row1_scale * dq_1_1); }
    if ((t_bt + 32u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row1 * u.d) / 4u + (t_bt + 32u), dq_row1_scale * dq_1_2); }
    if ((t_bt + 48u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row1 * u.d) / 4u + (t_bt + 48u), dq_row1_scale * dq_1_3); }
  }
  let dq_row2 = i0 + ((t_at + 0u) * 4u + 2u);
  if (dq_row2 < u.tq) {
    let dq_row2_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row2 * u.d) / 4u + (t_bt + 0u), dq_row2_scale * dq_2_0); }
    if ((t_bt + 16u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row2 * u.d) / 4u + (t_bt + 16u), dq_row2_scale * dq_2_1); }
    if ((t_bt + 32u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row2 * u.d) / 4u + (t_bt + 32u), dq_row2_scale * dq_2_2); }
    if ((t_bt + 48u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row2 * u.d) / 4u + (t_bt + 48u), dq_row2_scale * dq_2_3); }
  }
  let dq_row3 = i0 + ((t_at + 0u) * 4u + 3u);
  if (dq_row3 < u.tq) {
    let dq_row3_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row3 * u.d) / 4u + (t_bt + 0u), dq_row3_scale * dq_3_0); }
    if ((t_bt + 16u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row3 * u.d) / 4u + (t_bt + 16u), dq_row3_scale * dq_3_1); }
    if ((t_bt + 32u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row3 * u.d) / 4u + (t_bt + 32u), dq_row3_scale * dq_3_2); }
    if ((t_bt + 48u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row3 * u.d) / 4u + (t_bt + 48u), dq_row3_scale * dq_3_3); }
  }
  }
}

// ---- flashAttentionBackward-dq:d32:dv32:plain:mask1:vec4:br32:bc32:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dq:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dq_offset:u32,q_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dq_offset: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dq: array<vec4<f32>>;
fn dq_get4(j: u32) -> vec4<f32> { return dq[u.dq_offset + j]; }
fn dq_set4(j: u32, v: vec4<f32>) { dq[u.dq_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> q_s: array<vec4<f32>, 288>;
var<workgroup> g_s: array<vec4<f32>, 288>;
var<workgroup> k_s: array<vec4<f32>, 288>;
var<workgroup> v_s: array<vec4<f32>, 288>;
var<workgroup> ds_s: array<vec4<f32>, 288>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 32u;
  let key_end = last_key(min(u.tq, i0 + 32u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 256u; e += 128u) {
      let c4 = e % 8u;
      let r = e / 8u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 9u + c4] = u.scale * x;
    }
  for (var e = lid; e < 256u; e += 128u) {
      let c4 = e % 8u;
      let r = e / 8u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.dv4) { x = g_get4((bh * u.tq * u.dv + gr * u.dv) / 4u + c4); }
      g_s[r * 9u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  let live0 = (i0 + (n_bt + 0u)) < u.tq;
  let limit0 = select(0u, last_key((i0 + (n_bt + 0u))), live0);
  var L0 = 0.0;
  var D0 = 0.0;
  if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_bt + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_bt + 0u))); }
  let live1 = (i0 + (n_bt + 8u)) < u.tq;
  let limit1 = select(0u, last_key((i0 + (n_bt + 8u))), live1);
  var L1 = 0.0;
  var D1 = 0.0;
  if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_bt + 8u))); D1 = delta_get(bh * u.tq + (i0 + (n_bt + 8u))); }
  let live2 = (i0 + (n_bt + 16u)) < u.tq;
  let limit2 = select(0u, last_key((i0 + (n_bt + 16u))), live2);
  var L2 = 0.0;
  var D2 = 0.0;
  if (live2) { L2 = lse_get(bh * u.tq + (i0 + (n_bt + 16u))); D2 = delta_get(bh * u.tq + (i0 + (n_bt + 16u))); }
  let live3 = (i0 + (n_bt + 24u)) < u.tq;
  let limit3 = select(0u, last_key((i0 + (n_bt + 24u))), live3);
  var L3 = 0.0;
  var D3 = 0.0;
  if (live3) { L3 = lse_get(bh * u.tq + (i0 + (n_bt + 24u))); D3 = delta_get(bh * u.tq + (i0 + (n_bt + 24u))); }
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0; var dp_0_2 = 0.0; var dp_0_3 = 0.0; var dp_1_0 = 0.0; var dp_1_1 = 0.0; var dp_1_2 = 0.0; var dp_1_3 = 0.0;
  let t_at = lid / 8u;
  let t_bt = lid % 8u;
  var dq_0_0 = vec4<f32>(); var dq_1_0 = vec4<f32>(); var dq_2_0 = vec4<f32>(); var dq_3_0 = vec4<f32>();
  var pk0 = vec4<f32>(); var pk1 = vec4<f32>();
  var pv0 = vec4<f32>(); var pv1 = vec4<f32>();
  { let c4 = (lid + 0u) % 8u; let gr = 0u + (lid + 0u) / 8u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = 0u + (lid + 128u) / 8u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 8u; let gr = 0u + (lid + 0u) / 8u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = 0u + (lid + 128u) / 8u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    { k_s[((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = pk0; }
    { k_s[((lid + 128u) / 8u) * 9u + (lid + 128u) % 8u] = pk1; }
    { v_s[((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = pv0; }
    { v_s[((lid + 128u) / 8u) * 9u + (lid + 128u) % 8u] = pv1; }
    workgroupBarrier();
    if (j0 + 32u < key_end) { { let c4 = (lid + 0u) % 8u; let gr = j0 + 32u + (lid + 0u) / 8u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = j0 + 32u + (lid + 128u) / 8u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 0u) % 8u; let gr = j0 + 32u + (lid + 0u) / 8u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = j0 + 32u + (lid + 128u) / 8u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0; dp_0_2 = 0.0; dp_0_3 = 0.0; dp_1_0 = 0.0; dp_1_1 = 0.0; dp_1_2 = 0.0; dp_1_3 = 0.0;
      let s_ao0 = (n_at + 0u) * 9u;
    let s_ao1 = (n_at + 16u) * 9u;
    let s_bo0 = (n_bt + 0u) * 9u;
    let s_bo1 = (n_bt + 8u) * 9u;
    let s_bo2 = (n_bt + 16u) * 9u;
    let s_bo3 = (n_bt + 24u) * 9u;
    for (var k4 = 0u; k4 < 8u; k4++) {
      let s_a0 = k_s[s_ao0 + k4];
      let s_a1 = k_s[s_ao1 + k4];
      let s_b0 = q_s[s_bo0 + k4];
      let s_b1 = q_s[s_bo1 + k4];
      let s_b2 = q_s[s_bo2 + k4];
      let s_b3 = q_s[s_bo3 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_0_2 = fma(s_a0.w, s_b2.w, fma(s_a0.z, s_b2.z, fma(s_a0.y, s_b2.y, fma(s_a0.x, s_b2.x, s_0_2))));
      s_0_3 = fma(s_a0.w, s_b3.w, fma(s_a0.z, s_b3.z, fma(s_a0.y, s_b3.y, fma(s_a0.x, s_b3.x, s_0_3))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
      s_1_2 = fma(s_a1.w, s_b2.w, fma(s_a1.z, s_b2.z, fma(s_a1.y, s_b2.y, fma(s_a1.x, s_b2.x, s_1_2))));
      s_1_3 = fma(s_a1.w, s_b3.w, fma(s_a1.z, s_b3.z, fma(s_a1.y, s_b3.y, fma(s_a1.x, s_b3.x, s_1_3))));
    }
      let dp_ao0 = (n_at + 0u) * 9u;
    let dp_ao1 = (n_at + 16u) * 9u;
    let dp_bo0 = (n_bt + 0u) * 9u;
    let dp_bo1 = (n_bt + 8u) * 9u;
    let dp_bo2 = (n_bt + 16u) * 9u;
    let dp_bo3 = (n_bt + 24u) * 9u;
    for (var k4 = 0u; k4 < 8u; k4++) {
      let dp_a0 = v_s[dp_ao0 + k4];
      let dp_a1 = v_s[dp_ao1 + k4];
      let dp_b0 = g_s[dp_bo0 + k4];
      let dp_b1 = g_s[dp_bo1 + k4];
      let dp_b2 = g_s[dp_bo2 + k4];
      let dp_b3 = g_s[dp_bo3 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
      dp_0_2 = fma(dp_a0.w, dp_b2.w, fma(dp_a0.z, dp_b2.z, fma(dp_a0.y, dp_b2.y, fma(dp_a0.x, dp_b2.x, dp_0_2))));
      dp_0_3 = fma(dp_a0.w, dp_b3.w, fma(dp_a0.z, dp_b3.z, fma(dp_a0.y, dp_b3.y, fma(dp_a0.x, dp_b3.x, dp_0_3))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
      dp_1_1 = fma(dp_a1.w, dp_b1.w, fma(dp_a1.z, dp_b1.z, fma(dp_a1.y, dp_b1.y, fma(dp_a1.x, dp_b1.x, dp_1_1))));
      dp_1_2 = fma(dp_a1.w, dp_b2.w, fma(dp_a1.z, dp_b2.z, fma(dp_a1.y, dp_b2.y, fma(dp_a1.x, dp_b2.x, dp_1_2))));
      dp_1_3 = fma(dp_a1.w, dp_b3.w, fma(dp_a1.z, dp_b3.z, fma(dp_a1.y, dp_b3.y, fma(dp_a1.x, dp_b3.x, dp_1_3))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 0u))) {
          p = exp(s_0_1 - L1);
          
        }
        let dp = dp_0_1;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit2, i0 + (n_bt + 16u), j0 + (n_at + 0u))) {
          p = exp(s_0_2 - L2);
          
        }
        let dp = dp_0_2;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D2);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit3, i0 + (n_bt + 24u), j0 + (n_at + 0u))) {
          p = exp(s_0_3 - L3);
          
        }
        let dp = dp_0_3;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D3);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 16u))) {
          p = exp(s_1_0 - L0);
          
        }
        let dp = dp_1_0;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 16u))) {
          p = exp(s_1_1 - L1);
          
        }
        let dp = dp_1_1;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit2, i0 + (n_bt + 16u), j0 + (n_at + 16u))) {
          p = exp(s_1_2 - L2);
          
        }
        let dp = dp_1_2;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D2);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit3, i0 + (n_bt + 24u), j0 + (n_at + 16u))) {
          p = exp(s_1_3 - L3);
          
        }
        let dp = dp_1_3;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D3);
      }
    }
    workgroupBarrier();
    if (lid < 64u) {
      for (var k = 0u; k < 32u; k++) {
      let dq_a0 = ds_s[k * 9u + t_at + 0u];
      let dq_b0 = k_s[k * 9u + t_bt + 0u];
      dq_0_0 = fma(vec4<f32>(dq_a0[0]), dq_b0, dq_0_0);
      dq_1_0 = fma(vec4<f32>(dq_a0[1]), dq_b0, dq_1_0);
      dq_2_0 = fma(vec4<f32>(dq_a0[2]), dq_b0, dq_2_0);
      dq_3_0 = fma(vec4<f32>(dq_a0[3]), dq_b0, dq_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 64u) {
    let dq_row0 = i0 + ((t_at + 0u) * 4u + 0u);
  if (dq_row0 < u.tq) {
    let dq_row0_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row0 * u.d) / 4u + (t_bt + 0u), dq_row0_scale * dq_0_0); }
  }
  let dq_row1 = i0 + ((t_at + 0u) * 4u + 1u);
  if (dq_row1 < u.tq) {
    let dq_row1_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row1 * u.d) / 4u + (t_bt + 0u), dq_row1_scale * dq_1_0); }
  }
  let dq_row2 = i0 + ((t_at + 0u) * 4u + 2u);
  if (dq_row2 < u.tq) {
    let dq_row2_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row2 * u.d) / 4u + (t_bt + 0u), dq_row2_scale * dq_2_0); }
  }
  let dq_row3 = i0 + ((t_at + 0u) * 4u + 3u);
  if (dq_row3 < u.tq) {
    let dq_row3_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row3 * u.d) / 4u + (t_bt + 0u), dq_row3_scale * dq_3_0); }
  }
  }
}

// ---- flashAttentionBackward-dq:d64:dv64:plain:mask1:vec4:br32:bc32:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,lse:f32:read,g:f32:read:vec4,delta:f32:read_write,dq:f32:read_write:vec4|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,lse_offset:u32,g_offset:u32,dq_offset:u32,q_tiles:u32
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  q_offset: u32,
  k_offset: u32,
  v_offset: u32,
  mask_offset: u32,
  lse_offset: u32,
  g_offset: u32,
  dq_offset: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> q: array<vec4<f32>>;
fn q_get4(j: u32) -> vec4<f32> { return q[u.q_offset + j]; }
@group(0) @binding(2) var<storage, read> k: array<vec4<f32>>;
fn k_get4(j: u32) -> vec4<f32> { return k[u.k_offset + j]; }
@group(0) @binding(3) var<storage, read> v: array<vec4<f32>>;
fn v_get4(j: u32) -> vec4<f32> { return v[u.v_offset + j]; }
@group(0) @binding(4) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(5) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(6) var<storage, read> g: array<vec4<f32>>;
fn g_get4(j: u32) -> vec4<f32> { return g[u.g_offset + j]; }
@group(0) @binding(7) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(8) var<storage, read_write> dq: array<vec4<f32>>;
fn dq_get4(j: u32) -> vec4<f32> { return dq[u.dq_offset + j]; }
fn dq_set4(j: u32, v: vec4<f32>) { dq[u.dq_offset + j] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}

var<workgroup> q_s: array<vec4<f32>, 544>;
var<workgroup> g_s: array<vec4<f32>, 544>;
var<workgroup> k_s: array<vec4<f32>, 544>;
var<workgroup> v_s: array<vec4<f32>, 544>;
var<workgroup> ds_s: array<vec4<f32>, 288>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 32u;
  let key_end = last_key(min(u.tq, i0 + 32u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 512u; e += 128u) {
      let c4 = e % 16u;
      let r = e / 16u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 17u + c4] = u.scale * x;
    }
  for (var e = lid; e < 512u; e += 128u) {
      let c4 = e % 16u;
      let r = e / 16u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.dv4) { x = g_get4((bh * u.tq * u.dv + gr * u.dv) / 4u + c4); }
      g_s[r * 17u + c4] = x;
    }

  let n_at = lid / 8u;
  let n_bt = lid % 8u;
  let live0 = (i0 + (n_bt + 0u)) < u.tq;
  let limit0 = select(0u, last_key((i0 + (n_bt + 0u))), live0);
  var L0 = 0.0;
  var D0 = 0.0;
  if (live0) { L0 = lse_get(bh * u.tq + (i0 + (n_bt + 0u))); D0 = delta_get(bh * u.tq + (i0 + (n_bt + 0u))); }
  let live1 = (i0 + (n_bt + 8u)) < u.tq;
  let limit1 = select(0u, last_key((i0 + (n_bt + 8u))), live1);
  var L1 = 0.0;
  var D1 = 0.0;
  if (live1) { L1 = lse_get(bh * u.tq + (i0 + (n_bt + 8u))); D1 = delta_get(bh * u.tq + (i0 + (n_bt + 8u))); }
  let live2 = (i0 + (n_bt + 16u)) < u.tq;
  let limit2 = select(0u, last_key((i0 + (n_bt + 16u))), live2);
  var L2 = 0.0;
  var D2 = 0.0;
  if (live2) { L2 = lse_get(bh * u.tq + (i0 + (n_bt + 16u))); D2 = delta_get(bh * u.tq + (i0 + (n_bt + 16u))); }
  let live3 = (i0 + (n_bt + 24u)) < u.tq;
  let limit3 = select(0u, last_key((i0 + (n_bt + 24u))), live3);
  var L3 = 0.0;
  var D3 = 0.0;
  if (live3) { L3 = lse_get(bh * u.tq + (i0 + (n_bt + 24u))); D3 = delta_get(bh * u.tq + (i0 + (n_bt + 24u))); }
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  var dp_0_0 = 0.0; var dp_0_1 = 0.0; var dp_0_2 = 0.0; var dp_0_3 = 0.0; var dp_1_0 = 0.0; var dp_1_1 = 0.0; var dp_1_2 = 0.0; var dp_1_3 = 0.0;
  let t_at = lid / 16u;
  let t_bt = lid % 16u;
  var dq_0_0 = vec4<f32>(); var dq_1_0 = vec4<f32>(); var dq_2_0 = vec4<f32>(); var dq_3_0 = vec4<f32>();
  var pk0 = vec4<f32>(); var pk1 = vec4<f32>(); var pk2 = vec4<f32>(); var pk3 = vec4<f32>();
  var pv0 = vec4<f32>(); var pv1 = vec4<f32>(); var pv2 = vec4<f32>(); var pv3 = vec4<f32>();
  { let c4 = (lid + 0u) % 16u; let gr = 0u + (lid + 0u) / 16u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 16u; let gr = 0u + (lid + 128u) / 16u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 256u) % 16u; let gr = 0u + (lid + 256u) / 16u; pk2 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk2 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 384u) % 16u; let gr = 0u + (lid + 384u) / 16u; pk3 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk3 = k_get4((k_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 16u; let gr = 0u + (lid + 0u) / 16u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 16u; let gr = 0u + (lid + 128u) / 16u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 256u) % 16u; let gr = 0u + (lid + 256u) / 16u; pv2 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv2 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 384u) % 16u; let gr = 0u + (lid + 384u) / 16u; pv3 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv3 = v_get4((v_base + gr * u.dv) / 4u + c4); } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    { k_s[((lid + 0u) / 16u) * 17u + (lid + 0u) % 16u] = pk0; }
    { k_s[((lid + 128u) / 16u) * 17u + (lid + 128u) % 16u] = pk1; }
    { k_s[((lid + 256u) / 16u) * 17u + (lid + 256u) % 16u] = pk2; }
    { k_s[((lid + 384u) / 16u) * 17u + (lid + 384u) % 16u] = pk3; }
    { v_s[((lid + 0u) / 16u) * 17u + (lid + 0u) % 16u] = pv0; }
    { v_s[((lid + 128u) / 16u) * 17u + (lid + 128u) % 16u] = pv1; }
    { v_s[((lid + 256u) / 16u) * 17u + (lid + 256u) % 16u] = pv2; }
    { v_s[((lid + 384u) / 16u) * 17u + (lid + 384u) % 16u] = pv3; }
    workgroupBarrier();
    if (j0 + 32u < key_end) { { let c4 = (lid + 0u) % 16u; let gr = j0 + 32u + (lid + 0u) / 16u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 16u; let gr = j0 + 32u + (lid + 128u) / 16u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 256u) % 16u; let gr = j0 + 32u + (lid + 256u) / 16u; pk2 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk2 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 384u) % 16u; let gr = j0 + 32u + (lid + 384u) / 16u; pk3 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk3 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 0u) % 16u; let gr = j0 + 32u + (lid + 0u) / 16u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 16u; let gr = j0 + 32u + (lid + 128u) / 16u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 256u) % 16u; let gr = j0 + 32u + (lid + 256u) / 16u; pv2 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv2 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 384u) % 16u; let gr = j0 + 32u + (lid + 384u) / 16u; pv3 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv3 = v_get4((v_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      dp_0_0 = 0.0; dp_0_1 = 0.0; dp_0_2 = 0.0; dp_0_3 = 0.0; dp_1_0 = 0.0; dp_1_1 = 0.0; dp_1_2 = 0.0; dp_1_3 = 0.0;
      let s_ao0 = (n_at + 0u) * 17u;
    let s_ao1 = (n_at + 16u) * 17u;
    let s_bo0 = (n_bt + 0u) * 17u;
    let s_bo1 = (n_bt + 8u) * 17u;
    let s_bo2 = (n_bt + 16u) * 17u;
    let s_bo3 = (n_bt + 24u) * 17u;
    for (var k4 = 0u; k4 < 16u; k4++) {
      let s_a0 = k_s[s_ao0 + k4];
      let s_a1 = k_s[s_ao1 + k4];
      let s_b0 = q_s[s_bo0 + k4];
      let s_b1 = q_s[s_bo1 + k4];
      let s_b2 = q_s[s_bo2 + k4];
      let s_b3 = q_s[s_bo3 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_0_2 = fma(s_a0.w, s_b2.w, fma(s_a0.z, s_b2.z, fma(s_a0.y, s_b2.y, fma(s_a0.x, s_b2.x, s_0_2))));
      s_0_3 = fma(s_a0.w, s_b3.w, fma(s_a0.z, s_b3.z, fma(s_a0.y, s_b3.y, fma(s_a0.x, s_b3.x, s_0_3))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
      s_1_2 = fma(s_a1.w, s_b2.w, fma(s_a1.z, s_b2.z, fma(s_a1.y, s_b2.y, fma(s_a1.x, s_b2.x, s_1_2))));
      s_1_3 = fma(s_a1.w, s_b3.w, fma(s_a1.z, s_b3.z, fma(s_a1.y, s_b3.y, fma(s_a1.x, s_b3.x, s_1_3))));
    }
      let dp_ao0 = (n_at + 0u) * 17u;
    let dp_ao1 = (n_at + 16u) * 17u;
    let dp_bo0 = (n_bt + 0u) * 17u;
    let dp_bo1 = (n_bt + 8u) * 17u;
    let dp_bo2 = (n_bt + 16u) * 17u;
    let dp_bo3 = (n_bt + 24u) * 17u;
    for (var k4 = 0u; k4 < 16u; k4++) {
      let dp_a0 = v_s[dp_ao0 + k4];
      let dp_a1 = v_s[dp_ao1 + k4];
      let dp_b0 = g_s[dp_bo0 + k4];
      let dp_b1 = g_s[dp_bo1 + k4];
      let dp_b2 = g_s[dp_bo2 + k4];
      let dp_b3 = g_s[dp_bo3 + k4];
      dp_0_0 = fma(dp_a0.w, dp_b0.w, fma(dp_a0.z, dp_b0.z, fma(dp_a0.y, dp_b0.y, fma(dp_a0.x, dp_b0.x, dp_0_0))));
      dp_0_1 = fma(dp_a0.w, dp_b1.w, fma(dp_a0.z, dp_b1.z, fma(dp_a0.y, dp_b1.y, fma(dp_a0.x, dp_b1.x, dp_0_1))));
      dp_0_2 = fma(dp_a0.w, dp_b2.w, fma(dp_a0.z, dp_b2.z, fma(dp_a0.y, dp_b2.y, fma(dp_a0.x, dp_b2.x, dp_0_2))));
      dp_0_3 = fma(dp_a0.w, dp_b3.w, fma(dp_a0.z, dp_b3.z, fma(dp_a0.y, dp_b3.y, fma(dp_a0.x, dp_b3.x, dp_0_3))));
      dp_1_0 = fma(dp_a1.w, dp_b0.w, fma(dp_a1.z, dp_b0.z, fma(dp_a1.y, dp_b0.y, fma(dp_a1.x, dp_b0.x, dp_1_0))));
      dp_1_1 = fma(dp_a1.w, dp_b1.w, fma(dp_a1.z, dp_b1.z, fma(dp_a1.y, dp_b1.y, fma(dp_a1.x, dp_b1.x, dp_1_1))));
      dp_1_2 = fma(dp_a1.w, dp_b2.w, fma(dp_a1.z, dp_b2.z, fma(dp_a1.y, dp_b2.y, fma(dp_a1.x, dp_b2.x, dp_1_2))));
      dp_1_3 = fma(dp_a1.w, dp_b3.w, fma(dp_a1.z, dp_b3.z, fma(dp_a1.y, dp_b3.y, fma(dp_a1.x, dp_b3.x, dp_1_3))));
    }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 0u))) {
          p = exp(s_0_0 - L0);
          
        }
        let dp = dp_0_0;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 0u))) {
          p = exp(s_0_1 - L1);
          
        }
        let dp = dp_0_1;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit2, i0 + (n_bt + 16u), j0 + (n_at + 0u))) {
          p = exp(s_0_2 - L2);
          
        }
        let dp = dp_0_2;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D2);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit3, i0 + (n_bt + 24u), j0 + (n_at + 0u))) {
          p = exp(s_0_3 - L3);
          
        }
        let dp = dp_0_3;
        ds_s[((n_at + 0u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D3);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit0, i0 + (n_bt + 0u), j0 + (n_at + 16u))) {
          p = exp(s_1_0 - L0);
          
        }
        let dp = dp_1_0;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 0u)) / 4u][((n_bt + 0u)) % 4u] = p * (dp * z - D0);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit1, i0 + (n_bt + 8u), j0 + (n_at + 16u))) {
          p = exp(s_1_1 - L1);
          
        }
        let dp = dp_1_1;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 8u)) / 4u][((n_bt + 8u)) % 4u] = p * (dp * z - D1);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit2, i0 + (n_bt + 16u), j0 + (n_at + 16u))) {
          p = exp(s_1_2 - L2);
          
        }
        let dp = dp_1_2;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 16u)) / 4u][((n_bt + 16u)) % 4u] = p * (dp * z - D2);
      }
      {
        var p = 0.0;
        var z = 1.0;
        if (allowed(m_base, limit3, i0 + (n_bt + 24u), j0 + (n_at + 16u))) {
          p = exp(s_1_3 - L3);
          
        }
        let dp = dp_1_3;
        ds_s[((n_at + 16u)) * 9u + ((n_bt + 24u)) / 4u][((n_bt + 24u)) % 4u] = p * (dp * z - D3);
      }
    }
    workgroupBarrier();
    if (lid < 128u) {
      for (var k = 0u; k < 32u; k++) {
      let dq_a0 = ds_s[k * 9u + t_at + 0u];
      let dq_b0 = k_s[k * 17u + t_bt + 0u];
      dq_0_0 = fma(vec4<f32>(dq_a0[0]), dq_b0, dq_0_0);
      dq_1_0 = fma(vec4<f32>(dq_a0[1]), dq_b0, dq_1_0);
      dq_2_0 = fma(vec4<f32>(dq_a0[2]), dq_b0, dq_2_0);
      dq_3_0 = fma(vec4<f32>(dq_a0[3]), dq_b0, dq_3_0);
    }
    }
    workgroupBarrier();
  }
  if (lid < 128u) {
    let dq_row0 = i0 + ((t_at + 0u) * 4u + 0u);
  if (dq_row0 < u.tq) {
    let dq_row0_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row0 * u.d) / 4u + (t_bt + 0u), dq_row0_scale * dq_0_0); }
  }
  let dq_row1 = i0 + ((t_at + 0u) * 4u + 1u);
  if (dq_row1 < u.tq) {
    let dq_row1_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row1 * u.d) / 4u + (t_bt + 0u), dq_row1_scale * dq_1_0); }
  }
  let dq_row2 = i0 + ((t_at + 0u) * 4u + 2u);
  if (dq_row2 < u.tq) {
    let dq_row2_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row2 * u.d) / 4u + (t_bt + 0u), dq_row2_scale * dq_2_0); }
  }
  let dq_row3 = i0 + ((t_at + 0u) * 4u + 3u);
  if (dq_row3 < u.tq) {
    let dq_row3_scale = u.scale;
    if ((t_bt + 0u) * 4u < u.d) { dq_set4((bh * u.tq * u.d + dq_row3 * u.d) / 4u + (t_bt + 0u), dq_row3_scale * dq_3_0); }
  }
  }
}

// ---- flashAttentionBackwardTC-dkdv:d128:dv128:plain:mask1:vec4:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:vec4<u32>:read_write,ks:f16:read_write,vs:f16:read_write,gs:vec4<u32>:read_write,dk:f32:read_write,dv:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dk_offset:u32,dv_offset:u32,error_tag:u32,k_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dk_offset: u32,
  dv_offset: u32,
  error_tag: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> ks: array<f16>;
@group(0) @binding(7) var<storage, read_write> vs: array<f16>;
@group(0) @binding(8) var<storage, read_write> gs: array<vec4<u32>>;
@group(0) @binding(9) var<storage, read_write> dk: array<f32>;
fn dk_get(i: u32) -> f32 { return dk[u.dk_offset + i]; }
fn dk_set(i: u32, v: f32) { dk[u.dk_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> dv: array<f32>;
fn dv_get(i: u32) -> f32 { return dv[u.dv_offset + i]; }
fn dv_set(i: u32, v: f32) { dv[u.dv_offset + i] = v; }
@group(0) @binding(11) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> q_hi: array<f16, 2176>;
var<workgroup> g_hi: array<f16, 2176>;
var<workgroup> pz_hi: array<f16, 1536>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;
var<workgroup> l_s: array<f32, 16>;
var<workgroup> d_s: array<f32, 16>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 64u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see none of these keys.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 16u) * 16u;
  let first_key = bh * u.tkp + j0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per key row, each half of every query tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let key = j0 + sid * 16u + lr;
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  // dPᵀ and dV come from dO·s (s = gscale, a power of two), and dSᵀ is kept scaled by s; dk and dv
  // are unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 128u + 0u, false, 128u);
  let k_hi_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 128u + 16u, false, 128u);
  let k_hi_2 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 128u + 32u, false, 128u);
  let k_hi_3 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 128u + 48u, false, 128u);
  let k_hi_4 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 128u + 64u, false, 128u);
  let k_hi_5 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 128u + 80u, false, 128u);
  let k_hi_6 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 128u + 96u, false, 128u);
  let k_hi_7 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 128u + 112u, false, 128u);
  let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 128u + 0u, false, 128u);
  let v_hi_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 128u + 16u, false, 128u);
  let v_hi_2 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 128u + 32u, false, 128u);
  let v_hi_3 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 128u + 48u, false, 128u);
  let v_hi_4 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 128u + 64u, false, 128u);
  let v_hi_5 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 128u + 80u, false, 128u);
  let v_hi_6 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 128u + 96u, false, 128u);
  let v_hi_7 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 128u + 112u, false, 128u);
  var acc_dk_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dk_1 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dk_2 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dk_3 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dk_4 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dk_5 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dk_6 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dk_7 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_1 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_2 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_3 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_4 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_5 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_6 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_7 = subgroup_matrix_result<f32, 16, 16>();
  var acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var i0 = first; i0 < u.tq; i0 += 16u) {
    for (var ce = lid; ce < 256u; ce += 128u) {
      let cr = ce / 16u;
      let cc = (ce % 16u) * 8u;
      let w = qs[((bh * u.tqp + i0 + cr) * 128u + cc) / 8u];
      let at = cr * 136u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); q_hi[at + 0u] = h0.x; q_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); q_hi[at + 2u] = h1.x; q_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); q_hi[at + 4u] = h2.x; q_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); q_hi[at + 6u] = h3.x; q_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 256u; ce += 128u) {
      let cr = ce / 16u;
      let cc = (ce % 16u) * 8u;
      let w = gs[((bh * u.tqp + i0 + cr) * 128u + cc) / 8u];
      let at = cr * 136u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); g_hi[at + 0u] = h0.x; g_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); g_hi[at + 2u] = h1.x; g_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); g_hi[at + 4u] = h2.x; g_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); g_hi[at + 6u] = h3.x; g_hi[at + 7u] = h3.y;
    }
    for (var t = lid; t < 16u; t += 128u) {
      var lt = 0.0;
      var dt = 0.0;
      if (i0 + t < u.tq) { lt = lse_get(bh * u.tq + i0 + t); dt = delta_get(bh * u.tq + i0 + t); }
      l_s[t] = lt;
      d_s[t] = dt;
    }
    workgroupBarrier();
    acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, true, 136u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_0, t_hi_0, acc_st_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 16u, true, 136u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_1, t_hi_0, acc_st_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 32u, true, 136u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_2, t_hi_0, acc_st_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 48u, true, 136u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_3, t_hi_0, acc_st_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 64u, true, 136u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_4, t_hi_0, acc_st_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 80u, true, 136u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_5, t_hi_0, acc_st_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 96u, true, 136u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_6, t_hi_0, acc_st_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 112u, true, 136u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_7, t_hi_0, acc_st_0);
    }
    acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, true, 136u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_0, t_hi_0, acc_dpt_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 16u, true, 136u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_1, t_hi_0, acc_dpt_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 32u, true, 136u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_2, t_hi_0, acc_dpt_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 48u, true, 136u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_3, t_hi_0, acc_dpt_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 64u, true, 136u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_4, t_hi_0, acc_dpt_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 80u, true, 136u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_5, t_hi_0, acc_dpt_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 96u, true, 136u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_6, t_hi_0, acc_dpt_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 112u, true, 136u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_7, t_hi_0, acc_dpt_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_st_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dpt_0, false, 20u);
    workgroupBarrier();
    // (P·z)ᵀ and dSᵀ = Pᵀ ⊙ (z·dPᵀ − D) for this key row and half of the query tile.
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let i = i0 + col;
      var pz = 0.0;
      var ds = 0.0;
      if (i < u.tq && allowed(m_base, last_key(i), i, key)) {
        let p = exp(s_s[s_base + lr * 20u + col] - l_s[col]);
        let z = 1.0;
        pz = p * z;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_s[col] * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(pz); pz_hi[p_base + lr * 24u + col] = h;  }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&pz_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, false, 136u);
      let r_hi_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 16u, false, 136u);
      let r_hi_2 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 32u, false, 136u);
      let r_hi_3 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 48u, false, 136u);
      let r_hi_4 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 64u, false, 136u);
      let r_hi_5 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 80u, false, 136u);
      let r_hi_6 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 96u, false, 136u);
      let r_hi_7 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 112u, false, 136u);
      acc_dv_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dv_0);
      acc_dv_1 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_1, acc_dv_1);
      acc_dv_2 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_2, acc_dv_2);
      acc_dv_3 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_3, acc_dv_3);
      acc_dv_4 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_4, acc_dv_4);
      acc_dv_5 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_5, acc_dv_5);
      acc_dv_6 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_6, acc_dv_6);
      acc_dv_7 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_7, acc_dv_7);
    }
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, false, 136u);
      let r_hi_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 16u, false, 136u);
      let r_hi_2 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 32u, false, 136u);
      let r_hi_3 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 48u, false, 136u);
      let r_hi_4 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 64u, false, 136u);
      let r_hi_5 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 80u, false, 136u);
      let r_hi_6 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 96u, false, 136u);
      let r_hi_7 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 112u, false, 136u);
      acc_dk_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dk_0);
      acc_dk_1 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_1, acc_dk_1);
      acc_dk_2 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_2, acc_dk_2);
      acc_dk_3 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_3, acc_dk_3);
      acc_dk_4 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_4, acc_dk_4);
      acc_dk_5 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_5, acc_dk_5);
      acc_dk_6 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_6, acc_dk_6);
      acc_dk_7 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_7, acc_dk_7);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 0u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_1, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 16u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_2, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 32u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_3, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 48u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_4, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 64u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_5, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 80u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_6, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 96u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_7, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 112u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 0u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_1, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 16u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_2, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 32u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_3, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 48u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_4, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 64u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_5, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 80u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_6, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 96u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_7, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 112u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dkdv:d16:dv16:dropout:mask1:vec4:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:vec4<u32>:read_write,ks:f16:read_write,vs:f16:read_write,gs:vec4<u32>:read_write,dk:f32:read_write,dv:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,seed_lo:u32,seed_hi:u32,offset_lo:u32,offset_hi:u32,threshold:u32,keep_scale:f32,drop_cols:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dk_offset:u32,dv_offset:u32,error_tag:u32,k_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  seed_lo: u32,
  seed_hi: u32,
  offset_lo: u32,
  offset_hi: u32,
  threshold: u32,
  keep_scale: f32,
  drop_cols: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dk_offset: u32,
  dv_offset: u32,
  error_tag: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> ks: array<f16>;
@group(0) @binding(7) var<storage, read_write> vs: array<f16>;
@group(0) @binding(8) var<storage, read_write> gs: array<vec4<u32>>;
@group(0) @binding(9) var<storage, read_write> dk: array<f32>;
fn dk_get(i: u32) -> f32 { return dk[u.dk_offset + i]; }
fn dk_set(i: u32, v: f32) { dk[u.dk_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> dv: array<f32>;
fn dv_get(i: u32) -> f32 { return dv[u.dv_offset + i]; }
fn dv_set(i: u32, v: f32) { dv[u.dv_offset + i] = v; }
@group(0) @binding(11) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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

/** Philox4x32-10 of a 64-bit block number (block_lo, block_hi) in this call's stream. */
fn philox_block(block_lo: u32, block_hi: u32) -> vec4<u32> {
  return philox4x32_10(vec2<u32>(u.seed_lo, u.seed_hi), vec4<u32>(block_lo, block_hi, u.offset_lo, u.offset_hi));
}

fn keep_of(word: u32) -> f32 { return select(0.0, u.keep_scale, (word >> 8u) >= u.threshold); }

/** A walk along one mask row: the words of the last Philox block are reused for the next three columns. */
struct DropRow {
  start_lo: u32,
  start_hi: u32,
  block_lo: u32,
  block_hi: u32,
  words: vec4<u32>,
  valid: bool,
}

/** The walk of global mask row g (= b·rows + rowOffset + i): index g·N + j. */
fn drop_row(g: u32) -> DropRow {
  return DropRow(g * u.drop_cols, mulhi32(g, u.drop_cols), 0u, 0u, vec4<u32>(), false);
}

/** z = 1/(1 − p) or 0 for column j of the row. */
fn drop_scale(row: ptr<function, DropRow>, j: u32) -> f32 {
  let lo = (*row).start_lo + j;
  let hi = (*row).start_hi + select(0u, 1u, lo < (*row).start_lo);
  let block_lo = (lo >> 2u) | (hi << 30u);
  let block_hi = hi >> 2u;
  if (!(*row).valid || block_lo != (*row).block_lo || block_hi != (*row).block_hi) {
    (*row).words = philox_block(block_lo, block_hi);
    (*row).block_lo = block_lo;
    (*row).block_hi = block_hi;
    (*row).valid = true;
  }
  return keep_of((*row).words[lo & 3u]);
}

/** z for columns j … j + 3 of global mask row g, from at most two Philox blocks. */
fn drop_scale4(g: u32, j: u32) -> vec4<f32> {
  let start_lo = g * u.drop_cols;
  let start_hi = mulhi32(g, u.drop_cols);
  let lo = start_lo + j;
  let hi = start_hi + select(0u, 1u, lo < start_lo);
  let block_lo = (lo >> 2u) | (hi << 30u);
  let block_hi = hi >> 2u;
  let first = lo & 3u;
  let w0 = philox_block(block_lo, block_hi);
  var w1 = w0;
  if (first != 0u) {
    let next_lo = block_lo + 1u;
    w1 = philox_block(next_lo, block_hi + select(0u, 1u, next_lo == 0u));
  }
  var z = vec4<f32>();
  for (var q = 0u; q < 4u; q++) {
    let e = first + q;
    var w = 0u;
    if (e < 4u) { w = w0[e]; } else { w = w1[e - 4u]; }
    z[q] = keep_of(w);
  }
  return z;
}
fn drop_at(drop_g: u32, j: u32) -> f32 {
  var walk = drop_row(drop_g);
  return drop_scale(&walk, j);
}

// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> q_hi: array<f16, 384>;
var<workgroup> g_hi: array<f16, 384>;
var<workgroup> pz_hi: array<f16, 1536>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;
var<workgroup> l_s: array<f32, 16>;
var<workgroup> d_s: array<f32, 16>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 64u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see none of these keys.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 16u) * 16u;
  let first_key = bh * u.tkp + j0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per key row, each half of every query tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let key = j0 + sid * 16u + lr;
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  // dPᵀ and dV come from dO·s (s = gscale, a power of two), and dSᵀ is kept scaled by s; dk and dv
  // are unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 16u + 0u, false, 16u);
  let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 16u + 0u, false, 16u);
  var acc_dk_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var i0 = first; i0 < u.tq; i0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = qs[((bh * u.tqp + i0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); q_hi[at + 0u] = h0.x; q_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); q_hi[at + 2u] = h1.x; q_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); q_hi[at + 4u] = h2.x; q_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); q_hi[at + 6u] = h3.x; q_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = gs[((bh * u.tqp + i0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); g_hi[at + 0u] = h0.x; g_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); g_hi[at + 2u] = h1.x; g_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); g_hi[at + 4u] = h2.x; g_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); g_hi[at + 6u] = h3.x; g_hi[at + 7u] = h3.y;
    }
    for (var t = lid; t < 16u; t += 128u) {
      var lt = 0.0;
      var dt = 0.0;
      if (i0 + t < u.tq) { lt = lse_get(bh * u.tq + i0 + t); dt = delta_get(bh * u.tq + i0 + t); }
      l_s[t] = lt;
      d_s[t] = dt;
    }
    workgroupBarrier();
    acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, true, 24u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_0, t_hi_0, acc_st_0);
    }
    acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, true, 24u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_0, t_hi_0, acc_dpt_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_st_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dpt_0, false, 20u);
    workgroupBarrier();
    // (P·z)ᵀ and dSᵀ = Pᵀ ⊙ (z·dPᵀ − D) for this key row and half of the query tile.
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let i = i0 + col;
      var pz = 0.0;
      var ds = 0.0;
      if (i < u.tq && allowed(m_base, last_key(i), i, key)) {
        let p = exp(s_s[s_base + lr * 20u + col] - l_s[col]);
        let z = drop_at(drop_global_row(bh, i), key);
        pz = p * z;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_s[col] * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(pz); pz_hi[p_base + lr * 24u + col] = h;  }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&pz_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, false, 24u);
      acc_dv_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dv_0);
    }
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, false, 24u);
      acc_dk_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dk_0);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 0u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 0u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dkdv:d16:dv16:plain:mask:vec4:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:vec4<u32>:read_write,ks:f16:read_write,vs:f16:read_write,gs:vec4<u32>:read_write,dk:f32:read_write,dv:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dk_offset:u32,dv_offset:u32,error_tag:u32,k_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dk_offset: u32,
  dv_offset: u32,
  error_tag: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> ks: array<f16>;
@group(0) @binding(7) var<storage, read_write> vs: array<f16>;
@group(0) @binding(8) var<storage, read_write> gs: array<vec4<u32>>;
@group(0) @binding(9) var<storage, read_write> dk: array<f32>;
fn dk_get(i: u32) -> f32 { return dk[u.dk_offset + i]; }
fn dk_set(i: u32, v: f32) { dk[u.dk_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> dv: array<f32>;
fn dv_get(i: u32) -> f32 { return dv[u.dv_offset + i]; }
fn dv_set(i: u32, v: f32) { dv[u.dv_offset + i] = v; }
@group(0) @binding(11) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = false;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> q_hi: array<f16, 384>;
var<workgroup> g_hi: array<f16, 384>;
var<workgroup> pz_hi: array<f16, 1536>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;
var<workgroup> l_s: array<f32, 16>;
var<workgroup> d_s: array<f32, 16>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 64u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see none of these keys.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 16u) * 16u;
  let first_key = bh * u.tkp + j0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per key row, each half of every query tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let key = j0 + sid * 16u + lr;
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  // dPᵀ and dV come from dO·s (s = gscale, a power of two), and dSᵀ is kept scaled by s; dk and dv
  // are unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 16u + 0u, false, 16u);
  let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 16u + 0u, false, 16u);
  var acc_dk_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var i0 = first; i0 < u.tq; i0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = qs[((bh * u.tqp + i0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); q_hi[at + 0u] = h0.x; q_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); q_hi[at + 2u] = h1.x; q_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); q_hi[at + 4u] = h2.x; q_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); q_hi[at + 6u] = h3.x; q_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = gs[((bh * u.tqp + i0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); g_hi[at + 0u] = h0.x; g_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); g_hi[at + 2u] = h1.x; g_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); g_hi[at + 4u] = h2.x; g_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); g_hi[at + 6u] = h3.x; g_hi[at + 7u] = h3.y;
    }
    for (var t = lid; t < 16u; t += 128u) {
      var lt = 0.0;
      var dt = 0.0;
      if (i0 + t < u.tq) { lt = lse_get(bh * u.tq + i0 + t); dt = delta_get(bh * u.tq + i0 + t); }
      l_s[t] = lt;
      d_s[t] = dt;
    }
    workgroupBarrier();
    acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, true, 24u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_0, t_hi_0, acc_st_0);
    }
    acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, true, 24u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_0, t_hi_0, acc_dpt_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_st_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dpt_0, false, 20u);
    workgroupBarrier();
    // (P·z)ᵀ and dSᵀ = Pᵀ ⊙ (z·dPᵀ − D) for this key row and half of the query tile.
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let i = i0 + col;
      var pz = 0.0;
      var ds = 0.0;
      if (i < u.tq && allowed(m_base, last_key(i), i, key)) {
        let p = exp(s_s[s_base + lr * 20u + col] - l_s[col]);
        let z = 1.0;
        pz = p * z;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_s[col] * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(pz); pz_hi[p_base + lr * 24u + col] = h;  }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&pz_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, false, 24u);
      acc_dv_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dv_0);
    }
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, false, 24u);
      acc_dk_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dk_0);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 0u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 0u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dkdv:d16:dv16:plain:mask1:scalar:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:vec4<u32>:read_write,ks:f16:read_write,vs:f16:read_write,gs:vec4<u32>:read_write,dk:f32:read_write,dv:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dk_offset:u32,dv_offset:u32,error_tag:u32,k_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dk_offset: u32,
  dv_offset: u32,
  error_tag: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> ks: array<f16>;
@group(0) @binding(7) var<storage, read_write> vs: array<f16>;
@group(0) @binding(8) var<storage, read_write> gs: array<vec4<u32>>;
@group(0) @binding(9) var<storage, read_write> dk: array<f32>;
fn dk_get(i: u32) -> f32 { return dk[u.dk_offset + i]; }
fn dk_set(i: u32, v: f32) { dk[u.dk_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> dv: array<f32>;
fn dv_get(i: u32) -> f32 { return dv[u.dv_offset + i]; }
fn dv_set(i: u32, v: f32) { dv[u.dv_offset + i] = v; }
@group(0) @binding(11) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> q_hi: array<f16, 384>;
var<workgroup> g_hi: array<f16, 384>;
var<workgroup> pz_hi: array<f16, 1536>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;
var<workgroup> l_s: array<f32, 16>;
var<workgroup> d_s: array<f32, 16>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 64u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see none of these keys.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 16u) * 16u;
  let first_key = bh * u.tkp + j0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per key row, each half of every query tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let key = j0 + sid * 16u + lr;
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  // dPᵀ and dV come from dO·s (s = gscale, a power of two), and dSᵀ is kept scaled by s; dk and dv
  // are unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 16u + 0u, false, 16u);
  let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 16u + 0u, false, 16u);
  var acc_dk_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var i0 = first; i0 < u.tq; i0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = qs[((bh * u.tqp + i0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); q_hi[at + 0u] = h0.x; q_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); q_hi[at + 2u] = h1.x; q_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); q_hi[at + 4u] = h2.x; q_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); q_hi[at + 6u] = h3.x; q_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = gs[((bh * u.tqp + i0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); g_hi[at + 0u] = h0.x; g_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); g_hi[at + 2u] = h1.x; g_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); g_hi[at + 4u] = h2.x; g_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); g_hi[at + 6u] = h3.x; g_hi[at + 7u] = h3.y;
    }
    for (var t = lid; t < 16u; t += 128u) {
      var lt = 0.0;
      var dt = 0.0;
      if (i0 + t < u.tq) { lt = lse_get(bh * u.tq + i0 + t); dt = delta_get(bh * u.tq + i0 + t); }
      l_s[t] = lt;
      d_s[t] = dt;
    }
    workgroupBarrier();
    acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, true, 24u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_0, t_hi_0, acc_st_0);
    }
    acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, true, 24u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_0, t_hi_0, acc_dpt_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_st_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dpt_0, false, 20u);
    workgroupBarrier();
    // (P·z)ᵀ and dSᵀ = Pᵀ ⊙ (z·dPᵀ − D) for this key row and half of the query tile.
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let i = i0 + col;
      var pz = 0.0;
      var ds = 0.0;
      if (i < u.tq && allowed(m_base, last_key(i), i, key)) {
        let p = exp(s_s[s_base + lr * 20u + col] - l_s[col]);
        let z = 1.0;
        pz = p * z;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_s[col] * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(pz); pz_hi[p_base + lr * 24u + col] = h;  }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&pz_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, false, 24u);
      acc_dv_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dv_0);
    }
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, false, 24u);
      acc_dk_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dk_0);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 0u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 0u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dkdv:d16:dv16:plain:mask1:vec4:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:vec4<u32>:read_write,ks:f16:read_write,vs:f16:read_write,gs:vec4<u32>:read_write,dk:f32:read_write,dv:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dk_offset:u32,dv_offset:u32,error_tag:u32,k_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dk_offset: u32,
  dv_offset: u32,
  error_tag: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> ks: array<f16>;
@group(0) @binding(7) var<storage, read_write> vs: array<f16>;
@group(0) @binding(8) var<storage, read_write> gs: array<vec4<u32>>;
@group(0) @binding(9) var<storage, read_write> dk: array<f32>;
fn dk_get(i: u32) -> f32 { return dk[u.dk_offset + i]; }
fn dk_set(i: u32, v: f32) { dk[u.dk_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> dv: array<f32>;
fn dv_get(i: u32) -> f32 { return dv[u.dv_offset + i]; }
fn dv_set(i: u32, v: f32) { dv[u.dv_offset + i] = v; }
@group(0) @binding(11) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> q_hi: array<f16, 384>;
var<workgroup> g_hi: array<f16, 384>;
var<workgroup> pz_hi: array<f16, 1536>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;
var<workgroup> l_s: array<f32, 16>;
var<workgroup> d_s: array<f32, 16>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 64u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see none of these keys.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 16u) * 16u;
  let first_key = bh * u.tkp + j0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per key row, each half of every query tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let key = j0 + sid * 16u + lr;
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  // dPᵀ and dV come from dO·s (s = gscale, a power of two), and dSᵀ is kept scaled by s; dk and dv
  // are unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 16u + 0u, false, 16u);
  let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 16u + 0u, false, 16u);
  var acc_dk_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var i0 = first; i0 < u.tq; i0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = qs[((bh * u.tqp + i0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); q_hi[at + 0u] = h0.x; q_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); q_hi[at + 2u] = h1.x; q_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); q_hi[at + 4u] = h2.x; q_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); q_hi[at + 6u] = h3.x; q_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = gs[((bh * u.tqp + i0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); g_hi[at + 0u] = h0.x; g_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); g_hi[at + 2u] = h1.x; g_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); g_hi[at + 4u] = h2.x; g_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); g_hi[at + 6u] = h3.x; g_hi[at + 7u] = h3.y;
    }
    for (var t = lid; t < 16u; t += 128u) {
      var lt = 0.0;
      var dt = 0.0;
      if (i0 + t < u.tq) { lt = lse_get(bh * u.tq + i0 + t); dt = delta_get(bh * u.tq + i0 + t); }
      l_s[t] = lt;
      d_s[t] = dt;
    }
    workgroupBarrier();
    acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, true, 24u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_0, t_hi_0, acc_st_0);
    }
    acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, true, 24u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_0, t_hi_0, acc_dpt_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_st_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dpt_0, false, 20u);
    workgroupBarrier();
    // (P·z)ᵀ and dSᵀ = Pᵀ ⊙ (z·dPᵀ − D) for this key row and half of the query tile.
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let i = i0 + col;
      var pz = 0.0;
      var ds = 0.0;
      if (i < u.tq && allowed(m_base, last_key(i), i, key)) {
        let p = exp(s_s[s_base + lr * 20u + col] - l_s[col]);
        let z = 1.0;
        pz = p * z;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_s[col] * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(pz); pz_hi[p_base + lr * 24u + col] = h;  }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&pz_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, false, 24u);
      acc_dv_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dv_0);
    }
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, false, 24u);
      acc_dk_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dk_0);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 0u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 0u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dkdv:d16:dv32:plain:mask:vec4:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:vec4<u32>:read_write,ks:f16:read_write,vs:f16:read_write,gs:vec4<u32>:read_write,dk:f32:read_write,dv:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dk_offset:u32,dv_offset:u32,error_tag:u32,k_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dk_offset: u32,
  dv_offset: u32,
  error_tag: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> ks: array<f16>;
@group(0) @binding(7) var<storage, read_write> vs: array<f16>;
@group(0) @binding(8) var<storage, read_write> gs: array<vec4<u32>>;
@group(0) @binding(9) var<storage, read_write> dk: array<f32>;
fn dk_get(i: u32) -> f32 { return dk[u.dk_offset + i]; }
fn dk_set(i: u32, v: f32) { dk[u.dk_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> dv: array<f32>;
fn dv_get(i: u32) -> f32 { return dv[u.dv_offset + i]; }
fn dv_set(i: u32, v: f32) { dv[u.dv_offset + i] = v; }
@group(0) @binding(11) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = false;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> q_hi: array<f16, 384>;
var<workgroup> g_hi: array<f16, 640>;
var<workgroup> pz_hi: array<f16, 1536>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;
var<workgroup> l_s: array<f32, 16>;
var<workgroup> d_s: array<f32, 16>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 64u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see none of these keys.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 16u) * 16u;
  let first_key = bh * u.tkp + j0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per key row, each half of every query tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let key = j0 + sid * 16u + lr;
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  // dPᵀ and dV come from dO·s (s = gscale, a power of two), and dSᵀ is kept scaled by s; dk and dv
  // are unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 16u + 0u, false, 16u);
  let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 32u + 0u, false, 32u);
  let v_hi_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 32u + 16u, false, 32u);
  var acc_dk_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_1 = subgroup_matrix_result<f32, 16, 16>();
  var acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var i0 = first; i0 < u.tq; i0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = qs[((bh * u.tqp + i0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); q_hi[at + 0u] = h0.x; q_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); q_hi[at + 2u] = h1.x; q_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); q_hi[at + 4u] = h2.x; q_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); q_hi[at + 6u] = h3.x; q_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 64u; ce += 128u) {
      let cr = ce / 4u;
      let cc = (ce % 4u) * 8u;
      let w = gs[((bh * u.tqp + i0 + cr) * 32u + cc) / 8u];
      let at = cr * 40u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); g_hi[at + 0u] = h0.x; g_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); g_hi[at + 2u] = h1.x; g_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); g_hi[at + 4u] = h2.x; g_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); g_hi[at + 6u] = h3.x; g_hi[at + 7u] = h3.y;
    }
    for (var t = lid; t < 16u; t += 128u) {
      var lt = 0.0;
      var dt = 0.0;
      if (i0 + t < u.tq) { lt = lse_get(bh * u.tq + i0 + t); dt = delta_get(bh * u.tq + i0 + t); }
      l_s[t] = lt;
      d_s[t] = dt;
    }
    workgroupBarrier();
    acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, true, 24u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_0, t_hi_0, acc_st_0);
    }
    acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, true, 40u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_0, t_hi_0, acc_dpt_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 16u, true, 40u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_1, t_hi_0, acc_dpt_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_st_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dpt_0, false, 20u);
    workgroupBarrier();
    // (P·z)ᵀ and dSᵀ = Pᵀ ⊙ (z·dPᵀ − D) for this key row and half of the query tile.
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let i = i0 + col;
      var pz = 0.0;
      var ds = 0.0;
      if (i < u.tq && allowed(m_base, last_key(i), i, key)) {
        let p = exp(s_s[s_base + lr * 20u + col] - l_s[col]);
        let z = 1.0;
        pz = p * z;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_s[col] * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(pz); pz_hi[p_base + lr * 24u + col] = h;  }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&pz_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, false, 40u);
      let r_hi_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 16u, false, 40u);
      acc_dv_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dv_0);
      acc_dv_1 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_1, acc_dv_1);
    }
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, false, 24u);
      acc_dk_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dk_0);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 0u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 0u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_1, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 16u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dkdv:d32:dv32:plain:mask1:vec4:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:vec4<u32>:read_write,ks:f16:read_write,vs:f16:read_write,gs:vec4<u32>:read_write,dk:f32:read_write,dv:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dk_offset:u32,dv_offset:u32,error_tag:u32,k_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dk_offset: u32,
  dv_offset: u32,
  error_tag: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> ks: array<f16>;
@group(0) @binding(7) var<storage, read_write> vs: array<f16>;
@group(0) @binding(8) var<storage, read_write> gs: array<vec4<u32>>;
@group(0) @binding(9) var<storage, read_write> dk: array<f32>;
fn dk_get(i: u32) -> f32 { return dk[u.dk_offset + i]; }
fn dk_set(i: u32, v: f32) { dk[u.dk_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> dv: array<f32>;
fn dv_get(i: u32) -> f32 { return dv[u.dv_offset + i]; }
fn dv_set(i: u32, v: f32) { dv[u.dv_offset + i] = v; }
@group(0) @binding(11) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> q_hi: array<f16, 640>;
var<workgroup> g_hi: array<f16, 640>;
var<workgroup> pz_hi: array<f16, 1536>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;
var<workgroup> l_s: array<f32, 16>;
var<workgroup> d_s: array<f32, 16>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 64u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see none of these keys.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 16u) * 16u;
  let first_key = bh * u.tkp + j0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per key row, each half of every query tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let key = j0 + sid * 16u + lr;
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  // dPᵀ and dV come from dO·s (s = gscale, a power of two), and dSᵀ is kept scaled by s; dk and dv
  // are unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 32u + 0u, false, 32u);
  let k_hi_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 32u + 16u, false, 32u);
  let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 32u + 0u, false, 32u);
  let v_hi_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 32u + 16u, false, 32u);
  var acc_dk_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dk_1 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_1 = subgroup_matrix_result<f32, 16, 16>();
  var acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var i0 = first; i0 < u.tq; i0 += 16u) {
    for (var ce = lid; ce < 64u; ce += 128u) {
      let cr = ce / 4u;
      let cc = (ce % 4u) * 8u;
      let w = qs[((bh * u.tqp + i0 + cr) * 32u + cc) / 8u];
      let at = cr * 40u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); q_hi[at + 0u] = h0.x; q_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); q_hi[at + 2u] = h1.x; q_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); q_hi[at + 4u] = h2.x; q_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); q_hi[at + 6u] = h3.x; q_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 64u; ce += 128u) {
      let cr = ce / 4u;
      let cc = (ce % 4u) * 8u;
      let w = gs[((bh * u.tqp + i0 + cr) * 32u + cc) / 8u];
      let at = cr * 40u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); g_hi[at + 0u] = h0.x; g_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); g_hi[at + 2u] = h1.x; g_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); g_hi[at + 4u] = h2.x; g_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); g_hi[at + 6u] = h3.x; g_hi[at + 7u] = h3.y;
    }
    for (var t = lid; t < 16u; t += 128u) {
      var lt = 0.0;
      var dt = 0.0;
      if (i0 + t < u.tq) { lt = lse_get(bh * u.tq + i0 + t); dt = delta_get(bh * u.tq + i0 + t); }
      l_s[t] = lt;
      d_s[t] = dt;
    }
    workgroupBarrier();
    acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, true, 40u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_0, t_hi_0, acc_st_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 16u, true, 40u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_1, t_hi_0, acc_st_0);
    }
    acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, true, 40u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_0, t_hi_0, acc_dpt_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 16u, true, 40u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_1, t_hi_0, acc_dpt_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_st_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dpt_0, false, 20u);
    workgroupBarrier();
    // (P·z)ᵀ and dSᵀ = Pᵀ ⊙ (z·dPᵀ − D) for this key row and half of the query tile.
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let i = i0 + col;
      var pz = 0.0;
      var ds = 0.0;
      if (i < u.tq && allowed(m_base, last_key(i), i, key)) {
        let p = exp(s_s[s_base + lr * 20u + col] - l_s[col]);
        let z = 1.0;
        pz = p * z;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_s[col] * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(pz); pz_hi[p_base + lr * 24u + col] = h;  }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&pz_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, false, 40u);
      let r_hi_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 16u, false, 40u);
      acc_dv_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dv_0);
      acc_dv_1 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_1, acc_dv_1);
    }
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, false, 40u);
      let r_hi_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 16u, false, 40u);
      acc_dk_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dk_0);
      acc_dk_1 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_1, acc_dk_1);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 0u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_1, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 16u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 0u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_1, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 16u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dkdv:d64:dv64:plain:mask1:vec4:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:vec4<u32>:read_write,ks:f16:read_write,vs:f16:read_write,gs:vec4<u32>:read_write,dk:f32:read_write,dv:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dk_offset:u32,dv_offset:u32,error_tag:u32,k_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dk_offset: u32,
  dv_offset: u32,
  error_tag: u32,
  k_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> ks: array<f16>;
@group(0) @binding(7) var<storage, read_write> vs: array<f16>;
@group(0) @binding(8) var<storage, read_write> gs: array<vec4<u32>>;
@group(0) @binding(9) var<storage, read_write> dk: array<f32>;
fn dk_get(i: u32) -> f32 { return dk[u.dk_offset + i]; }
fn dk_set(i: u32, v: f32) { dk[u.dk_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> dv: array<f32>;
fn dv_get(i: u32) -> f32 { return dv[u.dv_offset + i]; }
fn dv_set(i: u32, v: f32) { dv[u.dv_offset + i] = v; }
@group(0) @binding(11) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> q_hi: array<f16, 1152>;
var<workgroup> g_hi: array<f16, 1152>;
var<workgroup> pz_hi: array<f16, 1536>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;
var<workgroup> l_s: array<f32, 16>;
var<workgroup> d_s: array<f32, 16>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.k_tiles;
  if (bh >= u.bh) { return; }
  let j0 = (wg % u.k_tiles) * 64u;
  // Causal: query row i sees key j when i + shift ≥ j, so rows before j0 − shift see none of these keys.
  var first = 0u;
  if (u.causal != 0u) { first = u32(clamp(i32(j0) - u.shift, 0, i32(u.tq))); }
  first = (first / 16u) * 16u;
  let first_key = bh * u.tkp + j0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per key row, each half of every query tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let key = j0 + sid * 16u + lr;
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  // dPᵀ and dV come from dO·s (s = gscale, a power of two), and dSᵀ is kept scaled by s; dk and dv
  // are unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 64u + 0u, false, 64u);
  let k_hi_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 64u + 16u, false, 64u);
  let k_hi_2 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 64u + 32u, false, 64u);
  let k_hi_3 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ks, first_key * 64u + 48u, false, 64u);
  let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 64u + 0u, false, 64u);
  let v_hi_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 64u + 16u, false, 64u);
  let v_hi_2 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 64u + 32u, false, 64u);
  let v_hi_3 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&vs, first_key * 64u + 48u, false, 64u);
  var acc_dk_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dk_1 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dk_2 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dk_3 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_1 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_2 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dv_3 = subgroup_matrix_result<f32, 16, 16>();
  var acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var i0 = first; i0 < u.tq; i0 += 16u) {
    for (var ce = lid; ce < 128u; ce += 128u) {
      let cr = ce / 8u;
      let cc = (ce % 8u) * 8u;
      let w = qs[((bh * u.tqp + i0 + cr) * 64u + cc) / 8u];
      let at = cr * 72u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); q_hi[at + 0u] = h0.x; q_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); q_hi[at + 2u] = h1.x; q_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); q_hi[at + 4u] = h2.x; q_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); q_hi[at + 6u] = h3.x; q_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 128u; ce += 128u) {
      let cr = ce / 8u;
      let cc = (ce % 8u) * 8u;
      let w = gs[((bh * u.tqp + i0 + cr) * 64u + cc) / 8u];
      let at = cr * 72u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); g_hi[at + 0u] = h0.x; g_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); g_hi[at + 2u] = h1.x; g_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); g_hi[at + 4u] = h2.x; g_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); g_hi[at + 6u] = h3.x; g_hi[at + 7u] = h3.y;
    }
    for (var t = lid; t < 16u; t += 128u) {
      var lt = 0.0;
      var dt = 0.0;
      if (i0 + t < u.tq) { lt = lse_get(bh * u.tq + i0 + t); dt = delta_get(bh * u.tq + i0 + t); }
      l_s[t] = lt;
      d_s[t] = dt;
    }
    workgroupBarrier();
    acc_st_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, true, 72u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_0, t_hi_0, acc_st_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 16u, true, 72u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_1, t_hi_0, acc_st_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 32u, true, 72u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_2, t_hi_0, acc_st_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 48u, true, 72u);
      acc_st_0 = subgroupMatrixMultiplyAccumulate(k_hi_3, t_hi_0, acc_st_0);
    }
    acc_dpt_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, true, 72u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_0, t_hi_0, acc_dpt_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 16u, true, 72u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_1, t_hi_0, acc_dpt_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 32u, true, 72u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_2, t_hi_0, acc_dpt_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 48u, true, 72u);
      acc_dpt_0 = subgroupMatrixMultiplyAccumulate(v_hi_3, t_hi_0, acc_dpt_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_st_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dpt_0, false, 20u);
    workgroupBarrier();
    // (P·z)ᵀ and dSᵀ = Pᵀ ⊙ (z·dPᵀ − D) for this key row and half of the query tile.
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let i = i0 + col;
      var pz = 0.0;
      var ds = 0.0;
      if (i < u.tq && allowed(m_base, last_key(i), i, key)) {
        let p = exp(s_s[s_base + lr * 20u + col] - l_s[col]);
        let z = 1.0;
        pz = p * z;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_s[col] * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(pz); pz_hi[p_base + lr * 24u + col] = h;  }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&pz_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 0u, false, 72u);
      let r_hi_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 16u, false, 72u);
      let r_hi_2 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 32u, false, 72u);
      let r_hi_3 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&g_hi, 48u, false, 72u);
      acc_dv_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dv_0);
      acc_dv_1 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_1, acc_dv_1);
      acc_dv_2 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_2, acc_dv_2);
      acc_dv_3 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_3, acc_dv_3);
    }
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 0u, false, 72u);
      let r_hi_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 16u, false, 72u);
      let r_hi_2 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 32u, false, 72u);
      let r_hi_3 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&q_hi, 48u, false, 72u);
      acc_dk_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dk_0);
      acc_dk_1 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_1, acc_dk_1);
      acc_dk_2 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_2, acc_dk_2);
      acc_dk_3 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_3, acc_dk_3);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 0u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_1, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 16u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_2, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 32u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dk_3, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let ck = 48u + part * 8u + c; if (key < u.tk && ck < u.d) { dk_set((bh * u.tk + key) * u.d + ck, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 0u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_1, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 16u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_2, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 32u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dv_3, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cv = 48u + part * 8u + c; if (key < u.tk && cv < u.dv) { dv_set((bh * u.tk + key) * u.dv + cv, inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dq:d128:dv128:plain:mask1:vec4:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write,gs:f16:read_write,dq:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dq_offset:u32,error_tag:u32,q_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dq_offset: u32,
  error_tag: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<f16>;
@group(0) @binding(6) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(7) var<storage, read_write> vs: array<vec4<u32>>;
@group(0) @binding(8) var<storage, read_write> gs: array<f16>;
@group(0) @binding(9) var<storage, read_write> dq: array<f32>;
fn dq_get(i: u32) -> f32 { return dq[u.dq_offset + i]; }
fn dq_set(i: u32, v: f32) { dq[u.dq_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> k_hi: array<f16, 2176>;
var<workgroup> v_hi: array<f16, 2176>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 64u;
  let key_end = last_key(min(u.tq, i0 + 64u) - 1u);
  let first_row = bh * u.tqp + i0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per row, each half of every key tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  var lse_row = 0.0;
  var d_row = 0.0;
  if (row < u.tq) { lse_row = lse_get(bh * u.tq + row); d_row = delta_get(bh * u.tq + row); }
  // dP comes from dO·s (s = gscale, a power of two): dS is kept scaled by s too, since in training
  // it is as small as dO; dq is unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  let q_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 128u + 0u, false, 128u);
  let q_hi_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 128u + 16u, false, 128u);
  let q_hi_2 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 128u + 32u, false, 128u);
  let q_hi_3 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 128u + 48u, false, 128u);
  let q_hi_4 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 128u + 64u, false, 128u);
  let q_hi_5 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 128u + 80u, false, 128u);
  let q_hi_6 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 128u + 96u, false, 128u);
  let q_hi_7 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 128u + 112u, false, 128u);
  let g_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 128u + 0u, false, 128u);
  let g_hi_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 128u + 16u, false, 128u);
  let g_hi_2 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 128u + 32u, false, 128u);
  let g_hi_3 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 128u + 48u, false, 128u);
  let g_hi_4 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 128u + 64u, false, 128u);
  let g_hi_5 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 128u + 80u, false, 128u);
  let g_hi_6 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 128u + 96u, false, 128u);
  let g_hi_7 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 128u + 112u, false, 128u);
  var acc_dq_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dq_1 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dq_2 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dq_3 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dq_4 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dq_5 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dq_6 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dq_7 = subgroup_matrix_result<f32, 16, 16>();
  var acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 256u; ce += 128u) {
      let cr = ce / 16u;
      let cc = (ce % 16u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 128u + cc) / 8u];
      let at = cr * 136u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_hi[at + 0u] = h0.x; k_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_hi[at + 2u] = h1.x; k_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_hi[at + 4u] = h2.x; k_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_hi[at + 6u] = h3.x; k_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 256u; ce += 128u) {
      let cr = ce / 16u;
      let cc = (ce % 16u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 128u + cc) / 8u];
      let at = cr * 136u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_hi[at + 0u] = h0.x; v_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_hi[at + 2u] = h1.x; v_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_hi[at + 4u] = h2.x; v_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_hi[at + 6u] = h3.x; v_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, true, 136u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_0, t_hi_0, acc_s_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 16u, true, 136u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_1, t_hi_0, acc_s_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 32u, true, 136u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_2, t_hi_0, acc_s_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 48u, true, 136u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_3, t_hi_0, acc_s_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 64u, true, 136u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_4, t_hi_0, acc_s_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 80u, true, 136u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_5, t_hi_0, acc_s_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 96u, true, 136u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_6, t_hi_0, acc_s_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 112u, true, 136u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_7, t_hi_0, acc_s_0);
    }
    acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 0u, true, 136u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_0, t_hi_0, acc_dp_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 16u, true, 136u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_1, t_hi_0, acc_dp_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 32u, true, 136u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_2, t_hi_0, acc_dp_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 48u, true, 136u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_3, t_hi_0, acc_dp_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 64u, true, 136u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_4, t_hi_0, acc_dp_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 80u, true, 136u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_5, t_hi_0, acc_dp_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 96u, true, 136u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_6, t_hi_0, acc_dp_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 112u, true, 136u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_7, t_hi_0, acc_dp_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_s_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dp_0, false, 20u);
    workgroupBarrier();
    // dS = P ⊙ (z·dP − D), P = exp(S − L).
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var ds = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[s_base + lr * 20u + col] - lse_row);
        let z = 1.0;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_row * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, false, 136u);
      let r_hi_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 16u, false, 136u);
      let r_hi_2 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 32u, false, 136u);
      let r_hi_3 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 48u, false, 136u);
      let r_hi_4 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 64u, false, 136u);
      let r_hi_5 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 80u, false, 136u);
      let r_hi_6 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 96u, false, 136u);
      let r_hi_7 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 112u, false, 136u);
      acc_dq_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dq_0);
      acc_dq_1 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_1, acc_dq_1);
      acc_dq_2 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_2, acc_dq_2);
      acc_dq_3 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_3, acc_dq_3);
      acc_dq_4 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_4, acc_dq_4);
      acc_dq_5 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_5, acc_dq_5);
      acc_dq_6 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_6, acc_dq_6);
      acc_dq_7 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_7, acc_dq_7);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 0u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_1, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 16u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_2, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 32u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_3, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 48u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_4, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 64u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_5, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 80u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_6, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 96u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_7, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 112u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dq:d16:dv16:dropout:mask1:vec4:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write,gs:f16:read_write,dq:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,seed_lo:u32,seed_hi:u32,offset_lo:u32,offset_hi:u32,threshold:u32,keep_scale:f32,drop_cols:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dq_offset:u32,error_tag:u32,q_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  seed_lo: u32,
  seed_hi: u32,
  offset_lo: u32,
  offset_hi: u32,
  threshold: u32,
  keep_scale: f32,
  drop_cols: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dq_offset: u32,
  error_tag: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<f16>;
@group(0) @binding(6) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(7) var<storage, read_write> vs: array<vec4<u32>>;
@group(0) @binding(8) var<storage, read_write> gs: array<f16>;
@group(0) @binding(9) var<storage, read_write> dq: array<f32>;
fn dq_get(i: u32) -> f32 { return dq[u.dq_offset + i]; }
fn dq_set(i: u32, v: f32) { dq[u.dq_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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

/** Philox4x32-10 of a 64-bit block number (block_lo, block_hi) in this call's stream. */
fn philox_block(block_lo: u32, block_hi: u32) -> vec4<u32> {
  return philox4x32_10(vec2<u32>(u.seed_lo, u.seed_hi), vec4<u32>(block_lo, block_hi, u.offset_lo, u.offset_hi));
}

fn keep_of(word: u32) -> f32 { return select(0.0, u.keep_scale, (word >> 8u) >= u.threshold); }

/** A walk along one mask row: the words of the last Philox block are reused for the next three columns. */
struct DropRow {
  start_lo: u32,
  start_hi: u32,
  block_lo: u32,
  block_hi: u32,
  words: vec4<u32>,
  valid: bool,
}

/** The walk of global mask row g (= b·rows + rowOffset + i): index g·N + j. */
fn drop_row(g: u32) -> DropRow {
  return DropRow(g * u.drop_cols, mulhi32(g, u.drop_cols), 0u, 0u, vec4<u32>(), false);
}

/** z = 1/(1 − p) or 0 for column j of the row. */
fn drop_scale(row: ptr<function, DropRow>, j: u32) -> f32 {
  let lo = (*row).start_lo + j;
  let hi = (*row).start_hi + select(0u, 1u, lo < (*row).start_lo);
  let block_lo = (lo >> 2u) | (hi << 30u);
  let block_hi = hi >> 2u;
  if (!(*row).valid || block_lo != (*row).block_lo || block_hi != (*row).block_hi) {
    (*row).words = philox_block(block_lo, block_hi);
    (*row).block_lo = block_lo;
    (*row).block_hi = block_hi;
    (*row).valid = true;
  }
  return keep_of((*row).words[lo & 3u]);
}

/** z for columns j … j + 3 of global mask row g, from at most two Philox blocks. */
fn drop_scale4(g: u32, j: u32) -> vec4<f32> {
  let start_lo = g * u.drop_cols;
  let start_hi = mulhi32(g, u.drop_cols);
  let lo = start_lo + j;
  let hi = start_hi + select(0u, 1u, lo < start_lo);
  let block_lo = (lo >> 2u) | (hi << 30u);
  let block_hi = hi >> 2u;
  let first = lo & 3u;
  let w0 = philox_block(block_lo, block_hi);
  var w1 = w0;
  if (first != 0u) {
    let next_lo = block_lo + 1u;
    w1 = philox_block(next_lo, block_hi + select(0u, 1u, next_lo == 0u));
  }
  var z = vec4<f32>();
  for (var q = 0u; q < 4u; q++) {
    let e = first + q;
    var w = 0u;
    if (e < 4u) { w = w0[e]; } else { w = w1[e - 4u]; }
    z[q] = keep_of(w);
  }
  return z;
}
fn drop_at(drop_g: u32, j: u32) -> f32 {
  var walk = drop_row(drop_g);
  return drop_scale(&walk, j);
}

// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> k_hi: array<f16, 384>;
var<workgroup> v_hi: array<f16, 384>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 64u;
  let key_end = last_key(min(u.tq, i0 + 64u) - 1u);
  let first_row = bh * u.tqp + i0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per row, each half of every key tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  var lse_row = 0.0;
  var d_row = 0.0;
  if (row < u.tq) { lse_row = lse_get(bh * u.tq + row); d_row = delta_get(bh * u.tq + row); }
  // dP comes from dO·s (s = gscale, a power of two): dS is kept scaled by s too, since in training
  // it is as small as dO; dq is unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  let drop_row_g = drop_global_row(bh, row);
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  let q_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 16u + 0u, false, 16u);
  let g_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 16u + 0u, false, 16u);
  var acc_dq_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_hi[at + 0u] = h0.x; k_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_hi[at + 2u] = h1.x; k_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_hi[at + 4u] = h2.x; k_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_hi[at + 6u] = h3.x; k_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_hi[at + 0u] = h0.x; v_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_hi[at + 2u] = h1.x; v_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_hi[at + 4u] = h2.x; v_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_hi[at + 6u] = h3.x; v_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, true, 24u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_0, t_hi_0, acc_s_0);
    }
    acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 0u, true, 24u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_0, t_hi_0, acc_dp_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_s_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dp_0, false, 20u);
    workgroupBarrier();
    // dS = P ⊙ (z·dP − D), P = exp(S − L).
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var ds = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[s_base + lr * 20u + col] - lse_row);
        let z = drop_at(drop_row_g, j);
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_row * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, false, 24u);
      acc_dq_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dq_0);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 0u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dq:d16:dv16:plain:mask:vec4:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write,gs:f16:read_write,dq:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dq_offset:u32,error_tag:u32,q_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dq_offset: u32,
  error_tag: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<f16>;
@group(0) @binding(6) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(7) var<storage, read_write> vs: array<vec4<u32>>;
@group(0) @binding(8) var<storage, read_write> gs: array<f16>;
@group(0) @binding(9) var<storage, read_write> dq: array<f32>;
fn dq_get(i: u32) -> f32 { return dq[u.dq_offset + i]; }
fn dq_set(i: u32, v: f32) { dq[u.dq_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = false;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> k_hi: array<f16, 384>;
var<workgroup> v_hi: array<f16, 384>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 64u;
  let key_end = last_key(min(u.tq, i0 + 64u) - 1u);
  let first_row = bh * u.tqp + i0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per row, each half of every key tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  var lse_row = 0.0;
  var d_row = 0.0;
  if (row < u.tq) { lse_row = lse_get(bh * u.tq + row); d_row = delta_get(bh * u.tq + row); }
  // dP comes from dO·s (s = gscale, a power of two): dS is kept scaled by s too, since in training
  // it is as small as dO; dq is unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  let q_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 16u + 0u, false, 16u);
  let g_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 16u + 0u, false, 16u);
  var acc_dq_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_hi[at + 0u] = h0.x; k_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_hi[at + 2u] = h1.x; k_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_hi[at + 4u] = h2.x; k_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_hi[at + 6u] = h3.x; k_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_hi[at + 0u] = h0.x; v_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_hi[at + 2u] = h1.x; v_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_hi[at + 4u] = h2.x; v_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_hi[at + 6u] = h3.x; v_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, true, 24u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_0, t_hi_0, acc_s_0);
    }
    acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 0u, true, 24u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_0, t_hi_0, acc_dp_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_s_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dp_0, false, 20u);
    workgroupBarrier();
    // dS = P ⊙ (z·dP − D), P = exp(S − L).
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var ds = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[s_base + lr * 20u + col] - lse_row);
        let z = 1.0;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_row * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, false, 24u);
      acc_dq_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dq_0);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 0u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dq:d16:dv16:plain:mask1:scalar:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write,gs:f16:read_write,dq:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dq_offset:u32,error_tag:u32,q_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dq_offset: u32,
  error_tag: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<f16>;
@group(0) @binding(6) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(7) var<storage, read_write> vs: array<vec4<u32>>;
@group(0) @binding(8) var<storage, read_write> gs: array<f16>;
@group(0) @binding(9) var<storage, read_write> dq: array<f32>;
fn dq_get(i: u32) -> f32 { return dq[u.dq_offset + i]; }
fn dq_set(i: u32, v: f32) { dq[u.dq_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> k_hi: array<f16, 384>;
var<workgroup> v_hi: array<f16, 384>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 64u;
  let key_end = last_key(min(u.tq, i0 + 64u) - 1u);
  let first_row = bh * u.tqp + i0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per row, each half of every key tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  var lse_row = 0.0;
  var d_row = 0.0;
  if (row < u.tq) { lse_row = lse_get(bh * u.tq + row); d_row = delta_get(bh * u.tq + row); }
  // dP comes from dO·s (s = gscale, a power of two): dS is kept scaled by s too, since in training
  // it is as small as dO; dq is unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  let q_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 16u + 0u, false, 16u);
  let g_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 16u + 0u, false, 16u);
  var acc_dq_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_hi[at + 0u] = h0.x; k_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_hi[at + 2u] = h1.x; k_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_hi[at + 4u] = h2.x; k_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_hi[at + 6u] = h3.x; k_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_hi[at + 0u] = h0.x; v_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_hi[at + 2u] = h1.x; v_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_hi[at + 4u] = h2.x; v_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_hi[at + 6u] = h3.x; v_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, true, 24u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_0, t_hi_0, acc_s_0);
    }
    acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 0u, true, 24u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_0, t_hi_0, acc_dp_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_s_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dp_0, false, 20u);
    workgroupBarrier();
    // dS = P ⊙ (z·dP − D), P = exp(S − L).
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var ds = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[s_base + lr * 20u + col] - lse_row);
        let z = 1.0;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_row * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, false, 24u);
      acc_dq_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dq_0);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 0u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dq:d16:dv16:plain:mask1:vec4:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write,gs:f16:read_write,dq:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dq_offset:u32,error_tag:u32,q_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dq_offset: u32,
  error_tag: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<f16>;
@group(0) @binding(6) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(7) var<storage, read_write> vs: array<vec4<u32>>;
@group(0) @binding(8) var<storage, read_write> gs: array<f16>;
@group(0) @binding(9) var<storage, read_write> dq: array<f32>;
fn dq_get(i: u32) -> f32 { return dq[u.dq_offset + i]; }
fn dq_set(i: u32, v: f32) { dq[u.dq_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> k_hi: array<f16, 384>;
var<workgroup> v_hi: array<f16, 384>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 64u;
  let key_end = last_key(min(u.tq, i0 + 64u) - 1u);
  let first_row = bh * u.tqp + i0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per row, each half of every key tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  var lse_row = 0.0;
  var d_row = 0.0;
  if (row < u.tq) { lse_row = lse_get(bh * u.tq + row); d_row = delta_get(bh * u.tq + row); }
  // dP comes from dO·s (s = gscale, a power of two): dS is kept scaled by s too, since in training
  // it is as small as dO; dq is unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  let q_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 16u + 0u, false, 16u);
  let g_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 16u + 0u, false, 16u);
  var acc_dq_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_hi[at + 0u] = h0.x; k_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_hi[at + 2u] = h1.x; k_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_hi[at + 4u] = h2.x; k_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_hi[at + 6u] = h3.x; k_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_hi[at + 0u] = h0.x; v_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_hi[at + 2u] = h1.x; v_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_hi[at + 4u] = h2.x; v_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_hi[at + 6u] = h3.x; v_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, true, 24u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_0, t_hi_0, acc_s_0);
    }
    acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 0u, true, 24u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_0, t_hi_0, acc_dp_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_s_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dp_0, false, 20u);
    workgroupBarrier();
    // dS = P ⊙ (z·dP − D), P = exp(S − L).
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var ds = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[s_base + lr * 20u + col] - lse_row);
        let z = 1.0;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_row * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, false, 24u);
      acc_dq_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dq_0);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 0u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dq:d16:dv32:plain:mask:vec4:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write,gs:f16:read_write,dq:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dq_offset:u32,error_tag:u32,q_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dq_offset: u32,
  error_tag: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<f16>;
@group(0) @binding(6) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(7) var<storage, read_write> vs: array<vec4<u32>>;
@group(0) @binding(8) var<storage, read_write> gs: array<f16>;
@group(0) @binding(9) var<storage, read_write> dq: array<f32>;
fn dq_get(i: u32) -> f32 { return dq[u.dq_offset + i]; }
fn dq_set(i: u32, v: f32) { dq[u.dq_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = false;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> k_hi: array<f16, 384>;
var<workgroup> v_hi: array<f16, 640>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 64u;
  let key_end = last_key(min(u.tq, i0 + 64u) - 1u);
  let first_row = bh * u.tqp + i0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per row, each half of every key tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  var lse_row = 0.0;
  var d_row = 0.0;
  if (row < u.tq) { lse_row = lse_get(bh * u.tq + row); d_row = delta_get(bh * u.tq + row); }
  // dP comes from dO·s (s = gscale, a power of two): dS is kept scaled by s too, since in training
  // it is as small as dO; dq is unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  let q_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 16u + 0u, false, 16u);
  let g_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 32u + 0u, false, 32u);
  let g_hi_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 32u + 16u, false, 32u);
  var acc_dq_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 128u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_hi[at + 0u] = h0.x; k_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_hi[at + 2u] = h1.x; k_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_hi[at + 4u] = h2.x; k_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_hi[at + 6u] = h3.x; k_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 64u; ce += 128u) {
      let cr = ce / 4u;
      let cc = (ce % 4u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 32u + cc) / 8u];
      let at = cr * 40u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_hi[at + 0u] = h0.x; v_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_hi[at + 2u] = h1.x; v_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_hi[at + 4u] = h2.x; v_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_hi[at + 6u] = h3.x; v_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, true, 24u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_0, t_hi_0, acc_s_0);
    }
    acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 0u, true, 40u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_0, t_hi_0, acc_dp_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 16u, true, 40u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_1, t_hi_0, acc_dp_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_s_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dp_0, false, 20u);
    workgroupBarrier();
    // dS = P ⊙ (z·dP − D), P = exp(S − L).
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var ds = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[s_base + lr * 20u + col] - lse_row);
        let z = 1.0;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_row * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, false, 24u);
      acc_dq_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dq_0);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 0u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dq:d32:dv32:plain:mask1:vec4:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write,gs:f16:read_write,dq:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dq_offset:u32,error_tag:u32,q_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dq_offset: u32,
  error_tag: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<f16>;
@group(0) @binding(6) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(7) var<storage, read_write> vs: array<vec4<u32>>;
@group(0) @binding(8) var<storage, read_write> gs: array<f16>;
@group(0) @binding(9) var<storage, read_write> dq: array<f32>;
fn dq_get(i: u32) -> f32 { return dq[u.dq_offset + i]; }
fn dq_set(i: u32, v: f32) { dq[u.dq_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> k_hi: array<f16, 640>;
var<workgroup> v_hi: array<f16, 640>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 64u;
  let key_end = last_key(min(u.tq, i0 + 64u) - 1u);
  let first_row = bh * u.tqp + i0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per row, each half of every key tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  var lse_row = 0.0;
  var d_row = 0.0;
  if (row < u.tq) { lse_row = lse_get(bh * u.tq + row); d_row = delta_get(bh * u.tq + row); }
  // dP comes from dO·s (s = gscale, a power of two): dS is kept scaled by s too, since in training
  // it is as small as dO; dq is unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  let q_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 32u + 0u, false, 32u);
  let q_hi_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 32u + 16u, false, 32u);
  let g_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 32u + 0u, false, 32u);
  let g_hi_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 32u + 16u, false, 32u);
  var acc_dq_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dq_1 = subgroup_matrix_result<f32, 16, 16>();
  var acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 64u; ce += 128u) {
      let cr = ce / 4u;
      let cc = (ce % 4u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 32u + cc) / 8u];
      let at = cr * 40u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_hi[at + 0u] = h0.x; k_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_hi[at + 2u] = h1.x; k_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_hi[at + 4u] = h2.x; k_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_hi[at + 6u] = h3.x; k_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 64u; ce += 128u) {
      let cr = ce / 4u;
      let cc = (ce % 4u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 32u + cc) / 8u];
      let at = cr * 40u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_hi[at + 0u] = h0.x; v_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_hi[at + 2u] = h1.x; v_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_hi[at + 4u] = h2.x; v_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_hi[at + 6u] = h3.x; v_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, true, 40u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_0, t_hi_0, acc_s_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 16u, true, 40u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_1, t_hi_0, acc_s_0);
    }
    acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 0u, true, 40u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_0, t_hi_0, acc_dp_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 16u, true, 40u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_1, t_hi_0, acc_dp_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_s_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dp_0, false, 20u);
    workgroupBarrier();
    // dS = P ⊙ (z·dP − D), P = exp(S − L).
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var ds = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[s_base + lr * 20u + col] - lse_row);
        let z = 1.0;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_row * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, false, 40u);
      let r_hi_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 16u, false, 40u);
      acc_dq_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dq_0);
      acc_dq_1 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_1, acc_dq_1);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 0u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_1, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 16u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionBackwardTC-dq:d64:dv64:plain:mask1:vec4:subgroup-matrix:f16:sg4:bc16|mask:bool:read,lse:f32:read,delta:f32:read_write,gscale:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write,gs:f16:read_write,dq:f32:read_write,errors|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,lse_offset:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32,gs_lo:u32,tqp:u32,tkp:u32,dq_offset:u32,error_tag:u32,q_tiles:u32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  heads: u32,
  bh: u32,
  tq: u32,
  tk: u32,
  d: u32,
  dv: u32,
  d4: u32,
  dv4: u32,
  scale: f32,
  causal: u32,
  shift: i32,
  rows: u32,
  row_offset: u32,
  ms_b: u32,
  ms_h: u32,
  ms_i: u32,
  ms_j: u32,
  mask_offset: u32,
  lse_offset: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
  gs_lo: u32,
  tqp: u32,
  tkp: u32,
  dq_offset: u32,
  error_tag: u32,
  q_tiles: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
@group(0) @binding(3) var<storage, read_write> delta: array<f32>;
fn delta_get(i: u32) -> f32 { return delta[i]; }
fn delta_set(i: u32, v: f32) { delta[i] = v; }
@group(0) @binding(4) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(5) var<storage, read_write> qs: array<f16>;
@group(0) @binding(6) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(7) var<storage, read_write> vs: array<vec4<u32>>;
@group(0) @binding(8) var<storage, read_write> gs: array<f16>;
@group(0) @binding(9) var<storage, read_write> dq: array<f32>;
fn dq_get(i: u32) -> f32 { return dq[u.dq_offset + i]; }
fn dq_set(i: u32, v: f32) { dq[u.dq_offset + i] = v; }
@group(0) @binding(10) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
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


// The global dropout row of query row i of matrix bh (the attention dropout rule).
fn drop_global_row(bh: u32, i: u32) -> u32 { return bh * u.rows + u.row_offset + i; }

const NEG_BIG: f32 = -3.0e38;

const MASK_SCALAR = true;

fn mask_base(bh: u32) -> u32 { return (bh / u.heads) * u.ms_b + (bh % u.heads) * u.ms_h; }

fn last_key(i: u32) -> u32 {
  if (MASK_SCALAR && !mask_get(0u)) { return 0u; }
  if (u.causal == 0u) { return u.tk; }
  return u32(clamp(i32(i) + u.shift + 1, 0, i32(u.tk)));
}

fn allowed(base: u32, limit: u32, i: u32, j: u32) -> bool {
  if (j >= limit) { return false; }
  if (MASK_SCALAR) { return true; }
  return mask_get(base + i * u.ms_i + j * u.ms_j);
}


fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }
var<workgroup> k_hi: array<f16, 1152>;
var<workgroup> v_hi: array<f16, 1152>;
var<workgroup> ds_hi: array<f16, 1536>;
var<workgroup> s_s: array<f32, 1280>;
var<workgroup> dp_s: array<f32, 1280>;

@compute @workgroup_size(128)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 64u;
  let key_end = last_key(min(u.tq, i0 + 64u) - 1u);
  let first_row = bh * u.tqp + i0 + sid * 16u;
  let m_base = mask_base(bh);
  // A pair of lanes per row, each half of every key tile.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  var lse_row = 0.0;
  var d_row = 0.0;
  if (row < u.tq) { lse_row = lse_get(bh * u.tq + row); d_row = delta_get(bh * u.tq + row); }
  // dP comes from dO·s (s = gscale, a power of two): dS is kept scaled by s too, since in training
  // it is as small as dO; dq is unscaled at the end.
  let g_s = gscale_get(bh);
  let inv_g = 1.0 / g_s;
  
  let s_base = sid * 320u;
  let p_base = sid * 384u;
  let q_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 64u + 0u, false, 64u);
  let q_hi_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 64u + 16u, false, 64u);
  let q_hi_2 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 64u + 32u, false, 64u);
  let q_hi_3 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, first_row * 64u + 48u, false, 64u);
  let g_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 64u + 0u, false, 64u);
  let g_hi_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 64u + 16u, false, 64u);
  let g_hi_2 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 64u + 32u, false, 64u);
  let g_hi_3 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&gs, first_row * 64u + 48u, false, 64u);
  var acc_dq_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dq_1 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dq_2 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dq_3 = subgroup_matrix_result<f32, 16, 16>();
  var acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 128u; ce += 128u) {
      let cr = ce / 8u;
      let cc = (ce % 8u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 64u + cc) / 8u];
      let at = cr * 72u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_hi[at + 0u] = h0.x; k_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_hi[at + 2u] = h1.x; k_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_hi[at + 4u] = h2.x; k_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_hi[at + 6u] = h3.x; k_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 128u; ce += 128u) {
      let cr = ce / 8u;
      let cc = (ce % 8u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 64u + cc) / 8u];
      let at = cr * 72u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_hi[at + 0u] = h0.x; v_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_hi[at + 2u] = h1.x; v_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_hi[at + 4u] = h2.x; v_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_hi[at + 6u] = h3.x; v_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, true, 72u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_0, t_hi_0, acc_s_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 16u, true, 72u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_1, t_hi_0, acc_s_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 32u, true, 72u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_2, t_hi_0, acc_s_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 48u, true, 72u);
      acc_s_0 = subgroupMatrixMultiplyAccumulate(q_hi_3, t_hi_0, acc_s_0);
    }
    acc_dp_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 0u, true, 72u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_0, t_hi_0, acc_dp_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 16u, true, 72u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_1, t_hi_0, acc_dp_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 32u, true, 72u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_2, t_hi_0, acc_dp_0);
    }
    {
      let t_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_hi, 48u, true, 72u);
      acc_dp_0 = subgroupMatrixMultiplyAccumulate(g_hi_3, t_hi_0, acc_dp_0);
    }
    subgroupMatrixStore(&s_s, s_base + 0u, acc_s_0, false, 20u);
    subgroupMatrixStore(&dp_s, s_base + 0u, acc_dp_0, false, 20u);
    workgroupBarrier();
    // dS = P ⊙ (z·dP − D), P = exp(S − L).
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var ds = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[s_base + lr * 20u + col] - lse_row);
        let z = 1.0;
        ds = p * (z * dp_s[s_base + lr * 20u + col] - d_row * g_s);
        if (abs(ds) >= 65504.0) { report_error(bitcast<u32>(ds)); }
      }
      { let h = stage_hi(ds); ds_hi[p_base + lr * 24u + col] = h;  }
    }
    workgroupBarrier();
    {
      let l_hi = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&ds_hi, p_base + 0u, false, 24u);
      let r_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 0u, false, 72u);
      let r_hi_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 16u, false, 72u);
      let r_hi_2 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 32u, false, 72u);
      let r_hi_3 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_hi, 48u, false, 72u);
      acc_dq_0 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_0, acc_dq_0);
      acc_dq_1 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_1, acc_dq_1);
      acc_dq_2 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_2, acc_dq_2);
      acc_dq_3 = subgroupMatrixMultiplyAccumulate(l_hi, r_hi_3, acc_dq_3);
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_0, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 0u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_1, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 16u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_2, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 32u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, s_base, acc_dq_3, false, 20u);
  workgroupBarrier();
  for (var c = 0u; c < 8u; c++) { let cq = 48u + part * 8u + c; if (row < u.tq && cq < u.d) { dq_set((bh * u.tq + row) * u.d + cq, u.scale * inv_g * s_s[s_base + lr * 20u + part * 8u + c]); } }
}

// ---- flashAttentionTCScale:gscale:fold|gscale_partial:f32:read_write,gscale:f32:read_write|bh:u32,parts:u32
struct Uniforms {
  bh: u32,
  parts: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> gscale_partial: array<f32>;
fn gscale_partial_get(i: u32) -> f32 { return gscale_partial[i]; }
fn gscale_partial_set(i: u32, v: f32) { gscale_partial[i] = v; }
@group(0) @binding(2) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let m0 = linear_workgroup(wid, nwg) * 64u + lid;
  if (m0 >= u.bh) { return; }
  var top = 0.0;
  for (var p = 0u; p < u.parts; p++) { top = max(top, gscale_partial_get(m0 * u.parts + p)); }
  var s = 1.0;
  // Non-finite or zero maxima keep 1 (the range check of the copy reports the former).
  if (top > 0.0 && top < 3.0e38) { s = exp2(clamp(4.0 - ceil(log2(top)), -100.0, 100.0)); }
  gscale_set(m0, s);
}

// ---- flashAttentionTCScale:gscale:partial|src:f32:read,gscale_partial:f32:read_write|src_offset:u32,bh:u32,n:u32,parts:u32
struct Uniforms {
  src_offset: u32,
  bh: u32,
  n: u32,
  parts: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> src: array<f32>;
fn src_get(i: u32) -> f32 { return src[u.src_offset + i]; }
@group(0) @binding(2) var<storage, read_write> gscale_partial: array<f32>;
fn gscale_partial_get(i: u32) -> f32 { return gscale_partial[i]; }
fn gscale_partial_set(i: u32, v: f32) { gscale_partial[i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
var<workgroup> part_max: array<f32, 256>;
@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let w = linear_workgroup(wid, nwg);
  if (w >= u.bh * u.parts) { return; }
  let m0 = w / u.parts;
  var m = 0.0;
  for (var i = (w % u.parts) * 256u + lid; i < u.n; i += u.parts * 256u) { m = max(m, abs(src_get(m0 * u.n + i))); }
  part_max[lid] = m;
  workgroupBarrier();
  for (var step = 128u; step > 0u; step >>= 1u) {
    if (lid < step) { part_max[lid] = max(part_max[lid], part_max[lid + step]); }
    workgroupBarrier();
  }
  if (lid == 0u) { gscale_partial_set(w, part_max[0]); }
}

// ---- flashAttentionTCStage:f16:hi:gs:gscale|src:f32:read,gscale:f32:read_write,gs:f16:read_write,errors|src_offset:u32,error_tag:u32,n:u32,t:u32,width:u32,padded:u32,bucket:u32,scale:f32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  src_offset: u32,
  error_tag: u32,
  n: u32,
  t: u32,
  width: u32,
  padded: u32,
  bucket: u32,
  scale: f32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> src: array<f32>;
fn src_get(i: u32) -> f32 { return src[u.src_offset + i]; }
@group(0) @binding(2) var<storage, read_write> gscale: array<f32>;
fn gscale_get(i: u32) -> f32 { return gscale[i]; }
fn gscale_set(i: u32, v: f32) { gscale[i] = v; }
@group(0) @binding(3) var<storage, read_write> gs: array<f16>;
@group(0) @binding(4) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
// Words: [0] lowest error tag seen (0xffffffff: none), [1] count, [2] a bad value.
fn report_error(bad_value: u32) {
  atomicMin(&lightattn_errors[0], u.error_tag);
  atomicAdd(&lightattn_errors[1], 1u);
  atomicStore(&lightattn_errors[2], bad_value);
}

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let c = i % u.bucket;
  let t = (i / u.bucket) % u.padded;
  let bh = i / (u.bucket * u.padded);
  var x = 0.0;
  if (t < u.t && c < u.width) { x = src_get((bh * u.t + t) * u.width + c) * u.scale * gscale_get(bh); }
  if (abs(x) >= 65504.0) { report_error(bitcast<u32>(x)); }
  let h = stage_hi(x);
  gs[i] = h;
  
}

// ---- flashAttentionTCStage:f16:hi:ks:unscaled|src:f32:read,ks:f16:read_write,errors|src_offset:u32,error_tag:u32,n:u32,t:u32,width:u32,padded:u32,bucket:u32,scale:f32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  src_offset: u32,
  error_tag: u32,
  n: u32,
  t: u32,
  width: u32,
  padded: u32,
  bucket: u32,
  scale: f32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> src: array<f32>;
fn src_get(i: u32) -> f32 { return src[u.src_offset + i]; }
@group(0) @binding(2) var<storage, read_write> ks: array<f16>;
@group(0) @binding(3) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
// Words: [0] lowest error tag seen (0xffffffff: none), [1] count, [2] a bad value.
fn report_error(bad_value: u32) {
  atomicMin(&lightattn_errors[0], u.error_tag);
  atomicAdd(&lightattn_errors[1], 1u);
  atomicStore(&lightattn_errors[2], bad_value);
}

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let c = i % u.bucket;
  let t = (i / u.bucket) % u.padded;
  let bh = i / (u.bucket * u.padded);
  var x = 0.0;
  if (t < u.t && c < u.width) { x = src_get((bh * u.t + t) * u.width + c) * u.scale; }
  if (abs(x) >= 65504.0) { report_error(bitcast<u32>(x)); }
  let h = stage_hi(x);
  ks[i] = h;
  
}

// ---- flashAttentionTCStage:f16:hi:qs:unscaled|src:f32:read,qs:f16:read_write,errors|src_offset:u32,error_tag:u32,n:u32,t:u32,width:u32,padded:u32,bucket:u32,scale:f32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  src_offset: u32,
  error_tag: u32,
  n: u32,
  t: u32,
  width: u32,
  padded: u32,
  bucket: u32,
  scale: f32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> src: array<f32>;
fn src_get(i: u32) -> f32 { return src[u.src_offset + i]; }
@group(0) @binding(2) var<storage, read_write> qs: array<f16>;
@group(0) @binding(3) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
// Words: [0] lowest error tag seen (0xffffffff: none), [1] count, [2] a bad value.
fn report_error(bad_value: u32) {
  atomicMin(&lightattn_errors[0], u.error_tag);
  atomicAdd(&lightattn_errors[1], 1u);
  atomicStore(&lightattn_errors[2], bad_value);
}

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let c = i % u.bucket;
  let t = (i / u.bucket) % u.padded;
  let bh = i / (u.bucket * u.padded);
  var x = 0.0;
  if (t < u.t && c < u.width) { x = src_get((bh * u.t + t) * u.width + c) * u.scale; }
  if (abs(x) >= 65504.0) { report_error(bitcast<u32>(x)); }
  let h = stage_hi(x);
  qs[i] = h;
  
}

// ---- flashAttentionTCStage:f16:hi:vs:unscaled|src:f32:read,vs:f16:read_write,errors|src_offset:u32,error_tag:u32,n:u32,t:u32,width:u32,padded:u32,bucket:u32,scale:f32
enable f16;
enable subgroups;
enable chromium_experimental_subgroup_matrix;
struct Uniforms {
  src_offset: u32,
  error_tag: u32,
  n: u32,
  t: u32,
  width: u32,
  padded: u32,
  bucket: u32,
  scale: f32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> src: array<f32>;
fn src_get(i: u32) -> f32 { return src[u.src_offset + i]; }
@group(0) @binding(2) var<storage, read_write> vs: array<f16>;
@group(0) @binding(3) var<storage, read_write> lightattn_errors: array<atomic<u32>, 4>;
// Words: [0] lowest error tag seen (0xffffffff: none), [1] count, [2] a bad value.
fn report_error(bad_value: u32) {
  atomicMin(&lightattn_errors[0], u.error_tag);
  atomicAdd(&lightattn_errors[1], 1u);
  atomicStore(&lightattn_errors[2], bad_value);
}

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

fn f16_value(x: f32) -> f32 {
  let b = bitcast<u32>(x);
  return bitcast<f32>((b + 0xfffu + ((b >> 13u) & 1u)) & 0xffffe000u);
}
fn stage_hi(x: f32) -> f16 { return f16(x); }
fn stage_lo(x: f32, h: f16) -> f16 { return f16((x - f16_value(x)) * 2048.0); }
fn to_f32(h: f16) -> f32 { return f32(h); }

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let c = i % u.bucket;
  let t = (i / u.bucket) % u.padded;
  let bh = i / (u.bucket * u.padded);
  var x = 0.0;
  if (t < u.t && c < u.width) { x = src_get((bh * u.t + t) * u.width + c) * u.scale; }
  if (abs(x) >= 65504.0) { report_error(bitcast<u32>(x)); }
  let h = stage_hi(x);
  vs[i] = h;
  
}
