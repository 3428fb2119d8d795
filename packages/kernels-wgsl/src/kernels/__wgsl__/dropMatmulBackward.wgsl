// ---- dropMatmul-ds:dropout|g:f32:read,v:f32:read,ds:f32:read_write|g_offset:u32,v_offset:u32,ds_offset:u32,k_cols:u32,rows:u32,row_offset:u32,seed_lo:u32,seed_hi:u32,offset_lo:u32,offset_hi:u32,threshold:u32,keep_scale:f32,drop_cols:u32,batch:u32,m:u32,n:u32,inner:u32
struct Uniforms {
  g_offset: u32,
  v_offset: u32,
  ds_offset: u32,
  k_cols: u32,
  rows: u32,
  row_offset: u32,
  seed_lo: u32,
  seed_hi: u32,
  offset_lo: u32,
  offset_hi: u32,
  threshold: u32,
  keep_scale: f32,
  drop_cols: u32,
  batch: u32,
  m: u32,
  n: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(2) var<storage, read> v: array<f32>;
fn v_get(i: u32) -> f32 { return v[u.v_offset + i]; }
@group(0) @binding(3) var<storage, read_write> ds: array<f32>;
fn ds_get(i: u32) -> f32 { return ds[u.ds_offset + i]; }
fn ds_set(i: u32, v: f32) { ds[u.ds_offset + i] = v; }

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
var<workgroup> a_tile: array<f32, 1024>;
var<workgroup> b_tile: array<f32, 1024>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let tiles_m = (u.m + 63u) / 64u;
  let tiles_n = (u.n + 63u) / 64u;
  let wg = linear_workgroup(wid, nwg);
  let mat = wg / (tiles_m * tiles_n);
  if (mat >= u.batch) { return; }
  let rest = wg % (tiles_m * tiles_n);
  let row0 = (rest / tiles_n) * 64u;
  let col0 = (rest % tiles_n) * 64u;
  let tx = lid % 16u;
  let ty = lid / 16u;
  var acc: array<f32, 16>;
  for (var k0 = 0u; k0 < u.inner; k0 += 16u) {
    {
      let r = lid / 4u;
      let t4 = (lid % 4u) * 4u;
    var gv = vec4<f32>();
    if (row0 + r < u.m) {
      for (var q = 0u; q < 4u; q++) {
        if (k0 + t4 + q < u.k_cols) { gv[q] = g_get((mat * u.m + row0 + r) * u.k_cols + k0 + t4 + q); }
      }
    }
      for (var q = 0u; q < 4u; q++) { a_tile[r * 16u + t4 + q] = gv[q]; }
    }
    {
      let c = lid / 4u;
      let t4 = (lid % 4u) * 4u;
    var vv = vec4<f32>();
    if (col0 + c < u.n) {
      for (var q = 0u; q < 4u; q++) {
        if (k0 + t4 + q < u.k_cols) { vv[q] = v_get((mat * u.n + col0 + c) * u.k_cols + k0 + t4 + q); }
      }
    }
      for (var q = 0u; q < 4u; q++) { b_tile[(t4 + q) * 64u + c] = vv[q]; }
    }
    workgroupBarrier();
    for (var t = 0u; t < 16u; t++) {
      let a = vec4<f32>(a_tile[(ty * 4u) * 16u + t], a_tile[(ty * 4u + 1u) * 16u + t], a_tile[(ty * 4u + 2u) * 16u + t], a_tile[(ty * 4u + 3u) * 16u + t]);
      let bv = vec4<f32>(b_tile[t * 64u + tx * 4u], b_tile[t * 64u + tx * 4u + 1u], b_tile[t * 64u + tx * 4u + 2u], b_tile[t * 64u + tx * 4u + 3u]);
      for (var r = 0u; r < 4u; r++) {
        acc[r * 4u] += a[r] * bv.x;
        acc[r * 4u + 1u] += a[r] * bv.y;
        acc[r * 4u + 2u] += a[r] * bv.z;
        acc[r * 4u + 3u] += a[r] * bv.w;
      }
    }
    workgroupBarrier();
  }
  for (var r = 0u; r < 4u; r++) {
    let i = row0 + ty * 4u + r;
    let j = col0 + tx * 4u;
    if (i >= u.m) { continue; }
    let z = drop_scale4(mat * u.rows + u.row_offset + i, j);
    for (var c = 0u; c < 4u; c++) {
      if (j + c < u.n) { ds_set((mat * u.m + i) * u.n + j + c, acc[r * 4u + c] * z[c]); }
    }
  }
}

// ---- dropMatmul-ds:plain|g:f32:read,v:f32:read,ds:f32:read_write|g_offset:u32,v_offset:u32,ds_offset:u32,k_cols:u32,rows:u32,row_offset:u32,batch:u32,m:u32,n:u32,inner:u32
struct Uniforms {
  g_offset: u32,
  v_offset: u32,
  ds_offset: u32,
  k_cols: u32,
  rows: u32,
  row_offset: u32,
  batch: u32,
  m: u32,
  n: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(2) var<storage, read> v: array<f32>;
fn v_get(i: u32) -> f32 { return v[u.v_offset + i]; }
@group(0) @binding(3) var<storage, read_write> ds: array<f32>;
fn ds_get(i: u32) -> f32 { return ds[u.ds_offset + i]; }
fn ds_set(i: u32, v: f32) { ds[u.ds_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

var<workgroup> a_tile: array<f32, 1024>;
var<workgroup> b_tile: array<f32, 1024>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let tiles_m = (u.m + 63u) / 64u;
  let tiles_n = (u.n + 63u) / 64u;
  let wg = linear_workgroup(wid, nwg);
  let mat = wg / (tiles_m * tiles_n);
  if (mat >= u.batch) { return; }
  let rest = wg % (tiles_m * tiles_n);
  let row0 = (rest / tiles_n) * 64u;
  let col0 = (rest % tiles_n) * 64u;
  let tx = lid % 16u;
  let ty = lid / 16u;
  var acc: array<f32, 16>;
  for (var k0 = 0u; k0 < u.inner; k0 += 16u) {
    {
      let r = lid / 4u;
      let t4 = (lid % 4u) * 4u;
    var gv = vec4<f32>();
    if (row0 + r < u.m) {
      for (var q = 0u; q < 4u; q++) {
        if (k0 + t4 + q < u.k_cols) { gv[q] = g_get((mat * u.m + row0 + r) * u.k_cols + k0 + t4 + q); }
      }
    }
      for (var q = 0u; q < 4u; q++) { a_tile[r * 16u + t4 + q] = gv[q]; }
    }
    {
      let c = lid / 4u;
      let t4 = (lid % 4u) * 4u;
    var vv = vec4<f32>();
    if (col0 + c < u.n) {
      for (var q = 0u; q < 4u; q++) {
        if (k0 + t4 + q < u.k_cols) { vv[q] = v_get((mat * u.n + col0 + c) * u.k_cols + k0 + t4 + q); }
      }
    }
      for (var q = 0u; q < 4u; q++) { b_tile[(t4 + q) * 64u + c] = vv[q]; }
    }
    workgroupBarrier();
    for (var t = 0u; t < 16u; t++) {
      let a = vec4<f32>(a_tile[(ty * 4u) * 16u + t], a_tile[(ty * 4u + 1u) * 16u + t], a_tile[(ty * 4u + 2u) * 16u + t], a_tile[(ty * 4u + 3u) * 16u + t]);
      let bv = vec4<f32>(b_tile[t * 64u + tx * 4u], b_tile[t * 64u + tx * 4u + 1u], b_tile[t * 64u + tx * 4u + 2u], b_tile[t * 64u + tx * 4u + 3u]);
      for (var r = 0u; r < 4u; r++) {
        acc[r * 4u] += a[r] * bv.x;
        acc[r * 4u + 1u] += a[r] * bv.y;
        acc[r * 4u + 2u] += a[r] * bv.z;
        acc[r * 4u + 3u] += a[r] * bv.w;
      }
    }
    workgroupBarrier();
  }
  for (var r = 0u; r < 4u; r++) {
    let i = row0 + ty * 4u + r;
    let j = col0 + tx * 4u;
    if (i >= u.m) { continue; }
    let z = vec4<f32>(1.0);
    for (var c = 0u; c < 4u; c++) {
      if (j + c < u.n) { ds_set((mat * u.m + i) * u.n + j + c, acc[r * 4u + c] * z[c]); }
    }
  }
}

// ---- dropMatmul-dv:dropout|s:f32:read,g:f32:read,dv:f32:read_write|s_offset:u32,g_offset:u32,dv_offset:u32,s_rows:u32,s_cols:u32,k_cols:u32,rows:u32,row_offset:u32,seed_lo:u32,seed_hi:u32,offset_lo:u32,offset_hi:u32,threshold:u32,keep_scale:f32,drop_cols:u32,batch:u32,m:u32,n:u32,inner:u32
struct Uniforms {
  s_offset: u32,
  g_offset: u32,
  dv_offset: u32,
  s_rows: u32,
  s_cols: u32,
  k_cols: u32,
  rows: u32,
  row_offset: u32,
  seed_lo: u32,
  seed_hi: u32,
  offset_lo: u32,
  offset_hi: u32,
  threshold: u32,
  keep_scale: f32,
  drop_cols: u32,
  batch: u32,
  m: u32,
  n: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> s: array<f32>;
fn s_get(i: u32) -> f32 { return s[u.s_offset + i]; }
@group(0) @binding(2) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(3) var<storage, read_write> dv: array<f32>;
fn dv_get(i: u32) -> f32 { return dv[u.dv_offset + i]; }
fn dv_set(i: u32, v: f32) { dv[u.dv_offset + i] = v; }

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
var<workgroup> a_tile: array<f32, 1024>;
var<workgroup> b_tile: array<f32, 1024>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let tiles_m = (u.m + 63u) / 64u;
  let tiles_n = (u.n + 63u) / 64u;
  let wg = linear_workgroup(wid, nwg);
  let mat = wg / (tiles_m * tiles_n);
  if (mat >= u.batch) { return; }
  let rest = wg % (tiles_m * tiles_n);
  let row0 = (rest / tiles_n) * 64u;
  let col0 = (rest % tiles_n) * 64u;
  let tx = lid % 16u;
  let ty = lid / 16u;
  var acc: array<f32, 16>;
  for (var k0 = 0u; k0 < u.inner; k0 += 16u) {
    {
      let t = lid / 16u;
      let r4 = (lid % 16u) * 4u;
    var sv = vec4<f32>();
    if (k0 + t < u.s_rows) {
      for (var q = 0u; q < 4u; q++) {
        if (row0 + r4 + q < u.s_cols) { sv[q] = s_get((mat * u.s_rows + k0 + t) * u.s_cols + row0 + r4 + q); }
      }
    }
      let z = drop_scale4(mat * u.rows + u.row_offset + k0 + t, row0 + r4);
      for (var q = 0u; q < 4u; q++) { a_tile[(r4 + q) * 16u + t] = sv[q] * z[q]; }
    }
    {
      let t = lid / 16u;
      let c4 = (lid % 16u) * 4u;
    var gv = vec4<f32>();
    if (k0 + t < u.s_rows) {
      for (var q = 0u; q < 4u; q++) {
        if (col0 + c4 + q < u.k_cols) { gv[q] = g_get((mat * u.s_rows + k0 + t) * u.k_cols + col0 + c4 + q); }
      }
    }
      for (var q = 0u; q < 4u; q++) { b_tile[t * 64u + c4 + q] = gv[q]; }
    }
    workgroupBarrier();
    for (var t = 0u; t < 16u; t++) {
      let a = vec4<f32>(a_tile[(ty * 4u) * 16u + t], a_tile[(ty * 4u + 1u) * 16u + t], a_tile[(ty * 4u + 2u) * 16u + t], a_tile[(ty * 4u + 3u) * 16u + t]);
      let bv = vec4<f32>(b_tile[t * 64u + tx * 4u], b_tile[t * 64u + tx * 4u + 1u], b_tile[t * 64u + tx * 4u + 2u], b_tile[t * 64u + tx * 4u + 3u]);
      for (var r = 0u; r < 4u; r++) {
        acc[r * 4u] += a[r] * bv.x;
        acc[r * 4u + 1u] += a[r] * bv.y;
        acc[r * 4u + 2u] += a[r] * bv.z;
        acc[r * 4u + 3u] += a[r] * bv.w;
      }
    }
    workgroupBarrier();
  }
  for (var r = 0u; r < 4u; r++) {
    let i = row0 + ty * 4u + r;
    let j = col0 + tx * 4u;
    if (i >= u.m) { continue; }
    let z = vec4<f32>(1.0);
    for (var c = 0u; c < 4u; c++) {
      if (j + c < u.n) { dv_set((mat * u.m + i) * u.n + j + c, acc[r * 4u + c] * z[c]); }
    }
  }
}

// ---- dropMatmul-dv:plain|s:f32:read,g:f32:read,dv:f32:read_write|s_offset:u32,g_offset:u32,dv_offset:u32,s_rows:u32,s_cols:u32,k_cols:u32,rows:u32,row_offset:u32,batch:u32,m:u32,n:u32,inner:u32
struct Uniforms {
  s_offset: u32,
  g_offset: u32,
  dv_offset: u32,
  s_rows: u32,
  s_cols: u32,
  k_cols: u32,
  rows: u32,
  row_offset: u32,
  batch: u32,
  m: u32,
  n: u32,
  inner: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> s: array<f32>;
fn s_get(i: u32) -> f32 { return s[u.s_offset + i]; }
@group(0) @binding(2) var<storage, read> g: array<f32>;
fn g_get(i: u32) -> f32 { return g[u.g_offset + i]; }
@group(0) @binding(3) var<storage, read_write> dv: array<f32>;
fn dv_get(i: u32) -> f32 { return dv[u.dv_offset + i]; }
fn dv_set(i: u32, v: f32) { dv[u.dv_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

var<workgroup> a_tile: array<f32, 1024>;
var<workgroup> b_tile: array<f32, 1024>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let tiles_m = (u.m + 63u) / 64u;
  let tiles_n = (u.n + 63u) / 64u;
  let wg = linear_workgroup(wid, nwg);
  let mat = wg / (tiles_m * tiles_n);
  if (mat >= u.batch) { return; }
  let rest = wg % (tiles_m * tiles_n);
  let row0 = (rest / tiles_n) * 64u;
  let col0 = (rest % tiles_n) * 64u;
  let tx = lid % 16u;
  let ty = lid / 16u;
  var acc: array<f32, 16>;
  for (var k0 = 0u; k0 < u.inner; k0 += 16u) {
    {
      let t = lid / 16u;
      let r4 = (lid % 16u) * 4u;
    var sv = vec4<f32>();
    if (k0 + t < u.s_rows) {
      for (var q = 0u; q < 4u; q++) {
        if (row0 + r4 + q < u.s_cols) { sv[q] = s_get((mat * u.s_rows + k0 + t) * u.s_cols + row0 + r4 + q); }
      }
    }
      let z = vec4<f32>(1.0);
      for (var q = 0u; q < 4u; q++) { a_tile[(r4 + q) * 16u + t] = sv[q] * z[q]; }
    }
    {
      let t = lid / 16u;
      let c4 = (lid % 16u) * 4u;
    var gv = vec4<f32>();
    if (k0 + t < u.s_rows) {
      for (var q = 0u; q < 4u; q++) {
        if (col0 + c4 + q < u.k_cols) { gv[q] = g_get((mat * u.s_rows + k0 + t) * u.k_cols + col0 + c4 + q); }
      }
    }
      for (var q = 0u; q < 4u; q++) { b_tile[t * 64u + c4 + q] = gv[q]; }
    }
    workgroupBarrier();
    for (var t = 0u; t < 16u; t++) {
      let a = vec4<f32>(a_tile[(ty * 4u) * 16u + t], a_tile[(ty * 4u + 1u) * 16u + t], a_tile[(ty * 4u + 2u) * 16u + t], a_tile[(ty * 4u + 3u) * 16u + t]);
      let bv = vec4<f32>(b_tile[t * 64u + tx * 4u], b_tile[t * 64u + tx * 4u + 1u], b_tile[t * 64u + tx * 4u + 2u], b_tile[t * 64u + tx * 4u + 3u]);
      for (var r = 0u; r < 4u; r++) {
        acc[r * 4u] += a[r] * bv.x;
        acc[r * 4u + 1u] += a[r] * bv.y;
        acc[r * 4u + 2u] += a[r] * bv.z;
        acc[r * 4u + 3u] += a[r] * bv.w;
      }
    }
    workgroupBarrier();
  }
  for (var r = 0u; r < 4u; r++) {
    let i = row0 + ty * 4u + r;
    let j = col0 + tx * 4u;
    if (i >= u.m) { continue; }
    let z = vec4<f32>(1.0);
    for (var c = 0u; c < 4u; c++) {
      if (j + c < u.n) { dv_set((mat * u.m + i) * u.n + j + c, acc[r * 4u + c] * z[c]); }
    }
  }
}
