// ---- gather|table:bool:read,ids:i32:read,y:bool:read_write,errors|table_offset:u32,ids_offset:u32,y_offset:u32,error_tag:u32,n:u32,rows:u32,row_size:u32
struct Uniforms {
  table_offset: u32,
  ids_offset: u32,
  y_offset: u32,
  error_tag: u32,
  n: u32,
  rows: u32,
  row_size: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> table: array<u32>;
fn table_get(i: u32) -> bool { let j = u.table_offset + i; return ((table[j >> 2u] >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
@group(0) @binding(2) var<storage, read> ids: array<i32>;
fn ids_get(i: u32) -> i32 { return ids[u.ids_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<atomic<u32>>;
fn y_get(i: u32) -> bool { let j = u.y_offset + i; return ((atomicLoad(&y[j >> 2u]) >> ((j & 3u) * 8u)) & 0xffu) != 0u; }
fn y_set(i: u32, v: bool) {
  let j = u.y_offset + i;
  let shift = (j & 3u) * 8u;
  atomicAnd(&y[j >> 2u], ~(0xffu << shift));
  if (v) { atomicOr(&y[j >> 2u], 1u << shift); }
}
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let c = i % u.row_size;
  let id = ids_get(i / u.row_size);
  if (id < 0 || u32(id) >= u.rows) {
    if (c == 0u) { report_error(bitcast<u32>(id)); }
    y_set(i, bool());
    return;
  }
  y_set(i, table_get(u32(id) * u.row_size + c));
}

// ---- gather|table:f32:read,ids:i32:read,y:f32:read_write,errors|table_offset:u32,ids_offset:u32,y_offset:u32,error_tag:u32,n:u32,rows:u32,row_size:u32
struct Uniforms {
  table_offset: u32,
  ids_offset: u32,
  y_offset: u32,
  error_tag: u32,
  n: u32,
  rows: u32,
  row_size: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> table: array<f32>;
fn table_get(i: u32) -> f32 { return table[u.table_offset + i]; }
@group(0) @binding(2) var<storage, read> ids: array<i32>;
fn ids_get(i: u32) -> i32 { return ids[u.ids_offset + i]; }
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let c = i % u.row_size;
  let id = ids_get(i / u.row_size);
  if (id < 0 || u32(id) >= u.rows) {
    if (c == 0u) { report_error(bitcast<u32>(id)); }
    y_set(i, f32());
    return;
  }
  y_set(i, table_get(u32(id) * u.row_size + c));
}

// ---- gather|table:i32:read,ids:i32:read,y:i32:read_write,errors|table_offset:u32,ids_offset:u32,y_offset:u32,error_tag:u32,n:u32,rows:u32,row_size:u32
struct Uniforms {
  table_offset: u32,
  ids_offset: u32,
  y_offset: u32,
  error_tag: u32,
  n: u32,
  rows: u32,
  row_size: u32,
}
@group(0) @binding(0) var<uniform> u: Uniforms;
@group(0) @binding(1) var<storage, read> table: array<i32>;
fn table_get(i: u32) -> i32 { return table[u.table_offset + i]; }
@group(0) @binding(2) var<storage, read> ids: array<i32>;
fn ids_get(i: u32) -> i32 { return ids[u.ids_offset + i]; }
@group(0) @binding(3) var<storage, read_write> y: array<i32>;
fn y_get(i: u32) -> i32 { return y[u.y_offset + i]; }
fn y_set(i: u32, v: i32) { y[u.y_offset + i] = v; }
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

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32) {
  let i = linear_workgroup(wid, nwg) * 256u + lid;
  if (i >= u.n) { return; }
  let c = i % u.row_size;
  let id = ids_get(i / u.row_size);
  if (id < 0 || u32(id) >= u.rows) {
    if (c == 0u) { report_error(bitcast<u32>(id)); }
    y_set(i, i32());
    return;
  }
  y_set(i, table_get(u32(id) * u.row_size + c));
}
