// ---- flashAttention:d128:dv128:plain:mask1:vec4:br32:bc32:t128:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,o:f32:read_write:vec4,lse:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32
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
  o_offset: u32,
  lse_offset: u32,
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
@group(0) @binding(5) var<storage, read_write> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
fn o_set4(j: u32, v: vec4<f32>) { o[u.o_offset + j] = v; }
@group(0) @binding(6) var<storage, read_write> lse: array<f32>;
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

var<workgroup> q_s: array<vec4<f32>, 1056>;
var<workgroup> kv_s: array<vec4<f32>, 1056>;
var<workgroup> p_s: array<vec4<f32>, 288>;
var<workgroup> corr_s: array<f32, 32>;
var<workgroup> red_s: array<vec4<f32>, 128>;

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
  for (var e = lid; e < 1024u; e += 128u) {
      let c4 = e % 32u;
      let r = e / 32u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 33u + c4] = u.scale * x;
    }
  // Red lanes padding the key groups to vec4s hold NEG_BIG / 0 for good.
  for (var e = lid; e < 512u; e += 128u) { red_s[e / 4u][e % 4u] = NEG_BIG; }

  let s_at = lid / 8u;
  let s_bt = lid % 8u;
  let limit0 = select(0u, last_key(i0 + (s_bt + 0u)), i0 + (s_bt + 0u) < u.tq);
  var m0 = NEG_BIG;
  var l0 = 0.0;
  let limit1 = select(0u, last_key(i0 + (s_bt + 8u)), i0 + (s_bt + 8u) < u.tq);
  var m1 = NEG_BIG;
  var l1 = 0.0;
  let limit2 = select(0u, last_key(i0 + (s_bt + 16u)), i0 + (s_bt + 16u) < u.tq);
  var m2 = NEG_BIG;
  var l2 = 0.0;
  let limit3 = select(0u, last_key(i0 + (s_bt + 24u)), i0 + (s_bt + 24u) < u.tq);
  var m3 = NEG_BIG;
  var l3 = 0.0;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0;
  let o_at = lid / 16u;
  let o_bt = lid % 16u;
  var o_0_0 = vec4<f32>(); var o_0_1 = vec4<f32>(); var o_1_0 = vec4<f32>(); var o_1_1 = vec4<f32>(); var o_2_0 = vec4<f32>(); var o_2_1 = vec4<f32>(); var o_3_0 = vec4<f32>(); var o_3_1 = vec4<f32>();
  var pk0 = vec4<f32>(); var pk1 = vec4<f32>(); var pk2 = vec4<f32>(); var pk3 = vec4<f32>(); var pk4 = vec4<f32>(); var pk5 = vec4<f32>(); var pk6 = vec4<f32>(); var pk7 = vec4<f32>();
  var pv0 = vec4<f32>(); var pv1 = vec4<f32>(); var pv2 = vec4<f32>(); var pv3 = vec4<f32>(); var pv4 = vec4<f32>(); var pv5 = vec4<f32>(); var pv6 = vec4<f32>(); var pv7 = vec4<f32>();
  { let c4 = (lid + 0u) % 32u; let gr = 0u + (lid + 0u) / 32u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 32u; let gr = 0u + (lid + 128u) / 32u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 256u) % 32u; let gr = 0u + (lid + 256u) / 32u; pk2 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk2 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 384u) % 32u; let gr = 0u + (lid + 384u) / 32u; pk3 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk3 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 512u) % 32u; let gr = 0u + (lid + 512u) / 32u; pk4 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk4 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 640u) % 32u; let gr = 0u + (lid + 640u) / 32u; pk5 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk5 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 768u) % 32u; let gr = 0u + (lid + 768u) / 32u; pk6 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk6 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 896u) % 32u; let gr = 0u + (lid + 896u) / 32u; pk7 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk7 = k_get4((k_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 32u; let gr = 0u + (lid + 0u) / 32u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 32u; let gr = 0u + (lid + 128u) / 32u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 256u) % 32u; let gr = 0u + (lid + 256u) / 32u; pv2 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv2 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 384u) % 32u; let gr = 0u + (lid + 384u) / 32u; pv3 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv3 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 512u) % 32u; let gr = 0u + (lid + 512u) / 32u; pv4 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv4 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 640u) % 32u; let gr = 0u + (lid + 640u) / 32u; pv5 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv5 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 768u) % 32u; let gr = 0u + (lid + 768u) / 32u; pv6 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv6 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 896u) % 32u; let gr = 0u + (lid + 896u) / 32u; pv7 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv7 = v_get4((v_base + gr * u.dv) / 4u + c4); } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    let has_next = j0 + 32u < key_end;
    { kv_s[((lid + 0u) / 32u) * 33u + (lid + 0u) % 32u] = pk0; }
    { kv_s[((lid + 128u) / 32u) * 33u + (lid + 128u) % 32u] = pk1; }
    { kv_s[((lid + 256u) / 32u) * 33u + (lid + 256u) % 32u] = pk2; }
    { kv_s[((lid + 384u) / 32u) * 33u + (lid + 384u) % 32u] = pk3; }
    { kv_s[((lid + 512u) / 32u) * 33u + (lid + 512u) % 32u] = pk4; }
    { kv_s[((lid + 640u) / 32u) * 33u + (lid + 640u) % 32u] = pk5; }
    { kv_s[((lid + 768u) / 32u) * 33u + (lid + 768u) % 32u] = pk6; }
    { kv_s[((lid + 896u) / 32u) * 33u + (lid + 896u) % 32u] = pk7; }
    workgroupBarrier();
    if (has_next) { { let c4 = (lid + 0u) % 32u; let gr = j0 + 32u + (lid + 0u) / 32u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 32u; let gr = j0 + 32u + (lid + 128u) / 32u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 256u) % 32u; let gr = j0 + 32u + (lid + 256u) / 32u; pk2 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk2 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 384u) % 32u; let gr = j0 + 32u + (lid + 384u) / 32u; pk3 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk3 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 512u) % 32u; let gr = j0 + 32u + (lid + 512u) / 32u; pk4 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk4 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 640u) % 32u; let gr = j0 + 32u + (lid + 640u) / 32u; pk5 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk5 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 768u) % 32u; let gr = j0 + 32u + (lid + 768u) / 32u; pk6 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk6 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 896u) % 32u; let gr = j0 + 32u + (lid + 896u) / 32u; pk7 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk7 = k_get4((k_base + gr * u.d) / 4u + c4); } } }
    if (lid < 128u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0;
      let s_ao0 = (s_at + 0u) * 33u;
    let s_ao1 = (s_at + 16u) * 33u;
    let s_bo0 = (s_bt + 0u) * 33u;
    let s_bo1 = (s_bt + 8u) * 33u;
    let s_bo2 = (s_bt + 16u) * 33u;
    let s_bo3 = (s_bt + 24u) * 33u;
    for (var k4 = 0u; k4 < 32u; k4++) {
      let s_a0 = kv_s[s_ao0 + k4];
      let s_a1 = kv_s[s_ao1 + k4];
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
      var mx0 = NEG_BIG;
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { mx0 = max(mx0, s_0_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { mx0 = max(mx0, s_1_0); }
      red_s[(s_bt + 0u) * 4u + s_at / 4u][s_at % 4u] = mx0;
      var mx1 = NEG_BIG;
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { mx1 = max(mx1, s_0_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { mx1 = max(mx1, s_1_1); }
      red_s[(s_bt + 8u) * 4u + s_at / 4u][s_at % 4u] = mx1;
      var mx2 = NEG_BIG;
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { mx2 = max(mx2, s_0_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { mx2 = max(mx2, s_1_2); }
      red_s[(s_bt + 16u) * 4u + s_at / 4u][s_at % 4u] = mx2;
      var mx3 = NEG_BIG;
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { mx3 = max(mx3, s_0_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { mx3 = max(mx3, s_1_3); }
      red_s[(s_bt + 24u) * 4u + s_at / 4u][s_at % 4u] = mx3;
    }
    workgroupBarrier();
    { kv_s[((lid + 0u) / 32u) * 33u + (lid + 0u) % 32u] = pv0; }
    { kv_s[((lid + 128u) / 32u) * 33u + (lid + 128u) % 32u] = pv1; }
    { kv_s[((lid + 256u) / 32u) * 33u + (lid + 256u) % 32u] = pv2; }
    { kv_s[((lid + 384u) / 32u) * 33u + (lid + 384u) % 32u] = pv3; }
    { kv_s[((lid + 512u) / 32u) * 33u + (lid + 512u) % 32u] = pv4; }
    { kv_s[((lid + 640u) / 32u) * 33u + (lid + 640u) % 32u] = pv5; }
    { kv_s[((lid + 768u) / 32u) * 33u + (lid + 768u) % 32u] = pv6; }
    { kv_s[((lid + 896u) / 32u) * 33u + (lid + 896u) % 32u] = pv7; }
    if (has_next) { { let c4 = (lid + 0u) % 32u; let gr = j0 + 32u + (lid + 0u) / 32u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 32u; let gr = j0 + 32u + (lid + 128u) / 32u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 256u) % 32u; let gr = j0 + 32u + (lid + 256u) / 32u; pv2 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv2 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 384u) % 32u; let gr = j0 + 32u + (lid + 384u) / 32u; pv3 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv3 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 512u) % 32u; let gr = j0 + 32u + (lid + 512u) / 32u; pv4 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv4 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 640u) % 32u; let gr = j0 + 32u + (lid + 640u) / 32u; pv5 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv5 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 768u) % 32u; let gr = j0 + 32u + (lid + 768u) / 32u; pv6 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv6 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 896u) % 32u; let gr = j0 + 32u + (lid + 896u) / 32u; pv7 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv7 = v_get4((v_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 128u) {
      {
        var t4 = red_s[(s_bt + 0u) * 4u + 0u];
        t4 = max(t4, red_s[(s_bt + 0u) * 4u + 1u]);
        t4 = max(t4, red_s[(s_bt + 0u) * 4u + 2u]);
        t4 = max(t4, red_s[(s_bt + 0u) * 4u + 3u]);
        let m_new = max(m0, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m0 - m_new), 0.0, m0 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { let p = exp(s_0_0 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { let p = exp(s_1_0 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        l0 = l0 * correction + sum;
        m0 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 0u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 8u) * 4u + 0u];
        t4 = max(t4, red_s[(s_bt + 8u) * 4u + 1u]);
        t4 = max(t4, red_s[(s_bt + 8u) * 4u + 2u]);
        t4 = max(t4, red_s[(s_bt + 8u) * 4u + 3u]);
        let m_new = max(m1, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m1 - m_new), 0.0, m1 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { let p = exp(s_0_1 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { let p = exp(s_1_1 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        l1 = l1 * correction + sum;
        m1 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 8u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 16u) * 4u + 0u];
        t4 = max(t4, red_s[(s_bt + 16u) * 4u + 1u]);
        t4 = max(t4, red_s[(s_bt + 16u) * 4u + 2u]);
        t4 = max(t4, red_s[(s_bt + 16u) * 4u + 3u]);
        let m_new = max(m2, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m2 - m_new), 0.0, m2 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { let p = exp(s_0_2 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { let p = exp(s_1_2 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        l2 = l2 * correction + sum;
        m2 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 16u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 24u) * 4u + 0u];
        t4 = max(t4, red_s[(s_bt + 24u) * 4u + 1u]);
        t4 = max(t4, red_s[(s_bt + 24u) * 4u + 2u]);
        t4 = max(t4, red_s[(s_bt + 24u) * 4u + 3u]);
        let m_new = max(m3, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m3 - m_new), 0.0, m3 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { let p = exp(s_0_3 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { let p = exp(s_1_3 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        l3 = l3 * correction + sum;
        m3 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 24u)] = correction; }
      }
    }
    workgroupBarrier();
    if (lid < 128u) {
      let c0 = corr_s[((o_at + 0u) * 4u + 0u)];
      o_0_0 *= c0;
      o_0_1 *= c0;
      let c1 = corr_s[((o_at + 0u) * 4u + 1u)];
      o_1_0 *= c1;
      o_1_1 *= c1;
      let c2 = corr_s[((o_at + 0u) * 4u + 2u)];
      o_2_0 *= c2;
      o_2_1 *= c2;
      let c3 = corr_s[((o_at + 0u) * 4u + 3u)];
      o_3_0 *= c3;
      o_3_1 *= c3;
      for (var k = 0u; k < 32u; k++) {
      let o_a0 = p_s[k * 9u + o_at + 0u];
      let o_b0 = kv_s[k * 33u + o_bt + 0u];
      let o_b1 = kv_s[k * 33u + o_bt + 16u];
      o_0_0 = fma(vec4<f32>(o_a0[0]), o_b0, o_0_0);
      o_0_1 = fma(vec4<f32>(o_a0[0]), o_b1, o_0_1);
      o_1_0 = fma(vec4<f32>(o_a0[1]), o_b0, o_1_0);
      o_1_1 = fma(vec4<f32>(o_a0[1]), o_b1, o_1_1);
      o_2_0 = fma(vec4<f32>(o_a0[2]), o_b0, o_2_0);
      o_2_1 = fma(vec4<f32>(o_a0[2]), o_b1, o_2_1);
      o_3_0 = fma(vec4<f32>(o_a0[3]), o_b0, o_3_0);
      o_3_1 = fma(vec4<f32>(o_a0[3]), o_b1, o_3_1);
    }
    }
    workgroupBarrier();
  }

  // l = Σ of the key groups' partial sums (all taken against the same running max).
  if (lid < 128u) {
    red_s[(s_bt + 0u) * 4u + s_at / 4u][s_at % 4u] = l0;
    red_s[(s_bt + 8u) * 4u + s_at / 4u][s_at % 4u] = l1;
    red_s[(s_bt + 16u) * 4u + s_at / 4u][s_at % 4u] = l2;
    red_s[(s_bt + 24u) * 4u + s_at / 4u][s_at % 4u] = l3;
  }
  workgroupBarrier();
  if (lid < 128u && s_at == 0u) {
    { let i = i0 + (s_bt + 0u); let l = dot(red_s[((s_bt + 0u)) * 4u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 0u)) * 4u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 0u)) * 4u + 2u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 0u)) * 4u + 3u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m0 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 8u); let l = dot(red_s[((s_bt + 8u)) * 4u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 8u)) * 4u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 8u)) * 4u + 2u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 8u)) * 4u + 3u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m1 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 16u); let l = dot(red_s[((s_bt + 16u)) * 4u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 16u)) * 4u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 16u)) * 4u + 2u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 16u)) * 4u + 3u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m2 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 24u); let l = dot(red_s[((s_bt + 24u)) * 4u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 24u)) * 4u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 24u)) * 4u + 2u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 24u)) * 4u + 3u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m3 + log(l), l > 0.0)); } }
  }
  if (lid < 128u) {
    let o_row0 = i0 + ((o_at + 0u) * 4u + 0u);
  if (o_row0 < u.tq) {
    let o_row0_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 4u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 4u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 4u + 2u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 4u + 3u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 4u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 4u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 4u + 2u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 4u + 3u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row0 * u.dv) / 4u + (o_bt + 0u), o_row0_scale * o_0_0); }
    if ((o_bt + 16u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row0 * u.dv) / 4u + (o_bt + 16u), o_row0_scale * o_0_1); }
  }
  let o_row1 = i0 + ((o_at + 0u) * 4u + 1u);
  if (o_row1 < u.tq) {
    let o_row1_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 4u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 4u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 4u + 2u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 4u + 3u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 4u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 4u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 4u + 2u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 4u + 3u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row1 * u.dv) / 4u + (o_bt + 0u), o_row1_scale * o_1_0); }
    if ((o_bt + 16u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row1 * u.dv) / 4u + (o_bt + 16u), o_row1_scale * o_1_1); }
  }
  let o_row2 = i0 + ((o_at + 0u) * 4u + 2u);
  if (o_row2 < u.tq) {
    let o_row2_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 4u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 4u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 4u + 2u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 4u + 3u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 4u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 4u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 4u + 2u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 4u + 3u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row2 * u.dv) / 4u + (o_bt + 0u), o_row2_scale * o_2_0); }
    if ((o_bt + 16u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row2 * u.dv) / 4u + (o_bt + 16u), o_row2_scale * o_2_1); }
  }
  let o_row3 = i0 + ((o_at + 0u) * 4u + 3u);
  if (o_row3 < u.tq) {
    let o_row3_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 4u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 4u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 4u + 2u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 4u + 3u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 4u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 4u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 4u + 2u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 4u + 3u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row3 * u.dv) / 4u + (o_bt + 0u), o_row3_scale * o_3_0); }
    if ((o_bt + 16u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row3 * u.dv) / 4u + (o_bt + 16u), o_row3_scale * o_3_1); }
  }
  }
}

// ---- flashAttention:d16:dv16:dropout:mask1:vec4:br32:bc32:t64:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,o:f32:read_write:vec4,lse:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,seed_lo:u32,seed_hi:u32,offset_lo:u32,offset_hi:u32,threshold:u32,keep_scale:f32,drop_cols:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32
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
  o_offset: u32,
  lse_offset: u32,
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
@group(0) @binding(5) var<storage, read_write> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
fn o_set4(j: u32, v: vec4<f32>) { o[u.o_offset + j] = v; }
@group(0) @binding(6) var<storage, read_write> lse: array<f32>;
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
var<workgroup> kv_s: array<vec4<f32>, 160>;
var<workgroup> p_s: array<vec4<f32>, 288>;
var<workgroup> corr_s: array<f32, 32>;
var<workgroup> red_s: array<vec4<f32>, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 32u;
  let key_end = last_key(min(u.tq, i0 + 32u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 128u; e += 64u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 5u + c4] = u.scale * x;
    }
  // Red lanes padding the key groups to vec4s hold NEG_BIG / 0 for good.
  for (var e = lid; e < 256u; e += 64u) { red_s[e / 4u][e % 4u] = NEG_BIG; }

  let s_at = lid / 8u;
  let s_bt = lid % 8u;
  let limit0 = select(0u, last_key(i0 + (s_bt + 0u)), i0 + (s_bt + 0u) < u.tq);
  var m0 = NEG_BIG;
  var l0 = 0.0;
  let limit1 = select(0u, last_key(i0 + (s_bt + 8u)), i0 + (s_bt + 8u) < u.tq);
  var m1 = NEG_BIG;
  var l1 = 0.0;
  let limit2 = select(0u, last_key(i0 + (s_bt + 16u)), i0 + (s_bt + 16u) < u.tq);
  var m2 = NEG_BIG;
  var l2 = 0.0;
  let limit3 = select(0u, last_key(i0 + (s_bt + 24u)), i0 + (s_bt + 24u) < u.tq);
  var m3 = NEG_BIG;
  var l3 = 0.0;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0; var s_2_0 = 0.0; var s_2_1 = 0.0; var s_2_2 = 0.0; var s_2_3 = 0.0; var s_3_0 = 0.0; var s_3_1 = 0.0; var s_3_2 = 0.0; var s_3_3 = 0.0;
  let o_at = lid / 4u;
  let o_bt = lid % 4u;
  var o_0_0 = vec4<f32>(); var o_1_0 = vec4<f32>(); var o_2_0 = vec4<f32>(); var o_3_0 = vec4<f32>();
  var pk0 = vec4<f32>(); var pk1 = vec4<f32>();
  var pv0 = vec4<f32>(); var pv1 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 64u) % 4u; let gr = 0u + (lid + 64u) / 4u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 64u) % 4u; let gr = 0u + (lid + 64u) / 4u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    let has_next = j0 + 32u < key_end;
    { kv_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pk0; }
    { kv_s[((lid + 64u) / 4u) * 5u + (lid + 64u) % 4u] = pk1; }
    workgroupBarrier();
    if (has_next) { { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 64u) % 4u; let gr = j0 + 32u + (lid + 64u) / 4u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } } }
    if (lid < 64u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0; s_2_0 = 0.0; s_2_1 = 0.0; s_2_2 = 0.0; s_2_3 = 0.0; s_3_0 = 0.0; s_3_1 = 0.0; s_3_2 = 0.0; s_3_3 = 0.0;
      let s_ao0 = (s_at + 0u) * 5u;
    let s_ao1 = (s_at + 8u) * 5u;
    let s_ao2 = (s_at + 16u) * 5u;
    let s_ao3 = (s_at + 24u) * 5u;
    let s_bo0 = (s_bt + 0u) * 5u;
    let s_bo1 = (s_bt + 8u) * 5u;
    let s_bo2 = (s_bt + 16u) * 5u;
    let s_bo3 = (s_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = kv_s[s_ao0 + k4];
      let s_a1 = kv_s[s_ao1 + k4];
      let s_a2 = kv_s[s_ao2 + k4];
      let s_a3 = kv_s[s_ao3 + k4];
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
      s_2_0 = fma(s_a2.w, s_b0.w, fma(s_a2.z, s_b0.z, fma(s_a2.y, s_b0.y, fma(s_a2.x, s_b0.x, s_2_0))));
      s_2_1 = fma(s_a2.w, s_b1.w, fma(s_a2.z, s_b1.z, fma(s_a2.y, s_b1.y, fma(s_a2.x, s_b1.x, s_2_1))));
      s_2_2 = fma(s_a2.w, s_b2.w, fma(s_a2.z, s_b2.z, fma(s_a2.y, s_b2.y, fma(s_a2.x, s_b2.x, s_2_2))));
      s_2_3 = fma(s_a2.w, s_b3.w, fma(s_a2.z, s_b3.z, fma(s_a2.y, s_b3.y, fma(s_a2.x, s_b3.x, s_2_3))));
      s_3_0 = fma(s_a3.w, s_b0.w, fma(s_a3.z, s_b0.z, fma(s_a3.y, s_b0.y, fma(s_a3.x, s_b0.x, s_3_0))));
      s_3_1 = fma(s_a3.w, s_b1.w, fma(s_a3.z, s_b1.z, fma(s_a3.y, s_b1.y, fma(s_a3.x, s_b1.x, s_3_1))));
      s_3_2 = fma(s_a3.w, s_b2.w, fma(s_a3.z, s_b2.z, fma(s_a3.y, s_b2.y, fma(s_a3.x, s_b2.x, s_3_2))));
      s_3_3 = fma(s_a3.w, s_b3.w, fma(s_a3.z, s_b3.z, fma(s_a3.y, s_b3.y, fma(s_a3.x, s_b3.x, s_3_3))));
    }
      var mx0 = NEG_BIG;
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { mx0 = max(mx0, s_0_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { mx0 = max(mx0, s_1_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { mx0 = max(mx0, s_2_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 24u))) { mx0 = max(mx0, s_3_0); }
      red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = mx0;
      var mx1 = NEG_BIG;
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { mx1 = max(mx1, s_0_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { mx1 = max(mx1, s_1_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { mx1 = max(mx1, s_2_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 24u))) { mx1 = max(mx1, s_3_1); }
      red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = mx1;
      var mx2 = NEG_BIG;
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { mx2 = max(mx2, s_0_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 8u))) { mx2 = max(mx2, s_1_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { mx2 = max(mx2, s_2_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 24u))) { mx2 = max(mx2, s_3_2); }
      red_s[(s_bt + 16u) * 2u + s_at / 4u][s_at % 4u] = mx2;
      var mx3 = NEG_BIG;
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { mx3 = max(mx3, s_0_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 8u))) { mx3 = max(mx3, s_1_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { mx3 = max(mx3, s_2_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 24u))) { mx3 = max(mx3, s_3_3); }
      red_s[(s_bt + 24u) * 2u + s_at / 4u][s_at % 4u] = mx3;
    }
    workgroupBarrier();
    { kv_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pv0; }
    { kv_s[((lid + 64u) / 4u) * 5u + (lid + 64u) % 4u] = pv1; }
    if (has_next) { { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 64u) % 4u; let gr = j0 + 32u + (lid + 64u) / 4u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 64u) {
      {
        var t4 = red_s[(s_bt + 0u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 0u) * 2u + 1u]);
        let m_new = max(m0, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m0 - m_new), 0.0, m0 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { let p = exp(s_0_0 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 0u)), j0 + (s_at + 0u)); } p_s[((s_at + 0u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { let p = exp(s_1_0 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 0u)), j0 + (s_at + 8u)); } p_s[((s_at + 8u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { let p = exp(s_2_0 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 0u)), j0 + (s_at + 16u)); } p_s[((s_at + 16u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 24u))) { let p = exp(s_3_0 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 0u)), j0 + (s_at + 24u)); } p_s[((s_at + 24u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        l0 = l0 * correction + sum;
        m0 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 0u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 8u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 8u) * 2u + 1u]);
        let m_new = max(m1, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m1 - m_new), 0.0, m1 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { let p = exp(s_0_1 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 8u)), j0 + (s_at + 0u)); } p_s[((s_at + 0u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { let p = exp(s_1_1 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 8u)), j0 + (s_at + 8u)); } p_s[((s_at + 8u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { let p = exp(s_2_1 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 8u)), j0 + (s_at + 16u)); } p_s[((s_at + 16u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 24u))) { let p = exp(s_3_1 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 8u)), j0 + (s_at + 24u)); } p_s[((s_at + 24u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        l1 = l1 * correction + sum;
        m1 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 8u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 16u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 16u) * 2u + 1u]);
        let m_new = max(m2, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m2 - m_new), 0.0, m2 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { let p = exp(s_0_2 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 16u)), j0 + (s_at + 0u)); } p_s[((s_at + 0u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 8u))) { let p = exp(s_1_2 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 16u)), j0 + (s_at + 8u)); } p_s[((s_at + 8u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { let p = exp(s_2_2 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 16u)), j0 + (s_at + 16u)); } p_s[((s_at + 16u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 24u))) { let p = exp(s_3_2 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 16u)), j0 + (s_at + 24u)); } p_s[((s_at + 24u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        l2 = l2 * correction + sum;
        m2 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 16u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 24u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 24u) * 2u + 1u]);
        let m_new = max(m3, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m3 - m_new), 0.0, m3 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { let p = exp(s_0_3 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 24u)), j0 + (s_at + 0u)); } p_s[((s_at + 0u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 8u))) { let p = exp(s_1_3 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 24u)), j0 + (s_at + 8u)); } p_s[((s_at + 8u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { let p = exp(s_2_3 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 24u)), j0 + (s_at + 16u)); } p_s[((s_at + 16u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 24u))) { let p = exp(s_3_3 - m_new); sum += p; w = p * drop_at(drop_global_row(bh, i0 + (s_bt + 24u)), j0 + (s_at + 24u)); } p_s[((s_at + 24u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        l3 = l3 * correction + sum;
        m3 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 24u)] = correction; }
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      let c0 = corr_s[((o_at + 0u) * 4u + 0u)];
      o_0_0 *= c0;
      let c1 = corr_s[((o_at + 0u) * 4u + 1u)];
      o_1_0 *= c1;
      let c2 = corr_s[((o_at + 0u) * 4u + 2u)];
      o_2_0 *= c2;
      let c3 = corr_s[((o_at + 0u) * 4u + 3u)];
      o_3_0 *= c3;
      for (var k = 0u; k < 32u; k++) {
      let o_a0 = p_s[k * 9u + o_at + 0u];
      let o_b0 = kv_s[k * 5u + o_bt + 0u];
      o_0_0 = fma(vec4<f32>(o_a0[0]), o_b0, o_0_0);
      o_1_0 = fma(vec4<f32>(o_a0[1]), o_b0, o_1_0);
      o_2_0 = fma(vec4<f32>(o_a0[2]), o_b0, o_2_0);
      o_3_0 = fma(vec4<f32>(o_a0[3]), o_b0, o_3_0);
    }
    }
    workgroupBarrier();
  }

  // l = Σ of the key groups' partial sums (all taken against the same running max).
  if (lid < 64u) {
    red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = l0;
    red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = l1;
    red_s[(s_bt + 16u) * 2u + s_at / 4u][s_at % 4u] = l2;
    red_s[(s_bt + 24u) * 2u + s_at / 4u][s_at % 4u] = l3;
  }
  workgroupBarrier();
  if (lid < 64u && s_at == 0u) {
    { let i = i0 + (s_bt + 0u); let l = dot(red_s[((s_bt + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m0 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 8u); let l = dot(red_s[((s_bt + 8u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 8u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m1 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 16u); let l = dot(red_s[((s_bt + 16u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 16u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m2 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 24u); let l = dot(red_s[((s_bt + 24u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 24u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m3 + log(l), l > 0.0)); } }
  }
  if (lid < 32u) {
    let o_row0 = i0 + ((o_at + 0u) * 4u + 0u);
  if (o_row0 < u.tq) {
    let o_row0_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row0 * u.dv) / 4u + (o_bt + 0u), o_row0_scale * o_0_0); }
  }
  let o_row1 = i0 + ((o_at + 0u) * 4u + 1u);
  if (o_row1 < u.tq) {
    let o_row1_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row1 * u.dv) / 4u + (o_bt + 0u), o_row1_scale * o_1_0); }
  }
  let o_row2 = i0 + ((o_at + 0u) * 4u + 2u);
  if (o_row2 < u.tq) {
    let o_row2_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row2 * u.dv) / 4u + (o_bt + 0u), o_row2_scale * o_2_0); }
  }
  let o_row3 = i0 + ((o_at + 0u) * 4u + 3u);
  if (o_row3 < u.tq) {
    let o_row3_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row3 * u.dv) / 4u + (o_bt + 0u), o_row3_scale * o_3_0); }
  }
  }
}

// ---- flashAttention:d16:dv16:plain:mask:vec4:br32:bc32:t64:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,o:f32:read_write:vec4,lse:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32
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
  o_offset: u32,
  lse_offset: u32,
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
@group(0) @binding(5) var<storage, read_write> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
fn o_set4(j: u32, v: vec4<f32>) { o[u.o_offset + j] = v; }
@group(0) @binding(6) var<storage, read_write> lse: array<f32>;
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
var<workgroup> kv_s: array<vec4<f32>, 160>;
var<workgroup> p_s: array<vec4<f32>, 288>;
var<workgroup> corr_s: array<f32, 32>;
var<workgroup> red_s: array<vec4<f32>, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 32u;
  let key_end = last_key(min(u.tq, i0 + 32u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 128u; e += 64u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 5u + c4] = u.scale * x;
    }
  // Red lanes padding the key groups to vec4s hold NEG_BIG / 0 for good.
  for (var e = lid; e < 256u; e += 64u) { red_s[e / 4u][e % 4u] = NEG_BIG; }

  let s_at = lid / 8u;
  let s_bt = lid % 8u;
  let limit0 = select(0u, last_key(i0 + (s_bt + 0u)), i0 + (s_bt + 0u) < u.tq);
  var m0 = NEG_BIG;
  var l0 = 0.0;
  let limit1 = select(0u, last_key(i0 + (s_bt + 8u)), i0 + (s_bt + 8u) < u.tq);
  var m1 = NEG_BIG;
  var l1 = 0.0;
  let limit2 = select(0u, last_key(i0 + (s_bt + 16u)), i0 + (s_bt + 16u) < u.tq);
  var m2 = NEG_BIG;
  var l2 = 0.0;
  let limit3 = select(0u, last_key(i0 + (s_bt + 24u)), i0 + (s_bt + 24u) < u.tq);
  var m3 = NEG_BIG;
  var l3 = 0.0;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0; var s_2_0 = 0.0; var s_2_1 = 0.0; var s_2_2 = 0.0; var s_2_3 = 0.0; var s_3_0 = 0.0; var s_3_1 = 0.0; var s_3_2 = 0.0; var s_3_3 = 0.0;
  let o_at = lid / 4u;
  let o_bt = lid % 4u;
  var o_0_0 = vec4<f32>(); var o_1_0 = vec4<f32>(); var o_2_0 = vec4<f32>(); var o_3_0 = vec4<f32>();
  var pk0 = vec4<f32>(); var pk1 = vec4<f32>();
  var pv0 = vec4<f32>(); var pv1 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 64u) % 4u; let gr = 0u + (lid + 64u) / 4u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 64u) % 4u; let gr = 0u + (lid + 64u) / 4u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    let has_next = j0 + 32u < key_end;
    { kv_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pk0; }
    { kv_s[((lid + 64u) / 4u) * 5u + (lid + 64u) % 4u] = pk1; }
    workgroupBarrier();
    if (has_next) { { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 64u) % 4u; let gr = j0 + 32u + (lid + 64u) / 4u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } } }
    if (lid < 64u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0; s_2_0 = 0.0; s_2_1 = 0.0; s_2_2 = 0.0; s_2_3 = 0.0; s_3_0 = 0.0; s_3_1 = 0.0; s_3_2 = 0.0; s_3_3 = 0.0;
      let s_ao0 = (s_at + 0u) * 5u;
    let s_ao1 = (s_at + 8u) * 5u;
    let s_ao2 = (s_at + 16u) * 5u;
    let s_ao3 = (s_at + 24u) * 5u;
    let s_bo0 = (s_bt + 0u) * 5u;
    let s_bo1 = (s_bt + 8u) * 5u;
    let s_bo2 = (s_bt + 16u) * 5u;
    let s_bo3 = (s_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = kv_s[s_ao0 + k4];
      let s_a1 = kv_s[s_ao1 + k4];
      let s_a2 = kv_s[s_ao2 + k4];
      let s_a3 = kv_s[s_ao3 + k4];
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
      s_2_0 = fma(s_a2.w, s_b0.w, fma(s_a2.z, s_b0.z, fma(s_a2.y, s_b0.y, fma(s_a2.x, s_b0.x, s_2_0))));
      s_2_1 = fma(s_a2.w, s_b1.w, fma(s_a2.z, s_b1.z, fma(s_a2.y, s_b1.y, fma(s_a2.x, s_b1.x, s_2_1))));
      s_2_2 = fma(s_a2.w, s_b2.w, fma(s_a2.z, s_b2.z, fma(s_a2.y, s_b2.y, fma(s_a2.x, s_b2.x, s_2_2))));
      s_2_3 = fma(s_a2.w, s_b3.w, fma(s_a2.z, s_b3.z, fma(s_a2.y, s_b3.y, fma(s_a2.x, s_b3.x, s_2_3))));
      s_3_0 = fma(s_a3.w, s_b0.w, fma(s_a3.z, s_b0.z, fma(s_a3.y, s_b0.y, fma(s_a3.x, s_b0.x, s_3_0))));
      s_3_1 = fma(s_a3.w, s_b1.w, fma(s_a3.z, s_b1.z, fma(s_a3.y, s_b1.y, fma(s_a3.x, s_b1.x, s_3_1))));
      s_3_2 = fma(s_a3.w, s_b2.w, fma(s_a3.z, s_b2.z, fma(s_a3.y, s_b2.y, fma(s_a3.x, s_b2.x, s_3_2))));
      s_3_3 = fma(s_a3.w, s_b3.w, fma(s_a3.z, s_b3.z, fma(s_a3.y, s_b3.y, fma(s_a3.x, s_b3.x, s_3_3))));
    }
      var mx0 = NEG_BIG;
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { mx0 = max(mx0, s_0_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { mx0 = max(mx0, s_1_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { mx0 = max(mx0, s_2_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 24u))) { mx0 = max(mx0, s_3_0); }
      red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = mx0;
      var mx1 = NEG_BIG;
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { mx1 = max(mx1, s_0_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { mx1 = max(mx1, s_1_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { mx1 = max(mx1, s_2_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 24u))) { mx1 = max(mx1, s_3_1); }
      red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = mx1;
      var mx2 = NEG_BIG;
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { mx2 = max(mx2, s_0_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 8u))) { mx2 = max(mx2, s_1_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { mx2 = max(mx2, s_2_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 24u))) { mx2 = max(mx2, s_3_2); }
      red_s[(s_bt + 16u) * 2u + s_at / 4u][s_at % 4u] = mx2;
      var mx3 = NEG_BIG;
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { mx3 = max(mx3, s_0_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 8u))) { mx3 = max(mx3, s_1_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { mx3 = max(mx3, s_2_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 24u))) { mx3 = max(mx3, s_3_3); }
      red_s[(s_bt + 24u) * 2u + s_at / 4u][s_at % 4u] = mx3;
    }
    workgroupBarrier();
    { kv_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pv0; }
    { kv_s[((lid + 64u) / 4u) * 5u + (lid + 64u) % 4u] = pv1; }
    if (has_next) { { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 64u) % 4u; let gr = j0 + 32u + (lid + 64u) / 4u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 64u) {
      {
        var t4 = red_s[(s_bt + 0u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 0u) * 2u + 1u]);
        let m_new = max(m0, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m0 - m_new), 0.0, m0 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { let p = exp(s_0_0 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { let p = exp(s_1_0 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { let p = exp(s_2_0 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 24u))) { let p = exp(s_3_0 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        l0 = l0 * correction + sum;
        m0 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 0u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 8u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 8u) * 2u + 1u]);
        let m_new = max(m1, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m1 - m_new), 0.0, m1 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { let p = exp(s_0_1 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { let p = exp(s_1_1 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { let p = exp(s_2_1 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 24u))) { let p = exp(s_3_1 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        l1 = l1 * correction + sum;
        m1 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 8u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 16u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 16u) * 2u + 1u]);
        let m_new = max(m2, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m2 - m_new), 0.0, m2 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { let p = exp(s_0_2 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 8u))) { let p = exp(s_1_2 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { let p = exp(s_2_2 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 24u))) { let p = exp(s_3_2 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        l2 = l2 * correction + sum;
        m2 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 16u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 24u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 24u) * 2u + 1u]);
        let m_new = max(m3, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m3 - m_new), 0.0, m3 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { let p = exp(s_0_3 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 8u))) { let p = exp(s_1_3 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { let p = exp(s_2_3 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 24u))) { let p = exp(s_3_3 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        l3 = l3 * correction + sum;
        m3 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 24u)] = correction; }
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      let c0 = corr_s[((o_at + 0u) * 4u + 0u)];
      o_0_0 *= c0;
      let c1 = corr_s[((o_at + 0u) * 4u + 1u)];
      o_1_0 *= c1;
      let c2 = corr_s[((o_at + 0u) * 4u + 2u)];
      o_2_0 *= c2;
      let c3 = corr_s[((o_at + 0u) * 4u + 3u)];
      o_3_0 *= c3;
      for (var k = 0u; k < 32u; k++) {
      let o_a0 = p_s[k * 9u + o_at + 0u];
      let o_b0 = kv_s[k * 5u + o_bt + 0u];
      o_0_0 = fma(vec4<f32>(o_a0[0]), o_b0, o_0_0);
      o_1_0 = fma(vec4<f32>(o_a0[1]), o_b0, o_1_0);
      o_2_0 = fma(vec4<f32>(o_a0[2]), o_b0, o_2_0);
      o_3_0 = fma(vec4<f32>(o_a0[3]), o_b0, o_3_0);
    }
    }
    workgroupBarrier();
  }

  // l = Σ of the key groups' partial sums (all taken against the same running max).
  if (lid < 64u) {
    red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = l0;
    red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = l1;
    red_s[(s_bt + 16u) * 2u + s_at / 4u][s_at % 4u] = l2;
    red_s[(s_bt + 24u) * 2u + s_at / 4u][s_at % 4u] = l3;
  }
  workgroupBarrier();
  if (lid < 64u && s_at == 0u) {
    { let i = i0 + (s_bt + 0u); let l = dot(red_s[((s_bt + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m0 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 8u); let l = dot(red_s[((s_bt + 8u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 8u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m1 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 16u); let l = dot(red_s[((s_bt + 16u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 16u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m2 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 24u); let l = dot(red_s[((s_bt + 24u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 24u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m3 + log(l), l > 0.0)); } }
  }
  if (lid < 32u) {
    let o_row0 = i0 + ((o_at + 0u) * 4u + 0u);
  if (o_row0 < u.tq) {
    let o_row0_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row0 * u.dv) / 4u + (o_bt + 0u), o_row0_scale * o_0_0); }
  }
  let o_row1 = i0 + ((o_at + 0u) * 4u + 1u);
  if (o_row1 < u.tq) {
    let o_row1_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row1 * u.dv) / 4u + (o_bt + 0u), o_row1_scale * o_1_0); }
  }
  let o_row2 = i0 + ((o_at + 0u) * 4u + 2u);
  if (o_row2 < u.tq) {
    let o_row2_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row2 * u.dv) / 4u + (o_bt + 0u), o_row2_scale * o_2_0); }
  }
  let o_row3 = i0 + ((o_at + 0u) * 4u + 3u);
  if (o_row3 < u.tq) {
    let o_row3_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row3 * u.dv) / 4u + (o_bt + 0u), o_row3_scale * o_3_0); }
  }
  }
}

// ---- flashAttention:d16:dv16:plain:mask1:scalar:br32:bc32:t64:unrolled:prefetch|q:f32:read,k:f32:read,v:f32:read,mask:bool:read,o:f32:read_write,lse:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32
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
  o_offset: u32,
  lse_offset: u32,
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
@group(0) @binding(5) var<storage, read_write> o: array<f32>;
fn o_get(i: u32) -> f32 { return o[u.o_offset + i]; }
fn o_set(i: u32, v: f32) { o[u.o_offset + i] = v; }
@group(0) @binding(6) var<storage, read_write> lse: array<f32>;
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
var<workgroup> kv_s: array<vec4<f32>, 160>;
var<workgroup> p_s: array<vec4<f32>, 288>;
var<workgroup> corr_s: array<f32, 32>;
var<workgroup> red_s: array<vec4<f32>, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 32u;
  let key_end = last_key(min(u.tq, i0 + 32u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 128u; e += 64u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.d) { x[t] = q_get(bh * u.tq * u.d + gr * u.d + c4 * 4u + t); } } }
      q_s[r * 5u + c4] = u.scale * x;
    }
  // Red lanes padding the key groups to vec4s hold NEG_BIG / 0 for good.
  for (var e = lid; e < 256u; e += 64u) { red_s[e / 4u][e % 4u] = NEG_BIG; }

  let s_at = lid / 8u;
  let s_bt = lid % 8u;
  let limit0 = select(0u, last_key(i0 + (s_bt + 0u)), i0 + (s_bt + 0u) < u.tq);
  var m0 = NEG_BIG;
  var l0 = 0.0;
  let limit1 = select(0u, last_key(i0 + (s_bt + 8u)), i0 + (s_bt + 8u) < u.tq);
  var m1 = NEG_BIG;
  var l1 = 0.0;
  let limit2 = select(0u, last_key(i0 + (s_bt + 16u)), i0 + (s_bt + 16u) < u.tq);
  var m2 = NEG_BIG;
  var l2 = 0.0;
  let limit3 = select(0u, last_key(i0 + (s_bt + 24u)), i0 + (s_bt + 24u) < u.tq);
  var m3 = NEG_BIG;
  var l3 = 0.0;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0; var s_2_0 = 0.0; var s_2_1 = 0.0; var s_2_2 = 0.0; var s_2_3 = 0.0; var s_3_0 = 0.0; var s_3_1 = 0.0; var s_3_2 = 0.0; var s_3_3 = 0.0;
  let o_at = lid / 4u;
  let o_bt = lid % 4u;
  var o_0_0 = vec4<f32>(); var o_1_0 = vec4<f32>(); var o_2_0 = vec4<f32>(); var o_3_0 = vec4<f32>();
  var pk0 = vec4<f32>(); var pk1 = vec4<f32>();
  var pv0 = vec4<f32>(); var pv1 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.d) { pk0[t] = k_get(k_base + gr * u.d + c4 * 4u + t); } } } }
    { let c4 = (lid + 64u) % 4u; let gr = 0u + (lid + 64u) / 4u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.d) { pk1[t] = k_get(k_base + gr * u.d + c4 * 4u + t); } } } }
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.dv) { pv0[t] = v_get(v_base + gr * u.dv + c4 * 4u + t); } } } }
    { let c4 = (lid + 64u) % 4u; let gr = 0u + (lid + 64u) / 4u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.dv) { pv1[t] = v_get(v_base + gr * u.dv + c4 * 4u + t); } } } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    let has_next = j0 + 32u < key_end;
    { kv_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pk0; }
    { kv_s[((lid + 64u) / 4u) * 5u + (lid + 64u) % 4u] = pk1; }
    workgroupBarrier();
    if (has_next) { { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.d) { pk0[t] = k_get(k_base + gr * u.d + c4 * 4u + t); } } } }
    { let c4 = (lid + 64u) % 4u; let gr = j0 + 32u + (lid + 64u) / 4u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.d) { pk1[t] = k_get(k_base + gr * u.d + c4 * 4u + t); } } } } }
    if (lid < 64u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0; s_2_0 = 0.0; s_2_1 = 0.0; s_2_2 = 0.0; s_2_3 = 0.0; s_3_0 = 0.0; s_3_1 = 0.0; s_3_2 = 0.0; s_3_3 = 0.0;
      let s_ao0 = (s_at + 0u) * 5u;
    let s_ao1 = (s_at + 8u) * 5u;
    let s_ao2 = (s_at + 16u) * 5u;
    let s_ao3 = (s_at + 24u) * 5u;
    let s_bo0 = (s_bt + 0u) * 5u;
    let s_bo1 = (s_bt + 8u) * 5u;
    let s_bo2 = (s_bt + 16u) * 5u;
    let s_bo3 = (s_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = kv_s[s_ao0 + k4];
      let s_a1 = kv_s[s_ao1 + k4];
      let s_a2 = kv_s[s_ao2 + k4];
      let s_a3 = kv_s[s_ao3 + k4];
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
      s_2_0 = fma(s_a2.w, s_b0.w, fma(s_a2.z, s_b0.z, fma(s_a2.y, s_b0.y, fma(s_a2.x, s_b0.x, s_2_0))));
      s_2_1 = fma(s_a2.w, s_b1.w, fma(s_a2.z, s_b1.z, fma(s_a2.y, s_b1.y, fma(s_a2.x, s_b1.x, s_2_1))));
      s_2_2 = fma(s_a2.w, s_b2.w, fma(s_a2.z, s_b2.z, fma(s_a2.y, s_b2.y, fma(s_a2.x, s_b2.x, s_2_2))));
      s_2_3 = fma(s_a2.w, s_b3.w, fma(s_a2.z, s_b3.z, fma(s_a2.y, s_b3.y, fma(s_a2.x, s_b3.x, s_2_3))));
      s_3_0 = fma(s_a3.w, s_b0.w, fma(s_a3.z, s_b0.z, fma(s_a3.y, s_b0.y, fma(s_a3.x, s_b0.x, s_3_0))));
      s_3_1 = fma(s_a3.w, s_b1.w, fma(s_a3.z, s_b1.z, fma(s_a3.y, s_b1.y, fma(s_a3.x, s_b1.x, s_3_1))));
      s_3_2 = fma(s_a3.w, s_b2.w, fma(s_a3.z, s_b2.z, fma(s_a3.y, s_b2.y, fma(s_a3.x, s_b2.x, s_3_2))));
      s_3_3 = fma(s_a3.w, s_b3.w, fma(s_a3.z, s_b3.z, fma(s_a3.y, s_b3.y, fma(s_a3.x, s_b3.x, s_3_3))));
    }
      var mx0 = NEG_BIG;
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { mx0 = max(mx0, s_0_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { mx0 = max(mx0, s_1_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { mx0 = max(mx0, s_2_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 24u))) { mx0 = max(mx0, s_3_0); }
      red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = mx0;
      var mx1 = NEG_BIG;
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { mx1 = max(mx1, s_0_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { mx1 = max(mx1, s_1_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { mx1 = max(mx1, s_2_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 24u))) { mx1 = max(mx1, s_3_1); }
      red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = mx1;
      var mx2 = NEG_BIG;
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { mx2 = max(mx2, s_0_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 8u))) { mx2 = max(mx2, s_1_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { mx2 = max(mx2, s_2_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 24u))) { mx2 = max(mx2, s_3_2); }
      red_s[(s_bt + 16u) * 2u + s_at / 4u][s_at % 4u] = mx2;
      var mx3 = NEG_BIG;
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { mx3 = max(mx3, s_0_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 8u))) { mx3 = max(mx3, s_1_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { mx3 = max(mx3, s_2_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 24u))) { mx3 = max(mx3, s_3_3); }
      red_s[(s_bt + 24u) * 2u + s_at / 4u][s_at % 4u] = mx3;
    }
    workgroupBarrier();
    { kv_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pv0; }
    { kv_s[((lid + 64u) / 4u) * 5u + (lid + 64u) % 4u] = pv1; }
    if (has_next) { { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.dv) { pv0[t] = v_get(v_base + gr * u.dv + c4 * 4u + t); } } } }
    { let c4 = (lid + 64u) % 4u; let gr = j0 + 32u + (lid + 64u) / 4u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { for (var t = 0u; t < 4u; t++) { if (c4 * 4u + t < u.dv) { pv1[t] = v_get(v_base + gr * u.dv + c4 * 4u + t); } } } } }
    if (lid < 64u) {
      {
        var t4 = red_s[(s_bt + 0u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 0u) * 2u + 1u]);
        let m_new = max(m0, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m0 - m_new), 0.0, m0 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { let p = exp(s_0_0 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { let p = exp(s_1_0 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { let p = exp(s_2_0 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 24u))) { let p = exp(s_3_0 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        l0 = l0 * correction + sum;
        m0 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 0u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 8u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 8u) * 2u + 1u]);
        let m_new = max(m1, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m1 - m_new), 0.0, m1 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { let p = exp(s_0_1 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { let p = exp(s_1_1 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { let p = exp(s_2_1 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 24u))) { let p = exp(s_3_1 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        l1 = l1 * correction + sum;
        m1 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 8u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 16u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 16u) * 2u + 1u]);
        let m_new = max(m2, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m2 - m_new), 0.0, m2 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { let p = exp(s_0_2 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 8u))) { let p = exp(s_1_2 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { let p = exp(s_2_2 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 24u))) { let p = exp(s_3_2 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        l2 = l2 * correction + sum;
        m2 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 16u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 24u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 24u) * 2u + 1u]);
        let m_new = max(m3, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m3 - m_new), 0.0, m3 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { let p = exp(s_0_3 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 8u))) { let p = exp(s_1_3 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { let p = exp(s_2_3 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 24u))) { let p = exp(s_3_3 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        l3 = l3 * correction + sum;
        m3 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 24u)] = correction; }
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      let c0 = corr_s[((o_at + 0u) * 4u + 0u)];
      o_0_0 *= c0;
      let c1 = corr_s[((o_at + 0u) * 4u + 1u)];
      o_1_0 *= c1;
      let c2 = corr_s[((o_at + 0u) * 4u + 2u)];
      o_2_0 *= c2;
      let c3 = corr_s[((o_at + 0u) * 4u + 3u)];
      o_3_0 *= c3;
      for (var k = 0u; k < 32u; k++) {
      let o_a0 = p_s[k * 9u + o_at + 0u];
      let o_b0 = kv_s[k * 5u + o_bt + 0u];
      o_0_0 = fma(vec4<f32>(o_a0[0]), o_b0, o_0_0);
      o_1_0 = fma(vec4<f32>(o_a0[1]), o_b0, o_1_0);
      o_2_0 = fma(vec4<f32>(o_a0[2]), o_b0, o_2_0);
      o_3_0 = fma(vec4<f32>(o_a0[3]), o_b0, o_3_0);
    }
    }
    workgroupBarrier();
  }

  // l = Σ of the key groups' partial sums (all taken against the same running max).
  if (lid < 64u) {
    red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = l0;
    red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = l1;
    red_s[(s_bt + 16u) * 2u + s_at / 4u][s_at % 4u] = l2;
    red_s[(s_bt + 24u) * 2u + s_at / 4u][s_at % 4u] = l3;
  }
  workgroupBarrier();
  if (lid < 64u && s_at == 0u) {
    { let i = i0 + (s_bt + 0u); let l = dot(red_s[((s_bt + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m0 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 8u); let l = dot(red_s[((s_bt + 8u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 8u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m1 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 16u); let l = dot(red_s[((s_bt + 16u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 16u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m2 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 24u); let l = dot(red_s[((s_bt + 24u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 24u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m3 + log(l), l > 0.0)); } }
  }
  if (lid < 32u) {
    let o_row0 = i0 + ((o_at + 0u) * 4u + 0u);
  if (o_row0 < u.tq) {
    let o_row0_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    for (var t = 0u; t < 4u; t++) { if ((o_bt + 0u) * 4u + t < u.dv) { o_set(bh * u.tq * u.dv + o_row0 * u.dv + (o_bt + 0u) * 4u + t, (o_row0_scale * o_0_0)[t]); } }
  }
  let o_row1 = i0 + ((o_at + 0u) * 4u + 1u);
  if (o_row1 < u.tq) {
    let o_row1_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    for (var t = 0u; t < 4u; t++) { if ((o_bt + 0u) * 4u + t < u.dv) { o_set(bh * u.tq * u.dv + o_row1 * u.dv + (o_bt + 0u) * 4u + t, (o_row1_scale * o_1_0)[t]); } }
  }
  let o_row2 = i0 + ((o_at + 0u) * 4u + 2u);
  if (o_row2 < u.tq) {
    let o_row2_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    for (var t = 0u; t < 4u; t++) { if ((o_bt + 0u) * 4u + t < u.dv) { o_set(bh * u.tq * u.dv + o_row2 * u.dv + (o_bt + 0u) * 4u + t, (o_row2_scale * o_2_0)[t]); } }
  }
  let o_row3 = i0 + ((o_at + 0u) * 4u + 3u);
  if (o_row3 < u.tq) {
    let o_row3_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    for (var t = 0u; t < 4u; t++) { if ((o_bt + 0u) * 4u + t < u.dv) { o_set(bh * u.tq * u.dv + o_row3 * u.dv + (o_bt + 0u) * 4u + t, (o_row3_scale * o_3_0)[t]); } }
  }
  }
}

// ---- flashAttention:d16:dv16:plain:mask1:vec4:br32:bc32:t64:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,o:f32:read_write:vec4,lse:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32
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
  o_offset: u32,
  lse_offset: u32,
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
@group(0) @binding(5) var<storage, read_write> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
fn o_set4(j: u32, v: vec4<f32>) { o[u.o_offset + j] = v; }
@group(0) @binding(6) var<storage, read_write> lse: array<f32>;
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
var<workgroup> kv_s: array<vec4<f32>, 160>;
var<workgroup> p_s: array<vec4<f32>, 288>;
var<workgroup> corr_s: array<f32, 32>;
var<workgroup> red_s: array<vec4<f32>, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 32u;
  let key_end = last_key(min(u.tq, i0 + 32u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 128u; e += 64u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 5u + c4] = u.scale * x;
    }
  // Red lanes padding the key groups to vec4s hold NEG_BIG / 0 for good.
  for (var e = lid; e < 256u; e += 64u) { red_s[e / 4u][e % 4u] = NEG_BIG; }

  let s_at = lid / 8u;
  let s_bt = lid % 8u;
  let limit0 = select(0u, last_key(i0 + (s_bt + 0u)), i0 + (s_bt + 0u) < u.tq);
  var m0 = NEG_BIG;
  var l0 = 0.0;
  let limit1 = select(0u, last_key(i0 + (s_bt + 8u)), i0 + (s_bt + 8u) < u.tq);
  var m1 = NEG_BIG;
  var l1 = 0.0;
  let limit2 = select(0u, last_key(i0 + (s_bt + 16u)), i0 + (s_bt + 16u) < u.tq);
  var m2 = NEG_BIG;
  var l2 = 0.0;
  let limit3 = select(0u, last_key(i0 + (s_bt + 24u)), i0 + (s_bt + 24u) < u.tq);
  var m3 = NEG_BIG;
  var l3 = 0.0;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0; var s_2_0 = 0.0; var s_2_1 = 0.0; var s_2_2 = 0.0; var s_2_3 = 0.0; var s_3_0 = 0.0; var s_3_1 = 0.0; var s_3_2 = 0.0; var s_3_3 = 0.0;
  let o_at = lid / 4u;
  let o_bt = lid % 4u;
  var o_0_0 = vec4<f32>(); var o_1_0 = vec4<f32>(); var o_2_0 = vec4<f32>(); var o_3_0 = vec4<f32>();
  var pk0 = vec4<f32>(); var pk1 = vec4<f32>();
  var pv0 = vec4<f32>(); var pv1 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 64u) % 4u; let gr = 0u + (lid + 64u) / 4u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 64u) % 4u; let gr = 0u + (lid + 64u) / 4u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    let has_next = j0 + 32u < key_end;
    { kv_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pk0; }
    { kv_s[((lid + 64u) / 4u) * 5u + (lid + 64u) % 4u] = pk1; }
    workgroupBarrier();
    if (has_next) { { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 64u) % 4u; let gr = j0 + 32u + (lid + 64u) / 4u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } } }
    if (lid < 64u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0; s_2_0 = 0.0; s_2_1 = 0.0; s_2_2 = 0.0; s_2_3 = 0.0; s_3_0 = 0.0; s_3_1 = 0.0; s_3_2 = 0.0; s_3_3 = 0.0;
      let s_ao0 = (s_at + 0u) * 5u;
    let s_ao1 = (s_at + 8u) * 5u;
    let s_ao2 = (s_at + 16u) * 5u;
    let s_ao3 = (s_at + 24u) * 5u;
    let s_bo0 = (s_bt + 0u) * 5u;
    let s_bo1 = (s_bt + 8u) * 5u;
    let s_bo2 = (s_bt + 16u) * 5u;
    let s_bo3 = (s_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = kv_s[s_ao0 + k4];
      let s_a1 = kv_s[s_ao1 + k4];
      let s_a2 = kv_s[s_ao2 + k4];
      let s_a3 = kv_s[s_ao3 + k4];
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
      s_2_0 = fma(s_a2.w, s_b0.w, fma(s_a2.z, s_b0.z, fma(s_a2.y, s_b0.y, fma(s_a2.x, s_b0.x, s_2_0))));
      s_2_1 = fma(s_a2.w, s_b1.w, fma(s_a2.z, s_b1.z, fma(s_a2.y, s_b1.y, fma(s_a2.x, s_b1.x, s_2_1))));
      s_2_2 = fma(s_a2.w, s_b2.w, fma(s_a2.z, s_b2.z, fma(s_a2.y, s_b2.y, fma(s_a2.x, s_b2.x, s_2_2))));
      s_2_3 = fma(s_a2.w, s_b3.w, fma(s_a2.z, s_b3.z, fma(s_a2.y, s_b3.y, fma(s_a2.x, s_b3.x, s_2_3))));
      s_3_0 = fma(s_a3.w, s_b0.w, fma(s_a3.z, s_b0.z, fma(s_a3.y, s_b0.y, fma(s_a3.x, s_b0.x, s_3_0))));
      s_3_1 = fma(s_a3.w, s_b1.w, fma(s_a3.z, s_b1.z, fma(s_a3.y, s_b1.y, fma(s_a3.x, s_b1.x, s_3_1))));
      s_3_2 = fma(s_a3.w, s_b2.w, fma(s_a3.z, s_b2.z, fma(s_a3.y, s_b2.y, fma(s_a3.x, s_b2.x, s_3_2))));
      s_3_3 = fma(s_a3.w, s_b3.w, fma(s_a3.z, s_b3.z, fma(s_a3.y, s_b3.y, fma(s_a3.x, s_b3.x, s_3_3))));
    }
      var mx0 = NEG_BIG;
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { mx0 = max(mx0, s_0_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { mx0 = max(mx0, s_1_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { mx0 = max(mx0, s_2_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 24u))) { mx0 = max(mx0, s_3_0); }
      red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = mx0;
      var mx1 = NEG_BIG;
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { mx1 = max(mx1, s_0_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { mx1 = max(mx1, s_1_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { mx1 = max(mx1, s_2_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 24u))) { mx1 = max(mx1, s_3_1); }
      red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = mx1;
      var mx2 = NEG_BIG;
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { mx2 = max(mx2, s_0_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 8u))) { mx2 = max(mx2, s_1_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { mx2 = max(mx2, s_2_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 24u))) { mx2 = max(mx2, s_3_2); }
      red_s[(s_bt + 16u) * 2u + s_at / 4u][s_at % 4u] = mx2;
      var mx3 = NEG_BIG;
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { mx3 = max(mx3, s_0_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 8u))) { mx3 = max(mx3, s_1_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { mx3 = max(mx3, s_2_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 24u))) { mx3 = max(mx3, s_3_3); }
      red_s[(s_bt + 24u) * 2u + s_at / 4u][s_at % 4u] = mx3;
    }
    workgroupBarrier();
    { kv_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pv0; }
    { kv_s[((lid + 64u) / 4u) * 5u + (lid + 64u) % 4u] = pv1; }
    if (has_next) { { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 64u) % 4u; let gr = j0 + 32u + (lid + 64u) / 4u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 64u) {
      {
        var t4 = red_s[(s_bt + 0u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 0u) * 2u + 1u]);
        let m_new = max(m0, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m0 - m_new), 0.0, m0 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { let p = exp(s_0_0 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { let p = exp(s_1_0 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { let p = exp(s_2_0 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 24u))) { let p = exp(s_3_0 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        l0 = l0 * correction + sum;
        m0 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 0u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 8u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 8u) * 2u + 1u]);
        let m_new = max(m1, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m1 - m_new), 0.0, m1 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { let p = exp(s_0_1 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { let p = exp(s_1_1 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { let p = exp(s_2_1 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 24u))) { let p = exp(s_3_1 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        l1 = l1 * correction + sum;
        m1 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 8u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 16u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 16u) * 2u + 1u]);
        let m_new = max(m2, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m2 - m_new), 0.0, m2 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { let p = exp(s_0_2 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 8u))) { let p = exp(s_1_2 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { let p = exp(s_2_2 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 24u))) { let p = exp(s_3_2 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        l2 = l2 * correction + sum;
        m2 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 16u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 24u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 24u) * 2u + 1u]);
        let m_new = max(m3, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m3 - m_new), 0.0, m3 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { let p = exp(s_0_3 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 8u))) { let p = exp(s_1_3 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { let p = exp(s_2_3 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 24u))) { let p = exp(s_3_3 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        l3 = l3 * correction + sum;
        m3 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 24u)] = correction; }
      }
    }
    workgroupBarrier();
    if (lid < 32u) {
      let c0 = corr_s[((o_at + 0u) * 4u + 0u)];
      o_0_0 *= c0;
      let c1 = corr_s[((o_at + 0u) * 4u + 1u)];
      o_1_0 *= c1;
      let c2 = corr_s[((o_at + 0u) * 4u + 2u)];
      o_2_0 *= c2;
      let c3 = corr_s[((o_at + 0u) * 4u + 3u)];
      o_3_0 *= c3;
      for (var k = 0u; k < 32u; k++) {
      let o_a0 = p_s[k * 9u + o_at + 0u];
      let o_b0 = kv_s[k * 5u + o_bt + 0u];
      o_0_0 = fma(vec4<f32>(o_a0[0]), o_b0, o_0_0);
      o_1_0 = fma(vec4<f32>(o_a0[1]), o_b0, o_1_0);
      o_2_0 = fma(vec4<f32>(o_a0[2]), o_b0, o_2_0);
      o_3_0 = fma(vec4<f32>(o_a0[3]), o_b0, o_3_0);
    }
    }
    workgroupBarrier();
  }

  // l = Σ of the key groups' partial sums (all taken against the same running max).
  if (lid < 64u) {
    red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = l0;
    red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = l1;
    red_s[(s_bt + 16u) * 2u + s_at / 4u][s_at % 4u] = l2;
    red_s[(s_bt + 24u) * 2u + s_at / 4u][s_at % 4u] = l3;
  }
  workgroupBarrier();
  if (lid < 64u && s_at == 0u) {
    { let i = i0 + (s_bt + 0u); let l = dot(red_s[((s_bt + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m0 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 8u); let l = dot(red_s[((s_bt + 8u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 8u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m1 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 16u); let l = dot(red_s[((s_bt + 16u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 16u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m2 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 24u); let l = dot(red_s[((s_bt + 24u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 24u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m3 + log(l), l > 0.0)); } }
  }
  if (lid < 32u) {
    let o_row0 = i0 + ((o_at + 0u) * 4u + 0u);
  if (o_row0 < u.tq) {
    let o_row0_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row0 * u.dv) / 4u + (o_bt + 0u), o_row0_scale * o_0_0); }
  }
  let o_row1 = i0 + ((o_at + 0u) * 4u + 1u);
  if (o_row1 < u.tq) {
    let o_row1_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row1 * u.dv) / 4u + (o_bt + 0u), o_row1_scale * o_1_0); }
  }
  let o_row2 = i0 + ((o_at + 0u) * 4u + 2u);
  if (o_row2 < u.tq) {
    let o_row2_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row2 * u.dv) / 4u + (o_bt + 0u), o_row2_scale * o_2_0); }
  }
  let o_row3 = i0 + ((o_at + 0u) * 4u + 3u);
  if (o_row3 < u.tq) {
    let o_row3_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row3 * u.dv) / 4u + (o_bt + 0u), o_row3_scale * o_3_0); }
  }
  }
}

// ---- flashAttention:d16:dv32:plain:mask:vec4:br32:bc32:t64:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,o:f32:read_write:vec4,lse:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32
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
  o_offset: u32,
  lse_offset: u32,
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
@group(0) @binding(5) var<storage, read_write> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
fn o_set4(j: u32, v: vec4<f32>) { o[u.o_offset + j] = v; }
@group(0) @binding(6) var<storage, read_write> lse: array<f32>;
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
var<workgroup> kv_s: array<vec4<f32>, 288>;
var<workgroup> p_s: array<vec4<f32>, 288>;
var<workgroup> corr_s: array<f32, 32>;
var<workgroup> red_s: array<vec4<f32>, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 32u;
  let key_end = last_key(min(u.tq, i0 + 32u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 128u; e += 64u) {
      let c4 = e % 4u;
      let r = e / 4u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 5u + c4] = u.scale * x;
    }
  // Red lanes padding the key groups to vec4s hold NEG_BIG / 0 for good.
  for (var e = lid; e < 256u; e += 64u) { red_s[e / 4u][e % 4u] = NEG_BIG; }

  let s_at = lid / 8u;
  let s_bt = lid % 8u;
  let limit0 = select(0u, last_key(i0 + (s_bt + 0u)), i0 + (s_bt + 0u) < u.tq);
  var m0 = NEG_BIG;
  var l0 = 0.0;
  let limit1 = select(0u, last_key(i0 + (s_bt + 8u)), i0 + (s_bt + 8u) < u.tq);
  var m1 = NEG_BIG;
  var l1 = 0.0;
  let limit2 = select(0u, last_key(i0 + (s_bt + 16u)), i0 + (s_bt + 16u) < u.tq);
  var m2 = NEG_BIG;
  var l2 = 0.0;
  let limit3 = select(0u, last_key(i0 + (s_bt + 24u)), i0 + (s_bt + 24u) < u.tq);
  var m3 = NEG_BIG;
  var l3 = 0.0;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0; var s_2_0 = 0.0; var s_2_1 = 0.0; var s_2_2 = 0.0; var s_2_3 = 0.0; var s_3_0 = 0.0; var s_3_1 = 0.0; var s_3_2 = 0.0; var s_3_3 = 0.0;
  let o_at = lid / 8u;
  let o_bt = lid % 8u;
  var o_0_0 = vec4<f32>(); var o_1_0 = vec4<f32>(); var o_2_0 = vec4<f32>(); var o_3_0 = vec4<f32>();
  var pk0 = vec4<f32>(); var pk1 = vec4<f32>();
  var pv0 = vec4<f32>(); var pv1 = vec4<f32>(); var pv2 = vec4<f32>(); var pv3 = vec4<f32>();
  { let c4 = (lid + 0u) % 4u; let gr = 0u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 64u) % 4u; let gr = 0u + (lid + 64u) / 4u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 8u; let gr = 0u + (lid + 0u) / 8u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 64u) % 8u; let gr = 0u + (lid + 64u) / 8u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = 0u + (lid + 128u) / 8u; pv2 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv2 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 192u) % 8u; let gr = 0u + (lid + 192u) / 8u; pv3 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv3 = v_get4((v_base + gr * u.dv) / 4u + c4); } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    let has_next = j0 + 32u < key_end;
    { kv_s[((lid + 0u) / 4u) * 5u + (lid + 0u) % 4u] = pk0; }
    { kv_s[((lid + 64u) / 4u) * 5u + (lid + 64u) % 4u] = pk1; }
    workgroupBarrier();
    if (has_next) { { let c4 = (lid + 0u) % 4u; let gr = j0 + 32u + (lid + 0u) / 4u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 64u) % 4u; let gr = j0 + 32u + (lid + 64u) / 4u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } } }
    if (lid < 64u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0; s_2_0 = 0.0; s_2_1 = 0.0; s_2_2 = 0.0; s_2_3 = 0.0; s_3_0 = 0.0; s_3_1 = 0.0; s_3_2 = 0.0; s_3_3 = 0.0;
      let s_ao0 = (s_at + 0u) * 5u;
    let s_ao1 = (s_at + 8u) * 5u;
    let s_ao2 = (s_at + 16u) * 5u;
    let s_ao3 = (s_at + 24u) * 5u;
    let s_bo0 = (s_bt + 0u) * 5u;
    let s_bo1 = (s_bt + 8u) * 5u;
    let s_bo2 = (s_bt + 16u) * 5u;
    let s_bo3 = (s_bt + 24u) * 5u;
    for (var k4 = 0u; k4 < 4u; k4++) {
      let s_a0 = kv_s[s_ao0 + k4];
      let s_a1 = kv_s[s_ao1 + k4];
      let s_a2 = kv_s[s_ao2 + k4];
      let s_a3 = kv_s[s_ao3 + k4];
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
      s_2_0 = fma(s_a2.w, s_b0.w, fma(s_a2.z, s_b0.z, fma(s_a2.y, s_b0.y, fma(s_a2.x, s_b0.x, s_2_0))));
      s_2_1 = fma(s_a2.w, s_b1.w, fma(s_a2.z, s_b1.z, fma(s_a2.y, s_b1.y, fma(s_a2.x, s_b1.x, s_2_1))));
      s_2_2 = fma(s_a2.w, s_b2.w, fma(s_a2.z, s_b2.z, fma(s_a2.y, s_b2.y, fma(s_a2.x, s_b2.x, s_2_2))));
      s_2_3 = fma(s_a2.w, s_b3.w, fma(s_a2.z, s_b3.z, fma(s_a2.y, s_b3.y, fma(s_a2.x, s_b3.x, s_2_3))));
      s_3_0 = fma(s_a3.w, s_b0.w, fma(s_a3.z, s_b0.z, fma(s_a3.y, s_b0.y, fma(s_a3.x, s_b0.x, s_3_0))));
      s_3_1 = fma(s_a3.w, s_b1.w, fma(s_a3.z, s_b1.z, fma(s_a3.y, s_b1.y, fma(s_a3.x, s_b1.x, s_3_1))));
      s_3_2 = fma(s_a3.w, s_b2.w, fma(s_a3.z, s_b2.z, fma(s_a3.y, s_b2.y, fma(s_a3.x, s_b2.x, s_3_2))));
      s_3_3 = fma(s_a3.w, s_b3.w, fma(s_a3.z, s_b3.z, fma(s_a3.y, s_b3.y, fma(s_a3.x, s_b3.x, s_3_3))));
    }
      var mx0 = NEG_BIG;
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { mx0 = max(mx0, s_0_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { mx0 = max(mx0, s_1_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { mx0 = max(mx0, s_2_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 24u))) { mx0 = max(mx0, s_3_0); }
      red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = mx0;
      var mx1 = NEG_BIG;
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { mx1 = max(mx1, s_0_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { mx1 = max(mx1, s_1_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { mx1 = max(mx1, s_2_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 24u))) { mx1 = max(mx1, s_3_1); }
      red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = mx1;
      var mx2 = NEG_BIG;
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { mx2 = max(mx2, s_0_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 8u))) { mx2 = max(mx2, s_1_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { mx2 = max(mx2, s_2_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 24u))) { mx2 = max(mx2, s_3_2); }
      red_s[(s_bt + 16u) * 2u + s_at / 4u][s_at % 4u] = mx2;
      var mx3 = NEG_BIG;
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { mx3 = max(mx3, s_0_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 8u))) { mx3 = max(mx3, s_1_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { mx3 = max(mx3, s_2_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 24u))) { mx3 = max(mx3, s_3_3); }
      red_s[(s_bt + 24u) * 2u + s_at / 4u][s_at % 4u] = mx3;
    }
    workgroupBarrier();
    { kv_s[((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = pv0; }
    { kv_s[((lid + 64u) / 8u) * 9u + (lid + 64u) % 8u] = pv1; }
    { kv_s[((lid + 128u) / 8u) * 9u + (lid + 128u) % 8u] = pv2; }
    { kv_s[((lid + 192u) / 8u) * 9u + (lid + 192u) % 8u] = pv3; }
    if (has_next) { { let c4 = (lid + 0u) % 8u; let gr = j0 + 32u + (lid + 0u) / 8u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 64u) % 8u; let gr = j0 + 32u + (lid + 64u) / 8u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = j0 + 32u + (lid + 128u) / 8u; pv2 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv2 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 192u) % 8u; let gr = j0 + 32u + (lid + 192u) / 8u; pv3 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv3 = v_get4((v_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 64u) {
      {
        var t4 = red_s[(s_bt + 0u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 0u) * 2u + 1u]);
        let m_new = max(m0, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m0 - m_new), 0.0, m0 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { let p = exp(s_0_0 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { let p = exp(s_1_0 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { let p = exp(s_2_0 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 24u))) { let p = exp(s_3_0 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        l0 = l0 * correction + sum;
        m0 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 0u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 8u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 8u) * 2u + 1u]);
        let m_new = max(m1, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m1 - m_new), 0.0, m1 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { let p = exp(s_0_1 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { let p = exp(s_1_1 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { let p = exp(s_2_1 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 24u))) { let p = exp(s_3_1 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        l1 = l1 * correction + sum;
        m1 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 8u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 16u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 16u) * 2u + 1u]);
        let m_new = max(m2, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m2 - m_new), 0.0, m2 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { let p = exp(s_0_2 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 8u))) { let p = exp(s_1_2 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { let p = exp(s_2_2 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 24u))) { let p = exp(s_3_2 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        l2 = l2 * correction + sum;
        m2 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 16u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 24u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 24u) * 2u + 1u]);
        let m_new = max(m3, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m3 - m_new), 0.0, m3 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { let p = exp(s_0_3 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 8u))) { let p = exp(s_1_3 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { let p = exp(s_2_3 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 24u))) { let p = exp(s_3_3 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        l3 = l3 * correction + sum;
        m3 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 24u)] = correction; }
      }
    }
    workgroupBarrier();
    if (lid < 64u) {
      let c0 = corr_s[((o_at + 0u) * 4u + 0u)];
      o_0_0 *= c0;
      let c1 = corr_s[((o_at + 0u) * 4u + 1u)];
      o_1_0 *= c1;
      let c2 = corr_s[((o_at + 0u) * 4u + 2u)];
      o_2_0 *= c2;
      let c3 = corr_s[((o_at + 0u) * 4u + 3u)];
      o_3_0 *= c3;
      for (var k = 0u; k < 32u; k++) {
      let o_a0 = p_s[k * 9u + o_at + 0u];
      let o_b0 = kv_s[k * 9u + o_bt + 0u];
      o_0_0 = fma(vec4<f32>(o_a0[0]), o_b0, o_0_0);
      o_1_0 = fma(vec4<f32>(o_a0[1]), o_b0, o_1_0);
      o_2_0 = fma(vec4<f32>(o_a0[2]), o_b0, o_2_0);
      o_3_0 = fma(vec4<f32>(o_a0[3]), o_b0, o_3_0);
    }
    }
    workgroupBarrier();
  }

  // l = Σ of the key groups' partial sums (all taken against the same running max).
  if (lid < 64u) {
    red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = l0;
    red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = l1;
    red_s[(s_bt + 16u) * 2u + s_at / 4u][s_at % 4u] = l2;
    red_s[(s_bt + 24u) * 2u + s_at / 4u][s_at % 4u] = l3;
  }
  workgroupBarrier();
  if (lid < 64u && s_at == 0u) {
    { let i = i0 + (s_bt + 0u); let l = dot(red_s[((s_bt + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m0 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 8u); let l = dot(red_s[((s_bt + 8u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 8u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m1 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 16u); let l = dot(red_s[((s_bt + 16u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 16u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m2 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 24u); let l = dot(red_s[((s_bt + 24u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 24u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m3 + log(l), l > 0.0)); } }
  }
  if (lid < 64u) {
    let o_row0 = i0 + ((o_at + 0u) * 4u + 0u);
  if (o_row0 < u.tq) {
    let o_row0_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row0 * u.dv) / 4u + (o_bt + 0u), o_row0_scale * o_0_0); }
  }
  let o_row1 = i0 + ((o_at + 0u) * 4u + 1u);
  if (o_row1 < u.tq) {
    let o_row1_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row1 * u.dv) / 4u + (o_bt + 0u), o_row1_scale * o_1_0); }
  }
  let o_row2 = i0 + ((o_at + 0u) * 4u + 2u);
  if (o_row2 < u.tq) {
    let o_row2_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row2 * u.dv) / 4u + (o_bt + 0u), o_row2_scale * o_2_0); }
  }
  let o_row3 = i0 + ((o_at + 0u) * 4u + 3u);
  if (o_row3 < u.tq) {
    let o_row3_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row3 * u.dv) / 4u + (o_bt + 0u), o_row3_scale * o_3_0); }
  }
  }
}

// ---- flashAttention:d256:dv256:plain:mask1:vec4:br16:bc16:t64:unrolled:direct|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,o:f32:read_write:vec4,lse:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32
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
  o_offset: u32,
  lse_offset: u32,
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
@group(0) @binding(5) var<storage, read_write> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
fn o_set4(j: u32, v: vec4<f32>) { o[u.o_offset + j] = v; }
@group(0) @binding(6) var<storage, read_write> lse: array<f32>;
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

var<workgroup> q_s: array<vec4<f32>, 1040>;
var<workgroup> kv_s: array<vec4<f32>, 1040>;
var<workgroup> p_s: array<vec4<f32>, 80>;
var<workgroup> corr_s: array<f32, 16>;
var<workgroup> red_s: array<vec4<f32>, 32>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 16u;
  let key_end = last_key(min(u.tq, i0 + 16u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 1024u; e += 64u) {
      let c4 = e % 64u;
      let r = e / 64u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 65u + c4] = u.scale * x;
    }
  // Red lanes padding the key groups to vec4s hold NEG_BIG / 0 for good.
  for (var e = lid; e < 128u; e += 64u) { red_s[e / 4u][e % 4u] = NEG_BIG; }

  let s_at = lid / 8u;
  let s_bt = lid % 8u;
  let limit0 = select(0u, last_key(i0 + (s_bt + 0u)), i0 + (s_bt + 0u) < u.tq);
  var m0 = NEG_BIG;
  var l0 = 0.0;
  let limit1 = select(0u, last_key(i0 + (s_bt + 8u)), i0 + (s_bt + 8u) < u.tq);
  var m1 = NEG_BIG;
  var l1 = 0.0;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0;
  let o_at = lid / 64u;
  let o_bt = lid % 64u;
  var o_0_0 = vec4<f32>(); var o_1_0 = vec4<f32>(); var o_2_0 = vec4<f32>(); var o_3_0 = vec4<f32>(); var o_4_0 = vec4<f32>(); var o_5_0 = vec4<f32>(); var o_6_0 = vec4<f32>(); var o_7_0 = vec4<f32>(); var o_8_0 = vec4<f32>(); var o_9_0 = vec4<f32>(); var o_10_0 = vec4<f32>(); var o_11_0 = vec4<f32>(); var o_12_0 = vec4<f32>(); var o_13_0 = vec4<f32>(); var o_14_0 = vec4<f32>(); var o_15_0 = vec4<f32>();
  

  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    let kn = min(16u, key_end - j0);
    let has_next = j0 + 16u < key_end;
    for (var e = lid; e < 1024u; e += 64u) {
      let c4 = e % 64u;
      let r = e / 64u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.d4) { x = k_get4((k_base + gr * u.d) / 4u + c4); }
      kv_s[r * 65u + c4] = x;
    }
    workgroupBarrier();
    
    if (lid < 64u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0;
      let s_ao0 = (s_at + 0u) * 65u;
    let s_ao1 = (s_at + 8u) * 65u;
    let s_bo0 = (s_bt + 0u) * 65u;
    let s_bo1 = (s_bt + 8u) * 65u;
    for (var k4 = 0u; k4 < 64u; k4++) {
      let s_a0 = kv_s[s_ao0 + k4];
      let s_a1 = kv_s[s_ao1 + k4];
      let s_b0 = q_s[s_bo0 + k4];
      let s_b1 = q_s[s_bo1 + k4];
      s_0_0 = fma(s_a0.w, s_b0.w, fma(s_a0.z, s_b0.z, fma(s_a0.y, s_b0.y, fma(s_a0.x, s_b0.x, s_0_0))));
      s_0_1 = fma(s_a0.w, s_b1.w, fma(s_a0.z, s_b1.z, fma(s_a0.y, s_b1.y, fma(s_a0.x, s_b1.x, s_0_1))));
      s_1_0 = fma(s_a1.w, s_b0.w, fma(s_a1.z, s_b0.z, fma(s_a1.y, s_b0.y, fma(s_a1.x, s_b0.x, s_1_0))));
      s_1_1 = fma(s_a1.w, s_b1.w, fma(s_a1.z, s_b1.z, fma(s_a1.y, s_b1.y, fma(s_a1.x, s_b1.x, s_1_1))));
    }
      var mx0 = NEG_BIG;
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { mx0 = max(mx0, s_0_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { mx0 = max(mx0, s_1_0); }
      red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = mx0;
      var mx1 = NEG_BIG;
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { mx1 = max(mx1, s_0_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { mx1 = max(mx1, s_1_1); }
      red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = mx1;
    }
    workgroupBarrier();
    for (var e = lid; e < 1024u; e += 64u) {
      let c4 = e % 64u;
      let r = e / 64u;
      let gr = j0 + r;
      var x = vec4<f32>();
      if (gr < u.tk && c4 < u.dv4) { x = v_get4((v_base + gr * u.dv) / 4u + c4); }
      kv_s[r * 65u + c4] = x;
    }
    
    if (lid < 64u) {
      {
        var t4 = red_s[(s_bt + 0u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 0u) * 2u + 1u]);
        let m_new = max(m0, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m0 - m_new), 0.0, m0 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { let p = exp(s_0_0 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 5u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { let p = exp(s_1_0 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 5u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        l0 = l0 * correction + sum;
        m0 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 0u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 8u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 8u) * 2u + 1u]);
        let m_new = max(m1, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m1 - m_new), 0.0, m1 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { let p = exp(s_0_1 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 5u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { let p = exp(s_1_1 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 5u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        l1 = l1 * correction + sum;
        m1 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 8u)] = correction; }
      }
    }
    workgroupBarrier();
    if (lid < 64u) {
      let c0 = corr_s[((o_at + 0u) * 4u + 0u)];
      o_0_0 *= c0;
      let c1 = corr_s[((o_at + 0u) * 4u + 1u)];
      o_1_0 *= c1;
      let c2 = corr_s[((o_at + 0u) * 4u + 2u)];
      o_2_0 *= c2;
      let c3 = corr_s[((o_at + 0u) * 4u + 3u)];
      o_3_0 *= c3;
      let c4 = corr_s[((o_at + 1u) * 4u + 0u)];
      o_4_0 *= c4;
      let c5 = corr_s[((o_at + 1u) * 4u + 1u)];
      o_5_0 *= c5;
      let c6 = corr_s[((o_at + 1u) * 4u + 2u)];
      o_6_0 *= c6;
      let c7 = corr_s[((o_at + 1u) * 4u + 3u)];
      o_7_0 *= c7;
      let c8 = corr_s[((o_at + 2u) * 4u + 0u)];
      o_8_0 *= c8;
      let c9 = corr_s[((o_at + 2u) * 4u + 1u)];
      o_9_0 *= c9;
      let c10 = corr_s[((o_at + 2u) * 4u + 2u)];
      o_10_0 *= c10;
      let c11 = corr_s[((o_at + 2u) * 4u + 3u)];
      o_11_0 *= c11;
      let c12 = corr_s[((o_at + 3u) * 4u + 0u)];
      o_12_0 *= c12;
      let c13 = corr_s[((o_at + 3u) * 4u + 1u)];
      o_13_0 *= c13;
      let c14 = corr_s[((o_at + 3u) * 4u + 2u)];
      o_14_0 *= c14;
      let c15 = corr_s[((o_at + 3u) * 4u + 3u)];
      o_15_0 *= c15;
      for (var k = 0u; k < 16u; k++) {
      let o_a0 = p_s[k * 5u + o_at + 0u];
      let o_a1 = p_s[k * 5u + o_at + 1u];
      let o_a2 = p_s[k * 5u + o_at + 2u];
      let o_a3 = p_s[k * 5u + o_at + 3u];
      let o_b0 = kv_s[k * 65u + o_bt + 0u];
      o_0_0 = fma(vec4<f32>(o_a0[0]), o_b0, o_0_0);
      o_1_0 = fma(vec4<f32>(o_a0[1]), o_b0, o_1_0);
      o_2_0 = fma(vec4<f32>(o_a0[2]), o_b0, o_2_0);
      o_3_0 = fma(vec4<f32>(o_a0[3]), o_b0, o_3_0);
      o_4_0 = fma(vec4<f32>(o_a1[0]), o_b0, o_4_0);
      o_5_0 = fma(vec4<f32>(o_a1[1]), o_b0, o_5_0);
      o_6_0 = fma(vec4<f32>(o_a1[2]), o_b0, o_6_0);
      o_7_0 = fma(vec4<f32>(o_a1[3]), o_b0, o_7_0);
      o_8_0 = fma(vec4<f32>(o_a2[0]), o_b0, o_8_0);
      o_9_0 = fma(vec4<f32>(o_a2[1]), o_b0, o_9_0);
      o_10_0 = fma(vec4<f32>(o_a2[2]), o_b0, o_10_0);
      o_11_0 = fma(vec4<f32>(o_a2[3]), o_b0, o_11_0);
      o_12_0 = fma(vec4<f32>(o_a3[0]), o_b0, o_12_0);
      o_13_0 = fma(vec4<f32>(o_a3[1]), o_b0, o_13_0);
      o_14_0 = fma(vec4<f32>(o_a3[2]), o_b0, o_14_0);
      o_15_0 = fma(vec4<f32>(o_a3[3]), o_b0, o_15_0);
    }
    }
    workgroupBarrier();
  }

  // l = Σ of the key groups' partial sums (all taken against the same running max).
  if (lid < 64u) {
    red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = l0;
    red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = l1;
  }
  workgroupBarrier();
  if (lid < 64u && s_at == 0u) {
    { let i = i0 + (s_bt + 0u); let l = dot(red_s[((s_bt + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m0 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 8u); let l = dot(red_s[((s_bt + 8u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 8u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m1 + log(l), l > 0.0)); } }
  }
  if (lid < 64u) {
    let o_row0 = i0 + ((o_at + 0u) * 4u + 0u);
  if (o_row0 < u.tq) {
    let o_row0_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row0 * u.dv) / 4u + (o_bt + 0u), o_row0_scale * o_0_0); }
  }
  let o_row1 = i0 + ((o_at + 0u) * 4u + 1u);
  if (o_row1 < u.tq) {
    let o_row1_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row1 * u.dv) / 4u + (o_bt + 0u), o_row1_scale * o_1_0); }
  }
  let o_row2 = i0 + ((o_at + 0u) * 4u + 2u);
  if (o_row2 < u.tq) {
    let o_row2_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row2 * u.dv) / 4u + (o_bt + 0u), o_row2_scale * o_2_0); }
  }
  let o_row3 = i0 + ((o_at + 0u) * 4u + 3u);
  if (o_row3 < u.tq) {
    let o_row3_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row3 * u.dv) / 4u + (o_bt + 0u), o_row3_scale * o_3_0); }
  }
  let o_row4 = i0 + ((o_at + 1u) * 4u + 0u);
  if (o_row4 < u.tq) {
    let o_row4_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 1u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 1u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 1u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 1u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row4 * u.dv) / 4u + (o_bt + 0u), o_row4_scale * o_4_0); }
  }
  let o_row5 = i0 + ((o_at + 1u) * 4u + 1u);
  if (o_row5 < u.tq) {
    let o_row5_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 1u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 1u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 1u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 1u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row5 * u.dv) / 4u + (o_bt + 0u), o_row5_scale * o_5_0); }
  }
  let o_row6 = i0 + ((o_at + 1u) * 4u + 2u);
  if (o_row6 < u.tq) {
    let o_row6_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 1u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 1u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 1u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 1u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row6 * u.dv) / 4u + (o_bt + 0u), o_row6_scale * o_6_0); }
  }
  let o_row7 = i0 + ((o_at + 1u) * 4u + 3u);
  if (o_row7 < u.tq) {
    let o_row7_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 1u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 1u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 1u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 1u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row7 * u.dv) / 4u + (o_bt + 0u), o_row7_scale * o_7_0); }
  }
  let o_row8 = i0 + ((o_at + 2u) * 4u + 0u);
  if (o_row8 < u.tq) {
    let o_row8_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 2u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 2u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 2u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 2u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row8 * u.dv) / 4u + (o_bt + 0u), o_row8_scale * o_8_0); }
  }
  let o_row9 = i0 + ((o_at + 2u) * 4u + 1u);
  if (o_row9 < u.tq) {
    let o_row9_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 2u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 2u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 2u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 2u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row9 * u.dv) / 4u + (o_bt + 0u), o_row9_scale * o_9_0); }
  }
  let o_row10 = i0 + ((o_at + 2u) * 4u + 2u);
  if (o_row10 < u.tq) {
    let o_row10_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 2u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 2u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 2u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 2u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row10 * u.dv) / 4u + (o_bt + 0u), o_row10_scale * o_10_0); }
  }
  let o_row11 = i0 + ((o_at + 2u) * 4u + 3u);
  if (o_row11 < u.tq) {
    let o_row11_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 2u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 2u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 2u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 2u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row11 * u.dv) / 4u + (o_bt + 0u), o_row11_scale * o_11_0); }
  }
  let o_row12 = i0 + ((o_at + 3u) * 4u + 0u);
  if (o_row12 < u.tq) {
    let o_row12_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 3u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 3u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 3u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 3u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row12 * u.dv) / 4u + (o_bt + 0u), o_row12_scale * o_12_0); }
  }
  let o_row13 = i0 + ((o_at + 3u) * 4u + 1u);
  if (o_row13 < u.tq) {
    let o_row13_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 3u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 3u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 3u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 3u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row13 * u.dv) / 4u + (o_bt + 0u), o_row13_scale * o_13_0); }
  }
  let o_row14 = i0 + ((o_at + 3u) * 4u + 2u);
  if (o_row14 < u.tq) {
    let o_row14_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 3u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 3u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 3u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 3u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row14 * u.dv) / 4u + (o_bt + 0u), o_row14_scale * o_14_0); }
  }
  let o_row15 = i0 + ((o_at + 3u) * 4u + 3u);
  if (o_row15 < u.tq) {
    let o_row15_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 3u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 3u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 3u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 3u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row15 * u.dv) / 4u + (o_bt + 0u), o_row15_scale * o_15_0); }
  }
  }
}

// ---- flashAttention:d32:dv32:plain:mask1:vec4:br32:bc32:t64:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,o:f32:read_write:vec4,lse:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32
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
  o_offset: u32,
  lse_offset: u32,
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
@group(0) @binding(5) var<storage, read_write> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
fn o_set4(j: u32, v: vec4<f32>) { o[u.o_offset + j] = v; }
@group(0) @binding(6) var<storage, read_write> lse: array<f32>;
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
var<workgroup> kv_s: array<vec4<f32>, 288>;
var<workgroup> p_s: array<vec4<f32>, 288>;
var<workgroup> corr_s: array<f32, 32>;
var<workgroup> red_s: array<vec4<f32>, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 32u;
  let key_end = last_key(min(u.tq, i0 + 32u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 256u; e += 64u) {
      let c4 = e % 8u;
      let r = e / 8u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 9u + c4] = u.scale * x;
    }
  // Red lanes padding the key groups to vec4s hold NEG_BIG / 0 for good.
  for (var e = lid; e < 256u; e += 64u) { red_s[e / 4u][e % 4u] = NEG_BIG; }

  let s_at = lid / 8u;
  let s_bt = lid % 8u;
  let limit0 = select(0u, last_key(i0 + (s_bt + 0u)), i0 + (s_bt + 0u) < u.tq);
  var m0 = NEG_BIG;
  var l0 = 0.0;
  let limit1 = select(0u, last_key(i0 + (s_bt + 8u)), i0 + (s_bt + 8u) < u.tq);
  var m1 = NEG_BIG;
  var l1 = 0.0;
  let limit2 = select(0u, last_key(i0 + (s_bt + 16u)), i0 + (s_bt + 16u) < u.tq);
  var m2 = NEG_BIG;
  var l2 = 0.0;
  let limit3 = select(0u, last_key(i0 + (s_bt + 24u)), i0 + (s_bt + 24u) < u.tq);
  var m3 = NEG_BIG;
  var l3 = 0.0;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0; var s_2_0 = 0.0; var s_2_1 = 0.0; var s_2_2 = 0.0; var s_2_3 = 0.0; var s_3_0 = 0.0; var s_3_1 = 0.0; var s_3_2 = 0.0; var s_3_3 = 0.0;
  let o_at = lid / 8u;
  let o_bt = lid % 8u;
  var o_0_0 = vec4<f32>(); var o_1_0 = vec4<f32>(); var o_2_0 = vec4<f32>(); var o_3_0 = vec4<f32>();
  var pk0 = vec4<f32>(); var pk1 = vec4<f32>(); var pk2 = vec4<f32>(); var pk3 = vec4<f32>();
  var pv0 = vec4<f32>(); var pv1 = vec4<f32>(); var pv2 = vec4<f32>(); var pv3 = vec4<f32>();
  { let c4 = (lid + 0u) % 8u; let gr = 0u + (lid + 0u) / 8u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 64u) % 8u; let gr = 0u + (lid + 64u) / 8u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = 0u + (lid + 128u) / 8u; pk2 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk2 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 192u) % 8u; let gr = 0u + (lid + 192u) / 8u; pk3 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk3 = k_get4((k_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 8u; let gr = 0u + (lid + 0u) / 8u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 64u) % 8u; let gr = 0u + (lid + 64u) / 8u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = 0u + (lid + 128u) / 8u; pv2 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv2 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 192u) % 8u; let gr = 0u + (lid + 192u) / 8u; pv3 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv3 = v_get4((v_base + gr * u.dv) / 4u + c4); } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    let has_next = j0 + 32u < key_end;
    { kv_s[((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = pk0; }
    { kv_s[((lid + 64u) / 8u) * 9u + (lid + 64u) % 8u] = pk1; }
    { kv_s[((lid + 128u) / 8u) * 9u + (lid + 128u) % 8u] = pk2; }
    { kv_s[((lid + 192u) / 8u) * 9u + (lid + 192u) % 8u] = pk3; }
    workgroupBarrier();
    if (has_next) { { let c4 = (lid + 0u) % 8u; let gr = j0 + 32u + (lid + 0u) / 8u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 64u) % 8u; let gr = j0 + 32u + (lid + 64u) / 8u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = j0 + 32u + (lid + 128u) / 8u; pk2 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk2 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 192u) % 8u; let gr = j0 + 32u + (lid + 192u) / 8u; pk3 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk3 = k_get4((k_base + gr * u.d) / 4u + c4); } } }
    if (lid < 64u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0; s_2_0 = 0.0; s_2_1 = 0.0; s_2_2 = 0.0; s_2_3 = 0.0; s_3_0 = 0.0; s_3_1 = 0.0; s_3_2 = 0.0; s_3_3 = 0.0;
      let s_ao0 = (s_at + 0u) * 9u;
    let s_ao1 = (s_at + 8u) * 9u;
    let s_ao2 = (s_at + 16u) * 9u;
    let s_ao3 = (s_at + 24u) * 9u;
    let s_bo0 = (s_bt + 0u) * 9u;
    let s_bo1 = (s_bt + 8u) * 9u;
    let s_bo2 = (s_bt + 16u) * 9u;
    let s_bo3 = (s_bt + 24u) * 9u;
    for (var k4 = 0u; k4 < 8u; k4++) {
      let s_a0 = kv_s[s_ao0 + k4];
      let s_a1 = kv_s[s_ao1 + k4];
      let s_a2 = kv_s[s_ao2 + k4];
      let s_a3 = kv_s[s_ao3 + k4];
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
      s_2_0 = fma(s_a2.w, s_b0.w, fma(s_a2.z, s_b0.z, fma(s_a2.y, s_b0.y, fma(s_a2.x, s_b0.x, s_2_0))));
      s_2_1 = fma(s_a2.w, s_b1.w, fma(s_a2.z, s_b1.z, fma(s_a2.y, s_b1.y, fma(s_a2.x, s_b1.x, s_2_1))));
      s_2_2 = fma(s_a2.w, s_b2.w, fma(s_a2.z, s_b2.z, fma(s_a2.y, s_b2.y, fma(s_a2.x, s_b2.x, s_2_2))));
      s_2_3 = fma(s_a2.w, s_b3.w, fma(s_a2.z, s_b3.z, fma(s_a2.y, s_b3.y, fma(s_a2.x, s_b3.x, s_2_3))));
      s_3_0 = fma(s_a3.w, s_b0.w, fma(s_a3.z, s_b0.z, fma(s_a3.y, s_b0.y, fma(s_a3.x, s_b0.x, s_3_0))));
      s_3_1 = fma(s_a3.w, s_b1.w, fma(s_a3.z, s_b1.z, fma(s_a3.y, s_b1.y, fma(s_a3.x, s_b1.x, s_3_1))));
      s_3_2 = fma(s_a3.w, s_b2.w, fma(s_a3.z, s_b2.z, fma(s_a3.y, s_b2.y, fma(s_a3.x, s_b2.x, s_3_2))));
      s_3_3 = fma(s_a3.w, s_b3.w, fma(s_a3.z, s_b3.z, fma(s_a3.y, s_b3.y, fma(s_a3.x, s_b3.x, s_3_3))));
    }
      var mx0 = NEG_BIG;
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { mx0 = max(mx0, s_0_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { mx0 = max(mx0, s_1_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { mx0 = max(mx0, s_2_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 24u))) { mx0 = max(mx0, s_3_0); }
      red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = mx0;
      var mx1 = NEG_BIG;
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { mx1 = max(mx1, s_0_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { mx1 = max(mx1, s_1_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { mx1 = max(mx1, s_2_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 24u))) { mx1 = max(mx1, s_3_1); }
      red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = mx1;
      var mx2 = NEG_BIG;
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { mx2 = max(mx2, s_0_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 8u))) { mx2 = max(mx2, s_1_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { mx2 = max(mx2, s_2_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 24u))) { mx2 = max(mx2, s_3_2); }
      red_s[(s_bt + 16u) * 2u + s_at / 4u][s_at % 4u] = mx2;
      var mx3 = NEG_BIG;
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { mx3 = max(mx3, s_0_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 8u))) { mx3 = max(mx3, s_1_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { mx3 = max(mx3, s_2_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 24u))) { mx3 = max(mx3, s_3_3); }
      red_s[(s_bt + 24u) * 2u + s_at / 4u][s_at % 4u] = mx3;
    }
    workgroupBarrier();
    { kv_s[((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = pv0; }
    { kv_s[((lid + 64u) / 8u) * 9u + (lid + 64u) % 8u] = pv1; }
    { kv_s[((lid + 128u) / 8u) * 9u + (lid + 128u) % 8u] = pv2; }
    { kv_s[((lid + 192u) / 8u) * 9u + (lid + 192u) % 8u] = pv3; }
    if (has_next) { { let c4 = (lid + 0u) % 8u; let gr = j0 + 32u + (lid + 0u) / 8u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 64u) % 8u; let gr = j0 + 32u + (lid + 64u) / 8u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 8u; let gr = j0 + 32u + (lid + 128u) / 8u; pv2 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv2 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 192u) % 8u; let gr = j0 + 32u + (lid + 192u) / 8u; pv3 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv3 = v_get4((v_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 64u) {
      {
        var t4 = red_s[(s_bt + 0u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 0u) * 2u + 1u]);
        let m_new = max(m0, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m0 - m_new), 0.0, m0 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { let p = exp(s_0_0 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { let p = exp(s_1_0 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { let p = exp(s_2_0 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 24u))) { let p = exp(s_3_0 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        l0 = l0 * correction + sum;
        m0 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 0u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 8u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 8u) * 2u + 1u]);
        let m_new = max(m1, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m1 - m_new), 0.0, m1 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { let p = exp(s_0_1 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { let p = exp(s_1_1 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { let p = exp(s_2_1 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 24u))) { let p = exp(s_3_1 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        l1 = l1 * correction + sum;
        m1 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 8u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 16u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 16u) * 2u + 1u]);
        let m_new = max(m2, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m2 - m_new), 0.0, m2 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { let p = exp(s_0_2 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 8u))) { let p = exp(s_1_2 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { let p = exp(s_2_2 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 24u))) { let p = exp(s_3_2 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        l2 = l2 * correction + sum;
        m2 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 16u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 24u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 24u) * 2u + 1u]);
        let m_new = max(m3, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m3 - m_new), 0.0, m3 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { let p = exp(s_0_3 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 8u))) { let p = exp(s_1_3 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { let p = exp(s_2_3 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 24u))) { let p = exp(s_3_3 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        l3 = l3 * correction + sum;
        m3 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 24u)] = correction; }
      }
    }
    workgroupBarrier();
    if (lid < 64u) {
      let c0 = corr_s[((o_at + 0u) * 4u + 0u)];
      o_0_0 *= c0;
      let c1 = corr_s[((o_at + 0u) * 4u + 1u)];
      o_1_0 *= c1;
      let c2 = corr_s[((o_at + 0u) * 4u + 2u)];
      o_2_0 *= c2;
      let c3 = corr_s[((o_at + 0u) * 4u + 3u)];
      o_3_0 *= c3;
      for (var k = 0u; k < 32u; k++) {
      let o_a0 = p_s[k * 9u + o_at + 0u];
      let o_b0 = kv_s[k * 9u + o_bt + 0u];
      o_0_0 = fma(vec4<f32>(o_a0[0]), o_b0, o_0_0);
      o_1_0 = fma(vec4<f32>(o_a0[1]), o_b0, o_1_0);
      o_2_0 = fma(vec4<f32>(o_a0[2]), o_b0, o_2_0);
      o_3_0 = fma(vec4<f32>(o_a0[3]), o_b0, o_3_0);
    }
    }
    workgroupBarrier();
  }

  // l = Σ of the key groups' partial sums (all taken against the same running max).
  if (lid < 64u) {
    red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = l0;
    red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = l1;
    red_s[(s_bt + 16u) * 2u + s_at / 4u][s_at % 4u] = l2;
    red_s[(s_bt + 24u) * 2u + s_at / 4u][s_at % 4u] = l3;
  }
  workgroupBarrier();
  if (lid < 64u && s_at == 0u) {
    { let i = i0 + (s_bt + 0u); let l = dot(red_s[((s_bt + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m0 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 8u); let l = dot(red_s[((s_bt + 8u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 8u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m1 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 16u); let l = dot(red_s[((s_bt + 16u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 16u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m2 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 24u); let l = dot(red_s[((s_bt + 24u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 24u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m3 + log(l), l > 0.0)); } }
  }
  if (lid < 64u) {
    let o_row0 = i0 + ((o_at + 0u) * 4u + 0u);
  if (o_row0 < u.tq) {
    let o_row0_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row0 * u.dv) / 4u + (o_bt + 0u), o_row0_scale * o_0_0); }
  }
  let o_row1 = i0 + ((o_at + 0u) * 4u + 1u);
  if (o_row1 < u.tq) {
    let o_row1_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row1 * u.dv) / 4u + (o_bt + 0u), o_row1_scale * o_1_0); }
  }
  let o_row2 = i0 + ((o_at + 0u) * 4u + 2u);
  if (o_row2 < u.tq) {
    let o_row2_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row2 * u.dv) / 4u + (o_bt + 0u), o_row2_scale * o_2_0); }
  }
  let o_row3 = i0 + ((o_at + 0u) * 4u + 3u);
  if (o_row3 < u.tq) {
    let o_row3_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row3 * u.dv) / 4u + (o_bt + 0u), o_row3_scale * o_3_0); }
  }
  }
}

// ---- flashAttention:d64:dv64:plain:mask1:vec4:br32:bc32:t64:unrolled:prefetch|q:f32:read:vec4,k:f32:read:vec4,v:f32:read:vec4,mask:bool:read,o:f32:read_write:vec4,lse:f32:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,q_offset:u32,k_offset:u32,v_offset:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32
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
  o_offset: u32,
  lse_offset: u32,
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
@group(0) @binding(5) var<storage, read_write> o: array<vec4<f32>>;
fn o_get4(j: u32) -> vec4<f32> { return o[u.o_offset + j]; }
fn o_set4(j: u32, v: vec4<f32>) { o[u.o_offset + j] = v; }
@group(0) @binding(6) var<storage, read_write> lse: array<f32>;
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
var<workgroup> kv_s: array<vec4<f32>, 544>;
var<workgroup> p_s: array<vec4<f32>, 288>;
var<workgroup> corr_s: array<f32, 32>;
var<workgroup> red_s: array<vec4<f32>, 64>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 32u;
  let key_end = last_key(min(u.tq, i0 + 32u) - 1u);
  let k_base = bh * u.tk * u.d;
  let v_base = bh * u.tk * u.dv;
  let m_base = mask_base(bh);
  for (var e = lid; e < 512u; e += 64u) {
      let c4 = e % 16u;
      let r = e / 16u;
      let gr = i0 + r;
      var x = vec4<f32>();
      if (gr < u.tq && c4 < u.d4) { x = q_get4((bh * u.tq * u.d + gr * u.d) / 4u + c4); }
      q_s[r * 17u + c4] = u.scale * x;
    }
  // Red lanes padding the key groups to vec4s hold NEG_BIG / 0 for good.
  for (var e = lid; e < 256u; e += 64u) { red_s[e / 4u][e % 4u] = NEG_BIG; }

  let s_at = lid / 8u;
  let s_bt = lid % 8u;
  let limit0 = select(0u, last_key(i0 + (s_bt + 0u)), i0 + (s_bt + 0u) < u.tq);
  var m0 = NEG_BIG;
  var l0 = 0.0;
  let limit1 = select(0u, last_key(i0 + (s_bt + 8u)), i0 + (s_bt + 8u) < u.tq);
  var m1 = NEG_BIG;
  var l1 = 0.0;
  let limit2 = select(0u, last_key(i0 + (s_bt + 16u)), i0 + (s_bt + 16u) < u.tq);
  var m2 = NEG_BIG;
  var l2 = 0.0;
  let limit3 = select(0u, last_key(i0 + (s_bt + 24u)), i0 + (s_bt + 24u) < u.tq);
  var m3 = NEG_BIG;
  var l3 = 0.0;
  var s_0_0 = 0.0; var s_0_1 = 0.0; var s_0_2 = 0.0; var s_0_3 = 0.0; var s_1_0 = 0.0; var s_1_1 = 0.0; var s_1_2 = 0.0; var s_1_3 = 0.0; var s_2_0 = 0.0; var s_2_1 = 0.0; var s_2_2 = 0.0; var s_2_3 = 0.0; var s_3_0 = 0.0; var s_3_1 = 0.0; var s_3_2 = 0.0; var s_3_3 = 0.0;
  let o_at = lid / 8u;
  let o_bt = lid % 8u;
  var o_0_0 = vec4<f32>(); var o_0_1 = vec4<f32>(); var o_1_0 = vec4<f32>(); var o_1_1 = vec4<f32>(); var o_2_0 = vec4<f32>(); var o_2_1 = vec4<f32>(); var o_3_0 = vec4<f32>(); var o_3_1 = vec4<f32>();
  var pk0 = vec4<f32>(); var pk1 = vec4<f32>(); var pk2 = vec4<f32>(); var pk3 = vec4<f32>(); var pk4 = vec4<f32>(); var pk5 = vec4<f32>(); var pk6 = vec4<f32>(); var pk7 = vec4<f32>();
  var pv0 = vec4<f32>(); var pv1 = vec4<f32>(); var pv2 = vec4<f32>(); var pv3 = vec4<f32>(); var pv4 = vec4<f32>(); var pv5 = vec4<f32>(); var pv6 = vec4<f32>(); var pv7 = vec4<f32>();
  { let c4 = (lid + 0u) % 16u; let gr = 0u + (lid + 0u) / 16u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 64u) % 16u; let gr = 0u + (lid + 64u) / 16u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 16u; let gr = 0u + (lid + 128u) / 16u; pk2 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk2 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 192u) % 16u; let gr = 0u + (lid + 192u) / 16u; pk3 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk3 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 256u) % 16u; let gr = 0u + (lid + 256u) / 16u; pk4 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk4 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 320u) % 16u; let gr = 0u + (lid + 320u) / 16u; pk5 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk5 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 384u) % 16u; let gr = 0u + (lid + 384u) / 16u; pk6 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk6 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 448u) % 16u; let gr = 0u + (lid + 448u) / 16u; pk7 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk7 = k_get4((k_base + gr * u.d) / 4u + c4); } }
  { let c4 = (lid + 0u) % 16u; let gr = 0u + (lid + 0u) / 16u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 64u) % 16u; let gr = 0u + (lid + 64u) / 16u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 16u; let gr = 0u + (lid + 128u) / 16u; pv2 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv2 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 192u) % 16u; let gr = 0u + (lid + 192u) / 16u; pv3 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv3 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 256u) % 16u; let gr = 0u + (lid + 256u) / 16u; pv4 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv4 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 320u) % 16u; let gr = 0u + (lid + 320u) / 16u; pv5 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv5 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 384u) % 16u; let gr = 0u + (lid + 384u) / 16u; pv6 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv6 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 448u) % 16u; let gr = 0u + (lid + 448u) / 16u; pv7 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv7 = v_get4((v_base + gr * u.dv) / 4u + c4); } }

  for (var j0 = 0u; j0 < key_end; j0 += 32u) {
    let kn = min(32u, key_end - j0);
    let has_next = j0 + 32u < key_end;
    { kv_s[((lid + 0u) / 16u) * 17u + (lid + 0u) % 16u] = pk0; }
    { kv_s[((lid + 64u) / 16u) * 17u + (lid + 64u) % 16u] = pk1; }
    { kv_s[((lid + 128u) / 16u) * 17u + (lid + 128u) % 16u] = pk2; }
    { kv_s[((lid + 192u) / 16u) * 17u + (lid + 192u) % 16u] = pk3; }
    { kv_s[((lid + 256u) / 16u) * 17u + (lid + 256u) % 16u] = pk4; }
    { kv_s[((lid + 320u) / 16u) * 17u + (lid + 320u) % 16u] = pk5; }
    { kv_s[((lid + 384u) / 16u) * 17u + (lid + 384u) % 16u] = pk6; }
    { kv_s[((lid + 448u) / 16u) * 17u + (lid + 448u) % 16u] = pk7; }
    workgroupBarrier();
    if (has_next) { { let c4 = (lid + 0u) % 16u; let gr = j0 + 32u + (lid + 0u) / 16u; pk0 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk0 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 64u) % 16u; let gr = j0 + 32u + (lid + 64u) / 16u; pk1 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk1 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 128u) % 16u; let gr = j0 + 32u + (lid + 128u) / 16u; pk2 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk2 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 192u) % 16u; let gr = j0 + 32u + (lid + 192u) / 16u; pk3 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk3 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 256u) % 16u; let gr = j0 + 32u + (lid + 256u) / 16u; pk4 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk4 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 320u) % 16u; let gr = j0 + 32u + (lid + 320u) / 16u; pk5 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk5 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 384u) % 16u; let gr = j0 + 32u + (lid + 384u) / 16u; pk6 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk6 = k_get4((k_base + gr * u.d) / 4u + c4); } }
    { let c4 = (lid + 448u) % 16u; let gr = j0 + 32u + (lid + 448u) / 16u; pk7 = vec4<f32>(); if (gr < u.tk && c4 < u.d4) { pk7 = k_get4((k_base + gr * u.d) / 4u + c4); } } }
    if (lid < 64u) {
      s_0_0 = 0.0; s_0_1 = 0.0; s_0_2 = 0.0; s_0_3 = 0.0; s_1_0 = 0.0; s_1_1 = 0.0; s_1_2 = 0.0; s_1_3 = 0.0; s_2_0 = 0.0; s_2_1 = 0.0; s_2_2 = 0.0; s_2_3 = 0.0; s_3_0 = 0.0; s_3_1 = 0.0; s_3_2 = 0.0; s_3_3 = 0.0;
      let s_ao0 = (s_at + 0u) * 17u;
    let s_ao1 = (s_at + 8u) * 17u;
    let s_ao2 = (s_at + 16u) * 17u;
    let s_ao3 = (s_at + 24u) * 17u;
    let s_bo0 = (s_bt + 0u) * 17u;
    let s_bo1 = (s_bt + 8u) * 17u;
    let s_bo2 = (s_bt + 16u) * 17u;
    let s_bo3 = (s_bt + 24u) * 17u;
    for (var k4 = 0u; k4 < 16u; k4++) {
      let s_a0 = kv_s[s_ao0 + k4];
      let s_a1 = kv_s[s_ao1 + k4];
      let s_a2 = kv_s[s_ao2 + k4];
      let s_a3 = kv_s[s_ao3 + k4];
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
      s_2_0 = fma(s_a2.w, s_b0.w, fma(s_a2.z, s_b0.z, fma(s_a2.y, s_b0.y, fma(s_a2.x, s_b0.x, s_2_0))));
      s_2_1 = fma(s_a2.w, s_b1.w, fma(s_a2.z, s_b1.z, fma(s_a2.y, s_b1.y, fma(s_a2.x, s_b1.x, s_2_1))));
      s_2_2 = fma(s_a2.w, s_b2.w, fma(s_a2.z, s_b2.z, fma(s_a2.y, s_b2.y, fma(s_a2.x, s_b2.x, s_2_2))));
      s_2_3 = fma(s_a2.w, s_b3.w, fma(s_a2.z, s_b3.z, fma(s_a2.y, s_b3.y, fma(s_a2.x, s_b3.x, s_2_3))));
      s_3_0 = fma(s_a3.w, s_b0.w, fma(s_a3.z, s_b0.z, fma(s_a3.y, s_b0.y, fma(s_a3.x, s_b0.x, s_3_0))));
      s_3_1 = fma(s_a3.w, s_b1.w, fma(s_a3.z, s_b1.z, fma(s_a3.y, s_b1.y, fma(s_a3.x, s_b1.x, s_3_1))));
      s_3_2 = fma(s_a3.w, s_b2.w, fma(s_a3.z, s_b2.z, fma(s_a3.y, s_b2.y, fma(s_a3.x, s_b2.x, s_3_2))));
      s_3_3 = fma(s_a3.w, s_b3.w, fma(s_a3.z, s_b3.z, fma(s_a3.y, s_b3.y, fma(s_a3.x, s_b3.x, s_3_3))));
    }
      var mx0 = NEG_BIG;
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { mx0 = max(mx0, s_0_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { mx0 = max(mx0, s_1_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { mx0 = max(mx0, s_2_0); }
      if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 24u))) { mx0 = max(mx0, s_3_0); }
      red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = mx0;
      var mx1 = NEG_BIG;
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { mx1 = max(mx1, s_0_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { mx1 = max(mx1, s_1_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { mx1 = max(mx1, s_2_1); }
      if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 24u))) { mx1 = max(mx1, s_3_1); }
      red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = mx1;
      var mx2 = NEG_BIG;
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { mx2 = max(mx2, s_0_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 8u))) { mx2 = max(mx2, s_1_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { mx2 = max(mx2, s_2_2); }
      if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 24u))) { mx2 = max(mx2, s_3_2); }
      red_s[(s_bt + 16u) * 2u + s_at / 4u][s_at % 4u] = mx2;
      var mx3 = NEG_BIG;
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { mx3 = max(mx3, s_0_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 8u))) { mx3 = max(mx3, s_1_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { mx3 = max(mx3, s_2_3); }
      if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 24u))) { mx3 = max(mx3, s_3_3); }
      red_s[(s_bt + 24u) * 2u + s_at / 4u][s_at % 4u] = mx3;
    }
    workgroupBarrier();
    { kv_s[((lid + 0u) / 16u) * 17u + (lid + 0u) % 16u] = pv0; }
    { kv_s[((lid + 64u) / 16u) * 17u + (lid + 64u) % 16u] = pv1; }
    { kv_s[((lid + 128u) / 16u) * 17u + (lid + 128u) % 16u] = pv2; }
    { kv_s[((lid + 192u) / 16u) * 17u + (lid + 192u) % 16u] = pv3; }
    { kv_s[((lid + 256u) / 16u) * 17u + (lid + 256u) % 16u] = pv4; }
    { kv_s[((lid + 320u) / 16u) * 17u + (lid + 320u) % 16u] = pv5; }
    { kv_s[((lid + 384u) / 16u) * 17u + (lid + 384u) % 16u] = pv6; }
    { kv_s[((lid + 448u) / 16u) * 17u + (lid + 448u) % 16u] = pv7; }
    if (has_next) { { let c4 = (lid + 0u) % 16u; let gr = j0 + 32u + (lid + 0u) / 16u; pv0 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv0 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 64u) % 16u; let gr = j0 + 32u + (lid + 64u) / 16u; pv1 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv1 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 128u) % 16u; let gr = j0 + 32u + (lid + 128u) / 16u; pv2 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv2 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 192u) % 16u; let gr = j0 + 32u + (lid + 192u) / 16u; pv3 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv3 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 256u) % 16u; let gr = j0 + 32u + (lid + 256u) / 16u; pv4 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv4 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 320u) % 16u; let gr = j0 + 32u + (lid + 320u) / 16u; pv5 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv5 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 384u) % 16u; let gr = j0 + 32u + (lid + 384u) / 16u; pv6 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv6 = v_get4((v_base + gr * u.dv) / 4u + c4); } }
    { let c4 = (lid + 448u) % 16u; let gr = j0 + 32u + (lid + 448u) / 16u; pv7 = vec4<f32>(); if (gr < u.tk && c4 < u.dv4) { pv7 = v_get4((v_base + gr * u.dv) / 4u + c4); } } }
    if (lid < 64u) {
      {
        var t4 = red_s[(s_bt + 0u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 0u) * 2u + 1u]);
        let m_new = max(m0, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m0 - m_new), 0.0, m0 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 0u))) { let p = exp(s_0_0 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 8u))) { let p = exp(s_1_0 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 16u))) { let p = exp(s_2_0 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit0, i0 + (s_bt + 0u), j0 + (s_at + 24u))) { let p = exp(s_3_0 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 0u)) / 4u][((s_bt + 0u)) % 4u] = w; }
        l0 = l0 * correction + sum;
        m0 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 0u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 8u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 8u) * 2u + 1u]);
        let m_new = max(m1, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m1 - m_new), 0.0, m1 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 0u))) { let p = exp(s_0_1 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 8u))) { let p = exp(s_1_1 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 16u))) { let p = exp(s_2_1 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit1, i0 + (s_bt + 8u), j0 + (s_at + 24u))) { let p = exp(s_3_1 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 8u)) / 4u][((s_bt + 8u)) % 4u] = w; }
        l1 = l1 * correction + sum;
        m1 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 8u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 16u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 16u) * 2u + 1u]);
        let m_new = max(m2, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m2 - m_new), 0.0, m2 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 0u))) { let p = exp(s_0_2 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 8u))) { let p = exp(s_1_2 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 16u))) { let p = exp(s_2_2 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit2, i0 + (s_bt + 16u), j0 + (s_at + 24u))) { let p = exp(s_3_2 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 16u)) / 4u][((s_bt + 16u)) % 4u] = w; }
        l2 = l2 * correction + sum;
        m2 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 16u)] = correction; }
      }
      {
        var t4 = red_s[(s_bt + 24u) * 2u + 0u];
        t4 = max(t4, red_s[(s_bt + 24u) * 2u + 1u]);
        let m_new = max(m3, max(max(t4.x, t4.y), max(t4.z, t4.w)));
        let correction = select(exp(m3 - m_new), 0.0, m3 == NEG_BIG);
        var sum = 0.0;
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 0u))) { let p = exp(s_0_3 - m_new); sum += p; w = p; } p_s[((s_at + 0u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 8u))) { let p = exp(s_1_3 - m_new); sum += p; w = p; } p_s[((s_at + 8u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 16u))) { let p = exp(s_2_3 - m_new); sum += p; w = p; } p_s[((s_at + 16u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        { var w = 0.0; if (allowed(m_base, limit3, i0 + (s_bt + 24u), j0 + (s_at + 24u))) { let p = exp(s_3_3 - m_new); sum += p; w = p; } p_s[((s_at + 24u)) * 9u + ((s_bt + 24u)) / 4u][((s_bt + 24u)) % 4u] = w; }
        l3 = l3 * correction + sum;
        m3 = m_new;
        if (s_at == 0u) { corr_s[(s_bt + 24u)] = correction; }
      }
    }
    workgroupBarrier();
    if (lid < 64u) {
      let c0 = corr_s[((o_at + 0u) * 4u + 0u)];
      o_0_0 *= c0;
      o_0_1 *= c0;
      let c1 = corr_s[((o_at + 0u) * 4u + 1u)];
      o_1_0 *= c1;
      o_1_1 *= c1;
      let c2 = corr_s[((o_at + 0u) * 4u + 2u)];
      o_2_0 *= c2;
      o_2_1 *= c2;
      let c3 = corr_s[((o_at + 0u) * 4u + 3u)];
      o_3_0 *= c3;
      o_3_1 *= c3;
      for (var k = 0u; k < 32u; k++) {
      let o_a0 = p_s[k * 9u + o_at + 0u];
      let o_b0 = kv_s[k * 17u + o_bt + 0u];
      let o_b1 = kv_s[k * 17u + o_bt + 8u];
      o_0_0 = fma(vec4<f32>(o_a0[0]), o_b0, o_0_0);
      o_0_1 = fma(vec4<f32>(o_a0[0]), o_b1, o_0_1);
      o_1_0 = fma(vec4<f32>(o_a0[1]), o_b0, o_1_0);
      o_1_1 = fma(vec4<f32>(o_a0[1]), o_b1, o_1_1);
      o_2_0 = fma(vec4<f32>(o_a0[2]), o_b0, o_2_0);
      o_2_1 = fma(vec4<f32>(o_a0[2]), o_b1, o_2_1);
      o_3_0 = fma(vec4<f32>(o_a0[3]), o_b0, o_3_0);
      o_3_1 = fma(vec4<f32>(o_a0[3]), o_b1, o_3_1);
    }
    }
    workgroupBarrier();
  }

  // l = Σ of the key groups' partial sums (all taken against the same running max).
  if (lid < 64u) {
    red_s[(s_bt + 0u) * 2u + s_at / 4u][s_at % 4u] = l0;
    red_s[(s_bt + 8u) * 2u + s_at / 4u][s_at % 4u] = l1;
    red_s[(s_bt + 16u) * 2u + s_at / 4u][s_at % 4u] = l2;
    red_s[(s_bt + 24u) * 2u + s_at / 4u][s_at % 4u] = l3;
  }
  workgroupBarrier();
  if (lid < 64u && s_at == 0u) {
    { let i = i0 + (s_bt + 0u); let l = dot(red_s[((s_bt + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m0 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 8u); let l = dot(red_s[((s_bt + 8u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 8u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m1 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 16u); let l = dot(red_s[((s_bt + 16u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 16u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m2 + log(l), l > 0.0)); } }
    { let i = i0 + (s_bt + 24u); let l = dot(red_s[((s_bt + 24u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[((s_bt + 24u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0)); if (i < u.tq) { lse_set(bh * u.tq + i, select(-f32_inf(), m3 + log(l), l > 0.0)); } }
  }
  if (lid < 64u) {
    let o_row0 = i0 + ((o_at + 0u) * 4u + 0u);
  if (o_row0 < u.tq) {
    let o_row0_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 0u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row0 * u.dv) / 4u + (o_bt + 0u), o_row0_scale * o_0_0); }
    if ((o_bt + 8u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row0 * u.dv) / 4u + (o_bt + 8u), o_row0_scale * o_0_1); }
  }
  let o_row1 = i0 + ((o_at + 0u) * 4u + 1u);
  if (o_row1 < u.tq) {
    let o_row1_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 1u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row1 * u.dv) / 4u + (o_bt + 0u), o_row1_scale * o_1_0); }
    if ((o_bt + 8u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row1 * u.dv) / 4u + (o_bt + 8u), o_row1_scale * o_1_1); }
  }
  let o_row2 = i0 + ((o_at + 0u) * 4u + 2u);
  if (o_row2 < u.tq) {
    let o_row2_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 2u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row2 * u.dv) / 4u + (o_bt + 0u), o_row2_scale * o_2_0); }
    if ((o_bt + 8u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row2 * u.dv) / 4u + (o_bt + 8u), o_row2_scale * o_2_1); }
  }
  let o_row3 = i0 + ((o_at + 0u) * 4u + 3u);
  if (o_row3 < u.tq) {
    let o_row3_scale = select(0.0, 1.0 / (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))), (dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 0u], vec4<f32>(1.0, 1.0, 1.0, 1.0)) + dot(red_s[(((o_at + 0u) * 4u + 3u)) * 2u + 1u], vec4<f32>(1.0, 1.0, 1.0, 1.0))) > 0.0);
    if ((o_bt + 0u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row3 * u.dv) / 4u + (o_bt + 0u), o_row3_scale * o_3_0); }
    if ((o_bt + 8u) * 4u < u.dv) { o_set4((bh * u.tq * u.dv + o_row3 * u.dv) / 4u + (o_bt + 8u), o_row3_scale * o_3_1); }
  }
  }
}

// ---- flashAttentionTCDirect:d128:dv128:plain:mask1:vec4:subgroup-matrix:f16:sg8:r16:bc16:staged:scaled:one-pass|mask:bool:read,o:f32:read_write,lse:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32,tqp:u32,tkp:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32
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
  o_offset: u32,
  lse_offset: u32,
  q_tiles: u32,
  tqp: u32,
  tkp: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read_write> o: array<f32>;
fn o_get(i: u32) -> f32 { return o[u.o_offset + i]; }
fn o_set(i: u32, v: f32) { o[u.o_offset + i] = v; }
@group(0) @binding(3) var<storage, read_write> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
fn lse_set(i: u32, v: f32) { lse[u.lse_offset + i] = v; }
@group(0) @binding(4) var<storage, read_write> qs: array<f16>;
@group(0) @binding(5) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> vs: array<vec4<u32>>;

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
var<workgroup> s_s: array<f32, 2560>;

var<workgroup> p_hi: array<f16, 3072>;
var<workgroup> stat_s: array<vec2<f32>, 256>;
// Called in uniform control flow only.
fn pair_other(x: f32, lid: u32) -> f32 {
  workgroupBarrier();
  stat_s[lid] = vec2<f32>(x, 0.0);
  workgroupBarrier();
  return stat_s[lid ^ 1u].x;
}
var<workgroup> k_tile_hi: array<f16, 2176>;
var<workgroup> v_tile_hi: array<f16, 2176>;
// Four words, not one: on an H100 (driver 580.159) a 4-byte workgroup variable here left the
// staged k and v tiles misaligned for the subgroup-matrix loads, which then read the first two
// halves of every row wrong. Every workgroup array of these kernels is a multiple of 16 bytes.
var<workgroup> raise_flag: array<atomic<u32>, 4>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 128u;
  let key_end = last_key(min(u.tq, i0 + 128u) - 1u);
  let q_at = (bh * u.tqp + i0 + sid * 16u) * 128u;
  let k_at = bh * u.tkp * 128u;
  let v_at = bh * u.tkp * 128u;
  let m_base = mask_base(bh);
  // This invocation's row, and which 8 keys of each tile it reads.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  
  let q_hi_0_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 0u, false, 128u);
  let q_hi_0_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 16u, false, 128u);
  let q_hi_0_2 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 32u, false, 128u);
  let q_hi_0_3 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 48u, false, 128u);
  let q_hi_0_4 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 64u, false, 128u);
  let q_hi_0_5 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 80u, false, 128u);
  let q_hi_0_6 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 96u, false, 128u);
  let q_hi_0_7 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 112u, false, 128u);
  var acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();

  var m = NEG_BIG;
  var l = 0.0;
  var acc_o_0_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_o_0_1 = subgroup_matrix_result<f32, 16, 16>();
  var acc_o_0_2 = subgroup_matrix_result<f32, 16, 16>();
  var acc_o_0_3 = subgroup_matrix_result<f32, 16, 16>();
  var acc_o_0_4 = subgroup_matrix_result<f32, 16, 16>();
  var acc_o_0_5 = subgroup_matrix_result<f32, 16, 16>();
  var acc_o_0_6 = subgroup_matrix_result<f32, 16, 16>();
  var acc_o_0_7 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 256u; ce += 256u) {
      let cr = ce / 16u;
      let cc = (ce % 16u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 128u + cc) / 8u];
      let at = cr * 136u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_tile_hi[at + 0u] = h0.x; k_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_tile_hi[at + 2u] = h1.x; k_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_tile_hi[at + 4u] = h2.x; k_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_tile_hi[at + 6u] = h3.x; k_tile_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 256u; ce += 256u) {
      let cr = ce / 16u;
      let cc = (ce % 16u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 128u + cc) / 8u];
      let at = cr * 136u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_tile_hi[at + 0u] = h0.x; v_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_tile_hi[at + 2u] = h1.x; v_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_tile_hi[at + 4u] = h2.x; v_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_tile_hi[at + 6u] = h3.x; v_tile_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 0u, true, 136u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_0, k_hi_0, acc_s_0_0);
    }
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 16u, true, 136u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_1, k_hi_0, acc_s_0_0);
    }
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 32u, true, 136u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_2, k_hi_0, acc_s_0_0);
    }
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 48u, true, 136u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_3, k_hi_0, acc_s_0_0);
    }
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 64u, true, 136u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_4, k_hi_0, acc_s_0_0);
    }
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 80u, true, 136u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_5, k_hi_0, acc_s_0_0);
    }
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 96u, true, 136u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_6, k_hi_0, acc_s_0_0);
    }
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 112u, true, 136u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_7, k_hi_0, acc_s_0_0);
    }
    subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_s_0_0, false, 20u);
    workgroupBarrier();
    var tmax = NEG_BIG;
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      if (allowed(m_base, limit, row, j0 + col)) { tmax = max(tmax, s_s[sid * 320u + lr * 20u + col]); }
    }
    if (tmax > m + 8.0) { atomicStore(&raise_flag[0], 1u); }
    let raise = workgroupUniformLoad(&raise_flag[0]);
    var alpha = 1.0;
    if (raise != 0u) {
      let row_max = max(tmax, pair_other(tmax, lid));
      let m_new = max(m, row_max);
      alpha = exp(m - m_new);
      l *= alpha;
      m = m_new;
    }
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var pz = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[sid * 320u + lr * 20u + col] - m);
        l += p;
        pz = p;
      }
      let ph = stage_hi(pz);
      p_hi[sid * 384u + lr * 24u + col] = ph;
      
    }
    if (raise != 0u) {
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_0 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_1, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 16u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_1 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_2, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 32u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_2 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_3, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 48u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_3 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_4, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 64u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_4 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_5, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 80u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_5 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_6, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 96u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_6 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_7, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 112u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_7 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
    }
    workgroupBarrier();
    // Every invocation has read the flag (before the barrier above); the next tile sets it after two more.
    if (lid == 0u) { atomicStore(&raise_flag[0], 0u); }
    {
      let p_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&p_hi, sid * 384u + 0u, false, 24u);
      let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 0u, false, 136u);
      let v_hi_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 16u, false, 136u);
      let v_hi_2 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 32u, false, 136u);
      let v_hi_3 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 48u, false, 136u);
      let v_hi_4 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 64u, false, 136u);
      let v_hi_5 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 80u, false, 136u);
      let v_hi_6 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 96u, false, 136u);
      let v_hi_7 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 112u, false, 136u);
      acc_o_0_0 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_0, acc_o_0_0);
      acc_o_0_1 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_1, acc_o_0_1);
      acc_o_0_2 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_2, acc_o_0_2);
      acc_o_0_3 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_3, acc_o_0_3);
      acc_o_0_4 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_4, acc_o_0_4);
      acc_o_0_5 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_5, acc_o_0_5);
      acc_o_0_6 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_6, acc_o_0_6);
      acc_o_0_7 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_7, acc_o_0_7);
    }
    workgroupBarrier();
  }
  // Both halves of each row share m: their sums add.
  let ll = l + pair_other(l, lid);
  let lse_row = select(-f32_inf(), m + log(ll), ll > 0.0);
  if (part == 0u && row < u.tq) { lse_set(bh * u.tq + row, lse_row); }
  let o_norm = select(0.0, 1.0 / ll, ll > 0.0);
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_1, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 16u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_2, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 32u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_3, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 48u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_4, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 64u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_5, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 80u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_6, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 96u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_7, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 112u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
}

// ---- flashAttentionTCDirect:d16:dv16:dropout:mask1:vec4:subgroup-matrix:f16:sg8:r16:bc16:staged:scaled:one-pass|mask:bool:read,o:f32:read_write,lse:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,seed_lo:u32,seed_hi:u32,offset_lo:u32,offset_hi:u32,threshold:u32,keep_scale:f32,drop_cols:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32,tqp:u32,tkp:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32
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
  o_offset: u32,
  lse_offset: u32,
  q_tiles: u32,
  tqp: u32,
  tkp: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read_write> o: array<f32>;
fn o_get(i: u32) -> f32 { return o[u.o_offset + i]; }
fn o_set(i: u32, v: f32) { o[u.o_offset + i] = v; }
@group(0) @binding(3) var<storage, read_write> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
fn lse_set(i: u32, v: f32) { lse[u.lse_offset + i] = v; }
@group(0) @binding(4) var<storage, read_write> qs: array<f16>;
@group(0) @binding(5) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> vs: array<vec4<u32>>;

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
var<workgroup> s_s: array<f32, 2560>;

var<workgroup> p_hi: array<f16, 3072>;
var<workgroup> stat_s: array<vec2<f32>, 256>;
// Called in uniform control flow only.
fn pair_other(x: f32, lid: u32) -> f32 {
  workgroupBarrier();
  stat_s[lid] = vec2<f32>(x, 0.0);
  workgroupBarrier();
  return stat_s[lid ^ 1u].x;
}
var<workgroup> k_tile_hi: array<f16, 384>;
var<workgroup> v_tile_hi: array<f16, 384>;
// Four words, not one: on an H100 (driver 580.159) a 4-byte workgroup variable here left the
// staged k and v tiles misaligned for the subgroup-matrix loads, which then read the first two
// halves of every row wrong. Every workgroup array of these kernels is a multiple of 16 bytes.
var<workgroup> raise_flag: array<atomic<u32>, 4>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 128u;
  let key_end = last_key(min(u.tq, i0 + 128u) - 1u);
  let q_at = (bh * u.tqp + i0 + sid * 16u) * 16u;
  let k_at = bh * u.tkp * 16u;
  let v_at = bh * u.tkp * 16u;
  let m_base = mask_base(bh);
  // This invocation's row, and which 8 keys of each tile it reads.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  let drop_row_g = drop_global_row(bh, row);
  let q_hi_0_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 0u, false, 16u);
  var acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();

  var m = NEG_BIG;
  var l = 0.0;
  var acc_o_0_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 256u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_tile_hi[at + 0u] = h0.x; k_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_tile_hi[at + 2u] = h1.x; k_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_tile_hi[at + 4u] = h2.x; k_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_tile_hi[at + 6u] = h3.x; k_tile_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 32u; ce += 256u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_tile_hi[at + 0u] = h0.x; v_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_tile_hi[at + 2u] = h1.x; v_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_tile_hi[at + 4u] = h2.x; v_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_tile_hi[at + 6u] = h3.x; v_tile_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 0u, true, 24u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_0, k_hi_0, acc_s_0_0);
    }
    subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_s_0_0, false, 20u);
    workgroupBarrier();
    var tmax = NEG_BIG;
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      if (allowed(m_base, limit, row, j0 + col)) { tmax = max(tmax, s_s[sid * 320u + lr * 20u + col]); }
    }
    if (tmax > m + 8.0) { atomicStore(&raise_flag[0], 1u); }
    let raise = workgroupUniformLoad(&raise_flag[0]);
    var alpha = 1.0;
    if (raise != 0u) {
      let row_max = max(tmax, pair_other(tmax, lid));
      let m_new = max(m, row_max);
      alpha = exp(m - m_new);
      l *= alpha;
      m = m_new;
    }
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var pz = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[sid * 320u + lr * 20u + col] - m);
        l += p;
        pz = p * select(0.0, 1.0, drop_at(drop_row_g, j) > 0.0);
      }
      let ph = stage_hi(pz);
      p_hi[sid * 384u + lr * 24u + col] = ph;
      
    }
    if (raise != 0u) {
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_0 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
    }
    workgroupBarrier();
    // Every invocation has read the flag (before the barrier above); the next tile sets it after two more.
    if (lid == 0u) { atomicStore(&raise_flag[0], 0u); }
    {
      let p_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&p_hi, sid * 384u + 0u, false, 24u);
      let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 0u, false, 24u);
      acc_o_0_0 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_0, acc_o_0_0);
    }
    workgroupBarrier();
  }
  // Both halves of each row share m: their sums add.
  let ll = l + pair_other(l, lid);
  let lse_row = select(-f32_inf(), m + log(ll), ll > 0.0);
  if (part == 0u && row < u.tq) { lse_set(bh * u.tq + row, lse_row); }
  let o_norm = select(0.0, u.keep_scale / ll, ll > 0.0);
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
}

// ---- flashAttentionTCDirect:d16:dv16:plain:mask:vec4:subgroup-matrix:f16:sg8:r16:bc16:staged:scaled:one-pass|mask:bool:read,o:f32:read_write,lse:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32,tqp:u32,tkp:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32
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
  o_offset: u32,
  lse_offset: u32,
  q_tiles: u32,
  tqp: u32,
  tkp: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read_write> o: array<f32>;
fn o_get(i: u32) -> f32 { return o[u.o_offset + i]; }
fn o_set(i: u32, v: f32) { o[u.o_offset + i] = v; }
@group(0) @binding(3) var<storage, read_write> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
fn lse_set(i: u32, v: f32) { lse[u.lse_offset + i] = v; }
@group(0) @binding(4) var<storage, read_write> qs: array<f16>;
@group(0) @binding(5) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> vs: array<vec4<u32>>;

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
var<workgroup> s_s: array<f32, 2560>;

var<workgroup> p_hi: array<f16, 3072>;
var<workgroup> stat_s: array<vec2<f32>, 256>;
// Called in uniform control flow only.
fn pair_other(x: f32, lid: u32) -> f32 {
  workgroupBarrier();
  stat_s[lid] = vec2<f32>(x, 0.0);
  workgroupBarrier();
  return stat_s[lid ^ 1u].x;
}
var<workgroup> k_tile_hi: array<f16, 384>;
var<workgroup> v_tile_hi: array<f16, 384>;
// Four words, not one: on an H100 (driver 580.159) a 4-byte workgroup variable here left the
// staged k and v tiles misaligned for the subgroup-matrix loads, which then read the first two
// halves of every row wrong. Every workgroup array of these kernels is a multiple of 16 bytes.
var<workgroup> raise_flag: array<atomic<u32>, 4>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 128u;
  let key_end = last_key(min(u.tq, i0 + 128u) - 1u);
  let q_at = (bh * u.tqp + i0 + sid * 16u) * 16u;
  let k_at = bh * u.tkp * 16u;
  let v_at = bh * u.tkp * 16u;
  let m_base = mask_base(bh);
  // This invocation's row, and which 8 keys of each tile it reads.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  
  let q_hi_0_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 0u, false, 16u);
  var acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();

  var m = NEG_BIG;
  var l = 0.0;
  var acc_o_0_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 256u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_tile_hi[at + 0u] = h0.x; k_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_tile_hi[at + 2u] = h1.x; k_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_tile_hi[at + 4u] = h2.x; k_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_tile_hi[at + 6u] = h3.x; k_tile_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 32u; ce += 256u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_tile_hi[at + 0u] = h0.x; v_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_tile_hi[at + 2u] = h1.x; v_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_tile_hi[at + 4u] = h2.x; v_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_tile_hi[at + 6u] = h3.x; v_tile_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 0u, true, 24u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_0, k_hi_0, acc_s_0_0);
    }
    subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_s_0_0, false, 20u);
    workgroupBarrier();
    var tmax = NEG_BIG;
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      if (allowed(m_base, limit, row, j0 + col)) { tmax = max(tmax, s_s[sid * 320u + lr * 20u + col]); }
    }
    if (tmax > m + 8.0) { atomicStore(&raise_flag[0], 1u); }
    let raise = workgroupUniformLoad(&raise_flag[0]);
    var alpha = 1.0;
    if (raise != 0u) {
      let row_max = max(tmax, pair_other(tmax, lid));
      let m_new = max(m, row_max);
      alpha = exp(m - m_new);
      l *= alpha;
      m = m_new;
    }
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var pz = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[sid * 320u + lr * 20u + col] - m);
        l += p;
        pz = p;
      }
      let ph = stage_hi(pz);
      p_hi[sid * 384u + lr * 24u + col] = ph;
      
    }
    if (raise != 0u) {
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_0 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
    }
    workgroupBarrier();
    // Every invocation has read the flag (before the barrier above); the next tile sets it after two more.
    if (lid == 0u) { atomicStore(&raise_flag[0], 0u); }
    {
      let p_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&p_hi, sid * 384u + 0u, false, 24u);
      let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 0u, false, 24u);
      acc_o_0_0 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_0, acc_o_0_0);
    }
    workgroupBarrier();
  }
  // Both halves of each row share m: their sums add.
  let ll = l + pair_other(l, lid);
  let lse_row = select(-f32_inf(), m + log(ll), ll > 0.0);
  if (part == 0u && row < u.tq) { lse_set(bh * u.tq + row, lse_row); }
  let o_norm = select(0.0, 1.0 / ll, ll > 0.0);
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
}

// ---- flashAttentionTCDirect:d16:dv16:plain:mask1:scalar:subgroup-matrix:f16:sg8:r16:bc16:staged:scaled:one-pass|mask:bool:read,o:f32:read_write,lse:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32,tqp:u32,tkp:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32
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
  o_offset: u32,
  lse_offset: u32,
  q_tiles: u32,
  tqp: u32,
  tkp: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read_write> o: array<f32>;
fn o_get(i: u32) -> f32 { return o[u.o_offset + i]; }
fn o_set(i: u32, v: f32) { o[u.o_offset + i] = v; }
@group(0) @binding(3) var<storage, read_write> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
fn lse_set(i: u32, v: f32) { lse[u.lse_offset + i] = v; }
@group(0) @binding(4) var<storage, read_write> qs: array<f16>;
@group(0) @binding(5) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> vs: array<vec4<u32>>;

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
var<workgroup> s_s: array<f32, 2560>;

var<workgroup> p_hi: array<f16, 3072>;
var<workgroup> stat_s: array<vec2<f32>, 256>;
// Called in uniform control flow only.
fn pair_other(x: f32, lid: u32) -> f32 {
  workgroupBarrier();
  stat_s[lid] = vec2<f32>(x, 0.0);
  workgroupBarrier();
  return stat_s[lid ^ 1u].x;
}
var<workgroup> k_tile_hi: array<f16, 384>;
var<workgroup> v_tile_hi: array<f16, 384>;
// Four words, not one: on an H100 (driver 580.159) a 4-byte workgroup variable here left the
// staged k and v tiles misaligned for the subgroup-matrix loads, which then read the first two
// halves of every row wrong. Every workgroup array of these kernels is a multiple of 16 bytes.
var<workgroup> raise_flag: array<atomic<u32>, 4>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 128u;
  let key_end = last_key(min(u.tq, i0 + 128u) - 1u);
  let q_at = (bh * u.tqp + i0 + sid * 16u) * 16u;
  let k_at = bh * u.tkp * 16u;
  let v_at = bh * u.tkp * 16u;
  let m_base = mask_base(bh);
  // This invocation's row, and which 8 keys of each tile it reads.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  
  let q_hi_0_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 0u, false, 16u);
  var acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();

  var m = NEG_BIG;
  var l = 0.0;
  var acc_o_0_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 256u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_tile_hi[at + 0u] = h0.x; k_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_tile_hi[at + 2u] = h1.x; k_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_tile_hi[at + 4u] = h2.x; k_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_tile_hi[at + 6u] = h3.x; k_tile_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 32u; ce += 256u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_tile_hi[at + 0u] = h0.x; v_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_tile_hi[at + 2u] = h1.x; v_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_tile_hi[at + 4u] = h2.x; v_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_tile_hi[at + 6u] = h3.x; v_tile_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 0u, true, 24u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_0, k_hi_0, acc_s_0_0);
    }
    subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_s_0_0, false, 20u);
    workgroupBarrier();
    var tmax = NEG_BIG;
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      if (allowed(m_base, limit, row, j0 + col)) { tmax = max(tmax, s_s[sid * 320u + lr * 20u + col]); }
    }
    if (tmax > m + 8.0) { atomicStore(&raise_flag[0], 1u); }
    let raise = workgroupUniformLoad(&raise_flag[0]);
    var alpha = 1.0;
    if (raise != 0u) {
      let row_max = max(tmax, pair_other(tmax, lid));
      let m_new = max(m, row_max);
      alpha = exp(m - m_new);
      l *= alpha;
      m = m_new;
    }
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var pz = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[sid * 320u + lr * 20u + col] - m);
        l += p;
        pz = p;
      }
      let ph = stage_hi(pz);
      p_hi[sid * 384u + lr * 24u + col] = ph;
      
    }
    if (raise != 0u) {
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_0 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
    }
    workgroupBarrier();
    // Every invocation has read the flag (before the barrier above); the next tile sets it after two more.
    if (lid == 0u) { atomicStore(&raise_flag[0], 0u); }
    {
      let p_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&p_hi, sid * 384u + 0u, false, 24u);
      let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 0u, false, 24u);
      acc_o_0_0 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_0, acc_o_0_0);
    }
    workgroupBarrier();
  }
  // Both halves of each row share m: their sums add.
  let ll = l + pair_other(l, lid);
  let lse_row = select(-f32_inf(), m + log(ll), ll > 0.0);
  if (part == 0u && row < u.tq) { lse_set(bh * u.tq + row, lse_row); }
  let o_norm = select(0.0, 1.0 / ll, ll > 0.0);
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
}

// ---- flashAttentionTCDirect:d16:dv16:plain:mask1:vec4:subgroup-matrix:f16:sg8:r16:bc16:staged:scaled:one-pass|mask:bool:read,o:f32:read_write,lse:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32,tqp:u32,tkp:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32
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
  o_offset: u32,
  lse_offset: u32,
  q_tiles: u32,
  tqp: u32,
  tkp: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read_write> o: array<f32>;
fn o_get(i: u32) -> f32 { return o[u.o_offset + i]; }
fn o_set(i: u32, v: f32) { o[u.o_offset + i] = v; }
@group(0) @binding(3) var<storage, read_write> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
fn lse_set(i: u32, v: f32) { lse[u.lse_offset + i] = v; }
@group(0) @binding(4) var<storage, read_write> qs: array<f16>;
@group(0) @binding(5) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> vs: array<vec4<u32>>;

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
var<workgroup> s_s: array<f32, 2560>;

var<workgroup> p_hi: array<f16, 3072>;
var<workgroup> stat_s: array<vec2<f32>, 256>;
// Called in uniform control flow only.
fn pair_other(x: f32, lid: u32) -> f32 {
  workgroupBarrier();
  stat_s[lid] = vec2<f32>(x, 0.0);
  workgroupBarrier();
  return stat_s[lid ^ 1u].x;
}
var<workgroup> k_tile_hi: array<f16, 384>;
var<workgroup> v_tile_hi: array<f16, 384>;
// Four words, not one: on an H100 (driver 580.159) a 4-byte workgroup variable here left the
// staged k and v tiles misaligned for the subgroup-matrix loads, which then read the first two
// halves of every row wrong. Every workgroup array of these kernels is a multiple of 16 bytes.
var<workgroup> raise_flag: array<atomic<u32>, 4>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 128u;
  let key_end = last_key(min(u.tq, i0 + 128u) - 1u);
  let q_at = (bh * u.tqp + i0 + sid * 16u) * 16u;
  let k_at = bh * u.tkp * 16u;
  let v_at = bh * u.tkp * 16u;
  let m_base = mask_base(bh);
  // This invocation's row, and which 8 keys of each tile it reads.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  
  let q_hi_0_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 0u, false, 16u);
  var acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();

  var m = NEG_BIG;
  var l = 0.0;
  var acc_o_0_0 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 256u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_tile_hi[at + 0u] = h0.x; k_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_tile_hi[at + 2u] = h1.x; k_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_tile_hi[at + 4u] = h2.x; k_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_tile_hi[at + 6u] = h3.x; k_tile_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 32u; ce += 256u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_tile_hi[at + 0u] = h0.x; v_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_tile_hi[at + 2u] = h1.x; v_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_tile_hi[at + 4u] = h2.x; v_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_tile_hi[at + 6u] = h3.x; v_tile_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 0u, true, 24u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_0, k_hi_0, acc_s_0_0);
    }
    subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_s_0_0, false, 20u);
    workgroupBarrier();
    var tmax = NEG_BIG;
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      if (allowed(m_base, limit, row, j0 + col)) { tmax = max(tmax, s_s[sid * 320u + lr * 20u + col]); }
    }
    if (tmax > m + 8.0) { atomicStore(&raise_flag[0], 1u); }
    let raise = workgroupUniformLoad(&raise_flag[0]);
    var alpha = 1.0;
    if (raise != 0u) {
      let row_max = max(tmax, pair_other(tmax, lid));
      let m_new = max(m, row_max);
      alpha = exp(m - m_new);
      l *= alpha;
      m = m_new;
    }
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var pz = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[sid * 320u + lr * 20u + col] - m);
        l += p;
        pz = p;
      }
      let ph = stage_hi(pz);
      p_hi[sid * 384u + lr * 24u + col] = ph;
      
    }
    if (raise != 0u) {
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_0 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
    }
    workgroupBarrier();
    // Every invocation has read the flag (before the barrier above); the next tile sets it after two more.
    if (lid == 0u) { atomicStore(&raise_flag[0], 0u); }
    {
      let p_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&p_hi, sid * 384u + 0u, false, 24u);
      let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 0u, false, 24u);
      acc_o_0_0 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_0, acc_o_0_0);
    }
    workgroupBarrier();
  }
  // Both halves of each row share m: their sums add.
  let ll = l + pair_other(l, lid);
  let lse_row = select(-f32_inf(), m + log(ll), ll > 0.0);
  if (part == 0u && row < u.tq) { lse_set(bh * u.tq + row, lse_row); }
  let o_norm = select(0.0, 1.0 / ll, ll > 0.0);
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
}

// ---- flashAttentionTCDirect:d16:dv32:plain:mask:vec4:subgroup-matrix:f16:sg8:r16:bc16:staged:scaled:one-pass|mask:bool:read,o:f32:read_write,lse:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32,tqp:u32,tkp:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32
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
  o_offset: u32,
  lse_offset: u32,
  q_tiles: u32,
  tqp: u32,
  tkp: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read_write> o: array<f32>;
fn o_get(i: u32) -> f32 { return o[u.o_offset + i]; }
fn o_set(i: u32, v: f32) { o[u.o_offset + i] = v; }
@group(0) @binding(3) var<storage, read_write> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
fn lse_set(i: u32, v: f32) { lse[u.lse_offset + i] = v; }
@group(0) @binding(4) var<storage, read_write> qs: array<f16>;
@group(0) @binding(5) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> vs: array<vec4<u32>>;

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
var<workgroup> s_s: array<f32, 2560>;

var<workgroup> p_hi: array<f16, 3072>;
var<workgroup> stat_s: array<vec2<f32>, 256>;
// Called in uniform control flow only.
fn pair_other(x: f32, lid: u32) -> f32 {
  workgroupBarrier();
  stat_s[lid] = vec2<f32>(x, 0.0);
  workgroupBarrier();
  return stat_s[lid ^ 1u].x;
}
var<workgroup> k_tile_hi: array<f16, 384>;
var<workgroup> v_tile_hi: array<f16, 640>;
// Four words, not one: on an H100 (driver 580.159) a 4-byte workgroup variable here left the
// staged k and v tiles misaligned for the subgroup-matrix loads, which then read the first two
// halves of every row wrong. Every workgroup array of these kernels is a multiple of 16 bytes.
var<workgroup> raise_flag: array<atomic<u32>, 4>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 128u;
  let key_end = last_key(min(u.tq, i0 + 128u) - 1u);
  let q_at = (bh * u.tqp + i0 + sid * 16u) * 16u;
  let k_at = bh * u.tkp * 16u;
  let v_at = bh * u.tkp * 32u;
  let m_base = mask_base(bh);
  // This invocation's row, and which 8 keys of each tile it reads.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  
  let q_hi_0_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 0u, false, 16u);
  var acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();

  var m = NEG_BIG;
  var l = 0.0;
  var acc_o_0_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_o_0_1 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 32u; ce += 256u) {
      let cr = ce / 2u;
      let cc = (ce % 2u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 16u + cc) / 8u];
      let at = cr * 24u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_tile_hi[at + 0u] = h0.x; k_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_tile_hi[at + 2u] = h1.x; k_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_tile_hi[at + 4u] = h2.x; k_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_tile_hi[at + 6u] = h3.x; k_tile_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 64u; ce += 256u) {
      let cr = ce / 4u;
      let cc = (ce % 4u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 32u + cc) / 8u];
      let at = cr * 40u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_tile_hi[at + 0u] = h0.x; v_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_tile_hi[at + 2u] = h1.x; v_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_tile_hi[at + 4u] = h2.x; v_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_tile_hi[at + 6u] = h3.x; v_tile_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 0u, true, 24u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_0, k_hi_0, acc_s_0_0);
    }
    subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_s_0_0, false, 20u);
    workgroupBarrier();
    var tmax = NEG_BIG;
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      if (allowed(m_base, limit, row, j0 + col)) { tmax = max(tmax, s_s[sid * 320u + lr * 20u + col]); }
    }
    if (tmax > m + 8.0) { atomicStore(&raise_flag[0], 1u); }
    let raise = workgroupUniformLoad(&raise_flag[0]);
    var alpha = 1.0;
    if (raise != 0u) {
      let row_max = max(tmax, pair_other(tmax, lid));
      let m_new = max(m, row_max);
      alpha = exp(m - m_new);
      l *= alpha;
      m = m_new;
    }
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var pz = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[sid * 320u + lr * 20u + col] - m);
        l += p;
        pz = p;
      }
      let ph = stage_hi(pz);
      p_hi[sid * 384u + lr * 24u + col] = ph;
      
    }
    if (raise != 0u) {
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_0 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_1, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 16u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_1 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
    }
    workgroupBarrier();
    // Every invocation has read the flag (before the barrier above); the next tile sets it after two more.
    if (lid == 0u) { atomicStore(&raise_flag[0], 0u); }
    {
      let p_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&p_hi, sid * 384u + 0u, false, 24u);
      let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 0u, false, 40u);
      let v_hi_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 16u, false, 40u);
      acc_o_0_0 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_0, acc_o_0_0);
      acc_o_0_1 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_1, acc_o_0_1);
    }
    workgroupBarrier();
  }
  // Both halves of each row share m: their sums add.
  let ll = l + pair_other(l, lid);
  let lse_row = select(-f32_inf(), m + log(ll), ll > 0.0);
  if (part == 0u && row < u.tq) { lse_set(bh * u.tq + row, lse_row); }
  let o_norm = select(0.0, 1.0 / ll, ll > 0.0);
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_1, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 16u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
}

// ---- flashAttentionTCDirect:d32:dv32:plain:mask1:vec4:subgroup-matrix:f16:sg8:r16:bc16:staged:scaled:one-pass|mask:bool:read,o:f32:read_write,lse:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32,tqp:u32,tkp:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32
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
  o_offset: u32,
  lse_offset: u32,
  q_tiles: u32,
  tqp: u32,
  tkp: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read_write> o: array<f32>;
fn o_get(i: u32) -> f32 { return o[u.o_offset + i]; }
fn o_set(i: u32, v: f32) { o[u.o_offset + i] = v; }
@group(0) @binding(3) var<storage, read_write> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
fn lse_set(i: u32, v: f32) { lse[u.lse_offset + i] = v; }
@group(0) @binding(4) var<storage, read_write> qs: array<f16>;
@group(0) @binding(5) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> vs: array<vec4<u32>>;

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
var<workgroup> s_s: array<f32, 2560>;

var<workgroup> p_hi: array<f16, 3072>;
var<workgroup> stat_s: array<vec2<f32>, 256>;
// Called in uniform control flow only.
fn pair_other(x: f32, lid: u32) -> f32 {
  workgroupBarrier();
  stat_s[lid] = vec2<f32>(x, 0.0);
  workgroupBarrier();
  return stat_s[lid ^ 1u].x;
}
var<workgroup> k_tile_hi: array<f16, 640>;
var<workgroup> v_tile_hi: array<f16, 640>;
// Four words, not one: on an H100 (driver 580.159) a 4-byte workgroup variable here left the
// staged k and v tiles misaligned for the subgroup-matrix loads, which then read the first two
// halves of every row wrong. Every workgroup array of these kernels is a multiple of 16 bytes.
var<workgroup> raise_flag: array<atomic<u32>, 4>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 128u;
  let key_end = last_key(min(u.tq, i0 + 128u) - 1u);
  let q_at = (bh * u.tqp + i0 + sid * 16u) * 32u;
  let k_at = bh * u.tkp * 32u;
  let v_at = bh * u.tkp * 32u;
  let m_base = mask_base(bh);
  // This invocation's row, and which 8 keys of each tile it reads.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  
  let q_hi_0_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 0u, false, 32u);
  let q_hi_0_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 16u, false, 32u);
  var acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();

  var m = NEG_BIG;
  var l = 0.0;
  var acc_o_0_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_o_0_1 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 64u; ce += 256u) {
      let cr = ce / 4u;
      let cc = (ce % 4u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 32u + cc) / 8u];
      let at = cr * 40u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_tile_hi[at + 0u] = h0.x; k_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_tile_hi[at + 2u] = h1.x; k_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_tile_hi[at + 4u] = h2.x; k_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_tile_hi[at + 6u] = h3.x; k_tile_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 64u; ce += 256u) {
      let cr = ce / 4u;
      let cc = (ce % 4u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 32u + cc) / 8u];
      let at = cr * 40u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_tile_hi[at + 0u] = h0.x; v_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_tile_hi[at + 2u] = h1.x; v_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_tile_hi[at + 4u] = h2.x; v_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_tile_hi[at + 6u] = h3.x; v_tile_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 0u, true, 40u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_0, k_hi_0, acc_s_0_0);
    }
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 16u, true, 40u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_1, k_hi_0, acc_s_0_0);
    }
    subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_s_0_0, false, 20u);
    workgroupBarrier();
    var tmax = NEG_BIG;
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      if (allowed(m_base, limit, row, j0 + col)) { tmax = max(tmax, s_s[sid * 320u + lr * 20u + col]); }
    }
    if (tmax > m + 8.0) { atomicStore(&raise_flag[0], 1u); }
    let raise = workgroupUniformLoad(&raise_flag[0]);
    var alpha = 1.0;
    if (raise != 0u) {
      let row_max = max(tmax, pair_other(tmax, lid));
      let m_new = max(m, row_max);
      alpha = exp(m - m_new);
      l *= alpha;
      m = m_new;
    }
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var pz = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[sid * 320u + lr * 20u + col] - m);
        l += p;
        pz = p;
      }
      let ph = stage_hi(pz);
      p_hi[sid * 384u + lr * 24u + col] = ph;
      
    }
    if (raise != 0u) {
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_0 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_1, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 16u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_1 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
    }
    workgroupBarrier();
    // Every invocation has read the flag (before the barrier above); the next tile sets it after two more.
    if (lid == 0u) { atomicStore(&raise_flag[0], 0u); }
    {
      let p_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&p_hi, sid * 384u + 0u, false, 24u);
      let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 0u, false, 40u);
      let v_hi_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 16u, false, 40u);
      acc_o_0_0 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_0, acc_o_0_0);
      acc_o_0_1 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_1, acc_o_0_1);
    }
    workgroupBarrier();
  }
  // Both halves of each row share m: their sums add.
  let ll = l + pair_other(l, lid);
  let lse_row = select(-f32_inf(), m + log(ll), ll > 0.0);
  if (part == 0u && row < u.tq) { lse_set(bh * u.tq + row, lse_row); }
  let o_norm = select(0.0, 1.0 / ll, ll > 0.0);
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_1, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 16u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
}

// ---- flashAttentionTCDirect:d64:dv64:plain:mask1:vec4:subgroup-matrix:f16:sg8:r16:bc16:staged:scaled:one-pass|mask:bool:read,o:f32:read_write,lse:f32:read_write,qs:f16:read_write,ks:vec4<u32>:read_write,vs:vec4<u32>:read_write|heads:u32,bh:u32,tq:u32,tk:u32,d:u32,dv:u32,d4:u32,dv4:u32,scale:f32,causal:u32,shift:i32,rows:u32,row_offset:u32,ms_b:u32,ms_h:u32,ms_i:u32,ms_j:u32,mask_offset:u32,o_offset:u32,lse_offset:u32,q_tiles:u32,tqp:u32,tkp:u32,qs_lo:u32,ks_lo:u32,vs_lo:u32
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
  o_offset: u32,
  lse_offset: u32,
  q_tiles: u32,
  tqp: u32,
  tkp: u32,
  qs_lo: u32,
  ks_lo: u32,
  vs_lo: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> mask: array<u32>;
fn mask_get(i: u32) -> bool { let j = u.mask_offset + i; return ((mask[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read_write> o: array<f32>;
fn o_get(i: u32) -> f32 { return o[u.o_offset + i]; }
fn o_set(i: u32, v: f32) { o[u.o_offset + i] = v; }
@group(0) @binding(3) var<storage, read_write> lse: array<f32>;
fn lse_get(i: u32) -> f32 { return lse[u.lse_offset + i]; }
fn lse_set(i: u32, v: f32) { lse[u.lse_offset + i] = v; }
@group(0) @binding(4) var<storage, read_write> qs: array<f16>;
@group(0) @binding(5) var<storage, read_write> ks: array<vec4<u32>>;
@group(0) @binding(6) var<storage, read_write> vs: array<vec4<u32>>;

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
var<workgroup> s_s: array<f32, 2560>;

var<workgroup> p_hi: array<f16, 3072>;
var<workgroup> stat_s: array<vec2<f32>, 256>;
// Called in uniform control flow only.
fn pair_other(x: f32, lid: u32) -> f32 {
  workgroupBarrier();
  stat_s[lid] = vec2<f32>(x, 0.0);
  workgroupBarrier();
  return stat_s[lid ^ 1u].x;
}
var<workgroup> k_tile_hi: array<f16, 1152>;
var<workgroup> v_tile_hi: array<f16, 1152>;
// Four words, not one: on an H100 (driver 580.159) a 4-byte workgroup variable here left the
// staged k and v tiles misaligned for the subgroup-matrix loads, which then read the first two
// halves of every row wrong. Every workgroup array of these kernels is a multiple of 16 bytes.
var<workgroup> raise_flag: array<atomic<u32>, 4>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32, @builtin(subgroup_id) sg_id: u32) {
  let sid = sg_id;
  let wg = linear_workgroup(wid, nwg);
  let bh = wg / u.q_tiles;
  if (bh >= u.bh) { return; }
  let i0 = (u.q_tiles - 1u - wg % u.q_tiles) * 128u;
  let key_end = last_key(min(u.tq, i0 + 128u) - 1u);
  let q_at = (bh * u.tqp + i0 + sid * 16u) * 64u;
  let k_at = bh * u.tkp * 64u;
  let v_at = bh * u.tkp * 64u;
  let m_base = mask_base(bh);
  // This invocation's row, and which 8 keys of each tile it reads.
  let lane = lid % 32u;
  let lr = lane / 2u;
  let part = lane % 2u;
  let row = i0 + sid * 16u + lr;
  let limit = select(0u, last_key(row), row < u.tq);
  
  let q_hi_0_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 0u, false, 64u);
  let q_hi_0_1 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 16u, false, 64u);
  let q_hi_0_2 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 32u, false, 64u);
  let q_hi_0_3 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&qs, q_at + 48u, false, 64u);
  var acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();

  var m = NEG_BIG;
  var l = 0.0;
  var acc_o_0_0 = subgroup_matrix_result<f32, 16, 16>();
  var acc_o_0_1 = subgroup_matrix_result<f32, 16, 16>();
  var acc_o_0_2 = subgroup_matrix_result<f32, 16, 16>();
  var acc_o_0_3 = subgroup_matrix_result<f32, 16, 16>();
  for (var j0 = 0u; j0 < key_end; j0 += 16u) {
    for (var ce = lid; ce < 128u; ce += 256u) {
      let cr = ce / 8u;
      let cc = (ce % 8u) * 8u;
      let w = ks[((bh * u.tkp + j0 + cr) * 64u + cc) / 8u];
      let at = cr * 72u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); k_tile_hi[at + 0u] = h0.x; k_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); k_tile_hi[at + 2u] = h1.x; k_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); k_tile_hi[at + 4u] = h2.x; k_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); k_tile_hi[at + 6u] = h3.x; k_tile_hi[at + 7u] = h3.y;
    }
    for (var ce = lid; ce < 128u; ce += 256u) {
      let cr = ce / 8u;
      let cc = (ce % 8u) * 8u;
      let w = vs[((bh * u.tkp + j0 + cr) * 64u + cc) / 8u];
      let at = cr * 72u + cc;
      let h0 = bitcast<vec2<f16>>(w[0]); v_tile_hi[at + 0u] = h0.x; v_tile_hi[at + 1u] = h0.y; let h1 = bitcast<vec2<f16>>(w[1]); v_tile_hi[at + 2u] = h1.x; v_tile_hi[at + 3u] = h1.y; let h2 = bitcast<vec2<f16>>(w[2]); v_tile_hi[at + 4u] = h2.x; v_tile_hi[at + 5u] = h2.y; let h3 = bitcast<vec2<f16>>(w[3]); v_tile_hi[at + 6u] = h3.x; v_tile_hi[at + 7u] = h3.y;
    }
    workgroupBarrier();
    acc_s_0_0 = subgroup_matrix_result<f32, 16, 16>();
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 0u, true, 72u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_0, k_hi_0, acc_s_0_0);
    }
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 16u, true, 72u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_1, k_hi_0, acc_s_0_0);
    }
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 32u, true, 72u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_2, k_hi_0, acc_s_0_0);
    }
    {
      let k_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&k_tile_hi, 48u, true, 72u);
      acc_s_0_0 = subgroupMatrixMultiplyAccumulate(q_hi_0_3, k_hi_0, acc_s_0_0);
    }
    subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_s_0_0, false, 20u);
    workgroupBarrier();
    var tmax = NEG_BIG;
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      if (allowed(m_base, limit, row, j0 + col)) { tmax = max(tmax, s_s[sid * 320u + lr * 20u + col]); }
    }
    if (tmax > m + 8.0) { atomicStore(&raise_flag[0], 1u); }
    let raise = workgroupUniformLoad(&raise_flag[0]);
    var alpha = 1.0;
    if (raise != 0u) {
      let row_max = max(tmax, pair_other(tmax, lid));
      let m_new = max(m, row_max);
      alpha = exp(m - m_new);
      l *= alpha;
      m = m_new;
    }
    for (var c = 0u; c < 8u; c++) {
      let col = part * 8u + c;
      let j = j0 + col;
      var pz = 0.0;
      if (allowed(m_base, limit, row, j)) {
        let p = exp(s_s[sid * 320u + lr * 20u + col] - m);
        l += p;
        pz = p;
      }
      let ph = stage_hi(pz);
      p_hi[sid * 384u + lr * 24u + col] = ph;
      
    }
    if (raise != 0u) {
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_0 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_1, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 16u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_1 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_2, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 32u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_2 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
      workgroupBarrier();
      subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_3, false, 20u);
      workgroupBarrier();
      for (var c = 0u; c < 8u; c++) { let col = 48u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; s_s[at] *= alpha; }
      workgroupBarrier();
      acc_o_0_3 = subgroupMatrixLoad<subgroup_matrix_result<f32, 16, 16>>(&s_s, sid * 320u + 0u, false, 20u);
    }
    workgroupBarrier();
    // Every invocation has read the flag (before the barrier above); the next tile sets it after two more.
    if (lid == 0u) { atomicStore(&raise_flag[0], 0u); }
    {
      let p_hi_0 = subgroupMatrixLoad<subgroup_matrix_left<f16, 16, 16>>(&p_hi, sid * 384u + 0u, false, 24u);
      let v_hi_0 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 0u, false, 72u);
      let v_hi_1 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 16u, false, 72u);
      let v_hi_2 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 32u, false, 72u);
      let v_hi_3 = subgroupMatrixLoad<subgroup_matrix_right<f16, 16, 16>>(&v_tile_hi, 48u, false, 72u);
      acc_o_0_0 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_0, acc_o_0_0);
      acc_o_0_1 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_1, acc_o_0_1);
      acc_o_0_2 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_2, acc_o_0_2);
      acc_o_0_3 = subgroupMatrixMultiplyAccumulate(p_hi_0, v_hi_3, acc_o_0_3);
    }
    workgroupBarrier();
  }
  // Both halves of each row share m: their sums add.
  let ll = l + pair_other(l, lid);
  let lse_row = select(-f32_inf(), m + log(ll), ll > 0.0);
  if (part == 0u && row < u.tq) { lse_set(bh * u.tq + row, lse_row); }
  let o_norm = select(0.0, 1.0 / ll, ll > 0.0);
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_0, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 0u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_1, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 16u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_2, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 32u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
  workgroupBarrier();
  subgroupMatrixStore(&s_s, sid * 320u + 0u, acc_o_0_3, false, 20u);
  workgroupBarrier();
  if (row < u.tq) { for (var c = 0u; c < 8u; c++) { let col = 48u + part * 8u + c; let at = sid * 320u + lr * 20u + part * 8u + c; if (col < u.dv) { o_set((bh * u.tq + row) * u.dv + col, s_s[at] * o_norm); } } }
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
