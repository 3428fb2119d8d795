// ---- scatterAdd-zero|y:f32:read_write|y_offset:u32,n:u32
struct Uniforms {
  y_offset: u32,
  n: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }

fn linear_workgroup(wid: vec3<u32>, nwg: vec3<u32>) -> u32 {
  return wid.x + nwg.x * (wid.y + nwg.y * wid.z);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  y_set(i, 0.0);
}

// ---- scatterAdd|ids:i32:read,src:f32:read,y:f32:read_write,errors|ids_offset:u32,src_offset:u32,y_offset:u32,error_tag:u32,n:u32,d:u32,num_rows:u32
struct Uniforms {
  ids_offset: u32,
  src_offset: u32,
  y_offset: u32,
  error_tag: u32,
  n: u32,
  d: u32,
  num_rows: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> ids: array<i32>;
fn ids_get(i: u32) -> i32 { return ids[u.ids_offset + i]; }
@group(0) @binding(2) var<storage, read> src: array<f32>;
fn src_get(i: u32) -> f32 { return src[u.src_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
fn y_get(i: u32) -> f32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: f32) { y[u.y_offset + i] = v; }
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
var<workgroup> duplicate: atomic<u32>;
var<workgroup> skip: u32;
var<workgroup> count: u32;
var<workgroup> scan: array<u32, 256>;
var<workgroup> matches: array<u32, 256>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let j = linear_workgroup(wid, nwg);
  if (j >= u.n) { return; }
  let id = ids_get(j);
  let bad = id < 0 || u32(id) >= u.num_rows;
  // Workgroup memory starts zeroed; any earlier position with this id makes position j a non-owner.
  for (var p = lid; p < j; p += 256u) {
    if (ids_get(p) == id) {
      atomicOr(&duplicate, 1u);
      break;
    }
  }
  workgroupBarrier();
  if (lid == 0u) {
    let dup = atomicLoad(&duplicate) != 0u;
    if (bad && !dup) { report_error(bitcast<u32>(id)); }
    skip = select(0u, 1u, bad || dup);
  }
  if (workgroupUniformLoad(&skip) != 0u) { return; }
  let row = u32(id) * u.d;
  for (var first = (j / 256u) * 256u; first < u.n; first += 256u) {
    let p = first + lid;
    let hit = p >= j && p < u.n && ids_get(p) == id;
    // Inclusive prefix sum of the hits (Hillis–Steele): hit k goes to matches[k], in position order.
    var sum = select(0u, 1u, hit);
    scan[lid] = sum;
    workgroupBarrier();
    for (var offset = 1u; offset < 256u; offset = offset * 2u) {
      if (lid >= offset) { sum += scan[lid - offset]; }
      workgroupBarrier();
      scan[lid] = sum;
      workgroupBarrier();
    }
    if (hit) { matches[sum - 1u] = p; }
    if (lid == 255u) { count = sum; }
    let found = workgroupUniformLoad(&count);
    for (var q = 0u; q < found; q++) {
      let src_row = matches[q] * u.d;
      for (var col = lid; col < u.d; col += 256u) { y_set(row + col, y_get(row + col) + src_get(src_row + col)); }
    }
    workgroupBarrier();
  }
}
