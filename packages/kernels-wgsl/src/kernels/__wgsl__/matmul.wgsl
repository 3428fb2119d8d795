// ---- matmul:32x32x16:4x4:g8:NN:111|m:u32,n:u32,k:u32,a_offset:u32,b_offset:u32,c_offset:u32,tiles_m:u32,tiles_n:u32,tiles_total:u32,batch_rank:u32,batch_shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  m: u32,
  n: u32,
  k: u32,
  a_offset: u32,
  b_offset: u32,
  c_offset: u32,
  tiles_m: u32,
  tiles_n: u32,
  tiles_total: u32,
  batch_rank: u32,
  batch_shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
// Staged tiles, double-buffered, laid out [buffer][k][row] with 4 floats of padding per k-line.
var<workgroup> a_s: array<vec4<f32>, 288>;
var<workgroup> b_s: array<vec4<f32>, 288>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  if (wg >= u.tiles_total) { return; }
  let per_batch = u.tiles_m * u.tiles_n;
  let batch = wg / per_batch;
  let t = wg % per_batch;
  let group_first = (t / (8u * u.tiles_n)) * 8u;
  let group_rows = min(u.tiles_m - group_first, 8u);
  let within = t % (8u * u.tiles_n);
  let m0 = (group_first + within % group_rows) * 32u;
  let n0 = (within / group_rows) * 32u;

  // Broadcast batch dimensions: strides (in elements) are 0 where an operand is stretched.
  var a_base = u.a_offset;
  var b_base = u.b_offset;
  var rest = batch;
  for (var d = i32(u.batch_rank) - 1; d >= 0; d--) {
    let size = u.batch_shape[u32(d) >> 2u][u32(d) & 3u];
    let index = rest % size;
    rest = rest / size;
    a_base += index * u.a_strides[u32(d) >> 2u][u32(d) & 3u];
    b_base += index * u.b_strides[u32(d) >> 2u][u32(d) & 3u];
  }
  let c_base = u.c_offset + batch * u.m * u.n;
  let tx = lid % 8u;
  let ty = lid / 8u;
  var acc_0_0 = vec4<f32>(0.0);
  var acc_1_0 = vec4<f32>(0.0);
  var acc_2_0 = vec4<f32>(0.0);
  var acc_3_0 = vec4<f32>(0.0);
  var a_reg0 = vec4<f32>(0.0);
  var a_reg1 = vec4<f32>(0.0);
  var b_reg0 = vec4<f32>(0.0);
  var b_reg1 = vec4<f32>(0.0);

  // Register prefetch + two staging buffers: tile t+1 is fetched from global memory while tile t is
  // multiplied, and one barrier per k-tile suffices (a buffer is only rewritten a full step later).
  let k_tiles = (u.k + 15u) / 16u;
  if (k_tiles > 0u) {
    {
    let gr = m0 + (lid + 0u) / 4u;
    let gk = 0u + ((lid + 0u) % 4u) * 4u;
    a_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.m && gk + e < u.k) { a_reg0[e] = a[a_base + gr * u.k + gk + e]; } }
    }
    {
    let gr = m0 + (lid + 64u) / 4u;
    let gk = 0u + ((lid + 64u) % 4u) * 4u;
    a_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.m && gk + e < u.k) { a_reg1[e] = a[a_base + gr * u.k + gk + e]; } }
    }
    {
    let gr = n0 + ((lid + 0u) % 8u) * 4u;
    let gk = 0u + (lid + 0u) / 8u;
    b_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.n) { b_reg0[e] = b[b_base + gk * u.n + gr + e]; } }
    }
    {
    let gr = n0 + ((lid + 64u) % 8u) * 4u;
    let gk = 0u + (lid + 64u) / 8u;
    b_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.n) { b_reg1[e] = b[b_base + gk * u.n + gr + e]; } }
    }
    {
    for (var e = 0u; e < 4u; e++) { a_s[(0u) * 144u + (((lid + 0u) % 4u) * 4u + e) * 9u + ((lid + 0u) / 4u) / 4u][((lid + 0u) / 4u) % 4u] = a_reg0[e]; }
    }
    {
    for (var e = 0u; e < 4u; e++) { a_s[(0u) * 144u + (((lid + 64u) % 4u) * 4u + e) * 9u + ((lid + 64u) / 4u) / 4u][((lid + 64u) / 4u) % 4u] = a_reg1[e]; }
    }
    {
    b_s[(0u) * 144u + ((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = b_reg0;
    }
    {
    b_s[(0u) * 144u + ((lid + 64u) / 8u) * 9u + (lid + 64u) % 8u] = b_reg1;
    }
  }
  workgroupBarrier();
  for (var kt = 0u; kt < k_tiles; kt++) {
    let cur = kt & 1u;
    let has_next = kt + 1u < k_tiles;
    if (has_next) {
      let k0 = (kt + 1u) * 16u;
      {
    let gr = m0 + (lid + 0u) / 4u;
    let gk = k0 + ((lid + 0u) % 4u) * 4u;
    a_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.m && gk + e < u.k) { a_reg0[e] = a[a_base + gr * u.k + gk + e]; } }
    }
    {
    let gr = m0 + (lid + 64u) / 4u;
    let gk = k0 + ((lid + 64u) % 4u) * 4u;
    a_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.m && gk + e < u.k) { a_reg1[e] = a[a_base + gr * u.k + gk + e]; } }
    }
      {
    let gr = n0 + ((lid + 0u) % 8u) * 4u;
    let gk = k0 + (lid + 0u) / 8u;
    b_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.n) { b_reg0[e] = b[b_base + gk * u.n + gr + e]; } }
    }
    {
    let gr = n0 + ((lid + 64u) % 8u) * 4u;
    let gk = k0 + (lid + 64u) / 8u;
    b_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.n) { b_reg1[e] = b[b_base + gk * u.n + gr + e]; } }
    }
    }
    let ab = cur * 144u;
    let bb = cur * 144u;
    for (var kk = 0u; kk < 16u; kk++) {
      let a_0 = a_s[ab + kk * 9u + 0u + ty];
      let b_0 = b_s[bb + kk * 9u + 0u + tx];
      acc_0_0 = fma(vec4<f32>(a_0[0]), b_0, acc_0_0);
      acc_1_0 = fma(vec4<f32>(a_0[1]), b_0, acc_1_0);
      acc_2_0 = fma(vec4<f32>(a_0[2]), b_0, acc_2_0);
      acc_3_0 = fma(vec4<f32>(a_0[3]), b_0, acc_3_0);
    }
    if (has_next) {
      {
    for (var e = 0u; e < 4u; e++) { a_s[(1u - cur) * 144u + (((lid + 0u) % 4u) * 4u + e) * 9u + ((lid + 0u) / 4u) / 4u][((lid + 0u) / 4u) % 4u] = a_reg0[e]; }
    }
    {
    for (var e = 0u; e < 4u; e++) { a_s[(1u - cur) * 144u + (((lid + 64u) % 4u) * 4u + e) * 9u + ((lid + 64u) / 4u) / 4u][((lid + 64u) / 4u) % 4u] = a_reg1[e]; }
    }
      {
    b_s[(1u - cur) * 144u + ((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = b_reg0;
    }
    {
    b_s[(1u - cur) * 144u + ((lid + 64u) / 8u) * 9u + (lid + 64u) % 8u] = b_reg1;
    }
    }
    workgroupBarrier();
  }
  var row = 0u;
  row = m0 + 0u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_0_0[e]; } }
  row = m0 + 1u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_1_0[e]; } }
  row = m0 + 2u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_2_0[e]; } }
  row = m0 + 3u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_3_0[e]; } }
}

// ---- matmul:32x32x16:4x4:g8:NT:111|m:u32,n:u32,k:u32,a_offset:u32,b_offset:u32,c_offset:u32,tiles_m:u32,tiles_n:u32,tiles_total:u32,batch_rank:u32,batch_shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  m: u32,
  n: u32,
  k: u32,
  a_offset: u32,
  b_offset: u32,
  c_offset: u32,
  tiles_m: u32,
  tiles_n: u32,
  tiles_total: u32,
  batch_rank: u32,
  batch_shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
// Staged tiles, double-buffered, laid out [buffer][k][row] with 4 floats of padding per k-line.
var<workgroup> a_s: array<vec4<f32>, 288>;
var<workgroup> b_s: array<vec4<f32>, 288>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  if (wg >= u.tiles_total) { return; }
  let per_batch = u.tiles_m * u.tiles_n;
  let batch = wg / per_batch;
  let t = wg % per_batch;
  let group_first = (t / (8u * u.tiles_n)) * 8u;
  let group_rows = min(u.tiles_m - group_first, 8u);
  let within = t % (8u * u.tiles_n);
  let m0 = (group_first + within % group_rows) * 32u;
  let n0 = (within / group_rows) * 32u;

  // Broadcast batch dimensions: strides (in elements) are 0 where an operand is stretched.
  var a_base = u.a_offset;
  var b_base = u.b_offset;
  var rest = batch;
  for (var d = i32(u.batch_rank) - 1; d >= 0; d--) {
    let size = u.batch_shape[u32(d) >> 2u][u32(d) & 3u];
    let index = rest % size;
    rest = rest / size;
    a_base += index * u.a_strides[u32(d) >> 2u][u32(d) & 3u];
    b_base += index * u.b_strides[u32(d) >> 2u][u32(d) & 3u];
  }
  let c_base = u.c_offset + batch * u.m * u.n;
  let tx = lid % 8u;
  let ty = lid / 8u;
  var acc_0_0 = vec4<f32>(0.0);
  var acc_1_0 = vec4<f32>(0.0);
  var acc_2_0 = vec4<f32>(0.0);
  var acc_3_0 = vec4<f32>(0.0);
  var a_reg0 = vec4<f32>(0.0);
  var a_reg1 = vec4<f32>(0.0);
  var b_reg0 = vec4<f32>(0.0);
  var b_reg1 = vec4<f32>(0.0);

  // Register prefetch + two staging buffers: tile t+1 is fetched from global memory while tile t is
  // multiplied, and one barrier per k-tile suffices (a buffer is only rewritten a full step later).
  let k_tiles = (u.k + 15u) / 16u;
  if (k_tiles > 0u) {
    {
    let gr = m0 + (lid + 0u) / 4u;
    let gk = 0u + ((lid + 0u) % 4u) * 4u;
    a_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.m && gk + e < u.k) { a_reg0[e] = a[a_base + gr * u.k + gk + e]; } }
    }
    {
    let gr = m0 + (lid + 64u) / 4u;
    let gk = 0u + ((lid + 64u) % 4u) * 4u;
    a_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.m && gk + e < u.k) { a_reg1[e] = a[a_base + gr * u.k + gk + e]; } }
    }
    {
    let gr = n0 + (lid + 0u) / 4u;
    let gk = 0u + ((lid + 0u) % 4u) * 4u;
    b_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.n && gk + e < u.k) { b_reg0[e] = b[b_base + gr * u.k + gk + e]; } }
    }
    {
    let gr = n0 + (lid + 64u) / 4u;
    let gk = 0u + ((lid + 64u) % 4u) * 4u;
    b_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.n && gk + e < u.k) { b_reg1[e] = b[b_base + gr * u.k + gk + e]; } }
    }
    {
    for (var e = 0u; e < 4u; e++) { a_s[(0u) * 144u + (((lid + 0u) % 4u) * 4u + e) * 9u + ((lid + 0u) / 4u) / 4u][((lid + 0u) / 4u) % 4u] = a_reg0[e]; }
    }
    {
    for (var e = 0u; e < 4u; e++) { a_s[(0u) * 144u + (((lid + 64u) % 4u) * 4u + e) * 9u + ((lid + 64u) / 4u) / 4u][((lid + 64u) / 4u) % 4u] = a_reg1[e]; }
    }
    {
    for (var e = 0u; e < 4u; e++) { b_s[(0u) * 144u + (((lid + 0u) % 4u) * 4u + e) * 9u + ((lid + 0u) / 4u) / 4u][((lid + 0u) / 4u) % 4u] = b_reg0[e]; }
    }
    {
    for (var e = 0u; e < 4u; e++) { b_s[(0u) * 144u + (((lid + 64u) % 4u) * 4u + e) * 9u + ((lid + 64u) / 4u) / 4u][((lid + 64u) / 4u) % 4u] = b_reg1[e]; }
    }
  }
  workgroupBarrier();
  for (var kt = 0u; kt < k_tiles; kt++) {
    let cur = kt & 1u;
    let has_next = kt + 1u < k_tiles;
    if (has_next) {
      let k0 = (kt + 1u) * 16u;
      {
    let gr = m0 + (lid + 0u) / 4u;
    let gk = k0 + ((lid + 0u) % 4u) * 4u;
    a_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.m && gk + e < u.k) { a_reg0[e] = a[a_base + gr * u.k + gk + e]; } }
    }
    {
    let gr = m0 + (lid + 64u) / 4u;
    let gk = k0 + ((lid + 64u) % 4u) * 4u;
    a_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.m && gk + e < u.k) { a_reg1[e] = a[a_base + gr * u.k + gk + e]; } }
    }
      {
    let gr = n0 + (lid + 0u) / 4u;
    let gk = k0 + ((lid + 0u) % 4u) * 4u;
    b_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.n && gk + e < u.k) { b_reg0[e] = b[b_base + gr * u.k + gk + e]; } }
    }
    {
    let gr = n0 + (lid + 64u) / 4u;
    let gk = k0 + ((lid + 64u) % 4u) * 4u;
    b_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.n && gk + e < u.k) { b_reg1[e] = b[b_base + gr * u.k + gk + e]; } }
    }
    }
    let ab = cur * 144u;
    let bb = cur * 144u;
    for (var kk = 0u; kk < 16u; kk++) {
      let a_0 = a_s[ab + kk * 9u + 0u + ty];
      let b_0 = b_s[bb + kk * 9u + 0u + tx];
      acc_0_0 = fma(vec4<f32>(a_0[0]), b_0, acc_0_0);
      acc_1_0 = fma(vec4<f32>(a_0[1]), b_0, acc_1_0);
      acc_2_0 = fma(vec4<f32>(a_0[2]), b_0, acc_2_0);
      acc_3_0 = fma(vec4<f32>(a_0[3]), b_0, acc_3_0);
    }
    if (has_next) {
      {
    for (var e = 0u; e < 4u; e++) { a_s[(1u - cur) * 144u + (((lid + 0u) % 4u) * 4u + e) * 9u + ((lid + 0u) / 4u) / 4u][((lid + 0u) / 4u) % 4u] = a_reg0[e]; }
    }
    {
    for (var e = 0u; e < 4u; e++) { a_s[(1u - cur) * 144u + (((lid + 64u) % 4u) * 4u + e) * 9u + ((lid + 64u) / 4u) / 4u][((lid + 64u) / 4u) % 4u] = a_reg1[e]; }
    }
      {
    for (var e = 0u; e < 4u; e++) { b_s[(1u - cur) * 144u + (((lid + 0u) % 4u) * 4u + e) * 9u + ((lid + 0u) / 4u) / 4u][((lid + 0u) / 4u) % 4u] = b_reg0[e]; }
    }
    {
    for (var e = 0u; e < 4u; e++) { b_s[(1u - cur) * 144u + (((lid + 64u) % 4u) * 4u + e) * 9u + ((lid + 64u) / 4u) / 4u][((lid + 64u) / 4u) % 4u] = b_reg1[e]; }
    }
    }
    workgroupBarrier();
  }
  var row = 0u;
  row = m0 + 0u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_0_0[e]; } }
  row = m0 + 1u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_1_0[e]; } }
  row = m0 + 2u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_2_0[e]; } }
  row = m0 + 3u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_3_0[e]; } }
}

// ---- matmul:32x32x16:4x4:g8:TN:111|m:u32,n:u32,k:u32,a_offset:u32,b_offset:u32,c_offset:u32,tiles_m:u32,tiles_n:u32,tiles_total:u32,batch_rank:u32,batch_shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  m: u32,
  n: u32,
  k: u32,
  a_offset: u32,
  b_offset: u32,
  c_offset: u32,
  tiles_m: u32,
  tiles_n: u32,
  tiles_total: u32,
  batch_rank: u32,
  batch_shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
// Staged tiles, double-buffered, laid out [buffer][k][row] with 4 floats of padding per k-line.
var<workgroup> a_s: array<vec4<f32>, 288>;
var<workgroup> b_s: array<vec4<f32>, 288>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  if (wg >= u.tiles_total) { return; }
  let per_batch = u.tiles_m * u.tiles_n;
  let batch = wg / per_batch;
  let t = wg % per_batch;
  let group_first = (t / (8u * u.tiles_n)) * 8u;
  let group_rows = min(u.tiles_m - group_first, 8u);
  let within = t % (8u * u.tiles_n);
  let m0 = (group_first + within % group_rows) * 32u;
  let n0 = (within / group_rows) * 32u;

  // Broadcast batch dimensions: strides (in elements) are 0 where an operand is stretched.
  var a_base = u.a_offset;
  var b_base = u.b_offset;
  var rest = batch;
  for (var d = i32(u.batch_rank) - 1; d >= 0; d--) {
    let size = u.batch_shape[u32(d) >> 2u][u32(d) & 3u];
    let index = rest % size;
    rest = rest / size;
    a_base += index * u.a_strides[u32(d) >> 2u][u32(d) & 3u];
    b_base += index * u.b_strides[u32(d) >> 2u][u32(d) & 3u];
  }
  let c_base = u.c_offset + batch * u.m * u.n;
  let tx = lid % 8u;
  let ty = lid / 8u;
  var acc_0_0 = vec4<f32>(0.0);
  var acc_1_0 = vec4<f32>(0.0);
  var acc_2_0 = vec4<f32>(0.0);
  var acc_3_0 = vec4<f32>(0.0);
  var a_reg0 = vec4<f32>(0.0);
  var a_reg1 = vec4<f32>(0.0);
  var b_reg0 = vec4<f32>(0.0);
  var b_reg1 = vec4<f32>(0.0);

  // Register prefetch + two staging buffers: tile t+1 is fetched from global memory while tile t is
  // multiplied, and one barrier per k-tile suffices (a buffer is only rewritten a full step later).
  let k_tiles = (u.k + 15u) / 16u;
  if (k_tiles > 0u) {
    {
    let gr = m0 + ((lid + 0u) % 8u) * 4u;
    let gk = 0u + (lid + 0u) / 8u;
    a_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.m) { a_reg0[e] = a[a_base + gk * u.m + gr + e]; } }
    }
    {
    let gr = m0 + ((lid + 64u) % 8u) * 4u;
    let gk = 0u + (lid + 64u) / 8u;
    a_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.m) { a_reg1[e] = a[a_base + gk * u.m + gr + e]; } }
    }
    {
    let gr = n0 + ((lid + 0u) % 8u) * 4u;
    let gk = 0u + (lid + 0u) / 8u;
    b_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.n) { b_reg0[e] = b[b_base + gk * u.n + gr + e]; } }
    }
    {
    let gr = n0 + ((lid + 64u) % 8u) * 4u;
    let gk = 0u + (lid + 64u) / 8u;
    b_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.n) { b_reg1[e] = b[b_base + gk * u.n + gr + e]; } }
    }
    {
    a_s[(0u) * 144u + ((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = a_reg0;
    }
    {
    a_s[(0u) * 144u + ((lid + 64u) / 8u) * 9u + (lid + 64u) % 8u] = a_reg1;
    }
    {
    b_s[(0u) * 144u + ((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = b_reg0;
    }
    {
    b_s[(0u) * 144u + ((lid + 64u) / 8u) * 9u + (lid + 64u) % 8u] = b_reg1;
    }
  }
  workgroupBarrier();
  for (var kt = 0u; kt < k_tiles; kt++) {
    let cur = kt & 1u;
    let has_next = kt + 1u < k_tiles;
    if (has_next) {
      let k0 = (kt + 1u) * 16u;
      {
    let gr = m0 + ((lid + 0u) % 8u) * 4u;
    let gk = k0 + (lid + 0u) / 8u;
    a_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.m) { a_reg0[e] = a[a_base + gk * u.m + gr + e]; } }
    }
    {
    let gr = m0 + ((lid + 64u) % 8u) * 4u;
    let gk = k0 + (lid + 64u) / 8u;
    a_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.m) { a_reg1[e] = a[a_base + gk * u.m + gr + e]; } }
    }
      {
    let gr = n0 + ((lid + 0u) % 8u) * 4u;
    let gk = k0 + (lid + 0u) / 8u;
    b_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.n) { b_reg0[e] = b[b_base + gk * u.n + gr + e]; } }
    }
    {
    let gr = n0 + ((lid + 64u) % 8u) * 4u;
    let gk = k0 + (lid + 64u) / 8u;
    b_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.n) { b_reg1[e] = b[b_base + gk * u.n + gr + e]; } }
    }
    }
    let ab = cur * 144u;
    let bb = cur * 144u;
    for (var kk = 0u; kk < 16u; kk++) {
      let a_0 = a_s[ab + kk * 9u + 0u + ty];
      let b_0 = b_s[bb + kk * 9u + 0u + tx];
      acc_0_0 = fma(vec4<f32>(a_0[0]), b_0, acc_0_0);
      acc_1_0 = fma(vec4<f32>(a_0[1]), b_0, acc_1_0);
      acc_2_0 = fma(vec4<f32>(a_0[2]), b_0, acc_2_0);
      acc_3_0 = fma(vec4<f32>(a_0[3]), b_0, acc_3_0);
    }
    if (has_next) {
      {
    a_s[(1u - cur) * 144u + ((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = a_reg0;
    }
    {
    a_s[(1u - cur) * 144u + ((lid + 64u) / 8u) * 9u + (lid + 64u) % 8u] = a_reg1;
    }
      {
    b_s[(1u - cur) * 144u + ((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = b_reg0;
    }
    {
    b_s[(1u - cur) * 144u + ((lid + 64u) / 8u) * 9u + (lid + 64u) % 8u] = b_reg1;
    }
    }
    workgroupBarrier();
  }
  var row = 0u;
  row = m0 + 0u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_0_0[e]; } }
  row = m0 + 1u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_1_0[e]; } }
  row = m0 + 2u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_2_0[e]; } }
  row = m0 + 3u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_3_0[e]; } }
}

// ---- matmul:32x32x16:4x4:g8:TT:111|m:u32,n:u32,k:u32,a_offset:u32,b_offset:u32,c_offset:u32,tiles_m:u32,tiles_n:u32,tiles_total:u32,batch_rank:u32,batch_shape:u32x8,a_strides:u32x8,b_strides:u32x8
struct Uniforms {
  m: u32,
  n: u32,
  k: u32,
  a_offset: u32,
  b_offset: u32,
  c_offset: u32,
  tiles_m: u32,
  tiles_n: u32,
  tiles_total: u32,
  batch_rank: u32,
  batch_shape: array<vec4<u32>, 2>,
  a_strides: array<vec4<u32>, 2>,
  b_strides: array<vec4<u32>, 2>,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> b: array<f32>;
@group(0) @binding(3) var<storage, read_write> c: array<f32>;

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}
// Staged tiles, double-buffered, laid out [buffer][k][row] with 4 floats of padding per k-line.
var<workgroup> a_s: array<vec4<f32>, 288>;
var<workgroup> b_s: array<vec4<f32>, 288>;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let wg = linear_workgroup(wid, nwg);
  if (wg >= u.tiles_total) { return; }
  let per_batch = u.tiles_m * u.tiles_n;
  let batch = wg / per_batch;
  let t = wg % per_batch;
  let group_first = (t / (8u * u.tiles_n)) * 8u;
  let group_rows = min(u.tiles_m - group_first, 8u);
  let within = t % (8u * u.tiles_n);
  let m0 = (group_first + within % group_rows) * 32u;
  let n0 = (within / group_rows) * 32u;

  // Broadcast batch dimensions: strides (in elements) are 0 where an operand is stretched.
  var a_base = u.a_offset;
  var b_base = u.b_offset;
  var rest = batch;
  for (var d = i32(u.batch_rank) - 1; d >= 0; d--) {
    let size = u.batch_shape[u32(d) >> 2u][u32(d) & 3u];
    let index = rest % size;
    rest = rest / size;
    a_base += index * u.a_strides[u32(d) >> 2u][u32(d) & 3u];
    b_base += index * u.b_strides[u32(d) >> 2u][u32(d) & 3u];
  }
  let c_base = u.c_offset + batch * u.m * u.n;
  let tx = lid % 8u;
  let ty = lid / 8u;
  var acc_0_0 = vec4<f32>(0.0);
  var acc_1_0 = vec4<f32>(0.0);
  var acc_2_0 = vec4<f32>(0.0);
  var acc_3_0 = vec4<f32>(0.0);
  var a_reg0 = vec4<f32>(0.0);
  var a_reg1 = vec4<f32>(0.0);
  var b_reg0 = vec4<f32>(0.0);
  var b_reg1 = vec4<f32>(0.0);

  // Register prefetch + two staging buffers: tile t+1 is fetched from global memory while tile t is
  // multiplied, and one barrier per k-tile suffices (a buffer is only rewritten a full step later).
  let k_tiles = (u.k + 15u) / 16u;
  if (k_tiles > 0u) {
    {
    let gr = m0 + ((lid + 0u) % 8u) * 4u;
    let gk = 0u + (lid + 0u) / 8u;
    a_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.m) { a_reg0[e] = a[a_base + gk * u.m + gr + e]; } }
    }
    {
    let gr = m0 + ((lid + 64u) % 8u) * 4u;
    let gk = 0u + (lid + 64u) / 8u;
    a_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.m) { a_reg1[e] = a[a_base + gk * u.m + gr + e]; } }
    }
    {
    let gr = n0 + (lid + 0u) / 4u;
    let gk = 0u + ((lid + 0u) % 4u) * 4u;
    b_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.n && gk + e < u.k) { b_reg0[e] = b[b_base + gr * u.k + gk + e]; } }
    }
    {
    let gr = n0 + (lid + 64u) / 4u;
    let gk = 0u + ((lid + 64u) % 4u) * 4u;
    b_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.n && gk + e < u.k) { b_reg1[e] = b[b_base + gr * u.k + gk + e]; } }
    }
    {
    a_s[(0u) * 144u + ((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = a_reg0;
    }
    {
    a_s[(0u) * 144u + ((lid + 64u) / 8u) * 9u + (lid + 64u) % 8u] = a_reg1;
    }
    {
    for (var e = 0u; e < 4u; e++) { b_s[(0u) * 144u + (((lid + 0u) % 4u) * 4u + e) * 9u + ((lid + 0u) / 4u) / 4u][((lid + 0u) / 4u) % 4u] = b_reg0[e]; }
    }
    {
    for (var e = 0u; e < 4u; e++) { b_s[(0u) * 144u + (((lid + 64u) % 4u) * 4u + e) * 9u + ((lid + 64u) / 4u) / 4u][((lid + 64u) / 4u) % 4u] = b_reg1[e]; }
    }
  }
  workgroupBarrier();
  for (var kt = 0u; kt < k_tiles; kt++) {
    let cur = kt & 1u;
    let has_next = kt + 1u < k_tiles;
    if (has_next) {
      let k0 = (kt + 1u) * 16u;
      {
    let gr = m0 + ((lid + 0u) % 8u) * 4u;
    let gk = k0 + (lid + 0u) / 8u;
    a_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.m) { a_reg0[e] = a[a_base + gk * u.m + gr + e]; } }
    }
    {
    let gr = m0 + ((lid + 64u) % 8u) * 4u;
    let gk = k0 + (lid + 64u) / 8u;
    a_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gk < u.k && gr + e < u.m) { a_reg1[e] = a[a_base + gk * u.m + gr + e]; } }
    }
      {
    let gr = n0 + (lid + 0u) / 4u;
    let gk = k0 + ((lid + 0u) % 4u) * 4u;
    b_reg0 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.n && gk + e < u.k) { b_reg0[e] = b[b_base + gr * u.k + gk + e]; } }
    }
    {
    let gr = n0 + (lid + 64u) / 4u;
    let gk = k0 + ((lid + 64u) % 4u) * 4u;
    b_reg1 = vec4<f32>(0.0);
    for (var e = 0u; e < 4u; e++) { if (gr < u.n && gk + e < u.k) { b_reg1[e] = b[b_base + gr * u.k + gk + e]; } }
    }
    }
    let ab = cur * 144u;
    let bb = cur * 144u;
    for (var kk = 0u; kk < 16u; kk++) {
      let a_0 = a_s[ab + kk * 9u + 0u + ty];
      let b_0 = b_s[bb + kk * 9u + 0u + tx];
      acc_0_0 = fma(vec4<f32>(a_0[0]), b_0, acc_0_0);
      acc_1_0 = fma(vec4<f32>(a_0[1]), b_0, acc_1_0);
      acc_2_0 = fma(vec4<f32>(a_0[2]), b_0, acc_2_0);
      acc_3_0 = fma(vec4<f32>(a_0[3]), b_0, acc_3_0);
    }
    if (has_next) {
      {
    a_s[(1u - cur) * 144u + ((lid + 0u) / 8u) * 9u + (lid + 0u) % 8u] = a_reg0;
    }
    {
    a_s[(1u - cur) * 144u + ((lid + 64u) / 8u) * 9u + (lid + 64u) % 8u] = a_reg1;
    }
      {
    for (var e = 0u; e < 4u; e++) { b_s[(1u - cur) * 144u + (((lid + 0u) % 4u) * 4u + e) * 9u + ((lid + 0u) / 4u) / 4u][((lid + 0u) / 4u) % 4u] = b_reg0[e]; }
    }
    {
    for (var e = 0u; e < 4u; e++) { b_s[(1u - cur) * 144u + (((lid + 64u) % 4u) * 4u + e) * 9u + ((lid + 64u) / 4u) / 4u][((lid + 64u) / 4u) % 4u] = b_reg1[e]; }
    }
    }
    workgroupBarrier();
  }
  var row = 0u;
  row = m0 + 0u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_0_0[e]; } }
  row = m0 + 1u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_1_0[e]; } }
  row = m0 + 2u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_2_0[e]; } }
  row = m0 + 3u + ty * 4u;
  for (var e = 0u; e < 4u; e++) { if (row < u.m && n0 + 0u + tx * 4u + e < u.n) { c[c_base + row * u.n + n0 + 0u + tx * 4u + e] = acc_3_0[e]; } }
}
