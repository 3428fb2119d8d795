/**
 * Philox4x32-10 in WGSL, written once for every kernel that draws random numbers (random.ts,
 * attention-dropout.ts), bit-identical to tensor-core's rng/philox.ts: key = the seed's two halves,
 * counter = (block_lo, block_hi, offset_lo, offset_hi). WGSL has no 64-bit multiply, so the high
 * word of each 32×32 product is assembled from 16-bit halves, as `mulhi32` does on the CPU.
 *
 *   philox4x32_10(key, counter)  the ten rounds;
 *   philox4x32(seed_lo, seed_hi, block, offset_lo, offset_hi)  a 32-bit block number (block_hi = 0).
 */
export const WGSL_PHILOX = /* wgsl */ `
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
}`;
