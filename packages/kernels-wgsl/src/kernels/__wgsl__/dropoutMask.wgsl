// ---- dropoutMask|keep:bool:read_write|keep_offset:u32,seed_lo:u32,seed_hi:u32,offset_lo:u32,offset_hi:u32,threshold:u32,n:u32
struct Uniforms {
  keep_offset: u32,
  seed_lo: u32,
  seed_hi: u32,
  offset_lo: u32,
  offset_hi: u32,
  threshold: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> keep: array<atomic<u32>>;
fn keep_get(i: u32) -> bool { let j = u.keep_offset + i; return ((atomicLoad(&keep[j >> 2u]) >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
fn keep_set(i: u32, v: bool) {
  let j = u.keep_offset + i;
  let shift = (j & 3u) * 8u;
  atomicAnd(&keep[j >> 2u], ~(0xffu << shift));
  if (v) { atomicOr(&keep[j >> 2u], 1u << shift); }
}

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

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let block = linear_workgroup(wid, nwg) * 64u + lid;
  let first = block * 4u;
  if (first >= u.n) { return; }
  let words = philox4x32(u.seed_lo, u.seed_hi, block, u.offset_lo, u.offset_hi);
  for (var j = 0u; j < 4u && first + j < u.n; j++) {
    keep_set(first + j, (words[j] >> 8u) >= u.threshold);
  }
}
